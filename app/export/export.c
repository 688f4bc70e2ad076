/* export: the plan handed out (seed 004 §3.3). See export.h. Every file is written
 * whole (a file of its own, flushed, renamed), the bundle is built in a folder of
 * its own and renamed when complete, so a stick pulled out half-way holds no half
 * plan and nothing the export did not make is touched. */
#include "export.h"

#include "utext.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* --- files, whole ----------------------------------------------------------------- */

/* A name that is nobody else's: NAME.xxxxxx.part, made with O_EXCL (a name that
 * is there already, a planted link included, is never opened or followed). */
static void part_name(const char *name, char *out, size_t cap)
{
    unsigned r = 0;
    if (getrandom(&r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) r = (unsigned)rand() ^ (unsigned)getpid();
    snprintf(out, cap, "%s.%06x.part", name, r & 0xFFFFFFu);
}

int export_write_whole_at(int dir, const char *name, const char *shown, const char *data, size_t len, char *msg, size_t cap)
{
    char tmp[NAME_MAX + 1];
    int fd = -1;
    for (int tries = 0; fd < 0 && tries < 100; tries++) {
        part_name(name, tmp, sizeof tmp);
        fd = openat(dir, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST) break;
    }
    int ok = fd >= 0, err = ok ? 0 : errno;
    for (size_t off = 0; ok && off < len;) {
        ssize_t k = write(fd, data + off, len - off);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) ok = 0, err = errno;
        else off += (size_t)k;
    }
    if (ok && fsync(fd) != 0) ok = 0, err = errno;
    if (fd >= 0 && close(fd) != 0 && ok) ok = 0, err = errno;
    /* rename replaces what is at `name` itself; a link there is replaced, never followed. */
    if (ok && renameat(dir, tmp, dir, name) != 0) ok = 0, err = errno;
    if (!ok) {
        snprintf(msg, cap, "cannot write %s: %s", shown, strerror(err ? err : EIO));
        if (fd >= 0) unlinkat(dir, tmp, 0);
        return -1;
    }
    fsync(dir); /* the rename itself is on the disk too */
    return 0;
}

