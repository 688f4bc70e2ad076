/* core: the domain of a family network meeting and its rules.
 * Plain C11 and libc only: no SDL, no SQLite, no clock. Time comes in as an argument. */
#ifndef SCHOUDERS_CORE_H
#define SCHOUDERS_CORE_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    CORE_OK = 0,
    CORE_EINVAL,   /* input breaks a rule; the caller shows why */
    CORE_EEMPTY,   /* a required text is empty */
    CORE_ETOOLONG, /* a text is over its limit */
    CORE_EFULL     /* a list is at its maximum */
} core_status;

/* Text limits in characters (code points), in one place. */
enum {
    CORE_NAME_MAX = 80,      /* names, titles, themes */
    CORE_NOTE_MAX = 280,     /* a post-it: a keyword note */
    CORE_LONG_MAX = 1000,    /* goals and decisions */
    CORE_PIN_MIN = 4,
    CORE_PIN_MAX = 8,
    CORE_PARTICIPANTS_MAX = 40,
    CORE_PHASES_MAX = 16
};

/* How many of each a meeting holds: what the screens have room for, so a replay or
 * a second device meets the same caps as a finger (a cap is refused, never silent). */
enum {
    CORE_NOTES_CAP = 1200, CORE_GOALS_CAP = 48, CORE_DECISIONS_CAP = 64, CORE_BODEMEISEN_CAP = 32,
    CORE_PEOPLE_CAP = 80, CORE_MEETINGS_CAP = 200
};

/* The largest drawing the ink format holds (ui/ink.h: a header, 256 stroke ends and
 * 4,096 points): anything bigger came from no pen. */
enum { CORE_INK_MAX = 4 + 256 * 2 + 4096 * 4 };

/* Bytes to hold a text of n characters: 4 bytes per UTF-8 code point plus the NUL. */
#define CORE_TEXT_BYTES(n) ((n) * 4 + 1)

typedef enum {
    ROLE_KIND = 0,
    ROLE_OUDER,
    ROLE_PLEEGOUDER,
    ROLE_NETWERKLID,
    ROLE_SUPPORTER,
    ROLE_PROFESSIONAL,
    ROLE_FACILITATOR,
    ROLE_COUNT
} core_role;

/* The lowercase word of DESIGN's export contract ("kind", "ouder", ...). */
const char *core_role_word(core_role r);
/* Parses a role word; CORE_EINVAL for anything else. */
core_status core_role_parse(const char *word, core_role *out);
/* Professionals and the facilitator leave during the closed segment. */
int core_role_is_professional(core_role r);

typedef enum { SECTOR_FAMILIE = 0, SECTOR_SOCIAAL, SECTOR_PROFESSIONEEL, SECTOR_COUNT } core_sector;
const char *core_sector_word(core_sector s);
/* The network sector a participant of this role starts in (they can be moved later). */
core_sector core_role_sector(core_role r);

typedef enum { MEETING_PREPARING = 0, MEETING_RUNNING, MEETING_FINISHED } core_meeting_status;
const char *core_meeting_status_word(core_meeting_status s);

/* The participant palette (Okabe-Ito), 0xRRGGBB. */
enum { CORE_PALETTE_SIZE = 8 };
uint32_t core_palette(int i);
/* The first palette colour none of `used` has; when all are taken, the least used. */
uint32_t core_colour_next(const uint32_t *used, int n);

typedef struct {
    int64_t id;
    char name[CORE_TEXT_BYTES(CORE_NAME_MAX)];
    core_role role;
    uint32_t colour;
    int present;
    int64_t supports; /* participant id this one supports, 0 for none */
} core_participant;

/* A phase's prompts on screen: lines joined by '\n' (a heading, then its questions
 * starting with "- "). */
enum { CORE_PROMPTS_BYTES = 1800 };

typedef struct {
    char title_nl[CORE_TEXT_BYTES(CORE_NAME_MAX)];
    char title_en[CORE_TEXT_BYTES(CORE_NAME_MAX)];
    int minutes;
    int closed;      /* the closed segment: professionals step out */
    char board[32];  /* which board the phase shows: "none", "drieluik", "goals", ... */
    char prompts_nl[CORE_PROMPTS_BYTES];
    char prompts_en[CORE_PROMPTS_BYTES];
} core_phase_def;

/* The boards a phase can show, one vocabulary for layouts, the command line, the
 * export and the code (DESIGN, Architecture: the boards table). A new board is one
 * entry here, one in the screens' table (screens/boards.c), its file and its layout. */
