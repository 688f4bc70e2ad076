/* canvas: ink on screen. Strokes are drawn as smooth curves through the
 * midpoints of the stored points, with round joins, at whatever size the note is. */
#include "ui_int.h"

#include <string.h>

static SDL_FPoint at(const ui_ink *k, int i, SDL_Rect r)
{
    return (SDL_FPoint){r.x + k->x[i] / 65535.0f * r.w, r.y + k->y[i] / 65535.0f * r.h};
}

static void dot(ui_ctx *ctx, SDL_FPoint p, float w, uint32_t rgb)
{
    ui_circle(ctx, (int)(p.x + 0.5f), (int)(p.y + 0.5f), (int)(w / 2 + 0.5f), rgb);
}

void ui_ink_draw(ui_ctx *ctx, const ui_ink *k, SDL_Rect r, float pen_mm, uint32_t rgb)
{
    float w = pen_mm * ctx->ppmm;
    if (w < 1.5f) w = 1.5f;
    int start = 0;
    for (int s = 0; s < k->nstrokes; s++) {
        int end = k->end[s], n = end - start;
        if (n == 1) dot(ctx, at(k, start, r), w, rgb);
        SDL_FPoint from = at(k, start, r);
        dot(ctx, from, w, rgb);
        for (int i = start + 1; i < end; i++) {
            /* A quadratic curve from the last midpoint, bent by point i-1... */
            SDL_FPoint c = at(k, i - 1, r), p = at(k, i, r);
            SDL_FPoint to = i == end - 1 ? p : (SDL_FPoint){(c.x + p.x) / 2, (c.y + p.y) / 2};
            if (i == start + 1) c = from;
            enum { STEPS = 4 };
            SDL_FPoint last = from;
            for (int t = 1; t <= STEPS; t++) {
                float u = (float)t / STEPS, a = (1 - u) * (1 - u), b = 2 * (1 - u) * u, d = u * u;
                SDL_FPoint q = {a * from.x + b * c.x + d * to.x, a * from.y + b * c.y + d * to.y};
                ui_line(ctx, last.x, last.y, q.x, q.y, w, rgb);
                dot(ctx, q, w, rgb);
                last = q;
            }
            from = to;
        }
        start = end;
    }
}

int ui_ink_canvas(ui_ctx *ctx, const char *id, SDL_Rect r, ui_ink *ink, float pen_mm, uint32_t rgb)
{
    ui_add_widget(ctx, id, r, "", UI_W_AREA);
    SDL_Rect on = {r.x, r.y - ctx->oy, r.w, r.h}; /* where it is on screen */
    float step = 0.6f * ctx->ppmm / (float)(r.w > 0 ? r.w : 1);
    int ended = 0, pen_down = 0;
    for (int i = 0; i < CFG_MAX_POINTERS; i++) {
        const ui_pointer *p = &ctx->ptr[i];
        pen_down |= p->used && p->inked && !strcmp(p->id, id);
    }
    if (ink->open && !pen_down) { /* its finger went while we were not drawn */
        ink_end(ink);
        ended = 1;
    }
    for (int i = 0; i < CFG_MAX_POINTERS; i++) {
        ui_pointer *p = &ctx->ptr[i];
        if (!p->used || strcmp(p->id, id) != 0) continue;
        if (!p->inked) {
            if (ink->open) continue; /* one pen at a time */
            p->inked = 1;
            if (ink_begin(ink, (p->x0 - on.x) / on.w, (p->y0 - on.y) / on.h) < 0) continue;
        }
        for (int t = 0; t < p->ntrail; t++) ink_add(ink, (p->tx[t] - on.x) / on.w, (p->ty[t] - on.y) / on.h, step);
        if (p->lifted && ink->open) {
            ink_end(ink);
            ended = 1;
        }
    }
    ui_ink_draw(ctx, ink, r, pen_mm, rgb);
    ui_take(ctx, id, UI_G_DRAG_END);
    ui_take(ctx, id, UI_G_CLICK);
    ui_take(ctx, id, UI_G_LONG);
    return ended;
}
