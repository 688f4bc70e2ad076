/* ui: context, gestures, drawing and widgets. Text is in text.c. */
#include "ui.h"
#include "ui_int.h"

#include <SDL_image.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

void ui_hints(void)
{
    /* A touch must be handled once: SDL would otherwise echo each touch as a mouse
     * click (and each click as a touch), a known source of double taps. */
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    /* With it on, SDL loads a software OpenGL: 130 MB instead of 25. */
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    /* SIGTERM (a shutdown) is main's: it keeps the words being written and ends.
     * SDL would turn it into a quit request, which the kiosk answers with the PIN. */
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "1");
}

/* What one millimetre is here (density.c): the size set, the display's, else the
 * width of a 24" screen assumed. */
static float screen_ppmm(ui_ctx *ctx, int w, int h)
{
    if (ctx->ppmm_set > 0) return ctx->ppmm_set; /* ppmm_from: as ui_set_ppmm was told */
    float d = ui_display_ppmm(ctx->win);
    if (d > 0) {
        ctx->ppmm_from = UI_PPMM_DISPLAY;
        return d;
    }
    ctx->ppmm_from = UI_PPMM_ASSUMED;
    int wide = w > h ? w : h;
    float ppmm = (float)wide / CFG_FALLBACK_SCREEN_MM;
    return ppmm < 1.5f ? 1.5f : ppmm;
}

void ui_set_ppmm(ui_ctx *ctx, float ppmm, int from)
{
    ctx->ppmm_set = ppmm > 0 ? ppmm : 0;
    ctx->ppmm = screen_ppmm(ctx, ctx->w, ctx->h);
    if (ctx->ppmm_set > 0) ctx->ppmm_from = from;
    ctx->dirty = 1;
    ui_rc_invalidate(ctx);
}

int ui_init(ui_ctx *ctx, SDL_Window *win, SDL_Renderer *ren, int w, int h, const char *assets)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->cur = ctx->wbuf[0];
    ctx->prev = ctx->wbuf[1];
    ctx->texts = ctx->tbuf[0];
    ctx->prev_texts = ctx->tbuf[1];
    ctx->win = win;
    ctx->ren = ren;
    ctx->scale = 1.0f;
    ctx->dirty = 1;
    ui_resize(ctx, w, h);
    if (ui_rc_init(ctx) != 0) snprintf(ctx->error, sizeof ctx->error, "out of memory: every frame is drawn whole");
    return ui_fonts_open(ctx, assets);
}

void ui_quit(ui_ctx *ctx)
{
    ui_rc_quit(ctx);
    if (ctx->layer) SDL_DestroyTexture(ctx->layer);
    ctx->layer = NULL;
    for (int i = 0; i < CFG_DISC_CACHE; i++) {
        if (ctx->disc[i]) SDL_DestroyTexture(ctx->disc[i]);
        ctx->disc[i] = NULL;
    }
    if (ctx->win) ui_sound_quit(); /* the chime is the screen's; an offscreen context never opened it */
    ui_fonts_close(ctx);
}

void ui_resize(ui_ctx *ctx, int w, int h)
{
    ctx->w = w;
    ctx->h = h;
    ctx->ppmm = screen_ppmm(ctx, w, h);
    ctx->dirty = 1;
    ui_rc_invalidate(ctx); /* the window's pixels are new */
}

int ui_mm(const ui_ctx *ctx, float mm) { return (int)lroundf(mm * ctx->ppmm * ctx->scale); }
SDL_Rect ui_rect(int x, int y, int w, int h) { return (SDL_Rect){x, y, w, h}; }
int ui_inside(SDL_Rect r, float x, float y) { return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h; }

/* --- gestures ------------------------------------------------------------------ */

/* Topmost widget of the last frame under (x, y); a block stops the search. */
static const ui_widget *hit(const ui_ctx *ctx, float x, float y)
{
    for (int i = ctx->nprev - 1; i >= 0; i--) {
        const ui_widget *w = &ctx->prev[i];
        if (w->kind == UI_W_TEXT || !ui_inside(w->r, x, y)) continue;
        if (w->state & UI_ST_DISABLED) return NULL;
        return w;
    }
    return NULL;
}

static void push_gesture(ui_ctx *ctx, const char *id, ui_gesture_kind kind, float x, float y)
{
    if (!id[0] || ctx->nq >= (int)SDL_arraysize(ctx->q)) return;
    ui_gesture *g = &ctx->q[ctx->nq++];
    SDL_strlcpy(g->id, id, sizeof g->id);
    g->kind = kind;
    g->x = x;
    g->y = y;
}

static ui_pointer *pointer(ui_ctx *ctx, int64_t finger, int make)
{
    for (int i = 0; i < CFG_MAX_POINTERS; i++)
        if (ctx->ptr[i].used && !ctx->ptr[i].lifted && ctx->ptr[i].finger == finger) return &ctx->ptr[i];
    if (!make) return NULL;
    for (int i = 0; i < CFG_MAX_POINTERS; i++)
        if (!ctx->ptr[i].used) {
            memset(&ctx->ptr[i], 0, sizeof ctx->ptr[i]);
            ctx->ptr[i].used = 1;
            ctx->ptr[i].finger = finger;
            return &ctx->ptr[i];
        }
    return NULL; /* an eleventh finger is ignored */
}

static void trail(ui_pointer *p, float x, float y)
{
    if (p->ntrail == (int)SDL_arraysize(p->tx)) p->ntrail--; /* full until the next frame: keep the newest */
    p->tx[p->ntrail] = x;
    p->ty[p->ntrail++] = y;
}

static void pointer_down(ui_ctx *ctx, int64_t finger, float x, float y, uint32_t t)
{
    ui_pointer *p = pointer(ctx, finger, 1);
    if (!p) return;
    trail(p, x, y);
    const ui_widget *w = hit(ctx, x, y);
    p->x = p->x0 = x;
    p->y = p->y0 = y;
    p->t0 = p->last = t;
    SDL_strlcpy(p->id, w ? w->id : "", sizeof p->id);
    /* Tapping outside the field (and off the keyboard) ends typing there. */
    if (ctx->focus[0] && (!w || (strcmp(w->id, ctx->focus) != 0 && strncmp(w->id, "osk", 3) != 0 &&
                                 !(w->state & UI_ST_KEEP_FOCUS))))
        ui_focus(ctx, "");
    ctx->dirty = 1;
}

