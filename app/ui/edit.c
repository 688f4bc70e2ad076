/* edit: text fields. The focused field takes what was typed since the last frame
 * (on-screen keyboard, physical keyboard, a paste in 31-byte pieces) as one edit
 * and one undo step; the caret sits on grapheme boundaries and goes where the
 * finger taps. */
#include "ui_int.h"

#include <stdio.h>
#include <string.h>

static void snapshot(ui_ctx *ctx, const char *buf)
{
    ui_edit *e = &ctx->edit;
    if (e->nundo == CFG_UNDO_STEPS) { /* drop the oldest */
        memmove(e->undo[0], e->undo[1], sizeof e->undo[0] * (CFG_UNDO_STEPS - 1));
        memmove(e->undo_caret, e->undo_caret + 1, sizeof e->undo_caret[0] * (CFG_UNDO_STEPS - 1));
        e->nundo--;
    }
    SDL_strlcpy(e->undo[e->nundo], buf, sizeof e->undo[0]);
    e->undo_caret[e->nundo++] = e->caret;
}

/* Applies what was asked for since the last frame. Returns 1 if buf changed. */
static int apply_input(ui_ctx *ctx, char *buf, size_t cap, int max_chars, int multiline)
{
    ui_edit *e = &ctx->edit;
    int changed = 0;
    if (e->cancel) { /* Annuleer: back to the text as it was, and stop editing */
        e->cancel = 0;
        changed = strcmp(buf, e->before) != 0;
        SDL_strlcpy(buf, e->before, cap);
        ui_focus(ctx, "");
        return changed;
    }
    if (e->undo_req) {
        e->undo_req = 0;
        if (e->nundo > 0) {
            e->nundo--;
            SDL_strlcpy(buf, e->undo[e->nundo], cap);
            e->caret = ut_snap(buf, e->undo_caret[e->nundo]);
            changed = 1;
        }
    }
    if (ctx->backspaces > 0 && e->caret > 0) {
        snapshot(ctx, buf);
        for (; ctx->backspaces > 0; ctx->backspaces--) changed |= ut_backspace(buf, &e->caret);
    }
    ctx->backspaces = 0;
    if (ctx->ntyped > 0) {
        /* All pieces that came since the last frame are one edit: a paste is one undo. */
        snapshot(ctx, buf);
        size_t before = strlen(buf);
        if (ut_insert(buf, cap, max_chars, &e->caret, ctx->typed, (size_t)ctx->ntyped, multiline))
            e->cut_until = ctx->now + 4000;
        changed |= strlen(buf) != before;
        ctx->ntyped = 0;
        ctx->typed[0] = 0;
    }
    size_t len = strlen(buf);
    if (ui_key(ctx, SDLK_LEFT) && e->caret > 0) e->caret = ut_prev(buf, e->caret);
    if (ui_key(ctx, SDLK_RIGHT)) e->caret = ut_next(buf, len, e->caret);
    if (ui_key(ctx, SDLK_HOME)) e->caret = 0;
    if (ui_key(ctx, SDLK_END)) e->caret = len;
    return changed;
}

/* Byte offset of the grapheme boundary in line l nearest to x (relative to the line start). */
static size_t caret_at_x(ui_ctx *ctx, const char *buf, ut_span l, int x, int px)
{
    size_t best = l.start;
    int best_d = x < 0 ? -x : x;
    for (size_t c = l.start; c < l.end;) {
        c = ut_next(buf, l.end, c);
        int d = ui_measure(ctx, buf + l.start, c - l.start, px) - x;
        if (d < 0) d = -d;
        if (d < best_d) {
            best_d = d;
            best = c;
        }
    }
    return best;
}

