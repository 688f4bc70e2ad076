/* store: the SQLite database of one device, its schema and migrations, one
 * transaction per user action; the layout files; the JSON export.
 * Uses core and sqlite3 (and cJSON for layouts and export); never SDL. */
#ifndef SCHOUDERS_STORE_H
#define SCHOUDERS_STORE_H

#include "core.h"
#include "op.h"

#include <stdio.h>

#include <stddef.h>
#include <stdint.h>

typedef enum {
    STORE_OK = 0,
    STORE_ENOTFOUND, /* no such row, or no such file */
    STORE_EDIR,      /* the folder of the database is missing or not writable */
    STORE_EREADONLY, /* the database file cannot be written */
    STORE_ECORRUPT,  /* the file fails PRAGMA quick_check or is not a database */
    STORE_ENEWER,    /* made by a newer Schouders: user_version above ours */
    STORE_ELOCKED,   /* another Schouders has this database open */
    STORE_EFULL,     /* the disk is full */
    STORE_EINVAL,    /* the action breaks a rule of core */
    STORE_EIO,       /* any other failure; the message says which */
    STORE_EGONE,     /* the database file was deleted while open: store_rescue puts it back */
    STORE_EFOREIGN,  /* a valid SQLite file of another program: never written */
    STORE_EPAUSED,   /* the PIN may not be tried now: too many wrong tries (a pause runs) */
    STORE_EHELD      /* done, but a deleted meeting's words are not yet wiped everywhere:
                      * another program holds the file (store_purge tries again) */
} store_status;

/* The schema version this build writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 7
/* PRAGMA application_id of a Schouders database: "SCHD". A file without it is
 * never written, unless it is empty (new) or an older Schouders file (before ids). */
#define STORE_APPLICATION_ID 0x53434844

typedef struct store store;

/* Opens (creating with mode 0600 if missing) the database at path and brings its
 * schema up to date. A corrupt or newer file is never written. On failure *out is
 * NULL and msg (cap bytes) says what is wrong in plain words (English, for logs).
 * Release: store_close. */
store_status store_open(const char *path, store **out, char *msg, size_t cap);
/* Opens an existing database to read only (export while the kiosk runs): no lock,
 * no migration, nothing written. Release: store_close. */
store_status store_open_readonly(const char *path, store **out, char *msg, size_t cap);
void store_close(store *st);
/* What happened to the file when a call said STORE_EGONE. */
typedef enum { STORE_GONE_DELETED = 1, STORE_GONE_TRUNCATED, STORE_GONE_REPLACED } store_gone_kind;
store_gone_kind store_gone(const store *st);
/* The file was deleted, cut short or replaced under the app: writes everything the
 * open connection holds (checked whole) to a new file, 0600: at the same path when
 * nothing is there or the file there is this one emptied, else beside it (never over
 * someone else's file). `out` gets the path; the store must then be closed and
 * opened again on it. */
store_status store_rescue(store *st, char *out, size_t cap);
/* Caps the file at n pages (SQLite's max_page_count): a full disk, for the tests. */
store_status store_limit_pages(store *st, long n);
/* fn is told of each action once its COMMIT has returned: the action's journal
 * word, its meeting and reference (make test's kill suite writes these down). */
void store_set_ack(store *st, void (*fn)(void *user, const char *action, int64_t meeting, int64_t ref), void *user);
/* Finishes deleting what a deleted meeting left on disk: the WAL checkpointed and
 * truncated, every backup rewritten. A delete marks this pending in its own
 * transaction; the mark goes only when every step succeeded, so a delete cut short
 * (the app stopped, another reader holding a snapshot) is finished at the next
 * store_open or call. STORE_OK when nothing is pending any more, STORE_EHELD when
 * something still holds the file. store_purge_pending: 1 while it is. */
store_status store_purge(store *st);
int store_purge_pending(const store *st);
/* Why the last call failed, for the status bar and logs. */
const char *store_errmsg(const store *st);

/* The default database path: $XDG_DATA_HOME/schouders/schouders.db, else
 * ~/.local/share/schouders/schouders.db; creates the folder (0700). */
