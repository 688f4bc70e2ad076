/* text: fonts, the text cache, measuring, wrapping and fitting on screen.
 * SDL_ttf 2.20 has no font fallback, so a line is cut into runs, each in the
 * first font that has its glyphs (Noto Sans; Symbola for symbols and emoji;
 * Noto's Hebrew, Arabic and other scripts; DejaVu Sans), and the runs are put
 * together into one texture: the cache still holds one texture per string,
 * size and colour. Hebrew and Arabic runs are shaped right to left by SDL_ttf's
 * HarfBuzz; a full bidi reordering of mixed lines is not done. */
#include "ui_int.h"

#include <stdio.h>
#include <string.h>

static const char *const main_fonts[] = {
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
};

static int readable(const char *path)
{
    SDL_RWops *rw = SDL_RWFromFile(path, "rb");
    if (rw) SDL_RWclose(rw);
    return rw != NULL;
}

/* After Symbola: other scripts a family may write in, from Debian's font packages. */
static const struct { const char *path; int rtl; } script_fonts[] = {
    {"/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf", 1},
    {"/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf", 1},
    {"/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf", 0},
    {"/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf", 0},
    {"/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf", 0},
    {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 0},
};

int ui_fonts_open(ui_ctx *ctx, const char *assets)
{
    const char *env = SDL_getenv("SCHOUDERS_FONT");
    if (env && env[0]) SDL_strlcpy(ctx->font_path[0], env, sizeof ctx->font_path[0]);
    for (size_t i = 0; !ctx->font_path[0][0] && i < SDL_arraysize(main_fonts); i++)
        if (readable(main_fonts[i])) SDL_strlcpy(ctx->font_path[0], main_fonts[i], sizeof ctx->font_path[0]);
    int n = 1;
    if (assets) {
        snprintf(ctx->font_path[n], sizeof ctx->font_path[n], "%s/fonts/Symbola.ttf", assets);
        if (readable(ctx->font_path[n])) n++;
        else fprintf(stderr, "schouders: no fallback font at %s: symbols and emoji show as boxes\n", ctx->font_path[n]);
    }
    for (size_t i = 0; i < SDL_arraysize(script_fonts) && n < CFG_FONTS; i++)
        if (readable(script_fonts[i].path)) {
            SDL_strlcpy(ctx->font_path[n], script_fonts[i].path, sizeof ctx->font_path[n]);
            ctx->font_rtl[n++] = script_fonts[i].rtl;
        }
    for (; n < CFG_FONTS; n++) ctx->font_path[n][0] = 0;
    /* Counted: an offscreen context (the export of a plan) may live beside the screen's. */
    if (TTF_Init() != 0) {
        snprintf(ctx->error, sizeof ctx->error, "SDL_ttf: %s", TTF_GetError());
        return -1;
    }
    ctx->ttf_held = 1;
    TTF_Font *probe = ctx->font_path[0][0] ? TTF_OpenFont(ctx->font_path[0], 12) : NULL;
    if (!probe) {
        snprintf(ctx->error, sizeof ctx->error, "no font found (install fonts-noto-core): %s", TTF_GetError());
        return -1;
    }
    TTF_CloseFont(probe);
    return 0;
}

void ui_fonts_close(ui_ctx *ctx)
{
    for (int i = 0; i < CFG_TEXT_CACHE; i++)
        if (ctx->cache[i].tex) SDL_DestroyTexture(ctx->cache[i].tex);
    for (int f = 0; f < CFG_FONTS; f++)
        for (int i = 0; i < CFG_FONT_SIZES; i++)
            if (ctx->fonts[f][i]) TTF_CloseFont(ctx->fonts[f][i]);
    memset(ctx->cache, 0, sizeof ctx->cache);
    memset(ctx->text_bucket, 0, sizeof ctx->text_bucket);
    memset(ctx->fonts, 0, sizeof ctx->fonts);
    if (ctx->ttf_held) TTF_Quit();
    ctx->ttf_held = 0;
}

