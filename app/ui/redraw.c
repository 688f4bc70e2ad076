/* redraw: a frame redraws only what changed (DESIGN: the frame that follows a commit
 * does not redraw what did not change). Drawing to the screen is recorded, not done;
 * at the frame's end each cell of a grid gets a hash of the commands that touch it,
 * and only the cells whose hash differs from the last frame's are drawn, every
 * command that touches them replayed in order, clipped. A step on the Drieluik
 * changes a few column edges and a bar, not 1920x1080 pixels: the software renderer
 * spent most of a full frame filling and blending pixels that were already there.
 *
 * Within a changed cell only what changed is drawn again, when that can be told:
 * the places of the commands this frame has and the last had not (or the other way
 * round), provided the commands both frames have touch the cell in the same order.
 * Stars appearing on forty post-its redraw forty stars, not the 64-px cells they
 * touch (a tenth of the pixels). Otherwise, the whole cell.
 *
 * Only with SDL's software renderer, whose screen keeps its pixels from frame to
 * frame; any other renderer draws everything, every frame. A texture a recorded
 * command uses is not destroyed before the frame is drawn (ui_rc_retire). Drawing
 * into the drag layer is done at once, as before. */
#include "ui_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { RC_FILL, RC_BLEND, RC_GEOM, RC_COPY };

struct ui_rc_cmd {
    uint8_t kind, alpha;
    uint32_t rgb;      /* fill colour; a copy's tint */
    SDL_Rect bb;       /* what it can touch */
    uint64_t hash;
    SDL_Texture *tex;  /* copy */
    SDL_Rect src, dst;
    int whole;         /* copy: the whole texture (src unused) */
    int v0, nv, i0, ni; /* geometry, in the arenas */
};

/* What a command of the last frame was, and where. */
struct ui_rc_was {
    uint64_t hash;
    SDL_Rect bb;
};

/* A frame's command hashes, to look up: open addressing, 0 is free. */
enum { SET_BITS = 14 };
_Static_assert((1 << SET_BITS) == CFG_RC_SET, "CFG_RC_SET is 2^SET_BITS");

static size_t slot(uint64_t h) { return (size_t)((h * 0x9E3779B97F4A7C15ull) >> (64 - SET_BITS)); }

static void set_put(uint64_t *t, int *used, int *nused, uint64_t h)
{
    h = h ? h : 1;
    for (size_t i = slot(h);; i = (i + 1) & (CFG_RC_SET - 1)) {
        if (t[i] == h) return;
        if (!t[i]) {
            t[i] = h;
            used[(*nused)++] = (int)i;
            return;
        }
    }
}

static int set_has(const uint64_t *t, uint64_t h)
{
    h = h ? h : 1;
    for (size_t i = slot(h);; i = (i + 1) & (CFG_RC_SET - 1)) {
        if (t[i] == h) return 1;
        if (!t[i]) return 0;
    }
}

/* One word into h: a multiply carries low bits up, the shift carries high bits down
 * (else two differences in bit 63 cancel). Both are bijections of h, so a command
 * that differs in one word never hashes the same. */
static uint64_t word(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 1099511628211ull;
    return h ^ (h >> 29);
}

/* Over 8-byte words, not bytes: a frame hashes thousands of commands. */
static uint64_t mix(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (; n >= 8; b += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, b, 8);
        h = word(h, w);
    }
    if (n) {
        uint64_t w = 0;
        memcpy(&w, b, n);
        h = word(h, w);
    }
    return h;
}

