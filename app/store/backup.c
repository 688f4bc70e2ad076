/* backup: verified copies of the database beside it, made with SQLite's backup
 * API: PATH.bak.0 (newest) .. PATH.bak.9, mode 0600, each with PATH.bak.N.sum, a
 * BLAKE2b checksum of its bytes (a flipped byte in a text is no structural error,
 * so quick_check alone would not see it). */
#include "store_int.h"

#include "../config.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void gen_path(const char *db, int n, const char *suffix, char *out, size_t cap)
{
    snprintf(out, cap, "%s.bak.%d%s", db, n, suffix);
}

/* The checksum of a file's bytes as hex; 0 or -1. */
static int file_sum(const char *path, char hex[crypto_generichash_BYTES * 2 + 1])
{
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    crypto_generichash_state h;
    crypto_generichash_init(&h, NULL, 0, crypto_generichash_BYTES);
    unsigned char buf[65536], out[crypto_generichash_BYTES];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) crypto_generichash_update(&h, buf, n);
    int bad = ferror(f);
    fclose(f);
    if (bad) return -1;
    crypto_generichash_final(&h, out, sizeof out);
    sodium_bin2hex(hex, crypto_generichash_BYTES * 2 + 1, out, sizeof out);
    return 0;
}

store_status store_backup_verify(const char *path)
{
    char want[crypto_generichash_BYTES * 2 + 2] = "", got[crypto_generichash_BYTES * 2 + 1], sum[PATH_MAX + 8];
    snprintf(sum, sizeof sum, "%s.sum", path);
    FILE *f = fopen(sum, "r");
    if (!f) return STORE_ENOTFOUND;
    int ok = fgets(want, sizeof want, f) != NULL;
    fclose(f);
    want[strcspn(want, "\n")] = 0;
    if (!ok || file_sum(path, got) != 0) return STORE_ENOTFOUND;
    if (strcmp(want, got) != 0) return STORE_ECORRUPT;
    return store_check_file(path); /* and SQLite agrees it is a whole database */
}

store_status store_check_file(const char *path)
{
    sqlite3 *db;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        sqlite3_close(db);
        return STORE_ECORRUPT;
    }
    sqlite3_stmt *s;
    int good = sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW &&
               !strcmp((const char *)sqlite3_column_text(s, 0), "ok");
    sqlite3_finalize(s);
    sqlite3_close(db);
    return good ? STORE_OK : STORE_ECORRUPT;
}

store_status st_copy_to(store *st, const char *path, const char *journal_mode)
{
    st_settle(st);
    unlink(path);
    int fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600); /* 0600 before a byte is in it */
    if (fd < 0) {
        snprintf(st->err, sizeof st->err, "cannot write %s: %s", path, strerror(errno));
        return errno == ENOSPC ? STORE_EFULL : STORE_EDIR;
    }
    close(fd);
    sqlite3 *dst;
    store_status r = STORE_OK;
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA journal_mode=%s", journal_mode);
    if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) r = STORE_EIO;
    else {
        sqlite3_backup *b = sqlite3_backup_init(dst, "main", st->db, "main");
        int rc = b ? sqlite3_backup_step(b, -1) : sqlite3_errcode(dst);
        if (b) sqlite3_backup_finish(b);
        if (rc != SQLITE_DONE) r = st_status(rc);
        else if (sqlite3_exec(dst, sql, NULL, NULL, NULL) != SQLITE_OK) r = STORE_EIO;
    }
    sqlite3_close(dst);
    if (r != STORE_OK) {
        unlink(path);
        snprintf(st->err, sizeof st->err, "the copy %s could not be made", path);
    }
    return r;
}

store_status store_backup(store *st)
{
    st_settle(st);
    /* While a delete is unfinished the older copies still hold its words: they are
     * not turned on but rewritten. */
    if (st->purge_pending) return store_purge(st);
    return st_backup_rotate(st);
}

