/* utext: UTF-8, graphemes, wrapping, fitting and editing; no SDL. Grapheme
 * clusters come from ICU (UAX #29), so an emoji with a skin tone, a family joined
 * by zero-width joiners, a flag or a letter with a combining mark is always one
 * step for the caret and for backspace. (libunistring 1.0 splits flags and ZWJ
 * sequences and crashed on them here.) */
#include "utext.h"

#include <hyphen.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

uint32_t ut_decode(const char *s, size_t len, int *bytes)
{
    int32_t i = 0;
    UChar32 c;
    if (len == 0) {
        *bytes = 0;
        return 0xFFFD;
    }
    int32_t n = len > 8 ? 8 : (int32_t)len;
    U8_NEXT((const uint8_t *)s, i, n, c);
    *bytes = i > 0 ? i : 1;
    return (c < 0 || c == 0) ? 0xFFFD : (uint32_t)c;
}

static int encode(uint32_t cp, char *out)
{
    int32_t i = 0;
    UBool bad = 0;
    U8_APPEND((uint8_t *)out, i, 4, (UChar32)cp, bad);
    return bad ? 0 : i;
}

size_t ut_clean(const char *in, size_t len, char *out, size_t cap, int keep_newlines)
{
    size_t o = 0;
    if (cap == 0) return 0;
    for (size_t i = 0; i < len;) {
        int n;
        uint32_t cp = ut_decode(in + i, len - i, &n);
        i += (size_t)n;
        if (cp == '\r') continue; /* \r\n is one line break */
        if (cp == '\n' || cp == '\t') cp = (keep_newlines && cp == '\n') ? '\n' : ' ';
        else if (cp < 0x20 || cp == 0x7F) continue;
        char enc[4];
        int k = encode(cp, enc);
        if (k <= 0 || o + (size_t)k + 1 > cap) break;
        memcpy(out + o, enc, (size_t)k);
        o += (size_t)k;
    }
    out[o] = 0;
    return o;
}

size_t ut_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
    return n;
}

/* One character break iterator for the whole program: opening one is costly.
 * The UText wraps the caller's UTF-8 in place, so nothing is copied. */
static UBreakIterator *iterator(const char *s, size_t len, UText *ut)
{
    static UBreakIterator *bi;
    UErrorCode err = U_ZERO_ERROR;
    if (!bi) bi = ubrk_open(UBRK_CHARACTER, "", NULL, 0, &err);
    if (!bi || U_FAILURE(err)) return NULL;
    utext_openUTF8(ut, s, (int64_t)len, &err);
    if (U_FAILURE(err)) return NULL;
    ubrk_setUText(bi, ut, &err);
    return U_FAILURE(err) ? NULL : bi;
}

size_t ut_next(const char *s, size_t len, size_t at)
{
    if (at >= len) return len;
    UText ut = UTEXT_INITIALIZER;
    UBreakIterator *bi = iterator(s, len, &ut);
    int32_t b = bi ? ubrk_following(bi, (int32_t)at) : UBRK_DONE;
    utext_close(&ut);
    if (b == UBRK_DONE || (size_t)b <= at) { /* no iterator: one code point */
        int n;
        ut_decode(s + at, len - at, &n);
        return at + (size_t)n;
    }
    return (size_t)b > len ? len : (size_t)b;
}

size_t ut_prev(const char *s, size_t at)
{
    if (at == 0) return 0;
    UText ut = UTEXT_INITIALIZER;
    UBreakIterator *bi = iterator(s, at, &ut);
    int32_t b = bi ? ubrk_preceding(bi, (int32_t)at) : UBRK_DONE;
    utext_close(&ut);
    if (b == UBRK_DONE || b < 0 || (size_t)b >= at) {
        size_t p = at - 1;
        while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80) p--;
        return p;
    }
    return (size_t)b;
}

size_t ut_snap(const char *s, size_t at)
{
    size_t len = strlen(s), b = 0;
    if (at >= len) return len;
    while (b < len) {
        size_t n = ut_next(s, len, b);
        if (n > at) break;
        b = n;
    }
    return b;
}

/* The grapheme boundaries after `from`, up to `to`, in one pass of the iterator
 * (ut_next per boundary would set it up again each time). At most max of them. */
static int boundaries(const char *s, size_t from, size_t to, size_t *out, int max)
{
    int n = 0;
    UText ut = UTEXT_INITIALIZER;
    UBreakIterator *bi = iterator(s, to, &ut);
    int32_t b = bi ? ubrk_following(bi, (int32_t)from) : UBRK_DONE;
    while (bi && b != UBRK_DONE && (size_t)b <= to && n < max) {
        out[n++] = (size_t)b;
        b = ubrk_next(bi);
    }
    utext_close(&ut);
    for (size_t c = n ? out[n - 1] : from; c < to && n < max;) /* no iterator: by code point */
        out[n++] = c = ut_next(s, to, c);
    return n;
}

/* The longest run of whole graphemes from `start` that is at most w wide (at least
 * one). Widths grow with the run, so halving over the boundaries finds it with a
 * few measurements instead of one per letter: a 280-letter word stays cheap. */
