/* ops: one transaction per operation, with its row in the append-only `ops` log
 * (DESIGN, Architecture and Contracts). The row keeps the op as it was asked (JSON),
 * the ids its new rows got, who did it, on which device, and the inverse when a
 * board can take it back. Undo and redo read the log, so they survive a restart;
 * `schouders ops` prints it and `schouders replay` plays it into another file
 * through the same checks. The actions themselves are the store's functions,
 * run inside the operation's transaction (their own begin is a savepoint). */
#include "store_int.h"

#include <cjson/cJSON.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct store_op_buf {
    core_op op;
    int64_t seq;          /* the log row it came from */
    int how;              /* STORE_HOW_* it is committed as */
    int64_t ids[STORE_IDS_MAX];
    int nids;
    core_template tpl;
    core_participant parts[CORE_PARTICIPANTS_MAX];
    core_goal goal;
    core_decision decision;
    core_vip_entry vip[CORE_VIP_MAX];
    int nvip;
    int64_t links[CORE_DECISIONS_CAP];
    core_dl_change *rows;
    char *text, *board;
    unsigned char *ink;
};

void store_op_buf_free(store_op_buf *b)
{
    if (!b) return;
    core_vip_free(b->vip, b->nvip);
    free(b->rows);
    free(b->text);
    free(b->board);
    free(b->ink);
    free(b);
}

core_op *store_op_buf_op(store_op_buf *b) { return &b->op; }

/* --- the op as JSON ------------------------------------------------------------------- */

static void add_num(cJSON *o, const char *k, double v)
{
    if (v != 0) cJSON_AddNumberToObject(o, k, v);
}

static void add_str(cJSON *o, const char *k, const char *v)
{
    if (v && v[0]) cJSON_AddStringToObject(o, k, v);
}

static void add_ink(cJSON *o, const char *k, const unsigned char *ink, size_t len)
{
    if (!ink || !len) return;
    char *hex = malloc(len * 2 + 1);
    if (!hex) return;
    sodium_bin2hex(hex, len * 2 + 1, ink, len);
    cJSON_AddStringToObject(o, k, hex);
    free(hex);
}

static cJSON *place_json(const core_dl_place *p)
{
    cJSON *o = cJSON_CreateObject();
    add_num(o, "id", (double)p->id);
    add_num(o, "grp", (double)p->grp);
    add_num(o, "hung_at", (double)p->hung_at);
    add_num(o, "order", p->order);
    cJSON_AddNumberToObject(o, "col", p->col);
    cJSON_AddNumberToObject(o, "prompt", p->prompt);
    add_num(o, "mark", p->mark);
    add_num(o, "deleted", p->deleted);
    return o;
}

static cJSON *group_json(const core_dl_group *g)
{
    cJSON *o = cJSON_CreateObject();
    add_num(o, "id", (double)g->id);
    cJSON_AddNumberToObject(o, "col", g->col);
    add_num(o, "mark", g->mark);
    add_num(o, "exists", g->exists);
    add_str(o, "theme", g->theme);
    return o;
}

static cJSON *goal_json(const core_goal *g)
{
    cJSON *o = cJSON_CreateObject();
    add_num(o, "id", (double)g->id);
    add_str(o, "text", g->text);
    cJSON_AddNumberToObject(o, "x", g->x);
    cJSON_AddNumberToObject(o, "y", g->y);
    add_num(o, "needs_network", g->needs_network);
    add_num(o, "support", g->support);
    add_num(o, "precondition", g->precondition);
    add_num(o, "imposed", g->imposed);
    add_num(o, "owner", (double)g->owner);
    add_str(o, "evaluation", g->evaluation);
    cJSON *as = cJSON_AddArrayToObject(o, "actions");
    for (int i = 0; i < g->nactions && i < CORE_ACTIONS_MAX; i++) {
        const core_action *a = &g->actions[i];
        cJSON *j = cJSON_CreateObject();
        add_num(j, "id", (double)a->id);
        add_str(j, "what", a->what);
        add_num(j, "who", (double)a->who);
        add_str(j, "from", a->from);
        add_str(j, "to", a->to);
        add_str(j, "progress", a->progress);
        add_str(j, "next", a->next);
        add_num(j, "done", a->done);
        cJSON_AddItemToArray(as, j);
    }
    return o;
}