int ui_px(const ui_ctx *ctx, float mm)
{
    int px = (int)(mm * ctx->ppmm * ctx->scale + 0.5f);
    return px < 6 ? 6 : px;
}

/* Font `which` at px; NULL if it cannot be had. */
static TTF_Font *font(ui_ctx *ctx, int which, int px)
{
    if (!ctx->font_path[which][0]) return NULL;
    int size = px;
    int free_slot = -1;
    for (int i = 0; i < CFG_FONT_SIZES; i++) {
        if (ctx->fonts[which][i] && ctx->font_px[which][i] == size) return ctx->fonts[which][i];
        if (!ctx->fonts[which][i] && free_slot < 0) free_slot = i;
    }
    if (free_slot < 0) { /* all slots used: reuse one; rendered textures stay valid */
        free_slot = (int)(ctx->frame % CFG_FONT_SIZES);
        TTF_CloseFont(ctx->fonts[which][free_slot]);
        ctx->fonts[which][free_slot] = NULL;
    }
    TTF_Font *f = TTF_OpenFont(ctx->font_path[which], size);
    if (!f) {
        snprintf(ctx->error, sizeof ctx->error, "font: %s", TTF_GetError());
        return NULL;
    }
    TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
    if (ctx->font_rtl[which]) TTF_SetFontDirection(f, TTF_DIRECTION_RTL);
    ctx->fonts[which][free_slot] = f;
    ctx->font_px[which][free_slot] = size;
    return f;
}

/* Code points that belong to the character before them: they stay in its font. */
static int joins(uint32_t cp)
{
    return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
           (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0000 && cp <= 0xE007F);
}

/* Spaces and punctuation between two words of one script stay in its run, so a
 * right-to-left phrase is shaped as one. */
static int neutral(uint32_t cp)
{
    return cp == ' ' || cp == ',' || cp == '.' || cp == '!' || cp == '?' || cp == '-' || cp == ':';
}

static int font_for(ui_ctx *ctx, uint32_t cp, int px, int prev)
{
    if (prev >= 0 && joins(cp)) return prev;
    if (prev > 0 && neutral(cp) && ctx->font_rtl[prev]) return prev;
    for (int i = 0; i < CFG_FONTS; i++) {
        TTF_Font *f = font(ctx, i, px);
        if (f && TTF_GlyphIsProvided32(f, cp)) return i;
    }
    return 0;
}

typedef struct { size_t start, end; int which; } run;

/* Cuts s[0..len) into runs of one font each; returns how many (at most max). */
static int runs(ui_ctx *ctx, const char *s, size_t len, int px, run *out, int max)
{
    int n = 0, prev = -1;
    for (size_t i = 0; i < len;) {
        int k;
        uint32_t cp = ut_decode(s + i, len - i, &k);
        int which = font_for(ctx, cp, px, prev);
        if (n > 0 && which == out[n - 1].which) out[n - 1].end = i + (size_t)k;
        else if (n < max) out[n++] = (run){i, i + (size_t)k, which};
        else out[n - 1].end = i + (size_t)k; /* too many runs: the rest in the last font */
        prev = which;
        i += (size_t)k;
    }
    return n;
}

/* A NUL-terminated copy of s[0..len) for SDL_ttf. */
static const char *piece(ui_ctx *ctx, const char *s, size_t len)
{
    if (len >= sizeof ctx->scratch) len = sizeof ctx->scratch - 1;
    memcpy(ctx->scratch, s, len);
    ctx->scratch[len] = 0;
    return ctx->scratch;
}

/* FNV-1a over the text and how it is drawn. */
static uint64_t hash_text(const char *s, size_t len, int px, uint32_t rgb)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    h = (h ^ (uint64_t)px) * 1099511628211ull;
    return (h ^ rgb) * 1099511628211ull;
}