static void pointer_move(ui_ctx *ctx, int64_t finger, float x, float y, uint32_t t)
{
    ui_pointer *p = pointer(ctx, finger, 0);
    if (!p) return;
    p->last = t;
    p->x = x;
    p->y = y;
    trail(p, x, y);
    float dx = x - p->x0, dy = y - p->y0;
    float limit = CFG_DRAG_START_MM * ctx->ppmm;
    if (!p->dragging && !p->long_fired && dx * dx + dy * dy > limit * limit) p->dragging = 1;
    if (p->dragging) ctx->dirty = 1;
}

static void pointer_up(ui_ctx *ctx, int64_t finger, float x, float y, uint32_t t)
{
    ui_pointer *p = pointer(ctx, finger, 0);
    if (!p) return;
    p->x = x;
    p->y = y;
    if (p->dragging) push_gesture(ctx, p->id, UI_G_DRAG_END, x, y);
    else if (!p->long_fired && p->id[0] && (int32_t)(t - p->t0) >= (int32_t)CFG_LONG_PRESS_MS) {
        /* Held that long by the events' own times: a long press, even when a slow
         * frame kept ui_tick from seeing it while the finger was down. */
        p->long_fired = 1;
        push_gesture(ctx, p->id, UI_G_LONG, x, y);
    } else if (!p->long_fired) {
        /* A click only if the finger lifts on the widget it went down on. */
        for (int i = 0; i < ctx->nprev; i++)
            if (!strcmp(ctx->prev[i].id, p->id) && ui_inside(ctx->prev[i].r, x, y)) {
                push_gesture(ctx, p->id, UI_G_CLICK, x, y);
                break;
            }
    }
    trail(p, x, y);
    p->lifted = 1; /* freed at the end of the next frame */
    ctx->dirty = 1;
}

/* Every finger ends without a tap, a hold or a drop: the window lost the touch
 * screen (focus, hidden, another display) or a finger was lost. A dragged note goes
 * back to where it was. */
static void cancel(ui_pointer *p)
{
    p->lifted = 1;
    p->dragging = 0;
    p->long_fired = 1;
}

void ui_cancel_touches(ui_ctx *ctx)
{
    for (int i = 0; i < CFG_MAX_POINTERS; i++)
        if (ctx->ptr[i].used && !ctx->ptr[i].lifted) cancel(&ctx->ptr[i]);
    ctx->dirty = 1;
}

void ui_type(ui_ctx *ctx, const char *s)
{
    size_t n = strlen(s);
    if (ctx->ntyped + n >= sizeof ctx->typed) return;
    memcpy(ctx->typed + ctx->ntyped, s, n);
    ctx->ntyped += (int)n;
    ctx->typed[ctx->ntyped] = 0;
}

void ui_feed(ui_ctx *ctx, const SDL_Event *e)
{
    if (e->type != SDL_FINGERMOTION && e->type != SDL_MOUSEMOTION) ctx->input_gen++;
    switch (e->type) {
    case SDL_FINGERDOWN:
        pointer_down(ctx, (int64_t)e->tfinger.fingerId, e->tfinger.x * ctx->w, e->tfinger.y * ctx->h, e->tfinger.timestamp);
        break;
    case SDL_FINGERMOTION:
        pointer_move(ctx, (int64_t)e->tfinger.fingerId, e->tfinger.x * ctx->w, e->tfinger.y * ctx->h, e->tfinger.timestamp);
        break;
    case SDL_FINGERUP:
        pointer_up(ctx, (int64_t)e->tfinger.fingerId, e->tfinger.x * ctx->w, e->tfinger.y * ctx->h, e->tfinger.timestamp);
        break;
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.which != SDL_TOUCH_MOUSEID && e->button.button == SDL_BUTTON_LEFT)
            pointer_down(ctx, -1, (float)e->button.x, (float)e->button.y, e->button.timestamp);
        break;
    case SDL_MOUSEMOTION:
        if (e->motion.which != SDL_TOUCH_MOUSEID) pointer_move(ctx, -1, (float)e->motion.x, (float)e->motion.y, e->motion.timestamp);
        break;
    case SDL_MOUSEBUTTONUP:
        if (e->button.which != SDL_TOUCH_MOUSEID && e->button.button == SDL_BUTTON_LEFT)
            pointer_up(ctx, -1, (float)e->button.x, (float)e->button.y, e->button.timestamp);
        break;
    case SDL_TEXTINPUT:
        /* Text from a real keyboard: the on-screen one keeps out of the way. */
        if (ctx->focus[0]) ui_type(ctx, e->text.text);
        ctx->osk_away = 1;
        ctx->edit.compose[0] = 0;
        ctx->dirty = 1;
        break;
    case SDL_TEXTEDITING:
        SDL_strlcpy(ctx->edit.compose, e->edit.text, sizeof ctx->edit.compose);
        ctx->osk_away = 1;
        ctx->dirty = 1;
        break;
    case SDL_KEYDOWN:
        if (e->key.keysym.sym == SDLK_BACKSPACE && ctx->focus[0]) ctx->backspaces++;
        else if (e->key.keysym.sym == SDLK_z && (e->key.keysym.mod & KMOD_CTRL) && ctx->focus[0]) ctx->edit.undo_req = 1;
        else if (ctx->nkeys < (int)SDL_arraysize(ctx->keys)) ctx->keys[ctx->nkeys++] = e->key.keysym.sym;
        if (ctx->focus[0] && e->key.keysym.sym != SDLK_ESCAPE) ctx->osk_away = 1;
        ctx->dirty = 1;
        break;
    case SDL_DISPLAYEVENT:
    case SDL_RENDER_DEVICE_RESET:
    case SDL_APP_WILLENTERBACKGROUND:
        ui_cancel_touches(ctx);
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_FOCUS_LOST || e->window.event == SDL_WINDOWEVENT_HIDDEN ||
            e->window.event == SDL_WINDOWEVENT_MINIMIZED || e->window.event == SDL_WINDOWEVENT_DISPLAY_CHANGED ||
            e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
            ui_cancel_touches(ctx);
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            int w = e->window.data1, h = e->window.data2;
            if (ctx->ren) SDL_GetRendererOutputSize(ctx->ren, &w, &h);
            ui_resize(ctx, w, h);
        }
        ctx->dirty = 1;
        break;
    default:
        break;
    }
}