static cJSON *op_json(const core_op *op)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "kind", core_op_word(op->kind));
    add_num(o, "meeting", (double)op->meeting);
    add_num(o, "actor", (double)op->actor);
    add_num(o, "id", (double)op->id);
    add_num(o, "id2", (double)op->id2);
    add_num(o, "n", op->n);
    add_num(o, "n2", op->n2);
    add_num(o, "arg", (double)op->arg);
    add_str(o, "text", op->text);
    add_str(o, "board", op->board);
    add_ink(o, "ink", op->ink, op->ink_len);
    if (op->kind == OP_NOTE_ADD) cJSON_AddItemToObject(o, "place", place_json(&op->place));
    if (op->rows) {
        cJSON *rs = cJSON_AddArrayToObject(o, "rows");
        for (int i = 0; i < op->nrows; i++) {
            const core_dl_change *c = &op->rows[i];
            cJSON *r = cJSON_CreateObject();
            if (c->is_group) {
                cJSON_AddItemToObject(r, "group_before", group_json(&c->g[0]));
                cJSON_AddItemToObject(r, "group_after", group_json(&c->g[1]));
            } else {
                cJSON_AddItemToObject(r, "before", place_json(&c->n[0]));
                cJSON_AddItemToObject(r, "after", place_json(&c->n[1]));
            }
            cJSON_AddItemToArray(rs, r);
        }
    }
    if (op->goal) cJSON_AddItemToObject(o, "goal", goal_json(op->goal));
    if (op->links && op->nlinks) {
        cJSON *l = cJSON_AddArrayToObject(o, "links");
        for (int i = 0; i < op->nlinks; i++) cJSON_AddItemToArray(l, cJSON_CreateNumber((double)op->links[i]));
    }
    if (op->vip) {
        cJSON *card = cJSON_AddArrayToObject(o, "card");
        for (int i = 0; i < op->nvip && i < CORE_VIP_MAX; i++) {
            const core_vip_entry *e = &op->vip[i];
            cJSON *j = cJSON_CreateObject();
            cJSON_AddStringToObject(j, "name", e->name);
            add_str(j, "relation", e->relation);
            add_num(j, "contact", e->contact);
            add_num(j, "change", e->change);
            add_str(j, "note", e->note);
            add_ink(j, "ink", e->ink, e->ink_len);
            cJSON_AddItemToArray(card, j);
        }
    }
    if (op->decision) {
        const core_decision *d = op->decision;
        cJSON *j = cJSON_AddObjectToObject(o, "decision");
        add_num(j, "id", (double)d->id);
        add_str(j, "what", d->what);
        add_str(j, "due", d->due);
        add_num(j, "needs_help", d->needs_help);
        add_num(j, "goal", (double)d->goal);
        add_num(j, "final", d->final);
        cJSON *w = cJSON_AddArrayToObject(j, "who");
        for (int i = 0; i < d->nwho && i < CORE_WHO_MAX; i++) cJSON_AddItemToArray(w, cJSON_CreateNumber((double)d->who[i]));
    }
    if (op->tpl) {
        const core_template *t = op->tpl;
        cJSON *j = cJSON_AddObjectToObject(o, "template");
        cJSON_AddStringToObject(j, "id", t->id);
        add_str(j, "name_nl", t->name_nl);
        add_str(j, "name_en", t->name_en);
        cJSON *ps = cJSON_AddArrayToObject(j, "phases");
        for (int i = 0; i < t->nphases && i < CORE_PHASES_MAX; i++) {
            const core_phase_def *d = &t->phases[i];
            cJSON *p = cJSON_CreateObject();
            cJSON_AddStringToObject(p, "title_nl", d->title_nl);
            add_str(p, "title_en", d->title_en);
            cJSON_AddNumberToObject(p, "minutes", d->minutes);
            add_num(p, "closed", d->closed);
            add_str(p, "board", d->board);
            add_str(p, "prompts_nl", d->prompts_nl);
            add_str(p, "prompts_en", d->prompts_en);
            cJSON_AddItemToArray(ps, p);
        }
        cJSON *pa = cJSON_AddArrayToObject(o, "participants");
        for (int i = 0; i < op->nparts && op->parts; i++) {
            const core_participant *q = &op->parts[i];
            cJSON *p = cJSON_CreateObject();
            cJSON_AddStringToObject(p, "name", q->name);
            cJSON_AddStringToObject(p, "role", core_role_word(q->role));
            cJSON_AddNumberToObject(p, "colour", q->colour);
            add_num(p, "present", q->present);
            add_num(p, "supports", (double)q->supports);
            cJSON_AddItemToArray(pa, p);
        }
    }
    return o;
}

/* Reading back: whatever the file or a replayed line holds, every field is kept
 * to its range; a wrong type reads as nothing. */
static int64_t get_i(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    if (!cJSON_IsNumber(v) || !(v->valuedouble == v->valuedouble)) return 0;
    double d = v->valuedouble;
    return d > 9e15 ? (int64_t)9e15 : d < -9e15 ? (int64_t)-9e15 : (int64_t)d;
}

/* An id from a hostile line: a whole number above 0 and within what a double holds
 * exactly, else 0 (none). */
static int64_t id_of(const cJSON *v)
{
    if (!cJSON_IsNumber(v)) return 0;
    double d = v->valuedouble;
    return d >= 1 && d <= 9e15 && d == (double)(int64_t)d ? (int64_t)d : 0;
}

static int get_n(const cJSON *o, const char *k, int lo, int hi)
{
    int64_t v = get_i(o, k);
    return v < lo ? lo : v > hi ? hi : (int)v;
}

static double get_d(const cJSON *o, const char *k, double lo, double hi)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    double d = cJSON_IsNumber(v) ? v->valuedouble : 0;
    return !(d == d) ? lo : d < lo ? lo : d > hi ? hi : d;
}

static void get_s(const cJSON *o, const char *k, char *out, size_t cap)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    const char *s = cJSON_IsString(v) && v->valuestring ? v->valuestring : "";
    core_utf8_clean(s, strlen(s), out, cap);
}

static char *dup_s(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    if (!cJSON_IsString(v) || !v->valuestring) return NULL;
    size_t len = strlen(v->valuestring), cap = len * 3 + 4; /* every bad byte may become U+FFFD */
    char *out = malloc(cap);
    if (out) core_utf8_clean(v->valuestring, len, out, cap);
    return out;
}

/* A drawing kept as hex: *ink malloc'd (its owner frees it), NULL when there is none. */
static store_status get_ink(const cJSON *o, unsigned char **ink, size_t *len)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "ink");
    *ink = NULL;
    *len = 0;
    if (!cJSON_IsString(v) || !v->valuestring) return STORE_OK;
    size_t hl = strlen(v->valuestring);
    if (!(*ink = malloc(hl / 2 + 1))) return STORE_EIO;
    return sodium_hex2bin(*ink, hl / 2 + 1, v->valuestring, hl, NULL, len, NULL) == 0 ? STORE_OK : STORE_EINVAL;
}

static void get_place(const cJSON *o, core_dl_place *p)
{
    memset(p, 0, sizeof *p);
    if (!cJSON_IsObject(o)) return;
    p->id = get_i(o, "id");
    p->grp = get_i(o, "grp");
    p->hung_at = get_i(o, "hung_at");
    p->order = get_d(o, "order", -1e12, 1e12);
    p->col = (int8_t)get_n(o, "col", 0, DL_COLS - 1);
    p->prompt = (int8_t)get_n(o, "prompt", DL_PROMPT_NONE, DL_PROMPTS - 1);
    p->mark = (int8_t)get_n(o, "mark", 0, 1);
    p->deleted = (int8_t)get_n(o, "deleted", 0, 1);
}

