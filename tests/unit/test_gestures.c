/* Gestures under a fake clock, without a window: a tap is a click once, a drag is
 * never a tap, a long press is not a click, two fingers work at once, a modal
 * blocks what is under it, and SDL's synthetic mouse-from-touch is ignored. */
#include "check.h"
#include "ui.h"

static ui_ctx ui;
static const SDL_Rect A = {100, 100, 200, 100}, B = {500, 100, 200, 100};
static int clicks_a, clicks_b, longs_a, drags_a, drags_b, blocked;

static void frame(void)
{
    ui_begin(&ui, "test");
    clicks_a += ui_button(&ui, "a", A, "A", UI_PRIMARY);
    clicks_b += ui_button(&ui, "b", B, "B", UI_PRIMARY);
    longs_a += ui_area(&ui, "a.hold", ui_rect(A.x, A.y + 300, A.w, A.h), "hold", UI_G_LONG);
    drags_a += ui_take(&ui, "a.hold", UI_G_DRAG_END);
    drags_b += ui_area(&ui, "b.drag", ui_rect(B.x, B.y + 300, B.w, B.h), "drag", UI_G_DRAG_END);
    if (blocked) ui_block(&ui, "modal");
    ui_end(&ui);
}

static void finger(Uint32 type, int id, float x, float y, uint32_t t)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.tfinger.fingerId = id;
    e.tfinger.x = x / ui.w;
    e.tfinger.y = y / ui.h;
    e.tfinger.timestamp = t;
    ui_feed(&ui, &e);
}

static void reset(void) { clicks_a = clicks_b = longs_a = drags_a = drags_b = 0; }

