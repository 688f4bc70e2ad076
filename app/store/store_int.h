/* store internals shared by store.c, export.c and layout.c; not for other folders. */
#ifndef SCHOUDERS_STORE_INT_H
#define SCHOUDERS_STORE_INT_H

#include "store.h"

#include <limits.h>
#include <sqlite3.h>
#include <sys/stat.h>

enum { STORE_IDS_MAX = 256 }; /* rows one operation may add: a meeting's phases, participants, people */

typedef struct store_writer store_writer;

struct store {
    sqlite3 *db;
    int lock_fd; /* flock()ed for the store's lifetime: one app per database */
    char path[PATH_MAX];
    char err[256];
    /* Told of every committed action (make test's kill suite listens). */
    void (*ack)(void *user, const char *action, int64_t meeting, int64_t ref);
    void *ack_user;
    char pending[32];        /* the action the open transaction journals */
    int purge_pending;       /* a deleted meeting's words may still be on disk (store_purge) */
    /* The file as opened, checked before every transaction: another one put at the
     * path, or this one cut short, is found before anything is written to it. */
    dev_t dev;
    ino_t ino;
    off_t max_size;          /* the largest it has been: SQLite never shrinks it here */
    int gone;                /* STORE_EGONE's kind: store_gone */
    int64_t pending_meeting, pending_ref;
    /* Transactions nest: an operation (ops.c) wraps the action it runs in one
     * transaction, the action's own begin becomes a savepoint. */
    int depth;
    int backup_due;          /* a phase changed: st_commit makes a verified copy once the outermost COMMIT returned */
    char device[40];         /* this device's name in the ops log (a random one, kept in settings) */
    /* New rows' ids: `want` is what a replay asks for, in order (the original's);
     * `made` is written down for the op's row in the log. */
    int64_t want[STORE_IDS_MAX], made[STORE_IDS_MAX];
    int nwant, iwant, nmade;
    store_writer *w;         /* the writer thread, while one runs (writer.c) */
    /* Statements asked after every commit, kept prepared: preparing the undo
     * buttons' question cost more than answering it (st_kept). */
    sqlite3_stmt *kept[2];
};
enum { ST_KEPT_UNDO, ST_KEPT_REDO };

store_status st_status(int rc);
/* Waits until the writer has committed everything handed to it: every call that
 * touches the connection or the struct begins with it (a no-op on the writer's own
 * thread and without a writer). */
void st_settle(store *st);
/* An op as the JSON its log row keeps (malloc'd; NULL when out of memory), and
 * back: the writer's copy of what a screen handed over. */
char *st_op_text(const core_op *op);
store_status st_op_read(const char *text, store_op_buf **out);
/* The writer's side: an op's text committed as how (STORE_HOW_*) with the log row
 * it names (ref) and, for a redo, the ids its rows had (ops.c). */
store_status st_op_commit_text(store *st, const char *text, int how, int64_t ref, const int64_t *ids, int nids, int64_t now_ms);
/* 1 when a writer runs and this is not its thread: work may be handed over. */
int st_writing(const store *st);
/* Hands text (malloc'd; taken even on failure) to the writer, with the ticket its
 * answer will carry (writer.c). */
store_status st_hand_over(store *st, char *text, int64_t now_ms, const core_op *op, int how, int64_t ref, const int64_t *ids,
                          int nids, uint64_t *ticket);
/* A REAL from the file within [lo, hi]; NaN, infinities and anything outside (a
 * hostile file) come back as the nearest end, lo for NaN. */
double st_real(sqlite3_stmt *s, int col, double lo, double hi);
store_status st_fail(store *st, int rc);
store_status st_exec(store *st, const char *sql);
store_status st_prepare(store *st, const char *sql, sqlite3_stmt **s);
/* Statement `slot` (ST_KEPT_*), prepared once: reset it after use, never finalize it;
 * store_close does. The SQL is always the same text for one slot. */
store_status st_kept(store *st, int slot, const char *sql, sqlite3_stmt **s);
store_status st_begin(store *st);
store_status st_commit(store *st);
store_status st_rollback(store *st, store_status why);
store_status st_journal(store *st, int64_t meeting, const char *action, int64_t ref, int64_t now_ms);
/* STORE_OK when the file at path is a whole SQLite database (quick_check), read only. */
store_status store_check_file(const char *path);
/* The ten copies turned one on, a new verified one as .bak.0 (backup.c). */
store_status st_backup_rotate(store *st);
/* A whole copy of the open database at path (0600), in the journal mode given (backup.c). */
store_status st_copy_to(store *st, const char *path, const char *journal_mode);
/* Runs one statement: int64 arguments ?1..?n, then text as ?n+1 (when not NULL). */
store_status st_run(store *st, const char *sql, int n, const int64_t *args, const char *text);
/* Ends an action begun with st_begin: journaled and committed when r is STORE_OK,
 * rolled back otherwise. Returns what happened. */
store_status st_finish(store *st, store_status r, int64_t meeting, const char *action, int64_t ref, int64_t now_ms);
/* Binds the id a new row is to get at column col: the one a replay wants, else
 * NULL (SQLite chooses). After the INSERT, st_new_row gives the id and writes it
 * down for the log. */
void st_bind_new_id(store *st, sqlite3_stmt *s, int col);
int64_t st_new_row(store *st);
/* Column text, cleaned of invalid UTF-8, into out. */
void st_text(sqlite3_stmt *s, int col, char *out, size_t cap);

#endif
