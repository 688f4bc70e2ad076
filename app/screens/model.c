/* model: the open meeting read from the file into a scr_model (DESIGN,
 * Architecture: the app owns the model), and an op applied to it. The meeting
 * screen reads it once and then changes it only through scr_model_apply, called
 * where an op is committed; the painter reads its own to draw a board as a picture.
 * Each reader frees what it replaces, so reading again never leaks. */
#include "screens.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

store_status scr_model_meeting(store *st, int64_t id, scr_model *m)
{
    store_status r = store_meeting(st, id, &m->meeting);
    if (r == STORE_OK) r = store_phases(st, id, m->phases, CORE_PHASES_MAX, &m->nphases);
    if (r == STORE_OK) r = store_participants(st, id, m->mparts, CORE_PARTICIPANTS_MAX, &m->nmparts);
    /* The current phase is kept to one the meeting has (an edited file could say -1
     * or 99): every screen may index by it. */
    if (r == STORE_OK && (m->meeting.current_phase < 0 || m->meeting.current_phase >= m->nphases))
        m->meeting.current_phase = m->nphases > 0 && m->meeting.current_phase >= m->nphases ? m->nphases - 1 : 0;
    return r;
}

store_status scr_model_dl(store *st, scr_model *m)
{
    core_notes_free(m->notes, m->nnotes);
    m->nnotes = m->ngroups = 0;
    store_status r = store_notes(st, m->meeting.id, "drieluik", 1, m->notes, SCR_NOTES_MAX, &m->nnotes);
    if (r == STORE_OK) r = store_dl_groups(st, m->meeting.id, m->groups, SCR_GROUPS_MAX, &m->ngroups);
    if (r == STORE_OK) r = store_dl_settings(st, m->meeting.id, &m->dl_step, &m->pros_write);
    return r;
}

store_status scr_model_goals(store *st, scr_model *m)
{
    return store_goals(st, m->meeting.id, m->goals, SCR_GOALS_MAX, &m->ngoals);
}

store_status scr_model_plan(store *st, scr_model *m)
{
    int64_t id = m->meeting.id;
    store_status r = store_people(st, id, m->people, (int)SDL_arraysize(m->people), &m->npeople);
    if (r == STORE_OK) r = store_bodemeisen(st, id, m->bm, SCR_BODEMEISEN_MAX, &m->nbm);
    if (r == STORE_OK) r = store_decisions(st, id, m->dec, SCR_DECISIONS_MAX, &m->ndec);
    if (r == STORE_OK) r = store_actieteam(st, id, m->team, (int)SDL_arraysize(m->team), &m->nteam);
    if (r == STORE_OK) r = store_consents(st, id, m->consent_ids, m->consent, CORE_PARTICIPANTS_MAX, &m->nconsent);
    if (r == STORE_OK) r = store_plan(st, id, &m->plan_version, &m->fixed_at);
    int cur = m->meeting.current_phase;
    m->nabsent = 0;
    if (r == STORE_OK && cur >= 0 && cur < m->nphases)
        r = store_absent(st, m->phases[cur].id, m->absent, CORE_PARTICIPANTS_MAX, &m->nabsent);
    return r;
}

void scr_model_vip_for(scr_model *m, const core_participant *child)
{
    scr_model_vip_free(m);
    memset(&m->vip, 0, sizeof m->vip);
    m->vip.child = child->id;
    snprintf(m->vip.child_name, sizeof m->vip.child_name, "%s", child->name);
}

store_status scr_model_vip(store *st, scr_model *m)
{
    scr_model_vip_free(m);
    store_status r = store_people(st, m->meeting.id, m->people, (int)SDL_arraysize(m->people), &m->npeople);
    if (r == STORE_OK) r = store_vip_card(st, m->vip.child, m->vip.card, CORE_VIP_MAX, &m->vip.ncard);
    if (r == STORE_OK) r = store_vip_previous(st, m->meeting.id, m->vip.child_name, m->vip.prev, CORE_VIP_MAX, &m->vip.nprev,
                                              &m->vip.prev_meeting);
    if (r == STORE_OK) r = store_vip_shared(st, m->vip.child, &m->vip.shared);
    return r;
}

void scr_model_vip_free(scr_model *m)
{
    core_vip_free(m->vip.card, m->vip.ncard);
    core_vip_free(m->vip.prev, m->vip.nprev);
    m->vip.ncard = m->vip.nprev = 0;
}

void scr_model_free(scr_model *m)
{
    core_notes_free(m->notes, m->nnotes);
    m->nnotes = 0;
    scr_model_vip_free(m);
}

/* The index of id in a list of ids, or -1. */
static int find_id(const int64_t *ids, int n, int64_t id)
{
    for (int i = 0; i < n; i++)
        if (ids[i] == id) return i;
    return -1;
}

static unsigned char *copy_ink(const unsigned char *ink, size_t len)
{
    unsigned char *c = len ? malloc(len) : NULL;
    if (c) memcpy(c, ink, len);
    return c;
}

/* Lists of rows whose first field is their id (goals, bottom lines, decisions):
 * put replaces the row with item's id or adds it at the end; drop takes it out. */
_Static_assert(offsetof(core_goal, id) == 0 && offsetof(core_bodemeis, id) == 0 && offsetof(core_decision, id) == 0,
               "put and drop read a row's id from its first field");

static int64_t id_at(const void *arr, size_t size, int i)
{
    int64_t id;
    memcpy(&id, (const char *)arr + (size_t)i * size, sizeof id);
    return id;
}