typedef enum {
    BOARD_NONE = 0, /* a phase to talk: its prompts */
    BOARD_BREAK,
    BOARD_DRIELUIK,
    BOARD_GOALS,
    BOARD_BODEMEISEN,
    BOARD_DECISIONS,
    BOARD_CONSENT,
    BOARD_VIP,      /* a child's card: no phase of its own, a picture */
    BOARD_CIRCLE,   /* de voorstelronde: who is here */
    BOARD_KINDS
} core_board;
typedef struct {
    const char *id;      /* in layouts, the file and the export: "goals" */
    const char *alias;   /* the Dutch word the command line also takes ("doelen"), or NULL */
    int in_phase;        /* a layout's phase may show it */
    core_board picture;  /* the board picture that shows it (decisions, consent and bottom lines: one) */
} core_board_info;
const core_board_info *core_board_about(core_board b);
/* A board by its id or alias; -1 for any other word. */
int core_board_parse(const char *word);

/* A meeting template from layouts/. */
typedef struct {
    char id[64]; /* the file name without .json */
    char name_nl[CORE_TEXT_BYTES(CORE_NAME_MAX)];
    char name_en[CORE_TEXT_BYTES(CORE_NAME_MAX)];
    core_phase_def phases[CORE_PHASES_MAX];
    int nphases;
} core_template;

/* Checks a template read from a layout file; on failure `why` names the first problem. */
core_status core_template_check(const core_template *t, const char **why);

typedef struct {
    int64_t id;
    char title[CORE_TEXT_BYTES(CORE_NAME_MAX)];
    char template_id[64];
    int64_t created_at_ms; /* Unix time, ms */
    core_meeting_status status;
    int current_phase;     /* index into the phases, 0-based */
    int nparticipants;
    int64_t finished_at_ms; /* when it was finished (Bijeenkomst afronden); 0 while not */
} core_meeting;

typedef struct {
    int64_t id;
    int seq;
    core_phase_def def;
    int64_t started_at_ms; /* 0 when not started */
    int64_t ended_at_ms;   /* 0 while it runs (or before it started) */
    int64_t paused_ms;     /* time not counted: pauses, and time spent in other phases */
    int64_t paused_at_ms;  /* 0 unless paused now */
    int64_t extra_ms;      /* minutes the facilitator added (+1, +5) */
} core_phase;

/* The timer is wall-clock start plus spans not counted, so it is right after a
 * restart. Elapsed counts to now (or to the end, or to the pause). */
int64_t core_phase_elapsed_ms(const core_phase *p, int64_t now_ms);
/* Time left of the planned minutes plus the extra; below zero it is the overrun. */
int64_t core_phase_left_ms(const core_phase *p, int64_t now_ms);
/* mm:ss (or h:mm:ss) of a span, without sign; out needs 16 bytes. */
void core_clock_text(int64_t ms, char *out, size_t cap);

/* --- Drieluik (seed §2.6) ----------------------------------------------------- */

/* The three columns: fears (left), the plan (middle), wishes (right). */
typedef enum { DL_LEFT = 0, DL_MIDDLE, DL_RIGHT, DL_COLS } core_dl_col;
/* The middle column's four questions; DL_PROMPT_NONE on the sides. */
typedef enum { DL_PROMPT_NONE = -1, DL_WIE = 0, DL_VRAGEN, DL_INFORMATIE, DL_WAAR, DL_PROMPTS } core_dl_prompt;
/* The steps of the procedure, in order (meetings.drieluik_step). */
typedef enum {
    DL_WRITE_LEFT = 0, DL_WRITE_RIGHT, DL_HANG_LEFT, DL_GROUP_LEFT, DL_HANG_RIGHT, DL_GROUP_RIGHT, DL_FILL_MIDDLE,
    DL_STEPS
} core_dl_step;

const char *core_dl_col_word(int col);       /* "left", "middle", "right" */
int core_dl_col_parse(const char *word);     /* -1 for anything else */
const char *core_dl_prompt_word(int prompt); /* "wie", "vragen", "informatie", "waar"; "" for none */
int core_dl_prompt_parse(const char *word);  /* DL_PROMPT_NONE for anything else */
/* The column a step works on. */
int core_dl_step_col(int step);
/* 1 if people write post-its in this step (to their tray; the middle straight onto the board). */
int core_dl_step_writes(int step);
/* 1 if notes of `col` may be hung in this step (its hang step, and the grouping after it). */
int core_dl_step_hangs(int step, int col);
/* 1 if this step chooses het ergste (left) or de grootste wens (right). */
int core_dl_step_marks(int step);

/* The Drieluik's board as data (layouts/drieluik.json): per column its title,
 * question, colours and icon; the middle's four questions. An empty text means
 * the app's own words. */
