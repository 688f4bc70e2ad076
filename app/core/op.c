/* Operations and their rules (DESIGN, Architecture). Every rule a screen used to
 * check while drawing its button lives here, so a second device, a replay and an
 * undo meet the same ones: professionals hang last and only in a hang step
 * (seed §2.6), imposed goals are a professional's (§3.2), ten people on a
 * VIP-kaart (§2.7), nothing changes in a finished meeting. */
#include "op.h"

#include <string.h>

/* A translation key: the screen shows it through gettext (core has none); the
 * marker lets the i18n test find every key in use. */
#define N_(key) key

static const char *const words[OP_KINDS] = {
    [OP_NONE] = "",
    [OP_MEETING_CREATE] = "meeting_create", [OP_MEETING_FINISH] = "meeting_finish",
    [OP_MEETING_REOPEN] = "meeting_reopen", [OP_PHASE_GO] = "phase_go", [OP_TIMER] = "timer",
    [OP_NOTE_ADD] = "note_add", [OP_NOTE_EDIT] = "note_update", [OP_DL_STEP] = "drieluik_step",
    [OP_DL_BOARD] = "drieluik_action", [OP_BODEMEIS_ADD] = "bodemeis_add", [OP_BODEMEIS_DELETE] = "bodemeis_delete",
    [OP_DECISION_SAVE] = "decision_save", [OP_DECISION_DELETE] = "decision_delete", [OP_ACTIETEAM] = "actieteam",
    [OP_CONSENT] = "consent", [OP_PLAN_VERSION] = "plan_new_version", [OP_PERSON_ADD] = "person_add",
    [OP_VIP_PICK] = "vip_pick", [OP_VIP_DROP] = "vip_drop", [OP_VIP_SET] = "vip_set", [OP_VIP_SHARE] = "vip_share",
    [OP_VIP_COPY] = "vip_copy_previous", [OP_GOAL_PUT] = "goal_put", [OP_GOAL_DELETE] = "goal_delete",
    [OP_MEETING_DELETE] = "meeting_delete",
};

const char *core_op_word(core_op_kind k) { return k > OP_NONE && k < OP_KINDS ? words[k] : ""; }

core_op_kind core_op_parse(const char *word)
{
    for (int k = OP_NONE + 1; k < OP_KINDS; k++)
        if (word && !strcmp(word, words[k])) return (core_op_kind)k;
    return OP_NONE;
}

const char *core_op_board(const core_op *op)
{
    switch (op->kind) {
    case OP_DL_BOARD: return "drieluik";
    case OP_GOAL_PUT: case OP_GOAL_DELETE: return "goals";
    default: return NULL;
    }
}

int core_op_in_plan(const core_op *op)
{
    switch (op->kind) {
    case OP_GOAL_PUT: case OP_GOAL_DELETE: case OP_BODEMEIS_ADD: case OP_BODEMEIS_DELETE: case OP_ACTIETEAM:
    case OP_DECISION_SAVE: case OP_DECISION_DELETE: case OP_CONSENT: return 1;
    default: return 0;
    }
}

int core_op_adds(const core_op *op)
{
    switch (op->kind) {
    case OP_NOTE_ADD: case OP_BODEMEIS_ADD: case OP_PERSON_ADD: case OP_MEETING_CREATE: return 1;
    case OP_GOAL_PUT: return op->goal && !op->goal->id;
    case OP_DECISION_SAVE: return op->decision && !op->decision->id;
    default: return 0;
    }
}

int core_op_stand_in(const core_op *op)
{
    for (int i = 0; op->rows && i < op->nrows; i++)
        if (op->rows[i].is_group && op->rows[i].g[1].id < 0) return 1;
    return 0;
}

/* A new group's id comes from the store: the board renames its stand-in. */
int core_op_answers(const core_op *op) { return core_op_adds(op) || op->kind == OP_MEETING_DELETE || core_op_stand_in(op); }