/* Widths asked for again and again (a title fitted every frame, words wrapped in a
 * note) come from a small table: one slot per hash, the last width measured there. */
int ui_measure(ui_ctx *ctx, const char *s, size_t len, int px)
{
    uint64_t h = hash_text(s, len, px, 0);
    ui_measure_entry *m = &ctx->measures[h % CFG_MEASURE_CACHE];
    if (m->hash == h && m->len == (uint32_t)len && m->px == px) {
        ctx->measure_hits++;
        return m->w;
    }
    run r[64];
    int n = runs(ctx, s, len, px, r, 64), w = 0;
    for (int i = 0; i < n; i++) {
        TTF_Font *f = font(ctx, r[i].which, px);
        int rw = 0;
        if (f) TTF_SizeUTF8(f, piece(ctx, s + r[i].start, r[i].end - r[i].start), &rw, NULL);
        w += rw;
    }
    *m = (ui_measure_entry){h, (uint32_t)len, px, w};
    ctx->measure_misses++;
    return w;
}

int ui_line_height(ui_ctx *ctx, int px)
{
    TTF_Font *f = font(ctx, 0, px);
    return f ? TTF_FontLineSkip(f) : px + px / 4;
}

int ui_measure_cb(void *ctx, const char *s, size_t len, int px) { return ui_measure(ctx, s, len, px); }
int ui_line_height_cb(void *ctx, int px) { return ui_line_height(ctx, px); }

/* One line rendered from its runs, baselines lined up. Release: SDL_FreeSurface. */
static SDL_Surface *render_line(ui_ctx *ctx, const char *s, size_t len, int px, uint32_t rgb)
{
    run r[64];
    SDL_Surface *parts[64];
    int n = runs(ctx, s, len, px, r, 64), w = 0;
    TTF_Font *m = font(ctx, 0, px);
    if (!m || n == 0) return NULL;
    SDL_Color c = UI_RGB(rgb);
    if (n == 1 && r[0].which == 0) return TTF_RenderUTF8_Blended(m, piece(ctx, s, len), c);
    for (int i = 0; i < n; i++) {
        TTF_Font *f = font(ctx, r[i].which, px);
        parts[i] = f ? TTF_RenderUTF8_Blended(f, piece(ctx, s + r[i].start, r[i].end - r[i].start), c) : NULL;
        if (parts[i]) w += parts[i]->w;
    }
    int h = TTF_FontHeight(m), ascent = TTF_FontAscent(m);
    SDL_Surface *line = w > 0 ? SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888) : NULL;
    int x = 0;
    for (int i = 0; i < n; i++) {
        if (!parts[i]) continue;
        if (line) {
            TTF_Font *f = font(ctx, r[i].which, px);
            SDL_Rect dst = {x, ascent - (f ? TTF_FontAscent(f) : ascent), parts[i]->w, parts[i]->h};
            SDL_SetSurfaceBlendMode(parts[i], SDL_BLENDMODE_NONE); /* runs do not overlap: copy */
            SDL_BlitSurface(parts[i], NULL, line, &dst);
        }
        x += parts[i]->w;
        SDL_FreeSurface(parts[i]);
    }
    return line;
}

/* The texture of one line, from the cache or rendered once. */
/* A rendered line, found by its hash's bucket: a frame draws about a thousand
 * lines, and scanning every entry for each one cost more than drawing them. The
 * least recently used entry is looked for only when a line must be rendered. */
