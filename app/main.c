/* main: the command line, the wiring and the event loop. The loop sleeps until
 * something happens: input, a running clock once a second, or an animation. */
#include "screens.h"

#include <SDL.h>
#include <errno.h>
#include <locale.h>
#include <fcntl.h>
#include <stdint.h>
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
} options;

static void usage(FILE *f)
{
    fputs("usage: schouders [--db PATH] [--windowed] [--size WxH] [--lang nl|en] [--demo] [--script FILE]"
          " [--monkey SEED:EVENTS]\n"
          "       schouders export --db PATH --meeting ID --format json|pdf|png --out PATH"
          " [--board NAME --size WxH] [--lang nl|en]\n", f);
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

/* One board as a picture, drawn offscreen by the same code as the screen, written
 * to a temporary file beside `out` and renamed, so no half picture is ever left. */
static int export_png(store *st, int64_t id, const char *board, int w, int h, const char *out)
{
    static scr_app app;
    static ui_ctx ui;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    const char *assets = getenv("SCHOUDERS_ASSETS");
    int rc = 1;
    if (!ren) {
        fprintf(stderr, "schouders export: cannot draw: %s\n", SDL_GetError());
    } else if (ui_init(&ui, NULL, ren, w, h, assets && assets[0] ? assets : SCHOUDERS_ASSETS) != 0) {
        fprintf(stderr, "schouders export: %s\n", ui.error);
    } else {
        app.ui = &ui;
        app.st = st;
        app.lang_en = !strcmp(getenv("LANGUAGE"), "en"); /* set_language put it there */
        app.wall_ms = wall_ms();
        scr_set_words(&app);
        const char *layouts = getenv("SCHOUDERS_LAYOUTS");
        char msg[320];
        if (store_board_load(layouts && layouts[0] ? layouts : SCHOUDERS_LAYOUTS, &app.dl_layout, msg, sizeof msg) == STORE_EINVAL)
            fprintf(stderr, "schouders export: layouts: %s (drawn with the standard board)\n", msg);
        char tmp[PATH_MAX];
        snprintf(tmp, sizeof tmp, "%s.part", out);
        snprintf(ui.shot_path, sizeof ui.shot_path, "%s", tmp);
        store_status r = scr_board_picture(&app, id, board);
        if (r == STORE_EINVAL) fprintf(stderr, "schouders export: there is no picture of board '%s' yet; use --board drieluik\n", board);
        else if (r == STORE_ENOTFOUND) fprintf(stderr, "schouders export: there is no meeting %lld\n", (long long)id);
        else if (r != STORE_OK) fprintf(stderr, "schouders export: %s\n", store_errmsg(st));
        else if (ui.error[0]) fprintf(stderr, "schouders export: cannot write %s\n", out);
        else if (chmod(tmp, 0600) != 0 || rename(tmp, out) != 0) fprintf(stderr, "schouders export: cannot write %s: %s\n", out, strerror(errno));
        else rc = 0;
        if (rc) unlink(tmp);
        core_notes_free(app.notes, app.nnotes);
        app.nnotes = 0;
        scr_dl_reset(&app);
    }
    ui_quit(&ui);
    if (ren) SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
    return rc;
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
    if (strcmp(format, "json") != 0 && strcmp(format, "png") != 0) {
        fprintf(stderr, "schouders export: format '%s' is not available yet; use json or png\n", format);
        return 2;
    }
    int w = 1920, h = 1080;
    if (size && !parse_size(size, &w, &h)) {
        fprintf(stderr, "schouders export: --size takes WIDTHxHEIGHT, e.g. 1920x1080\n");
        return 2;
    }
    store *st;
    char msg[512];
    store_status r = store_open_readonly(db, &st, msg, sizeof msg);
    if (r != STORE_OK) {
        fprintf(stderr, "schouders export: %s: %s\n", db, msg);
        return 1;
    }
    if (!strcmp(format, "png")) {
        int rc = export_png(st, id, board ? board : "drieluik", w, h, out);
        store_close(st);
        return rc;
    }
    char *json = NULL;
    r = store_export_json(st, id, &json);
    if (r != STORE_OK) {
        fprintf(stderr, "schouders export: %s\n", store_errmsg(st));
        store_close(st);
        return 1;
    }
    store_close(st);
    /* 0600: a plan names children and what happens to them. */
    int fd = strcmp(out, "-") ? open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600) : -1;
    FILE *f = strcmp(out, "-") ? (fd >= 0 ? fdopen(fd, "w") : NULL) : stdout;
    int ok = f && fputs(json, f) >= 0 && fputc('\n', f) != EOF;
    if (f && f != stdout) ok = (fclose(f) == 0) && ok;
    free(json);
    if (!ok) {
        fprintf(stderr, "schouders export: cannot write %s: %s\n", out, strerror(errno));
        return 1;
    }
    return 0;
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

static void handle(scr_app *app, ui_ctx *ui, const SDL_Event *e)
{
    if (e->type == SDL_QUIT) scr_request_quit(app);
    else ui_feed(ui, e);
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "export")) return export_main(argc, argv);
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
    app.ui = &ui;
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
    const char *ff = getenv("SCHOUDERS_FIRST_FRAME_EXIT");
    int first_frame_report = ff && ff[0] == '1';
    while (!app.quit && !ui.quit) {
        int timeout = ui_sooner(ui.dirty || monkey ? 0 : -1, ui_sooner(ui_wake_in(&ui), scr_wake_in(&app)));
        if (script) timeout = ui_sooner(timeout, ui_script_wake_in(script, SDL_GetTicks()));
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, timeout)) {
            handle(&app, &ui, &e);
            while (SDL_PollEvent(&e)) handle(&app, &ui, &e);
        } else if (timeout > 0) {
            ui.dirty = 1; /* woken by time: the clock, an animation, a message that ends */
        }
        app.now = SDL_GetTicks();
        app.wall_ms = steady_wall_ms();
        ui_tick(&ui, app.now);
        if (ui.dirty) {
            scr_frame(&app);
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
        if (script && ui_script_step(script, &ui, SDL_GetTicks()) < 0) {
            status = 3; /* a script that cannot go on is a failed test, not a hung one */
            break;
        }
    }
    if (monkey && app.quit) fprintf(stderr, "schouders: monkey stopped by the app after %ld events\n", ui_monkey_sent(monkey));
    ui_monkey_free(monkey);
    scr_close(&app);
    ui_quit(&ui);
    ui_script_free(script);
    SDL_DestroyRenderer(ren);
    SDL_DestroyWindow(win);
    SDL_Quit();
    return status;
}