static void get_group(const cJSON *o, core_dl_group *g)
{
    memset(g, 0, sizeof *g);
    if (!cJSON_IsObject(o)) return;
    g->id = get_i(o, "id");
    g->col = (int8_t)get_n(o, "col", 0, DL_COLS - 1);
    g->mark = (int8_t)get_n(o, "mark", 0, 1);
    g->exists = (int8_t)get_n(o, "exists", 0, 1);
    get_s(o, "theme", g->theme, sizeof g->theme);
}

static void get_goal(const cJSON *o, core_goal *g)
{
    memset(g, 0, sizeof *g);
    g->id = get_i(o, "id");
    get_s(o, "text", g->text, sizeof g->text);
    g->x = get_d(o, "x", 0, 1);
    g->y = get_d(o, "y", 0, 1);
    g->needs_network = get_n(o, "needs_network", 0, 1);
    g->support = get_n(o, "support", 0, (1 << SUPPORT_KINDS) - 1);
    g->precondition = get_n(o, "precondition", 0, 1);
    g->imposed = get_n(o, "imposed", 0, 1);
    g->owner = get_i(o, "owner");
    get_s(o, "evaluation", g->evaluation, sizeof g->evaluation);
    const cJSON *a;
    cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(o, "actions")) {
        if (g->nactions >= CORE_ACTIONS_MAX) break;
        core_action *x = &g->actions[g->nactions++];
        x->id = get_i(a, "id");
        get_s(a, "what", x->what, sizeof x->what);
        x->who = get_i(a, "who");
        get_s(a, "from", x->from, sizeof x->from);
        get_s(a, "to", x->to, sizeof x->to);
        get_s(a, "progress", x->progress, sizeof x->progress);
        get_s(a, "next", x->next, sizeof x->next);
        x->done = get_n(a, "done", 0, 1);
    }
}

/* An op from its JSON; the buffer owns what its pointers point at. */
static store_status op_parse(const cJSON *o, store_op_buf *b)
{
    core_op *op = &b->op;
    memset(op, 0, sizeof *op);
    const cJSON *k = cJSON_GetObjectItemCaseSensitive(o, "kind");
    op->kind = core_op_parse(cJSON_IsString(k) ? k->valuestring : NULL);
    if (op->kind == OP_NONE) return STORE_EINVAL;
    op->meeting = get_i(o, "meeting");
    op->actor = get_i(o, "actor");
    op->id = get_i(o, "id");
    op->id2 = get_i(o, "id2");
    op->n = get_n(o, "n", -1000000, 1000000);
    op->n2 = get_n(o, "n2", -1000000, 1000000);
    op->arg = get_i(o, "arg");
    op->text = b->text = dup_s(o, "text");
    op->board = b->board = dup_s(o, "board");
    store_status r = get_ink(o, &b->ink, &op->ink_len);
    if (r != STORE_OK) return r;
    op->ink = b->ink;
    get_place(cJSON_GetObjectItemCaseSensitive(o, "place"), &op->place);
    /* A list longer than the meeting holds is refused whole, never cut short. */
    static const struct { const char *parent, *key; int max; } lists[] = {
        {NULL, "participants", CORE_PARTICIPANTS_MAX}, {"template", "phases", CORE_PHASES_MAX},
        {"goal", "actions", CORE_ACTIONS_MAX}, {"decision", "who", CORE_WHO_MAX}, {NULL, "card", CORE_VIP_MAX}};
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        const cJSON *in = lists[i].parent ? cJSON_GetObjectItemCaseSensitive(o, lists[i].parent) : o;
        if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(in, lists[i].key)) > lists[i].max) return STORE_EINVAL;
    }
    const cJSON *rows = cJSON_GetObjectItemCaseSensitive(o, "rows");
    if (cJSON_IsArray(rows)) {
        int n = cJSON_GetArraySize(rows);
        if (n > 0 && !(b->rows = calloc((size_t)n, sizeof *b->rows))) return STORE_EIO;
        const cJSON *r;
        cJSON_ArrayForEach(r, rows) {
            core_dl_change *c = &b->rows[op->nrows++];
            const cJSON *gb = cJSON_GetObjectItemCaseSensitive(r, "group_before");
            c->is_group = gb != NULL;
            if (c->is_group) {
                get_group(gb, &c->g[0]);
                get_group(cJSON_GetObjectItemCaseSensitive(r, "group_after"), &c->g[1]);
            } else {
                get_place(cJSON_GetObjectItemCaseSensitive(r, "before"), &c->n[0]);
                get_place(cJSON_GetObjectItemCaseSensitive(r, "after"), &c->n[1]);
            }
        }
        op->rows = b->rows;
    }
    const cJSON *g = cJSON_GetObjectItemCaseSensitive(o, "goal");
    if (cJSON_IsObject(g)) {
        get_goal(g, &b->goal);
        op->goal = &b->goal;
    }
    const cJSON *links = cJSON_GetObjectItemCaseSensitive(o, "links"), *e;
    cJSON_ArrayForEach(e, links) {
        if (op->nlinks >= CORE_DECISIONS_CAP || !id_of(e)) return STORE_EINVAL;
        b->links[op->nlinks++] = id_of(e);
    }
    if (op->nlinks) op->links = b->links;
    const cJSON *card = cJSON_GetObjectItemCaseSensitive(o, "card");
    if (cJSON_IsArray(card)) {
        cJSON_ArrayForEach(e, card) {
            if (b->nvip >= CORE_VIP_MAX) break;
            core_vip_entry *x = &b->vip[b->nvip++];
            memset(x, 0, sizeof *x);
            get_s(e, "name", x->name, sizeof x->name);
            get_s(e, "relation", x->relation, sizeof x->relation);
            x->contact = get_n(e, "contact", 0, CORE_VIP_FACES);
            x->change = (core_vip_change)get_n(e, "change", VIP_CHANGE_NONE, VIP_ANDERS);
            get_s(e, "note", x->note, sizeof x->note);
            if ((r = get_ink(e, &x->ink, &x->ink_len)) != STORE_OK) return r;
        }
        op->vip = b->vip;
        op->nvip = b->nvip;
    }
    const cJSON *d = cJSON_GetObjectItemCaseSensitive(o, "decision");
    if (cJSON_IsObject(d)) {
        core_decision *x = &b->decision;
        memset(x, 0, sizeof *x);
        x->id = get_i(d, "id");
        get_s(d, "what", x->what, sizeof x->what);
        get_s(d, "due", x->due, sizeof x->due);
        x->needs_help = get_n(d, "needs_help", 0, 1);
        x->goal = get_i(d, "goal");
        x->final = get_n(d, "final", 0, 1);
        const cJSON *w;
        cJSON_ArrayForEach(w, cJSON_GetObjectItemCaseSensitive(d, "who"))
            if (x->nwho < CORE_WHO_MAX && id_of(w)) x->who[x->nwho++] = id_of(w);
        op->decision = x;
    }
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "template");
    if (cJSON_IsObject(t)) {
        core_template *x = &b->tpl;
        memset(x, 0, sizeof *x);
        get_s(t, "id", x->id, sizeof x->id);
        get_s(t, "name_nl", x->name_nl, sizeof x->name_nl);
        get_s(t, "name_en", x->name_en, sizeof x->name_en);
        const cJSON *p;
        cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(t, "phases")) {
            if (x->nphases >= CORE_PHASES_MAX) break;
            core_phase_def *f = &x->phases[x->nphases++];
            get_s(p, "title_nl", f->title_nl, sizeof f->title_nl);
            get_s(p, "title_en", f->title_en, sizeof f->title_en);
            f->minutes = get_n(p, "minutes", 0, 24 * 60);
            f->closed = get_n(p, "closed", 0, 1);
            get_s(p, "board", f->board, sizeof f->board);
            get_s(p, "prompts_nl", f->prompts_nl, sizeof f->prompts_nl);
            get_s(p, "prompts_en", f->prompts_en, sizeof f->prompts_en);
        }
        cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(o, "participants")) {
            if (op->nparts >= CORE_PARTICIPANTS_MAX) break;
            core_participant *q = &b->parts[op->nparts++];
            memset(q, 0, sizeof *q);
            get_s(p, "name", q->name, sizeof q->name);
            char role[32];
            get_s(p, "role", role, sizeof role);
            if (core_role_parse(role, &q->role) != CORE_OK) return STORE_EINVAL;
            q->colour = (uint32_t)get_n(p, "colour", 0, 0xFFFFFF);
            q->present = get_n(p, "present", 0, 1);
            q->supports = get_n(p, "supports", 0, CORE_PARTICIPANTS_MAX);
        }
        op->tpl = x;
        op->parts = b->parts;
    }
    return STORE_OK;
}

