/* store: one SQLite file per device. WAL + synchronous=FULL so that an action the
 * screen calls saved survives kill -9 and power loss; one transaction per action. */
#include "store.h"
#include "store_int.h"

#include "../config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sodium.h>
#include <unistd.h>

/* Version 1: every table the core needs, so later boards add columns, not tables. */
static const char schema_v1[] =
    "CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE meetings(id INTEGER PRIMARY KEY, title TEXT NOT NULL, template TEXT NOT NULL,"
    " created_at INTEGER NOT NULL,"
    " status TEXT NOT NULL DEFAULT 'preparing' CHECK(status IN('preparing','running','finished')),"
    " current_phase INTEGER NOT NULL DEFAULT 0, drieluik_step INTEGER NOT NULL DEFAULT 0,"
    " plan_version INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE participants(id INTEGER PRIMARY KEY,"
    " meeting INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
    " seq INTEGER NOT NULL, name TEXT NOT NULL,"
    " role TEXT NOT NULL CHECK(role IN('kind','ouder','pleegouder','netwerklid','supporter','professional','facilitator')),"
    " colour INTEGER NOT NULL, present INTEGER NOT NULL DEFAULT 1,"
    " supports INTEGER REFERENCES participants(id) ON DELETE SET NULL);"
    "CREATE INDEX participants_meeting ON participants(meeting, seq);"
    "CREATE TABLE people(id INTEGER PRIMARY KEY,"
    " meeting INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
    " name TEXT NOT NULL, relation TEXT NOT NULL DEFAULT '',"
    " sector TEXT NOT NULL CHECK(sector IN('familie','sociaal','professioneel')),"
    " participant INTEGER REFERENCES participants(id) ON DELETE SET NULL);"
    "CREATE INDEX people_meeting ON people(meeting);"
    "CREATE TABLE phases(id INTEGER PRIMARY KEY,"
    " meeting INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
    " seq INTEGER NOT NULL, title_nl TEXT NOT NULL, title_en TEXT NOT NULL,"
    " planned_minutes INTEGER NOT NULL, closed INTEGER NOT NULL DEFAULT 0, board TEXT NOT NULL,"
    " started_at INTEGER, ended_at INTEGER, paused_ms INTEGER NOT NULL DEFAULT 0,"
    " paused_at INTEGER, UNIQUE(meeting, seq));"
    "CREATE TABLE phase_absent(phase INTEGER NOT NULL REFERENCES phases(id) ON DELETE CASCADE,"
    " participant INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,"
    " PRIMARY KEY(phase, participant));"
    "CREATE TABLE groups(id INTEGER PRIMARY KEY,"
    " meeting INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
    " col TEXT NOT NULL, theme TEXT NOT NULL DEFAULT '');"
    "CREATE TABLE notes(id INTEGER PRIMARY KEY,"
    " meeting INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
    " board TEXT NOT NULL, col TEXT NOT NULL, prompt TEXT NOT NULL DEFAULT '',"
    " author INTEGER REFERENCES participants(id) ON DELETE SET NULL,"
    " text TEXT NOT NULL DEFAULT '', ink BLOB, hung_at INTEGER,"
    " grp INTEGER REFERENCES groups(id) ON DELETE SET NULL,"
    " x REAL NOT NULL DEFAULT 0, y REAL NOT NULL DEFAULT 0,"
    " created_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX notes_meeting ON notes(meeting, board);"
    "CREATE TABLE goals(id INTEGER PRIMARY KEY,"
    " meeting INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
    " text TEXT NOT NULL, term TEXT NOT NULL DEFAULT 'kort' CHECK(term IN('kort','lang')),"
    " priority TEXT NOT NULL DEFAULT 'midden' CHECK(priority IN('hoog','midden','laag')),"
    " needs_network INTEGER NOT NULL DEFAULT 0, support TEXT NOT NULL DEFAULT '',"
    " kind TEXT NOT NULL DEFAULT 'vooruitzicht' CHECK(kind IN('vooruitzicht','voorwaardelijk')),"
    " imposed INTEGER NOT NULL DEFAULT 0,"
    " owner INTEGER REFERENCES people(id) ON DELETE SET NULL, evaluation_date TEXT,"
    " x REAL NOT NULL DEFAULT 0, y REAL NOT NULL DEFAULT 0, created_at INTEGER NOT NULL);"
    "CREATE TABLE actions(id INTEGER PRIMARY KEY,"
    " goal INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,"
    " what TEXT NOT NULL, who INTEGER REFERENCES people(id) ON DELETE SET NULL,"
    " from_date TEXT, to_date TEXT, progress TEXT NOT NULL DEFAULT '', next TEXT NOT NULL DEFAULT '');"
    "CREATE TABLE bodemeisen(id INTEGER PRIMARY KEY,"
    " meeting INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
    " text TEXT NOT NULL, by INTEGER REFERENCES participants(id) ON DELETE SET NULL);"
    "CREATE TABLE decisions(id INTEGER PRIMARY KEY,"
    " meeting INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
    " what TEXT NOT NULL, due TEXT, needs_professional_help INTEGER NOT NULL DEFAULT 0,"
    " goal INTEGER REFERENCES goals(id) ON DELETE SET NULL,"
    " final INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL);"
    "CREATE TABLE decision_who(decision INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,"
    " person INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE, PRIMARY KEY(decision, person));"
    "CREATE TABLE actieteam(meeting INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
    " person INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE, PRIMARY KEY(meeting, person));"
    "CREATE TABLE consents(id INTEGER PRIMARY KEY,"
    " meeting INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
    " participant INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,"
    " answer TEXT NOT NULL CHECK(answer IN('akkoord','voorbehoud','niet_akkoord')),"
    " remark TEXT NOT NULL DEFAULT '', at INTEGER NOT NULL, plan_version INTEGER NOT NULL);"
    "CREATE TABLE vip_entries(id INTEGER PRIMARY KEY,"
    " meeting INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
    " child INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,"
    " person INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,"
    " contact INTEGER CHECK(contact BETWEEN 1 AND 5),"
    " change TEXT CHECK(change IN('meer','minder','goed','anders')),"
    " note TEXT NOT NULL DEFAULT '', shared INTEGER NOT NULL DEFAULT 0,"
    " UNIQUE(child, person));"
    /* Append-only: what happened when, without personal text (a deleted meeting's
     * words must go with it). */
    "CREATE TABLE journal(id INTEGER PRIMARY KEY, at INTEGER NOT NULL, meeting INTEGER,"
    " action TEXT NOT NULL, ref INTEGER);"
    "CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal"
    " BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;"
    "CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal"
    " BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;";

/* Version 2, the Drieluik: the marks (het ergste / de grootste wens) on a note or
 * a group, and whether professionals write along in this meeting. */
static const char schema_v2[] =
    "ALTER TABLE notes ADD COLUMN mark INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE groups ADD COLUMN mark INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE meetings ADD COLUMN pros_write INTEGER NOT NULL DEFAULT 0;";

/* Version 3, timed phases and the plan: minutes added to a phase, a phase's
 * prompts, when the plan was fixed, and every fixed version kept whole. */
static const char schema_v3[] =
    "ALTER TABLE phases ADD COLUMN extra_ms INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE phases ADD COLUMN prompts TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE phases ADD COLUMN prompts_en TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE meetings ADD COLUMN plan_fixed_at INTEGER;"
    "UPDATE meetings SET plan_version=1 WHERE plan_version=0;"
    "CREATE TABLE plan_versions(meeting INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
    " version INTEGER NOT NULL, fixed_at INTEGER NOT NULL, plan TEXT NOT NULL, PRIMARY KEY(meeting, version));";

/* Version 4, the VIP-kaart: a note may be drawn, and when a person was picked. */
static const char schema_v4[] =
    "ALTER TABLE vip_entries ADD COLUMN ink BLOB;"
    "ALTER TABLE vip_entries ADD COLUMN picked_at INTEGER NOT NULL DEFAULT 0;";

/* Version 5, goals in view: an action can be done. */
static const char schema_v5[] = "ALTER TABLE actions ADD COLUMN done INTEGER NOT NULL DEFAULT 0;";

/* Version 6, a meeting that is finished: when, and nothing of it changes until the
 * facilitator reopens it. The file itself refuses (triggers), whatever asks. */
#define FINISHED_WHEN(meeting) " WHEN (SELECT status FROM meetings WHERE id=" meeting ")='finished'"
#define FINISHED_RAISE " BEGIN SELECT RAISE(ABORT, 'the meeting is finished'); END;"
#define FINISHED_LOCK(t, meeting) \
    "CREATE TRIGGER " t "_finished_ins BEFORE INSERT ON " t FINISHED_WHEN(meeting) FINISHED_RAISE \
    "CREATE TRIGGER " t "_finished_upd BEFORE UPDATE ON " t FINISHED_WHEN(meeting) FINISHED_RAISE
