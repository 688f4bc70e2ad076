/* screens: one file per screen; each turns gestures into core actions and store
 * calls. A screen never runs SQL and never talks to SDL below the ui kit. */
#ifndef SCHOUDERS_SCREENS_H
#define SCHOUDERS_SCREENS_H

#include "core.h"
#include "store.h"
#include "ui.h"

#include <libintl.h>
#include <limits.h>

/* Every user-visible string is a key looked up in assets/i18n/{nl,en}.po. The keys
 * hold no format directives, so these are functions, not gettext itself: GCC would
 * check a translated format against the key. tests/ui/i18n.sh checks that nl and en
 * agree on every directive instead. */
const char *scr_tr(const char *key);
/* Plural forms: key_one and key_many are both keys in the .po files. */
const char *scr_trn(const char *key_one, const char *key_many, long n);
#define T(key) scr_tr(key)
#define TN(key_one, key_many, n) scr_trn(key_one, key_many, (long)(n))
/* A key kept in a table and looked up later with T(): marked so the i18n test
 * counts it as used. */
#define N_(key) key

typedef enum { SCR_ERROR, SCR_PIN_NEW, SCR_HOME, SCR_NEW, SCR_MEETING, SCR_VIP, SCR_EXPORT } scr_id;
typedef enum {
    PIN_FOR_NONE, PIN_FOR_DELETE, PIN_FOR_QUIT, PIN_FOR_LEAVE_CLOSED, PIN_FOR_EXPORT,
    PIN_FOR_REOPEN_CLOSED, /* back into a closed phase that ended (target: its index) */
    PIN_FOR_HOME,          /* Bijeenkomsten: every family on the device */
    PIN_FOR_ERROR_NEWFILE, /* the error screen: a new file, the old one kept aside */
    PIN_FOR_ERROR_RESTORE, /* the error screen: the newest good backup */
    PIN_FOR_FINISH,        /* Bijeenkomst afronden (target: the meeting) */
    PIN_FOR_REOPEN_MEETING /* a finished meeting open for changes again */
} scr_pin_purpose;

enum {
    SCR_TEMPLATES_MAX = 32, SCR_MEETINGS_MAX = CORE_MEETINGS_CAP, SCR_NOTES_MAX = CORE_NOTES_CAP, SCR_GROUPS_MAX = 400,
    SCR_ANIMS = 16,    /* notes snapping into place at once */
    SCR_BODEMEISEN_MAX = CORE_BODEMEISEN_CAP, SCR_DECISIONS_MAX = CORE_DECISIONS_CAP, SCR_GOALS_MAX = CORE_GOALS_CAP,
    SCR_PLACES_MAX = 8 /* folders offered for an export */
};

/* A folder the plan can be written to: a USB stick, or one set by the kiosk. */
typedef struct {
    char path[PATH_MAX];
    char name[128];
    long long free_bytes; /* -1: unknown */
    int readonly;         /* cannot be written: said on its tile before anyone taps */
    int link;             /* a link to somewhere else: never written through, said on its tile */
} scr_place;

/* The open meeting as data (DESIGN, Architecture: the app owns the model): read
 * from the file when it opens, then changed where an operation is applied (and
 * read again when a commit failed). The screens' own looks and half-done gestures
 * are not in it, but in their own structs of scr_app. */