void ui_tick(ui_ctx *ctx, uint32_t now)
{
    ctx->now = now;
    for (int i = 0; i < CFG_MAX_POINTERS; i++) {
        ui_pointer *p = &ctx->ptr[i];
        if (p->used && !p->lifted && (int32_t)(now - p->last) >= (int32_t)CFG_POINTER_LOST_MS) {
            cancel(p); /* its finger-up was lost */
            ctx->dirty = 1;
            continue;
        }
        if (!p->used || p->lifted || p->dragging || p->long_fired || !p->id[0]) continue;
        if ((int32_t)(now - p->t0) >= (int32_t)CFG_LONG_PRESS_MS) {
            p->long_fired = 1;
            push_gesture(ctx, p->id, UI_G_LONG, p->x, p->y);
            ctx->dirty = 1;
        }
    }
}

static int holding_long(const ui_ctx *ctx, const ui_pointer *p);

int ui_sooner(int a, int b)
{
    if (a < 0) return b;
    if (b < 0) return a;
    return a < b ? a : b;
}

int ui_wake_in(const ui_ctx *ctx)
{
    int best = -1;
    for (int i = 0; i < CFG_MAX_POINTERS; i++) {
        const ui_pointer *p = &ctx->ptr[i];
        if (p->used && !p->lifted && !strcmp(p->id, "osk.key.backspace")) return (int)CFG_REPEAT_MS / 2; /* repeating */
        if (!p->used || p->lifted || p->dragging || p->long_fired || !p->id[0]) continue;
        if (holding_long(ctx, p)) return 16; /* the ring fills up: animate */
        int left = (int)(CFG_LONG_PRESS_MS - (ctx->now - p->t0));
        best = ui_sooner(best, left < 0 ? 0 : left);
    }
    return best;
}

/* Takes the gesture of `kind` for id out of the queue. */
int ui_take(ui_ctx *ctx, const char *id, ui_gesture_kind kind)
{
    float x, y;
    return ui_take_at(ctx, id, kind, &x, &y);
}

int ui_held_ms(const ui_ctx *ctx, const char *id)
{
    for (int i = 0; i < CFG_MAX_POINTERS; i++)
        if (ctx->ptr[i].used && !ctx->ptr[i].lifted && !strcmp(ctx->ptr[i].id, id)) return (int)(ctx->now - ctx->ptr[i].t0);
    return -1;
}

int ui_take_at(ui_ctx *ctx, const char *id, ui_gesture_kind kind, float *x, float *y)
{
    for (int i = 0; i < ctx->nq; i++)
        if (ctx->q[i].kind == kind && !strcmp(ctx->q[i].id, id)) {
            *x = ctx->q[i].x;
            *y = ctx->q[i].y;
            memmove(&ctx->q[i], &ctx->q[i + 1], (size_t)(ctx->nq - i - 1) * sizeof ctx->q[0]);
            ctx->nq--;
            ctx->dirty = 1; /* the screen reacts: draw the result */
            return 1;
        }
    return 0;
}

int ui_dragging_any(const ui_ctx *ctx, const char *prefix, char *ids, size_t cap)
{
    int n = 0;
    size_t used = 0;
    if (cap) ids[0] = 0;
    for (int i = 0; i < CFG_MAX_POINTERS; i++) {
        const ui_pointer *p = &ctx->ptr[i];
        if (!p->used || p->lifted || !p->dragging || strncmp(p->id, prefix, strlen(prefix)) != 0) continue;
        n++;
        if (!cap) continue; /* only how many */
        int k = snprintf(ids + used, cap - used, "%s ", p->id);
        if (k > 0 && (size_t)k < cap - used) used += (size_t)k;
    }
    return n;
}

int ui_dragging(const ui_ctx *ctx, const char *id, float *dx, float *dy)
{
    for (int i = 0; i < CFG_MAX_POINTERS; i++) {
        const ui_pointer *p = &ctx->ptr[i];
        if (p->used && !p->lifted && p->dragging && !strcmp(p->id, id)) {
            *dx = p->x - p->x0;
            *dy = p->y - p->y0;
            return 1;
        }
    }
    return 0;
}

int ui_pressed(const ui_ctx *ctx, const char *id)
{
    for (int i = 0; i < CFG_MAX_POINTERS; i++)
        if (ctx->ptr[i].used && !ctx->ptr[i].lifted && !ctx->ptr[i].dragging && !strcmp(ctx->ptr[i].id, id)) return 1;
    return 0;
}

int ui_key(ui_ctx *ctx, SDL_Keycode key)
{
    for (int i = 0; i < ctx->nkeys; i++)
        if (ctx->keys[i] == key) {
            ctx->keys[i] = SDLK_UNKNOWN;
            return 1;
        }
    return 0;
}

void ui_keep_focus(ui_ctx *ctx)
{
    if (ctx->ncur > 0) ctx->cur[ctx->ncur - 1].state |= UI_ST_KEEP_FOCUS;
}

void ui_label_last(ui_ctx *ctx, const char *label)
{
    if (ctx->ncur > 0) SDL_utf8strlcpy(ctx->cur[ctx->ncur - 1].label, label, sizeof ctx->cur[0].label);
}

void ui_selected(ui_ctx *ctx)
{
    if (ctx->ncur > 0) ctx->cur[ctx->ncur - 1].state |= UI_ST_SELECTED;
}

void ui_long_press(ui_ctx *ctx)
{
    if (ctx->ncur > 0) ctx->cur[ctx->ncur - 1].state |= UI_ST_LONG;
}