static const char schema_v6[] =
    "ALTER TABLE meetings ADD COLUMN finished_at INTEGER;"
    "CREATE TRIGGER meetings_finished_upd BEFORE UPDATE ON meetings"
    " WHEN OLD.status='finished' AND NEW.status='finished'" FINISHED_RAISE
    FINISHED_LOCK("participants", "NEW.meeting") FINISHED_LOCK("people", "NEW.meeting")
    FINISHED_LOCK("phases", "NEW.meeting") FINISHED_LOCK("groups", "NEW.meeting")
    FINISHED_LOCK("notes", "NEW.meeting") FINISHED_LOCK("goals", "NEW.meeting")
    FINISHED_LOCK("bodemeisen", "NEW.meeting") FINISHED_LOCK("decisions", "NEW.meeting")
    FINISHED_LOCK("actieteam", "NEW.meeting") FINISHED_LOCK("consents", "NEW.meeting")
    FINISHED_LOCK("vip_entries", "NEW.meeting") FINISHED_LOCK("plan_versions", "NEW.meeting")
    FINISHED_LOCK("actions", "(SELECT meeting FROM goals WHERE id=NEW.goal)")
    FINISHED_LOCK("decision_who", "(SELECT meeting FROM decisions WHERE id=NEW.decision)")
    FINISHED_LOCK("phase_absent", "(SELECT meeting FROM phases WHERE id=NEW.phase)");

/* Version 7, operations: every change a person makes, as it was asked, in order, by
 * whom and on which device; append-only, and gone with its meeting (its words too). */
static const char schema_v7[] =
    "CREATE TABLE ops(seq INTEGER PRIMARY KEY, meeting INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
    " at INTEGER NOT NULL, actor INTEGER, device TEXT NOT NULL, kind TEXT NOT NULL, board TEXT,"
    " how INTEGER NOT NULL DEFAULT 0 CHECK(how IN(0,1,2)), ref INTEGER, op TEXT NOT NULL,"
    " ids TEXT NOT NULL DEFAULT '[]', inverse TEXT);"
    "CREATE INDEX ops_board ON ops(meeting, board, seq);"
    "CREATE INDEX ops_ref ON ops(ref);"
    "CREATE TRIGGER ops_no_update BEFORE UPDATE ON ops BEGIN SELECT RAISE(ABORT, 'ops is append-only'); END;"
    "CREATE TRIGGER ops_no_delete BEFORE DELETE ON ops WHEN (SELECT 1 FROM meetings WHERE id=OLD.meeting) IS NOT NULL"
    " BEGIN SELECT RAISE(ABORT, 'ops is append-only'); END;";

static const char *const migrations[STORE_SCHEMA_VERSION] = {schema_v1, schema_v2, schema_v3, schema_v4, schema_v5, schema_v6,
                                                             schema_v7};

store_status st_status(int rc)
{
    switch (rc & 0xFF) {
    case SQLITE_OK: case SQLITE_DONE: case SQLITE_ROW: return STORE_OK;
    case SQLITE_FULL: return STORE_EFULL;
    case SQLITE_READONLY: case SQLITE_PERM: case SQLITE_CANTOPEN: return STORE_EREADONLY;
    case SQLITE_CORRUPT: case SQLITE_NOTADB: return STORE_ECORRUPT;
    case SQLITE_BUSY: case SQLITE_LOCKED: return STORE_ELOCKED;
    case SQLITE_CONSTRAINT: return STORE_EINVAL;
    default: return STORE_EIO;
    }
}

store_status st_fail(store *st, int rc)
{
    snprintf(st->err, sizeof st->err, "%s", sqlite3_errmsg(st->db));
    /* An I/O error says little; what is under it says what a person can act on. */
    if ((rc & 0xFF) == SQLITE_IOERR) {
        int e = sqlite3_system_errno(st->db);
        char wal[PATH_MAX + 8];
        snprintf(wal, sizeof wal, "%s-wal", st->path);
        if (e == EPERM || e == EACCES || e == EROFS || access(st->path, W_OK) != 0 ||
            (access(wal, F_OK) == 0 && access(wal, W_OK) != 0))
            return STORE_EREADONLY;
        if (e == ENOSPC || e == EDQUOT) return STORE_EFULL;
    }
    return st_status(rc);
}

store_status st_exec(store *st, const char *sql)
{
    st_settle(st);
    int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? STORE_OK : st_fail(st, rc);
}

store_status st_prepare(store *st, const char *sql, sqlite3_stmt **s)
{
    st_settle(st);
    int rc = sqlite3_prepare_v2(st->db, sql, -1, s, NULL);
    return rc == SQLITE_OK ? STORE_OK : st_fail(st, rc);
}

store_status st_kept(store *st, int slot, const char *sql, sqlite3_stmt **s)
{
    st_settle(st);
    if (!st->kept[slot]) {
        int rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st->kept[slot], NULL);
        if (rc != SQLITE_OK) return st_fail(st, rc);
    }
    *s = st->kept[slot];
    sqlite3_reset(*s);
    sqlite3_clear_bindings(*s);
    return STORE_OK;
}

store_status st_begin(store *st)
{
    if (st->depth > 0) { /* inside an operation: its transaction holds this one */
        store_status r = st_exec(st, "SAVEPOINT action");
        if (r == STORE_OK) st->depth++;
        return r;
    }
    /* Deleted, cut short or replaced under us: say so before writing a word into a
     * file that is no longer the one the kiosk opens (it would go with the process). */
    struct stat sb, pb;
    if (st->lock_fd >= 0 && fstat(st->lock_fd, &sb) == 0) {
        int there = stat(st->path, &pb) == 0, same = there && pb.st_ino == st->ino && pb.st_dev == st->dev;
        st->gone = there && !same ? STORE_GONE_REPLACED /* mv, or moved away and another put there */
                 : !there || sb.st_nlink == 0 ? STORE_GONE_DELETED
                 : sb.st_size < st->max_size ? STORE_GONE_TRUNCATED : 0;
        if (st->gone) {
            snprintf(st->err, sizeof st->err, "the database file was %s while in use",
                     st->gone == STORE_GONE_DELETED ? "deleted" : st->gone == STORE_GONE_TRUNCATED ? "cut short" : "replaced");
            return STORE_EGONE;
        }
        if (sb.st_size > st->max_size) st->max_size = sb.st_size;
    }
    store_status r = st_exec(st, "BEGIN IMMEDIATE");
    if (r == STORE_OK) st->depth = 1;
    return r;
}

void st_bind_new_id(store *st, sqlite3_stmt *s, int col)
{
    if (st->iwant < st->nwant) sqlite3_bind_int64(s, col, st->want[st->iwant++]);
    else sqlite3_bind_null(s, col);
}

int64_t st_new_row(store *st)
{
    int64_t id = sqlite3_last_insert_rowid(st->db);
    if (st->nmade < STORE_IDS_MAX) st->made[st->nmade++] = id;
    return id;
}

store_gone_kind store_gone(const store *st)
{
    st_settle((store *)st);
    return (store_gone_kind)st->gone;
}

store_status store_rescue(store *st, char *out, size_t cap)
{
    char tmp[PATH_MAX + 16];
    snprintf(tmp, sizeof tmp, "%s.rescue", st->path);
    unlink(tmp);
    store_status r = st_copy_to(st, tmp, "WAL");
    /* The copy must be whole: a page of a file cut short that was not in memory
     * would come back as zeros. */
    if (r == STORE_OK && store_check_file(tmp) != STORE_OK) {
        unlink(tmp);
        snprintf(st->err, sizeof st->err, "what the app holds could not be written back whole");
        return STORE_ECORRUPT;
    }
    if (r != STORE_OK) return r;
    /* Where: the file's own path when nothing is there, or it is this file emptied;
     * someone else's file put there is left alone and the rescue goes beside it. */
    struct stat pb;
    int free_path = lstat(st->path, &pb) != 0 || (pb.st_ino == st->ino && pb.st_dev == st->dev);
    if (free_path) snprintf(out, cap, "%s", st->path);
    else if (store_path_beside(st->path, out, cap) != STORE_OK) r = STORE_EIO;
    if (r == STORE_OK && (free_path ? rename(tmp, out) : renameat2(AT_FDCWD, tmp, AT_FDCWD, out, RENAME_NOREPLACE)) != 0) {
        snprintf(st->err, sizeof st->err, "the database could not be written back");
        r = STORE_EIO;
    }
    if (r != STORE_OK) unlink(tmp);
    return r;
}

store_status store_limit_pages(store *st, long n)
{
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA max_page_count=%ld", n);
    return st_exec(st, sql);
}

store_status st_commit(store *st)
{
    if (st->depth > 1) {
        st->depth--;
        return st_exec(st, "RELEASE action");
    }
    st->depth = 0;
    store_status s = st_exec(st, "COMMIT");
    if (s != STORE_OK) sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    /* Work that waits for a COMMIT (a phase change's backup) runs once it returned. */
    int backup = st->backup_due && s == STORE_OK;
    st->backup_due = 0;
    if (backup && store_backup(st) != STORE_OK) fprintf(stderr, "schouders: %s\n", st->err);
    /* Acknowledged only once COMMIT has returned: then it survives kill -9 (a
     * backup that failed does not make the commit less done). */
    if (s == STORE_OK && st->ack && st->pending[0]) st->ack(st->ack_user, st->pending, st->pending_meeting, st->pending_ref);
    st->pending[0] = 0;
    return s;
}