typedef enum { DL_ICON_CLOUD = 0, DL_ICON_PATH, DL_ICON_SUN } core_dl_icon;
typedef struct {
    char title_nl[CORE_TEXT_BYTES(CORE_NAME_MAX)], title_en[CORE_TEXT_BYTES(CORE_NAME_MAX)];
    char question_nl[CORE_TEXT_BYTES(CORE_NAME_MAX)], question_en[CORE_TEXT_BYTES(CORE_NAME_MAX)];
    uint32_t note, edge; /* 0xRRGGBB */
    int icon;            /* core_dl_icon */
} core_dl_column;
typedef struct {
    core_dl_column cols[DL_COLS];
    char prompt_nl[DL_PROMPTS][CORE_TEXT_BYTES(CORE_NAME_MAX)];
    char prompt_en[DL_PROMPTS][CORE_TEXT_BYTES(CORE_NAME_MAX)];
} core_dl_layout;
/* STYLE.md's colours and icons, no texts: what the board uses when its file is missing. */
void core_dl_layout_default(core_dl_layout *l);

/* Where a post-it is: everything a board action changes and undo puts back. */
typedef struct {
    int64_t id;
    int64_t grp;      /* its group, 0 for none; below 0 a group not yet stored */
    int64_t hung_at;  /* Unix ms; 0 while it is in its writer's tray */
    double order;     /* its place in the column: lower first */
    int8_t col, prompt, mark, deleted;
} core_dl_place;

/* A group of notes that belong together, with its theme. */
typedef struct {
    int64_t id;       /* below 0: new, not yet stored */
    int8_t col, mark;
    int8_t exists;    /* 0: dissolved (kept so undo can bring it back) */
    char theme[CORE_TEXT_BYTES(CORE_NAME_MAX)];
} core_dl_group;

/* One row a board action changed, before and after; undo applies before, redo after. */
typedef struct {
    int is_group;
    core_dl_place n[2];
    core_dl_group g[2];
} core_dl_change;

/* A post-it: typed text, ink (an opaque BLOB the ui kit reads), or both (ink
 * with a caption), and where it is. */
typedef struct {
    int64_t id;
    char board[16];
    int64_t author;    /* participant id, 0 for none */
    char text[CORE_TEXT_BYTES(CORE_NOTE_MAX)];
    unsigned char *ink; /* malloc'd by the store; release: core_notes_free */
    size_t ink_len;
    int64_t created_at_ms;
    core_dl_place at;
} core_note;

/* Who may write: everyone but professionals (and the facilitator), who take part
 * only when the facilitator switches that on for the meeting (seed §2.6). */
int core_dl_may_write(core_role r, int pros_write);
/* Notes `author` still holds for col (in the tray, not deleted). */
int core_dl_held(const core_note *notes, int n, int64_t author, int col);
/* Notes held for col by everyone who is not a professional. */
int core_dl_held_by_family(const core_note *notes, int n, const core_participant *ps, int np, int col);
/* May the held note be hung now? Professionals hang last: CORE_EINVAL while anyone
 * else still holds a note for that column. */
core_status core_dl_may_hang(const core_note *notes, int n, const core_participant *ps, int np, const core_note *note);

/* Board actions. Each changes notes[] and groups[] in place and tidies them: a
 * group lives while it holds notes, a mark sits on the group of a grouped note,
 * only one unit per side carries the mark. Nothing is stored here: the caller
 * diffs with core_dl_diff and commits the changes. */
core_status core_dl_hang(core_note *notes, int n, core_dl_group *g, int *ng, int64_t note, int64_t now_ms);
/* Where a dragged note was let go: a note, a group, or a column (and prompt);
 * col -1: outside every column. */
typedef struct { int col, prompt; int64_t note, grp; } core_dl_target;
/* Drops a hung note: onto a note makes a group (or joins its group), onto a group
 * joins it, onto bare column leaves its group. CORE_EINVAL: it goes back. */
core_status core_dl_drop(core_note *notes, int n, core_dl_group *g, int *ng, int gcap, int64_t note, core_dl_target t);
/* Puts col's mark (het ergste / de grootste wens) on a note or a group (grp != 0). */
core_status core_dl_set_mark(core_note *notes, int n, core_dl_group *g, int ng, int col, int64_t note, int64_t grp);
/* A group's theme, cleaned; may be empty. */
core_status core_dl_set_theme(core_dl_group *g, int ng, int64_t grp, const char *theme);
core_status core_dl_delete(core_note *notes, int n, core_dl_group *g, int *ng, int64_t note);
/* The rows that differ between the snapshot (places[], gbefore[]) and now. Returns
 * how many were written to out (at most cap). */