typedef struct {
    core_meeting meeting;
    core_phase phases[CORE_PHASES_MAX];
    int nphases;
    core_participant mparts[CORE_PARTICIPANTS_MAX];
    int nmparts;
    core_note notes[SCR_NOTES_MAX]; /* the open board's post-its */
    int nnotes;
    core_dl_group groups[SCR_GROUPS_MAX]; /* the Drieluik's groups, its step, whether professionals write */
    int ngroups;
    int dl_step, pros_write;
    core_goal goals[SCR_GOALS_MAX];
    int ngoals;
    /* the plan: its people, bottom lines, decisions, actieteam, consent, who is away */
    core_person people[CORE_PARTICIPANTS_MAX * 2];
    int npeople;
    core_bodemeis bm[SCR_BODEMEISEN_MAX];
    int nbm;
    core_decision dec[SCR_DECISIONS_MAX];
    int ndec;
    int64_t team[CORE_PARTICIPANTS_MAX * 2];
    int nteam;
    int64_t consent_ids[CORE_PARTICIPANTS_MAX];
    core_consent consent[CORE_PARTICIPANTS_MAX];
    int nconsent;
    int plan_version;
    int64_t fixed_at;
    int64_t absent[CORE_PARTICIPANTS_MAX];
    int nabsent;
    /* the VIP-kaart of the child whose card is open (its people are `people`) */
    struct {
        int64_t child;          /* participant id; 0: no card open */
        char child_name[CORE_TEXT_BYTES(CORE_NAME_MAX)];
        core_vip_entry card[CORE_VIP_MAX], prev[CORE_VIP_MAX];
        int ncard, nprev;
        int64_t prev_meeting;   /* the meeting of last time's card; 0: none */
        int shared;             /* Mag in het plan */
    } vip;
} scr_model;

/* A board's own looks between frames (DESIGN: screens own their looks): where this
 * frame drew its items, so a drop lands by them, and what is moving. Not the model:
 * a picture of the board has its own. */
typedef struct {
    struct { int64_t note; float x, y; uint32_t t0; } anim[SCR_ANIMS]; /* notes snapping into place */
    SDL_Rect col_r[DL_COLS], prompt_r[DL_PROMPTS];
    SDL_Rect note_r[SCR_NOTES_MAX], grp_r[SCR_GROUPS_MAX];
    float lift_dx[SCR_NOTES_MAX], lift_dy[SCR_NOTES_MAX];
    float scale[DL_COLS];   /* the note sizes of the last board drawn */
} scr_dl_looks;
typedef struct {
    SDL_Rect rect[SCR_GOALS_MAX];
    int field_w, field_h;   /* the field's size at the last frame, for placing new goals */
    float lift_dx[SCR_GOALS_MAX], lift_dy[SCR_GOALS_MAX];
} scr_goals_looks;
typedef struct {
    scr_dl_looks dl;
    scr_goals_looks goals;
    ui_ink ink;             /* a stored note's drawing, decoded to be drawn */
} scr_looks;

struct scr_app;
/* What a board is drawn from: the ui, the model, the board's looks, the app's words
 * and colours, the frame's time. On the meeting screen `app` is what its gestures act
 * on (through scr_do); in a picture it is NULL, and the board only draws. */
typedef struct {
    ui_ctx *ui;
    const scr_model *m;
    scr_looks *looks;
    const core_dl_layout *layout; /* layouts/drieluik.json, or STYLE's colours and the app's words */
    int lang_en;
    uint32_t now;
    int64_t wall_ms;
    struct scr_app *app;
} scr_view;

/* Reading the model from the file (model.c): the meeting with its phases and
 * participants first, then what a board needs. Each frees what it replaces. */
store_status scr_model_meeting(store *st, int64_t meeting, scr_model *m);
store_status scr_model_dl(store *st, scr_model *m);
store_status scr_model_goals(store *st, scr_model *m);
store_status scr_model_plan(store *st, scr_model *m);
/* The card of this child is the one the model holds (read it with scr_model_vip). */
void scr_model_vip_for(scr_model *m, const core_participant *child);
store_status scr_model_vip(store *st, scr_model *m);
void scr_model_vip_free(scr_model *m);
/* An op committed (or handed to the writer) changes the model here, and nowhere
 * else, so the screen shows it at once: minutes added to a phase, the Drieluik's change list and step, a note's
 * words, a goal, a decision, a bottom line gone, the actieteam, an answer of consent,
 * the card's picks, faces and sharing. An op whose result needs the file's answer
 * (a new bottom line, a person added, last time's card copied) is shown once read
 * again. Pure: no store, no SDL. */
