/* ink: strokes, smoothing and the BLOB format. */
#include "ink.h"

#include <string.h>

static uint16_t q(float v)
{
    if (v < 0) v = 0;
    if (v > 1) v = 1;
    return (uint16_t)(v * 65535.0f + 0.5f);
}

void ink_clear(ui_ink *k)
{
    k->npoints = k->nstrokes = k->open = 0;
}

static int push(ui_ink *k, float nx, float ny)
{
    if (k->npoints >= INK_MAX_POINTS) return -1;
    k->x[k->npoints] = q(nx);
    k->y[k->npoints] = q(ny);
    k->npoints++;
    k->end[k->nstrokes - 1] = (uint16_t)k->npoints;
    return 0;
}

int ink_begin(ui_ink *k, float nx, float ny)
{
    if (k->open) ink_end(k);
    if (k->nstrokes >= INK_MAX_STROKES || k->npoints >= INK_MAX_POINTS) return -1;
    k->nstrokes++;
    k->end[k->nstrokes - 1] = (uint16_t)k->npoints;
    k->open = 1;
    k->sx = nx;
    k->sy = ny;
    return push(k, nx, ny);
}

int ink_add(ui_ink *k, float nx, float ny, float min_step)
{
    if (!k->open) return ink_begin(k, nx, ny);
    /* Halfway to the finger each time: takes the jitter out of a touch screen. */
    k->sx += (nx - k->sx) * 0.5f;
    k->sy += (ny - k->sy) * 0.5f;
    int last = k->npoints - 1;
    float dx = k->sx - k->x[last] / 65535.0f, dy = k->sy - k->y[last] / 65535.0f;
    if (dx * dx + dy * dy < min_step * min_step) return 0;
    return push(k, k->sx, k->sy);
}

void ink_end(ui_ink *k)
{
    k->open = 0;
}

int ink_undo(ui_ink *k)
{
    if (k->nstrokes == 0) return 0;
    k->open = 0;
    k->nstrokes--;
    k->npoints = k->nstrokes ? k->end[k->nstrokes - 1] : 0;
    return 1;
}

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static uint16_t get16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }

size_t ink_encode(const ui_ink *k, uint8_t *out, size_t cap)
{
    size_t need = 4 + (size_t)k->nstrokes * 2 + (size_t)k->npoints * 4;
    if (k->nstrokes == 0 || need > cap) return 0;
    out[0] = 'I';
    out[1] = 1;
    put16(out + 2, (uint16_t)k->nstrokes);
    size_t o = 4;
    int start = 0;
    for (int s = 0; s < k->nstrokes; s++) {
        int end = k->end[s];
        put16(out + o, (uint16_t)(end - start));
        o += 2;
        for (int i = start; i < end; i++, o += 4) {
            put16(out + o, k->x[i]);
            put16(out + o + 2, k->y[i]);
        }
        start = end;
    }
    return o;
}

int ink_decode(ui_ink *k, const uint8_t *in, size_t len)
{
    ink_clear(k);
    if (len < 4 || in[0] != 'I' || in[1] != 1) return -1;
    int strokes = get16(in + 2);
    size_t o = 4;
    if (strokes > INK_MAX_STROKES) return -1;
    for (int s = 0; s < strokes; s++) {
        if (o + 2 > len) goto bad;
        int n = get16(in + o);
        o += 2;
        if (n == 0 || k->npoints + n > INK_MAX_POINTS || o + (size_t)n * 4 > len) goto bad;
        for (int i = 0; i < n; i++, o += 4) {
            k->x[k->npoints] = get16(in + o);
            k->y[k->npoints] = get16(in + o + 2);
            k->npoints++;
        }
        k->end[k->nstrokes++] = (uint16_t)k->npoints;
    }
    if (o != len) goto bad;
    return 0;
bad:
    ink_clear(k);
    return -1;
}