/* Is the pointer held on a widget that answers a long-press, and not yet fired? */
static int holding_long(const ui_ctx *ctx, const ui_pointer *p)
{
    if (!p->used || p->lifted || p->dragging || p->long_fired || !p->id[0]) return 0;
    for (int i = ctx->nprev - 1; i >= 0; i--)
        if (!strcmp(ctx->prev[i].id, p->id)) return (ctx->prev[i].state & UI_ST_LONG) != 0;
    return 0;
}

/* STYLE: a long-press shows a ring filling up around the finger. */
static void long_press_rings(ui_ctx *ctx)
{
    int oy = ctx->oy;
    ctx->oy = 0;
    for (int i = 0; i < CFG_MAX_POINTERS; i++) {
        const ui_pointer *p = &ctx->ptr[i];
        if (!holding_long(ctx, p)) continue;
        uint32_t held = ctx->now - p->t0;
        if (held < 80 || held >= CFG_LONG_PRESS_MS) continue;
        float done = (float)held / (float)CFG_LONG_PRESS_MS, r = ui_mm(ctx, CFG_RING_MM), w = ui_mm(ctx, CFG_RING_LINE_MM);
        enum { SEG = 40 };
        int n = (int)(SEG * done);
        for (int k = 0; k < n; k++) {
            float a0 = -(float)M_PI / 2 + 2 * (float)M_PI * k / SEG, a1 = a0 + 2 * (float)M_PI / SEG;
            ui_line(ctx, p->x + cosf(a0) * r, p->y + sinf(a0) * r, p->x + cosf(a1) * r, p->y + sinf(a1) * r, w, UI_ACCENT);
            ui_circle(ctx, (int)(p->x + cosf(a1) * r), (int)(p->y + sinf(a1) * r), (int)(w / 2), UI_ACCENT); /* no gaps */
        }
    }
    ctx->oy = oy;
}

void ui_focus(ui_ctx *ctx, const char *id)
{
    if (!strcmp(ctx->focus, id)) return;
    SDL_strlcpy(ctx->focus, id, sizeof ctx->focus);
    ctx->ntyped = 0;
    ctx->typed[0] = 0;
    ctx->backspaces = 0;
    ctx->edit.nundo = 0;
    ctx->edit.compose[0] = 0;
    ctx->edit.cancel = ctx->edit.undo_req = 0;
    ctx->edit.caret = (size_t)-1; /* the field puts it at the end */
    ctx->edit.seen = 1;           /* focused from code: the field gets a frame to appear */
    ctx->osk_picker[0] = 0;
    ctx->osk_shift = 0;
    ctx->osk_page = 0;
    if (id[0]) SDL_StartTextInput();
    else {
        SDL_StopTextInput();
        ctx->oy = 0;
    }
    ctx->dirty = 1;
}

/* --- frames -------------------------------------------------------------------- */

void ui_begin(ui_ctx *ctx, const char *screen)
{
    ctx->frame++;
    ctx->ncur = 0;
    ctx->ntexts = 0;
    ctx->dirty = 0;
    SDL_strlcpy(ctx->screen, screen, sizeof ctx->screen);
}

/* --- PNG into memory ------------------------------------------------------------ */

typedef struct {
    unsigned char *buf;
    size_t len, cap;
} png_sink;

static size_t SDLCALL sink_write(SDL_RWops *rw, const void *p, size_t size, size_t n)
{
    png_sink *m = rw->hidden.unknown.data1;
    size_t add = size * n;
    if (m->len + add > m->cap) {
        size_t cap = m->cap ? m->cap : 1 << 16;
        while (cap < m->len + add) cap *= 2;
        unsigned char *grown = SDL_realloc(m->buf, cap);
        if (!grown) return 0;
        m->buf = grown;
        m->cap = cap;
    }
    memcpy(m->buf + m->len, p, add);
    m->len += add;
    return n;
}

static Sint64 SDLCALL sink_size(SDL_RWops *rw) { return (Sint64)((png_sink *)rw->hidden.unknown.data1)->len; }

/* Only "where am I" is asked of a stream that is written straight through. */
static Sint64 SDLCALL sink_seek(SDL_RWops *rw, Sint64 off, int whence)
{
    png_sink *m = rw->hidden.unknown.data1;
    if (whence == RW_SEEK_CUR && off == 0) return (Sint64)m->len;
    if (whence == RW_SEEK_END && off == 0) return (Sint64)m->len;
    return SDL_SetError("a PNG in memory is written straight through");
}

static int SDLCALL sink_close(SDL_RWops *rw)
{
    SDL_FreeRW(rw);
    return 0;
}

int ui_png_encode(SDL_Surface *s, unsigned char **out, size_t *len)
{
    png_sink m = {0};
    SDL_RWops *rw = SDL_AllocRW();
    *out = NULL;
    *len = 0;
    if (!rw) return -1;
    rw->type = SDL_RWOPS_UNKNOWN;
    rw->size = sink_size;
    rw->seek = sink_seek;
    rw->write = sink_write;
    rw->close = sink_close;
    rw->hidden.unknown.data1 = &m;
    if (IMG_SavePNG_RW(s, rw, 1) != 0 || !m.len) {
        SDL_free(m.buf);
        return -1;
    }
    *out = m.buf;
    *len = m.len;
    return 0;
}

/* Saved beside and renamed, like a dump, so whoever waits for it sees it whole. */
static void save_shot(ui_ctx *ctx)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, ctx->w, ctx->h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) return;
    char part[sizeof ctx->shot_path + 8];
    snprintf(part, sizeof part, "%s.part", ctx->shot_path);
    if (SDL_RenderReadPixels(ctx->ren, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch) != 0 ||
        IMG_SavePNG(s, part) != 0 || rename(part, ctx->shot_path) != 0) {
        remove(part);
        snprintf(ctx->error, sizeof ctx->error, "screenshot %s: %s", ctx->shot_path, SDL_GetError());
        fprintf(stderr, "schouders: %s\n", ctx->error);
    }
    SDL_FreeSurface(s);
}