void scr_model_apply(scr_model *m, const core_op *op);
/* Frees what the model holds (notes' drawings, the card's). */
void scr_model_free(scr_model *m);

typedef struct scr_app {
    ui_ctx *ui;                 /* borrowed */
    store *st;                  /* owned; NULL while the error screen shows */
    char db_path[PATH_MAX];
    char layouts_dir[PATH_MAX];
    int lang_en;
    int demo;                   /* --demo: create the demo meeting once */
    /* The plan (PDF, JSON, pictures) into a new folder under `folder`, on a worker
     * (app/export, wired by main.c: screens draw no PDFs). start: 0, or -1 with msg.
     * poll, each frame while it runs: 1 running (*percent), 0 written (made, the
     * folder's name), -1 failed (msg); after 0 or -1 the job is gone. */
    int (*export_start)(struct scr_app *app, int64_t meeting, const char *folder, char *msg, size_t cap);
    int (*export_poll)(struct scr_app *app, int *percent, char *made, size_t made_cap, char *msg, size_t cap);
    scr_id screen;
    uint32_t now;               /* SDL ticks of this frame */
    int64_t wall_ms;            /* Unix time of this frame */
    int quit;

    core_template templates[SCR_TEMPLATES_MAX];
    int ntemplates;
    char layout_errors[2048];
    core_dl_layout dl_layout;   /* layouts/drieluik.json, or STYLE's colours and the app's words */

    /* error screen: why the database could not be opened */
    store_status open_status;
    char open_msg[512];
    int has_backup;             /* a verified copy beside it can be restored */

    /* PIN: setting a new one (screen) or asking for it (modal) */
    char pin[CORE_PIN_MAX + 1];
    char pin_first[CORE_PIN_MAX + 1];
    int pin_step;               /* new PIN: 0 first entry, 1 repeat */
    scr_pin_purpose pin_for;
    int64_t pin_target;
    core_pin_guard pin_guard;   /* wrong tries and the pause, as the file has them */
    char error_hash[160];       /* on the error screen: the file's PIN hash, from its backup ("" unknown) */
    uint32_t shake_until;
    uint32_t purge_next;        /* when to try again to wipe a deleted meeting everywhere */

    /* export (export.c): where to, and how it went */
    struct {
        int64_t meeting;
        char title[CORE_TEXT_BYTES(CORE_NAME_MAX)];
        scr_place places[SCR_PLACES_MAX];
        int nplaces, stale;
        int busy;            /* writing: the worker runs, the screen stays live */
        int percent;         /* of the work done, for the bar */
        int chosen;          /* the place tapped */
        scr_place target;    /* the place being written to, as it was when tapped */
        int left;            /* a failed export could not remove all of its hidden folder */
        int result;          /* 0 none yet, 1 done, -1 failed */
        char made[256];      /* the new folder's name */
        char why[512];       /* the failure, in the user's words */
    } exp;

    /* home */
    core_meeting meetings[SCR_MEETINGS_MAX];
    int nmeetings;
    int meetings_stale;
    int home_page;
    int home_open;              /* the facilitator gave the PIN for Home; gone once a meeting opens */
    int64_t open_saved;         /* the meeting the file says is on screen (a restart opens it) */

    /* new meeting form */
    char title[CORE_TEXT_BYTES(CORE_NAME_MAX)];
    int template_idx;
    core_template draft;        /* the chosen template with this meeting's minutes */
    int draft_for;              /* template_idx + 1 that draft was copied from; 0: none */
    char name[CORE_TEXT_BYTES(CORE_NAME_MAX)];
    core_role role;
    int supports;               /* a new supporter comes with parts[supports - 1]; 0: not chosen */
    core_participant parts[CORE_PARTICIPANTS_MAX];
    int nparts;

    /* the open meeting, as data, and how its boards were drawn last */
    scr_model m;
    scr_looks looks;

    /* the post-its read again (SCR_STALE_*), the one shown whole, and the one being written */
    int notes_stale;
    int64_t note_view;
    struct {
        int open, draw;
        int64_t id;     /* 0: a new note */
        int64_t author; /* a new note's writer (0: the group's) */
        int col, prompt;
        char text[CORE_TEXT_BYTES(CORE_NOTE_MAX)];
        ui_ink ink;
    } note;

    /* the Drieluik (drieluik.c) */
    int64_t dl_meeting;         /* the meeting the undo stack belongs to */
    struct {
        int tray;               /* participant index + 1 whose tray is open; 0: none */
        int64_t theme_grp;      /* the group whose theme is being typed */
        char theme[CORE_TEXT_BYTES(CORE_NAME_MAX)];
    } dl;

    /* the plan (decide.c): bottom lines, decisions, actieteam, consent */
    struct {
        int stale;
        int64_t meeting;        /* whose plan app->m holds */
        char bm_text[CORE_TEXT_BYTES(CORE_LONG_MAX)];
        int64_t bm_by;
        int editing;            /* the decision editor is open */
        core_decision edit;
        int cal_year, cal_month; /* the month the calendar shows */
        const char *why;        /* why the decision cannot be final yet, or NULL */
        int64_t remark_for;     /* participant giving consent with a reservation */
        char remark[CORE_TEXT_BYTES(CORE_LONG_MAX)];
        int confirm_closed;     /* asking to start the closed segment */
        int closed_to;          /* the closed phase it goes to */
        int finishing;          /* "Wij zijn klaar": keep or discard the drafts */
    } plan;

    /* the VIP-kaart of one child (vip.c) */
    struct {
        int stale;
        int view;               /* 0 picking, 1 the card */
        int64_t person;         /* the person whose questions are open; 0: none */
        int adding, add_rel;
        char add_name[CORE_TEXT_BYTES(CORE_NAME_MAX)];
        int64_t shake_person;
        char note[CORE_TEXT_BYTES(CORE_NOTE_MAX)];
        ui_ink ink;
        int note_draw;
    } vip;
    int vip_choose;             /* which child's card: asked when there are several */
    int everyone_open;          /* the grid of everyone, when the bar cannot hold their chips */
    int measure_open;           /* Schermmaat: the screen's size measured against a bank card */
    float measure_ppmm;         /* the density being tried there */
    int measure_h;              /* the height its sheet took last frame */

    /* goals in view (goals.c) */
    struct {
        int stale;
        int64_t actor;          /* the participant at the screen ("aan de beurt") */
        int editing;            /* the goal editor is open */
        core_goal edit;
        int action;             /* the action being edited, or -1 */
        core_action act;
        int date_for;           /* the calendar sets: 0 evaluation, 1 from, 2 to */
        int cal_year, cal_month;
        const char *why;        /* why the editor cannot do what was asked */
    } goals;

    /* the layer while notes are dragged (meeting.c) */
    int layer_ok, skip_lifted;
    int layer_builds;           /* how often a layer was made (make bench reports it) */
    char layer_key[700];
    SDL_Rect timer_r;

    int64_t last_backup_ms;     /* when the last ten-minute copy was made */

    /* the phase timer */
    int chime_off;              /* setting "chime": muted on this device */
    int64_t chimed_phase;       /* the phase whose end was chimed (once) */

    /* status bar: one short sentence, and the saved mark */
    char status[256];
    int status_error;
    struct {
        char board[16];         /* the board the buttons last asked about */
        int can[2];             /* a step to undo, to redo (from the ops log) */
    } undo;
    uint32_t status_until;
    uint32_t saved_at;
    int saving;                 /* operations with the writer, their answer not yet taken */
    uint32_t saving_since;      /* when the first of them was handed over */
    int phases_stale;           /* the phases' times, read again (SCR_STALE_*) */
    int save_failed;            /* one of them failed: read the meeting again when all have answered */
    /* Told when the writer has answered (main.c posts an event: the loop may be asleep). */
    void (*wake)(void *user);
    void *wake_user;
} scr_app;