store_status st_backup_rotate(store *st)
{
    char tmp[PATH_MAX + 16], a[PATH_MAX + 16], b[PATH_MAX + 16], hex[crypto_generichash_BYTES * 2 + 1];
    snprintf(tmp, sizeof tmp, "%s.bak.new", st->path);
    store_status r = st_copy_to(st, tmp, "DELETE"); /* a copy is one plain file: no -wal or -shm beside it */
    if (r == STORE_OK && file_sum(tmp, hex) != 0) r = STORE_EIO;
    if (r == STORE_OK) {
        snprintf(a, sizeof a, "%s.sum", tmp);
        int sfd = open(a, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
        if (sfd < 0 || dprintf(sfd, "%s\n", hex) < 0 || fsync(sfd) != 0) r = STORE_EIO;
        if (sfd >= 0) close(sfd);
    }
    if (r == STORE_OK && store_backup_verify(tmp) != STORE_OK) r = STORE_ECORRUPT; /* verified before it counts */
    if (r != STORE_OK) {
        snprintf(st->err, sizeof st->err, "backup could not be made or verified");
        unlink(tmp);
        snprintf(a, sizeof a, "%s.sum", tmp);
        unlink(a);
        return r;
    }
    /* Ten generations: the oldest goes, each moves one up, the new one is 0. */
    for (int n = CFG_BACKUPS - 1; n >= 0; n--) {
        gen_path(st->path, n, "", a, sizeof a);
        gen_path(st->path, n + 1, "", b, sizeof b);
        if (n == CFG_BACKUPS - 1) unlink(a);
        else rename(a, b);
        gen_path(st->path, n, ".sum", a, sizeof a);
        gen_path(st->path, n + 1, ".sum", b, sizeof b);
        if (n == CFG_BACKUPS - 1) unlink(a);
        else rename(a, b);
    }
    gen_path(st->path, 0, "", a, sizeof a);
    rename(tmp, a);
    snprintf(b, sizeof b, "%s.sum", tmp);
    gen_path(st->path, 0, ".sum", a, sizeof a);
    rename(b, a);
    return STORE_OK;
}

store_status store_backups_rewrite(store *st)
{
    char p[PATH_MAX + 16];
    for (int n = 0; n < CFG_BACKUPS; n++) {
        gen_path(st->path, n, "", p, sizeof p);
        if (unlink(p) != 0 && errno != ENOENT) {
            snprintf(st->err, sizeof st->err, "cannot remove %s: %s", p, strerror(errno));
            return STORE_EIO;
        }
        gen_path(st->path, n, ".sum", p, sizeof p);
        unlink(p);
    }
    return st_backup_rotate(st);
}

store_status store_set_aside(const char *db, const char *why, int64_t now_ms, char *aside, size_t cap)
{
    const char *slash = strrchr(db, '/');
    const char *dot = strrchr(db, '.');
    size_t stem = (dot && (!slash || dot > slash + 1)) ? (size_t)(dot - db) : strlen(db);
    char day[16];
    time_t t = (time_t)(now_ms / 1000);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(day, sizeof day, "%Y-%m-%d", &tm);
    for (int i = 1; i < 1000; i++) {
        int n = i == 1 ? snprintf(aside, cap, "%.*s-%s-%s%s", (int)stem, db, why, day, db + stem)
                       : snprintf(aside, cap, "%.*s-%s-%s-%d%s", (int)stem, db, why, day, i, db + stem);
        if (n < 0 || (size_t)n >= cap - 8) return STORE_EIO;
        struct stat sb;
        if (lstat(aside, &sb) == 0) continue;
        /* Nothing there is replaced (RENAME_NOREPLACE); a -wal goes with its file. */
        if (renameat2(AT_FDCWD, db, AT_FDCWD, aside, RENAME_NOREPLACE) != 0) {
            if (errno == EEXIST) continue;
            return errno == EACCES || errno == EROFS || errno == EPERM ? STORE_EREADONLY : STORE_EIO;
        }
        char from[PATH_MAX + 8], to[PATH_MAX + 8];
        static const char *const sides[] = {"-wal", "-shm"};
        for (int k = 0; k < 2; k++) {
            snprintf(from, sizeof from, "%s%s", db, sides[k]);
            snprintf(to, sizeof to, "%s%s", aside, sides[k]);
            if (access(from, F_OK) == 0) rename(from, to);
        }
        return STORE_OK;
    }
    return STORE_EIO;
}

/* A whole copy of the file at src as dst (new, 0600), flushed to the disk. */
static store_status copy_file(const char *src, const char *dst)
{
    FILE *in = fopen(src, "rb");
    int fd = open(dst, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0600);
    FILE *o = fd >= 0 ? fdopen(fd, "wb") : NULL;
    int ok = in && o;
    unsigned char buf[65536];
    size_t k;
    while (ok && (k = fread(buf, 1, sizeof buf, in)) > 0) ok = fwrite(buf, 1, k, o) == k;
    if (in) ok = ok && !ferror(in), fclose(in);
    if (o) ok = (fflush(o) == 0 && fsync(fileno(o)) == 0 && fclose(o) == 0) && ok;
    else if (fd >= 0) close(fd);
    if (!ok && fd >= 0) unlink(dst);
    return ok ? STORE_OK : STORE_EIO;
}

store_status store_restore_in_place(const char *db, const char *why, int64_t now_ms, char *aside, size_t cap,
                                    int64_t *made_at)
{
    char p[PATH_MAX + 16], tmp[PATH_MAX + 32];
    for (int n = 0; n < CFG_BACKUPS; n++) {
        gen_path(db, n, "", p, sizeof p);
        if (store_backup_verify(p) != STORE_OK) continue; /* a bad copy is passed over */
        struct stat sb;
        if (made_at) *made_at = stat(p, &sb) == 0 ? (int64_t)sb.st_mtime * 1000 : 0;
        /* The copy first, beside; only when it is whole does the damaged file move. */
        snprintf(tmp, sizeof tmp, "%s.restore.part", db);
        unlink(tmp);
        store_status r = copy_file(p, tmp);
        if (r != STORE_OK) return r;
        if ((r = store_set_aside(db, why, now_ms, aside, cap)) != STORE_OK) {
            unlink(tmp);
            return r;
        }
        if (rename(tmp, db) != 0) {
            rename(aside, db); /* put it back as it was */
            unlink(tmp);
            return STORE_EIO;
        }
        return STORE_OK;
    }
    return STORE_ENOTFOUND;
}

static int hash_of(const char *path, char *out, size_t cap)
{
    sqlite3 *db;
    int ok = 0;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
        sqlite3_stmt *s;
        if (sqlite3_prepare_v2(db, "SELECT value FROM settings WHERE key='pin_hash' AND"
                                   " (SELECT application_id FROM pragma_application_id) IN (0, ?1)", -1, &s, NULL) == SQLITE_OK) {
            sqlite3_bind_int(s, 1, STORE_APPLICATION_ID);
            if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0)) {
                snprintf(out, cap, "%s", (const char *)sqlite3_column_text(s, 0));
                ok = out[0] != 0;
            }
            sqlite3_finalize(s);
        }
    }
    sqlite3_close(db);
    return ok;
}

store_status store_known_pin_hash(const char *db, char *out, size_t cap)
{
    char p[PATH_MAX + 16];
    out[0] = 0;
    for (int n = 0; n < CFG_BACKUPS; n++) {
        gen_path(db, n, "", p, sizeof p);
        if (store_backup_verify(p) == STORE_OK && hash_of(p, out, cap)) return STORE_OK;
    }
    return hash_of(db, out, cap) ? STORE_OK : STORE_ENOTFOUND;
}

store_status store_pin_matches(const char *hash, const char *pin)
{
    if (sodium_init() < 0) return STORE_EIO;
    return crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0 ? STORE_OK : STORE_EINVAL;
}
