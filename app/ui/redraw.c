/* redraw: a frame redraws only what changed (DESIGN: the frame that follows a commit
 * does not redraw what did not change). Drawing to the screen is recorded, not done;
 * at the frame's end each cell of a grid gets a hash of the commands that touch it,
 * and only the cells whose hash differs from the last frame's are drawn, every
 * command that touches them replayed in order, clipped. A step on the Drieluik
 * changes a few column edges and a bar, not 1920x1080 pixels: the software renderer
 * spent most of a full frame filling and blending pixels that were already there.
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
    if (!rc->cmds || !rc->verts || !rc->idx) {
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
    struct ui_rc_cmd *c = &rc->cmds[rc->n++];
    memset(c, 0, sizeof *c);
    c->kind = (uint8_t)kind;
    c->bb = bb;
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

/* The end of a frame: the cells that changed, drawn. */
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
    /* Row by row, runs of changed cells; a run the row below repeats grows down. */
    static SDL_Rect spans[CFG_RC_CELLS];
    int nspans = 0;
    for (int y = 0; y < rows && cells; y++) {
        for (int x = 0; x < cols;) {
            if (!full && now[y * cols + x] == was[y * cols + x]) {
                x++;
                continue;
            }
            int x0 = x;
            while (x < cols && (full || now[y * cols + x] != was[y * cols + x])) x++;
            SDL_Rect s = {x0 * cell, y * cell, (x - x0) * cell, cell};
            rc->drawn_cells += x - x0;
            int grown = 0;
            for (int i = nspans - 1; i >= 0 && !grown; i--)
                if (spans[i].x == s.x && spans[i].w == s.w && spans[i].y + spans[i].h == s.y) spans[i].h += cell, grown = 1;
            if (!grown) spans[nspans++] = s;
        }
    }
    for (int i = 0; i < nspans; i++) {
        SDL_Rect s = spans[i];
        if (s.x + s.w > ctx->w) s.w = ctx->w - s.x;
        if (s.y + s.h > ctx->h) s.h = ctx->h - s.y;
        SDL_RenderSetClipRect(ctx->ren, &s);
        for (int k = 0; k < rc->n; k++) {
            const struct ui_rc_cmd *c = &rc->cmds[k];
            /* Inline, not SDL_HasIntersection: spans times commands is thousands of tests. */
            if (c->bb.w > 0 && c->bb.h > 0 && c->bb.x < s.x + s.w && s.x < c->bb.x + c->bb.w && c->bb.y < s.y + s.h && s.y < c->bb.y + c->bb.h) run(ctx, c);
        }
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
