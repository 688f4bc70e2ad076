/* monkey: seeded random input through the normal event loop, for the reliability
 * suite. Most taps land on a widget of the last frame (so the monkey gets
 * somewhere), the rest anywhere; drags, holds, several fingers, keys, and text
 * that includes invalid UTF-8, emoji and 10,000-character pastes. The same seed
 * gives the same events. */
#include "ui.h"

#include <stdlib.h>
#include <string.h>

struct ui_monkey {
    uint64_t state;
    long left, sent;
    int64_t finger;
    int held;          /* a finger kept down over frames (a long press), 0: none */
    int64_t held_id;
    float hx, hy;
    char paste[10001];
};

static uint64_t next(ui_monkey *m)
{
    /* xorshift64*: small, and the same on every machine. */
    m->state ^= m->state >> 12;
    m->state ^= m->state << 25;
    m->state ^= m->state >> 27;
    return m->state * 2685821657736338717ull;
}

static int pick(ui_monkey *m, int n) { return (int)(next(m) % (uint64_t)n); }

ui_monkey *ui_monkey_new(uint64_t seed, long events)
{
    ui_monkey *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    m->state = seed ? seed : 0x9E3779B97F4A7C15ull;
    m->left = events;
    m->finger = 5000;
    return m;
}

void ui_monkey_free(ui_monkey *m) { free(m); }
long ui_monkey_sent(const ui_monkey *m) { return m->sent; }

static void finger(ui_ctx *ctx, Uint32 type, int64_t id, float x, float y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = id;
    e.tfinger.x = x / (float)(ctx->w > 0 ? ctx->w : 1);
    e.tfinger.y = y / (float)(ctx->h > 0 ? ctx->h : 1);
    e.tfinger.timestamp = SDL_GetTicks();
    SDL_PushEvent(&e);
}

/* A point to touch: inside a widget of the last frame, or anywhere. */
static void target(ui_monkey *m, const ui_ctx *ctx, float *x, float *y)
{
    if (ctx->nprev > 0 && pick(m, 10) < 8) {
        const ui_widget *w = &ctx->prev[pick(m, ctx->nprev)];
        if (w->kind != UI_W_BLOCK && w->r.w > 0 && w->r.h > 0) {
            *x = (float)(w->r.x + pick(m, w->r.w));
            *y = (float)(w->r.y + pick(m, w->r.h));
            return;
        }
    }
    *x = (float)pick(m, ctx->w > 1 ? ctx->w : 1);
    *y = (float)pick(m, ctx->h > 1 ? ctx->h : 1);
}

static void text(ui_monkey *m)
{
    static const char *const pieces[] = {
        "a", "Opa Henk", " ", "\xC3\xA9", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", "\xF0\x9F\x87\xB3\xF0\x9F\x87\xB1",
        "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", "\xFF", "\xC3", "\xE2\x82", "\xED\xA0\x80", "\n", "\"", "%s%n", "\x01"};
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTINPUT;
    if (pick(m, 200) == 0) { /* a 10,000-character paste, in SDL's 31-byte events */
        for (int i = 0; i < 10000; i++) m->paste[i] = (char)('a' + pick(m, 26));
        for (int i = 0; i < 10000; i += 31) {
            memset(e.text.text, 0, sizeof e.text.text);
            memcpy(e.text.text, m->paste + i, 10000 - i < 31 ? (size_t)(10000 - i) : 31);
            SDL_PushEvent(&e);
        }
        return;
    }
    const char *p = pieces[pick(m, (int)(sizeof pieces / sizeof pieces[0]))];
    SDL_strlcpy(e.text.text, p, sizeof e.text.text);
    SDL_PushEvent(&e);
}

static void key(ui_monkey *m)
{
    static const SDL_Keycode keys[] = {SDLK_BACKSPACE, SDLK_RETURN, SDLK_ESCAPE, SDLK_TAB, SDLK_LEFT, SDLK_RIGHT,
                                       SDLK_z, SDLK_DELETE, SDLK_KP_ENTER};
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = keys[pick(m, (int)(sizeof keys / sizeof keys[0]))];
    if (e.key.keysym.sym == SDLK_z) e.key.keysym.mod = KMOD_LCTRL;
    SDL_PushEvent(&e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    SDL_PushEvent(&e);
}

int ui_monkey_step(ui_monkey *m, ui_ctx *ctx)
{
    if (m->left <= 0) {
        if (m->held) finger(ctx, SDL_FINGERUP, m->held_id, m->hx, m->hy);
        m->held = 0;
        return 0;
    }
    if (m->held && --m->held == 0) finger(ctx, SDL_FINGERUP, m->held_id, m->hx, m->hy);
    int batch = 1 + pick(m, 3);
    for (int b = 0; b < batch && m->left > 0; b++, m->left--, m->sent++) {
        float x, y, x2, y2;
        int what = pick(m, 100);
        if (what < 55) { /* a tap */
            target(m, ctx, &x, &y);
            int64_t f = ++m->finger;
            finger(ctx, SDL_FINGERDOWN, f, x, y);
            finger(ctx, SDL_FINGERUP, f, x, y);
        } else if (what < 70) { /* a drag, sometimes two fingers at once */
            int fingers = pick(m, 4) == 0 ? 2 : 1;
            for (int k = 0; k < fingers; k++) {
                target(m, ctx, &x, &y);
                target(m, ctx, &x2, &y2);
                int64_t f = ++m->finger;
                finger(ctx, SDL_FINGERDOWN, f, x, y);
                for (int s = 1; s <= 6; s++) finger(ctx, SDL_FINGERMOTION, f, x + (x2 - x) * s / 6, y + (y2 - y) * s / 6);
                finger(ctx, SDL_FINGERUP, f, x2, y2);
            }
        } else if (what < 75 && !m->held) { /* a hold over many frames: a long press */
            target(m, ctx, &m->hx, &m->hy);
            m->held_id = ++m->finger;
            m->held = 40 + pick(m, 80);
            finger(ctx, SDL_FINGERDOWN, m->held_id, m->hx, m->hy);
        } else if (what < 90) {
            text(m);
        } else {
            key(m);
        }
    }
    return 1;
}