static size_t cut_word(const char *s, size_t start, size_t hard, int w, int px, ut_measure m, void *user)
{
    size_t b[512];
    size_t from = start, fit = 0;
    for (;;) {
        int n = boundaries(s, from, hard, b, (int)(sizeof b / sizeof b[0]));
        if (n == 0) return fit ? fit : hard;
        int lo = 0, hi = n - 1, best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) / 2;
            if (m(user, s + start, b[mid] - start, px) <= w) best = mid, lo = mid + 1;
            else hi = mid - 1;
        }
        if (best < 0) return fit ? fit : b[0];
        fit = b[best];
        if (best < n - 1 || fit >= hard) return fit;
        from = fit; /* all of these fit: look further along the word */
    }
}

/* --- hyphenation: libhyphen does the patterns, this maps its bytes to ours ------ */

static HyphenDict *dict;

int ut_hyphens_load(const char *path)
{
    ut_hyphens_free();
    dict = path ? hnj_hyphen_load(path) : NULL;
    return dict ? 0 : -1;
}

void ut_hyphens_free(void)
{
    if (dict) hnj_hyphen_free(dict);
    dict = NULL;
}

enum { HYPH_WORD_MAX = 120 }; /* longer than any word; a longer run is not a word to split by rule */

int ut_hyphens(const char *word, size_t len, unsigned char *marks)
{
    memset(marks, 0, len);
    if (!dict || len == 0 || len > HYPH_WORD_MAX) return 0;
    /* The patterns are lower case, in the dictionary's own encoding (Dutch's is
     * ISO 8859-1, English's UTF-8): the word is folded and re-encoded, and where
     * each of its characters ends is kept to map the points back. */
    char w[HYPH_WORD_MAX * 4 + 1];
    size_t ends[HYPH_WORD_MAX * 4];
    int n = 0, wn = 0;
    for (size_t i = 0; i < len;) {
        int b;
        uint32_t c = ut_decode(word + i, len - i, &b);
        if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) c += 0x20;
        int letter = (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
        if (!letter) return 0; /* a number, a hyphen already there, a script the patterns do not know: left whole */
        if (dict->utf8) {
            int k = encode(c, w + wn);
            for (int j = 0; j < k; j++) ends[wn + j] = 0;
            wn += k;
            ends[wn - 1] = i + (size_t)b;
        } else {
            w[wn] = (char)c;
            ends[wn++] = i + (size_t)b;
        }
        i += (size_t)b;
        n++;
    }
    char hy[HYPH_WORD_MAX * 4 + 5];
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    if (hnj_hyphen_hyphenate3(dict, w, wn, hy, NULL, &rep, &pos, &cut, 2, 3, 2, 2) != 0) return 0;
    int points = 0;
    for (int i = 0; i + 1 < wn; i++)
        if ((hy[i] & 1) && ends[i] && !(rep && rep[i])) { /* a point that changes the letters (Dutch's oo-/o-) is not taken */
            marks[ends[i] - 1] = 1;
            points++;
        }
    if (rep) {
        for (int i = 0; i < wn; i++) free(rep[i]);
        free(rep);
    }
    free(pos);
    free(cut);
    return points;
}

/* Where the word s[start..end) breaks to fit w: after its own last hyphen that fits
 * (Sanne-|Marijke: *hyph 0, none added), else at its last hyphenation point at which
 * the part and a hyphen fit (*hyph UT_HYPH); 0 when neither does. */
static size_t hyph_point(const char *s, size_t start, size_t end, int w, int px, ut_measure m, void *user, int *hyph)
{
    for (size_t i = end - 1; i > start; i--)
        if (s[i - 1] == '-' && m(user, s + start, i - start, px) <= w) {
            *hyph = 0;
            return i;
        }
    unsigned char marks[HYPH_WORD_MAX];
    size_t len = end - start;
    if (len > HYPH_WORD_MAX || ut_hyphens(s + start, len, marks) == 0) return 0;
    int hw = m(user, "-", 1, px);
    for (size_t i = len - 1; i > 0; i--)
        if (marks[i - 1] && m(user, s + start, i, px) + hw <= w) {
            *hyph = UT_HYPH;
            return start + i;
        }
    return 0;
}

