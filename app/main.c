/* main: the command line, the wiring and the event loop. The loop sleeps until
 * something happens: input, a running clock once a second, or an animation. */
#include "export.h"
#include "print.h"
#include "screens.h"
#include "utext.h"

#include <SDL.h>
#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <limits.h>
#include <unistd.h>

#ifndef SCHOUDERS_LOCALEDIR
#define SCHOUDERS_LOCALEDIR "locale"
#endif
#ifndef SCHOUDERS_ASSETS
#define SCHOUDERS_ASSETS "assets"
#endif
#ifndef SCHOUDERS_LAYOUTS
#define SCHOUDERS_LAYOUTS "layouts"
#endif

typedef struct {
    const char *db, *lang, *script, *monkey;
    int windowed, demo, w, h;
    float px_per_mm; /* --px-per-mm: the screen's density given, for tests and odd displays */
} options;

static void usage(FILE *f)
{
    fputs("usage: schouders [--db PATH] [--windowed] [--size WxH] [--lang nl|en] [--demo] [--script FILE]"
          " [--monkey SEED:EVENTS]\n"
          "                 [--px-per-mm N]\n"
          "       schouders export --db PATH --meeting ID --format json|pdf|png --out PATH"
          " [--board NAME --size WxH] [--lang nl|en]\n"
          "       schouders ops --db PATH --meeting ID\n"
          "       schouders replay --db NEW.db --ops FILE\n", f);
}

static int parse_size(const char *s, int *w, int *h)
{
    return s && sscanf(s, "%dx%d", w, h) == 2 && *w >= 200 && *h >= 200 && *w <= 16384 && *h <= 16384;
}

static int64_t wall_ms(void)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return (int64_t)tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

/* The wall clock at start, then moved on by SDL's steady ticks: a clock set back
 * (or forward) while the meeting runs never makes the timer jump. Stored times
 * are wall times, so a restart picks up from the file. */
static int64_t anchor_wall;
static Uint64 anchor_ticks;

static int64_t steady_wall_ms(void)
{
    if (!anchor_ticks) {
        anchor_wall = wall_ms();
        anchor_ticks = SDL_GetTicks64() + 1; /* never 0 */
    }
    return anchor_wall + (int64_t)(SDL_GetTicks64() + 1 - anchor_ticks);
}

/* Dutch by default. gettext ignores LANGUAGE under the plain "C" locale, and
 * C.UTF-8 is always present on Debian, so messages use that. */
static void set_language(const char *lang)
{
    setlocale(LC_CTYPE, "C.UTF-8");
    setlocale(LC_MESSAGES, "C.UTF-8");
    setenv("LANGUAGE", lang, 1);
    const char *dir = getenv("SCHOUDERS_LOCALEDIR");
    bindtextdomain("schouders", dir && dir[0] ? dir : SCHOUDERS_LOCALEDIR);
    bind_textdomain_codeset("schouders", "UTF-8");
    textdomain("schouders");
}

/* --- export: the plan as JSON, PDF and board pictures ----------------------------- */

static const char *env_or(const char *name, const char *fallback)
{
    const char *v = getenv(name);
    return v && v[0] ? v : fallback;
}

/* Pictures of boards, drawn offscreen by the screens' own code into a surface of
 * their own (beside the running kiosk's, when the facilitator exports from the app),
 * on the thread that owns SDL: app/export asks for them. */
typedef struct {
    scr_painter pt;   /* its ui, model and looks: no app */
    SDL_Surface *surf;
    SDL_Renderer *ren;
    store *st;
    int lang_en;
} painter;

static void painter_close(painter *p)
{
    if (p->pt.m) scr_model_free(p->pt.m);
    if (p->pt.ui) ui_quit(p->pt.ui);
    if (p->ren) SDL_DestroyRenderer(p->ren);
    SDL_FreeSurface(p->surf);
    free(p->pt.m);
    free(p->pt.looks);
    free(p->pt.ui);
    p->pt = (scr_painter){0};
    p->ren = NULL;
    p->surf = NULL;
}