static ui_text_entry *entry(ui_ctx *ctx, const char *s, size_t len, int px, uint32_t rgb)
{
    uint64_t h = hash_text(s, len, px, rgb);
    int *head = &ctx->text_bucket[h % (2 * CFG_TEXT_CACHE)];
    for (int i = *head; i; i = ctx->cache[i - 1].next) {
        ui_text_entry *e = &ctx->cache[i - 1];
        if (e->tex && e->hash == h && e->px == px && e->wrap == (int)len && e->colour == rgb) {
            e->used = ctx->frame;
            ctx->cache_hits++;
            return e;
        }
    }
    if (!ctx->ren || len == 0) return NULL;
    int victim = 0;
    for (int i = 0; i < CFG_TEXT_CACHE; i++) {
        const ui_text_entry *e = &ctx->cache[i];
        if (!e->tex) {
            victim = i;
            break;
        }
        if (e->used < ctx->cache[victim].used) victim = i;
    }
    SDL_Surface *surf = render_line(ctx, s, len, px, rgb);
    if (!surf) return NULL;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(ctx->ren, surf);
    ui_text_entry *e = &ctx->cache[victim];
    if (tex) {
        if (e->tex) { /* out of its bucket; a command of this frame may still use it */
            int *p = &ctx->text_bucket[e->hash % (2 * CFG_TEXT_CACHE)];
            while (*p && *p != victim + 1) p = &ctx->cache[*p - 1].next;
            if (*p) *p = e->next;
            ui_rc_retire(ctx, e->tex);
        }
        *e = (ui_text_entry){h, px, (int)len, rgb, tex, surf->w, surf->h, ctx->frame, *head};
        *head = victim + 1;
    }
    SDL_FreeSurface(surf);
    ctx->cache_misses++;
    return tex ? e : NULL;
}

int ui_draw_line(ui_ctx *ctx, const char *s, size_t len, int x, int y, int px, uint32_t rgb)
{
    if (ctx->no_draw) return ui_measure(ctx, s, len, px);
    ui_text_entry *e = entry(ctx, s, len, px, rgb);
    if (!e) return ctx->ren ? 0 : ui_measure(ctx, s, len, px);
    SDL_Rect dst = {x, y - ctx->oy, e->w, e->h};
    ui_rc_copy(ctx, e->tex, NULL, dst, 0xFFFFFF, e->hash);
    return e->w;
}

void ui_record_text(ui_ctx *ctx, const char *s, SDL_Rect r)
{
    if (ctx->ntexts >= CFG_MAX_TEXTS) return;
    ui_widget *w = &ctx->texts[ctx->ntexts++];
    w->id[0] = 0;
    SDL_utf8strlcpy(w->label, s, sizeof w->label);
    r.y -= ctx->oy;
    w->r = r;
    w->kind = UI_W_TEXT;
    w->state = 0;
}

/* The text just recorded was drawn cut short (an ellipsis): the dump says so. */
static void cut_short(ui_ctx *ctx)
{
    if (ctx->ntexts > 0) ctx->texts[ctx->ntexts - 1].state |= UI_ST_CUT;
}

SDL_Point ui_text_size(ui_ctx *ctx, const char *s, float mm)
{
    SDL_Point p = {0, 0};
    if (!s || !s[0]) return p;
    int px = ui_px(ctx, mm);
    p.x = ui_measure(ctx, s, strlen(s), px);
    p.y = ui_line_height(ctx, px);
    return p;
}

int ui_hyphens_load(const char *path) { return ut_hyphens_load(path); }
void ui_hyphens_free(void) { ut_hyphens_free(); }

static int align_x(int x, int w, ui_align align)
{
    return align == UI_CENTER ? x - w / 2 : align == UI_RIGHT ? x - w : x;
}