int export_out_open(const char *path, int *dir, char *name, size_t cap, char *msg, size_t mcap)
{
    const char *slash = strrchr(path, '/');
    char folder[PATH_MAX];
    snprintf(folder, sizeof folder, "%.*s", slash ? (int)(slash - path) + (slash == path) : 1, slash ? path : ".");
    snprintf(name, cap, "%s", slash ? slash + 1 : path);
    if (!name[0] || !strcmp(name, ".") || !strcmp(name, "..")) {
        snprintf(msg, mcap, "cannot write %s: not a file name", path);
        return -1;
    }
    *dir = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (*dir < 0) {
        snprintf(msg, mcap, "cannot write %s: %s", path, strerror(errno));
        return -1;
    }
    struct stat sb;
    if (fstatat(*dir, name, &sb, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISREG(sb.st_mode)) {
        snprintf(msg, mcap, "cannot write %s: it is %s, not a file; nothing was written", path,
                 S_ISLNK(sb.st_mode) ? "a link" : S_ISFIFO(sb.st_mode) ? "a pipe (FIFO)"
                 : S_ISDIR(sb.st_mode) ? "a folder" : "a device or socket");
        close(*dir);
        *dir = -1;
        return -1;
    }
    return 0;
}

/* --- the PDF ------------------------------------------------------------------------- */

/* print's pictures: the painter, at the size the printer asked for. */
typedef struct {
    const export_opts *o;
    int64_t meeting;
    int w, h;
} pic_ask;

static int plan_picture(void *user, const char *board, int64_t child, print_picture *out)
{
    pic_ask *a = user;
    return a->o->paint(a->o->user, a->meeting, board, child, a->w, a->h, out) == STORE_OK ? 0 : -1;
}

static int pdf_from_tree(store *st, int64_t meeting, const cJSON *root, const export_opts *o, unsigned char **pdf,
                         size_t *len, char *msg, size_t cap)
{
    static core_template tpl[32]; /* one export at a time, on one thread */
    static core_dl_layout dl;
    int ntpl = 0;
    char errs[1024];
    store_layouts_load(o->layouts_dir, tpl, 32, &ntpl, errs, sizeof errs);
    char why[320];
    if (store_board_load(o->layouts_dir, &dl, why, sizeof why) == STORE_EINVAL)
        fprintf(stderr, "schouders export: layouts: %s (the standard board's words on paper)\n", why);
    core_meeting m;
    const char *tname = NULL;
    if (store_meeting(st, meeting, &m) == STORE_OK)
        for (int i = 0; i < ntpl; i++)
            if (!strcmp(tpl[i].id, m.template_id)) tname = o->lang_en && tpl[i].name_en[0] ? tpl[i].name_en : tpl[i].name_nl;
    /* A 16:9 picture across an A4 column: 1600 px is ~235 dpi there. */
    pic_ask a = {o, meeting, 1600, 900};
    print_opts po = {.lang_en = o->lang_en, .template_name = tname, .dl = &dl, .picture = o->paint ? plan_picture : NULL,
                     .user = &a, .pic_w = a.w, .pic_h = a.h};
    return print_plan_pdf_tree(root, &po, pdf, len, msg, cap);
}

int export_pdf(store *st, int64_t meeting, const export_opts *o, unsigned char **pdf, size_t *len, char *msg, size_t cap)
{
    cJSON *root = NULL;
    if (store_export_tree(st, meeting, &root) != STORE_OK) {
        snprintf(msg, cap, "%s", store_errmsg(st));
        return -1;
    }
    int rc = pdf_from_tree(st, meeting, root, o, pdf, len, msg, cap);
    cJSON_Delete(root);
    return rc;
}

/* --- the bundle ---------------------------------------------------------------------- */

/* "Plan <title> <day>": the day kept whatever the title's length, the title cut
 * at a grapheme (never inside a letter), no character FAT or exFAT refuses, and
 * room for " (99)" in the 255 bytes a name may have there. */
static void bundle_name(const char *title, const char *day, char *out, size_t cap)
{
    char t[CORE_TEXT_BYTES(CORE_NAME_MAX) * 3 + 4];
    ut_clean(title, strlen(title), t, sizeof t, 0); /* valid UTF-8, even from a hostile file */
    for (char *c = t; *c; c++)
        if ((unsigned char)*c < 32 || *c == 0x7F || strchr("/\\:*?\"<>|", *c)) *c = '-';
    size_t room = 255 - strlen("Plan ") - 1 - strlen(day) - strlen(" (99)");
    if (strlen(t) > room) t[ut_snap(t, room)] = 0;
    size_t n = strlen(t);
    while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '.')) t[--n] = 0;
    snprintf(out, cap, "Plan %s%s%s", t, n ? " " : "", day);
}

/* The day the room sees (local time), not UTC's: 2026-12-01. */
static void local_day(char *out, size_t cap)
{
    time_t now = time(NULL);
    struct tm tm;
    if (!localtime_r(&now, &tm)) snprintf(out, cap, "plan");
    else strftime(out, cap, "%Y-%m-%d", &tm);
}

/* Removes what this export made in its folder, and the folder: nothing else.
 * 0, or -1 when something of it could not be removed (a stick made read-only). */
static int unmake(int place, const char *tmp, int dir, const char *const *names, int n)
{
    int rc = 0;
    for (int i = 0; i < n; i++)
        if (unlinkat(dir, names[i], 0) != 0 && errno != ENOENT) rc = -1;
    close(dir);
    if (unlinkat(place, tmp, AT_REMOVEDIR) != 0 && errno != ENOENT) rc = -1;
    return rc;
}

/* "NAME.xxxxxx.part" as part_name makes them. */
static int is_part(const char *s, const char *name)
{
    size_t n = strlen(name), len = strlen(s);
    if (len != n + 12 || strncmp(s, name, n) != 0 || s[n] != '.' || strcmp(s + n + 7, ".part") != 0) return 0;
    for (size_t i = n + 1; i < n + 7; i++)
        if (!strchr("0123456789abcdef", s[i])) return 0;
    return 1;
}