int core_dl_diff(const core_dl_place *places, const core_note *notes, int n, const core_dl_group *gbefore, int ngb,
                 const core_dl_group *g, int ng, core_dl_change *out, int cap);
/* Sets each changed row to its before (undo) or after (redo) state; a group the
 * arrays no longer hold is added (up to gcap). */
void core_dl_apply(core_note *notes, int n, core_dl_group *g, int *ng, int gcap, const core_dl_change *ch, int nch,
                   int after);
/* A new group got its stored id: renames it everywhere. */
void core_dl_rename_group(core_note *notes, int n, core_dl_group *g, int ng, core_dl_change *ch, int nch,
                          int64_t from, int64_t to);

/* A note needs words or ink; its text is cleaned and at most CORE_NOTE_MAX characters. */
core_status core_note_check(const char *text, size_t ink_len, char *clean, size_t cap);
void core_notes_free(core_note *notes, int n);

/* --- the plan: bottom lines, decisions, consent (§3.4, §3.9, §3.10) ------------ */

/* A person of the meeting's network: every participant, and people added later. */
typedef struct {
    int64_t id;
    char name[CORE_TEXT_BYTES(CORE_NAME_MAX)];
    int64_t participant; /* 0 when not a participant */
    char relation[16];   /* a relation word, or the participant's role word */
} core_person;

/* A non-negotiable condition set by a professional in phase 1. */
typedef struct {
    int64_t id;
    char text[CORE_TEXT_BYTES(CORE_LONG_MAX)];
    int64_t by; /* participant id */
} core_bodemeis;

enum { CORE_WHO_MAX = 16 };

/* A decision or agreement of the family: a draft until marked final. */
typedef struct {
    int64_t id;
    char what[CORE_TEXT_BYTES(CORE_LONG_MAX)];
    char due[11];       /* "YYYY-MM-DD", or "" */
    int needs_help;     /* professional help needed */
    int64_t goal;       /* 0 for none */
    int final;
    int64_t who[CORE_WHO_MAX]; /* people ids */
    int nwho;
} core_decision;

/* A decision may be final only with a what and a who; why names what is missing. */
core_status core_decision_check_final(const core_decision *d, const char **why);

typedef enum { CONSENT_NONE = 0, CONSENT_AKKOORD, CONSENT_VOORBEHOUD, CONSENT_NIET } core_consent;
const char *core_consent_word(core_consent c); /* "akkoord", "voorbehoud", "niet_akkoord" */

/* --- the VIP-kaart (§2.7) ---------------------------------------------------------- */

enum { CORE_VIP_MAX = 10, CORE_VIP_FACES = 5 };

/* Relations a child picks from pictograms when adding someone. */
typedef enum {
    REL_MAMA = 0, REL_PAPA, REL_OMA, REL_OPA, REL_BROER, REL_ZUS, REL_PLEEGMAMA, REL_PLEEGPAPA,
    REL_VRIEND, REL_VRIENDIN, REL_JUF, REL_BUREN, REL_COACH, REL_HUISDIER, REL_ANDERS, REL_COUNT
} core_relation;
const char *core_relation_word(core_relation r); /* "mama", ..., "anders" */
core_sector core_relation_sector(core_relation r);

typedef enum { VIP_CHANGE_NONE = 0, VIP_MEER, VIP_MINDER, VIP_GOED, VIP_ANDERS } core_vip_change;
const char *core_vip_change_word(core_vip_change c); /* "meer", "minder", "goed", "anders"; "" */
core_vip_change core_vip_change_parse(const char *word);

/* One person on a child's card: how the contact is (1 very happy .. 5 very sad, 0
 * not said), whether it should change, and a note (words and/or ink). */
typedef struct {
    int64_t person;
    char name[CORE_TEXT_BYTES(CORE_NAME_MAX)];
    char relation[16];
    int contact;
    core_vip_change change;
    char note[CORE_TEXT_BYTES(CORE_NOTE_MAX)];
    unsigned char *ink; /* malloc'd by the store; release: core_vip_free */
    size_t ink_len;
} core_vip_entry;
void core_vip_free(core_vip_entry *e, int n);

/* --- goals in view (§3.1-§3.3) --------------------------------------------------- */

