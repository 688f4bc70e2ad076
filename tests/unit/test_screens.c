/* A screen run in-process as the main loop runs it (scr_step), with taps fed to the
 * touch kit and every frame's time given by the test (DESIGN, Architecture: the app
 * runs a frame; time is injected). The meeting screen's phase timer (seed 004 §3:
 * the phases have their times) counts down with the wall clock it is handed, stands
 * still when that clock does, and +1 adds a minute that the file keeps. Neither the
 * time of day nor the machine's speed enters: no frame reads a clock.
 *
 * Then a board drawn as a picture for the plan, from a model and a ui of its own
 * (no app, as the export's painter draws it): the post-its are on it, nothing to
 * tap is, and a child's VIP-kaart that was not shared is not drawn at all. */
#include "check.h"
#include "screens.h"

#include <locale.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

static scr_app app;
static ui_ctx ui;
static uint32_t ticks = 1000; /* the test's clock: SDL ticks and the wall move together */
static const int64_t T0 = 1767225600000; /* the phase began here (Unix ms) */
static int64_t wall;

static void step(void)
{
    ui.dirty = 1;
    scr_step(&app, ticks, wall, ticks);
}

static void finger(Uint32 type, float x, float y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.tfinger.fingerId = 7;
    e.tfinger.x = x / ui.w;
    e.tfinger.y = y / ui.h;
    e.tfinger.timestamp = ticks;
    ui_feed(&ui, &e);
}

static const ui_widget *widget(const char *id)
{
    for (int i = 0; i < ui.nprev; i++)
        if (!strcmp(ui.prev[i].id, id)) return &ui.prev[i];
    return NULL;
}

/* A tap on the widget the last frame showed: finger down in one frame, up in the
 * next. 0 when there is no such widget. */
static int tap(const char *id)
{
    const ui_widget *w = widget(id);
    if (!w) return 0;
    float x = (float)w->r.x + 5, y = (float)w->r.y + 5; /* w is the last frame's: gone after a frame */
    finger(SDL_FINGERDOWN, x, y);
    step();
    ticks += 80;
    finger(SDL_FINGERUP, x, y);
    step();
    return 1;
}

/* Whether the last frame of u showed this text. */
static int shown_in(const ui_ctx *u, const char *text)
{
    for (int i = 0; i < u->nprev_texts; i++)
        if (!strcmp(u->prev_texts[i].label, text)) return 1;
    return 0;
}
static int shown(const char *text) { return shown_in(&ui, text); }

/* How many widgets of u's last frame could be tapped (a button, a toggle, a field). */
static int tappable(const ui_ctx *u)
{
    int n = 0;
    for (int i = 0; i < u->nprev; i++)
        n += (u->prev[i].kind == UI_W_BUTTON || u->prev[i].kind == UI_W_TOGGLE || u->prev[i].kind == UI_W_FIELD) &&
             !(u->prev[i].state & UI_ST_DISABLED);
    return n;
}

/* The timer's digits for ms left, as the screen rounds them (up: never 00:00 with time left). */
static const char *digits(int64_t left)
{
    static char out[24];
    core_clock_text(left + 999, out, sizeof out);
    return out;
}

/* What a person does is on the screen at once: the model takes the op as it is
 * handed to the writer (scr_model_apply), before the file has answered. */