static const char *full_key(core_op_kind k)
{
    switch (k) {
    case OP_NOTE_ADD: return N_("why.full_notes");
    case OP_GOAL_PUT: return N_("why.full_goals");
    case OP_DECISION_SAVE: return N_("why.full_decisions");
    case OP_BODEMEIS_ADD: return N_("why.full_bodemeisen");
    case OP_PERSON_ADD: return N_("why.full_people");
    default: return N_("why.full_meetings");
    }
}

static const core_participant *part(const core_op_ctx *c, int64_t id)
{
    for (int i = 0; i < c->nparts; i++)
        if (c->parts[i].id == id) return &c->parts[i];
    return NULL;
}

static const core_note *note(const core_op_ctx *c, int64_t id)
{
    for (int i = 0; i < c->nnotes; i++)
        if (c->notes[i].id == id) return &c->notes[i];
    return NULL;
}

static const core_goal *goal(const core_op_ctx *c, int64_t id)
{
    for (int i = 0; i < c->ngoals; i++)
        if (c->goals[i].id == id) return &c->goals[i];
    return NULL;
}

static core_status refuse(const char **why, const char *key)
{
    *why = key;
    return CORE_EINVAL;
}

/* Hanging a held note: its column's hang step (or the grouping after it), and a
 * professional only once the family has hung all of theirs. */
static core_status check_hang(const core_op_ctx *c, int64_t id, const char **why)
{
    const core_note *n = note(c, id);
    if (!n || n->at.deleted) return refuse(why, N_("why.no_note"));
    if (n->at.hung_at) return refuse(why, N_("why.hung_already"));
    if (!core_dl_step_hangs(c->dl_step, n->at.col)) return refuse(why, N_("why.hang_step"));
    if (core_dl_may_hang(c->notes, c->nnotes, c->parts, c->nparts, n) != CORE_OK) return refuse(why, N_("why.pros_last"));
    return CORE_OK;
}

