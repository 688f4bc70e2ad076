/* osk: the on-screen keyboard. Dutch QWERTY with big keys, shift and caps, a page
 * of digits and punctuation, accents by holding a letter, a backspace that
 * repeats while held, undo, Annuleer and Klaar. It sits at the bottom and the
 * screen moves up so it never covers the field being edited. */
#include "ui_int.h"

#include <string.h>

typedef enum { K_CHAR, K_BACK, K_SHIFT, K_PAGE, K_UNDO, K_SPACE, K_CANCEL, K_DONE } key_kind;

typedef struct {
    const char *text; /* what the key types (letters: lower case) */
    float units;      /* width, in key units */
    key_kind kind;
} key;

#define ROW_END {NULL, 0, K_CHAR}
#define CAPS_BAR_MM 2.5f /* caps lock's bar, this far above the key's foot */

static const key letters[4][13] = {
    {{"q", 1, K_CHAR}, {"w", 1, K_CHAR}, {"e", 1, K_CHAR}, {"r", 1, K_CHAR}, {"t", 1, K_CHAR}, {"y", 1, K_CHAR},
     {"u", 1, K_CHAR}, {"i", 1, K_CHAR}, {"o", 1, K_CHAR}, {"p", 1, K_CHAR}, {"backspace", 1.6f, K_BACK}, ROW_END},
    {{"a", 1, K_CHAR}, {"s", 1, K_CHAR}, {"d", 1, K_CHAR}, {"f", 1, K_CHAR}, {"g", 1, K_CHAR}, {"h", 1, K_CHAR},
     {"j", 1, K_CHAR}, {"k", 1, K_CHAR}, {"l", 1, K_CHAR}, {"'", 1, K_CHAR}, ROW_END},
    {{"shift", 1.6f, K_SHIFT}, {"z", 1, K_CHAR}, {"x", 1, K_CHAR}, {"c", 1, K_CHAR}, {"v", 1, K_CHAR},
     {"b", 1, K_CHAR}, {"n", 1, K_CHAR}, {"m", 1, K_CHAR}, {",", 1, K_CHAR}, {".", 1, K_CHAR}, {"-", 1, K_CHAR}, ROW_END},
    {{"digits", 1.6f, K_PAGE}, {"undo", 1.4f, K_UNDO}, {"space", 5, K_SPACE}, {"cancel", 2, K_CANCEL},
     {"done", 2, K_DONE}, ROW_END}};

static const key digits[4][13] = {
    {{"1", 1, K_CHAR}, {"2", 1, K_CHAR}, {"3", 1, K_CHAR}, {"4", 1, K_CHAR}, {"5", 1, K_CHAR}, {"6", 1, K_CHAR},
     {"7", 1, K_CHAR}, {"8", 1, K_CHAR}, {"9", 1, K_CHAR}, {"0", 1, K_CHAR}, {"backspace", 1.6f, K_BACK}, ROW_END},
    {{"-", 1, K_CHAR}, {"/", 1, K_CHAR}, {":", 1, K_CHAR}, {";", 1, K_CHAR}, {"(", 1, K_CHAR}, {")", 1, K_CHAR},
     {"\xE2\x82\xAC", 1, K_CHAR}, {"&", 1, K_CHAR}, {"@", 1, K_CHAR}, {"\"", 1, K_CHAR}, ROW_END},
    {{"+", 1.6f, K_CHAR}, {"=", 1, K_CHAR}, {"%", 1, K_CHAR}, {"#", 1, K_CHAR}, {"*", 1, K_CHAR}, {"?", 1, K_CHAR},
     {"!", 1, K_CHAR}, {",", 1, K_CHAR}, {".", 1, K_CHAR}, {"'", 1, K_CHAR}, ROW_END},
    {{"letters", 1.6f, K_PAGE}, {"undo", 1.4f, K_UNDO}, {"space", 5, K_SPACE}, {"cancel", 2, K_CANCEL},
     {"done", 2, K_DONE}, ROW_END}};

/* Accents Dutch needs, offered when a letter is held: lower case, then upper case. */
static const struct { char base; const char *lower[5]; const char *upper[5]; } accents[] = {
    {'a', {"\xC3\xA1", "\xC3\xA0", "\xC3\xA4", "\xC3\xA2"}, {"\xC3\x81", "\xC3\x80", "\xC3\x84", "\xC3\x82"}},
    {'e', {"\xC3\xA9", "\xC3\xAB", "\xC3\xA8", "\xC3\xAA"}, {"\xC3\x89", "\xC3\x8B", "\xC3\x88", "\xC3\x8A"}},
    {'i', {"\xC3\xAD", "\xC3\xAF", "\xC3\xAC", "\xC3\xAE", "\xC4\xB3"}, {"\xC3\x8D", "\xC3\x8F", "\xC3\x8C", "\xC3\x8E", "\xC4\xB2"}},
    {'o', {"\xC3\xB3", "\xC3\xB6", "\xC3\xB2", "\xC3\xB4"}, {"\xC3\x93", "\xC3\x96", "\xC3\x92", "\xC3\x94"}},
    {'u', {"\xC3\xBA", "\xC3\xBC", "\xC3\xB9", "\xC3\xBB"}, {"\xC3\x9A", "\xC3\x9C", "\xC3\x99", "\xC3\x9B"}},
    {'y', {"\xC4\xB3", "\xC3\xBF"}, {"\xC4\xB2", "\xC5\xB8"}},
    {'c', {"\xC3\xA7"}, {"\xC3\x87"}},
    {'n', {"\xC3\xB1"}, {"\xC3\x91"}},
};

