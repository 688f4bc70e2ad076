/* Ink: strokes survive encode and decode exactly, undo drops the last stroke,
 * smoothing keeps the shape, and a malformed BLOB is refused, never trusted. */
#include "check.h"
#include "ink.h"

static ui_ink a, b;

int main(void)
{
    ink_clear(&a);
    CHECK(ink_begin(&a, 0.1f, 0.1f) == 0);
    for (int i = 1; i <= 50; i++) ink_add(&a, 0.1f + i * 0.01f, 0.1f + i * 0.005f, 0.002f);
    ink_end(&a);
    CHECK(ink_begin(&a, 0.5f, 0.9f) == 0); /* a dot */
    ink_end(&a);
    CHECK(a.nstrokes == 2 && a.npoints > 10);
    /* Smoothing follows the finger: the stroke ends near where it was going. */
    int last = a.end[0] - 1;
    CHECK(a.x[last] / 65535.0f > 0.5f && a.x[last] / 65535.0f < 0.61f);

    uint8_t blob[32768];
    size_t len = ink_encode(&a, blob, sizeof blob);
    CHECK(len == 4 + 2 * 2 + (size_t)a.npoints * 4);
    CHECK(ink_decode(&b, blob, len) == 0);
    CHECK(b.nstrokes == a.nstrokes && b.npoints == a.npoints);
    CHECK(!memcmp(a.x, b.x, sizeof a.x[0] * (size_t)a.npoints) && !memcmp(a.y, b.y, sizeof a.y[0] * (size_t)a.npoints));
    CHECK(!memcmp(a.end, b.end, sizeof a.end[0] * (size_t)a.nstrokes));
    uint8_t again[32768];
    CHECK(ink_encode(&b, again, sizeof again) == len && !memcmp(blob, again, len));

    CHECK(ink_undo(&a) == 1 && a.nstrokes == 1 && a.npoints == a.end[0]);
    CHECK(ink_undo(&a) == 1 && a.npoints == 0);
    CHECK(ink_undo(&a) == 0);
    CHECK(ink_encode(&a, blob, sizeof blob) == 0); /* nothing drawn, nothing stored */

    /* Malformed: wrong magic, cut short, trailing bytes, a zero-length stroke. */
    len = ink_encode(&b, blob, sizeof blob);
    blob[0] = 'X';
    CHECK(ink_decode(&a, blob, len) == -1 && a.nstrokes == 0);
    blob[0] = 'I';
    CHECK(ink_decode(&a, blob, len - 1) == -1);
    CHECK(ink_decode(&a, blob, len + 1) == -1);
    const uint8_t empty_stroke[] = {'I', 1, 1, 0, 0, 0};
    CHECK(ink_decode(&a, empty_stroke, sizeof empty_stroke) == -1);
    /* Full: the canvas stops taking points instead of overflowing. */
    ink_clear(&a);
    int refused = 0;
    for (int s = 0; s < INK_MAX_STROKES + 5; s++) refused += ink_begin(&a, 0.5f, 0.5f) < 0;
    CHECK(refused == 5 && a.nstrokes == INK_MAX_STROKES);
    return check_done();
}
