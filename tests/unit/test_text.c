/* Text logic: cleaning, graphemes, wrapping, fitting, editing. A fake font where
 * every code point is 10 px wide keeps the expectations exact. */
#include "check.h"
#include "utext.h"

static int mono(void *user, const char *s, size_t len, int px)
{
    (void)user;
    return (int)ut_chars(s, len) * px / 2;
}
static int line_h(void *user, int px) { (void)user; return px + px / 4; }

static void cleaning(void)
{
    char out[64];
    ut_clean("caf\xC3\xA9", 5, out, sizeof out, 0);
    CHECK_STR(out, "caf\xC3\xA9");
    ut_clean("a\xFF" "b\xC3", 4, out, sizeof out, 0);
    CHECK_STR(out, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
    ut_clean("een\ntwee\r\n\tdrie\x01", 16, out, sizeof out, 0);
    CHECK_STR(out, "een twee  drie");
    ut_clean("een\r\ntwee", 9, out, sizeof out, 1);
    CHECK_STR(out, "een\ntwee");
    char small[5];
    ut_clean("\xC3\xA9\xC3\xA9\xC3\xA9", 6, small, sizeof small, 0);
    CHECK_STR(small, "\xC3\xA9\xC3\xA9");
}

static void graphemes(void)
{
    /* A thumbs-up with a skin tone, a Dutch flag, e + combining acute. */
    const char *s = "a\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD" "\xF0\x9F\x87\xB3\xF0\x9F\x87\xB1" "e\xCC\x81";
    size_t len = strlen(s);
    CHECK(ut_next(s, len, 0) == 1);
    CHECK(ut_next(s, len, 1) == 9);   /* thumb + tone */
    CHECK(ut_next(s, len, 9) == 17);  /* the flag */
    CHECK(ut_next(s, len, 17) == len);
    CHECK(ut_prev(s, len) == 17);
    CHECK(ut_prev(s, 17) == 9);
    CHECK(ut_snap(s, 5) == 1);        /* inside the thumb: back to its start */
    CHECK(ut_snap(s, 18) == 17);      /* inside e+accent */
    /* A family (people joined by zero-width joiners) and two flags in a row. */
    const char *fam = "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7" "\xF0\x9F\x87\xB3\xF0\x9F\x87\xB1\xF0\x9F\x87\xA7\xF0\x9F\x87\xAA";
    size_t flen = strlen(fam);
    CHECK(ut_next(fam, flen, 0) == 11);
    CHECK(ut_next(fam, flen, 11) == 19);
    CHECK(ut_next(fam, flen, 19) == flen);
    CHECK(ut_prev(fam, flen) == 19);
    CHECK(ut_prev(fam, 19) == 11);

    char buf[64];
    strcpy(buf, s);
    size_t caret = strlen(buf);
    CHECK(ut_backspace(buf, &caret) && caret == 17);
    CHECK(ut_backspace(buf, &caret) && caret == 9);
    CHECK_STR(buf, "a\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD");
    CHECK(ut_backspace(buf, &caret) && caret == 1);
    CHECK_STR(buf, "a");
    caret = 0;
    CHECK(!ut_backspace(buf, &caret));
}

static void editing(void)
{
    char buf[280 * 4 + 1];
    size_t caret = 0;
    buf[0] = 0;
    CHECK(ut_insert(buf, sizeof buf, 280, &caret, "Opa Henk", 8, 0) == 0);
    caret = 3;
    ut_insert(buf, sizeof buf, 280, &caret, " X", 2, 0);
    CHECK_STR(buf, "Opa X Henk");
    CHECK(caret == 5);
    /* A 10,000-character paste stops at the limit, on whole characters. */
    static char paste[20001];
    for (int i = 0; i < 10000; i++) memcpy(paste + 2 * i, "\xC3\xA9", 2);
    paste[20000] = 0;
    buf[0] = 0;
    caret = 0;
    CHECK(ut_insert(buf, sizeof buf, 280, &caret, paste, 20000, 0) == 1);
    CHECK(ut_chars(buf, strlen(buf)) == 280 && caret == strlen(buf));
    /* Invalid bytes never enter the buffer. */
    buf[0] = 0;
    caret = 0;
    ut_insert(buf, sizeof buf, 280, &caret, "x\xF5y", 3, 0);
    CHECK_STR(buf, "x\xEF\xBF\xBDy");
    /* A multi-line field keeps line breaks; a single-line one makes them spaces. */
    buf[0] = 0;
    caret = 0;
    ut_insert(buf, sizeof buf, 280, &caret, "a\nb", 3, 1);
    CHECK_STR(buf, "a\nb");
}

static void wrapping(void)
{
    ut_span l[16];
    /* 10 px a character, 100 px wide: 10 characters a line. */
    const char *s = "Opa Henk komt op zondag";
    int n = ut_wrap(s, strlen(s), 100, 20, mono, NULL, l, 16);
    CHECK(n == 3);
    CHECK(l[0].start == 0 && l[0].end == 8);    /* "Opa Henk" */
    CHECK(l[1].start == 9 && l[1].end == 16);   /* "komt op" */
    CHECK(l[2].start == 17 && l[2].end == 23);  /* "zondag" */
    /* A word longer than the line, with no hyphenation patterns loaded, is cut
     * between graphemes, with room for the hyphen drawn after it. */
    const char *w = "Verantwoordelijkheidsgevoel";
    n = ut_wrap(w, strlen(w), 100, 20, mono, NULL, l, 16);
    CHECK(n == 3 && l[0].end == 9 && l[1].start == 9 && l[0].hyph == UT_HYPH_FORCED && l[2].hyph == 0);
    /* Hard breaks, and an empty text is one empty line. */
    n = ut_wrap("a\n\nb", 4, 100, 20, mono, NULL, l, 16);
    CHECK(n == 3 && l[1].start == l[1].end);
    CHECK(ut_wrap("", 0, 100, 20, mono, NULL, l, 16) == 1);
    /* No more lines than asked for: the last takes the rest. */
    n = ut_wrap(s, strlen(s), 30, 20, mono, NULL, l, 2);
    CHECK(n == 2 && l[1].end == strlen(s));
}

static void fitting(void)
{
    ut_span l[32];
    const char *s = "Opa Henk komt op zondag";
    /* Plenty of room: the largest size. */
    ut_fit f = ut_fit_box(s, strlen(s), 400, 100, 24, 16, mono, line_h, NULL, l, 32);
    CHECK(f.px == 24 && !f.cut && f.nlines == 1);
    /* Less room: it shrinks, and every word is still there. */
    f = ut_fit_box(s, strlen(s), 200, 50, 24, 16, mono, line_h, NULL, l, 32);
    CHECK(f.px == 20 && !f.cut && f.nlines == 2);
    CHECK(l[f.nlines - 1].end == strlen(s));
    /* No room even at the smallest size: cut, with space for the ellipsis. */
    f = ut_fit_box(s, strlen(s), 80, 25, 24, 16, mono, line_h, NULL, l, 32);
    CHECK(f.cut && f.px == 16 && f.nlines == 1);
    CHECK(mono(NULL, s, f.cut_at, 16) + mono(NULL, "\xE2\x80\xA6", 3, 16) <= 80);
    CHECK(f.cut_at > 0 && f.cut_at < strlen(s));
    /* A long word shrinks before it is broken in two. */
    const char *w = "uithuisplaatsing";
    f = ut_fit_box(w, strlen(w), 170, 100, 24, 10, mono, line_h, NULL, l, 32);
    CHECK(!f.cut && f.nlines == 1 && l[0].end == strlen(w));
}

/* Dutch compounds break where Dutch breaks them, with a hyphen (libhyphen with
 * Debian's hyphen-nl patterns, as the app loads them). */
static void hyphenating(void)
{
    CHECK(ut_hyphens_load("/usr/share/hyphen/hyph_nl_NL.dic") == 0);
    unsigned char marks[64];
    const char *w = "uithuisplaatsingsbeslissing";
    CHECK(ut_hyphens(w, strlen(w), marks) >= 4);
    CHECK(marks[2] && marks[6]);             /* uit-huis-... */
    CHECK(!marks[0] && !marks[strlen(w) - 2]); /* never a letter alone at either end */
    /* Capitals and letters with accents are words too; a number is not one to break. */
    const char *e = "Geëvalueerd";
    CHECK(ut_hyphens(e, strlen(e), marks) >= 2);
    CHECK(ut_hyphens("2026", 4, marks) == 0);
    /* 150 px, 10 a letter: the longest part that fits with its hyphen, at a point. */
    ut_span l[16];
    int n = ut_wrap(w, strlen(w), 150, 20, mono, NULL, l, 16);
    CHECK(n >= 2 && l[0].hyph == UT_HYPH && marks[l[0].end - 1] == 0);
    ut_hyphens(w, strlen(w), marks);
    CHECK(marks[l[0].end - 1] && mono(NULL, w, l[0].end, 20) + mono(NULL, "-", 1, 20) <= 150);
    CHECK(l[n - 1].end == strlen(w) && l[n - 1].hyph == 0);
    for (int i = 0; i + 1 < n; i++) CHECK(l[i].hyph == UT_HYPH && l[i + 1].start == l[i].end);
    /* A name with its own hyphen breaks after it, and no second hyphen is drawn. */
    const char *name = "Sanne-Marijke";
    n = ut_wrap(name, strlen(name), 80, 20, mono, NULL, l, 16);
    CHECK(n == 2 && l[0].end == 6 && l[0].hyph == 0);
    /* A box: at its largest size, broken at a point, rather than every word whole
     * at a size far smaller (a note never goes tiny for one long word). */
    ut_fit f = ut_fit_box(w, strlen(w), 150, 100, 20, 6, mono, line_h, NULL, l, 32);
    CHECK(!f.cut && f.px == 20 && f.nlines >= 2 && l[0].hyph == UT_HYPH);
    ut_hyphens_free();
    CHECK(ut_hyphens(w, strlen(w), marks) == 0); /* freed: no patterns, no points */
}

int main(void)
{
    cleaning();
    hyphenating();
    graphemes();
    editing();
    wrapping();
    fitting();
    return check_done();
}