void ui_end(ui_ctx *ctx)
{
    if (ctx->focus[0] && !ctx->edit.seen) ui_focus(ctx, ""); /* the field went away */
    ctx->edit.seen = 0;
    /* Typing the field did not take is gone; the keyboard's taps are for the next frame. */
    ctx->ntyped = 0;
    ctx->typed[0] = 0;
    ctx->backspaces = 0;
    ui_osk(ctx);
    long_press_rings(ctx);
    /* Gestures for widgets that did not appear this frame are stale. */
    ctx->nq = 0;
    ctx->nkeys = 0;
    for (int i = 0; i < CFG_MAX_POINTERS; i++) {
        ctx->ptr[i].ntrail = 0;
        if (ctx->ptr[i].lifted) ctx->ptr[i].used = ctx->ptr[i].lifted = 0;
    }
    ui_widget *w = ctx->prev, *t = ctx->prev_texts;
    ctx->prev = ctx->cur;
    ctx->nprev = ctx->ncur;
    ctx->cur = w;
    ctx->prev_texts = ctx->texts;
    ctx->nprev_texts = ctx->ntexts;
    ctx->texts = t;
    ctx->ncur = ctx->ntexts = 0;
    SDL_strlcpy(ctx->prev_screen, ctx->screen, sizeof ctx->prev_screen);
    if (!ctx->ren) return;
    ui_rc_draw(ctx);
    if (ctx->shot_path[0]) {
        save_shot(ctx);
        ctx->shot_path[0] = 0;
    }
    SDL_RenderPresent(ctx->ren);
}

ui_widget *ui_add_widget(ui_ctx *ctx, const char *id, SDL_Rect r, const char *label, ui_kind kind)
{
    if (ctx->ncur >= CFG_MAX_WIDGETS) return NULL;
    ui_widget *w = &ctx->cur[ctx->ncur++];
    r.y -= ctx->oy; /* where it is on screen, for hit tests and scripts */
    SDL_strlcpy(w->id, id, sizeof w->id);
    SDL_utf8strlcpy(w->label, label ? label : "", sizeof w->label);
    w->r = r;
    w->kind = (uint8_t)kind;
    w->state = 0;
    if (ui_pressed(ctx, id)) w->state |= UI_ST_PRESSED;
    if (!strcmp(ctx->focus, id) && id[0]) w->state |= UI_ST_FOCUSED;
    return w;
}

/* --- the layer: a frame kept as a picture ---------------------------------------------- */

int ui_layer_begin(ui_ctx *ctx)
{
    if (!ctx->ren) return -1;
    int w = 0, h = 0;
    if (ctx->layer) SDL_QueryTexture(ctx->layer, NULL, NULL, &w, &h);
    if (!ctx->layer || w != ctx->w || h != ctx->h) {
        if (ctx->layer) ui_rc_retire(ctx, ctx->layer);
        ctx->layer = SDL_CreateTexture(ctx->ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, ctx->w, ctx->h);
    }
    if (!ctx->layer || SDL_SetRenderTarget(ctx->ren, ctx->layer) != 0) return -1;
    ui_rc_target(ctx, 1);
    ctx->rc.layer_gen++; /* new pixels in it */
    return 0;
}

void ui_layer_end(ui_ctx *ctx)
{
    SDL_SetRenderTarget(ctx->ren, NULL);
    ui_rc_target(ctx, 0);
    ui_layer_show(ctx);
}

void ui_layer_show(ui_ctx *ctx)
{
    if (ctx->ren && ctx->layer)
        ui_rc_copy(ctx, ctx->layer, NULL, ui_rect(0, 0, ctx->w, ctx->h), 0xFFFFFF, 0x4C41594552ull ^ ctx->rc.layer_gen);
}

/* --- drawing ------------------------------------------------------------------- */


void ui_clear(ui_ctx *ctx, uint32_t rgb)
{
    if (!ctx->ren || ctx->no_draw) return;
    int w = 0, h = 0;
    if (SDL_GetRendererOutputSize(ctx->ren, &w, &h) != 0) w = ctx->w, h = ctx->h;
    ui_rc_fill(ctx, ui_rect(0, 0, w, h), rgb, 255);
}

void ui_fill(ui_ctx *ctx, SDL_Rect r, uint32_t rgb)
{
    if (!ctx->ren || ctx->no_draw) return;
    r.y -= ctx->oy;
    ui_rc_fill(ctx, r, rgb, 255);
}

void ui_veil(ui_ctx *ctx, SDL_Rect r, uint32_t rgb, uint8_t alpha)
{
    if (!ctx->ren || ctx->no_draw) return;
    r.y -= ctx->oy;
    ui_rc_fill(ctx, r, rgb, alpha);
}

/* A convex polygon as a triangle fan around its centre; pts[n-1] should repeat
 * pts[0] to close it. (A fan that closes itself back to its first point trips
 * SDL's software renderer into filling a whole rectangle.) */
static void fan(ui_ctx *ctx, float cx, float cy, const SDL_FPoint *pts, int n, uint32_t rgb)
{
    enum { MAXV = 130 };
    SDL_Vertex v[MAXV + 1];
    int idx[MAXV * 3];
    if (n > MAXV) n = MAXV;
    SDL_Color c = UI_RGB(rgb);
    v[0] = (SDL_Vertex){{cx, cy}, c, {0, 0}};
    for (int i = 0; i < n; i++) v[i + 1] = (SDL_Vertex){pts[i], c, {0, 0}};
    for (int i = 0; i + 1 < n; i++) {
        idx[i * 3] = 0;
        idx[i * 3 + 1] = i + 1;
        idx[i * 3 + 2] = i + 2;
    }
    if (n > 1) ui_rc_geometry(ctx, v, n + 1, idx, (n - 1) * 3);
}

/* The disc of radius r as a white texture whose alpha is the pixel's coverage (4x4
 * samples), made once per radius; NULL when too large or it cannot be made. */
_Static_assert(CFG_DISC_CACHE < 255, "disc_at holds a slot + 1 in a byte");