/* Opens the database at app->db_path (or shows why not) and loads the layouts.
 * Release: scr_close. */
void scr_open(scr_app *app);
void scr_close(scr_app *app);
/* Gives the ui kit its words (keyboard keys) in the app's language. */
void scr_set_words(scr_app *app);
/* Draws the current screen and acts on its gestures. */
void scr_frame(scr_app *app);
/* One turn of the main loop at the time given (SDL ticks, Unix ms; the touch kit's
 * clock may be a script's, ahead of now): the kit's clock, then the screen, drawn when
 * anything changed. 1 when drawn. The loop, make bench and the screen tests run this. */
int scr_step(scr_app *app, uint32_t now, int64_t wall_ms, uint32_t kit_now);
/* Milliseconds until a screen needs a frame on its own (an animation, a message
 * that expires, the clock), or -1. */
int scr_wake_in(const scr_app *app);
/* The window asked to close (or Escape): a participant must not leave without the PIN. */
void scr_request_quit(scr_app *app);

/* shared by the screens (common.c) */
void scr_say(scr_app *app, const char *msg, int error);
void scr_saved(scr_app *app);
/* Whether the status bar shows "opgeslagen": saved lately, and nothing with the writer
 * for longer than CFG_UNSAVED_MS (the change on screen is not saved yet). */