store_status store_default_path(char *out, size_t cap);
/* A path beside `path` that does not exist yet ("schouders-2.db", ...). */
store_status store_path_beside(const char *path, char *out, size_t cap);

/* Bijeenkomst afronden: the running phase ends, the meeting is `finished` (with
 * when) and the file refuses every change to it until store_meeting_reopen.
 * STORE_EINVAL when it is finished already (or reopened: when it was not). */
store_status store_meeting_finish(store *st, int64_t meeting, int64_t now_ms);
store_status store_meeting_reopen(store *st, int64_t meeting, int64_t now_ms);

/* The facilitator PIN, kept only as an Argon2id hash (libsodium).
 * store_has_pin: STORE_OK or STORE_ENOTFOUND (a new database asks for one). */
store_status store_has_pin(store *st);
/* STORE_EINVAL when pin is not 4-8 digits. */
store_status store_set_pin(store *st, const char *pin, int64_t now_ms);
/* STORE_OK when pin matches, STORE_EINVAL when it does not (counted: after
 * CFG_PIN_TRIES a pause begins, *wait_ms says how long), STORE_EPAUSED during a
 * pause (nothing checked; *wait_ms left). The count lives in the file. */
store_status store_check_pin(store *st, const char *pin, int64_t now_ms, int64_t *wait_ms);
/* The guard against guessing (core_pin_guard), as kept in the file; a missing or
 * unreadable one reads as no tries yet. */
store_status store_pin_guard(store *st, core_pin_guard *g);
store_status store_set_pin_guard(store *st, const core_pin_guard *g);

/* A setting (key/value), for small flags such as "demo_created". */
store_status store_setting(store *st, const char *key, char *out, size_t cap);
store_status store_set_setting(store *st, const char *key, const char *value);

/* Creates a meeting with its phases (from t) and participants, in one transaction.
 * Each participant is also a person in the meeting's network. A participant's
 * `supports` is here the 1-based place in ps of the one they support (0: none). */
store_status store_meeting_create(store *st, const char *title, const core_template *t,
                                  const core_participant *ps, int n, int64_t now_ms, int64_t *id_out);
/* Meetings newest first; *n is how many were written (at most cap). */
store_status store_meetings(store *st, core_meeting *out, int cap, int *n);
store_status store_meeting(store *st, int64_t id, core_meeting *out);
store_status store_meeting_delete(store *st, int64_t id, int64_t now_ms);
store_status store_participants(store *st, int64_t meeting, core_participant *out, int cap, int *n);
store_status store_phases(store *st, int64_t meeting, core_phase *out, int cap, int *n);
/* Moves the meeting to phase index `to`, ending the current and starting that one. */
store_status store_phase_go(store *st, int64_t meeting, int to, int64_t now_ms);

/* The timer of the phase that runs (seq): pause, resume, or add `arg` ms (at most
 * an hour at a time). STORE_ENOTFOUND when there is nothing to do (not running,
 * already paused, not paused). */
typedef enum { STORE_TIMER_PAUSE = 0, STORE_TIMER_RESUME, STORE_TIMER_ADD } store_timer_op;
store_status store_phase_timer(store *st, int64_t meeting, int seq, store_timer_op op, int64_t arg, int64_t now_ms);

/* Notes. Add and update are one transaction each; text is cleaned and checked
 * by core (CORE_NOTE_MAX), ink is stored as given. `at` says where the note goes
 * (its column and prompt; hung_at 0 keeps it in its writer's tray). */
store_status store_note_add(store *st, int64_t meeting, const char *board, const core_dl_place *at, int64_t author,
                            const char *text, const unsigned char *ink, size_t ink_len, int64_t now_ms, int64_t *id_out);
store_status store_note_update(store *st, int64_t note, const char *text, const unsigned char *ink, size_t ink_len,
                               int64_t now_ms);
/* The meeting's notes on a board, oldest first; deleted ones too when asked (undo
 * may bring them back). Release: core_notes_free(out, *n). */
store_status store_notes(store *st, int64_t meeting, const char *board, int with_deleted, core_note *out, int cap, int *n);