static SDL_Texture *disc(ui_ctx *ctx, int r)
{
    if (r <= 0 || r > CFG_DISC_MAX_PX) return NULL;
    /* The radius's own slot, else the one used longest ago: two radii never take
     * turns remaking one slot (a large disc costs milliseconds to make). */
    int at = ctx->disc_at[r] - 1;
    if (at >= 0 && ctx->disc[at] && ctx->disc_r[at] == r) {
        ctx->disc_used[at] = ctx->frame;
        return ctx->disc[at];
    }
    int slot = 0;
    for (int i = 0; i < CFG_DISC_CACHE; i++)
        if (!ctx->disc[i] || (ctx->disc[slot] && ctx->disc_used[i] < ctx->disc_used[slot])) slot = i;
    int d = 2 * r;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, d, d, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) return NULL;
    Uint32 *px = s->pixels;
    float rr = (float)r * (float)r;
    for (int y = 0; y < d; y++) {
        for (int x = 0; x < d; x++) {
            int in = 0;
            for (int sy = 0; sy < 4; sy++)
                for (int sx = 0; sx < 4; sx++) {
                    float fx = (float)x + ((float)sx + 0.5f) / 4 - (float)r, fy = (float)y + ((float)sy + 0.5f) / 4 - (float)r;
                    in += fx * fx + fy * fy <= rr;
                }
            px[y * (s->pitch / 4) + x] = (Uint32)(in * 255 / 16) << 24 | 0xFFFFFF;
        }
    }
    SDL_Texture *t = SDL_CreateTextureFromSurface(ctx->ren, s);
    SDL_FreeSurface(s);
    if (!t) return NULL;
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    if (ctx->disc[slot]) {
        ui_rc_retire(ctx, ctx->disc[slot]);
        ctx->disc_at[ctx->disc_r[slot]] = 0;
    }
    ctx->disc[slot] = t;
    ctx->disc_r[slot] = r;
    ctx->disc_at[r] = (uint8_t)(slot + 1);
    ctx->disc_used[slot] = ctx->frame;
    return t;
}

/* Part src of the disc of radius r, tinted rgb, at dst. 0, or -1 when there is no such disc. */
static int disc_copy(ui_ctx *ctx, int r, SDL_Rect src, SDL_Rect dst, uint32_t rgb)
{
    SDL_Texture *t = disc(ctx, r);
    if (!t) return -1;
    ui_rc_copy(ctx, t, &src, dst, rgb, 0x44495343ull << 24 ^ (uint64_t)r);
    return 0;
}

/* A quarter disc at centre (cx, cy) facing quadrant q (0 top right, counter-clockwise):
 * a quarter of the disc's texture, or a fan of SEG triangles, not closed back to its start. */
static void quarter(ui_ctx *ctx, float cx, float cy, int radius, int q, uint32_t rgb)
{
    int x = (int)cx, y = (int)cy, right = q == 0 || q == 3, below = q >= 2;
    if (disc_copy(ctx, radius, ui_rect(right ? radius : 0, below ? radius : 0, radius, radius),
                  ui_rect(right ? x : x - radius, below ? y : y - radius, radius, radius), rgb) == 0)
        return;
    enum { SEG = 8 };
    SDL_Vertex v[SEG + 2];
    int idx[SEG * 3];
    SDL_Color c = UI_RGB(rgb);
    v[0] = (SDL_Vertex){{cx, cy}, c, {0, 0}};
    for (int i = 0; i <= SEG; i++) {
        float a = (float)M_PI * 0.5f * ((float)q + (float)i / SEG);
        v[i + 1] = (SDL_Vertex){{cx + cosf(a) * radius, cy - sinf(a) * radius}, c, {0, 0}};
    }
    for (int i = 0; i < SEG; i++) {
        idx[i * 3] = 0;
        idx[i * 3 + 1] = i + 1;
        idx[i * 3 + 2] = i + 2;
    }
    ui_rc_geometry(ctx, v, SEG + 2, idx, SEG * 3);
}

void ui_round(ui_ctx *ctx, SDL_Rect r, int radius, uint32_t rgb)
{
    if (!ctx->ren || ctx->no_draw || r.w <= 0 || r.h <= 0) return;
    if (radius * 2 > r.w) radius = r.w / 2;
    if (radius * 2 > r.h) radius = r.h / 2;
    if (radius < 2) {
        ui_fill(ctx, r, rgb);
        return;
    }
    /* Rectangles for the body (the software renderer fills those fast), small fans
     * for the corners only: a large triangle fan costs ~25 ms a frame at 1080p. */
    SDL_Rect body[3] = {{r.x + radius, r.y, r.w - 2 * radius, r.h},
                        {r.x, r.y + radius, radius, r.h - 2 * radius},
                        {r.x + r.w - radius, r.y + radius, radius, r.h - 2 * radius}};
    for (int i = 0; i < 3; i++) ui_fill(ctx, body[i], rgb);
    float y0 = (float)(r.y - ctx->oy);
    quarter(ctx, (float)(r.x + r.w - radius), y0 + radius, radius, 0, rgb);
    quarter(ctx, (float)(r.x + radius), y0 + radius, radius, 1, rgb);
    quarter(ctx, (float)(r.x + radius), y0 + r.h - radius, radius, 2, rgb);
    quarter(ctx, (float)(r.x + r.w - radius), y0 + r.h - radius, radius, 3, rgb);
}