int scr_saved_shown(const scr_app *app);
/* A store failure, said in the status bar in words a person understands. */
void scr_store_failed(scr_app *app, store_status r);
/* Every change a person makes goes through here: core checks the op against the
 * meeting as the screens hold it, the writer commits it with its row in the ops
 * log, and the status bar says a refusal's reason or a failure. STORE_OK when it is
 * committed or handed to the writer: the screen shows the change at once, the saved
 * mark comes with the answer, and a commit that fails then takes the change back
 * (scr_settle). *made: see store_op (such an op is committed while the frame waits). */
store_status scr_do(scr_app *app, core_op *op, int64_t *made);
/* scr_do in two: the check (before a board changes its own arrays, so the rules see
 * the board as it was) and the commit. */
store_status scr_check(scr_app *app, core_op *op);
store_status scr_commit(scr_app *app, core_op *op, int64_t *made);
/* What a screen changes on the device rather than in a meeting: a setting, the PIN,
 * a delete finished, the ten-minute copy, the damaged file set aside or restored.
 * They belong to the device and have no place in a meeting's ops log, but they too
 * go through one call (common.c), so no screen calls a writing store function. The
 * caller says what a failure means for it. */
typedef enum { DEV_SETTING, DEV_PIN_SET, DEV_PIN_CHECK, DEV_PURGE, DEV_BACKUP, DEV_SET_ASIDE, DEV_RESTORE } scr_dev_kind;
typedef struct {
    scr_dev_kind kind;
    const char *key, *value;   /* DEV_SETTING; DEV_PIN_SET and DEV_PIN_CHECK: value is the PIN */
    const char *why;           /* DEV_SET_ASIDE, DEV_RESTORE: the word in the kept file's name */
    char *aside;               /* and where the old file went (out) */
    size_t aside_cap;
    int64_t at;                /* DEV_RESTORE: when the copy put back was made (out) */
} scr_dev;
store_status scr_device(scr_app *app, scr_dev *d);
/* Undo (redo 0) or redo the newest step of `board`, from the ops log: the inverse op,
 * checked with `actor` (who is at the screen now) like any other, committed. *out
 * gets the op that was applied, for the screen's own arrays; release
 * store_op_buf_free. The status bar says why when it cannot. */
store_status scr_undo(scr_app *app, const char *board, int redo, int64_t actor, store_op_buf **out);
/* Whether the board has a step to undo and to redo, asked of the log after each change. */
void scr_undo_look(scr_app *app, const char *board);
/* After a step on `board` was done: asked of the log when it is committed, else
 * what the log will say (a step to undo, none to redo) without waiting for it. */