/* --- committing ---------------------------------------------------------------------- */

/* Runs the action inside the open transaction; *made gets its first new id. */
static store_status run(store *st, core_op *op, int64_t now, int64_t *made)
{
    int64_t m = op->meeting, id = 0;
    store_status r;
    switch (op->kind) {
    case OP_MEETING_CREATE:
        r = store_meeting_create(st, op->text, op->tpl, op->parts, op->nparts, now, &id);
        if (r == STORE_OK) op->meeting = id;
        break;
    case OP_MEETING_FINISH: r = store_meeting_finish(st, m, now); break;
    case OP_MEETING_REOPEN: r = store_meeting_reopen(st, m, now); break;
    case OP_PHASE_GO: r = store_phase_go(st, m, op->n, now); break;
    case OP_TIMER: r = store_phase_timer(st, m, op->n, (store_timer_op)op->n2, op->arg, now); break;
    case OP_NOTE_ADD:
        r = store_note_add(st, m, op->board ? op->board : "drieluik", &op->place, op->actor, op->text, op->ink, op->ink_len,
                           now, &id);
        break;
    case OP_NOTE_EDIT: r = store_note_update(st, op->id, op->text, op->ink, op->ink_len, now); break;
    case OP_DL_STEP: r = store_dl_set(st, m, op->n, op->n2, now); break;
    case OP_DL_BOARD: r = store_dl_apply(st, m, op->rows, op->nrows, 1, now); break;
    case OP_BODEMEIS_ADD: r = store_bodemeis_add(st, m, op->text ? op->text : "", op->actor, now); break;
    case OP_BODEMEIS_DELETE: r = store_bodemeis_delete(st, m, op->id, now); break;
    case OP_DECISION_SAVE:
        r = op->decision ? store_decision_save(st, m, op->decision, now) : STORE_EINVAL;
        if (r == STORE_OK) id = op->decision->id;
        break;
    case OP_DECISION_DELETE: r = store_decision_delete(st, m, op->id, now); break;
    case OP_ACTIETEAM: r = store_actieteam_set(st, m, op->id, op->n, now); break;
    case OP_CONSENT: r = store_consent_set(st, m, op->id, (core_consent)op->n, op->text ? op->text : "", now); break;
    case OP_PLAN_VERSION: r = store_plan_new_version(st, m, now); break;
    case OP_PERSON_ADD: r = store_person_add(st, m, op->text ? op->text : "", (core_relation)op->n, now, &id); break;
    case OP_VIP_PICK: r = store_vip_pick(st, m, op->id, op->id2, now); break;
    case OP_VIP_DROP: r = store_vip_drop(st, op->id, op->id2, now); break;
    case OP_VIP_SET:
        r = store_vip_set(st, op->id, op->id2, op->n, (core_vip_change)op->n2, op->text ? op->text : "", op->ink,
                          op->ink_len, now);
        break;
    case OP_VIP_SHARE: r = store_vip_share(st, op->id, op->n, now); break;
    case OP_VIP_COPY: r = op->vip ? store_vip_copy_entries(st, m, op->id, op->vip, op->nvip, now) : STORE_EINVAL; break;
    case OP_GOAL_PUT:
        r = op->goal ? store_goal_put(st, m, op->goal, now) : STORE_EINVAL;
        if (r == STORE_OK) id = op->goal->id;
        /* A deleted goal brought back: the decisions that served it serve it again
         * (the delete had set their goal to none). */
        for (int i = 0; r == STORE_OK && op->links && i < op->nlinks; i++) {
            int64_t a[3] = {id, m, op->links[i]};
            r = st_run(st, "UPDATE decisions SET goal=?1 WHERE meeting=?2 AND id=?3", 3, a, NULL);
        }
        break;
    case OP_GOAL_DELETE: r = store_goal_delete(st, m, op->id, now); break;
    default: r = STORE_EINVAL;
    }
    if (made) *made = id;
    return r;
}