static int accent_row(char base)
{
    for (int i = 0; i < (int)SDL_arraysize(accents); i++)
        if (accents[i].base == base) return i;
    return -1;
}

int ui_osk_shown(const ui_ctx *ctx) { return ctx->focus[0] && !ctx->osk_away; }

static SDL_Rect tray(const ui_ctx *ctx)
{
    int kh = ui_mm(ctx, CFG_KEY_MM), gap = ui_mm(ctx, CFG_KEY_GAP_MM), pad = ui_mm(ctx, CFG_OSK_PAD_MM);
    int h = 4 * kh + 3 * gap + 2 * pad;
    return (SDL_Rect){0, ctx->h - h, ctx->w, h};
}

int ui_osk_top(const ui_ctx *ctx) { return ui_osk_shown(ctx) ? tray(ctx).y : ctx->h; }

static const char *label_of(ui_ctx *ctx, const key *k, char *buf, size_t cap)
{
    switch (k->kind) {
    case K_BACK: return "\xE2\x8C\xAB";  /* ⌫, from the fallback font */
    case K_SHIFT: return "\xE2\x87\xA7"; /* ⇧ */
    case K_UNDO: return "\xE2\x86\xB6";  /* ↶ */
    case K_PAGE: return ctx->osk_page ? ctx->words.letters : ctx->words.digits;
    case K_SPACE: return ctx->words.space;
    case K_CANCEL: return ctx->words.cancel;
    case K_DONE: return ctx->words.done;
    case K_CHAR: break;
    }
    SDL_strlcpy(buf, k->text, cap);
    if (ctx->osk_shift && buf[0] >= 'a' && buf[0] <= 'z' && !buf[1]) buf[0] = (char)(buf[0] - 'a' + 'A');
    return buf;
}

static void press(ui_ctx *ctx, const key *k)
{
    char buf[8];
    ctx->osk_picker[0] = 0;
    switch (k->kind) {
    case K_CHAR:
        ui_type(ctx, label_of(ctx, k, buf, sizeof buf));
        if (ctx->osk_shift == 1) ctx->osk_shift = 0;
        break;
    case K_SPACE: ui_type(ctx, " "); break;
    case K_SHIFT: ctx->osk_shift = ctx->osk_shift == 0 ? 1 : ctx->osk_shift == 1 ? 2 : 0; break; /* twice: caps */
    case K_PAGE: ctx->osk_page = !ctx->osk_page; break;
    case K_UNDO: ctx->edit.undo_req = 1; break;
    case K_CANCEL: ctx->edit.cancel = 1; break;
    case K_DONE: ui_focus(ctx, ""); break;
    case K_BACK: break; /* handled while held */
    }
    ctx->dirty = 1;
}