void ui_card(ui_ctx *ctx, SDL_Rect r, int radius, uint32_t fill, uint32_t edge, int width)
{
    if (!ctx->ren || ctx->no_draw || r.w <= 0 || r.h <= 0) return;
    if (radius * 2 > r.w) radius = r.w / 2;
    if (radius * 2 > r.h) radius = r.h / 2;
    SDL_Rect in = {r.x + width, r.y + width, r.w - 2 * width, r.h - 2 * width};
    if (radius < 2 || width <= 0 || width >= radius || in.w <= 0 || in.h <= 0) {
        ui_round(ctx, r, radius, edge);
        ui_round(ctx, in, radius - width, fill);
        return;
    }
    /* The inside once, the edge as its four sides and corners: a column's card is a
     * third of the screen, and filling it twice was a frame's largest cost. The
     * inside comes first and does not depend on the edge (inset by the 1 px every
     * edge covers): a column that becomes the current one changes only the cells
     * along its edge (redraw.c), not the third of the screen it covers. */
    int y0 = r.y - ctx->oy, cx0 = r.x + radius, cx1 = r.x + r.w - radius, cy0 = y0 + radius, cy1 = y0 + r.h - radius;
    ui_fill(ctx, ui_rect(cx0, r.y + 1, cx1 - cx0, r.h - 2), fill);
    ui_fill(ctx, ui_rect(r.x + 1, r.y + radius, radius - 1, r.h - 2 * radius), fill);
    ui_fill(ctx, ui_rect(cx1, r.y + radius, radius - 1, r.h - 2 * radius), fill);
    ui_fill(ctx, ui_rect(cx0, r.y, cx1 - cx0, width), edge);
    ui_fill(ctx, ui_rect(cx0, r.y + r.h - width, cx1 - cx0, width), edge);
    ui_fill(ctx, ui_rect(r.x, r.y + radius, width, r.h - 2 * radius), edge);
    ui_fill(ctx, ui_rect(r.x + r.w - width, r.y + radius, width, r.h - 2 * radius), edge);
    const float qx[4] = {(float)cx1, (float)cx0, (float)cx0, (float)cx1}, qy[4] = {(float)cy0, (float)cy0, (float)cy1, (float)cy1};
    int ir = radius - width; /* the inside's corners: square below 2 px, as ui_round draws them */
    for (int q = 0; q < 4; q++) {
        quarter(ctx, qx[q], qy[q], radius, q, edge);
        int right = q == 0 || q == 3, below = q >= 2;
        if (ir >= 2) quarter(ctx, qx[q], qy[q], ir, q, fill);
        else if (ir > 0) ui_fill(ctx, ui_rect(right ? cx1 : r.x + width, below ? r.y + r.h - radius : r.y + width, ir, ir), fill);
    }
}

void ui_circle(ui_ctx *ctx, int cx, int cy, int radius, uint32_t rgb)
{
    if (!ctx->ren || ctx->no_draw || radius <= 0) return;
    cy -= ctx->oy;
    if (disc_copy(ctx, radius, ui_rect(0, 0, 2 * radius, 2 * radius), ui_rect(cx - radius, cy - radius, 2 * radius, 2 * radius),
                  rgb) == 0)
        return;
    SDL_FPoint pts[97];
    int n = radius < 8 ? 16 : radius < 40 ? 48 : 96;
    for (int i = 0; i <= n; i++) { /* the last point repeats the first: closed */
        float a = 2.0f * (float)M_PI * (float)i / (float)n;
        pts[i] = (SDL_FPoint){cx + cosf(a) * radius, cy + sinf(a) * radius};
    }
    fan(ctx, (float)cx, (float)cy, pts, n + 1, rgb);
}

void ui_line(ui_ctx *ctx, float x0, float y0, float x1, float y1, float width, uint32_t rgb)
{
    if (!ctx->ren || ctx->no_draw) return;
    y0 -= (float)ctx->oy;
    y1 -= (float)ctx->oy;
    float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
    if (len <= 0) return;
    float nx = -dy / len * width / 2, ny = dx / len * width / 2;
    SDL_Color c = UI_RGB(rgb);
    SDL_Vertex v[4] = {{{x0 + nx, y0 + ny}, c, {0, 0}}, {{x1 + nx, y1 + ny}, c, {0, 0}},
                       {{x1 - nx, y1 - ny}, c, {0, 0}}, {{x0 - nx, y0 - ny}, c, {0, 0}}};
    const int idx[6] = {0, 1, 2, 0, 2, 3};
    ui_rc_geometry(ctx, v, 4, idx, 6);
}

void ui_star(ui_ctx *ctx, int cx, int cy, int r, uint32_t rgb)
{
    if (!ctx->ren || ctx->no_draw || r <= 0) return;
    /* Star-shaped around its centre, so a fan from the centre fills it. */
    SDL_FPoint pts[11];
    float y = (float)(cy - ctx->oy);
    for (int i = 0; i <= 10; i++) {
        float a = -(float)M_PI / 2 + (float)M_PI * (float)i / 5.0f;
        float rad = (i % 2) ? (float)r * 0.42f : (float)r;
        pts[i] = (SDL_FPoint){cx + cosf(a) * rad, y + sinf(a) * rad};
    }
    fan(ctx, (float)cx, y, pts, 11, rgb);
}

void ui_check(ui_ctx *ctx, int cx, int cy, int size, uint32_t rgb)
{
    float s = (float)size, w = s / 6 < 2 ? 2 : s / 6;
    float ax = cx - s * 0.40f, ay = cy + s * 0.02f, bx = cx - s * 0.12f, by = cy + s * 0.30f;
    float ex = cx + s * 0.42f, ey = cy - s * 0.30f;
    ui_line(ctx, ax, ay, bx, by, w, rgb);
    ui_line(ctx, bx - w / 3, by + w / 3, ex, ey, w, rgb);
}

/* --- widgets ------------------------------------------------------------------- */

int ui_button(ui_ctx *ctx, const char *id, SDL_Rect r, const char *label, ui_style style)
{
    return ui_button_mm(ctx, id, r, label, style, CFG_BODY_MM);
}

int ui_button_mm(ui_ctx *ctx, const char *id, SDL_Rect r, const char *label, ui_style style, float mm)
{
    ui_widget *w = ui_add_widget(ctx, id, r, label, UI_W_BUTTON);
    int pressed = w && (w->state & UI_ST_PRESSED);
    int radius = ui_mm(ctx, CFG_RADIUS_MM);
    uint32_t ink = UI_INK;
    switch (style) {
    case UI_PRIMARY:
        ui_round(ctx, r, radius, pressed ? UI_ACCENT_PRESSED : UI_ACCENT);
        ink = UI_SURFACE;
        break;
    case UI_DANGER_BTN:
        ui_round(ctx, r, radius, pressed ? CFG_DANGER_PRESSED : UI_DANGER);
        ink = UI_SURFACE;
        break;
    case UI_SECONDARY:
        ui_card(ctx, r, radius, pressed ? UI_HAIRLINE : UI_SURFACE, pressed ? UI_INK2 : CFG_QUIET_EDGE, CFG_HAIRLINE_PX);
        break;
    case UI_QUIET:
        if (pressed) ui_round(ctx, r, radius, UI_HAIRLINE);
        ink = UI_ACCENT;
        break;
    }
    int pad = ui_mm(ctx, CFG_INSET_MM);
    SDL_Rect in = {r.x + pad, r.y, r.w - 2 * pad, r.h};
    ui_text_fit(ctx, label, in, mm, CFG_SMALL_MM, ink, UI_CENTER);
    return ui_take(ctx, id, UI_G_CLICK);
}