static void put(void *arr, int *n, int cap, size_t size, const void *item)
{
    int64_t id = id_at(item, size, 0);
    int i = 0;
    if (id <= 0) return; /* new, without its id yet: read again once saved */
    while (i < *n && id_at(arr, size, i) != id) i++;
    if (i == *n && *n >= cap) return;
    memcpy((char *)arr + (size_t)i * size, item, size);
    if (i == *n) (*n)++;
}

static void drop(void *arr, int *n, size_t size, int64_t id)
{
    for (int i = 0; i < *n; i++)
        if (id_at(arr, size, i) == id) {
            memmove((char *)arr + (size_t)i * size, (char *)arr + (size_t)(i + 1) * size, size * (size_t)(--*n - i));
            return;
        }
}

static core_vip_entry *on_card(scr_model *m, int64_t person)
{
    for (int i = 0; i < m->vip.ncard; i++)
        if (m->vip.card[i].person == person) return &m->vip.card[i];
    return NULL;
}

void scr_model_apply(scr_model *m, const core_op *op)
{
    switch (op->kind) {
    case OP_DL_BOARD: /* the change list core made, with the store's ids for new groups */
        core_dl_apply(m->notes, m->nnotes, m->groups, &m->ngroups, SCR_GROUPS_MAX, op->rows, op->nrows, 1);
        break;
    case OP_TIMER: /* minutes added; a pause or a go on takes the time the store gives it: read again */
        for (int i = 0; i < m->nphases && op->n2 == STORE_TIMER_ADD; i++)
            if (m->phases[i].seq == op->n) { /* a file's value may be at int64's end: held there, as the screen reads it back */
                int64_t *x = &m->phases[i].extra_ms;
                *x = op->arg > 0 && *x > INT64_MAX - op->arg ? INT64_MAX : op->arg < 0 && *x < INT64_MIN - op->arg ? INT64_MIN : *x + op->arg;
            }
        break;
    case OP_DL_STEP:
        m->dl_step = op->n;
        m->pros_write = op->n2;
        break;
    case OP_NOTE_EDIT:
        for (int i = 0; i < m->nnotes; i++) {
            core_note *n = &m->notes[i];
            if (n->id != op->id) continue;
            char clean[sizeof n->text];
            if (core_note_check(op->text ? op->text : "", op->ink_len, clean, sizeof clean) != CORE_OK) break;
            unsigned char *ink = copy_ink(op->ink, op->ink_len); /* before the old goes: the op may carry it */
            memcpy(n->text, clean, sizeof clean);
            free(n->ink);
            n->ink = ink;
            n->ink_len = ink ? op->ink_len : 0;
            break;
        }
        break;
    case OP_GOAL_PUT:
        if (op->goal) put(m->goals, &m->ngoals, SCR_GOALS_MAX, sizeof m->goals[0], op->goal);
        break;
    case OP_GOAL_DELETE: drop(m->goals, &m->ngoals, sizeof m->goals[0], op->id); break;
    case OP_BODEMEIS_DELETE: drop(m->bm, &m->nbm, sizeof m->bm[0], op->id); break;
    case OP_DECISION_SAVE:
        if (op->decision) put(m->dec, &m->ndec, SCR_DECISIONS_MAX, sizeof m->dec[0], op->decision);
        break;
    case OP_DECISION_DELETE: drop(m->dec, &m->ndec, sizeof m->dec[0], op->id); break;
    case OP_ACTIETEAM: {
        int i = find_id(m->team, m->nteam, op->id);
        if (op->n && i < 0 && m->nteam < (int)(sizeof m->team / sizeof m->team[0])) m->team[m->nteam++] = op->id;
        else if (!op->n && i >= 0) m->team[i] = m->team[--m->nteam];
        break;
    }
    case OP_CONSENT: {
        int i = find_id(m->consent_ids, m->nconsent, op->id);
        if (i < 0 && m->nconsent < CORE_PARTICIPANTS_MAX) m->consent_ids[i = m->nconsent++] = op->id;
        if (i >= 0) m->consent[i] = (core_consent)op->n;
        break;
    }
    case OP_VIP_PICK: {
        if (op->id != m->vip.child || on_card(m, op->id2) || m->vip.ncard >= CORE_VIP_MAX) break;
        for (int i = 0; i < m->npeople; i++) {
            const core_person *p = &m->people[i];
            if (p->id != op->id2) continue;
            core_vip_entry *e = &m->vip.card[m->vip.ncard++];
            memset(e, 0, sizeof *e);
            e->person = p->id;
            memcpy(e->name, p->name, sizeof e->name);
            memcpy(e->relation, p->relation, sizeof e->relation);
            break;
        }
        break;
    }
    case OP_VIP_DROP: {
        core_vip_entry *e = op->id == m->vip.child ? on_card(m, op->id2) : NULL;
        if (!e) break;
        free(e->ink);
        *e = m->vip.card[--m->vip.ncard];
        break;
    }
    case OP_VIP_SET: {
        core_vip_entry *e = op->id == m->vip.child ? on_card(m, op->id2) : NULL;
        if (!e) break;
        /* The op may carry the entry's own words and ink (a face tapped keeps the
         * note): copied before the old ones go. */
        unsigned char *ink = copy_ink(op->ink, op->ink_len);
        char note[sizeof e->note];
        snprintf(note, sizeof note, "%s", op->text ? op->text : "");
        e->contact = op->n;
        e->change = (core_vip_change)op->n2;
        memcpy(e->note, note, sizeof note);
        free(e->ink);
        e->ink = ink;
        e->ink_len = ink ? op->ink_len : 0;
        break;
    }
    case OP_VIP_SHARE:
        if (op->id == m->vip.child) m->vip.shared = op->n;
        break;
    default: /* the rest is read again from the file once it is saved */
        break;
    }
}