SDL_Point ui_text(ui_ctx *ctx, const char *s, int x, int y, float mm, uint32_t rgb, ui_align align, int wrap)
{
    SDL_Point size = {0, 0};
    if (!s || !s[0]) return size;
    int px = ui_px(ctx, mm), lh = ui_line_height(ctx, px);
    size_t len = strlen(s);
    ut_span lines[64];
    int n = wrap > 0 ? ut_wrap(s, len, wrap, px, ui_measure_cb, ctx, lines, 64) : 1;
    if (wrap <= 0) lines[0] = (ut_span){0, len, 0};
    int left = x;
    for (int i = 0; i < n; i++) {
        size_t l = lines[i].end - lines[i].start;
        int hw = lines[i].hyph ? ui_measure(ctx, "-", 1, px) : 0; /* a word broken here: its hyphen */
        int w = ui_measure(ctx, s + lines[i].start, l, px) + hw;
        int lx = align_x(x, w, align);
        int drawn = ui_draw_line(ctx, s + lines[i].start, l, lx, y + i * lh, px, rgb);
        if (hw) ui_draw_line(ctx, "-", 1, lx + drawn, y + i * lh, px, rgb);
        if (w > size.x) size.x = w;
        if (lx < left || i == 0) left = lx;
    }
    size.y = n * lh;
    ui_record_text(ctx, s, (SDL_Rect){left, y, size.x, size.y});
    return size;
}

void ui_text_fit(ui_ctx *ctx, const char *s, SDL_Rect r, float mm, float min_mm, uint32_t rgb, ui_align align)
{
    if (!s || !s[0]) return;
    size_t len = strlen(s);
    int px = ui_px(ctx, mm), min_px = ui_px(ctx, min_mm);
    /* The size found is kept with the fits (h -1 marks a line): trying size after
     * size of the timer's big digits each frame cost 20 ms of a 22 ms frame, once a
     * board's many words had pushed those widths out of the width table. */
    uint64_t h = hash_text(s, len, px, (uint32_t)min_px) * 1099511628211ull ^ (uint64_t)(uint32_t)r.w;
    ui_fit_entry *e = &ctx->fits[h % CFG_FIT_CACHE];
    int w, ell = 0, max_px = px;
    size_t shown = len;
    if (e->hash == h && e->len == (uint32_t)len && e->w == r.w && e->h == -1 && e->max_px == px && e->min_px == min_px) {
        px = e->px;
        w = e->nlines;
        ell = e->cut;
        shown = e->cut_at;
        goto draw;
    }
    w = ui_measure(ctx, s, len, px);
    if (w > r.w && px > min_px) {
        /* Width grows almost in proportion to size: start at the size that would just
         * fit, step down until it does, then up while the next still fits. Trying
         * every size down from the top opened a font per size: 110 of them for the
         * timer's digits each time they changed, 50 ms of one frame. */
        int at = (int)((int64_t)px * r.w / (w > 0 ? w : 1));
        at = at < min_px ? min_px : at >= px ? px - 1 : at;
        int aw = ui_measure(ctx, s, len, at);
        while (aw > r.w && at > min_px) aw = ui_measure(ctx, s, len, --at);
        while (aw <= r.w && at + 1 < px) {
            int up = ui_measure(ctx, s, len, at + 1);
            if (up > r.w) break;
            at++;
            aw = up;
        }
        px = at;
        w = aw;
    }
    if (w > r.w) { /* still too wide: whole graphemes, then an ellipsis */
        ell = ui_measure(ctx, "\xE2\x80\xA6", 3, px);
        shown = 0;
        for (size_t c = 0; c < len;) {
            size_t nb = ut_next(s, len, c);
            if (ui_measure(ctx, s, nb, px) + ell > r.w) break;
            shown = c = nb;
        }
        w = ui_measure(ctx, s, shown, px) + ell;
    }
    *e = (ui_fit_entry){h, (uint32_t)len, r.w, -1, max_px, min_px, px, w, ell, (uint32_t)shown, {{0}}};
draw:;
    int lh = ui_line_height(ctx, px);
    int x = align_x(align == UI_CENTER ? r.x + r.w / 2 : align == UI_RIGHT ? r.x + r.w : r.x, w, align);
    int y = r.y + (r.h - lh) / 2;
    int drawn = ui_draw_line(ctx, s, shown, x, y, px, rgb);
    if (ell) ui_draw_line(ctx, "\xE2\x80\xA6", 3, x + drawn, y, px, rgb);
    ui_record_text(ctx, s, (SDL_Rect){x, y, w, lh});
    if (ell) cut_short(ctx);
}