void ui_button_off(ui_ctx *ctx, const char *id, SDL_Rect r, const char *label)
{
    ui_widget *w = ui_add_widget(ctx, id, r, label, UI_W_BUTTON);
    if (w) w->state = UI_ST_DISABLED;
    ui_card(ctx, r, ui_mm(ctx, CFG_RADIUS_MM), UI_BG, UI_HAIRLINE, CFG_HAIRLINE_PX);
    int pad = ui_mm(ctx, CFG_INSET_MM);
    ui_text_fit(ctx, label, ui_rect(r.x + pad, r.y, r.w - 2 * pad, r.h), CFG_BODY_MM, CFG_SMALL_MM, CFG_INK_DISABLED, UI_CENTER);
}

int ui_toggle(ui_ctx *ctx, const char *id, SDL_Rect r, const char *label, int selected, uint32_t mark)
{
    ui_widget *w = ui_add_widget(ctx, id, r, label, UI_W_TOGGLE);
    if (w && selected) w->state |= UI_ST_SELECTED;
    int pressed = w && (w->state & UI_ST_PRESSED);
    int radius = ui_mm(ctx, CFG_RADIUS_MM);
    /* Selected shows as a thick edge and a filled dot, never by colour alone. */
    ui_card(ctx, r, radius, pressed ? UI_HAIRLINE : selected ? CFG_PICKED_FILL : UI_SURFACE,
            selected ? UI_ACCENT : CFG_QUIET_EDGE, selected ? CFG_EDGE_CHOSEN_PX : CFG_HAIRLINE_PX);
    int dot = ui_mm(ctx, CFG_DOT_MM);
    int cx = r.x + ui_mm(ctx, CFG_PAD_SMALL_MM) + dot, cy = r.y + r.h / 2;
    ui_circle(ctx, cx, cy, dot, selected ? UI_ACCENT : CFG_QUIET_EDGE);
    ui_circle(ctx, cx, cy, dot - 3, selected ? (mark ? mark : UI_ACCENT) : UI_SURFACE);
    if (selected) ui_circle(ctx, cx, cy, dot / 2, UI_SURFACE);
    SDL_Rect in = {cx + dot + ui_mm(ctx, CFG_ICON_GAP_MM), r.y, r.x + r.w - (cx + dot + ui_mm(ctx, CFG_PAD_SMALL_MM)), r.h};
    ui_text_fit(ctx, label, in, CFG_BODY_MM, CFG_SMALL_MM, UI_INK, UI_LEFT);
    return ui_take(ctx, id, UI_G_CLICK);
}

int ui_area(ui_ctx *ctx, const char *id, SDL_Rect r, const char *label, ui_gesture_kind kind)
{
    ui_add_widget(ctx, id, r, label, UI_W_AREA);
    if (kind == UI_G_LONG) ui_long_press(ctx);
    return ui_take(ctx, id, kind);
}

void ui_block(ui_ctx *ctx, const char *id)
{
    SDL_Rect all = {0, 0, ctx->w, ctx->h};
    ui_add_widget(ctx, id, all, "", UI_W_BLOCK);
    if (!ctx->ren || ctx->no_draw) return;
    ui_rc_fill(ctx, all, CFG_INK, 140);
}

/* --- dump ---------------------------------------------------------------------- */

static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') fprintf(f, "\\%c", c);
        else if (c < 0x20) fprintf(f, "\\u%04x", c);
        else fputc(c, f);
    }
    fputc('"', f);
}

static void dump_list(FILE *f, const ui_widget *ws, int n)
{
    static const char *const kinds[] = {"button", "toggle", "field", "area", "block", "text"};
    for (int i = 0; i < n; i++) {
        const ui_widget *w = &ws[i];
        const char *state = (w->state & UI_ST_DISABLED) ? "disabled" : (w->state & UI_ST_PRESSED) ? "pressed"
                          : (w->state & UI_ST_FOCUSED) ? "focused" : (w->state & UI_ST_SELECTED) ? "selected" : "normal";
        fprintf(f, "%s\n    {\"id\": ", i ? "," : "");
        json_str(f, w->id);
        fprintf(f, ", \"kind\": \"%s\", \"rect\": [%d, %d, %d, %d], \"label\": ", kinds[w->kind], w->r.x, w->r.y, w->r.w, w->r.h);
        json_str(f, w->label);
        fprintf(f, ", \"state\": \"%s\"%s}", state, (w->state & UI_ST_CUT) ? ", \"cut\": true" : "");
    }
}

/* Written beside and renamed, so a test that waits for the file reads it whole. */
int ui_dump(const ui_ctx *ctx, const char *path)
{
    char part[600];
    if (snprintf(part, sizeof part, "%s.part", path) >= (int)sizeof part) return -1;
    FILE *f = fopen(part, "w");
    if (!f) return -1;
    fprintf(f, "{\"screen\": ");
    json_str(f, ctx->prev_screen);
    static const char *const from[] = {"assumed", "display", "option", "measured"};
    fprintf(f, ", \"size\": [%d, %d], \"px_per_mm\": %.3f, \"px_per_mm_from\": \"%s\", \"chimes\": %d, \"focus\": ", ctx->w,
            ctx->h, ctx->ppmm, from[ctx->ppmm_from], ctx->chimes);
    json_str(f, ctx->focus);
    fprintf(f, ",\n  \"widgets\": [");
    dump_list(f, ctx->prev, ctx->nprev);
    fprintf(f, "],\n  \"texts\": [");
    dump_list(f, ctx->prev_texts, ctx->nprev_texts);
    fprintf(f, "]}\n");
    if (fclose(f) != 0 || rename(part, path) != 0) {
        remove(part);
        return -1;
    }
    return 0;
}