int main(void)
{
    if (SDL_Init(SDL_INIT_EVENTS) != 0 || ui_init(&ui, NULL, NULL, 1920, 1080, NULL) != 0) {
        fprintf(stderr, "ui_init: %s\n", ui.error);
        return 1;
    }
    frame();
    float mm = ui.ppmm;

    /* A tap: down and up on the same button is one click, reported once. */
    finger(SDL_FINGERDOWN, 1, 150, 150, 0);
    frame();
    CHECK(ui_pressed(&ui, "a"));
    CHECK(ui.prev[0].state & UI_ST_PRESSED); /* pressed shows in the very next frame */
    finger(SDL_FINGERUP, 1, 152, 151, 80);
    frame();
    frame();
    CHECK(clicks_a == 1 && clicks_b == 0);
    reset();

    /* Down on A, up on B: nothing. */
    finger(SDL_FINGERDOWN, 2, 150, 150, 100);
    frame();
    finger(SDL_FINGERMOTION, 2, 550, 150, 120);
    finger(SDL_FINGERUP, 2, 550, 150, 140);
    frame();
    CHECK(clicks_a == 0 && clicks_b == 0);

    /* A wobble under the drag threshold is still a tap. */
    finger(SDL_FINGERDOWN, 3, 150, 150, 200);
    frame();
    finger(SDL_FINGERMOTION, 3, 150 + 2.0f * mm, 150, 220);
    finger(SDL_FINGERUP, 3, 150 + 2.0f * mm, 150, 240);
    frame();
    CHECK(clicks_a == 1);
    reset();

    /* Past 3 mm it is a drag: no click, and the drag target gets its end. */
    finger(SDL_FINGERDOWN, 4, 550, 450, 300);
    frame();
    finger(SDL_FINGERMOTION, 4, 550 + 4.0f * mm, 450, 320);
    finger(SDL_FINGERUP, 4, 550 + 20.0f * mm, 460, 340);
    frame();
    CHECK(drags_b == 1 && clicks_b == 0);
    reset();

    /* A long press fires at 500 ms while still down, and the release is no click. */
    finger(SDL_FINGERDOWN, 5, 150, 450, 1000);
    ui_tick(&ui, 1000);
    frame();
    CHECK(ui_wake_in(&ui) > 0 && ui_wake_in(&ui) <= 16); /* the ring around the finger fills up */
    ui_tick(&ui, 1499);
    frame();
    CHECK(longs_a == 0);
    ui_tick(&ui, 1500);
    frame();
    CHECK(longs_a == 1);
    finger(SDL_FINGERUP, 5, 150, 450, 1700);
    frame();
    CHECK(longs_a == 1 && clicks_a == 0);
    reset();

    /* Durations come from the events' own times, not from when a frame saw them: a
     * finger up 600 ms after its down is a long press even when no tick ran in
     * between (a slow frame), and one up after 300 ms is a tap however late the
     * tick that follows comes. */
    finger(SDL_FINGERDOWN, 14, 150, 450, 1800);
    finger(SDL_FINGERUP, 14, 150, 450, 2400);
    frame();
    CHECK(longs_a == 1 && clicks_a == 0);
    reset();
    finger(SDL_FINGERDOWN, 15, 150, 150, 2500);
    finger(SDL_FINGERUP, 15, 150, 150, 2800);
    ui_tick(&ui, 9000);
    frame();
    CHECK(clicks_a == 1 && longs_a == 0);
    reset();

    /* Two fingers at once on two buttons: both are clicked. */
    finger(SDL_FINGERDOWN, 6, 150, 150, 2000);
    finger(SDL_FINGERDOWN, 7, 550, 150, 2001);
    frame();
    CHECK(ui_pressed(&ui, "a") && ui_pressed(&ui, "b"));
    finger(SDL_FINGERUP, 7, 550, 150, 2050);
    finger(SDL_FINGERUP, 6, 150, 150, 2060);
    frame();
    CHECK(clicks_a == 1 && clicks_b == 1);
    reset();

    /* Two fingers dragging two things at once. */
    finger(SDL_FINGERDOWN, 8, 550, 450, 3000);
    finger(SDL_FINGERDOWN, 9, 150, 150, 3000);
    frame();
    finger(SDL_FINGERMOTION, 8, 550 + 10 * mm, 450, 3020);
    finger(SDL_FINGERMOTION, 9, 150 + 10 * mm, 150, 3020);
    finger(SDL_FINGERUP, 8, 550 + 10 * mm, 450, 3040);
    finger(SDL_FINGERUP, 9, 150 + 10 * mm, 150, 3040);
    frame();
    CHECK(drags_b == 1 && clicks_a == 0);
    reset();

    /* Each finger drags its own widget by its own amount (the Drieluik's notes), and
     * both are let go in the same frame. */
    finger(SDL_FINGERDOWN, 11, 150, 450, 3500);
    finger(SDL_FINGERDOWN, 12, 550, 450, 3500);
    frame();
    finger(SDL_FINGERMOTION, 11, 150 + 20 * mm, 450 + 5 * mm, 3520);
    finger(SDL_FINGERMOTION, 12, 550 - 8 * mm, 450, 3520);
    ui_tick(&ui, 3520);
    float dx = 0, dy = 0, ex = 0, ey = 0;
    CHECK(ui_dragging(&ui, "a.hold", &dx, &dy) && dx > 19 * mm && dx < 21 * mm && dy > 4 * mm && dy < 6 * mm);
    CHECK(ui_dragging(&ui, "b.drag", &ex, &ey) && ex < -7 * mm && ex > -9 * mm && ey == 0);
    CHECK(!ui_dragging(&ui, "a", &dx, &dy));
    frame();
    finger(SDL_FINGERUP, 11, 150 + 20 * mm, 450 + 5 * mm, 3540);
    finger(SDL_FINGERUP, 12, 550 - 8 * mm, 450, 3540);
    frame();
    CHECK(drags_a == 1 && drags_b == 1 && longs_a == 0 && clicks_a == 0);
    CHECK(!ui_dragging(&ui, "a.hold", &dx, &dy));
    reset();

    /* SDL's mouse-from-touch echo is ignored: one touch, one click. */
    finger(SDL_FINGERDOWN, 10, 150, 150, 4000);
    SDL_Event m;
    memset(&m, 0, sizeof m);
    m.type = SDL_MOUSEBUTTONDOWN;
    m.button.which = SDL_TOUCH_MOUSEID;
    m.button.button = SDL_BUTTON_LEFT;
    m.button.x = 150;
    m.button.y = 150;
    ui_feed(&ui, &m);
    frame();
    finger(SDL_FINGERUP, 10, 150, 150, 4050);
    m.type = SDL_MOUSEBUTTONUP;
    ui_feed(&ui, &m);
    frame();
    CHECK(clicks_a == 1);
    reset();

    /* The real mouse works for development. */
    m.button.which = 0;
    m.type = SDL_MOUSEBUTTONDOWN;
    ui_feed(&ui, &m);
    frame();
    m.type = SDL_MOUSEBUTTONUP;
    ui_feed(&ui, &m);
    frame();
    CHECK(clicks_a == 1);
    reset();

    /* The script player stamps its events with the script's times: a tap's up 16 ms
     * after its down and a hold's after its milliseconds, however long the frames in
     * between took; and while a scripted finger is down the kit's clock waits for its
     * next event. */
    {
        char err[128];
        const char *text = "tap 150 150\nhold 150 150 300\n";
        ui_script *sc = ui_script_parse(text, strlen(text), err, sizeof err);
        CHECK(sc != NULL);
        uint32_t t = 20000, stamps[4];
        Uint32 types[4];
        int got = 0;
        for (int guard = 0; sc && got < 4 && guard < 200; guard++) {
            t += 400; /* every frame 400 ms slow */
            CHECK(ui_script_clock(sc, t) <= t);
            ui_script_step(sc, &ui, t);
            SDL_Event ev;
            while (got < 4 && SDL_PeepEvents(&ev, 1, SDL_GETEVENT, SDL_FINGERDOWN, SDL_FINGERMOTION) == 1) {
                types[got] = ev.type;
                stamps[got++] = ev.tfinger.timestamp;
                ui_feed(&ui, &ev);
            }
            ui_tick(&ui, ui_script_clock(sc, t));
            frame();
        }
        CHECK(got == 4 && types[0] == SDL_FINGERDOWN && types[1] == SDL_FINGERUP && types[3] == SDL_FINGERUP);
        CHECK(got == 4 && stamps[1] - stamps[0] == 16 && stamps[3] - stamps[2] == 300);
        CHECK(clicks_a == 2 && longs_a == 0);
        ui_script_free(sc);
        reset();
    }

    /* Ten finger-ups lost (SDL or the screen dropped them): touch is not frozen. A
     * finger silent for CFG_POINTER_LOST_MS is taken as lifted, without a gesture. */
    for (int f = 0; f < CFG_MAX_POINTERS; f++) finger(SDL_FINGERDOWN, 100 + f, 900, 900, 30000);
    frame();
    finger(SDL_FINGERDOWN, 120, 150, 150, 30100); /* no room for an eleventh */
    finger(SDL_FINGERUP, 120, 150, 150, 30150);
    frame();
    frame();
    CHECK(clicks_a == 0);
    ui_tick(&ui, 30000 + CFG_POINTER_LOST_MS);
    frame();
    frame();
    CHECK(clicks_a == 0 && longs_a == 0 && drags_a == 0 && drags_b == 0);
    finger(SDL_FINGERDOWN, 121, 150, 150, 30000 + CFG_POINTER_LOST_MS + 100);
    frame();
    finger(SDL_FINGERUP, 121, 150, 150, 30000 + CFG_POINTER_LOST_MS + 150);
    frame();
    frame();
    CHECK(clicks_a == 1);
    reset();

    /* The window loses focus (another display, the screen blanked) with a finger on
     * a button and one dragging: both end without a click or a drop. */
    uint32_t t = 30000 + CFG_POINTER_LOST_MS + 1000;
    finger(SDL_FINGERDOWN, 130, 150, 150, t);
    finger(SDL_FINGERDOWN, 131, 550, 450, t);
    frame();
    finger(SDL_FINGERMOTION, 131, 550 + 10 * mm, 450, t + 20);
    frame();
    SDL_Event w;
    memset(&w, 0, sizeof w);
    w.type = SDL_WINDOWEVENT;
    w.window.event = SDL_WINDOWEVENT_FOCUS_LOST;
    ui_feed(&ui, &w);
    frame();
    finger(SDL_FINGERUP, 130, 150, 150, t + 60);
    finger(SDL_FINGERUP, 131, 550 + 10 * mm, 450, t + 60);
    frame();
    frame();
    CHECK(clicks_a == 0 && drags_b == 0);
    finger(SDL_FINGERDOWN, 132, 150, 150, t + 100);
    frame();
    finger(SDL_FINGERUP, 132, 150, 150, t + 150);
    frame();
    CHECK(clicks_a == 1);
    reset();

    /* A modal blocks the widgets under it. */
    blocked = 1;
    frame();
    finger(SDL_FINGERDOWN, 11, 150, 150, 5000);
    frame();
    finger(SDL_FINGERUP, 11, 150, 150, 5050);
    frame();
    CHECK(clicks_a == 0);

    /* A field low on the screen: when it takes focus, the view moves up so the
     * on-screen keyboard never covers it. */
    blocked = 0;
    static char low[64] = "";
    SDL_Rect field = {100, 1000, 600, 60};
    for (int f = 0; f < 3; f++) {
        ui_begin(&ui, "low");
        ui_field(&ui, "low.field", field, low, sizeof low, 40, "");
        ui_end(&ui);
        if (f == 0) {
            finger(SDL_FINGERDOWN, 12, 200, 1030, 6000);
            finger(SDL_FINGERUP, 12, 200, 1030, 6050);
        }
    }
    CHECK(ui_osk_shown(&ui));
    const ui_widget *shown = NULL;
    for (int i = 0; i < ui.nprev; i++)
        if (!strcmp(ui.prev[i].id, "low.field")) shown = &ui.prev[i];
    CHECK(shown && shown->r.y + shown->r.h <= ui_osk_top(&ui));
    CHECK(ui.oy > 0);
    /* Klaar: the keyboard goes and the screen comes back down. */
    for (int i = 0; i < ui.nprev; i++)
        if (!strcmp(ui.prev[i].id, "osk.done")) {
            float x = ui.prev[i].r.x + 5.0f, y = ui.prev[i].r.y + 5.0f;
            finger(SDL_FINGERDOWN, 13, x, y, 7000);
            finger(SDL_FINGERUP, 13, x, y, 7050);
        }
    for (int f = 0; f < 2; f++) {
        ui_begin(&ui, "low");
        ui_field(&ui, "low.field", field, low, sizeof low, 40, "");
        ui_end(&ui);
    }
    CHECK(!ui_osk_shown(&ui) && ui.oy == 0);
    ui_quit(&ui);

    /* The text cache: a string is rasterised once, and the cache stays bounded. */
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 800, 600, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *ren = SDL_CreateSoftwareRenderer(surf);
    CHECK(ren && ui_init(&ui, NULL, ren, 800, 600, NULL) == 0);
    ui_begin(&ui, "cache");
    ui_text(&ui, "Opa Henk komt op zondag", 10, 10, CFG_BODY_MM, UI_INK, UI_LEFT, 0);
    int misses = ui.cache_misses;
    for (int i = 0; i < 100; i++) ui_text(&ui, "Opa Henk komt op zondag", 10, 10, CFG_BODY_MM, UI_INK, UI_LEFT, 0);
    CHECK(ui.cache_misses == misses);
    ui_end(&ui);
    /* Text is really drawn: ink pixels appear on the paper once the frame is drawn. */
    Uint32 *px = surf->pixels;
    int ink = 0;
    for (int i = 0; i < 800 * 40; i++) ink += (px[i] & 0xFF) > 0;
    CHECK(ink > 50);
    /* More strings in one frame than the cache holds: the ones it lets go of are
     * still drawn (kept until the frame is), and the frame says what it shows. */
    ui_begin(&ui, "cache");
    for (int i = 0; i < 3 * CFG_TEXT_CACHE; i++) {
        char s[32];
        snprintf(s, sizeof s, "note %d", i);
        ui_text(&ui, s, 10, 100, CFG_BODY_MM, UI_INK, UI_LEFT, 0);
    }
    int live = 0;
    for (int i = 0; i < CFG_TEXT_CACHE; i++) live += ui.cache[i].tex != NULL;
    CHECK(live <= CFG_TEXT_CACHE && ui.cache_misses == misses + 3 * CFG_TEXT_CACHE);
    ui_end(&ui);

    /* An input method: the word being composed shows at the caret, is not yet in
     * the text, and lands whole when committed. The on-screen keyboard keeps out. */
    static char word[64] = "kat";
    SDL_Rect fr = {10, 300, 500, 60};
    ui_begin(&ui, "ime");
    ui_field(&ui, "ime.field", fr, word, sizeof word, 80, "");
    ui_end(&ui);
    finger(SDL_FINGERDOWN, 20, 400, 330, 9000);
    finger(SDL_FINGERUP, 20, 400, 330, 9050);
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_TEXTEDITING;
    strcpy(ev.edit.text, "\xE3\x81\x8B"); /* a kana being composed */
    for (int f = 0; f < 2; f++) {
        ui_begin(&ui, "ime");
        ui_field(&ui, "ime.field", fr, word, sizeof word, 80, "");
        ui_end(&ui);
        if (f == 0) ui_feed(&ui, &ev);
    }
    CHECK(!strcmp(ui.focus, "ime.field") && !strcmp(ui.edit.compose, "\xE3\x81\x8B"));
    CHECK(!strcmp(word, "kat"));
    CHECK(!ui_osk_shown(&ui));
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_TEXTINPUT;
    strcpy(ev.text.text, "\xE3\x81\x8B");
    ui_feed(&ui, &ev);
    ui_begin(&ui, "ime");
    ui_field(&ui, "ime.field", fr, word, sizeof word, 80, "");
    ui_end(&ui);
    CHECK(!strcmp(word, "kat\xE3\x81\x8B") && ui.edit.compose[0] == 0);
    ui_quit(&ui);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
    SDL_Quit();
    return check_done();
}