static void reducer(void)
{
    static scr_model m, before;
    m.ndec = 1;
    m.dec[0] = (core_decision){.id = 5, .what = "Oma haalt Sanne op"};
    core_decision d = m.dec[0];
    snprintf(d.what, sizeof d.what, "Oma haalt Sanne op, elke woensdag");
    d.final = 1;
    scr_model_apply(&m, &(core_op){.kind = OP_DECISION_SAVE, .decision = &d});
    CHECK(m.ndec == 1 && m.dec[0].final && !strcmp(m.dec[0].what, d.what));
    scr_model_apply(&m, &(core_op){.kind = OP_CONSENT, .id = 3, .n = CONSENT_AKKOORD});
    scr_model_apply(&m, &(core_op){.kind = OP_CONSENT, .id = 4, .n = CONSENT_VOORBEHOUD});
    scr_model_apply(&m, &(core_op){.kind = OP_CONSENT, .id = 3, .n = CONSENT_NIET}); /* changed their mind */
    CHECK(m.nconsent == 2 && m.consent_ids[0] == 3 && m.consent[0] == CONSENT_NIET && m.consent[1] == CONSENT_VOORBEHOUD);
    scr_model_apply(&m, &(core_op){.kind = OP_ACTIETEAM, .id = 7, .n = 1});
    scr_model_apply(&m, &(core_op){.kind = OP_ACTIETEAM, .id = 7, .n = 1});
    CHECK(m.nteam == 1 && m.team[0] == 7);
    scr_model_apply(&m, &(core_op){.kind = OP_ACTIETEAM, .id = 7, .n = 0});
    CHECK(m.nteam == 0);
    /* Sanne's card: Oma Joke on it, a face and a wish, off again. */
    m.vip.child = 1;
    m.npeople = 1;
    m.people[0] = (core_person){.id = 9, .name = "Oma Joke", .relation = "oma"};
    scr_model_apply(&m, &(core_op){.kind = OP_VIP_PICK, .id = 2, .id2 = 9}); /* another child's card: not this one */
    CHECK(m.vip.ncard == 0);
    scr_model_apply(&m, &(core_op){.kind = OP_VIP_PICK, .id = 1, .id2 = 9});
    CHECK(m.vip.ncard == 1 && !strcmp(m.vip.card[0].name, "Oma Joke") && !strcmp(m.vip.card[0].relation, "oma"));
    const unsigned char ink[3] = {1, 2, 3};
    scr_model_apply(&m, &(core_op){.kind = OP_VIP_SET, .id = 1, .id2 = 9, .n = 1, .n2 = VIP_MEER, .text = "vaker logeren",
                                   .ink = ink, .ink_len = 3});
    CHECK(m.vip.card[0].contact == 1 && m.vip.card[0].change == VIP_MEER && !strcmp(m.vip.card[0].note, "vaker logeren") &&
          m.vip.card[0].ink_len == 3 && m.vip.card[0].ink != ink && m.vip.card[0].ink[2] == 3);
    /* A face tapped keeps the note: the op carries the entry's own words and ink. */
    core_vip_entry *e = &m.vip.card[0];
    scr_model_apply(&m, &(core_op){.kind = OP_VIP_SET, .id = 1, .id2 = 9, .n = 2, .n2 = e->change, .text = e->note, .ink = e->ink,
                                   .ink_len = e->ink_len});
    CHECK(e->contact == 2 && !strcmp(e->note, "vaker logeren") && e->ink_len == 3 && e->ink[0] == 1);
    scr_model_apply(&m, &(core_op){.kind = OP_VIP_SHARE, .id = 1, .n = 1});
    CHECK(m.vip.shared == 1);
    scr_model_apply(&m, &(core_op){.kind = OP_VIP_DROP, .id = 1, .id2 = 9});
    CHECK(m.vip.ncard == 0);
    scr_model_apply(&m, &(core_op){.kind = OP_DECISION_DELETE, .id = 5});
    CHECK(m.ndec == 0);
    /* An op whose result only the file knows (a person's new id) is read again, not guessed. */
    memcpy(&before, &m, sizeof m);
    scr_model_apply(&m, &(core_op){.kind = OP_PERSON_ADD, .text = "Buurvrouw Els", .n = 0});
    CHECK(memcmp(&before, &m, sizeof m) == 0);
    scr_model_free(&m);
}