/* The op that takes op back, as JSON, or NULL when no board undoes it. `before`:
 * the goal as it was (put over one, or deleted). Runs after the action, so new
 * groups and goals carry their ids. */
static cJSON *inverse_json(const core_op *op, const core_goal *before, const int64_t *links, int nlinks)
{
    core_op inv = {.kind = op->kind, .meeting = op->meeting, .actor = op->actor};
    cJSON *j = NULL;
    switch (op->kind) {
    case OP_DL_BOARD: {
        core_dl_change *sw = malloc((size_t)op->nrows * sizeof *sw);
        if (!sw) return NULL;
        for (int i = 0; i < op->nrows; i++) {
            sw[i] = op->rows[i];
            sw[i].n[0] = op->rows[i].n[1], sw[i].n[1] = op->rows[i].n[0];
            sw[i].g[0] = op->rows[i].g[1], sw[i].g[1] = op->rows[i].g[0];
        }
        inv.rows = sw;
        inv.nrows = op->nrows;
        inv.n = DL_VERB_UNDO;
        inv.id = op->id;
        j = op_json(&inv);
        free(sw);
        return j;
    }
    case OP_GOAL_PUT:
        if (before) {
            inv.goal = (core_goal *)before;
        } else {
            inv.kind = OP_GOAL_DELETE;
            inv.id = op->goal->id;
        }
        return op_json(&inv);
    case OP_GOAL_DELETE:
        if (!before) return NULL;
        inv.kind = OP_GOAL_PUT;
        inv.goal = (core_goal *)before;
        inv.links = links;
        inv.nlinks = nlinks;
        return op_json(&inv);
    default:
        return NULL;
    }
}

static char *print_ids(const int64_t *ids, int n)
{
    cJSON *a = cJSON_CreateArray();
    for (int i = 0; i < n; i++) cJSON_AddItemToArray(a, cJSON_CreateNumber((double)ids[i]));
    char *s = cJSON_PrintUnformatted(a);
    cJSON_Delete(a);
    return s;
}

/* One operation, one transaction: the action, then its log row. */
static store_status commit(store *st, core_op *op, int how, int64_t ref, const int64_t *want, int nwant, int64_t now,
                           int64_t *made, int64_t *seq_out)
{
    if (st->depth != 0) return STORE_EIO; /* operations never nest */
    cJSON *asked = op_json(op); /* as asked: a replay asks the same */
    static core_goal before; /* one op at a time: the store has one owner at a time (writer.c) */
    int have_before = 0;
    store_status r = asked ? st_begin(st) : STORE_EIO;
    if (r != STORE_OK) {
        cJSON_Delete(asked);
        return r;
    }
    int64_t gid = op->kind == OP_GOAL_DELETE ? op->id : op->kind == OP_GOAL_PUT && op->goal ? op->goal->id : 0;
    if (gid && how == STORE_HOW_DO) have_before = store_goal(st, op->meeting, gid, &before) == STORE_OK;
    /* The decisions a goal about to be deleted serves: its undo links them again. */
    static int64_t links[CORE_DECISIONS_CAP];
    int nlinks = 0;
    if (op->kind == OP_GOAL_DELETE && how == STORE_HOW_DO && have_before) {
        sqlite3_stmt *q;
        if (st_prepare(st, "SELECT id FROM decisions WHERE meeting=? AND goal=? ORDER BY id", &q) == STORE_OK) {
            sqlite3_bind_int64(q, 1, op->meeting);
            sqlite3_bind_int64(q, 2, gid);
            while (nlinks < CORE_DECISIONS_CAP && sqlite3_step(q) == SQLITE_ROW) links[nlinks++] = sqlite3_column_int64(q, 0);
            sqlite3_finalize(q);
        }
    }
    st->nmade = 0;
    st->nwant = nwant < STORE_IDS_MAX ? nwant : STORE_IDS_MAX;
    st->iwant = 0;
    if (st->nwant) memcpy(st->want, want, (size_t)st->nwant * sizeof *want);
    r = run(st, op, now, made);
    st->nwant = st->iwant = 0;
    char *payload = NULL, *ids = NULL, *inverse = NULL;
    if (r == STORE_OK) {
        payload = cJSON_PrintUnformatted(asked);
        ids = print_ids(st->made, st->nmade);
        cJSON *inv = how == STORE_HOW_DO ? inverse_json(op, have_before ? &before : NULL, links, nlinks) : NULL;
        if (inv) inverse = cJSON_PrintUnformatted(inv);
        cJSON_Delete(inv);
        const char *board = core_op_board(op);
        sqlite3_stmt *s;
        if (!payload || !ids) r = STORE_EIO;
        else if ((r = st_prepare(st, "INSERT INTO ops(meeting, at, actor, device, kind, board, how, ref, op, ids, inverse)"
                                     " VALUES(?,?,nullif(?,0),?,?,?,?,nullif(?,0),?,?,?)", &s)) == STORE_OK) {
            sqlite3_bind_int64(s, 1, op->meeting);
            sqlite3_bind_int64(s, 2, now);
            sqlite3_bind_int64(s, 3, op->actor);
            sqlite3_bind_text(s, 4, st->device, -1, SQLITE_STATIC);
            sqlite3_bind_text(s, 5, core_op_word(op->kind), -1, SQLITE_STATIC);
            if (board) sqlite3_bind_text(s, 6, board, -1, SQLITE_STATIC);
            sqlite3_bind_int(s, 7, how);
            sqlite3_bind_int64(s, 8, ref);
            sqlite3_bind_text(s, 9, payload, -1, SQLITE_STATIC);
            sqlite3_bind_text(s, 10, ids, -1, SQLITE_STATIC);
            if (inverse) sqlite3_bind_text(s, 11, inverse, -1, SQLITE_STATIC);
            int rc = sqlite3_step(s);
            sqlite3_finalize(s);
            if (rc != SQLITE_DONE) r = st_fail(st, rc);
            else if (seq_out) *seq_out = sqlite3_last_insert_rowid(st->db);
        }
    }
    cJSON_Delete(asked);
    free(payload);
    free(ids);
    free(inverse);
    r = r == STORE_OK ? st_commit(st) : st_rollback(st, r);
    return r;
}