int ui_rc_init(ui_ctx *ctx)
{
    ui_rc *rc = &ctx->rc;
    SDL_RendererInfo info;
    rc->on = ctx->ren && SDL_GetRendererInfo(ctx->ren, &info) == 0 && info.name && !strcmp(info.name, "software") &&
             !getenv("SCHOUDERS_FULL_REDRAW");
    if (!rc->on) return 0;
    rc->cmds = malloc(sizeof *rc->cmds * CFG_RC_CMDS);
    rc->verts = malloc(sizeof *rc->verts * CFG_RC_VERTS);
    rc->idx = malloc(sizeof *rc->idx * CFG_RC_VERTS * 3);
    rc->was = malloc(sizeof *rc->was * CFG_RC_CMDS);
    enum { ROOM = CFG_RC_CMDS + 8 }; /* and eight more, for the last eight tested at once */
    rc->x0 = malloc(sizeof *rc->x0 * ROOM * 4);
    rc->y0 = rc->x0 ? rc->x0 + ROOM : NULL;
    rc->x1 = rc->x0 ? rc->x0 + ROOM * 2 : NULL;
    rc->y1 = rc->x0 ? rc->x0 + ROOM * 3 : NULL;
    for (int k = 0; rc->x0 && k < ROOM; k++) rc->x0[k] = rc->y0[k] = 32767, rc->x1[k] = rc->y1[k] = -32767;
    rc->set[0] = calloc(CFG_RC_SET, sizeof *rc->set[0]);
    rc->set[1] = calloc(CFG_RC_SET, sizeof *rc->set[1]);
    rc->set_used[0] = malloc(sizeof *rc->set_used[0] * CFG_RC_SET);
    rc->set_used[1] = malloc(sizeof *rc->set_used[1] * CFG_RC_SET);
    rc->nwas = -1;
    if (!rc->cmds || !rc->verts || !rc->idx || !rc->was || !rc->x0 || !rc->set[0] || !rc->set[1] || !rc->set_used[0] || !rc->set_used[1]) {
        ui_rc_quit(ctx);
        return -1;
    }
    rc->full = 1;
    /* SCHOUDERS_CHECK_REDRAW=N: every Nth frame (a wrong cell stays wrong until it
     * changes, so a sample finds it). */
    const char *every = getenv("SCHOUDERS_CHECK_REDRAW");
    rc->check = every && atoi(every) > 0 ? atoi(every) : 0;
    return 0;
}

void ui_rc_quit(ui_ctx *ctx)
{
    ui_rc *rc = &ctx->rc;
    for (int i = 0; i < rc->ngrave; i++) SDL_DestroyTexture(rc->grave[i]);
    free(rc->cmds);
    free(rc->verts);
    free(rc->idx);
    free(rc->was);
    free(rc->x0);
    free(rc->set[0]);
    free(rc->set[1]);
    free(rc->set_used[0]);
    free(rc->set_used[1]);
    memset(rc, 0, sizeof *rc);
}

/* Recording now: to the screen, with room. */
static int recording(ui_ctx *ctx) { return ctx->rc.on && !ctx->rc.immediate && !ctx->rc.to_layer; }

static void run(ui_ctx *ctx, const struct ui_rc_cmd *c)
{
    SDL_Renderer *r = ctx->ren;
    switch (c->kind) {
    case RC_FILL:
        SDL_SetRenderDrawColor(r, (Uint8)(c->rgb >> 16), (Uint8)(c->rgb >> 8), (Uint8)c->rgb, 255);
        SDL_RenderFillRect(r, &c->bb);
        break;
    case RC_BLEND:
        SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
        SDL_SetRenderDrawColor(r, (Uint8)(c->rgb >> 16), (Uint8)(c->rgb >> 8), (Uint8)c->rgb, c->alpha);
        SDL_RenderFillRect(r, &c->bb);
        SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
        break;
    case RC_GEOM:
        SDL_RenderGeometry(r, NULL, ctx->rc.verts + c->v0, c->nv, ctx->rc.idx + c->i0, c->ni);
        break;
    default:
        SDL_SetTextureColorMod(c->tex, (Uint8)(c->rgb >> 16), (Uint8)(c->rgb >> 8), (Uint8)c->rgb);
        SDL_RenderCopy(r, c->tex, c->whole ? NULL : &c->src, &c->dst);
        break;
    }
}

/* Out of room: what is recorded is drawn now, the rest of the frame at once, and
 * the whole screen counts as changed. */
static void overflow(ui_ctx *ctx)
{
    ui_rc *rc = &ctx->rc;
    for (int i = 0; i < rc->n; i++) run(ctx, &rc->cmds[i]);
    rc->n = rc->nv = rc->ni = 0;
    rc->immediate = 1;
    rc->full = 1;
}