/* The Drieluik: its groups, its step and whether professionals write along. */
store_status store_dl_groups(store *st, int64_t meeting, core_dl_group *out, int cap, int *n);
store_status store_dl_settings(store *st, int64_t meeting, int *step, int *pros_write);
store_status store_dl_set(store *st, int64_t meeting, int step, int pros_write, int64_t now_ms);
/* Commits one board action: every change's after state (after=1, an action or a
 * redo) or before state (after=0, an undo), in one transaction. A new group's
 * temporary id (below 0) is replaced in ch by the one it was stored under. */
store_status store_dl_apply(store *st, int64_t meeting, core_dl_change *ch, int n, int after, int64_t now_ms);

/* --- backups (backup.c) ------------------------------------------------------------ */

/* A verified copy beside the database (PATH.bak.0 newest .. PATH.bak.9, 0600, each
 * with a checksum in PATH.bak.N.sum); the oldest of ten goes. */
store_status store_backup(store *st);
/* After a meeting is deleted: every older copy goes, one fresh copy is made. */
store_status store_backups_rewrite(store *st);
/* STORE_OK when the copy at path matches its checksum and SQLite's quick_check;
 * STORE_ECORRUPT when not; STORE_ENOTFOUND without a checksum. */
store_status store_backup_verify(const char *path);
/* Puts the newest good backup of db at db's own path, so the kiosk's next start
 * opens it: the damaged file (and its -wal, -shm) is first moved aside, kept, under
 * a name with `why` and the local day of now_ms (aside gets it). made_at: when the copy was
 * made. STORE_ENOTFOUND: no good copy; on any failure db is left where it was. */
store_status store_restore_in_place(const char *db, const char *why, int64_t now_ms, char *aside, size_t cap,
                                    int64_t *made_at);
/* Moves db (and its -wal, -shm) aside, kept: "schouders-beschadigd-2026-12-01.db"
 * (a -2, -3 ... when taken), so a new file can be made at db's path. */
store_status store_set_aside(const char *db, const char *why, int64_t now_ms, char *aside, size_t cap);
/* The PIN hash a damaged or unusable file stands behind: from its newest good
 * backup, else from the file itself when it is whole and Schouders'. Read only. */
store_status store_known_pin_hash(const char *db, char *out, size_t cap);
/* STORE_OK when pin matches hash (store_known_pin_hash), STORE_EINVAL when not. */
store_status store_pin_matches(const char *hash, const char *pin);

/* --- the plan (plan.c) ------------------------------------------------------------ */

store_status store_people(store *st, int64_t meeting, core_person *out, int cap, int *n);
/* Participants absent in a phase (the professionals during the closed segment). */
store_status store_absent(store *st, int64_t phase, int64_t *out, int cap, int *n);
store_status store_bodemeis_add(store *st, int64_t meeting, const char *text, int64_t by, int64_t now_ms);
store_status store_bodemeis_delete(store *st, int64_t meeting, int64_t id, int64_t now_ms);
store_status store_bodemeisen(store *st, int64_t meeting, core_bodemeis *out, int cap, int *n);
/* Inserts (d->id 0, then set) or updates a decision with its who, in one action.
 * STORE_EINVAL when final without a what or a who, or when the plan is fixed. */
store_status store_decision_save(store *st, int64_t meeting, core_decision *d, int64_t now_ms);
store_status store_decision_delete(store *st, int64_t meeting, int64_t id, int64_t now_ms);
/* Every decision, drafts too (only the closed segment shows those). */
store_status store_decisions(store *st, int64_t meeting, core_decision *out, int cap, int *n);
store_status store_actieteam_set(store *st, int64_t meeting, int64_t person, int on, int64_t now_ms);
store_status store_actieteam(store *st, int64_t meeting, int64_t *out, int cap, int *n);
/* The plan's version and when it was fixed (0: not yet). */
store_status store_plan(store *st, int64_t meeting, int *version, int64_t *fixed_at);
/* A participant's answer to this version of the plan. When everyone present has
 * answered, the plan is fixed in the same action and kept whole as that version. */
store_status store_consent_set(store *st, int64_t meeting, int64_t participant, core_consent c, const char *remark,
                               int64_t now_ms);