int ut_wrap(const char *s, size_t len, int w, int px, ut_measure m, void *user, ut_span *lines, int max)
{
    int n = 0;
    size_t start = 0;
    if (max <= 0) return 0;
    for (;;) {
        const char *nl = memchr(s + start, '\n', len - start);
        size_t hard = nl ? (size_t)(nl - s) : len;
        if (n == max - 1) { /* the last line we may give: the rest */
            lines[n++] = (ut_span){start, len, 0};
            return n;
        }
        size_t end = hard;
        if (m(user, s + start, hard - start, px) > w) {
            /* Greedy by words: the longest run of whole words that fits. */
            size_t fit = start;
            for (size_t i = start; i < hard; i++) {
                if (s[i] != ' ') continue;
                if (m(user, s + start, i - start, px) > w) break;
                fit = i + 1;
            }
            int hyph = 0;
            if (fit == start) { /* one word wider than the line: at a point of the language, else anywhere, with a hyphen */
                const char *sp = memchr(s + start, ' ', hard - start);
                size_t word_end = sp ? (size_t)(sp - s) : hard;
                fit = hyph_point(s, start, word_end, w, px, m, user, &hyph);
                if (!fit) {
                    fit = cut_word(s, start, hard, w - m(user, "-", 1, px), px, m, user);
                    hyph = UT_HYPH_FORCED;
                }
            }
            end = fit;
            if (end < hard) {
                size_t shown = end;
                while (shown > start && s[shown - 1] == ' ') shown--; /* trailing spaces take no room */
                lines[n++] = (ut_span){start, shown, s[end - 1] != ' ' ? hyph : 0};
                start = end;
                continue;
            }
        }
        lines[n++] = (ut_span){start, hard, 0};
        if (hard >= len) return n;
        start = hard + 1;
    }
}

/* Whole words are kept down to this size: 85 % of the largest (never under min). */
#define WHOLE_MIN_PX(max_px, min_px) ((max_px) * 85 / 100 > (min_px) ? (max_px) * 85 / 100 : (min_px))

ut_fit ut_fit_box(const char *s, size_t len, int w, int h, int max_px, int min_px, ut_measure m,
                  int (*line_h)(void *user, int px), void *user, ut_span *lines, int max)
{
    ut_fit f = {min_px, 0, 0, 0};
    if (min_px > max_px) min_px = max_px;
    /* First every word whole, a little smaller if need be (a step of the type scale:
     * "schoolverzuim" shrinks a little before it breaks); then the largest size at
     * which words break only at the language's hyphenation points
     * ("uithuisplaatsings-beslissing", never a tiny note); then the largest that
     * fits at all. */
    for (int pass = 0; pass < 3; pass++)
        for (int px = max_px; px >= (pass == 0 ? WHOLE_MIN_PX(max_px, min_px) : min_px); px--) {
            int n = ut_wrap(s, len, w, px, m, user, lines, max);
            int lh = line_h(user, px);
            if (n >= max || n * lh > h) continue;
            int worst = 0;
            for (int i = 0; i + 1 < n; i++) {
                int joined = lines[i + 1].start == lines[i].end && s[lines[i].end - 1] != '-'; /* no space or hyphen between */
                int hy = lines[i].hyph ? lines[i].hyph : joined ? UT_HYPH_FORCED : 0;
                worst = hy > worst ? hy : worst;
            }
            if ((pass == 0 && worst) || (pass == 1 && worst == UT_HYPH_FORCED)) continue;
            f.px = px;
            f.nlines = n;
            return f;
        }
    /* Even the smallest size is too big: show what fits and end in an ellipsis. */
    int px = min_px, lh = line_h(user, px);
    int n = ut_wrap(s, len, w, px, m, user, lines, max);
    int room = lh > 0 ? h / lh : 1;
    if (room < 1) room = 1;
    if (room > n) room = n;
    f.px = px;
    f.nlines = room;
    f.cut = 1;
    static const char ell[] = "\xE2\x80\xA6";
    int ew = m(user, ell, 3, px);
    size_t start = lines[room - 1].start, cut = start;
    size_t end = room < n ? lines[room].start : len;
    for (size_t c = start; c < end;) {
        size_t nb = ut_next(s, end, c);
        if (m(user, s + start, nb - start, px) + ew > w) break;
        cut = nb;
        c = nb;
    }
    while (cut > start && s[cut - 1] == ' ') cut--;
    f.cut_at = cut;
    return f;
}

int ut_insert(char *buf, size_t cap, int max_chars, size_t *caret, const char *text, size_t len, int multiline)
{
    char add[8192];
    size_t have = strlen(buf);
    size_t chars = ut_chars(buf, have);
    size_t at = *caret > have ? have : *caret;
    size_t o = 0;
    int cut = 0;
    for (size_t i = 0; i < len;) {
        int n;
        uint32_t cp = ut_decode(text + i, len - i, &n);
        i += (size_t)n;
        if (cp == '\r') continue;
        if (cp == '\n' || cp == '\t') cp = (multiline && cp == '\n') ? '\n' : ' ';
        else if (cp < 0x20 || cp == 0x7F) continue;
        char enc[4];
        int k = encode(cp, enc);
        if (k <= 0) continue;
        if ((int)chars >= max_chars || have + o + (size_t)k + 1 > cap || o + (size_t)k > sizeof add) {
            cut = 1;
            break;
        }
        memcpy(add + o, enc, (size_t)k);
        o += (size_t)k;
        chars++;
    }
    if (o) {
        memmove(buf + at + o, buf + at, have - at + 1);
        memcpy(buf + at, add, o);
        *caret = at + o;
    }
    return cut;
}

int ut_backspace(char *buf, size_t *caret)
{
    size_t len = strlen(buf);
    size_t at = *caret > len ? len : *caret;
    if (at == 0) return 0;
    size_t from = ut_prev(buf, at);
    memmove(buf + from, buf + at, len - at + 1);
    *caret = from;
    return 1;
}
