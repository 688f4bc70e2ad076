/* Operations: every change a person can make to a meeting is one value of core_op
 * (DESIGN, Architecture). A screen turns a gesture into an op; core_op_check holds
 * every rule; the store commits it in one transaction with its row in the `ops`
 * log; undo is the inverse op, checked by the same rules. The log's words
 * (core_op_word) are the journal's. Plain C11: no SDL, no SQLite. */
#ifndef SCHOUDERS_OP_H
#define SCHOUDERS_OP_H

#include "core.h"

typedef enum {
    OP_NONE = 0,
    OP_MEETING_CREATE, /* title, tpl, parts/nparts; made: the meeting, phases, participants, people */
    OP_MEETING_FINISH, /* Bijeenkomst afronden */
    OP_MEETING_REOPEN,
    OP_PHASE_GO,       /* n: the phase index to go to */
    OP_TIMER,          /* n: phase seq, n2: store_timer_op, arg: ms */
    OP_NOTE_ADD,       /* board, place, actor (author), text, ink; made: the note */
    OP_NOTE_EDIT,      /* id, text, ink */
    OP_DL_STEP,        /* n: step, n2: professionals write along */
    OP_DL_BOARD,       /* the Drieluik's board: rows (after states, before for undo); n: core_dl_verb, id: the note */
    OP_BODEMEIS_ADD,   /* text, actor (by) */
    OP_BODEMEIS_DELETE,/* id */
    OP_DECISION_SAVE,  /* decision (id 0: new; made: it) */
    OP_DECISION_DELETE,/* id */
    OP_ACTIETEAM,      /* id: person, n: on */
    OP_CONSENT,        /* id: participant, n: core_consent, text: remark */
    OP_PLAN_VERSION,   /* a new version of a fixed plan */
    OP_PERSON_ADD,     /* text: name, n: core_relation; made: the person */
    OP_VIP_PICK,       /* id: child, id2: person */
    OP_VIP_DROP,       /* id: child, id2: person */
    OP_VIP_SET,        /* id: child, id2: person, n: contact, n2: change, text: note, ink */
    OP_VIP_SHARE,      /* id: child, n: shared */
    OP_VIP_COPY,       /* id: child, vip/nvip: last time's card (the log carries it, so a replay needs no earlier meeting) */
    OP_GOAL_PUT,       /* goal (id 0: new; made: it and its actions) */
    OP_GOAL_DELETE,    /* id */
    OP_MEETING_DELETE, /* the meeting and everything of it, its log included: journaled, not logged */
    OP_KINDS
} core_op_kind;

/* What an OP_DL_BOARD does, for the log and the rules. */
typedef enum { DL_VERB_HANG = 0, DL_VERB_DROP, DL_VERB_MARK, DL_VERB_THEME, DL_VERB_DELETE, DL_VERB_UNDO } core_dl_verb;

/* One operation. Pointers are borrowed for the call that takes the op; whoever
 * keeps an op copies them (the store keeps it as JSON). Fields unused by a kind
 * are zero. */
typedef struct {
    core_op_kind kind;
    int64_t meeting;
    int64_t actor; /* the participant doing it (at the screen, writing, answering); 0: the facilitator's device */
    int64_t id, id2;
    int n, n2;
    int64_t arg;
    const char *text;
    const char *board;
    const unsigned char *ink;
    size_t ink_len;
    core_dl_place place;          /* OP_NOTE_ADD: where the new note goes */
    core_dl_change *rows;         /* OP_DL_BOARD; the store writes the ids of new groups back */
    int nrows;
    core_goal *goal;              /* OP_GOAL_PUT; id set when new */
    core_decision *decision;      /* OP_DECISION_SAVE; id set when new */
    const core_template *tpl;     /* OP_MEETING_CREATE */
    const core_participant *parts;
    int nparts;
    const core_vip_entry *vip;    /* OP_VIP_COPY */
    int nvip;
    const int64_t *links;         /* OP_GOAL_PUT: decisions that serve the goal again (undoing its delete) */
    int nlinks;
} core_op;

/* The word of a kind in the log and the journal ("note_add"); "" for none. */
const char *core_op_word(core_op_kind k);
core_op_kind core_op_parse(const char *word); /* OP_NONE for anything else */
/* The board whose undo takes this op back ("drieluik", "goals"), or NULL when the
 * op is not undone from a board. */
const char *core_op_board(const core_op *op);

/* What the rules look at: the meeting as the caller holds it. Any list may be
 * empty (n 0) when the op does not need it; a rule that needs one it lacks refuses. */
typedef struct {
    int finished;                       /* the meeting is finished: nothing changes */
    const core_participant *parts;
    int nparts;
    const core_note *notes;
    int nnotes;
    int dl_step, pros_write;
    const core_goal *goals;
    int ngoals;
    int vip_count;                      /* people on the card of the op's child */
    int plan_fixed;                     /* the plan is fixed (all consented): it changes only in a new version */
    int have, cap;                      /* the list the op adds to: how many it holds, how many the
                                         * caller can hold (0: no limit). A cap is refused, never silent */
} core_op_ctx;

/* 1 when the op adds an item to a list (a note, a goal, a decision, a bottom line, a
 * person, a meeting): the caller fills the ctx's have and cap for that list. */
int core_op_adds(const core_op *op);
/* 1 when whoever asks for op needs the store's answer before going on: the ids of
 * new rows (core_op_adds, a new group on the Drieluik), a meeting deleted. Such an
 * op is committed while the screen waits; any other is handed to the writer. */
int core_op_answers(const core_op *op);
/* 1 when the op makes a Drieluik group under a stand-in id (< 0) the store replaces. */
int core_op_stand_in(const core_op *op);
/* 1 when the op changes the plan (goals, bottom lines, decisions, team, consent): a
 * fixed plan refuses it, so the caller fills the ctx's plan_fixed for it. */
int core_op_in_plan(const core_op *op);

/* Every rule an op must keep. CORE_OK, or an error with *why: a translation key
 * ("why.hang_step") the screen shows as it is. Pure. */
core_status core_op_check(const core_op_ctx *c, const core_op *op, const char **why);

#endif