void scr_undo_after(scr_app *app, const char *board);
/* Takes the writer's answers: the saved mark, or the failure said and the meeting
 * read again from the file, so what did not get saved is not shown. Every frame
 * begins with it; scr_settled: nothing is with the writer any more, no export runs. */
void scr_settle(scr_app *app);
int scr_settled(const scr_app *app);
/* A list is read again: at once (SCR_STALE_NOW: another meeting, a first look) or
 * once the writer has answered what was handed to it (SCR_STALE_SAVED: after an op,
 * whose change the screen shows already; reading now would wait for the disk). */
enum { SCR_STALE_NOW = 1, SCR_STALE_SAVED = 2 };
int scr_stale(const scr_app *app, int stale);
/* The Ongedaan maken / Opnieuw pair (ids BOARD.undo, BOARD.redo): 0 or 1 when one
 * was tapped, else -1. */
int scr_undo_buttons(scr_app *app, const char *board, int x, int y, int w, int h);
void scr_go(scr_app *app, scr_id screen);
/* The view the meeting screen's boards are drawn from: the app's model and looks. */
scr_view scr_view_of(scr_app *app);
int scr_margin(const scr_app *app);
int scr_target(const scr_app *app);
/* The top bar with a title, `left` px right of the margin; returns its height. */
int scr_header(scr_app *app, const char *title, int left);
/* Starts a frame of a screen with a header: paper background and title bar.
 * Returns the header's height. */
int scr_begin(scr_app *app, const char *screen, const char *title, int left);
/* The bottom bar with the message and the saved mark; returns its top y. */
int scr_statusbar(scr_app *app);
/* A person's colour dot with their initial in it: colour is never the only cue. */
void scr_avatar(ui_ctx *ui, int cx, int cy, int radius, uint32_t colour, const char *name);
const char *scr_template_name(const scr_app *app, const char *id);
const char *scr_role_name(core_role r);
const char *scr_phase_title(const scr_app *app, const core_phase_def *d);
/* A phase's prompts in the app's language ("" for none). */
const char *scr_phase_prompts(const scr_app *app, const core_phase_def *d);
/* Draws prompt lines (headings, "- " questions) inside r, in two columns if one is too short. */
void scr_prompts(scr_app *app, const char *text, SDL_Rect r);
/* A month of days to tap (no typing for a date): ids PREFIX.month.prev/next and
 * PREFIX.day.N; date_buf (11 bytes) is "YYYY-MM-DD" or "" and a second tap clears it.
 * year/month say the month shown (0: the date's, or now). */
void scr_calendar(scr_app *app, const char *prefix, SDL_Rect r, char *date_buf, int *year, int *month);
/* A modal: the screen behind dimmed and blocked (backdrop id), and a white card
 * inset_w/inset_h px from the screen's edges. Returns the card. */
SDL_Rect scr_modal(scr_app *app, const char *id, int inset_w, int inset_h);
/* Local time of day, "14:05". */
void scr_local_hm(int64_t unix_ms, char *out, size_t cap);
/* "2026-12-31": the day on the wall's calendar (local time, not UTC's). */
void scr_local_day(int64_t unix_ms, char *out, size_t cap);
/* "1 december 2026" in the app's language (local time). */
void scr_local_date_words(const scr_app *app, int64_t unix_ms, char *out, size_t cap);
void scr_open_meeting(scr_app *app, int64_t id);
/* To Bijeenkomsten: the facilitator's. Asks the PIN unless it was just given. */
void scr_go_home(scr_app *app);
void scr_pin_ask(scr_app *app, scr_pin_purpose why, int64_t target);
/* Draws the PIN modal when one is asked for; returns 1 while it is up. */
int scr_pin_modal(scr_app *app);