/* The answers to this version: out[i] for participant ids[i]. */
store_status store_consents(store *st, int64_t meeting, int64_t *ids, core_consent *out, int cap, int *n);
/* A change after the plan was fixed: a new version, the old one kept. */
store_status store_plan_new_version(store *st, int64_t meeting, int64_t now_ms);

/* --- the VIP-kaart (vip.c) ------------------------------------------------------------ */

/* A person added to the meeting's network (by the child or an adult): id_out gets the id. */
store_status store_person_add(store *st, int64_t meeting, const char *name, core_relation rel, int64_t now_ms,
                              int64_t *id_out);
/* The child's card: the chosen people, oldest pick first. Release: core_vip_free(out, *n). */
store_status store_vip_card(store *st, int64_t child, core_vip_entry *out, int cap, int *n);
/* Puts a person on the card. STORE_EFULL when ten are there already: the card never holds eleven. */
store_status store_vip_pick(store *st, int64_t meeting, int64_t child, int64_t person, int64_t now_ms);
store_status store_vip_drop(store *st, int64_t child, int64_t person, int64_t now_ms);
/* How the contact is (0-5), whether it should change, and the note. */
store_status store_vip_set(store *st, int64_t child, int64_t person, int contact, core_vip_change change,
                           const char *note, const unsigned char *ink, size_t ink_len, int64_t now_ms);
store_status store_vip_share(store *st, int64_t child, int shared, int64_t now_ms);
store_status store_vip_shared(store *st, int64_t child, int *shared);
/* The card this child (by name) had at the last earlier meeting that has one: names,
 * relations, faces. *meeting_out is 0 when there is none. Release: core_vip_free. */
store_status store_vip_previous(store *st, int64_t meeting, const char *child_name, core_vip_entry *out, int cap, int *n,
                                int64_t *meeting_out);
/* Starts this card from that one: the same people (added to this network by name
 * when missing), faces and wishes. */
store_status store_vip_copy_previous(store *st, int64_t meeting, int64_t child, const char *child_name, int64_t now_ms);
/* The same from entries given (last time's card as the screen read it, or as the ops
 * log carries it): each person found by name in this network or added to it. */
store_status store_vip_copy_entries(store *st, int64_t meeting, int64_t child, const core_vip_entry *e, int n, int64_t now_ms);

/* --- goals in view (goals.c) ---------------------------------------------------------- */

/* The meeting's goals with their actions, oldest first. */
store_status store_goals(store *st, int64_t meeting, core_goal *out, int cap, int *n);
/* Writes a goal whole, its actions included, in one action: new when g->id is 0
 * (then set), or under its id (an update, or an undo bringing it back). Term and
 * priority are stored from its place. */
store_status store_goal_put(store *st, int64_t meeting, core_goal *g, int64_t now_ms);
store_status store_goal_delete(store *st, int64_t meeting, int64_t goal, int64_t now_ms);

/* The goal with that id in the meeting; STORE_ENOTFOUND when there is none. */
store_status store_goal(store *st, int64_t meeting, int64_t id, core_goal *out);

/* --- operations (ops.c) ------------------------------------------------------------------ */

/* How a row of the ops log came about: a step, or a step taken back or done again. */
enum { STORE_HOW_DO = 0, STORE_HOW_UNDO = 1, STORE_HOW_REDO = 2 };

/* Commits one operation in one transaction: the rows it changes and its row in the
 * append-only ops log (the op as asked, the ids of its new rows, the actor, this
 * device, a sequence number, and the inverse when a board undoes it). The caller has
 * checked it with core_op_check. New ids are written back: op->meeting for a new
 * meeting, the decision's and goal's id, new groups in op->rows; *made (may be
 * NULL) gets the new note's, person's or meeting's id. */
store_status store_op(store *st, core_op *op, int64_t now_ms, int64_t *made);

/* --- the writer (writer.c) ---------------------------------------------------------------- */

/* A thread that commits operations, so a COMMIT (an fsync) never stalls a frame.
 * It uses the store's one connection while the caller does not: every other call
 * first waits until what was handed over is committed, so reads see it all, in
 * order. wake (may be NULL) is called on the writer's thread after each answer.
 * STORE_EIO when no thread can be had: then commits run where they are asked.
 * Release: store_writer_stop (store_close does it, after the last commit). */