void store_set_ack(store *st, void (*fn)(void *user, const char *action, int64_t meeting, int64_t ref), void *user)
{
    st_settle(st);
    st->ack = fn;
    st->ack_user = user;
}

store_status st_rollback(store *st, store_status why)
{
    if (st->depth > 1) {
        st->depth--;
        sqlite3_exec(st->db, "ROLLBACK TO action; RELEASE action", NULL, NULL, NULL);
        return why;
    }
    st->depth = 0;
    st->pending[0] = 0;
    st->backup_due = 0;
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return why;
}

store_status st_journal(store *st, int64_t meeting, const char *action, int64_t ref, int64_t now_ms)
{
    snprintf(st->pending, sizeof st->pending, "%s", action);
    st->pending_meeting = meeting;
    st->pending_ref = ref;
    sqlite3_stmt *s;
    store_status r = st_prepare(st, "INSERT INTO journal(at, meeting, action, ref) VALUES(?,?,?,?)", &s);
    if (r != STORE_OK) return r;
    sqlite3_bind_int64(s, 1, now_ms);
    if (meeting) sqlite3_bind_int64(s, 2, meeting);
    sqlite3_bind_text(s, 3, action, -1, SQLITE_STATIC);
    if (ref) sqlite3_bind_int64(s, 4, ref);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? STORE_OK : st_fail(st, rc);
}

store_status st_run(store *st, const char *sql, int n, const int64_t *args, const char *text)
{
    sqlite3_stmt *s;
    store_status r = st_prepare(st, sql, &s);
    if (r != STORE_OK) return r;
    for (int i = 0; i < n; i++) sqlite3_bind_int64(s, i + 1, args[i]);
    if (text) sqlite3_bind_text(s, n + 1, text, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? STORE_OK : st_fail(st, rc);
}

store_status st_finish(store *st, store_status r, int64_t meeting, const char *action, int64_t ref, int64_t now_ms)
{
    if (r == STORE_OK) r = st_journal(st, meeting, action, ref, now_ms);
    return r == STORE_OK ? st_commit(st) : st_rollback(st, r);
}

double st_real(sqlite3_stmt *s, int col, double lo, double hi)
{
    double v = sqlite3_column_double(s, col);
    return !(v == v) ? lo : v < lo ? lo : v > hi ? hi : v;
}

void st_text(sqlite3_stmt *s, int col, char *out, size_t cap)
{
    const unsigned char *t = sqlite3_column_text(s, col);
    int n = sqlite3_column_bytes(s, col);
    /* The file may have been edited by hand: never trust its bytes. */
    core_utf8_clean(t ? (const char *)t : "", t ? (size_t)n : 0, out, cap);
}

static store_status check_integrity(store *st)
{
    sqlite3_stmt *s;
    int rc = sqlite3_prepare_v2(st->db, "PRAGMA quick_check", -1, &s, NULL);
    if (rc != SQLITE_OK) return st_fail(st, rc);
    rc = sqlite3_step(s);
    store_status r = STORE_OK;
    if (rc == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(s, 0);
        if (!t || strcmp(t, "ok") != 0) {
            snprintf(st->err, sizeof st->err, "quick_check: %s", t ? t : "?");
            r = STORE_ECORRUPT;
        }
    } else {
        r = st_fail(st, rc);
        if (r == STORE_EIO) r = STORE_ECORRUPT;
    }
    sqlite3_finalize(s);
    return r;
}

static int pragma_int(store *st, const char *sql)
{
    sqlite3_stmt *s;
    int v = -1;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) v = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return v;
}

/* Whose file is this? Read before anything is written: ours (our application_id),
 * empty (a new file: ours to make), an older Schouders file from before the id (our
 * own tables, a version we know), or another program's, which is never touched. */
static store_status check_identity(store *st, int user_version)
{
    int app = pragma_int(st, "PRAGMA application_id");
    if (app == STORE_APPLICATION_ID) return STORE_OK;
    int tables = pragma_int(st, "SELECT count(*) FROM sqlite_schema");
    int ours = pragma_int(st, "SELECT count(*) FROM sqlite_schema WHERE type='table'"
                              " AND name IN ('meetings','participants','settings','journal')");
    if (app == 0 && tables == 0 && user_version == 0) return STORE_OK;
    if (app == 0 && ours == 4 && user_version >= 1 && user_version <= STORE_SCHEMA_VERSION) return STORE_OK;
    if (app == 0 && ours == 4 && user_version > STORE_SCHEMA_VERSION) return STORE_ENEWER;
    snprintf(st->err, sizeof st->err, "not a Schouders database: another program's SQLite file (application_id %d, %d objects)",
             app, tables);
    return STORE_EFOREIGN;
}

static store_status read_user_version(store *st, int *v)
{
    sqlite3_stmt *s;
    store_status r = st_prepare(st, "PRAGMA user_version", &s);
    if (r != STORE_OK) return r;
    int rc = sqlite3_step(s);
    *v = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
    sqlite3_finalize(s);
    return rc == SQLITE_ROW ? STORE_OK : st_fail(st, rc);
}

static store_status migrate(store *st, int from)
{
    for (int v = from; v < STORE_SCHEMA_VERSION; v++) {
        char sql[64];
        store_status r = st_begin(st);
        if (r != STORE_OK) return r;
        r = st_exec(st, migrations[v]);
        snprintf(sql, sizeof sql, "PRAGMA user_version=%d", v + 1);
        if (r == STORE_OK) r = st_exec(st, sql);
        if (r != STORE_OK) return st_rollback(st, r);
        r = st_commit(st);
        if (r != STORE_OK) return r;
    }
    return STORE_OK;
}

static void dir_of(const char *path, char *out, size_t cap)
{
    snprintf(out, cap, "%s", path);
    char *slash = strrchr(out, '/');
    if (!slash) snprintf(out, cap, ".");
    else if (slash == out) out[1] = 0;
    else *slash = 0;
}

static store_status open_fail(store *st, store_status why, char *msg, size_t cap, const char *fmt, const char *detail)
{
    snprintf(msg, cap, fmt, detail);
    store_close(st);
    return why;
}

store_status store_open(const char *path, store **out, char *msg, size_t cap)
{
    *out = NULL;
    if (cap) msg[0] = 0;
    store *st = calloc(1, sizeof *st);
    if (!st) { snprintf(msg, cap, "out of memory"); return STORE_EIO; }
    st->lock_fd = -1;
    snprintf(st->path, sizeof st->path, "%s", path);

    struct stat sb;
    if (stat(path, &sb) != 0) {
        char dir[PATH_MAX];
        dir_of(path, dir, sizeof dir);
        struct stat db;
        if (stat(dir, &db) != 0 || !S_ISDIR(db.st_mode))
            return open_fail(st, STORE_EDIR, msg, cap, "the folder %s does not exist", dir);
        if (access(dir, W_OK | X_OK) != 0)
            return open_fail(st, STORE_EDIR, msg, cap, "the folder %s cannot be written", dir);
        /* 0600: what a family says is nobody else's business on a shared machine. */
        int fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
        if (fd < 0) return open_fail(st, STORE_EDIR, msg, cap, "cannot create the file: %s", strerror(errno));
        close(fd);
    } else if (!S_ISREG(sb.st_mode)) {
        return open_fail(st, STORE_ECORRUPT, msg, cap, "%s is not a file", path);
    }

    st->lock_fd = open(path, O_RDWR | O_CLOEXEC);
    if (st->lock_fd < 0) {
        if (errno == EACCES || errno == EROFS || errno == EPERM)
            return open_fail(st, STORE_EREADONLY, msg, cap, "the file cannot be written: %s", strerror(errno));
        return open_fail(st, STORE_EIO, msg, cap, "cannot open the file: %s", strerror(errno));
    }
    /* One kiosk per database: a second instance would fight over the same meeting. */
    if (flock(st->lock_fd, LOCK_EX | LOCK_NB) != 0)
        return open_fail(st, STORE_ELOCKED, msg, cap, "%s", "another Schouders already has this database open");
    struct stat fb;
    if (fstat(st->lock_fd, &fb) == 0) {
        st->dev = fb.st_dev;
        st->ino = fb.st_ino;
        st->max_size = fb.st_size;
    }

    int rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE, NULL);
    if (rc != SQLITE_OK)
        return open_fail(st, st_status(rc), msg, cap, "%s", st->db ? sqlite3_errmsg(st->db) : "cannot open");
    sqlite3_extended_result_codes(st->db, 1);
    sqlite3_busy_timeout(st->db, 2000);
    if (sqlite3_db_readonly(st->db, "main") == 1)
        return open_fail(st, STORE_EREADONLY, msg, cap, "%s", "the file is read-only");

    /* Read-only checks first: a file we do not understand is never written. */
    store_status r = check_integrity(st);
    if (r != STORE_OK)
        return open_fail(st, r == STORE_ELOCKED ? r : STORE_ECORRUPT, msg, cap,
                         "the file is damaged or not a Schouders database (%s)", st->err);
    int v = 0;
    r = read_user_version(st, &v);
    if (r != STORE_OK) return open_fail(st, r, msg, cap, "%s", st->err);
    r = check_identity(st, v);
    if (r == STORE_EFOREIGN) return open_fail(st, r, msg, cap, "%s", st->err);
    if (r == STORE_ENEWER || v > STORE_SCHEMA_VERSION) {
        char d[64];
        snprintf(d, sizeof d, "%d (this app knows up to %d)", v, STORE_SCHEMA_VERSION);
        return open_fail(st, STORE_ENEWER, msg, cap, "the file was made by a newer Schouders: version %s", d);
    }
    /* secure_delete: a deleted meeting's words are overwritten, not left in free pages. */
    /* cache_size: room for a whole meeting device's file (it takes only what the file
     * has), so that a file cut short under the app can be rescued from memory. */
    r = st_exec(st, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;"
                    " PRAGMA cache_size=-16384;");
    if (r == STORE_OK) r = migrate(st, v);
    /* Ours from now on, by its header: a file from before the id gets it too. */
    if (r == STORE_OK && pragma_int(st, "PRAGMA application_id") != STORE_APPLICATION_ID) {
        char sql[64];
        snprintf(sql, sizeof sql, "PRAGMA application_id=%d", STORE_APPLICATION_ID);
        r = st_exec(st, sql);
    }
    /* This device's name in the ops log: made once, kept. */
    if (r == STORE_OK && store_setting(st, "device", st->device, sizeof st->device) != STORE_OK && sodium_init() >= 0) {
        unsigned char raw[8];
        randombytes_buf(raw, sizeof raw);
        memcpy(st->device, "dev-", 4);
        sodium_bin2hex(st->device + 4, sizeof st->device - 4, raw, sizeof raw);
        r = store_set_setting(st, "device", st->device);
    }
    if (r != STORE_OK) return open_fail(st, r, msg, cap, "%s", st->err);
    /* A delete the last run could not finish (stopped, or the file was held) is finished now. */
    if (store_purge(st) != STORE_OK) fprintf(stderr, "schouders: deleting is not finished: %s\n", st->err);
    *out = st;
    return STORE_OK;
}