static int painter_open(painter *p, int w, int h, char *msg, size_t cap)
{
    p->pt = (scr_painter){.st = p->st, .lang_en = p->lang_en, .wall_ms = wall_ms()};
    p->pt.m = calloc(1, sizeof *p->pt.m);
    p->pt.looks = calloc(1, sizeof *p->pt.looks);
    p->pt.ui = calloc(1, sizeof *p->pt.ui);
    p->surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    p->ren = p->surf ? SDL_CreateSoftwareRenderer(p->surf) : NULL;
    if (!p->pt.m || !p->pt.looks || !p->pt.ui || !p->ren) {
        snprintf(msg, cap, "cannot draw: %s", p->pt.m && p->pt.looks && p->pt.ui ? SDL_GetError() : "out of memory");
        painter_close(p);
        return -1;
    }
    if (ui_init(p->pt.ui, NULL, p->ren, w, h, env_or("SCHOUDERS_ASSETS", SCHOUDERS_ASSETS)) != 0) {
        snprintf(msg, cap, "%s", p->pt.ui->error);
        painter_close(p);
        return -1;
    }
    char why[320];
    if (store_board_load(env_or("SCHOUDERS_LAYOUTS", SCHOUDERS_LAYOUTS), &p->pt.layout, why, sizeof why) == STORE_EINVAL)
        fprintf(stderr, "schouders export: layouts: %s (drawn with the standard board)\n", why);
    return 0;
}

/* export_paint: one board into the painter's surface, made (again) at the size asked. */
static store_status painter_paint(void *user, int64_t meeting, const char *board, int64_t child, int w, int h,
                                  print_picture *out)
{
    painter *p = user;
    char msg[256];
    if (p->surf && (p->surf->w != w || p->surf->h != h)) painter_close(p);
    if (!p->surf && painter_open(p, w, h, msg, sizeof msg) != 0) {
        fprintf(stderr, "schouders export: %s\n", msg);
        return STORE_EIO;
    }
    store_status r = scr_board_picture(&p->pt, meeting, board, child);
    scr_model_free(p->pt.m);
    if (r != STORE_OK) return r;
    /* 0x00RRGGBB words, as cairo's RGB24 wants. */
    *out = (print_picture){p->surf->w, p->surf->h, p->surf->pitch, p->surf->pixels};
    return STORE_OK;
}

/* The board a picture shows when none is named: the current phase's, else the
 * nearest earlier phase that has one, else the plan. */
static const char *default_board(store *st, int64_t meeting)
{
    core_meeting m;
    static core_phase ph[CORE_PHASES_MAX];
    int n = 0;
    if (store_meeting(st, meeting, &m) != STORE_OK || store_phases(st, meeting, ph, CORE_PHASES_MAX, &n) != STORE_OK) return "besluiten";
    /* The picture of the newest phase that has a board (the boards table says which). */
    for (int i = m.current_phase < n ? m.current_phase : n - 1; i >= 0; i--) {
        int b = core_board_parse(ph[i].def.board);
        core_board pic = b < 0 ? BOARD_NONE : core_board_about((core_board)b)->picture;
        if (pic != BOARD_NONE) return core_board_about(pic)->id;
    }
    return "besluiten";
}