static int field(ui_ctx *ctx, const char *id, SDL_Rect r, char *buf, size_t cap, int max_chars,
                 const char *placeholder, float mm, int multiline, uint32_t fill)
{
    ui_edit *e = &ctx->edit;
    if (cap > CFG_EDIT_BYTES) cap = CFG_EDIT_BYTES;
    ui_widget *w = ui_add_widget(ctx, id, r, buf, UI_W_FIELD);
    float tx = 0, ty = 0;
    int tapped = ui_take_at(ctx, id, UI_G_CLICK, &tx, &ty);
    if (tapped && strcmp(ctx->focus, id) != 0) {
        ui_focus(ctx, id);
        ctx->osk_away = 0; /* touched: the on-screen keyboard comes */
    }
    int focused = !strcmp(ctx->focus, id);
    int changed = 0;
    int px = ui_px(ctx, mm), lh = ui_line_height(ctx, px);
    int pad = ui_mm(ctx, CFG_PAD_SMALL_MM);
    SDL_Rect in = {r.x + pad, r.y + (multiline ? pad : 0), r.w - 2 * pad, r.h - (multiline ? 2 * pad + lh : 0)};
    size_t len = strlen(buf);
    if (focused) {
        e->seen = 1;
        e->field = r;
        if (w) w->state |= UI_ST_FOCUSED;
        if (e->caret == (size_t)-1) SDL_strlcpy(e->before, buf, sizeof e->before); /* editing begins */
        if (e->caret > len) e->caret = len;
        e->caret = ut_snap(buf, e->caret);
        changed = apply_input(ctx, buf, cap, max_chars, multiline);
        focused = !strcmp(ctx->focus, id); /* Annuleer ends it */
        len = strlen(buf);
        if (w) SDL_utf8strlcpy(w->label, buf, sizeof w->label);
        SDL_Rect ime = {r.x, r.y - ctx->oy, r.w, r.h};
        SDL_SetTextInputRect(&ime);
    }

    /* Lay the text out: wrapped lines, or one line scrolled to keep the caret in view. */
    ut_span lines[64];
    int n = 1, first = 0;
    size_t from = 0;
    if (multiline) {
        n = ut_wrap(buf, len, in.w, px, ui_measure_cb, ctx, lines, 64);
    } else {
        if (focused)
            while (ui_measure(ctx, buf + from, e->caret - from, px) > in.w - 4 && from < e->caret)
                from = ut_next(buf, len, from);
        lines[0] = (ut_span){from, len, 0};
    }
    int caret_line = 0;
    if (focused)
        for (int i = 0; i < n; i++)
            if (e->caret >= lines[i].start && (e->caret <= lines[i].end || i == n - 1)) caret_line = i;
    int rows = multiline ? (in.h / lh > 0 ? in.h / lh : 1) : 1;
    if (caret_line >= first + rows) first = caret_line - rows + 1;

    /* A tap inside the focused field puts the caret there. */
    if (focused && tapped && len) {
        int row = multiline ? first + (int)((ty + ctx->oy - in.y) / lh) : 0;
        if (row < 0) row = 0;
        if (row >= n) row = n - 1;
        e->caret = caret_at_x(ctx, buf, lines[row], (int)tx - in.x, px);
    }

    ui_card(ctx, r, ui_mm(ctx, CFG_RADIUS_FIELD_MM), fill, focused ? UI_ACCENT : CFG_QUIET_EDGE, focused ? CFG_EDGE_PX : CFG_HAIRLINE_PX);
    int ty0 = multiline ? in.y : r.y + (r.h - lh) / 2;
    if (!len && !e->compose[0]) {
        if (placeholder) {
            int ppx = px;
            while (ppx > 8 && ui_measure(ctx, placeholder, strlen(placeholder), ppx) > in.w - 8) ppx--;
            ui_draw_line(ctx, placeholder, strlen(placeholder), in.x + 8, ty0, ppx, UI_INK2);
        }
    }
    for (int i = first; i < n && i < first + rows; i++) {
        size_t s0 = lines[i].start, s1 = lines[i].end;
        if (!multiline) /* one line: only what fits */
            while (s1 > s0 && ui_measure(ctx, buf + s0, s1 - s0, px) > in.w) s1 = ut_prev(buf, s1);
        ui_draw_line(ctx, buf + s0, s1 - s0, in.x, ty0 + (i - first) * lh, px, UI_INK);
    }
    ui_record_text(ctx, buf, in);
    if (focused) {
        ut_span cl = lines[caret_line];
        size_t c = e->caret < cl.start ? cl.start : e->caret;
        int cx = in.x + ui_measure(ctx, buf + cl.start, c - cl.start, px);
        int cy = ty0 + (caret_line - first) * lh;
        if (e->compose[0]) { /* IME text being composed: inline, underlined */
            int cw = ui_draw_line(ctx, e->compose, strlen(e->compose), cx + 2, cy, px, UI_ACCENT);
            ui_fill(ctx, ui_rect(cx + 2, cy + lh - 3, cw, 2), UI_ACCENT);
            cx += cw + 2;
        }
        ui_fill(ctx, ui_rect(cx + 1, cy + lh / 8, lh / 14 > 3 ? lh / 14 : 3, lh * 3 / 4), UI_ACCENT); /* plain to see */
    }
    /* The count where there is a limit: always on notes, near the limit on names. */
    int chars = (int)ut_chars(buf, len);
    if (multiline || (focused && chars * 5 >= max_chars * 4)) {
        char count[32];
        snprintf(count, sizeof count, "%d / %d", chars, max_chars);
        int cut = (int32_t)(e->cut_until - ctx->now) > 0 && focused;
        uint32_t ink = cut || chars >= max_chars ? UI_WARN : UI_INK2;
        int cpx = ui_px(ctx, CFG_SMALL_MM);
        int cw = ui_measure(ctx, count, strlen(count), cpx);
        int cy = multiline ? r.y + r.h - pad - ui_line_height(ctx, cpx) : r.y + r.h - ui_line_height(ctx, cpx) - 2;
        ui_draw_line(ctx, count, strlen(count), r.x + r.w - pad - cw, cy, cpx, ink);
        if (cut && ctx->words.cut) {
            char msg[160];
            snprintf(msg, sizeof msg, ctx->words.cut, max_chars);
            ui_draw_line(ctx, msg, strlen(msg), r.x + pad, cy, cpx, UI_WARN);
            ui_record_text(ctx, msg, ui_rect(r.x + pad, cy, r.w / 2, lh));
        }
        ui_record_text(ctx, count, ui_rect(r.x + r.w - pad - cw, cy, cw, lh));
    }
    return changed;
}

int ui_field(ui_ctx *ctx, const char *id, SDL_Rect r, char *buf, size_t cap, int max_chars, const char *placeholder)
{
    return field(ctx, id, r, buf, cap, max_chars, placeholder, CFG_BODY_MM, 0, UI_SURFACE);
}

int ui_textarea(ui_ctx *ctx, const char *id, SDL_Rect r, char *buf, size_t cap, int max_chars,
                const char *placeholder, float mm, uint32_t fill)
{
    return field(ctx, id, r, buf, cap, max_chars, placeholder, mm, 1, fill);
}
