/* Export on its worker: the bundle is whole, every picture is drawn on the thread
 * that started it (SDL's), the starting thread is never held while the worker
 * writes, and an export cut short leaves nothing behind. */
#include "check.h"
#include "export.h"

#include <dirent.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char dir[256];
static pthread_t starter;
static int painted, painted_elsewhere, paint_fail;
static uint32_t pixels[1920 * 1080];

/* A painter that draws a grey board, and notes who called it. */
static store_status paint(void *user, int64_t meeting, const char *board, int64_t child, int w, int h, print_picture *out)
{
    (void)user, (void)meeting, (void)child, (void)board;
    painted++;
    if (!pthread_equal(pthread_self(), starter)) painted_elsewhere++;
    if (paint_fail) return STORE_EIO;
    if (w * h > 1920 * 1080) return STORE_EIO;
    for (int i = 0; i < w * h; i++) pixels[i] = 0x00C0C0C0;
    *out = (print_picture){w, h, w * 4, (const unsigned char *)pixels};
    return STORE_OK;
}

static int entries(const char *path, char names[][256], int cap)
{
    DIR *d = opendir(path);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (e->d_name[0] != '.' || (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")))
            if (n < cap) snprintf(names[n++], 256, "%s", e->d_name);
    if (d) closedir(d);
    return n;
}

static int64_t meeting_in(const char *db)
{
    store *st;
    char msg[256];
    CHECK(store_open(db, &st, msg, sizeof msg) == STORE_OK);
    core_template t;
    CHECK(store_layout_parse("{\"name\": {\"nl\": \"Test\"}, \"phases\": [{\"title\": \"Drieluik\", \"minutes\": 10,"
                             " \"board\": \"drieluik\"}]}", "test", &t, msg, sizeof msg) == STORE_OK);
    core_participant ps[CORE_PARTICIPANTS_MAX];
    int n = 0;
    core_participant_add(ps, &n, "Sanne", ROLE_KIND);
    int64_t m = 0;
    CHECK(store_meeting_create(st, "Familie Export", &t, ps, n, 1000, &m) == STORE_OK);
    CHECK(store_participants(st, m, ps, CORE_PARTICIPANTS_MAX, &n) == STORE_OK);
    core_dl_place at = {.col = DL_LEFT, .prompt = DL_PROMPT_NONE, .hung_at = 2000, .order = 1};
    CHECK(store_note_add(st, m, "drieluik", &at, ps[0].id, "ruzie thuis", NULL, 0, 2000, NULL) == STORE_OK);
    store_close(st);
    return m;
}

static void run(const char *db, int64_t m, const char *to, int end_early, int *state, char *made, size_t cap)
{
    export_opts o = {.lang_en = 0, .layouts_dir = getenv("SCHOUDERS_LAYOUTS"), .paint = paint};
    export_job *j = NULL;
    char msg[512];
    CHECK(export_job_start(db, m, &o, to, NULL, NULL, &j, msg, sizeof msg) == 0 && j);
    int percent = 0, steps = 0, s = 1;
    struct timespec nap = {0, 2000000};
    while (j && (s = export_job_step(j, &percent, made, cap, msg, sizeof msg)) == 1) {
        steps++;
        if (end_early && painted) break;
        nanosleep(&nap, NULL);
    }
    *state = s;
    if (s == -1) fprintf(stderr, "export failed: %s\n", msg);
    CHECK(steps > 1); /* the starting thread came back while the worker wrote */
    export_job_end(j);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/schouders-test-export-XXXXXX");
    if (!mkdtemp(dir)) return 1;
    starter = pthread_self();
    char db[512], out[512], made[256] = "", path[800];
    snprintf(db, sizeof db, "%s/m.db", dir);
    snprintf(out, sizeof out, "%s/stick", dir);
    mkdir(out, 0700);
    int64_t m = meeting_in(db);

    /* Whole: the plan, the file and the pictures of the boards that hold something. */
    int state = 9;
    run(db, m, out, 0, &state, made, sizeof made);
    CHECK(state == 0 && !strncmp(made, "Plan Familie Export ", 20));
    CHECK(painted >= 3 && painted_elsewhere == 0);
    static char names[16][256];
    snprintf(path, sizeof path, "%s/%s", out, made);
    int n = entries(path, names, 16), want = 0;
    for (int i = 0; i < n; i++)
        want += !strcmp(names[i], "plan.json") || !strcmp(names[i], "plan.pdf") || !strcmp(names[i], "besluiten.png") ||
                !strcmp(names[i], "drieluik.png");
    CHECK(n == 4 && want == 4); /* no goals: no doelen.png */

    /* A picture that cannot be drawn: it fails, and nothing of it is left. */
    paint_fail = 1;
    run(db, m, out, 0, &state, made, sizeof made);
    CHECK(state == -1);
    CHECK(entries(out, names, 16) == 1);
    paint_fail = 0;

    /* Cut short while it waits for a picture (the app ends): nothing half is left. */
    painted = 0;
    run(db, m, out, 1, &state, made, sizeof made);
    CHECK(entries(out, names, 16) == 1);

    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (!check_failed && system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    return check_done();
}