store_status store_open_readonly(const char *path, store **out, char *msg, size_t cap)
{
    *out = NULL;
    store *st = calloc(1, sizeof *st);
    if (!st) { snprintf(msg, cap, "out of memory"); return STORE_EIO; }
    st->lock_fd = -1;
    snprintf(st->path, sizeof st->path, "%s", path);
    if (access(path, R_OK) != 0) return open_fail(st, STORE_ENOTFOUND, msg, cap, "cannot read %s", path);
    sqlite3 *file;
    int rc = sqlite3_open_v2(path, &file, SQLITE_OPEN_READONLY, NULL);
    if (rc != SQLITE_OK) {
        snprintf(msg, cap, "%s", file ? sqlite3_errmsg(file) : "cannot open");
        sqlite3_close(file);
        store_close(st);
        return st_status(rc);
    }
    sqlite3_busy_timeout(file, 2000);
    /* The same checks as the app, on a copy in memory: SQLite skips CHECK
     * constraints in quick_check on a read-only file, and a file the app would call
     * damaged must not be handed out either. The copy is also one snapshot. */
    rc = sqlite3_open(":memory:", &st->db);
    sqlite3_backup *b = rc == SQLITE_OK ? sqlite3_backup_init(st->db, "main", file, "main") : NULL;
    rc = b ? sqlite3_backup_step(b, -1) : SQLITE_NOMEM;
    if (b) sqlite3_backup_finish(b);
    sqlite3_close(file);
    if (rc != SQLITE_DONE)
        return open_fail(st, rc == SQLITE_NOMEM ? STORE_EIO : STORE_ECORRUPT, msg, cap,
                         "the file is damaged or not a Schouders database (%s)", sqlite3_errstr(rc));
    store_status r = check_integrity(st);
    if (r != STORE_OK) return open_fail(st, STORE_ECORRUPT, msg, cap, "the file is damaged or not a Schouders database (%s)", st->err);
    int v = 0;
    if ((r = read_user_version(st, &v)) != STORE_OK) return open_fail(st, r, msg, cap, "%s", st->err);
    if (check_identity(st, v) == STORE_EFOREIGN) return open_fail(st, STORE_EFOREIGN, msg, cap, "%s", st->err);
    if (v != STORE_SCHEMA_VERSION)
        return open_fail(st, v > STORE_SCHEMA_VERSION ? STORE_ENEWER : STORE_ECORRUPT, msg, cap,
                         "%s", v > STORE_SCHEMA_VERSION ? "the file was made by a newer Schouders"
                         : v >= 1 ? "the file was made by an older Schouders: open it once in the app, which brings it up to date"
                                  : "not a Schouders database");
    *out = st;
    return STORE_OK;
}

void store_close(store *st)
{
    if (!st) return;
    store_writer_stop(st); /* what was handed over is committed before the file closes */
    for (size_t i = 0; i < sizeof st->kept / sizeof st->kept[0]; i++) sqlite3_finalize(st->kept[i]);
    if (st->db) sqlite3_close(st->db);
    /* Closing any descriptor drops SQLite's POSIX locks too, so this goes last. */
    if (st->lock_fd >= 0) close(st->lock_fd);
    free(st);
}

const char *store_errmsg(const store *st)
{
    st_settle((store *)st);
    return st->err;
}

static int mkdir_p(char *path, mode_t mode)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = 0;
        int rc = mkdir(path, mode);
        *p = '/';
        if (rc != 0 && errno != EEXIST) return -1;
    }
    return (mkdir(path, mode) == 0 || errno == EEXIST) ? 0 : -1;
}

store_status store_default_path(char *out, size_t cap)
{
    char dir[PATH_MAX];
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    int n;
    if (xdg && xdg[0] == '/') n = snprintf(dir, sizeof dir, "%s/schouders", xdg);
    else if (home && home[0]) n = snprintf(dir, sizeof dir, "%s/.local/share/schouders", home);
    else return STORE_EDIR;
    if (n < 0 || (size_t)n >= sizeof dir) return STORE_EDIR;
    if (mkdir_p(dir, 0700) != 0) return STORE_EDIR;
    n = snprintf(out, cap, "%s/schouders.db", dir);
    return (n > 0 && (size_t)n < cap) ? STORE_OK : STORE_EDIR;
}

store_status store_path_beside(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(path, '.');
    size_t stem = (dot && (!slash || dot > slash + 1)) ? (size_t)(dot - path) : strlen(path);
    for (int i = 2; i < 1000; i++) {
        int n = snprintf(out, cap, "%.*s-%d%s", (int)stem, path, i, path + stem);
        if (n < 0 || (size_t)n >= cap) return STORE_EIO;
        if (access(out, F_OK) != 0) return STORE_OK;
    }
    return STORE_EIO;
}

/* --- settings and PIN --------------------------------------------------------- */

store_status store_setting(store *st, const char *key, char *out, size_t cap)
{
    sqlite3_stmt *s;
    store_status r = st_prepare(st, "SELECT value FROM settings WHERE key=?", &s);
    if (r != STORE_OK) return r;
    sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) st_text(s, 0, out, cap);
    else r = rc == SQLITE_DONE ? STORE_ENOTFOUND : st_fail(st, rc);
    sqlite3_finalize(s);
    return r;
}

static store_status put_setting(store *st, const char *key, const char *value)
{
    sqlite3_stmt *s;
    store_status r = st_prepare(st, "INSERT OR REPLACE INTO settings(key, value) VALUES(?,?)", &s);
    if (r != STORE_OK) return r;
    sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? STORE_OK : st_fail(st, rc);
}

store_status store_set_setting(store *st, const char *key, const char *value)
{
    return put_setting(st, key, value);
}

store_status store_has_pin(store *st)
{
    char hash[crypto_pwhash_STRBYTES];
    return store_setting(st, "pin_hash", hash, sizeof hash);
}