/* A bundle an earlier export could not finish or remove (the power went, the stick
 * became read-only) is a hidden .schouders.xxxxxx.part folder holding the family's
 * words: removed here, but only a folder of that name holding nothing but what an
 * export writes; a link or anything else there is left alone. */
static void sweep(int place, const char *const *names, int n)
{
    int fd = dup(place);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0) close(fd);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!is_part(e->d_name, ".schouders")) continue;
        int sub = openat(place, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (sub < 0) continue;
        int sfd = dup(sub);
        DIR *sd = sfd >= 0 ? fdopendir(sfd) : NULL;
        struct dirent *f;
        int ours = sd != NULL;
        while (sd && (f = readdir(sd))) {
            if (!strcmp(f->d_name, ".") || !strcmp(f->d_name, "..")) continue;
            int known = 0;
            for (int i = 0; i < n && !known; i++) known = !strcmp(f->d_name, names[i]) || is_part(f->d_name, names[i]);
            struct stat sb;
            if (!known || fstatat(sub, f->d_name, &sb, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(sb.st_mode)) ours = 0;
        }
        if (sd) rewinddir(sd);
        while (ours && (f = readdir(sd)))
            if (strcmp(f->d_name, ".") && strcmp(f->d_name, "..")) unlinkat(sub, f->d_name, 0);
        if (sd) closedir(sd);
        else if (sfd >= 0) close(sfd);
        close(sub);
        if (ours) unlinkat(place, e->d_name, AT_REMOVEDIR);
    }
    closedir(d);
}

/* The worker's share of the work, for the screen's progress bar (0-100). */
typedef void (*progress_fn)(void *user, int percent);