store_status store_op(store *st, core_op *op, int64_t now_ms, int64_t *made)
{
    /* A delete takes the meeting's log with it (its words must go): journaled only,
     * and it finishes wiping the file after its own COMMIT (store_purge). */
    if (op->kind == OP_MEETING_DELETE) {
        if (made) *made = 0;
        return store_meeting_delete(st, op->meeting, now_ms);
    }
    return commit(st, op, STORE_HOW_DO, 0, NULL, 0, now_ms, made, NULL);
}

/* --- undo and redo ---------------------------------------------------------------------- */

/* The log is never changed: whether a step is undone is read from the rows that
 * name it (ref). A step is undone while the newest row naming it is an undo. */
static const char undo_sql[] =
    "SELECT o.seq, o.inverse, '[]' FROM ops o WHERE o.meeting=?1 AND o.board=?2 AND o.how=0 AND o.inverse IS NOT NULL"
    " AND coalesce((SELECT r.how FROM ops r WHERE r.ref=o.seq ORDER BY r.seq DESC LIMIT 1), 2)=2"
    " ORDER BY o.seq DESC LIMIT 1";
/* Redo: the step the newest still-standing undo took back, unless a new step came after that undo. */
static const char redo_sql[] =
    "SELECT o.seq, o.op, o.ids FROM ops u JOIN ops o ON o.seq=u.ref WHERE u.meeting=?1 AND u.board=?2 AND u.how=1"
    " AND u.seq=(SELECT max(r.seq) FROM ops r WHERE r.ref=u.ref)"
    " AND NOT EXISTS(SELECT 1 FROM ops n WHERE n.meeting=?1 AND n.board=?2 AND n.how=0 AND n.seq>u.seq)"
    " ORDER BY u.seq DESC LIMIT 1";

static store_status buf_from_json(const char *text, const char *ids, store_op_buf **out)
{
    store_op_buf *b = calloc(1, sizeof *b);
    if (!b) return STORE_EIO;
    cJSON *j = text ? cJSON_Parse(text) : NULL;
    store_status r = j ? op_parse(j, b) : STORE_ECORRUPT;
    cJSON_Delete(j);
    cJSON *a = ids ? cJSON_Parse(ids) : NULL, *v;
    cJSON_ArrayForEach(v, a) {
        if (b->nids >= STORE_IDS_MAX || !id_of(v)) {
            r = r == STORE_OK ? STORE_EINVAL : r; /* more ids than an op makes, or not ids at all */
            break;
        }
        b->ids[b->nids++] = id_of(v);
    }
    cJSON_Delete(a);
    if (r != STORE_OK) {
        store_op_buf_free(b);
        return r;
    }
    *out = b;
    return STORE_OK;
}

char *st_op_text(const core_op *op)
{
    cJSON *j = op_json(op);
    char *s = j ? cJSON_PrintUnformatted(j) : NULL;
    cJSON_Delete(j);
    return s;
}

store_status st_op_read(const char *text, store_op_buf **out)
{
    *out = NULL;
    return buf_from_json(text, NULL, out);
}

store_status store_undo_peek(store *st, int64_t meeting, const char *board, int redo, store_op_buf **out)
{
    *out = NULL;
    sqlite3_stmt *s;
    store_status r = st_prepare(st, redo ? redo_sql : undo_sql, &s);
    if (r != STORE_OK) return r;
    sqlite3_bind_int64(s, 1, meeting);
    sqlite3_bind_text(s, 2, board, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        r = buf_from_json((const char *)sqlite3_column_text(s, 1), (const char *)sqlite3_column_text(s, 2), out);
        if (r == STORE_OK) {
            (*out)->seq = sqlite3_column_int64(s, 0);
            (*out)->how = redo ? STORE_HOW_REDO : STORE_HOW_UNDO;
            (*out)->op.meeting = meeting;
        }
    } else {
        r = rc == SQLITE_DONE ? STORE_ENOTFOUND : st_fail(st, rc);
    }
    sqlite3_finalize(s);
    return r;
}

int store_can_undo(store *st, int64_t meeting, const char *board, int redo)
{
    sqlite3_stmt *s;
    if (st_kept(st, redo ? ST_KEPT_REDO : ST_KEPT_UNDO, redo ? redo_sql : undo_sql, &s) != STORE_OK) return 0;
    sqlite3_bind_int64(s, 1, meeting);
    sqlite3_bind_text(s, 2, board, -1, SQLITE_STATIC);
    int yes = sqlite3_step(s) == SQLITE_ROW;
    sqlite3_reset(s); /* ends its read: a statement left stepped holds the WAL's old snapshot */
    return yes;
}