int main(int argc, char **argv)
{
    reducer();
    const char *layouts = argc > 1 ? argv[1] : "layouts";
    char dir[] = "/tmp/schouders-test-screens-XXXXXX", path[300];
    if (!mkdtemp(dir)) return 1;
    snprintf(path, sizeof path, "%s/screens.db", dir);
    setlocale(LC_ALL, "C.UTF-8");

    /* A meeting in its Drieluik phase, begun at T0. */
    core_template ts[16];
    int nt = 0, found = -1;
    char errs[1024];
    store_layouts_load(layouts, ts, 16, &nt, errs, sizeof errs);
    for (int i = 0; i < nt; i++)
        if (!strcmp(ts[i].id, "drieluik-bijeenkomst")) found = i;
    CHECK(found >= 0);
    if (found < 0) return check_done();
    core_participant ps[CORE_PARTICIPANTS_MAX];
    int np = 0;
    core_participant_add(ps, &np, "Sanne", ROLE_KIND);
    core_participant_add(ps, &np, "Petra", ROLE_PROFESSIONAL);
    store *st;
    char msg[256];
    int64_t m = 0;
    CHECK(store_open(path, &st, msg, sizeof msg) == STORE_OK);
    CHECK(store_set_pin(st, "2468", 0) == STORE_OK);
    CHECK(store_meeting_create(st, "Familie Test", &ts[found], ps, np, T0, &m) == STORE_OK);
    CHECK(store_phase_go(st, m, 1, T0) == STORE_OK);
    store_close(st);

    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    ui_hints(); /* as the app starts SDL: touch is touch, no OpenGL */
    SDL_Window *win = SDL_Init(SDL_INIT_VIDEO) == 0 ? SDL_CreateWindow("test", 0, 0, 1280, 800, SDL_WINDOW_HIDDEN) : NULL;
    SDL_Renderer *ren = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE) : NULL;
    const char *assets = getenv("SCHOUDERS_ASSETS");
    CHECK(ren && ui_init(&ui, win, ren, 1280, 800, assets) == 0);
    if (!ren) return check_done();
    app.ui = &ui;
    snprintf(app.db_path, sizeof app.db_path, "%s", path);
    snprintf(app.layouts_dir, sizeof app.layouts_dir, "%s", layouts);
    scr_set_words(&app);
    scr_open(&app);
    CHECK(app.st != NULL);
    if (!app.st) return check_done();
    app.pin_for = PIN_FOR_NONE; /* as the facilitator who gave the PIN */
    app.home_open = 1;
    scr_open_meeting(&app, m);
    int cur = app.m.meeting.current_phase;
    int64_t planned = (int64_t)app.m.phases[cur].def.minutes * 60000;
    CHECK(cur == 1 && planned > 120000);

    /* A minute and a second into the phase. */
    wall = T0 + 61000;
    step();
    CHECK(shown(digits(planned - 61000)));
    CHECK(widget("drieluik.step.next") != NULL); /* the board on the meeting screen: the facilitator's way on */
    /* The clock stands still: so does the timer, however many frames are drawn. */
    for (int i = 0; i < 5; i++) step();
    CHECK(shown(digits(planned - 61000)));
    /* Ten seconds on. */
    ticks += 10000, wall += 10000;
    step();
    CHECK(shown(digits(planned - 71000)));
    /* +1: a tap, finger down in one frame and up in the next, a minute more. */
    CHECK(tap("timer.plus1"));
    /* Any store call waits for the writer; the next frame takes its answer. */
    int step_n = 0, pros = 0;
    store_dl_settings(app.st, m, &step_n, &pros);
    for (int i = 0; i < 3; i++) step();
    CHECK(scr_settled(&app));
    CHECK(shown(digits(planned + 60000 - 71000)));
    CHECK(app.m.phases[cur].extra_ms == 60000);
    CHECK(shown(T("status.saved")));

    /* Another program holds the file: +1 is on the screen at once, but once the
     * writer has had it a while "opgeslagen" no longer stands beside it; when the
     * file is free again the minute is saved and the mark comes back. */
    sqlite3 *holder = NULL;
    CHECK(sqlite3_open(path, &holder) == SQLITE_OK && sqlite3_exec(holder, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK);
    CHECK(tap("timer.plus1"));
    step(); /* the clock above the button was drawn before the tap was taken */
    CHECK(!scr_settled(&app));
    CHECK(shown(digits(planned + 120000 - 71000)));     /* shown at once, while the file is held */
    ticks += CFG_UNSAVED_MS;
    step();
    CHECK(!shown(T("status.saved")));                   /* not beside a change that is not saved */
    sqlite3_exec(holder, "COMMIT", NULL, NULL, NULL);
    sqlite3_close(holder);
    for (int i = 0; i < 1000 && !scr_settled(&app); i++) { /* the writer's answer: real time, bounded */
        SDL_Delay(10);
        step();
    }
    step();
    CHECK(scr_settled(&app) && app.m.phases[cur].extra_ms == 120000);
    CHECK(shown(T("status.saved")));
    scr_close(&app);

    /* The file keeps the minute. */
    core_phase ph[CORE_PHASES_MAX];
    int nph = 0;
    CHECK(store_open(path, &st, msg, sizeof msg) == STORE_OK);
    CHECK(store_phases(st, m, ph, CORE_PHASES_MAX, &nph) == STORE_OK && nph > cur && ph[cur].extra_ms == 120000);

    /* Two post-its on the Drieluik, one still in its writer's tray. */
    core_dl_place on_board = {.col = DL_LEFT, .prompt = DL_PROMPT_NONE, .hung_at = T0 + 1000}, in_tray = {.col = DL_RIGHT,
                                                                                                         .prompt = DL_PROMPT_NONE};
    core_op hung = {.kind = OP_NOTE_ADD, .meeting = m, .board = "drieluik", .place = on_board, .actor = ps[0].id,
                    .text = "Ik ben bang dat ik niet naar huis mag"};
    core_op held = {.kind = OP_NOTE_ADD, .meeting = m, .board = "drieluik", .place = in_tray, .actor = ps[0].id,
                    .text = "Nog niet opgehangen"};
    uint64_t ticket = 0;
    CHECK(store_op_queue(st, &hung, T0 + 1000, NULL, &ticket) == STORE_OK);
    CHECK(store_op_queue(st, &held, T0 + 2000, NULL, &ticket) == STORE_OK);
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 1280, 800, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *pren = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    static ui_ctx pui;
    scr_painter pt = {.ui = &pui, .st = st, .m = calloc(1, sizeof(scr_model)), .looks = calloc(1, sizeof(scr_looks)),
                      .wall_ms = T0};
    CHECK(pren && pt.m && pt.looks && ui_init(&pui, NULL, pren, 1280, 800, assets) == 0);
    CHECK(store_board_load(layouts, &pt.layout, msg, sizeof msg) == STORE_OK);
    CHECK(scr_board_picture(&pt, m, "drieluik", 0) == STORE_OK);
    CHECK(shown_in(&pui, hung.text));
    CHECK(!shown_in(&pui, held.text));   /* a tray is its writer's own */
    CHECK(tappable(&pui) == 0);          /* no step buttons, no + on a picture */
    CHECK(scr_board_picture(&pt, m, "vip", 0) == STORE_EHELD); /* Sanne did not share her card */
    CHECK(scr_board_picture(&pt, m, "geen-bord", 0) == STORE_EINVAL);
    CHECK(scr_board_picture(&pt, m + 99, "drieluik", 0) == STORE_ENOTFOUND);
    scr_model_free(pt.m);
    ui_quit(&pui);
    free(pt.m);
    free(pt.looks);
    if (pren) SDL_DestroyRenderer(pren);
    SDL_FreeSurface(surf);
    store_close(st);

    ui_quit(&ui);
    SDL_DestroyRenderer(ren);
    SDL_DestroyWindow(win);
    SDL_Quit();
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    return check_done();
}