static int bundle(store *st, int64_t meeting, const export_opts *o, const char *folder, char *made, size_t made_cap,
                  char *msg, size_t cap, progress_fn progress, void *puser)
{
    core_meeting m;
    if (store_meeting(st, meeting, &m) != STORE_OK) {
        snprintf(msg, cap, "there is no meeting %lld", (long long)meeting);
        return -1;
    }
    char name[NAME_MAX + 1], day[32], tmp[NAME_MAX + 1], dst[NAME_MAX + 1];
    local_day(day, sizeof day);
    bundle_name(m.title, day, name, sizeof name);
    int place = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (place < 0) {
        if (errno == ELOOP) snprintf(msg, cap, "%s is a link, not a folder: nothing is written there", folder);
        else snprintf(msg, cap, "cannot write in %s: %s", folder, strerror(errno));
        return -1;
    }
    static const char *const files[] = {"plan.json", "plan.pdf", "besluiten.png", "drieluik.png", "doelen.png"};
    sweep(place, files, 5);
    int made_dir = -1;
    for (int tries = 0; made_dir != 0 && tries < 100; tries++) {
        part_name(".schouders", tmp, sizeof tmp);
        if ((made_dir = mkdirat(place, tmp, 0700)) != 0 && errno != EEXIST) break;
    }
    int dir = made_dir == 0 ? openat(place, tmp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1;
    if (dir < 0) {
        snprintf(msg, cap, "cannot write in %s: %s", folder, strerror(errno));
        if (made_dir == 0) unlinkat(place, tmp, AT_REMOVEDIR);
        close(place);
        return -1;
    }
    cJSON *root = NULL;
    char *json = NULL;
    int rc = store_export_tree(st, meeting, &root) == STORE_OK && (json = cJSON_Print(root)) ? 0 : -1;
    if (rc) snprintf(msg, cap, "%s", root ? "out of memory" : store_errmsg(st));
    if (!rc) rc = export_write_whole_at(dir, files[0], files[0], json, strlen(json), msg, cap);
    free(json);
    if (progress) progress(puser, 10);
    if (!rc) {
        unsigned char *pdf = NULL;
        size_t len = 0;
        rc = pdf_from_tree(st, meeting, root, o, &pdf, &len, msg, cap);
        if (!rc) rc = export_write_whole_at(dir, files[1], files[1], (const char *)pdf, len, msg, cap);
        free(pdf);
    }
    if (progress) progress(puser, 60);
    /* Pictures of the boards that hold something; the VIP-kaart only in the PDF,
     * and only when the child said yes. */
    int has[3] = {1, cJSON_GetArraySize(cJSON_GetObjectItem(cJSON_GetObjectItem(root, "drieluik"), "notes")) > 0,
                  cJSON_GetArraySize(cJSON_GetObjectItem(root, "goals")) > 0};
    cJSON_Delete(root);
    static const char *const boards[] = {"besluiten", "drieluik", "doelen"};
    for (int i = 0; !rc && o->paint && i < 3; i++) {
        if (!has[i]) continue;
        print_picture p;
        store_status r = o->paint(o->user, meeting, boards[i], 0, 1920, 1080, &p);
        unsigned char *png = NULL;
        size_t len = 0;
        if (r != STORE_OK) {
            snprintf(msg, cap, "cannot draw the picture of %s", boards[i]);
            rc = -1;
        } else if (print_picture_png(&p, &png, &len) != 0) {
            snprintf(msg, cap, "cannot make the picture of %s", boards[i]);
            rc = -1;
        } else {
            rc = export_write_whole_at(dir, files[2 + i], files[2 + i], (const char *)png, len, msg, cap);
        }
        free(png);
        if (progress) progress(puser, 60 + 13 * (i + 1));
    }
    /* Whole: under its own name (a second export the same day gets "(2)"); what is
     * there already, a folder or a link, is never replaced. */
    for (int k = 1; !rc && k < 100; k++) {
        if (k == 1) snprintf(dst, sizeof dst, "%s", name);
        else snprintf(dst, sizeof dst, "%s (%d)", name, k);
        int r = renameat2(place, tmp, place, dst, RENAME_NOREPLACE);
        if (r != 0 && errno == EINVAL) { /* a file system without the flag: look first */
            struct stat sb;
            if (fstatat(place, dst, &sb, AT_SYMLINK_NOFOLLOW) == 0) continue;
            r = renameat(place, tmp, place, dst);
        }
        if (r == 0) {
            snprintf(made, made_cap, "%s", dst);
            close(dir);
            fsync(place);
            close(place);
            return 0;
        }
        if (errno == EEXIST) continue;
        snprintf(msg, cap, "cannot write in %s: %s", folder, strerror(errno));
        rc = -1;
    }
    if (!rc) snprintf(msg, cap, "cannot write in %s: too many plans of this name today", folder);
    int left = unmake(place, tmp, dir, files, 5); /* nothing half is left behind, if it can be helped */
    close(place);
    return left ? -2 : -1;
}

int export_bundle(store *st, int64_t meeting, const export_opts *o, const char *folder, char *made, size_t made_cap,
                  char *msg, size_t cap)
{
    return bundle(st, meeting, o, folder, made, made_cap, msg, cap, NULL, NULL);
}

/* --- the worker ----------------------------------------------------------------------- */

struct export_job {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    char db[PATH_MAX], folder[PATH_MAX];
    int64_t meeting;
    export_opts o;        /* as given: paint runs on the starting thread */
    export_opts worker_o; /* the worker's: paint asks the starting thread */
    void (*wake)(void *);
    void *wake_user;
    /* a picture asked for, and its answer */
    int asking, refused;
    int64_t ask_meeting, ask_child;
    char ask_board[32];
    int ask_w, ask_h;
    store_status answer;
    print_picture pic;
    /* how far, and how it ended */
    int percent, done, rc;
    char made[NAME_MAX + 1], msg[PATH_MAX + 256];
};

static void tell(export_job *j)
{
    if (j->wake) j->wake(j->wake_user);
}

static store_status ask_paint(void *user, int64_t meeting, const char *board, int64_t child, int w, int h, print_picture *out)
{
    export_job *j = user;
    pthread_mutex_lock(&j->mu);
    if (j->refused) {
        pthread_mutex_unlock(&j->mu);
        return STORE_EIO;
    }
    j->ask_meeting = meeting;
    j->ask_child = child;
    snprintf(j->ask_board, sizeof j->ask_board, "%s", board);
    j->ask_w = w;
    j->ask_h = h;
    j->asking = 1;
    pthread_mutex_unlock(&j->mu);
    tell(j);
    pthread_mutex_lock(&j->mu);
    while (j->asking && !j->refused) pthread_cond_wait(&j->cv, &j->mu);
    store_status r = j->refused ? STORE_EIO : j->answer;
    *out = j->pic; /* the painter's pixels: left alone until the next picture is asked for */
    pthread_mutex_unlock(&j->mu);
    return r;
}

static void on_progress(void *user, int percent)
{
    export_job *j = user;
    pthread_mutex_lock(&j->mu);
    j->percent = percent;
    pthread_mutex_unlock(&j->mu);
    tell(j);
}

static void *worker(void *arg)
{
    export_job *j = arg;
    store *st = NULL;
    char made[NAME_MAX + 1] = "", msg[PATH_MAX + 256] = "";
    /* A snapshot of its own (read into memory): the kiosk goes on writing meanwhile. */
    int rc = store_open_readonly(j->db, &st, msg, sizeof msg) == STORE_OK ? 0 : -1;
    if (!rc) rc = bundle(st, j->meeting, &j->worker_o, j->folder, made, sizeof made, msg, sizeof msg, on_progress, j);
    store_close(st);
    pthread_mutex_lock(&j->mu);
    j->rc = rc;
    snprintf(j->made, sizeof j->made, "%s", made);
    snprintf(j->msg, sizeof j->msg, "%s", msg);
    j->done = 1;
    j->percent = 100;
    pthread_mutex_unlock(&j->mu);
    tell(j);
    return NULL;
}

int export_job_start(const char *db_path, int64_t meeting, const export_opts *o, const char *folder,
                     void (*wake)(void *user), void *wake_user, export_job **out, char *msg, size_t cap)
{
    *out = NULL;
    export_job *j = calloc(1, sizeof *j);
    if (!j) {
        snprintf(msg, cap, "out of memory");
        return -1;
    }
    snprintf(j->db, sizeof j->db, "%s", db_path);
    snprintf(j->folder, sizeof j->folder, "%s", folder);
    j->meeting = meeting;
    j->o = *o;
    j->worker_o = *o;
    j->worker_o.paint = o->paint ? ask_paint : NULL;
    j->worker_o.user = j;
    j->wake = wake;
    j->wake_user = wake_user;
    pthread_mutex_init(&j->mu, NULL);
    pthread_cond_init(&j->cv, NULL);
    if (pthread_create(&j->thread, NULL, worker, j) != 0) {
        snprintf(msg, cap, "cannot start the export: %s", strerror(errno));
        pthread_cond_destroy(&j->cv);
        pthread_mutex_destroy(&j->mu);
        free(j);
        return -1;
    }
    *out = j;
    return 0;
}

int export_job_step(export_job *j, int *percent, char *made, size_t made_cap, char *msg, size_t cap)
{
    pthread_mutex_lock(&j->mu);
    if (j->asking) { /* drawn here, on the thread that owns SDL and the fonts */
        int64_t m = j->ask_meeting, child = j->ask_child;
        char board[32];
        snprintf(board, sizeof board, "%s", j->ask_board);
        int w = j->ask_w, h = j->ask_h;
        pthread_mutex_unlock(&j->mu);
        print_picture p = {0};
        store_status r = j->o.paint(j->o.user, m, board, child, w, h, &p);
        pthread_mutex_lock(&j->mu);
        j->answer = r;
        j->pic = p;
        j->asking = 0;
        pthread_cond_broadcast(&j->cv);
    }
    *percent = j->percent;
    int state = !j->done ? 1 : j->rc;
    if (j->done) {
        snprintf(made, made_cap, "%s", j->made);
        snprintf(msg, cap, "%s", j->msg);
    }
    pthread_mutex_unlock(&j->mu);
    return state;
}

void export_job_end(export_job *j)
{
    if (!j) return;
    pthread_mutex_lock(&j->mu);
    j->refused = 1; /* a picture it waits for is not coming: it fails and cleans up */
    pthread_cond_broadcast(&j->cv);
    pthread_mutex_unlock(&j->mu);
    pthread_join(j->thread, NULL);
    pthread_cond_destroy(&j->cv);
    pthread_mutex_destroy(&j->mu);
    free(j);
}
