/* Fuzz target (libFuzzer): any bytes through cleaning, graphemes, wrapping,
 * fitting and editing must never crash, and must keep their promises: clean
 * output is valid UTF-8, boundaries move forward, limits hold. */
#include "core.h"
#include "ink.h"
#include "utext.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int mono(void *user, const char *s, size_t len, int px)
{
    (void)user;
    return (int)ut_chars(s, len) * px / 2;
}
static int line_h(void *user, int px) { (void)user; return px + 4; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char clean[8192], core_out[8192];
    if (size > 2000) size = 2000;
    const char *in = (const char *)data;

    size_t n = ut_clean(in, size, clean, sizeof clean, size & 1);
    assert(n == strlen(clean));
    /* Cleaned text is valid: cleaning it again changes nothing. */
    static char again[8192];
    ut_clean(clean, n, again, sizeof again, 1);
    assert(strcmp(clean, again) == 0);
    core_utf8_clean(in, size, core_out, sizeof core_out);
    assert(core_utf8_count(core_out) <= size);

    /* Grapheme boundaries go forward and back consistently. */
    for (size_t at = 0; at < n;) {
        size_t next = ut_next(clean, n, at);
        assert(next > at && next <= n);
        assert(ut_prev(clean, next) <= at || ut_prev(clean, next) < next);
        at = next;
    }

    ut_span lines[64];
    int w = 40 + (size ? data[0] : 0);
    int count = ut_wrap(clean, n, w, 20, mono, NULL, lines, 64);
    assert(count >= 1 && count <= 64);
    for (int i = 0; i < count; i++) assert(lines[i].start <= lines[i].end && lines[i].end <= n);
    ut_fit f = ut_fit_box(clean, n, w, 80, 24, 12, mono, line_h, NULL, lines, 64);
    assert(f.px >= 12 && f.px <= 24 && f.nlines >= 1);
    if (f.cut) assert(f.cut_at <= n);

    /* Editing: insert the raw bytes at some caret, then delete it all again. */
    char buf[CORE_TEXT_BYTES(CORE_NOTE_MAX)] = "Opa Henk";
    size_t caret = size ? data[size - 1] % 9 : 0;
    caret = ut_snap(buf, caret);
    ut_insert(buf, sizeof buf, CORE_NOTE_MAX, &caret, in, size, size & 2);
    assert(ut_chars(buf, strlen(buf)) <= CORE_NOTE_MAX && caret <= strlen(buf));
    caret = strlen(buf);
    int guard = 0;
    while (ut_backspace(buf, &caret)) assert(++guard <= CORE_NOTE_MAX * 4);
    assert(buf[0] == 0);
    /* Ink BLOBs from a damaged database: refused or read exactly. */
    static ui_ink ink;
    static uint8_t blob[32768];
    if (ink_decode(&ink, data, size) == 0 && ink.nstrokes > 0) {
        size_t len = ink_encode(&ink, blob, sizeof blob);
        assert(len == size && memcmp(blob, data, size) == 0);
    }
    return 0;
}