store_status store_undo_commit(store *st, store_op_buf *b, int64_t now_ms, uint64_t *ticket)
{
    const int64_t *ids = b->how == STORE_HOW_REDO ? b->ids : NULL;
    if (ticket) {
        *ticket = 0;
        /* Handed over as text, with the log row it names: the caller frees b at once.
         * A redo that makes a group again is committed here: the commit gives the
         * rows the group's id in place of the stand-in the first making had, and
         * the board applies those rows. */
        if (st_writing(st) && !core_op_stand_in(&b->op)) {
            char *text = st_op_text(&b->op);
            return text ? st_hand_over(st, text, now_ms, &b->op, b->how, b->seq, ids, b->nids, ticket) : STORE_EIO;
        }
    }
    return commit(st, &b->op, b->how, b->seq, ids, b->nids, now_ms, NULL, NULL);
}

store_status st_op_commit_text(store *st, const char *text, int how, int64_t ref, const int64_t *ids, int nids, int64_t now_ms)
{
    store_op_buf *b = NULL;
    store_status r = st_op_read(text, &b);
    if (r == STORE_OK)
        r = how == STORE_HOW_DO ? store_op(st, &b->op, now_ms, NULL) : commit(st, &b->op, how, ref, ids, nids, now_ms, NULL, NULL);
    store_op_buf_free(b);
    return r;
}

/* --- the log out and back in ------------------------------------------------------------ */

store_status store_ops_write(store *st, int64_t meeting, FILE *out)
{
    sqlite3_stmt *s;
    store_status r = st_prepare(st, "SELECT seq, at, coalesce(actor,0), device, how, coalesce(ref,0), op, ids FROM ops"
                                    " WHERE meeting=? ORDER BY seq", &s);
    if (r != STORE_OK && strstr(st->err, "no such table")) {
        snprintf(st->err, sizeof st->err, "this file has no log of operations yet (an older Schouders made it; the app adds one when it opens it)");
        return STORE_ENOTFOUND;
    }
    if (r != STORE_OK) return r;
    sqlite3_bind_int64(s, 1, meeting);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "seq", (double)sqlite3_column_int64(s, 0));
        cJSON_AddNumberToObject(o, "at", (double)sqlite3_column_int64(s, 1));
        cJSON_AddNumberToObject(o, "actor", (double)sqlite3_column_int64(s, 2));
        cJSON_AddStringToObject(o, "device", (const char *)sqlite3_column_text(s, 3));
        static const char *const hows[] = {"do", "undo", "redo"};
        int how = sqlite3_column_int(s, 4);
        cJSON_AddStringToObject(o, "how", hows[how < 0 || how > 2 ? 0 : how]);
        if (sqlite3_column_int64(s, 5)) cJSON_AddNumberToObject(o, "ref", (double)sqlite3_column_int64(s, 5));
        cJSON *op = cJSON_Parse((const char *)sqlite3_column_text(s, 6));
        cJSON *ids = cJSON_Parse((const char *)sqlite3_column_text(s, 7));
        cJSON_AddItemToObject(o, "op", op ? op : cJSON_CreateNull());
        cJSON_AddItemToObject(o, "ids", ids ? ids : cJSON_CreateArray());
        char *line = cJSON_PrintUnformatted(o);
        cJSON_Delete(o);
        if (!line) return sqlite3_finalize(s), STORE_EIO;
        int ok = fprintf(out, "%s\n", line) > 0;
        free(line);
        if (!ok) return sqlite3_finalize(s), STORE_EIO;
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? STORE_OK : st_fail(st, rc);
}

/* What the rules need, read from the file (a replay has no screen holding it). */
typedef struct {
    core_op_ctx c;
    core_participant parts[CORE_PARTICIPANTS_MAX];
    core_note *notes;
    core_goal *goals;
} file_ctx;

enum { REPLAY_NOTES_MAX = 4000, REPLAY_GOALS_MAX = 200 };

static store_status load_ctx(store *st, const core_op *op, file_ctx *f)
{
    memset(&f->c, 0, sizeof f->c);
    core_meeting m;
    if (op->kind == OP_MEETING_CREATE) return STORE_OK;
    store_status r = store_meeting(st, op->meeting, &m);
    if (r != STORE_OK) return r;
    f->c.finished = m.status == MEETING_FINISHED;
    int version = 0;
    int64_t fixed_at = 0;
    if (core_op_in_plan(op) && store_plan(st, op->meeting, &version, &fixed_at) == STORE_OK) f->c.plan_fixed = fixed_at != 0;
    if ((r = store_participants(st, op->meeting, f->parts, CORE_PARTICIPANTS_MAX, &f->c.nparts)) != STORE_OK) return r;
    f->c.parts = f->parts;
    if (op->kind == OP_DL_BOARD || op->kind == OP_NOTE_EDIT) {
        if ((r = store_dl_settings(st, op->meeting, &f->c.dl_step, &f->c.pros_write)) != STORE_OK) return r;
        if ((r = store_notes(st, op->meeting, "drieluik", 0, f->notes, REPLAY_NOTES_MAX, &f->c.nnotes)) != STORE_OK) return r;
        f->c.notes = f->notes;
    }
    if (op->kind == OP_GOAL_PUT || op->kind == OP_GOAL_DELETE) {
        if ((r = store_goals(st, op->meeting, f->goals, REPLAY_GOALS_MAX, &f->c.ngoals)) != STORE_OK) return r;
        f->c.goals = f->goals;
    }
    /* The list an op adds to: how many it holds, against the same caps as the screens'. */
    static const struct { core_op_kind k; const char *sql; int cap; } caps[] = {
        {OP_NOTE_ADD, "SELECT count(*) FROM notes WHERE meeting=?", CORE_NOTES_CAP /* deleted ones too: the board holds them for undo */},
        {OP_GOAL_PUT, "SELECT count(*) FROM goals WHERE meeting=?", CORE_GOALS_CAP},
        {OP_DECISION_SAVE, "SELECT count(*) FROM decisions WHERE meeting=?", CORE_DECISIONS_CAP},
        {OP_BODEMEIS_ADD, "SELECT count(*) FROM bodemeisen WHERE meeting=?", CORE_BODEMEISEN_CAP},
        {OP_PERSON_ADD, "SELECT count(*) FROM people WHERE meeting=?", CORE_PEOPLE_CAP}};
    for (size_t i = 0; i < sizeof caps / sizeof caps[0] && r == STORE_OK; i++) {
        if (caps[i].k != op->kind) continue;
        sqlite3_stmt *s;
        if ((r = st_prepare(st, caps[i].sql, &s)) != STORE_OK) break;
        sqlite3_bind_int64(s, 1, op->meeting);
        f->c.have = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
        f->c.cap = caps[i].cap;
        sqlite3_finalize(s);
    }
    if (op->kind == OP_VIP_PICK) {
        core_vip_entry *e = calloc(CORE_VIP_MAX + 1, sizeof *e);
        int n = 0;
        if (!e) return STORE_EIO;
        r = store_vip_card(st, op->id, e, CORE_VIP_MAX + 1, &n);
        core_vip_free(e, n);
        free(e);
        f->c.vip_count = n;
    }
    return r;
}