store_status store_set_pin(store *st, const char *pin, int64_t now_ms)
{
    if (core_pin_check(pin) != CORE_OK) {
        snprintf(st->err, sizeof st->err, "a PIN is 4 to 8 digits");
        return STORE_EINVAL;
    }
    char hash[crypto_pwhash_STRBYTES];
    if (sodium_init() < 0 ||
        crypto_pwhash_str_alg(hash, pin, strlen(pin), CFG_PIN_OPSLIMIT, CFG_PIN_MEMLIMIT, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        snprintf(st->err, sizeof st->err, "cannot hash the PIN (out of memory)");
        return STORE_EIO;
    }
    store_status r = st_begin(st);
    if (r != STORE_OK) return r;
    r = put_setting(st, "pin_hash", hash);
    if (r == STORE_OK) r = st_journal(st, 0, "pin_set", 0, now_ms);
    return r == STORE_OK ? st_commit(st) : st_rollback(st, r);
}

store_status store_pin_guard(store *st, core_pin_guard *g)
{
    char v[96];
    long long w = 0, l = 0, at = 0, ms = 0;
    *g = (core_pin_guard){0, 0, 0, 0};
    store_status r = store_setting(st, "pin_guard", v, sizeof v);
    if (r == STORE_ENOTFOUND) return STORE_OK;
    if (r != STORE_OK) return r;
    if (sscanf(v, "%lld %lld %lld %lld", &w, &l, &at, &ms) == 4) {
        /* A hostile value gives the longest pause rather than none. */
        g->wrong = w >= 0 && w < 1000 ? (int)w : 0;
        g->lockouts = l >= 0 && l < 1000 ? (int)l : 10;
        g->paused_at = at;
        g->pause_ms = ms >= 0 && ms <= ((int64_t)CFG_PIN_PAUSE_MS << 10) ? ms : ((int64_t)CFG_PIN_PAUSE_MS << 10);
    }
    return STORE_OK;
}

store_status store_set_pin_guard(store *st, const core_pin_guard *g)
{
    char v[96];
    snprintf(v, sizeof v, "%d %d %lld %lld", g->wrong, g->lockouts, (long long)g->paused_at, (long long)g->pause_ms);
    return store_set_setting(st, "pin_guard", v);
}

store_status store_check_pin(store *st, const char *pin, int64_t now_ms, int64_t *wait_ms)
{
    core_pin_guard g;
    if (wait_ms) *wait_ms = 0;
    store_status r = store_pin_guard(st, &g);
    if (r != STORE_OK) return r;
    /* During a pause nothing is checked at all, by any screen. */
    int64_t wait = core_pin_wait_ms(&g, now_ms);
    if (wait > 0) {
        if (wait_ms) *wait_ms = wait;
        return STORE_EPAUSED;
    }
    char hash[crypto_pwhash_STRBYTES];
    if ((r = store_setting(st, "pin_hash", hash, sizeof hash)) != STORE_OK) return r;
    if (sodium_init() < 0) return STORE_EIO;
    int right = crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0;
    if (right) core_pin_right(&g);
    else core_pin_wrong(&g, CFG_PIN_TRIES, CFG_PIN_PAUSE_MS, now_ms);
    /* The count is in the file before the answer is given: pulling the plug after
     * a wrong try does not take the try back. */
    if ((r = store_set_pin_guard(st, &g)) != STORE_OK) return r;
    if (!right && wait_ms) *wait_ms = core_pin_wait_ms(&g, now_ms);
    return right ? STORE_OK : STORE_EINVAL;
}

/* --- meetings ----------------------------------------------------------------- */

store_status store_meeting_create(store *st, const char *title, const core_template *t,
                                  const core_participant *ps, int n, int64_t now_ms, int64_t *id_out)
{
    char clean[CORE_TEXT_BYTES(CORE_NAME_MAX)];
    if (core_text_take(title, CORE_NAME_MAX, clean, sizeof clean) != CORE_OK) {
        snprintf(st->err, sizeof st->err, "the title is empty or too long");
        return STORE_EINVAL;
    }
    if (!t || t->nphases < 1 || n < 0 || n > CORE_PARTICIPANTS_MAX) {
        snprintf(st->err, sizeof st->err, "no template or too many participants");
        return STORE_EINVAL;
    }
    sqlite3_stmt *m = NULL, *p = NULL, *pp = NULL, *ph = NULL;
    int64_t pids[CORE_PARTICIPANTS_MAX] = {0};
    store_status r = st_begin(st);
    if (r != STORE_OK) return r;
    int64_t id = 0;
    int rc = SQLITE_OK;
    if ((r = st_prepare(st, "INSERT INTO meetings(title, template, created_at, plan_version, id) VALUES(?,?,?,1,?)", &m)) != STORE_OK) goto out;
    st_bind_new_id(st, m, 4);
    sqlite3_bind_text(m, 1, clean, -1, SQLITE_STATIC);
    sqlite3_bind_text(m, 2, t->id, -1, SQLITE_STATIC);
    sqlite3_bind_int64(m, 3, now_ms);
    if ((rc = sqlite3_step(m)) != SQLITE_DONE) { r = st_fail(st, rc); goto out; }
    id = st_new_row(st);

    if ((r = st_prepare(st, "INSERT INTO phases(meeting, seq, title_nl, title_en, planned_minutes, closed, board,"
                            " prompts, prompts_en, id) VALUES(?,?,?,?,?,?,?,?,?,?)", &ph)) != STORE_OK) goto out;
    for (int i = 0; i < t->nphases; i++) {
        const core_phase_def *d = &t->phases[i];
        sqlite3_reset(ph);
        sqlite3_bind_int64(ph, 1, id);
        sqlite3_bind_int(ph, 2, i);
        sqlite3_bind_text(ph, 3, d->title_nl, -1, SQLITE_STATIC);
        sqlite3_bind_text(ph, 4, d->title_en[0] ? d->title_en : d->title_nl, -1, SQLITE_STATIC);
        sqlite3_bind_int(ph, 5, d->minutes);
        sqlite3_bind_int(ph, 6, d->closed);
        sqlite3_bind_text(ph, 7, d->board[0] ? d->board : "none", -1, SQLITE_STATIC);
        sqlite3_bind_text(ph, 8, d->prompts_nl, -1, SQLITE_STATIC);
        sqlite3_bind_text(ph, 9, d->prompts_en, -1, SQLITE_STATIC);
        st_bind_new_id(st, ph, 10);
        if ((rc = sqlite3_step(ph)) != SQLITE_DONE) { r = st_fail(st, rc); goto out; }
        st_new_row(st);
    }

    if ((r = st_prepare(st, "INSERT INTO participants(meeting, seq, name, role, colour, present, id)"
                            " VALUES(?,?,?,?,?,?,?)", &p)) != STORE_OK) goto out;
    if ((r = st_prepare(st, "INSERT INTO people(meeting, name, relation, sector, participant, id)"
                            " VALUES(?,?,?,?,?,?)", &pp)) != STORE_OK) goto out;
    for (int i = 0; i < n; i++) {
        char name[CORE_TEXT_BYTES(CORE_NAME_MAX)];
        if (core_text_take(ps[i].name, CORE_NAME_MAX, name, sizeof name) != CORE_OK ||
            ps[i].role < 0 || ps[i].role >= ROLE_COUNT) {
            snprintf(st->err, sizeof st->err, "participant %d has no name or no role", i + 1);
            r = STORE_EINVAL;
            goto out;
        }
        sqlite3_reset(p);
        sqlite3_bind_int64(p, 1, id);
        sqlite3_bind_int(p, 2, i);
        sqlite3_bind_text(p, 3, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(p, 4, core_role_word(ps[i].role), -1, SQLITE_STATIC);
        sqlite3_bind_int64(p, 5, ps[i].colour);
        sqlite3_bind_int(p, 6, ps[i].present ? 1 : 0);
        st_bind_new_id(st, p, 7);
        if ((rc = sqlite3_step(p)) != SQLITE_DONE) { r = st_fail(st, rc); goto out; }
        int64_t pid = st_new_row(st);
        sqlite3_reset(pp);
        sqlite3_bind_int64(pp, 1, id);
        sqlite3_bind_text(pp, 2, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(pp, 3, core_role_word(ps[i].role), -1, SQLITE_STATIC);
        sqlite3_bind_text(pp, 4, core_sector_word(core_role_sector(ps[i].role)), -1, SQLITE_STATIC);
        sqlite3_bind_int64(pp, 5, pid);
        st_bind_new_id(st, pp, 6);
        if ((rc = sqlite3_step(pp)) != SQLITE_DONE) { r = st_fail(st, rc); goto out; }
        st_new_row(st);
        pids[i] = pid;
    }
    /* A supporter names the person they support by place in the list (1-based). */
    for (int i = 0; i < n && r == STORE_OK; i++) {
        int64_t k = ps[i].supports;
        if (k < 1 || k > n || k - 1 == i) continue;
        char sql[96];
        snprintf(sql, sizeof sql, "UPDATE participants SET supports=%lld WHERE id=%lld", (long long)pids[k - 1],
                 (long long)pids[i]);
        r = st_exec(st, sql);
    }
    if (r == STORE_OK) r = st_journal(st, id, "meeting_create", id, now_ms);
out:
    sqlite3_finalize(m);
    sqlite3_finalize(p);
    sqlite3_finalize(pp);
    sqlite3_finalize(ph);
    if (r != STORE_OK) return st_rollback(st, r);
    r = st_commit(st);
    if (r == STORE_OK && id_out) *id_out = id;
    return r;
}

static const char meeting_cols[] =
    "SELECT m.id, m.title, m.template, m.created_at, m.status, m.current_phase,"
    " (SELECT count(*) FROM participants p WHERE p.meeting=m.id), coalesce(m.finished_at, 0) FROM meetings m ";

static void read_meeting(sqlite3_stmt *s, core_meeting *m)
{
    memset(m, 0, sizeof *m);
    m->id = sqlite3_column_int64(s, 0);
    st_text(s, 1, m->title, sizeof m->title);
    st_text(s, 2, m->template_id, sizeof m->template_id);
    m->created_at_ms = sqlite3_column_int64(s, 3);
    const char *status = (const char *)sqlite3_column_text(s, 4);
    m->status = status && !strcmp(status, "running") ? MEETING_RUNNING
              : status && !strcmp(status, "finished") ? MEETING_FINISHED : MEETING_PREPARING;
    m->current_phase = sqlite3_column_int(s, 5);
    m->nparticipants = sqlite3_column_int(s, 6);
    m->finished_at_ms = sqlite3_column_int64(s, 7);
}

store_status store_meeting_finish(store *st, int64_t meeting, int64_t now_ms)
{
    store_status r = st_begin(st);
    if (r != STORE_OK) return r;
    const int64_t a[] = {now_ms, meeting};
    /* The phase that runs now ends with it (its pause too), before the lock is on. */
    r = st_run(st, "UPDATE phases SET ended_at=?1, paused_ms=paused_ms+coalesce(?1-paused_at,0), paused_at=NULL"
                   " WHERE meeting=?2 AND started_at IS NOT NULL AND ended_at IS NULL", 2, a, NULL);
    if (r == STORE_OK) r = st_run(st, "UPDATE meetings SET status='finished', finished_at=?1 WHERE id=?2 AND status<>'finished'", 2, a, NULL);
    if (r == STORE_OK && sqlite3_changes(st->db) == 0) r = STORE_EINVAL; /* not there, or finished already */
    return st_finish(st, r, meeting, "meeting_finish", meeting, now_ms);
}

store_status store_meeting_reopen(store *st, int64_t meeting, int64_t now_ms)
{
    store_status r = st_begin(st);
    if (r != STORE_OK) return r;
    const int64_t a[] = {meeting};
    r = st_run(st, "UPDATE meetings SET status='running', finished_at=NULL WHERE id=?1 AND status='finished'", 1, a, NULL);
    if (r == STORE_OK && sqlite3_changes(st->db) == 0) r = STORE_EINVAL;
    return st_finish(st, r, meeting, "meeting_reopen", meeting, now_ms);
}

store_status store_meetings(store *st, core_meeting *out, int cap, int *n)
{
    char sql[512];
    snprintf(sql, sizeof sql, "%sORDER BY m.created_at DESC, m.id DESC LIMIT ?", meeting_cols);
    sqlite3_stmt *s;
    *n = 0;
    store_status r = st_prepare(st, sql, &s);
    if (r != STORE_OK) return r;
    sqlite3_bind_int(s, 1, cap);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < cap) read_meeting(s, &out[(*n)++]);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? STORE_OK : st_fail(st, rc);
}

store_status store_meeting(store *st, int64_t id, core_meeting *out)
{
    char sql[512];
    snprintf(sql, sizeof sql, "%sWHERE m.id=?", meeting_cols);
    sqlite3_stmt *s;
    store_status r = st_prepare(st, sql, &s);
    if (r != STORE_OK) return r;
    sqlite3_bind_int64(s, 1, id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) read_meeting(s, out);
    else r = rc == SQLITE_DONE ? STORE_ENOTFOUND : st_fail(st, rc);
    sqlite3_finalize(s);
    return r;
}

store_status store_meeting_delete(store *st, int64_t id, int64_t now_ms)
{
    store_status r = st_begin(st);
    if (r != STORE_OK) return r;
    sqlite3_stmt *s;
    if ((r = st_prepare(st, "DELETE FROM meetings WHERE id=?", &s)) != STORE_OK) return st_rollback(st, r);
    sqlite3_bind_int64(s, 1, id);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) return st_rollback(st, st_fail(st, rc));
    if (sqlite3_changes(st->db) == 0) return st_rollback(st, STORE_ENOTFOUND);
    /* Committed with the delete: what is left on disk is still to be wiped. */
    r = st_exec(st, "INSERT OR REPLACE INTO settings(key, value) VALUES('purge_pending', '1')");
    if (r == STORE_OK) r = st_journal(st, id, "meeting_delete", id, now_ms);
    r = r == STORE_OK ? st_commit(st) : st_rollback(st, r);
    if (r != STORE_OK) return r;
    st->purge_pending = 1;
    return store_purge(st);
}

int store_purge_pending(const store *st) { return st && st->purge_pending; }

store_status store_purge(store *st)
{
    char v[8];
    if (store_setting(st, "purge_pending", v, sizeof v) != STORE_OK) {
        st->purge_pending = 0;
        return STORE_OK;
    }
    st->purge_pending = 1;
    /* secure_delete overwrote the rows in the pages; the WAL still holds older
     * frames of them until a checkpoint copies the pages home and truncates it. A
     * reader's snapshot (an export running) stops that: then it is tried again
     * later, without waiting here (busy timeout 0: the screen must not freeze). */
    int nlog = -1, nckpt = -1;
    sqlite3_busy_timeout(st->db, 0);
    int rc = sqlite3_wal_checkpoint_v2(st->db, "main", SQLITE_CHECKPOINT_TRUNCATE, &nlog, &nckpt);
    sqlite3_busy_timeout(st->db, 2000);
    int wal_clean = rc == SQLITE_OK && nlog == 0;
    /* The older copies hold the words too: they go, and one copy without them is made. */
    store_status r = store_backups_rewrite(st);
    if (r != STORE_OK) return r;
    if (!wal_clean) {
        snprintf(st->err, sizeof st->err, "another program holds the database; its write-ahead log could not be emptied yet");
        return STORE_EHELD;
    }
    r = st_exec(st, "DELETE FROM settings WHERE key='purge_pending'");
    if (r != STORE_OK) return r;
    st->purge_pending = 0;
    /* That last small write goes home too (it holds no words); best effort. */
    sqlite3_wal_checkpoint_v2(st->db, "main", SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    return STORE_OK;
}

store_status store_participants(store *st, int64_t meeting, core_participant *out, int cap, int *n)
{
    sqlite3_stmt *s;
    *n = 0;
    store_status r = st_prepare(st, "SELECT id, name, role, colour, present, supports FROM participants"
                                    " WHERE meeting=? ORDER BY seq, id", &s);
    if (r != STORE_OK) return r;
    sqlite3_bind_int64(s, 1, meeting);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < cap) {
        core_participant *p = &out[(*n)++];
        memset(p, 0, sizeof *p);
        p->id = sqlite3_column_int64(s, 0);
        st_text(s, 1, p->name, sizeof p->name);
        if (core_role_parse((const char *)sqlite3_column_text(s, 2), &p->role) != CORE_OK) p->role = ROLE_NETWERKLID;
        p->colour = (uint32_t)sqlite3_column_int64(s, 3);
        p->present = sqlite3_column_int(s, 4);
        p->supports = sqlite3_column_int64(s, 5);
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? STORE_OK : st_fail(st, rc);
}

store_status store_phases(store *st, int64_t meeting, core_phase *out, int cap, int *n)
{
    sqlite3_stmt *s;
    *n = 0;
    store_status r = st_prepare(st, "SELECT id, seq, title_nl, title_en, planned_minutes, closed, board,"
                                    " coalesce(started_at,0), coalesce(ended_at,0), paused_ms, coalesce(paused_at,0),"
                                    " extra_ms, prompts, prompts_en FROM phases WHERE meeting=? ORDER BY seq", &s);
    if (r != STORE_OK) return r;
    sqlite3_bind_int64(s, 1, meeting);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < cap) {
        core_phase *p = &out[(*n)++];
        memset(p, 0, sizeof *p);
        p->id = sqlite3_column_int64(s, 0);
        p->seq = sqlite3_column_int(s, 1);
        st_text(s, 2, p->def.title_nl, sizeof p->def.title_nl);
        st_text(s, 3, p->def.title_en, sizeof p->def.title_en);
        p->def.minutes = sqlite3_column_int(s, 4);
        p->def.closed = sqlite3_column_int(s, 5);
        st_text(s, 6, p->def.board, sizeof p->def.board);
        p->started_at_ms = sqlite3_column_int64(s, 7);
        p->ended_at_ms = sqlite3_column_int64(s, 8);
        p->paused_ms = sqlite3_column_int64(s, 9);
        p->paused_at_ms = sqlite3_column_int64(s, 10);
        p->extra_ms = sqlite3_column_int64(s, 11);
        st_text(s, 12, p->def.prompts_nl, sizeof p->def.prompts_nl);
        st_text(s, 13, p->def.prompts_en, sizeof p->def.prompts_en);
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? STORE_OK : st_fail(st, rc);
}

store_status store_phase_go(store *st, int64_t meeting, int to, int64_t now_ms)
{
    store_status r = st_begin(st);
    if (r != STORE_OK) return r;
    sqlite3_stmt *s = NULL;
    int rc;
    /* End the phase that runs now, start the chosen one (only the first time). */
    /* A pause in the phase being left ends with it: its span is not counted. */
    r = st_prepare(st, "UPDATE phases SET ended_at=?1, paused_ms=paused_ms+coalesce(?1-paused_at,0), paused_at=NULL"
                       " WHERE meeting=?2 AND started_at IS NOT NULL AND ended_at IS NULL AND seq<>?3", &s);
    if (r == STORE_OK) {
        sqlite3_bind_int64(s, 1, now_ms);
        sqlite3_bind_int64(s, 2, meeting);
        sqlite3_bind_int(s, 3, to);
        if ((rc = sqlite3_step(s)) != SQLITE_DONE) r = st_fail(st, rc);
        sqlite3_finalize(s);
    }
    /* Back to a phase already run: the time spent elsewhere is not counted. */
    if (r == STORE_OK && (r = st_prepare(st, "UPDATE phases SET paused_ms=paused_ms+coalesce(?1-ended_at,0),"
                                             " started_at=coalesce(started_at, ?1), ended_at=NULL"
                                             " WHERE meeting=?2 AND seq=?3", &s)) == STORE_OK) {
        sqlite3_bind_int64(s, 1, now_ms);
        sqlite3_bind_int64(s, 2, meeting);
        sqlite3_bind_int(s, 3, to);
        if ((rc = sqlite3_step(s)) != SQLITE_DONE) r = st_fail(st, rc);
        else if (sqlite3_changes(st->db) == 0) r = STORE_ENOTFOUND;
        sqlite3_finalize(s);
    }
    if (r == STORE_OK && (r = st_prepare(st, "UPDATE meetings SET current_phase=?1,"
                                             " status=CASE status WHEN 'preparing' THEN 'running' ELSE status END"
                                             " WHERE id=?2", &s)) == STORE_OK) {
        sqlite3_bind_int(s, 1, to);
        sqlite3_bind_int64(s, 2, meeting);
        if ((rc = sqlite3_step(s)) != SQLITE_DONE) r = st_fail(st, rc);
        sqlite3_finalize(s);
    }
    /* The closed segment: the professionals (and the facilitator) have left; that is recorded. */
    if (r == STORE_OK && (r = st_prepare(st, "INSERT OR IGNORE INTO phase_absent(phase, participant)"
                                             " SELECT ph.id, p.id FROM phases ph JOIN participants p ON p.meeting=ph.meeting"
                                             " WHERE ph.meeting=?1 AND ph.seq=?2 AND ph.closed=1"
                                             " AND p.role IN ('professional','facilitator')", &s)) == STORE_OK) {
        sqlite3_bind_int64(s, 1, meeting);
        sqlite3_bind_int(s, 2, to);
        if ((rc = sqlite3_step(s)) != SQLITE_DONE) r = st_fail(st, rc);
        sqlite3_finalize(s);
    }
    if (r == STORE_OK) r = st_journal(st, meeting, "phase_go", to, now_ms);
    /* Every phase change leaves a verified copy, made by st_commit once the outermost
     * transaction has committed (a copy holds only what is committed); the change
     * stands even if the copy fails. */
    if (r == STORE_OK) st->backup_due = 1;
    return r == STORE_OK ? st_commit(st) : st_rollback(st, r);
}

/* Pause (on), resume (off) or add minutes to the phase that runs now. */
store_status store_phase_timer(store *st, int64_t meeting, int seq, store_timer_op op, int64_t arg, int64_t now_ms)
{
    static const char *const sql[] = {
        "UPDATE phases SET paused_at=?1 WHERE meeting=?2 AND seq=?3 AND started_at IS NOT NULL AND ended_at IS NULL"
        " AND paused_at IS NULL",
        "UPDATE phases SET paused_ms=paused_ms+(?1-paused_at), paused_at=NULL WHERE meeting=?2 AND seq=?3"
        " AND paused_at IS NOT NULL",
        "UPDATE phases SET extra_ms=extra_ms+?4 WHERE meeting=?2 AND seq=?3"};
    static const char *const words[] = {"phase_pause", "phase_resume", "phase_extra"};
    if (op < STORE_TIMER_PAUSE || op > STORE_TIMER_ADD || (op == STORE_TIMER_ADD && (arg <= 0 || arg > 3600000)))
        return STORE_EINVAL;
    store_status r = st_begin(st);
    if (r != STORE_OK) return r;
    sqlite3_stmt *s;
    if ((r = st_prepare(st, sql[op], &s)) != STORE_OK) return st_rollback(st, r);
    sqlite3_bind_int64(s, 1, now_ms);
    sqlite3_bind_int64(s, 2, meeting);
    sqlite3_bind_int(s, 3, seq);
    if (op == STORE_TIMER_ADD) sqlite3_bind_int64(s, 4, arg);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) return st_rollback(st, st_fail(st, rc));
    if (sqlite3_changes(st->db) == 0) return st_rollback(st, STORE_ENOTFOUND);
    r = st_journal(st, meeting, words[op], seq, now_ms);
    return r == STORE_OK ? st_commit(st) : st_rollback(st, r);
}

/* --- notes ---------------------------------------------------------------------- */

static store_status note_text(store *st, const char *text, size_t ink_len, char *clean, size_t cap)
{
    core_status c = core_note_check(text, ink_len, clean, cap);
    if (c == CORE_OK) return STORE_OK;
    snprintf(st->err, sizeof st->err, c == CORE_EEMPTY ? "a note needs words or a drawing" : "the note is too long");
    return STORE_EINVAL;
}

store_status store_note_add(store *st, int64_t meeting, const char *board, const core_dl_place *at, int64_t author,
                            const char *text, const unsigned char *ink, size_t ink_len, int64_t now_ms, int64_t *id_out)
{
    char clean[CORE_TEXT_BYTES(CORE_NOTE_MAX)];
    store_status r = note_text(st, text, ink_len, clean, sizeof clean);
    if (r != STORE_OK) return r;
    if ((r = st_begin(st)) != STORE_OK) return r;
    sqlite3_stmt *s;
    if ((r = st_prepare(st, "INSERT INTO notes(meeting, board, col, prompt, author, text, ink, created_at, hung_at, y, id)"
                            " VALUES(?,?,?,?,?,?,?,?,?,?,?)", &s)) != STORE_OK) return st_rollback(st, r);
    sqlite3_bind_int64(s, 1, meeting);
    sqlite3_bind_text(s, 2, board, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, core_dl_col_word(at->col), -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, core_dl_prompt_word(at->prompt), -1, SQLITE_STATIC);
    if (author) sqlite3_bind_int64(s, 5, author);
    sqlite3_bind_text(s, 6, clean, -1, SQLITE_STATIC);
    if (ink_len) sqlite3_bind_blob(s, 7, ink, (int)ink_len, SQLITE_STATIC);
    sqlite3_bind_int64(s, 8, now_ms);
    if (at->hung_at) sqlite3_bind_int64(s, 9, at->hung_at);
    sqlite3_bind_double(s, 10, at->order);
    st_bind_new_id(st, s, 11);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) return st_rollback(st, st_fail(st, rc));
    int64_t id = st_new_row(st);
    r = st_journal(st, meeting, "note_add", id, now_ms);
    if (r != STORE_OK) return st_rollback(st, r);
    r = st_commit(st);
    if (r == STORE_OK && id_out) *id_out = id;
    return r;
}