void scr_error_frame(scr_app *app);
void scr_pin_new_frame(scr_app *app);
void scr_home_frame(scr_app *app);
void scr_new_frame(scr_app *app);
void scr_meeting_frame(scr_app *app);
/* The boards of phases that decide (decide.c): the bottom lines in phase 1, the
 * decisions board of the closed segment, presenting and consent. */
void scr_bodemeisen_board(const scr_view *v, SDL_Rect r);
void scr_decisions_board(const scr_view *v, SDL_Rect r);
void scr_consent_board(const scr_view *v, SDL_Rect r);
/* De voorstelronde (circle.c): everyone present in one circle, with role and company. */
void scr_circle_board(const scr_view *v, SDL_Rect r);
/* Reads the plan of the open meeting (people, bottom lines, decisions, actieteam, consent). */
void scr_plan_load(scr_app *app);
/* ms until the meeting's timer shows the next second (or pulses), or -1. */
int scr_meeting_wake_in(const scr_app *app);
/* A post-it drawn in r: its words fitted from mm down to min_mm, or its drawing
 * with the caption (note.c). */
void scr_note_draw(ui_ctx *ui, ui_ink *ink, const core_note *n, SDL_Rect r, float mm, float min_mm, uint32_t fill, uint32_t edge,
                   int foot);
/* Opens the editor for a new note by author for col (and prompt in the middle),
 * or for an existing note (long-press: edit or delete). */
void scr_note_new(scr_app *app, int64_t author, int col, int prompt);
void scr_note_edit(scr_app *app, const core_note *n);
/* The note editor and the note shown whole, as modals; 1 while one is up. */
int scr_note_modals(scr_app *app);

/* The Drieluik (drieluik.c): the board inside r, the participant chips with their
 * trays (returns the x after the last chip), undo and redo, the tray and theme
 * modals (1 while one is up), and the rest the note editor needs. */
void scr_dl_board(const scr_view *v, SDL_Rect r);
/* A participant's chip in the meeting's bar: its width, and drawn at x (a tap opens
 * their tray); the tray opened from elsewhere (the grid of everyone). */
int scr_dl_chip_w(const scr_app *app, int i);
void scr_dl_chip(scr_app *app, int i, int x, int y, int h);
void scr_dl_open_tray(scr_app *app, int i);
/* Schermmaat (measure.c): the device's measured density read at start, the sheet
 * opened from Home, and drawn. */
void scr_measure_load(scr_app *app);
void scr_measure_open(scr_app *app);
void scr_measure_modal(scr_app *app);
void scr_dl_undo_buttons(scr_app *app, int x, int y, int w, int h);
int scr_dl_modals(scr_app *app);
int scr_dl_wake_in(const scr_app *app);
/* Reads the meeting's Drieluik from the store (notes, groups, step). */
void scr_dl_load(scr_app *app);
/* Forgets undo, trays and animations: another meeting opens. */
void scr_dl_reset(scr_app *app);
uint32_t scr_dl_fill(const core_dl_layout *l, int col);
uint32_t scr_dl_edge(const core_dl_layout *l, int col);
void scr_dl_icon(const core_dl_layout *l, ui_ctx *ui, int col, int x, int y, int size);
void scr_dl_note(const scr_view *v, const core_note *n, SDL_Rect r, float scale, int lifted);
store_status scr_dl_note_add(scr_app *app, int64_t author, int col, int prompt, const char *text,
                             const unsigned char *ink, size_t ink_len);
/* Deletes a note as a board action (undo brings it back). */
void scr_dl_delete(scr_app *app, int64_t note);
const core_participant *scr_participant(const scr_model *m, int64_t id);
const core_note *scr_note(const scr_model *m, int64_t id);

/* What a board's picture is drawn with (the export's painter in main.c): a ui of
 * its own, a model and looks of its own, never an app. */