/* A PNG of one board, written whole (the command line's export --format png). */
static int write_png(painter *p, int64_t meeting, const char *board, int w, int h, int dir, const char *name,
                     const char *shown, char *msg, size_t cap)
{
    print_picture pic;
    store_status r = painter_paint(p, meeting, board, 0, w, h, &pic);
    if (r == STORE_EINVAL) snprintf(msg, cap, "there is no board '%s'; use drieluik, doelen, besluiten or vip", board);
    else if (r == STORE_EHELD) snprintf(msg, cap, "the child did not share this VIP-kaart (Mag in het plan): it stays on the device");
    else if (r == STORE_ENOTFOUND) snprintf(msg, cap, "meeting %lld has no %s", (long long)meeting,
                                           !strcmp(board, "vip") ? "child, so no VIP-kaart" : "such board");
    else if (r != STORE_OK) snprintf(msg, cap, "%s", store_errmsg(p->st));
    if (r != STORE_OK) return -1;
    unsigned char *png;
    size_t len;
    if (print_picture_png(&pic, &png, &len) != 0) {
        snprintf(msg, cap, "cannot make the picture");
        return -1;
    }
    int rc = export_write_whole_at(dir, name, shown, (const char *)png, len, msg, cap);
    free(png);
    return rc;
}

/* The app's Exporteren: the bundle on a worker over a snapshot of the file; the
 * pictures it asks for are drawn here, between frames, with the kiosk's store. */
static painter app_painter;
static export_job *app_job;
static void wake_loop(void *user);

static int app_export_start(scr_app *app, int64_t meeting, const char *folder, char *msg, size_t cap)
{
    if (app_job) return -1;
    app_painter = (painter){.st = app->st, .lang_en = app->lang_en};
    export_opts o = {.lang_en = app->lang_en, .layouts_dir = app->layouts_dir, .paint = painter_paint, .user = &app_painter};
    return export_job_start(app->db_path, meeting, &o, folder, app->wake ? wake_loop : NULL, NULL, &app_job, msg, cap);
}

static int app_export_poll(scr_app *app, int *percent, char *made, size_t made_cap, char *msg, size_t cap)
{
    (void)app;
    if (!app_job) return -1;
    int state = export_job_step(app_job, percent, made, made_cap, msg, cap);
    if (state != 1) {
        export_job_end(app_job);
        app_job = NULL;
        painter_close(&app_painter);
    }
    return state;
}

static int export_main(int argc, char **argv)
{
    const char *db = NULL, *format = NULL, *out = NULL, *board = NULL, *size = NULL, *lang = "nl";
    long long id = -1;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!v) { usage(stderr); return 2; }
        if (!strcmp(a, "--db")) db = v;
        else if (!strcmp(a, "--meeting")) {
            char *end;
            errno = 0;
            id = strtoll(v, &end, 10);
            if (*end || errno || id < 1) { fprintf(stderr, "schouders export: --meeting takes a meeting id (a number)\n"); return 2; }
        } else if (!strcmp(a, "--format")) format = v;
        else if (!strcmp(a, "--out")) out = v;
        else if (!strcmp(a, "--board")) board = v;
        else if (!strcmp(a, "--size")) size = v;
        else if (!strcmp(a, "--lang") && (!strcmp(v, "nl") || !strcmp(v, "en"))) lang = v;
        else { usage(stderr); return 2; }
        i++;
    }
    if (!db || id < 1 || !format || !out) { usage(stderr); return 2; }
    set_language(lang);
    int lang_en = !strcmp(lang, "en");
    if (strcmp(format, "json") != 0 && strcmp(format, "png") != 0 && strcmp(format, "pdf") != 0) {
        fprintf(stderr, "schouders export: there is no format '%s'; use json, pdf or png\n", format);
        return 2;
    }
    int w = 1920, h = 1080;
    if (size && !parse_size(size, &w, &h)) {
        fprintf(stderr, "schouders export: --size takes WIDTHxHEIGHT, e.g. 1920x1080\n");
        return 2;
    }
    store *st;
    char msg[PATH_MAX + 256];
    store_status r = store_open_readonly(db, &st, msg, sizeof msg);
    if (r != STORE_OK) {
        fprintf(stderr, "schouders export: %s: %s\n", db, msg);
        return 1;
    }
    char *json = NULL;
    int rc = 1, dir = -1;
    char name[NAME_MAX + 1];
    if (strcmp(out, "-") != 0 && export_out_open(out, &dir, name, sizeof name, msg, sizeof msg) != 0) {
        fprintf(stderr, "schouders export: %s\n", msg);
    } else if (store_export_json(st, id, &json) != STORE_OK) { /* also how an unknown meeting is found */
        fprintf(stderr, "schouders export: %s\n", store_errmsg(st));
    } else if (!strcmp(format, "json")) {
        if (!strcmp(out, "-")) rc = fputs(json, stdout) >= 0 && fputc('\n', stdout) != EOF ? 0 : 1;
        else {
            size_t n = strlen(json);
            json[n] = '\n'; /* cJSON's text ends without one; the terminator is not needed past here */
            rc = export_write_whole_at(dir, name, out, json, n + 1, msg, sizeof msg) ? 1 : 0;
            if (rc) fprintf(stderr, "schouders export: %s\n", msg);
        }
    } else if (SDL_Init(0) != 0) {
        fprintf(stderr, "schouders export: cannot start SDL: %s\n", SDL_GetError());
    } else {
        painter p = {.st = st, .lang_en = lang_en};
        if (!strcmp(format, "pdf")) {
            export_opts eo = {.lang_en = lang_en, .layouts_dir = env_or("SCHOUDERS_LAYOUTS", SCHOUDERS_LAYOUTS),
                              .paint = painter_paint, .user = &p};
            unsigned char *pdf = NULL;
            size_t len = 0;
            rc = export_pdf(st, id, &eo, &pdf, &len, msg, sizeof msg) ||
                 export_write_whole_at(dir, name, out, (const char *)pdf, len, msg, sizeof msg) ? 1 : 0;
            free(pdf);
        } else {
            rc = write_png(&p, id, board ? board : default_board(st, id), w, h, dir, name, out, msg, sizeof msg) ? 1 : 0;
        }
        painter_close(&p);
        if (rc) fprintf(stderr, "schouders export: %s\n", msg);
        SDL_Quit();
    }
    free(json);
    if (dir >= 0) close(dir);
    store_close(st);
    return rc;
}

