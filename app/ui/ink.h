/* ink: handwriting on a post-it, without SDL. Points are kept quantised to 16
 * bits over the note (0..65535 on each axis), so a note redraws crisp at any
 * size, and stored as a small BLOB, not a bitmap. */
#ifndef SCHOUDERS_INK_H
#define SCHOUDERS_INK_H

#include <stddef.h>
#include <stdint.h>

enum { INK_MAX_POINTS = 4096, INK_MAX_STROKES = 256 };

typedef struct {
    uint16_t x[INK_MAX_POINTS], y[INK_MAX_POINTS];
    uint16_t end[INK_MAX_STROKES]; /* one past the last point of each stroke */
    int npoints, nstrokes;
    int open;                      /* a stroke is being drawn */
    float sx, sy;                  /* the smoothed pen position, 0..1 */
} ui_ink;

void ink_clear(ui_ink *k);
/* Starts a stroke at (nx, ny), each 0..1 over the note. -1 when full. */
int ink_begin(ui_ink *k, float nx, float ny);
/* Adds a point to the open stroke: smoothed, and only when it moved at least
 * min_step (0..1) from the last kept point. -1 when full. */
int ink_add(ui_ink *k, float nx, float ny, float min_step);
void ink_end(ui_ink *k);
/* Removes the last stroke; 1 when there was one. */
int ink_undo(ui_ink *k);
/* The BLOB: 'I', version 1, stroke count (u16), then per stroke its point count
 * (u16) and the points (x, y as u16), little-endian. Returns the bytes, 0 for
 * no strokes or no room. */
size_t ink_encode(const ui_ink *k, uint8_t *out, size_t cap);
/* Reads a BLOB; -1 (and an empty ink) for anything malformed. */
int ink_decode(ui_ink *k, const uint8_t *in, size_t len);

#endif