typedef struct {
    ui_ctx *ui;
    store *st;               /* borrowed */
    scr_model *m;            /* read here for each picture; release: scr_model_free */
    scr_looks *looks;
    core_dl_layout layout;   /* layouts/drieluik.json, or STYLE's colours */
    int lang_en;
    int64_t wall_ms;         /* the day on the picture's title */
} scr_painter;
/* Draws one frame with the meeting's board ("drieluik", "doelen", "besluiten", or
 * "vip": child_id's card, 0 for the first child's) filling the painter's ui under a
 * title line, read from the painter's store. STORE_EINVAL: no such board;
 * STORE_ENOTFOUND: no such meeting, or no child for a card; STORE_EHELD: a card its
 * child did not share. */
store_status scr_board_picture(scr_painter *p, int64_t meeting, const char *board, int64_t child_id);

/* The boards table (boards.c): what the meeting screen and the painter ask of a board. */
typedef struct {
    core_board id;
    void (*draw)(const scr_view *v, SDL_Rect r);    /* on the meeting screen; NULL: the phase's prompts */
    void (*picture)(const scr_view *v, SDL_Rect r); /* as a picture of the plan (v->app NULL); NULL: none of its own */
    store_status (*load)(store *st, scr_model *m);  /* what the picture needs read into the model (the card: by its child) */
    const char *picture_title;                 /* key: "%s" the meeting, "%s" the day */
    const char *undo;                          /* the ops log's board its undo buttons take back, or NULL */
} scr_board;
/* By id or alias ("goals", "doelen"); an unknown word is BOARD_NONE's. */
const scr_board *scr_board_of(const char *word);
const scr_board *scr_board_get(core_board b);
/* The export screen (export.c): opened for a meeting after the facilitator's PIN. */
void scr_export_open(scr_app *app, int64_t meeting);
void scr_export_frame(scr_app *app);

/* The plan as it stands, for a picture: final decisions, bottom lines, the actieteam
 * and who consented (decide.c). */
void scr_plan_picture(const scr_view *v, SDL_Rect r);

/* The closed segment ends: the next phase, everyone back (decide.c). */
void scr_closed_end(scr_app *app);
/* The error screen's ways on, once allowed: a new file (with pin, when one was
 * typed), the backup restored, or quitting. */
void scr_error_do(scr_app *app, scr_pin_purpose what, const char *pin);
/* Ends the closed segment by any route: drafts left are first kept or thrown away
 * (asked as with "Wij zijn klaar"), then everyone comes back. */
void scr_closed_finish(scr_app *app);
/* Back into closed phase `to`, which ended before: the facilitator has given the
 * PIN; the professionals leave again and every lock is on. */
void scr_closed_reopen(scr_app *app, int to);
/* Asks to start the closed segment (phase `to`); 1 while that question is up. */
void scr_closed_ask(scr_app *app, int to);
/* The modals of the plan (decision editor, reservation, start/finish of the closed
 * segment); 1 while one is up. */
int scr_plan_modals(scr_app *app);
/* In the closed segment, where facilitator controls are locked. */
int scr_closed_now(const scr_app *app);

/* The VIP-kaart (vip.c): opened for a child participant; released on leaving. */
void scr_vip_open(scr_app *app, const core_participant *child);
void scr_vip_close(scr_app *app);
void scr_vip_frame(scr_app *app);
void scr_vip_picture(const scr_view *v, SDL_Rect r);

/* Goals in view (goals.c): the board inside r, its modals, undo and redo. */
void scr_goals_board(const scr_view *v, SDL_Rect r);
int scr_goals_modals(scr_app *app);
void scr_goals_undo_buttons(scr_app *app, int x, int y, int w, int h);
void scr_goals_reset(scr_app *app);
void scr_goals_load(scr_app *app);
/* The notes and goals being dragged, drawn on top (after the layer). */
void scr_dl_draw_lifted(scr_app *app);
void scr_goals_draw_lifted(scr_app *app);

/* The demo meeting "Familie De Boer", created once (--demo). */
store_status scr_demo(scr_app *app);

#endif