static struct ui_rc_cmd *add(ui_ctx *ctx, int kind, SDL_Rect bb)
{
    ui_rc *rc = &ctx->rc;
    if (rc->n >= CFG_RC_CMDS) {
        overflow(ctx);
        return NULL;
    }
    int k = rc->n++;
    struct ui_rc_cmd *c = &rc->cmds[k];
    memset(c, 0, sizeof *c);
    c->kind = (uint8_t)kind;
    c->bb = bb;
    if (bb.w > 0 && bb.h > 0) {
        rc->x0[k] = (int16_t)SDL_clamp(bb.x, -32767, 32767), rc->x1[k] = (int16_t)SDL_clamp(bb.x + bb.w, -32767, 32767);
        rc->y0[k] = (int16_t)SDL_clamp(bb.y, -32767, 32767), rc->y1[k] = (int16_t)SDL_clamp(bb.y + bb.h, -32767, 32767);
    } else { /* touches nothing */
        rc->x0[k] = rc->y0[k] = 32767;
        rc->x1[k] = rc->y1[k] = -32767;
    }
    return c;
}

void ui_rc_fill(ui_ctx *ctx, SDL_Rect r, uint32_t rgb, uint8_t alpha)
{
    if (!recording(ctx)) {
        if (alpha != 255) SDL_SetRenderDrawBlendMode(ctx->ren, SDL_BLENDMODE_BLEND);
        SDL_SetRenderDrawColor(ctx->ren, (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, alpha);
        SDL_RenderFillRect(ctx->ren, &r);
        if (alpha != 255) SDL_SetRenderDrawBlendMode(ctx->ren, SDL_BLENDMODE_NONE);
        return;
    }
    if (r.w <= 0 || r.h <= 0) return;
    struct ui_rc_cmd *c = add(ctx, alpha == 255 ? RC_FILL : RC_BLEND, r);
    if (!c) { /* out of room: from now on at once */
        ui_rc_fill(ctx, r, rgb, alpha);
        return;
    }
    c->rgb = rgb;
    c->alpha = alpha;
    uint64_t h = mix(1469598103934665603ull, &c->kind, 1);
    h = mix(h, &r, sizeof r);
    h = mix(h, &rgb, sizeof rgb);
    c->hash = mix(h, &alpha, 1);
}

void ui_rc_geometry(ui_ctx *ctx, const SDL_Vertex *v, int nv, const int *idx, int ni)
{
    ui_rc *rc = &ctx->rc;
    if (!recording(ctx)) {
        SDL_RenderGeometry(ctx->ren, NULL, v, nv, idx, ni);
        return;
    }
    if (nv <= 0 || ni <= 0) return;
    if (rc->nv + nv > CFG_RC_VERTS || rc->ni + ni > CFG_RC_VERTS * 3) {
        overflow(ctx);
        SDL_RenderGeometry(ctx->ren, NULL, v, nv, idx, ni);
        return;
    }
    float x0 = v[0].position.x, y0 = v[0].position.y, x1 = x0, y1 = y0;
    for (int i = 1; i < nv; i++) {
        x0 = SDL_min(x0, v[i].position.x), x1 = SDL_max(x1, v[i].position.x);
        y0 = SDL_min(y0, v[i].position.y), y1 = SDL_max(y1, v[i].position.y);
    }
    SDL_Rect bb = {(int)SDL_floorf(x0) - 1, (int)SDL_floorf(y0) - 1, (int)SDL_ceilf(x1 - x0) + 3, (int)SDL_ceilf(y1 - y0) + 3};
    struct ui_rc_cmd *c = add(ctx, RC_GEOM, bb);
    if (!c) {
        SDL_RenderGeometry(ctx->ren, NULL, v, nv, idx, ni);
        return;
    }
    memcpy(rc->verts + rc->nv, v, sizeof *v * (size_t)nv);
    memcpy(rc->idx + rc->ni, idx, sizeof *idx * (size_t)ni);
    c->v0 = rc->nv, c->nv = nv, c->i0 = rc->ni, c->ni = ni;
    rc->nv += nv;
    rc->ni += ni;
    uint64_t h = mix(1469598103934665603ull, &c->kind, 1);
    h = mix(h, v, sizeof *v * (size_t)nv);
    c->hash = mix(h, idx, sizeof *idx * (size_t)ni);
}

void ui_rc_copy(ui_ctx *ctx, SDL_Texture *tex, const SDL_Rect *src, SDL_Rect dst, uint32_t tint, uint64_t key)
{
    if (!recording(ctx)) {
        SDL_SetTextureColorMod(tex, (Uint8)(tint >> 16), (Uint8)(tint >> 8), (Uint8)tint);
        SDL_RenderCopy(ctx->ren, tex, src, &dst);
        return;
    }
    struct ui_rc_cmd *c = add(ctx, RC_COPY, dst);
    if (!c) {
        ui_rc_copy(ctx, tex, src, dst, tint, key);
        return;
    }
    c->tex = tex;
    c->whole = !src;
    if (src) c->src = *src;
    c->dst = dst;
    c->rgb = tint;
    /* The key says what the texture shows (a text and its size and colour, a disc's
     * radius, the layer's making): a texture made again under the same pointer
     * with other pixels is not taken for the old one. */
    uint64_t h = mix(1469598103934665603ull, &c->kind, 1);
    h = mix(h, &key, sizeof key);
    h = mix(h, &dst, sizeof dst);
    if (src) h = mix(h, src, sizeof *src);
    c->hash = mix(h, &tint, sizeof tint);
}

int ui_rc_retire(ui_ctx *ctx, SDL_Texture *tex)
{
    ui_rc *rc = &ctx->rc;
    if (!tex) return 0;
    if (!rc->on || rc->n == 0) {
        SDL_DestroyTexture(tex);
        return 0;
    }
    if (rc->ngrave >= CFG_RC_GRAVE) overflow(ctx); /* draws what uses them, so they can go */
    if (rc->ngrave >= CFG_RC_GRAVE) {
        for (int i = 0; i < rc->ngrave; i++) SDL_DestroyTexture(rc->grave[i]);
        rc->ngrave = 0;
    }
    if (rc->n == 0) {
        SDL_DestroyTexture(tex);
        return 0;
    }
    rc->grave[rc->ngrave++] = tex;
    return 0;
}

void ui_rc_target(ui_ctx *ctx, int layer)
{
    ctx->rc.to_layer = layer;
}

void ui_rc_invalidate(ui_ctx *ctx) { ctx->rc.full = 1; }

/* The tests' check (SCHOUDERS_CHECK_REDRAW): the screen as drawn in part, against
 * the same frame drawn whole over it; any pixel that differs is said on stderr. */
static void check(ui_ctx *ctx)
{
    ui_rc *rc = &ctx->rc;
    size_t n = (size_t)ctx->w * (size_t)ctx->h;
    Uint32 *a = malloc(n * 4), *b = malloc(n * 4);
    if (a && b && SDL_RenderReadPixels(ctx->ren, NULL, SDL_PIXELFORMAT_ARGB8888, a, ctx->w * 4) == 0) {
        for (int k = 0; k < rc->n; k++) run(ctx, &rc->cmds[k]);
        if (SDL_RenderReadPixels(ctx->ren, NULL, SDL_PIXELFORMAT_ARGB8888, b, ctx->w * 4) == 0) {
            long bad = 0;
            for (size_t i = 0; i < n; i++) bad += a[i] != b[i];
            if (bad) {
                rc->mismatches++;
                fprintf(stderr, "schouders: redraw: %ld pixels differ from a full redraw (screen %s, frame %u)\n", bad,
                        ctx->screen, ctx->frame);
            }
        }
    }
    free(a);
    free(b);
}

/* Folds h into the cells of bb that changed (s: per cell). */
static void fold(uint64_t *s, const unsigned char *changed, SDL_Rect bb, uint64_t h, int cell, int cols, int w, int hh)
{
    int cx0 = SDL_max(bb.x, 0) / cell, cy0 = SDL_max(bb.y, 0) / cell;
    int cx1 = SDL_min(bb.x + bb.w - 1, w - 1) / cell, cy1 = SDL_min(bb.y + bb.h - 1, hh - 1) / cell;
    for (int y = cy0; y <= cy1; y++)
        for (int x = cx0; x <= cx1; x++)
            if (changed[y * cols + x]) s[y * cols + x] = (s[y * cols + x] ^ h) * 1099511628211ull;
}

static int touches(SDL_Rect a, SDL_Rect b) { return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h; }

/* Replays every command that touches s, clipped to it: s drawn whole again, from
 * the last opaque fill that covers all of s up (what lies under it never shows: a
 * note's rect under a star is not the screen, the column and the note again). */
static void replay(ui_ctx *ctx, SDL_Rect s)
{
    static int hits[CFG_RC_CMDS];
    int nhits = 0, from = 0;
    ui_rc *rc = &ctx->rc;
    if (s.x + s.w > ctx->w) s.w = ctx->w - s.x;
    if (s.y + s.h > ctx->h) s.h = ctx->h - s.y;
    if (s.w <= 0 || s.h <= 0) return;
    rc->drawn_px += (long)s.w * s.h;
    SDL_RenderSetClipRect(ctx->ren, &s);
    /* Rects times commands is tens of thousands of tests: on the side-by-side places,
     * eight at a time (GCC's and clang's vectors: SSE2 here), then only the hits. The
     * last eight may read past n: places of a longer frame, or the "touch nothing"
     * they were made with (so never unset memory); hits past n are not run. */
    typedef int16_t v8 __attribute__((vector_size(16)));
    const int16_t *x0 = rc->x0, *y0 = rc->y0, *x1 = rc->x1, *y1 = rc->y1;
    v8 sx0 = {0}, sy0 = {0}, sx1 = {0}, sy1 = {0};
    sx0 += (int16_t)s.x, sy0 += (int16_t)s.y, sx1 += (int16_t)(s.x + s.w), sy1 += (int16_t)(s.y + s.h);
    for (int k = 0; k < rc->n; k += 8) {
        v8 a, b, c, d;
        memcpy(&a, x0 + k, 16), memcpy(&b, x1 + k, 16), memcpy(&c, y0 + k, 16), memcpy(&d, y1 + k, 16);
        v8 hit = (a < sx1) & (sx0 < b) & (c < sy1) & (sy0 < d);
        uint64_t lo, hi;
        memcpy(&lo, &hit, 8), memcpy(&hi, (char *)&hit + 8, 8);
        if (!(lo | hi)) continue;
        for (int j = 0; j < 8 && k + j < rc->n; j++) {
            if (!hit[j]) continue;
            const struct ui_rc_cmd *c = &rc->cmds[k + j];
            if (c->kind == RC_FILL && c->bb.x <= s.x && c->bb.y <= s.y && c->bb.x + c->bb.w >= s.x + s.w &&
                c->bb.y + c->bb.h >= s.y + s.h)
                from = nhits;
            hits[nhits++] = k + j;
        }
    }
    for (int i = from; i < nhits; i++) run(ctx, &rc->cmds[hits[i]]);
}

/* The end of a frame: what changed, drawn. */
void ui_rc_draw(ui_ctx *ctx)
{
    ui_rc *rc = &ctx->rc;
    if (!rc->on) return;
    int cell = CFG_RC_CELL, cols = (ctx->w + cell - 1) / cell, rows = (ctx->h + cell - 1) / cell;
    int cells = cols * rows;
    if (cells > CFG_RC_CELLS) { /* a screen larger than the grid: everything, every time */
        overflow(ctx);
        cells = 0;
    }
    uint64_t *now = rc->cell[rc->flip], *was = rc->cell[!rc->flip];
    for (int i = 0; i < cells; i++) now[i] = 1469598103934665603ull;
    for (int k = 0; k < rc->n && cells; k++) {
        const struct ui_rc_cmd *c = &rc->cmds[k];
        int cx0 = SDL_max(c->bb.x, 0) / cell, cy0 = SDL_max(c->bb.y, 0) / cell;
        int cx1 = SDL_min(c->bb.x + c->bb.w - 1, ctx->w - 1) / cell, cy1 = SDL_min(c->bb.y + c->bb.h - 1, ctx->h - 1) / cell;
        for (int y = cy0; y <= cy1; y++)
            for (int x = cx0; x <= cx1; x++) now[y * cols + x] = (now[y * cols + x] ^ c->hash) * 1099511628211ull;
    }
    int full = rc->full || rc->w != ctx->w || rc->h != ctx->h;
    rc->drawn_cells = 0;
    rc->drawn_px = 0;
    static unsigned char changed[CFG_RC_CELLS], whole[CFG_RC_CELLS];
    for (int i = 0; i < cells; i++) {
        changed[i] = whole[i] = full || now[i] != was[i];
        rc->drawn_cells += changed[i];
    }
    /* Within the changed cells: the commands one frame has and the other has not
     * are what changed, drawn again at their places, unless the commands both have
     * touch a cell in another order or number there (then the whole cell). */
    uint64_t *tnow = rc->set[rc->set_flip], *twas = rc->set[!rc->set_flip];
    int sets = !rc->immediate && rc->n <= CFG_RC_SET / 2;
    if (sets) {
        int f = rc->set_flip, *used = rc->set_used[f];
        for (int i = 0; i < rc->nset_used[f]; i++) tnow[used[i]] = 0; /* the frame before last's */
        rc->nset_used[f] = 0;
        for (int k = 0; k < rc->n; k++) set_put(tnow, used, &rc->nset_used[f], rc->cmds[k].hash);
    }
    static SDL_Rect dmg[CFG_RC_DAMAGE];
    int ndmg = 0;
    if (sets && !full && cells && rc->nwas >= 0 && rc->drawn_cells) {
        static uint64_t sn[CFG_RC_CELLS], sw[CFG_RC_CELLS];
        for (int i = 0; i < cells; i++) sn[i] = sw[i] = 1469598103934665603ull;
        int over = 0;
        SDL_Rect screen = {0, 0, ctx->w, ctx->h};
        for (int k = 0; k < rc->n + rc->nwas && !over; k++) {
            int mine = k < rc->n; /* this frame's, else the last frame's */
            uint64_t h = mine ? rc->cmds[k].hash : rc->was[k - rc->n].hash;
            SDL_Rect bb = mine ? rc->cmds[k].bb : rc->was[k - rc->n].bb;
            if (set_has(mine ? twas : tnow, h)) fold(mine ? sn : sw, changed, bb, h, cell, cols, ctx->w, ctx->h);
            else if (SDL_IntersectRect(&bb, &screen, &bb)) {
                if (ndmg == CFG_RC_DAMAGE) over = 1;
                else dmg[ndmg++] = bb;
            }
        }
        if (over) ndmg = 0;
        else
            for (int i = 0; i < cells; i++) whole[i] = changed[i] && sn[i] != sw[i];
        /* Places that touch become one, when that adds little: fewer replays. */
        for (int i = 0; i < ndmg; i++)
            for (int j = i + 1; j < ndmg; j++) {
                if (!touches(dmg[i], dmg[j])) continue;
                int ux = SDL_min(dmg[i].x, dmg[j].x), uy = SDL_min(dmg[i].y, dmg[j].y);
                SDL_Rect u = {ux, uy, SDL_max(dmg[i].x + dmg[i].w, dmg[j].x + dmg[j].w) - ux,
                              SDL_max(dmg[i].y + dmg[i].h, dmg[j].y + dmg[j].h) - uy};
                long a = (long)dmg[i].w * dmg[i].h + (long)dmg[j].w * dmg[j].h;
                if ((long)u.w * u.h > a + a / 2) continue;
                dmg[i] = u;
                dmg[j] = dmg[--ndmg];
                j = i; /* i grew: ask the others again */
            }
    }
    /* Row by row, runs of cells drawn whole; a run the row below repeats grows down. */
    static SDL_Rect spans[CFG_RC_CELLS];
    int nspans = 0;
    for (int y = 0; y < rows && cells; y++) {
        for (int x = 0; x < cols;) {
            if (!whole[y * cols + x]) {
                x++;
                continue;
            }
            int x0 = x;
            while (x < cols && whole[y * cols + x]) x++;
            SDL_Rect s = {x0 * cell, y * cell, (x - x0) * cell, cell};
            int grown = 0;
            for (int i = nspans - 1; i >= 0 && !grown; i--)
                if (spans[i].x == s.x && spans[i].w == s.w && spans[i].y + spans[i].h == s.y) spans[i].h += cell, grown = 1;
            if (!grown) spans[nspans++] = s;
        }
    }
    for (int i = 0; i < nspans; i++) replay(ctx, spans[i]);
    for (int i = 0; i < ndmg; i++) replay(ctx, dmg[i]);
    /* What this frame drew, for the next to compare with. */
    if (sets) {
        for (int k = 0; k < rc->n; k++) rc->was[k] = (struct ui_rc_was){rc->cmds[k].hash, rc->cmds[k].bb};
        rc->nwas = rc->n;
        rc->set_flip = !rc->set_flip;
    } else {
        rc->nwas = -1;
    }
    SDL_RenderSetClipRect(ctx->ren, NULL);
    if (rc->check && !full && cells && ctx->frame % (unsigned)rc->check == 0) check(ctx);
    /* The graveyard's textures are drawn: now they can go. */
    for (int i = 0; i < rc->ngrave; i++) SDL_DestroyTexture(rc->grave[i]);
    rc->ngrave = 0;
    rc->flip = !rc->flip;
    rc->n = rc->nv = rc->ni = 0;
    /* A frame that overflowed drew everything at once: the next compares with nothing. */
    rc->full = rc->immediate || !cells;
    rc->immediate = 0;
    rc->w = ctx->w;
    rc->h = ctx->h;
}