/* schouders ops --db PATH --meeting ID: the meeting's operations as JSON lines. */
static int ops_main(int argc, char **argv)
{
    const char *db = NULL;
    long long id = -1;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--db")) db = argv[i + 1];
        else if (!strcmp(argv[i], "--meeting")) {
            char *end;
            errno = 0;
            id = strtoll(argv[i + 1], &end, 10);
            if (*end || errno || id < 1) id = -1;
        } else id = -2;
    }
    if (!db || id < 1 || argc % 2) { usage(stderr); return 2; }
    store *st;
    char msg[PATH_MAX + 256];
    if (store_open_readonly(db, &st, msg, sizeof msg) != STORE_OK) {
        fprintf(stderr, "schouders ops: %s: %s\n", db, msg);
        return 1;
    }
    core_meeting m;
    store_status r = store_meeting(st, id, &m);
    if (r == STORE_ENOTFOUND) fprintf(stderr, "schouders ops: there is no meeting with that id\n");
    else if (r != STORE_OK) fprintf(stderr, "schouders ops: %s\n", store_errmsg(st));
    else {
        r = store_ops_write(st, id, stdout);
        if (r == STORE_OK && fflush(stdout) != 0) r = STORE_EIO;
        if (r != STORE_OK) fprintf(stderr, "schouders ops: %s\n", r == STORE_EIO ? "cannot write the operations" : store_errmsg(st));
    }
    store_close(st);
    return r == STORE_OK ? 0 : 1;
}

/* schouders replay --db NEW --ops FILE: a meeting's operations into a database,
 * through the same checks as the screen. */