store_status store_replay(store *st, FILE *in, int *count, char *msg, size_t cap)
{
    *count = 0;
    snprintf(msg, cap, "%s", "");
    file_ctx *f = calloc(1, sizeof *f);
    if (f) f->notes = calloc(REPLAY_NOTES_MAX, sizeof *f->notes);
    if (f && f->notes) f->goals = calloc(REPLAY_GOALS_MAX, sizeof *f->goals);
    /* The original's sequence numbers, mapped to this file's (undo rows name them). */
    int64_t *from = NULL, *to = NULL;
    size_t nmap = 0, mapcap = 0, linecap = 0;
    char *line = NULL;
    store_status r = f && f->notes && f->goals ? STORE_OK : STORE_EIO;
    ssize_t len;
    int lineno = 0;
    while (r == STORE_OK && (len = getline(&line, &linecap, in)) > 0) {
        lineno++;
        cJSON *o = cJSON_Parse(line);
        store_op_buf *b = NULL;
        const cJSON *how = cJSON_GetObjectItemCaseSensitive(o, "how");
        const char *hw = cJSON_IsString(how) ? how->valuestring : "do";
        int h = !strcmp(hw, "undo") ? STORE_HOW_UNDO : !strcmp(hw, "redo") ? STORE_HOW_REDO : STORE_HOW_DO;
        char *op_text = o ? cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(o, "op")) : NULL;
        char *ids_text = o ? cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(o, "ids")) : NULL;
        r = o && op_text ? buf_from_json(op_text, ids_text, &b) : STORE_EINVAL;
        free(op_text);
        free(ids_text);
        if (r != STORE_OK) {
            snprintf(msg, cap, "line %d: not an operation (its kind, fields or ids are not right)", lineno);
            cJSON_Delete(o);
            break;
        }
        int64_t ref = 0, old_ref = get_i(o, "ref"), old_seq = get_i(o, "seq"), now = get_i(o, "at");
        for (size_t i = 0; i < nmap; i++)
            if (from[i] == old_ref) ref = to[i];
        if (h != STORE_HOW_DO && !ref) {
            snprintf(msg, cap, "line %d: an undo of a step that is not in the file", lineno);
            r = STORE_EINVAL;
        }
        /* An undo or redo is what this file's log says it is: the newest step of its
         * board taken back (or done again), never whatever the line carries. */
        if (r == STORE_OK && h != STORE_HOW_DO) {
            const char *board = core_op_board(&b->op);
            store_op_buf *u = NULL;
            if (!board || store_undo_peek(st, b->op.meeting, board, h == STORE_HOW_REDO, &u) != STORE_OK || u->seq != ref) {
                snprintf(msg, cap, "line %d: an %s of a step that is not the newest %s on its board", lineno,
                         h == STORE_HOW_REDO ? "redo" : "undo", h == STORE_HOW_REDO ? "undone one" : "one");
                r = STORE_EINVAL;
                store_op_buf_free(u);
            } else {
                u->op.actor = b->op.actor;
                store_op_buf_free(b);
                b = u;
            }
        }
        const char *why = "";
        if (r == STORE_OK && (r = load_ctx(st, &b->op, f)) != STORE_OK)
            snprintf(msg, cap, "line %d: %s: %s", lineno, core_op_word(b->op.kind),
                     r == STORE_ENOTFOUND ? "its meeting is not in the file (its meeting_create comes first)" : store_errmsg(st));
        if (r == STORE_OK && core_op_check(&f->c, &b->op, &why) != CORE_OK) {
            snprintf(msg, cap, "line %d: %s refused: %s", lineno, core_op_word(b->op.kind), why);
            r = STORE_EINVAL;
        }
        core_notes_free(f->notes, f->c.nnotes);
        f->c.nnotes = 0;
        int64_t seq = 0;
        if (r == STORE_OK) {
            r = commit(st, &b->op, h, ref, b->ids, b->nids, now, NULL, &seq);
            if (r != STORE_OK)
                snprintf(msg, cap, "line %d: %s: %s", lineno, core_op_word(b->op.kind),
                         store_errmsg(st)[0] ? store_errmsg(st) : "refused by the file (a row it names is not there, or its id is taken)");
        }
        if (r == STORE_OK && nmap == mapcap) {
            mapcap = mapcap ? mapcap * 2 : 64;
            int64_t *nf = realloc(from, mapcap * sizeof *from), *nt = nf ? realloc(to, mapcap * sizeof *to) : NULL;
            if (nf) from = nf;
            if (nt) to = nt;
            if (!nf || !nt) r = STORE_EIO;
        }
        if (r == STORE_OK) {
            from[nmap] = old_seq;
            to[nmap++] = seq;
            (*count)++;
        }
        store_op_buf_free(b);
        cJSON_Delete(o);
    }
    free(line);
    free(from);
    free(to);
    if (f) {
        free(f->notes);
        free(f->goals);
    }
    free(f);
    return r;
}