typedef enum { TERM_KORT = 0, TERM_LANG } core_term;
typedef enum { PRIO_HOOG = 0, PRIO_MIDDEN, PRIO_LAAG } core_priority;
/* Kinds of support from the network (§2.8), as bits. */
enum {
    SUPPORT_EMOTIONEEL = 1, SUPPORT_INFORMATIEF = 2, SUPPORT_MATERIEEL = 4, SUPPORT_PRAKTISCH = 8,
    SUPPORT_PROFESSIONEEL = 16, SUPPORT_KINDS = 5
};
const char *core_term_word(core_term t);         /* "kort", "lang" */
const char *core_priority_word(core_priority p); /* "hoog", "midden", "laag" */
const char *core_support_word(int i);            /* i-th kind: "emotioneel", ... */
/* "emotioneel,praktisch" for bits, and back. */
void core_support_text(int bits, char *out, size_t cap);
int core_support_parse(const char *text);

enum { CORE_ACTIONS_MAX = 8 };

/* An action of a goal, in Samen1plan's fields. */
typedef struct {
    int64_t id;
    char what[CORE_TEXT_BYTES(CORE_NOTE_MAX)];
    int64_t who;        /* a person, 0 for none */
    char from[11], to[11];
    char progress[CORE_TEXT_BYTES(CORE_NOTE_MAX)];
    char next[CORE_TEXT_BYTES(CORE_NOTE_MAX)];
    int done;
} core_action;

typedef struct {
    int64_t id;
    char text[CORE_TEXT_BYTES(CORE_LONG_MAX)];
    double x, y;        /* its place on the field, 0..1 each; term and priority follow from it */
    int needs_network, support, precondition, imposed;
    int64_t owner;      /* a person, 0 for none */
    char evaluation[11];
    core_action actions[CORE_ACTIONS_MAX];
    int nactions;
} core_goal;

/* Where on the field says what a goal is: left half short term, right half long;
 * top third high priority, then middle, then low. */
core_term core_goal_term(const core_goal *g);
core_priority core_goal_priority(const core_goal *g);
/* An imposed goal (by a judge or youth care) is added, changed or removed only by
 * a professional: CORE_EINVAL for anyone else. before or after may be NULL. */
core_status core_goal_may_change(const core_goal *before, const core_goal *after, core_role actor);
int core_goal_done(const core_goal *g); /* actions done */

/* --- text ------------------------------------------------------------------ */

/* Copies `len` bytes of untrusted text into out (cap bytes, always NUL-terminated),
 * replacing every invalid UTF-8 sequence and NUL by U+FFFD and cutting only
 * between code points. Returns the number of code points written. */
size_t core_utf8_clean(const char *in, size_t len, char *out, size_t cap);
/* Number of code points in valid UTF-8. */
size_t core_utf8_count(const char *s);

/* Cleans, trims and checks a name or title: not empty, at most max_chars. */
core_status core_text_take(const char *in, int max_chars, char *out, size_t cap);

/* A facilitator PIN is 4 to 8 digits. */
core_status core_pin_check(const char *pin);

/* The guard against guessing the PIN: wrong tries since the last pause, pauses so
 * far, and the pause running (from paused_at for pause_ms; Unix ms). It is kept in
 * the database, so a restart (a power cycle every 30 s) forgets nothing. */
typedef struct {
    int wrong, lockouts;
    int64_t paused_at, pause_ms;
} core_pin_guard;
/* Milliseconds until a PIN may be tried again; 0: now. A clock set back before the
 * pause began counts as the whole pause still to come. */
int64_t core_pin_wait_ms(const core_pin_guard *g, int64_t now_ms);
/* A wrong PIN: after `tries` of them a pause, first_ms long and twice as long each
 * next time (at most 2^10 times). A right one clears the count and the pauses. */
void core_pin_wrong(core_pin_guard *g, int tries, int64_t first_ms, int64_t now_ms);
void core_pin_right(core_pin_guard *g);

/* Adds a participant to a list being prepared, giving it the next free colour.
 * CORE_EEMPTY / CORE_ETOOLONG for the name, CORE_EFULL at CORE_PARTICIPANTS_MAX. */
core_status core_participant_add(core_participant *list, int *n, const char *name, core_role role);
/* Removes entry i, keeping the order of the rest. In a list being prepared a
 * supporter's `supports` is the 1-based place of the one they support; it is kept
 * pointing at the same person (0 when that one is removed). */
void core_participant_remove(core_participant *list, int *n, int i);

/* Moves a meeting's current phase by delta, kept within 0..nphases-1. */
int core_phase_step(int current, int delta, int nphases);

/* ISO 8601 UTC ("2026-11-22T19:35:51Z") for a Unix time in ms; out needs 21 bytes. */
void core_iso8601(int64_t unix_ms, char *out, size_t cap);

#endif