store_status store_note_update(store *st, int64_t note, const char *text, const unsigned char *ink, size_t ink_len,
                               int64_t now_ms)
{
    char clean[CORE_TEXT_BYTES(CORE_NOTE_MAX)];
    store_status r = note_text(st, text, ink_len, clean, sizeof clean);
    if (r != STORE_OK) return r;
    if ((r = st_begin(st)) != STORE_OK) return r;
    sqlite3_stmt *s;
    if ((r = st_prepare(st, "UPDATE notes SET text=?, ink=? WHERE id=? AND deleted=0", &s)) != STORE_OK)
        return st_rollback(st, r);
    sqlite3_bind_text(s, 1, clean, -1, SQLITE_STATIC);
    if (ink_len) sqlite3_bind_blob(s, 2, ink, (int)ink_len, SQLITE_STATIC);
    sqlite3_bind_int64(s, 3, note);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) return st_rollback(st, st_fail(st, rc));
    if (sqlite3_changes(st->db) == 0) return st_rollback(st, STORE_ENOTFOUND);
    r = st_journal(st, 0, "note_update", note, now_ms);
    return r == STORE_OK ? st_commit(st) : st_rollback(st, r);
}

store_status store_notes(store *st, int64_t meeting, const char *board, int with_deleted, core_note *out, int cap, int *n)
{
    sqlite3_stmt *s;
    *n = 0;
    store_status r = st_prepare(st, "SELECT id, board, col, coalesce(author,0), text, ink, created_at,"
                                    " coalesce(hung_at,0), prompt, coalesce(grp,0), y, mark, deleted"
                                    " FROM notes WHERE meeting=?1 AND board=?2 AND (deleted=0 OR ?3)"
                                    " ORDER BY id", &s);
    if (r != STORE_OK) return r;
    sqlite3_bind_int64(s, 1, meeting);
    sqlite3_bind_text(s, 2, board, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 3, with_deleted ? 1 : 0);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < cap) {
        core_note *note = &out[*n];
        memset(note, 0, sizeof *note);
        char word[16];
        note->id = note->at.id = sqlite3_column_int64(s, 0);
        st_text(s, 1, note->board, sizeof note->board);
        st_text(s, 2, word, sizeof word);
        int col = core_dl_col_parse(word);
        note->at.col = (int8_t)(col < 0 ? DL_LEFT : col);
        note->author = sqlite3_column_int64(s, 3);
        st_text(s, 4, note->text, sizeof note->text);
        int len = sqlite3_column_bytes(s, 5);
        if (len > 0 && (note->ink = malloc((size_t)len))) {
            memcpy(note->ink, sqlite3_column_blob(s, 5), (size_t)len);
            note->ink_len = (size_t)len;
        }
        note->created_at_ms = sqlite3_column_int64(s, 6);
        note->at.hung_at = sqlite3_column_int64(s, 7);
        st_text(s, 8, word, sizeof word);
        note->at.prompt = (int8_t)core_dl_prompt_parse(word);
        if (note->at.col == DL_MIDDLE && note->at.prompt == DL_PROMPT_NONE) note->at.prompt = DL_WIE;
        note->at.grp = sqlite3_column_int64(s, 9);
        note->at.order = st_real(s, 10, -1e12, 1e12); /* an order among notes: no more is needed */
        note->at.mark = (int8_t)(sqlite3_column_int(s, 11) != 0);
        note->at.deleted = (int8_t)(sqlite3_column_int(s, 12) != 0);
        (*n)++;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        core_notes_free(out, *n);
        *n = 0;
        return st_fail(st, rc);
    }
    return STORE_OK;
}