static int replay_main(int argc, char **argv)
{
    const char *db = NULL, *ops = NULL;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--db")) db = argv[i + 1];
        else if (!strcmp(argv[i], "--ops")) ops = argv[i + 1];
        else db = NULL, ops = NULL, i = argc;
    }
    if (!db || !ops || argc % 2) { usage(stderr); return 2; }
    FILE *in = !strcmp(ops, "-") ? stdin : fopen(ops, "r");
    if (!in) {
        fprintf(stderr, "schouders replay: %s: %s\n", ops, strerror(errno));
        return 1;
    }
    store *st;
    char msg[PATH_MAX + 256];
    store_status r = store_open(db, &st, msg, sizeof msg);
    int n = 0;
    if (r != STORE_OK) fprintf(stderr, "schouders replay: %s: %s\n", db, msg);
    else {
        r = store_replay(st, in, &n, msg, sizeof msg);
        if (r != STORE_OK) fprintf(stderr, "schouders replay: %s (%d applied before it)\n", msg, n);
        else fprintf(stderr, "schouders replay: %d operations applied\n", n);
        store_close(st);
    }
    if (in != stdin) fclose(in);
    return r == STORE_OK ? 0 : 1;
}

static int parse_options(int argc, char **argv, options *o)
{
    memset(o, 0, sizeof *o);
    o->lang = "nl";
    o->w = 1280;
    o->h = 800;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--windowed")) o->windowed = 1;
        else if (!strcmp(a, "--demo")) o->demo = 1;
        else if (!strcmp(a, "--db") && v) { o->db = v; i++; }
        else if (!strcmp(a, "--script") && v) { o->script = v; i++; }
        else if (!strcmp(a, "--monkey") && v) { o->monkey = v; i++; }
        else if (!strcmp(a, "--lang") && v && (!strcmp(v, "nl") || !strcmp(v, "en"))) { o->lang = v; i++; }
        else if (!strcmp(a, "--size") && parse_size(v, &o->w, &o->h)) i++;
        else if (!strcmp(a, "--px-per-mm") && v && (o->px_per_mm = strtof(v, NULL)) >= 1.0f && o->px_per_mm <= 40.0f) i++;
        else if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); exit(0); }
        else {
            fprintf(stderr, "schouders: unknown or incomplete option '%s'\n", a);
            usage(stderr);
            return -1;
        }
    }
    return 0;
}

/* SCHOUDERS_ACK_FD=N: each committed action is written to fd N as
 * "ack ACTION MEETING REF" (the kill suite checks every one is there after kill -9). */
static void ack_line(void *user, const char *action, int64_t meeting, int64_t ref)
{
    int fd = (int)(intptr_t)user;
    char line[128];
    int n = snprintf(line, sizeof line, "ack %s %lld %lld\n", action, (long long)meeting, (long long)ref);
    if (n > 0 && write(fd, line, (size_t)n) < 0) { /* the harness went away: nothing to tell */ }
}

/* A shutdown, a reboot or the power key (SIGTERM, SIGHUP, SIGINT): the loop sees
 * this within CFG_SIGNAL_LOOK_MS, keeps the words being written, as the PIN-guarded
 * quit does, and ends. Only a flag here: nothing else is safe in a handler. */
static volatile sig_atomic_t ending;
static void on_end_signal(int sig) { ending = sig; }

static void catch_end_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_end_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
}

/* The writer answered: the loop may be asleep in SDL_WaitEventTimeout. */
static Uint32 answered_event = (Uint32)-1;
static void wake_loop(void *user)
{
    (void)user;
    SDL_Event e;
    SDL_zero(e);
    e.type = answered_event;
    SDL_PushEvent(&e); /* thread-safe; a full queue only delays the mark to the next event */
}

static void handle(scr_app *app, ui_ctx *ui, const SDL_Event *e)
{
    if (e->type == SDL_QUIT) scr_request_quit(app);
    else if (e->type == answered_event) ui->dirty = 1;
    else ui_feed(ui, e);
}

/* A crash must not leave the family's words in a core file (drafts, a tray's notes,
 * a child's card are all in this process's memory): no core, not dumpable. */
static void no_core_dumps(void)
{
    struct rlimit none = {0, 0};
    if (setrlimit(RLIMIT_CORE, &none) != 0) perror("schouders: setrlimit(RLIMIT_CORE)");
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) perror("schouders: prctl(PR_SET_DUMPABLE)");
}