/* A note is fitted into its box every frame, trying size after size; the answer
 * only changes with the text or the box, so it is kept in a table like the widths
 * (a tray of long unbroken words cost 80 ms a frame without it). */
static ut_fit fit_box(ui_ctx *ctx, const char *s, size_t len, SDL_Rect r, int px, int min_px, ut_span *lines)
{
    uint64_t h = hash_text(s, len, px, (uint32_t)min_px);
    h = ((h ^ (uint64_t)(uint32_t)r.w) * 1099511628211ull ^ (uint64_t)(uint32_t)r.h) * 1099511628211ull;
    ui_fit_entry *e = &ctx->fits[h % CFG_FIT_CACHE];
    if (e->hash == h && e->len == (uint32_t)len && e->w == r.w && e->h == r.h && e->max_px == px && e->min_px == min_px) {
        for (int i = 0; i < e->nlines; i++) lines[i] = (ut_span){e->line[i][0], e->line[i][1], (int)e->line[i][2]};
        return (ut_fit){e->px, e->nlines, e->cut, e->cut_at};
    }
    ut_fit f = ut_fit_box(s, len, r.w, r.h, px, min_px, ui_measure_cb, ui_line_height_cb, ctx, lines, CFG_FIT_LINES);
    if (f.nlines > CFG_FIT_KEEP_LINES) return f;
    *e = (ui_fit_entry){h, (uint32_t)len, r.w, r.h, px, min_px, f.px, f.nlines, f.cut, (uint32_t)f.cut_at, {{0}}};
    for (int i = 0; i < f.nlines; i++) {
        e->line[i][0] = (uint32_t)lines[i].start;
        e->line[i][1] = (uint32_t)lines[i].end;
        e->line[i][2] = (uint32_t)lines[i].hyph;
    }
    return f;
}

int ui_text_box(ui_ctx *ctx, const char *s, SDL_Rect r, float mm, float min_mm, uint32_t rgb, ui_align align)
{
    if (!s || !s[0]) return 0;
    size_t len = strlen(s);
    ut_span lines[CFG_FIT_LINES];
    ut_fit f = fit_box(ctx, s, len, r, ui_px(ctx, mm), ui_px(ctx, min_mm), lines);
    int lh = ui_line_height(ctx, f.px);
    int y = r.y + (r.h - f.nlines * lh) / 2;
    int x0 = align == UI_CENTER ? r.x + r.w / 2 : align == UI_RIGHT ? r.x + r.w : r.x;
    for (int i = 0; i < f.nlines; i++) {
        size_t start = lines[i].start, end = (f.cut && i == f.nlines - 1) ? f.cut_at : lines[i].end;
        int last_cut = f.cut && i == f.nlines - 1;
        int ell = last_cut ? ui_measure(ctx, "\xE2\x80\xA6", 3, f.px) : 0;
        int hw = !last_cut && lines[i].hyph ? ui_measure(ctx, "-", 1, f.px) : 0; /* a word broken here: its hyphen */
        int w = ui_measure(ctx, s + start, end - start, f.px) + ell + hw;
        int x = align_x(x0, w, align);
        int drawn = ui_draw_line(ctx, s + start, end - start, x, y + i * lh, f.px, rgb);
        if (ell) ui_draw_line(ctx, "\xE2\x80\xA6", 3, x + drawn, y + i * lh, f.px, rgb);
        if (hw) ui_draw_line(ctx, "-", 1, x + drawn, y + i * lh, f.px, rgb);
    }
    ui_record_text(ctx, s, (SDL_Rect){r.x, y, r.w, f.nlines * lh});
    if (f.cut) cut_short(ctx);
    return f.cut;
}