store_status store_writer_start(store *st, void (*wake)(void *user), void *user);
void store_writer_stop(store *st);
/* Hands op to the writer, copied (as the JSON its log row keeps): the caller's
 * memory may change at once. *ticket gets its number and the status is STORE_OK
 * (its answer comes from store_done_take). Committed here and now instead, *ticket
 * 0 and the status the commit's: without a writer, and when the caller needs the
 * answer to go on (made asked for, core_op_answers, a meeting deleted). */
store_status store_op_queue(store *st, core_op *op, int64_t now_ms, int64_t *made, uint64_t *ticket);
typedef struct {
    uint64_t ticket;
    store_status status;
    core_op_kind kind;
    int64_t meeting;
} store_done;
/* The answers since the last call, oldest first, at most cap; returns how many. */
int store_done_take(store *st, store_done *out, int cap);
/* Operations handed over whose answer has not been taken yet. */
int store_queued(store *st);
/* store_backup on the writer's thread (a copy of the whole file is no frame's
 * work); here and now while a delete is unfinished or without a writer. */
store_status store_backup_queue(store *st);

/* An op read back from the log, holding what its pointers point at. */
typedef struct store_op_buf store_op_buf;
core_op *store_op_buf_op(store_op_buf *b);
void store_op_buf_free(store_op_buf *b);
/* The op that undoes (redo 0) or redoes (redo 1) the newest step of `board`
 * ("drieluik", "goals") in the meeting, from the log; STORE_ENOTFOUND when there is
 * none. The caller sets its actor, checks it (core_op_check) and commits it with
 * store_undo_commit. Release: store_op_buf_free. */
store_status store_undo_peek(store *st, int64_t meeting, const char *board, int redo, store_op_buf **out);
/* With ticket, handed to the writer like store_op_queue (b may be freed at once;
 * *ticket 0 when it was committed here); without, committed here and now. */
store_status store_undo_commit(store *st, store_op_buf *b, int64_t now_ms, uint64_t *ticket);
int store_can_undo(store *st, int64_t meeting, const char *board, int redo);

/* The meeting's operations as JSON lines, oldest first (`schouders ops`):
 * {"seq","at","actor","device","how":"do|undo|redo","ref","op":{...},"ids":[...]}. */
store_status store_ops_write(store *st, int64_t meeting, FILE *out);
/* Applies such lines, in order, through core_op_check, with the times and ids they
 * carry (`schouders replay`); stops at the first refused line, msg names it.
 * *count: how many were applied. */
store_status store_replay(store *st, FILE *in, int *count, char *msg, size_t cap);

/* Export per DESIGN's contract, schema_version 1. *json is malloc'd; release: free(). */
store_status store_export_json(store *st, int64_t meeting, char **json);
/* The same as a parsed tree, for whoever reads it next (the printer): no text in
 * between. Release: cJSON_Delete. */
struct cJSON;
store_status store_export_tree(store *st, int64_t meeting, struct cJSON **out);

/* --- layouts ----------------------------------------------------------------- */

/* Reads a board layout (layouts/drieluik.json): starts from core's defaults and takes
 * what the file gives. STORE_ENOTFOUND when there is no file (the defaults stand);
 * STORE_EINVAL with msg ("drieluik.json, line 7: ...") when it is broken. */
store_status store_board_load(const char *dir, core_dl_layout *out, char *msg, size_t cap);
store_status store_board_parse(const char *text, core_dl_layout *out, char *msg, size_t cap);

/* Reads every *.json template in dir, sorted by file name. A broken file is skipped and
 * described in errs ("eigen-kracht.json, line 4: ..."), one line each; the rest still
 * load. Board layouts (a "columns" list, no "phases") are not templates: passed over. */
store_status store_layouts_load(const char *dir, core_template *out, int cap, int *n,
                                char *errs, size_t errcap);
/* Parses one template from JSON text; on failure msg names the line. */
store_status store_layout_parse(const char *text, const char *id, core_template *out,
                                char *msg, size_t cap);

#endif