/* --- the Drieluik board ------------------------------------------------------------- */

store_status store_dl_groups(store *st, int64_t meeting, core_dl_group *out, int cap, int *n)
{
    sqlite3_stmt *s;
    *n = 0;
    store_status r = st_prepare(st, "SELECT id, col, theme, mark FROM groups WHERE meeting=? ORDER BY id", &s);
    if (r != STORE_OK) return r;
    sqlite3_bind_int64(s, 1, meeting);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < cap) {
        core_dl_group *g = &out[(*n)++];
        memset(g, 0, sizeof *g);
        char word[16];
        g->id = sqlite3_column_int64(s, 0);
        st_text(s, 1, word, sizeof word);
        int col = core_dl_col_parse(word);
        g->col = (int8_t)(col < 0 ? DL_LEFT : col);
        st_text(s, 2, g->theme, sizeof g->theme);
        g->mark = (int8_t)(sqlite3_column_int(s, 3) != 0);
        g->exists = 1;
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? STORE_OK : st_fail(st, rc);
}

store_status store_dl_settings(store *st, int64_t meeting, int *step, int *pros_write)
{
    sqlite3_stmt *s;
    store_status r = st_prepare(st, "SELECT drieluik_step, pros_write FROM meetings WHERE id=?", &s);
    if (r != STORE_OK) return r;
    sqlite3_bind_int64(s, 1, meeting);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        int v = sqlite3_column_int(s, 0);
        *step = v < 0 ? 0 : v >= DL_STEPS ? DL_STEPS - 1 : v; /* an edited file reads as a step that exists */
        *pros_write = sqlite3_column_int(s, 1) != 0;
    }
    sqlite3_finalize(s);
    if (rc == SQLITE_ROW) return STORE_OK;
    return rc == SQLITE_DONE ? STORE_ENOTFOUND : st_fail(st, rc);
}

