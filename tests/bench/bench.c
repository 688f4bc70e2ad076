/* bench: the figures behind DESIGN's budgets, measured through the real drawing
 * and store code at 1920x1080 on SDL's software renderer (offscreen driver).
 * Prints one "name value value" line per figure for tests/bench/run.sh, which
 * adds the figures that need whole processes and prints the table.
 *   bench LAYOUTS_DIR WORK_DIR [quick]   (quick: small counts, for ctest) */
#include "screens.h"

#include <locale.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static int quick;
static char shots[512]; /* where mid-drag screenshots go ("" for none) */

static double now_ms(clockid_t c)
{
    struct timespec ts;
    clock_gettime(c, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* p50 and p99 of n samples (sorted in place). */
static void report(const char *name, double *v, int n)
{
    if (getenv("BENCH_TRACE")) {
        fprintf(stderr, "%s:", name);
        for (int i = 0; i < n; i++) fprintf(stderr, " %.1f", v[i]);
        fprintf(stderr, "\n");
    }
    qsort(v, (size_t)n, sizeof *v, by_value);
    printf("%s %.3f %.3f\n", name, v[n / 2], v[(int)((n - 1) * 0.99)]);
    fflush(stdout);
}

static scr_app app;
static ui_ctx ui;

static void finger(Uint32 type, int64_t id, float x, float y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.tfinger.fingerId = id;
    e.tfinger.x = x / ui.w;
    e.tfinger.y = y / ui.h;
    e.tfinger.timestamp = SDL_GetTicks();
    ui_feed(&ui, &e);
}

/* One frame as the main loop draws it; returns its CPU time in ms. */
static double frame(void)
{
    double t0 = now_ms(CLOCK_THREAD_CPUTIME_ID);
    uint32_t now = SDL_GetTicks();
    ui.dirty = 1; /* every frame drawn, changed or not: a budget is for the frame that is */
    scr_step(&app, now, (int64_t)(now_ms(CLOCK_REALTIME)), now);
    return now_ms(CLOCK_THREAD_CPUTIME_ID) - t0;
}

static const ui_widget *widget(const char *id)
{
    for (int i = 0; i < ui.nprev; i++)
        if (!strcmp(ui.prev[i].id, id)) return &ui.prev[i];
    return NULL;
}

/* A meeting on the Drieluik with n hung notes (half left, half right) and, when
 * asked, goals and decisions. Returns its id. */
static int64_t fill(store *st, const core_template *t, int notes, int goals, int decisions)
{
    core_participant ps[CORE_PARTICIPANTS_MAX];
    int np = 0;
    static const char *const names[] = {"Sanne", "Mark", "Ria", "Oma Joke", "Petra"};
    static const core_role roles[] = {ROLE_KIND, ROLE_OUDER, ROLE_PLEEGOUDER, ROLE_NETWERKLID, ROLE_PROFESSIONAL};
    for (int i = 0; i < 5; i++) core_participant_add(ps, &np, names[i], roles[i]);
    int64_t m = 0;
    if (store_meeting_create(st, "Familie Bench", t, ps, np, 1700000000000, &m) != STORE_OK) return 0;
    store_participants(st, m, ps, CORE_PARTICIPANTS_MAX, &np);
    store_phase_go(st, m, 1, 1700000000000);
    store_dl_set(st, m, DL_GROUP_LEFT, 0, 1700000000000);
    static const char *const words[] = {"ruzie thuis", "niet naar opa", "moe", "schreeuwen", "verdriet", "rust",
                                        "samen eten op zondag", "uithuisplaatsing", "stabiel thuis", "school"};
    for (int i = 0; i < notes; i++) {
        core_dl_place at = {.col = (int8_t)(i % 2 ? DL_RIGHT : DL_LEFT), .prompt = DL_PROMPT_NONE,
                            .hung_at = 1700000000000 + i, .order = i + 1};
        char text[64];
        snprintf(text, sizeof text, "%s %d", words[i % 10], i);
        if (store_note_add(st, m, "drieluik", &at, ps[i % np].id, text, NULL, 0, 1700000000000 + i, NULL) != STORE_OK)
            return 0;
    }
    for (int i = 0; i < goals; i++) {
        core_goal g;
        memset(&g, 0, sizeof g);
        snprintf(g.text, sizeof g.text, "Doel %d: samen verder", i);
        g.x = (i % 10) / 10.0;
        g.y = (i % 3) / 3.0 + 0.1;
        g.nactions = 2;
        snprintf(g.actions[0].what, sizeof g.actions[0].what, "actie een");
        snprintf(g.actions[1].what, sizeof g.actions[1].what, "actie twee");
        if (store_goal_put(st, m, &g, 1700000000000) != STORE_OK) return 0;
    }
    for (int i = 0; i < decisions; i++) {
        core_decision d;
        memset(&d, 0, sizeof d);
        snprintf(d.what, sizeof d.what, "Besluit %d", i);
        d.final = 1;
        d.who[0] = 1;
        d.nwho = 1;
        if (store_decision_save(st, m, &d, 1700000000000) != STORE_OK) return 0;
    }
    return m;
}

static int open_app(const char *path, const char *layouts, int64_t meeting)
{
    scr_close(&app);
    memset(&app, 0, sizeof app);
    app.ui = &ui;
    snprintf(app.db_path, sizeof app.db_path, "%s", path);
    snprintf(app.layouts_dir, sizeof app.layouts_dir, "%s", layouts);
    scr_set_words(&app);
    scr_open(&app);
    if (!app.st) return -1;
    /* As the facilitator who typed the PIN: Home asks for it on a start without a
     * meeting on screen, and a keypad over the board would take every finger. */
    app.pin_for = PIN_FOR_NONE;
    app.home_open = 1;
    scr_open_meeting(&app, meeting);
    return app.pin_for == PIN_FOR_NONE ? 0 : -1;
}

/* What the frame that carries a tap's operation cost: its wall time, its CPU time,
 * and whether it gave up the CPU of its own accord (a voluntary context switch: it
 * waited, for the disk, a lock or the writer). */
typedef struct {
    double wall, cpu;
    int waited;
} tap_cost;

static long voluntary_switches(void)
{
    struct rusage ru;
    getrusage(RUSAGE_THREAD, &ru);
    return ru.ru_nvcsw;
}

/* A tap on w: the finger down in one frame, up in the next; the cost of that
 * second frame, which carries the operation the tap makes. */
static tap_cost tap_frame(const ui_widget *w, int64_t finger_id)
{
    finger(SDL_FINGERDOWN, finger_id, w->r.x + 5.0f, w->r.y + 5.0f);
    frame();
    finger(SDL_FINGERUP, finger_id, w->r.x + 5.0f, w->r.y + 5.0f);
    tap_cost c;
    long sw = voluntary_switches();
    double t0 = now_ms(CLOCK_MONOTONIC);
    c.cpu = frame();
    c.wall = now_ms(CLOCK_MONOTONIC) - t0;
    c.waited = voluntary_switches() != sw;
    return c;
}

/* n taps on the Drieluik's next and previous step, each an operation handed over in
 * the frame that carries the finger-up: wall[i] and cpu[i] are that frame's times;
 * returns how many of the n frames waited. */
static int step_frames(double *wall, double *cpu, int n, int64_t finger_base)
{
    int waited = 0;
    for (int i = 0; i < n; i++) {
        const ui_widget *w = widget(i % 2 ? "drieluik.step.prev" : "drieluik.step.next");
        if (!w) { /* a figure of frames that stepped nothing is no figure */
            fprintf(stderr, "bench: no step button on the board\n");
            exit(1);
        }
        tap_cost c = tap_frame(w, finger_base + i);
        wall[i] = c.wall, cpu[i] = c.cpu, waited += c.waited;
        if (getenv("BENCH_TRACE") && i < 2) {
            fprintf(stderr, "step frame: %d cells changed, %ld pixels drawn\n", ui.rc.drawn_cells, ui.rc.drawn_px);
            if (shots[0]) { /* the two steps the frames go between, to look at */
                snprintf(ui.shot_path, sizeof ui.shot_path, "%s/step_%d.png", shots, i);
                frame();
            }
        }
    }
    return waited;
}

/* n taps on the timer's +1, each an operation: v[i] the wall time of the frame that
 * carries it, after[i] of the frame that shows the new time once the writer answered. */
static void plus_frames(double *v, double *after, int n, int64_t finger_base)
{
    for (int i = 0; i < n; i++) {
        const ui_widget *w = widget("timer.plus1");
        v[i] = after[i] = 0;
        if (!w) break;
        v[i] = tap_frame(w, finger_base + i).wall;
        int step, pros; /* any read waits until the writer has committed: then the loop is woken */
        store_dl_settings(app.st, app.m.meeting.id, &step, &pros);
        double t0 = now_ms(CLOCK_MONOTONIC);
        frame();
        after[i] = now_ms(CLOCK_MONOTONIC) - t0;
    }
}

/* Frame CPU while `fingers` fingers each drag a note across the board. */
static void drag_bench(const char *name, int fingers, int frames)
{
    /* Start from a still board: no note of an earlier drag still sliding home. */
    SDL_Delay(200);
    for (int i = 0; i < 3; i++) frame(); /* the board drawn, the text cache warm */
    double *v = malloc(sizeof *v * (size_t)frames);
    float x0[4], y0[4];
    int k = 0;
    for (int i = 0; i < app.m.nnotes && k < fingers; i++) {
        char id[48];
        snprintf(id, sizeof id, "drieluik.note.%lld", (long long)app.m.notes[i].id);
        const ui_widget *w = widget(id);
        if (!w) continue;
        x0[k] = w->r.x + w->r.w / 2.0f;
        y0[k] = w->r.y + w->r.h / 2.0f;
        finger(SDL_FINGERDOWN, 100 + k, x0[k], y0[k]);
        k++;
    }
    frame();
    /* The fingers move 5 mm first: from then on the notes are being dragged (a tap
     * is never a drag), and every frame is measured. */
    float lead = 5.0f * ui.ppmm;
    for (int j = 0; j < k; j++) finger(SDL_FINGERMOTION, 100 + j, x0[j] + lead, y0[j]);
    for (int f = 0; f < frames; f++) {
        for (int j = 0; j < k; j++)
            finger(SDL_FINGERMOTION, 100 + j, x0[j] + lead + 3.0f * (float)(f + 1), y0[j] + 1.5f * (float)(f + 1));
        v[f] = frame();
    }
    if (shots[0]) { /* what a person sees mid-drag, to look at (not measured) */
        snprintf(ui.shot_path, sizeof ui.shot_path, "%s/%s.png", shots, name);
        frame();
    }
    if (getenv("BENCH_TRACE")) fprintf(stderr, "%s: layers made %d\n", name, app.layer_builds);
    report(name, v, frames);
    /* Let go outside the columns: every note goes back, nothing is stored. */
    for (int j = 0; j < k; j++) finger(SDL_FINGERUP, 100 + j, 10, 10);
    frame();
    free(v);
}

/* The frame that carries an operation (a step on the Drieluik), on the board open
 * now: quiet, then while another process writes to the same disk, each write
 * flushed (dd oflag=dsync in a loop): what a busy kiosk's disk does to the frame. */
static void op_frames(const char *work, int notes)
{
    int m2 = quick ? 10 : 100;
    double *v = malloc(sizeof *v * (size_t)m2), *cpu = malloc(sizeof *cpu * (size_t)m2);
    char name[64], load[600];
    int waited = step_frames(v, cpu, m2, 300);
    snprintf(name, sizeof name, "frame_with_op_%d", notes);
    report(name, v, m2);
    snprintf(name, sizeof name, "frame_with_op_cpu_%d", notes);
    report(name, cpu, m2);
    printf("frame_with_op_waited_%d %d %d\n", notes, waited, m2);
    snprintf(load, sizeof load, "%s/load.bin", work);
    pid_t writer = fork();
    if (writer == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL); /* never outlives the bench (a bench cut short left one writing) */
        static char block[64 * 1024];
        int fd = open(load, O_CREAT | O_TRUNC | O_WRONLY | O_DSYNC, 0600);
        for (;;) {
            if (fd < 0 || write(fd, block, sizeof block) < 0) _exit(1);
            if (lseek(fd, 0, SEEK_CUR) > 64L << 20) lseek(fd, 0, SEEK_SET);
        }
    }
    SDL_Delay(300); /* the writer under way */
    waited = step_frames(v, cpu, m2, 500);
    snprintf(name, sizeof name, "frame_with_op_loaded_%d", notes);
    report(name, v, m2);
    snprintf(name, sizeof name, "frame_with_op_loaded_cpu_%d", notes);
    report(name, cpu, m2);
    printf("frame_with_op_loaded_waited_%d %d %d\n", notes, waited, m2);
    if (notes == 300) { /* an op that changes little: +1 minute, on the busy disk */
        double *after = malloc(sizeof *after * (size_t)m2);
        int cur = app.m.meeting.current_phase;
        int64_t extra = app.m.phases[cur].extra_ms;
        plus_frames(v, after, m2, 700);
        if (app.m.phases[cur].extra_ms != extra + 60000LL * m2) { /* a figure of taps that did nothing is no figure */
            fprintf(stderr, "bench: +1 did not add a minute each time\n");
            exit(1);
        }
        report("frame_with_small_op_loaded_300", v, m2);
        report("frame_showing_it_loaded_300", after, m2);
        free(after);
    }
    if (writer > 0) {
        kill(writer, SIGKILL);
        waitpid(writer, NULL, 0);
    }
    unlink(load);
    free(v);
    free(cpu);
}

/* A committed action (WAL, synchronous=FULL), here and now, n times. */
static void commits(void)
{
    int n = quick ? 50 : 1000;
    double *v = malloc(sizeof *v * (size_t)n);
    int64_t note = app.m.notes[0].id;
    for (int i = 0; i < n; i++) {
        char text[32];
        snprintf(text, sizeof text, "stap %d", i);
        double t0 = now_ms(CLOCK_MONOTONIC);
        store_note_update(app.st, note, text, NULL, 0, 1700000000000 + i);
        v[i] = now_ms(CLOCK_MONOTONIC) - t0;
    }
    report("commit", v, n);
    free(v);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench LAYOUTS_DIR WORK_DIR [quick]\n");
        return 2;
    }
    const char *layouts = argv[1], *work = argv[2];
    quick = argc > 3 && !strcmp(argv[3], "quick");
    if (!quick) snprintf(shots, sizeof shots, "%s", work);
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    /* The app's words (not their keys), so text is as wide as on the screen. */
    setlocale(LC_CTYPE, "C.UTF-8");
    setlocale(LC_MESSAGES, "C.UTF-8");
    setenv("LANGUAGE", "nl", 1);
    const char *loc = getenv("SCHOUDERS_LOCALEDIR");
    bindtextdomain("schouders", loc && loc[0] ? loc : "locale");
    bind_textdomain_codeset("schouders", "UTF-8");
    textdomain("schouders");
    ui_hints();
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "bench: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Window *win = SDL_CreateWindow("bench", 0, 0, 1920, 1080, SDL_WINDOW_HIDDEN);
    SDL_Renderer *ren = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE) : NULL;
    if (!ren || ui_init(&ui, win, ren, 1920, 1080, getenv("SCHOUDERS_ASSETS")) != 0) {
        fprintf(stderr, "bench: cannot draw: %s %s\n", SDL_GetError(), ui.error);
        return 1;
    }
    core_template ts[16];
    int nt = 0;
    char errs[1024];
    store_layouts_load(layouts, ts, 16, &nt, errs, sizeof errs);
    const core_template *dl = NULL;
    for (int i = 0; i < nt; i++)
        if (!strcmp(ts[i].id, "drieluik-bijeenkomst")) dl = &ts[i];
    if (!dl) {
        fprintf(stderr, "bench: no drieluik-bijeenkomst template in %s\n", layouts);
        return 1;
    }

    static const int counts[] = {50, 300, 1000};
    int frames = quick ? 10 : 200;
    const char *few = getenv("BENCH_FRAMES"); /* fewer frames per drag, for a profiler's run */
    if (few && atoi(few) > 0) frames = atoi(few);
    /* BENCH_ONLY=op: only the frames that carry an op at 300 notes, for a profiler. */
    const char *only = getenv("BENCH_ONLY");
    int only_op = only && !strcmp(only, "op");
    for (int c = only_op ? 1 : 0; c < (only_op ? 2 : 3); c++) {
        int n = quick ? counts[c] / 10 : counts[c];
        char path[512];
        snprintf(path, sizeof path, "%s/notes%d.db", work, counts[c]);
        unlink(path);
        store *st;
        char msg[256];
        if (store_open(path, &st, msg, sizeof msg) != STORE_OK || store_set_pin(st, "1234", 0) != STORE_OK) return 1;
        int64_t m = fill(st, dl, n, 0, 0);
        store_close(st);
        if (!m || open_app(path, layouts, m) != 0) return 1;
        char name[64];
        snprintf(name, sizeof name, "frame_drag_%d", counts[c]);
        if (!only_op) drag_bench(name, 1, frames);
        else
            for (int i = 0; i < 3; i++) frame(); /* the board drawn, its buttons there */
        if (counts[c] == 300 && !only_op) drag_bench("frame_drag4_300", 4, frames);
        if (counts[c] != 50) op_frames(work, counts[c]);
    }
    if (only_op) return 0;
    commits();

    /* Opening a meeting with 2,000 notes, 200 goals and 100 decisions: read and first frame. */
    {
        char path[512];
        snprintf(path, sizeof path, "%s/big.db", work);
        unlink(path);
        store *st;
        char msg[256];
        if (store_open(path, &st, msg, sizeof msg) != STORE_OK || store_set_pin(st, "1234", 0) != STORE_OK) return 1;
        int64_t m = fill(st, dl, quick ? 200 : 2000, quick ? 20 : 200, quick ? 10 : 100);
        store_close(st);
        double v[5];
        int runs = quick ? 1 : 5;
        for (int r = 0; r < runs; r++) {
            if (open_app(path, layouts, m) != 0) return 1;
            double t0 = now_ms(CLOCK_MONOTONIC);
            scr_open_meeting(&app, m);
            frame();
            scr_goals_load(&app);
            store_decisions(app.st, m, app.m.dec, SCR_DECISIONS_MAX, &app.m.ndec);
            v[r] = now_ms(CLOCK_MONOTONIC) - t0;
        }
        report("open_big", v, runs);
    }

    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("rss_peak_mb %.1f %.1f\n", ru.ru_maxrss / 1024.0, ru.ru_maxrss / 1024.0);
    double hits = ui.cache_hits, all = ui.cache_hits + ui.cache_misses;
    double mh = ui.measure_hits, ma = ui.measure_hits + ui.measure_misses;
    printf("text_cache_hit %.3f %.3f\n", all ? hits / all : 0, ma ? mh / ma : 0);
    scr_close(&app);
    ui_quit(&ui);
    SDL_DestroyRenderer(ren);
    SDL_DestroyWindow(win);
    SDL_Quit();
    return 0;
}