core_status core_op_check(const core_op_ctx *c, const core_op *op, const char **why)
{
    *why = "";
    if (op->kind <= OP_NONE || op->kind >= OP_KINDS) return refuse(why, N_("why.unknown"));
    if (op->ink_len > CORE_INK_MAX) return refuse(why, N_("why.too_long"));
    for (int i = 0; op->vip && i < op->nvip; i++)
        if (op->vip[i].ink_len > CORE_INK_MAX) return refuse(why, N_("why.too_long"));
    if (op->kind == OP_MEETING_DELETE) return CORE_OK; /* the facilitator's, behind the PIN; finished ones too */
    if (c->finished && op->kind != OP_MEETING_REOPEN) return refuse(why, N_("meeting.readonly"));
    if (c->cap > 0 && c->have >= c->cap && core_op_adds(op)) return refuse(why, full_key(op->kind));
    /* A fixed plan is what everyone said yes to: its goals, bottom lines and team
     * change only in a new version (decisions and answers the store refuses too). */
    if (c->plan_fixed && core_op_in_plan(op)) return refuse(why, N_("plan.fixed_refuse"));
    const core_participant *actor = part(c, op->actor);
    core_role role = actor ? actor->role : ROLE_COUNT;
    switch (op->kind) {
    case OP_MEETING_CREATE: {
        char clean[CORE_TEXT_BYTES(CORE_NAME_MAX)];
        if (!op->tpl || op->nparts < 0 || op->nparts > CORE_PARTICIPANTS_MAX) return refuse(why, N_("why.unknown"));
        if (core_text_take(op->text ? op->text : "", CORE_NAME_MAX, clean, sizeof clean) != CORE_OK)
            return refuse(why, N_("why.title"));
        const char *t;
        if (core_template_check(op->tpl, &t) != CORE_OK) return refuse(why, N_("why.template"));
        return CORE_OK;
    }
    case OP_NOTE_ADD: case OP_NOTE_EDIT: {
        char clean[CORE_TEXT_BYTES(CORE_NOTE_MAX)];
        core_status s = core_note_check(op->text ? op->text : "", op->ink_len, clean, sizeof clean);
        if (s == CORE_EEMPTY) return refuse(why, N_("why.note_empty"));
        if (s != CORE_OK) return refuse(why, N_("why.too_long"));
        if (op->kind == OP_NOTE_EDIT) {
            const core_note *n = note(c, op->id);
            if (c->nnotes && (!n || n->at.deleted)) return refuse(why, N_("why.no_note"));
        }
        return CORE_OK;
    }
    case OP_DL_STEP:
        return op->n >= 0 && op->n < DL_STEPS ? CORE_OK : refuse(why, N_("why.unknown"));
    case OP_DL_BOARD: /* checked before the board changes: its rows come after */
        if (op->nrows < 0 || (op->nrows > 0 && !op->rows)) return refuse(why, N_("why.unknown"));
        if (op->n == DL_VERB_HANG && check_hang(c, op->id, why) != CORE_OK) return CORE_EINVAL;
        /* Whatever the op calls itself, its rows say what it does (a second device or a
         * replay sends rows): a note leaving its tray is a hang and keeps the hang
         * rules; a note in a tray is only ever deleted there. Undo puts back what was. */
        for (int i = 0; op->n != DL_VERB_UNDO && i < op->nrows; i++) {
            const core_dl_change *ch = &op->rows[i];
            if (ch->is_group) continue;
            if (!ch->n[0].hung_at && ch->n[1].hung_at && check_hang(c, ch->n[1].id, why) != CORE_OK) return CORE_EINVAL;
            if (!ch->n[0].hung_at && !ch->n[1].hung_at && op->n != DL_VERB_DELETE) return refuse(why, N_("why.unknown"));
        }
        return CORE_OK;
    case OP_GOAL_PUT: case OP_GOAL_DELETE: {
        const core_goal *before = op->kind == OP_GOAL_PUT ? (op->goal && op->goal->id ? goal(c, op->goal->id) : NULL)
                                                          : goal(c, op->id);
        if (op->kind == OP_GOAL_PUT && !op->goal) return refuse(why, N_("why.unknown"));
        if (op->kind == OP_GOAL_DELETE && !before) return refuse(why, N_("why.no_goal"));
        if (core_goal_may_change(before, op->kind == OP_GOAL_PUT ? op->goal : NULL, role) != CORE_OK)
            return refuse(why, N_("goals.imposed_refused"));
        return CORE_OK;
    }
    case OP_DECISION_SAVE: {
        const char *w;
        if (!op->decision) return refuse(why, N_("why.unknown"));
        if (op->decision->final && core_decision_check_final(op->decision, &w) != CORE_OK)
            return refuse(why, !strcmp(w, "who") ? N_("why.decision_who") : N_("why.decision_what"));
        return CORE_OK;
    }
    case OP_VIP_COPY:
        return op->vip && op->nvip >= 1 && op->nvip <= CORE_VIP_MAX ? CORE_OK : refuse(why, N_("why.unknown"));
    case OP_VIP_PICK:
        return c->vip_count >= CORE_VIP_MAX ? refuse(why, N_("vip.full")) : CORE_OK;
    case OP_CONSENT:
        return op->n > CONSENT_NONE && op->n <= CONSENT_NIET ? CORE_OK : refuse(why, N_("why.unknown"));
    case OP_PERSON_ADD: {
        char clean[CORE_TEXT_BYTES(CORE_NAME_MAX)];
        if (core_text_take(op->text ? op->text : "", CORE_NAME_MAX, clean, sizeof clean) != CORE_OK)
            return refuse(why, N_("why.name"));
        return op->n >= 0 && op->n < REL_COUNT ? CORE_OK : refuse(why, N_("why.unknown"));
    }
    default:
        return CORE_OK;
    }
}