store_status store_dl_set(store *st, int64_t meeting, int step, int pros_write, int64_t now_ms)
{
    if (step < 0 || step >= DL_STEPS) return STORE_EINVAL;
    store_status r = st_begin(st);
    if (r != STORE_OK) return r;
    sqlite3_stmt *s;
    if ((r = st_prepare(st, "UPDATE meetings SET drieluik_step=?, pros_write=? WHERE id=?", &s)) != STORE_OK)
        return st_rollback(st, r);
    sqlite3_bind_int(s, 1, step);
    sqlite3_bind_int(s, 2, pros_write ? 1 : 0);
    sqlite3_bind_int64(s, 3, meeting);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) return st_rollback(st, st_fail(st, rc));
    if (sqlite3_changes(st->db) == 0) return st_rollback(st, STORE_ENOTFOUND);
    r = st_journal(st, meeting, "drieluik_step", step, now_ms);
    return r == STORE_OK ? st_commit(st) : st_rollback(st, r);
}

static store_status step_done(store *st, sqlite3_stmt *s)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return rc == SQLITE_DONE ? STORE_OK : st_fail(st, rc);
}

store_status store_dl_apply(store *st, int64_t meeting, core_dl_change *ch, int n, int after, int64_t now_ms)
{
    int w = after ? 1 : 0;
    store_status r = st_begin(st);
    if (r != STORE_OK) return r;
    sqlite3_stmt *put = NULL, *ins = NULL, *del = NULL, *note = NULL;
    if ((r = st_prepare(st, "UPDATE groups SET col=?1, theme=?2, mark=?3 WHERE id=?4 AND meeting=?5", &put)) != STORE_OK ||
        (r = st_prepare(st, "INSERT INTO groups(id, meeting, col, theme, mark) VALUES(?4,?5,?1,?2,?3)", &ins)) != STORE_OK ||
        (r = st_prepare(st, "DELETE FROM groups WHERE id=?1 AND meeting=?2", &del)) != STORE_OK ||
        (r = st_prepare(st, "UPDATE notes SET col=?1, prompt=?2, grp=?3, hung_at=?4, y=?5, mark=?6, deleted=?7"
                            " WHERE id=?8 AND meeting=?9", &note)) != STORE_OK)
        goto out;
    /* Groups that are there after the action, then the notes that point at them,
     * then the groups that are gone. */
    for (int i = 0; i < n && r == STORE_OK; i++) {
        core_dl_group *g = &ch[i].g[w];
        if (!ch[i].is_group || !g->exists) continue;
        sqlite3_bind_text(put, 1, core_dl_col_word(g->col), -1, SQLITE_STATIC);
        sqlite3_bind_text(put, 2, g->theme, -1, SQLITE_STATIC);
        sqlite3_bind_int(put, 3, g->mark);
        sqlite3_bind_int64(put, 4, g->id);
        sqlite3_bind_int64(put, 5, meeting);
        if ((r = step_done(st, put)) != STORE_OK) break;
        if (g->id > 0 && sqlite3_changes(st->db) == 1) continue;
        /* New, or back after an undo: a new group's id is chosen by SQLite and
         * given back through the change list. */
        sqlite3_bind_text(ins, 1, core_dl_col_word(g->col), -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 2, g->theme, -1, SQLITE_STATIC);
        sqlite3_bind_int(ins, 3, g->mark);
        if (g->id > 0) sqlite3_bind_int64(ins, 4, g->id);
        else st_bind_new_id(st, ins, 4);
        sqlite3_bind_int64(ins, 5, meeting);
        if ((r = step_done(st, ins)) != STORE_OK) break;
        int64_t from = g->id, to = g->id > 0 ? g->id : st_new_row(st);
        if (from <= 0)
            for (int k = 0; k < n; k++)
                for (int v = 0; v < 2; v++) {
                    if (ch[k].g[v].id == from) ch[k].g[v].id = to;
                    if (ch[k].n[v].grp == from) ch[k].n[v].grp = to;
                }
    }
    for (int i = 0; i < n && r == STORE_OK; i++) {
        const core_dl_place *p = &ch[i].n[w];
        if (ch[i].is_group) continue;
        sqlite3_bind_text(note, 1, core_dl_col_word(p->col), -1, SQLITE_STATIC);
        sqlite3_bind_text(note, 2, core_dl_prompt_word(p->prompt), -1, SQLITE_STATIC);
        if (p->grp > 0) sqlite3_bind_int64(note, 3, p->grp);
        if (p->hung_at) sqlite3_bind_int64(note, 4, p->hung_at);
        sqlite3_bind_double(note, 5, p->order);
        sqlite3_bind_int(note, 6, p->mark);
        sqlite3_bind_int(note, 7, p->deleted);
        sqlite3_bind_int64(note, 8, p->id);
        sqlite3_bind_int64(note, 9, meeting);
        r = step_done(st, note);
        if (r == STORE_OK && sqlite3_changes(st->db) != 1) { /* another meeting's note, or none: nothing is done */
            snprintf(st->err, sizeof st->err, "note %lld is not on this meeting's board", (long long)p->id);
            r = STORE_ENOTFOUND;
        }
    }
    for (int i = 0; i < n && r == STORE_OK; i++) {
        if (!ch[i].is_group || ch[i].g[w].exists || ch[i].g[w].id <= 0) continue;
        sqlite3_bind_int64(del, 1, ch[i].g[w].id);
        sqlite3_bind_int64(del, 2, meeting);
        r = step_done(st, del);
    }
    if (r == STORE_OK) r = st_journal(st, meeting, after ? "drieluik_action" : "drieluik_undo", n, now_ms);
out:
    sqlite3_finalize(put);
    sqlite3_finalize(ins);
    sqlite3_finalize(del);
    sqlite3_finalize(note);
    return r == STORE_OK ? st_commit(st) : st_rollback(st, r);
}