int main(int argc, char **argv)
{
    no_core_dumps();
    if (argc > 1 && !strcmp(argv[1], "export")) return export_main(argc, argv);
    if (argc > 1 && !strcmp(argv[1], "ops")) return ops_main(argc, argv);
    if (argc > 1 && !strcmp(argv[1], "replay")) return replay_main(argc, argv);
    options o;
    if (parse_options(argc, argv, &o) != 0) return 2;
    set_language(o.lang);

    static scr_app app;
    static ui_ctx ui;
    app.lang_en = !strcmp(o.lang, "en");
    app.demo = o.demo;
    const char *layouts = getenv("SCHOUDERS_LAYOUTS");
    snprintf(app.layouts_dir, sizeof app.layouts_dir, "%s", layouts && layouts[0] ? layouts : SCHOUDERS_LAYOUTS);
    if (o.db) snprintf(app.db_path, sizeof app.db_path, "%s", o.db);
    else if (store_default_path(app.db_path, sizeof app.db_path) != STORE_OK)
        snprintf(app.db_path, sizeof app.db_path, "schouders.db"); /* the error screen will say why */

    ui_script *script = NULL;
    if (o.script) {
        char err[512];
        if (!(script = ui_script_load(o.script, err, sizeof err))) {
            fprintf(stderr, "schouders: %s\n", err);
            return 2;
        }
    }

    ui_hints();
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "schouders: cannot start the display: %s\n", SDL_GetError());
        ui_script_free(script);
        return 1;
    }
    Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
    int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
    SDL_DisplayMode desktop;
    if (!o.windowed) {
        /* Made at the screen's size at 0,0 as well: a kiosk often has no window
         * manager to honour the full-screen request. */
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
        if (SDL_GetDesktopDisplayMode(0, &desktop) == 0) {
            o.w = desktop.w;
            o.h = desktop.h;
            x = y = 0;
        }
    }
    SDL_Window *win = SDL_CreateWindow("Schouders", x, y, o.w, o.h, flags);
    /* The software renderer unless the environment asks for another: it is what the
     * budgets are measured on, and needs no GPU. */
    SDL_Renderer *ren = win ? SDL_CreateRenderer(win, -1, SDL_getenv("SDL_RENDER_DRIVER") ? 0 : SDL_RENDERER_SOFTWARE) : NULL;
    if (!ren) {
        fprintf(stderr, "schouders: cannot open a window: %s\n", SDL_GetError());
        if (win) SDL_DestroyWindow(win);
        SDL_Quit();
        ui_script_free(script);
        return 1;
    }
    int w, h;
    SDL_GetRendererOutputSize(ren, &w, &h);
    const char *assets = getenv("SCHOUDERS_ASSETS");
    if (ui_init(&ui, win, ren, w, h, assets && assets[0] ? assets : SCHOUDERS_ASSETS) != 0) {
        fprintf(stderr, "schouders: %s\n", ui.error);
        ui_quit(&ui);
        SDL_DestroyRenderer(ren);
        SDL_DestroyWindow(win);
        SDL_Quit();
        ui_script_free(script);
        return 1;
    }
    if (o.px_per_mm > 0) ui_set_ppmm(&ui, o.px_per_mm, UI_PPMM_OPTION);
    app.ui = &ui;
    app.export_start = app_export_start;
    app.export_poll = app_export_poll;
    answered_event = SDL_RegisterEvents(1);
    if (answered_event != (Uint32)-1) app.wake = wake_loop;
    scr_set_words(&app);
    app.now = SDL_GetTicks();
    app.wall_ms = steady_wall_ms();
    scr_open(&app);
    /* The reliability suite's full disk: the file may not grow past this many pages. */
    const char *pages = getenv("SCHOUDERS_MAX_PAGES");
    if (pages && pages[0] && app.st) store_limit_pages(app.st, atol(pages));
    const char *ack = getenv("SCHOUDERS_ACK_FD");
    if (ack && ack[0] && app.st) store_set_ack(app.st, ack_line, (void *)(intptr_t)atoi(ack));

    int status = 0;
    ui_monkey *monkey = NULL;
    unsigned long long seed = 0;
    long events = 0;
    if (o.monkey) {
        if (sscanf(o.monkey, "%llu:%ld", &seed, &events) != 2 || events < 0) {
            fprintf(stderr, "schouders: --monkey takes SEED:EVENTS, e.g. 42:10000\n");
            status = 2;
            app.quit = 1;
        } else if (!(monkey = ui_monkey_new(seed, events))) {
            app.quit = 1;
        }
        if (monkey) fprintf(stderr, "schouders: monkey, seed %llu, %ld events (--monkey %llu:%ld to replay)\n", seed, events,
                            seed, events);
    }
    /* The tests' slow machine: every frame takes this much longer. */
    const char *slow = getenv("SCHOUDERS_SLOW_FRAME_MS");
    int slow_ms = slow && slow[0] ? atoi(slow) : 0;
    const char *ff = getenv("SCHOUDERS_FIRST_FRAME_EXIT");
    int first_frame_report = ff && ff[0] == '1';
    catch_end_signals();
    while (!app.quit && !ui.quit && !ending) {
        int timeout = ui_sooner(ui.dirty || monkey ? 0 : -1, ui_sooner(ui_wake_in(&ui), scr_wake_in(&app)));
        if (script) timeout = ui_sooner(timeout, ui_script_wake_in(script, SDL_GetTicks()));
        /* A signal does not wake SDL's wait: look at least this often (a no-op). */
        int wait = timeout < 0 || timeout > (int)CFG_SIGNAL_LOOK_MS ? (int)CFG_SIGNAL_LOOK_MS : timeout;
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, wait)) {
            handle(&app, &ui, &e);
            while (SDL_PollEvent(&e)) handle(&app, &ui, &e);
        } else if (timeout > 0 && wait == timeout) {
            ui.dirty = 1; /* woken by time: the clock, an animation, a message that ends */
        }
        if (ending) break;
        uint32_t now = SDL_GetTicks();
        if (scr_step(&app, now, steady_wall_ms(), script ? ui_script_clock(script, now) : now)) {
            if (slow_ms > 0) SDL_Delay((Uint32)slow_ms);
            if (first_frame_report) { /* make bench: when the first frame was on screen, then leave */
                struct timespec ts;
                clock_gettime(CLOCK_MONOTONIC, &ts);
                fprintf(stderr, "first-frame %lld\n", (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec);
                break;
            }
        }
        if (monkey && !ui_monkey_step(monkey, &ui)) {
            fprintf(stderr, "schouders: monkey done, %ld events sent\n", ui_monkey_sent(monkey));
            break;
        }
        /* A script waits for the answer to what it did, as a person sees the saved
         * mark: the next step meets the same screen on any machine. */
        if (script && scr_settled(&app) && ui_script_step(script, &ui, SDL_GetTicks()) < 0) {
            status = 3; /* a script that cannot go on is a failed test, not a hung one */
            break;
        }
    }
    if (ending) fprintf(stderr, "schouders: ended by signal %d; what was being written is kept\n", (int)ending);
    if (monkey && app.quit) fprintf(stderr, "schouders: monkey stopped by the app after %ld events\n", ui_monkey_sent(monkey));
    ui_monkey_free(monkey);
    if (app_job) { /* an export cut short by the end: it cleans up after itself */
        export_job_end(app_job);
        app_job = NULL;
        painter_close(&app_painter);
    }
    scr_close(&app);
    ui_hyphens_free();
    ui_quit(&ui);
    ui_script_free(script);
    SDL_DestroyRenderer(ren);
    SDL_DestroyWindow(win);
    SDL_Quit();
    return status;
}