void ui_osk(ui_ctx *ctx)
{
    if (!ui_osk_shown(ctx)) {
        ctx->bs_done = 0;
        if (ctx->oy) { /* a physical keyboard took over: the screen comes back down */
            ctx->oy = 0;
            ctx->dirty = 1;
        }
        return;
    }
    int oy = ctx->oy;
    ctx->oy = 0; /* the keyboard itself never moves */
    SDL_Rect t = tray(ctx);
    ui_area(ctx, "osk", t, "", UI_G_CLICK); /* taps between keys land here, not below */
    ui_fill(ctx, t, CFG_OSK_BG);
    ui_fill(ctx, ui_rect(0, t.y, t.w, CFG_HAIRLINE_PX), UI_HAIRLINE);
    int kh = ui_mm(ctx, CFG_KEY_MM), gap = ui_mm(ctx, CFG_KEY_GAP_MM), pad = ui_mm(ctx, CFG_OSK_PAD_MM);
    int w = ui_mm(ctx, CFG_OSK_MAX_MM);
    if (w > ctx->w - 2 * pad) w = ctx->w - 2 * pad;
    float unit = (float)(w - 11 * gap) / 12.6f;
    const key(*rows)[13] = ctx->osk_page ? digits : letters;
    SDL_Rect held_key = {0, 0, 0, 0};
    SDL_Rect picker_base = {0, 0, 0, 0};
    for (int r = 0; r < 4; r++) {
        float row_units = 0;
        int nkeys = 0;
        for (; rows[r][nkeys].text; nkeys++) row_units += rows[r][nkeys].units;
        int row_w = (int)(row_units * unit) + (nkeys - 1) * gap;
        int x = (ctx->w - row_w) / 2, y = t.y + pad + r * (kh + gap);
        for (int i = 0; i < nkeys; i++) {
            const key *k = &rows[r][i];
            int kw = (int)(k->units * unit);
            SDL_Rect kr = {x, y, kw, kh};
            char id[48], buf[8];
            if (k->kind == K_DONE || k->kind == K_CANCEL) snprintf(id, sizeof id, "osk.%s", k->text);
            else snprintf(id, sizeof id, "osk.key.%s", k->text);
            const char *label = label_of(ctx, k, buf, sizeof buf);
            ui_style style = k->kind == K_DONE ? UI_PRIMARY
                           : (k->kind == K_SHIFT && ctx->osk_shift) ? UI_PRIMARY : UI_SECONDARY;
            /* Letters large, the arrows of shift, undo and backspace larger still. */
            float mm = k->kind == K_CHAR ? CFG_KEY_CHAR_MM
                     : (k->kind == K_BACK || k->kind == K_SHIFT || k->kind == K_UNDO) ? CFG_KEY_ICON_MM : CFG_BODY_MM;
            if (ui_button_mm(ctx, id, kr, label, style, mm)) press(ctx, k);
            if (k->kind == K_SHIFT && ctx->osk_shift == 2) /* caps lock: a bar under the arrow */
                ui_fill(ctx, ui_rect(kr.x + kw / 3, kr.y + kh - ui_mm(ctx, CAPS_BAR_MM), kw / 3, 3), UI_SURFACE);
            if (k->kind == K_BACK) held_key = kr;
            if (k->kind == K_CHAR && !k->text[1] && accent_row(k->text[0]) >= 0) {
                ui_long_press(ctx); /* hold for its accents */
                if (ui_take(ctx, id, UI_G_LONG)) {
                    ctx->osk_picker[0] = k->text[0];
                    ctx->osk_picker[1] = 0;
                }
                if (ctx->osk_picker[0] == k->text[0]) picker_base = kr;
            }
            x += kw + gap;
        }
    }

    /* Backspace: one at the press, then repeating while held. */
    int held = ui_held_ms(ctx, "osk.key.backspace");
    if (held >= 0 && held_key.w) {
        int want = 1 + (held > (int)CFG_REPEAT_DELAY_MS ? (held - (int)CFG_REPEAT_DELAY_MS) / (int)CFG_REPEAT_MS : 0);
        /* The repeat is timed by ui_wake_in, not by drawing frames back to back. */
        if (ctx->bs_done < want) ctx->dirty = 1;
        for (; ctx->bs_done < want; ctx->bs_done++) ctx->backspaces++;
    } else {
        ctx->bs_done = 0;
    }

    /* The accents of a held letter, in a row above it. */
    if (ctx->osk_picker[0] && picker_base.w) {
        int a = accent_row(ctx->osk_picker[0]), n = 0;
        while (n < 5 && accents[a].lower[n]) n++;
        int pw = n * picker_base.w + (n - 1) * gap + 2 * gap;
        int px = picker_base.x + picker_base.w / 2 - pw / 2;
        if (px < pad) px = pad;
        if (px + pw > ctx->w - pad) px = ctx->w - pad - pw;
        SDL_Rect box = {px, picker_base.y - kh - 2 * gap, pw, kh + 2 * gap};
        ui_card(ctx, box, ui_mm(ctx, CFG_RADIUS_MM), UI_SURFACE, UI_ACCENT, CFG_EDGE_PX);
        for (int i = 0; i < n; i++) {
            const char *ch = ctx->osk_shift ? accents[a].upper[i] : accents[a].lower[i];
            char id[48];
            snprintf(id, sizeof id, "osk.key.%s", ch);
            SDL_Rect kr = {box.x + gap + i * (picker_base.w + gap), box.y + gap, picker_base.w, kh};
            if (ui_button_mm(ctx, id, kr, ch, UI_SECONDARY, CFG_KEY_CHAR_MM)) {
                ui_type(ctx, ch);
                ctx->osk_picker[0] = 0;
                if (ctx->osk_shift == 1) ctx->osk_shift = 0;
            }
        }
    }
    if (ui_take(ctx, "osk", UI_G_CLICK)) ctx->osk_picker[0] = 0;

    /* Never cover the field: next frame, the screen moves up as far as needed. */
    int want_oy = 0;
    if (ctx->focus[0]) {
        int bottom = ctx->edit.field.y + ctx->edit.field.h + ui_mm(ctx, CFG_FIELD_CLEAR_MM);
        want_oy = bottom - t.y;
        if (want_oy > ctx->edit.field.y - ui_mm(ctx, CFG_FIELD_TOP_MM)) want_oy = ctx->edit.field.y - ui_mm(ctx, CFG_FIELD_TOP_MM);
        if (want_oy < 0) want_oy = 0;
    }
    ctx->oy = oy;
    if (want_oy != oy) {
        ctx->oy = want_oy;
        ctx->dirty = 1;
    }
}
