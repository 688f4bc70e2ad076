/* utext: text logic without SDL, so it can be unit-tested and fuzzed: UTF-8
 * cleaning, grapheme clusters (libunistring), wrapping, fitting and editing. */
#ifndef SCHOUDERS_UTEXT_H
#define SCHOUDERS_UTEXT_H

#include <stddef.h>
#include <stdint.h>

/* Copies len bytes of untrusted text into out (cap bytes, NUL-terminated), each
 * invalid sequence and NUL becoming U+FFFD; cut only between code points.
 * keep_newlines 0 turns line breaks and tabs into spaces; other control
 * characters are dropped. Returns the bytes written. */
size_t ut_clean(const char *in, size_t len, char *out, size_t cap, int keep_newlines);
/* Code points in valid UTF-8. */
size_t ut_chars(const char *s, size_t len);
/* Grapheme cluster boundaries: the next one after `at`, the one before `at`. */
size_t ut_next(const char *s, size_t len, size_t at);
size_t ut_prev(const char *s, size_t at);
/* The first code point at s (len bytes), and its length; U+FFFD for invalid. */
uint32_t ut_decode(const char *s, size_t len, int *bytes);

/* Width in px of s[0..len) at pixel size px (the caller's font). */
typedef int (*ut_measure)(void *user, const char *s, size_t len, int px);

/* A line, end exclusive, no trailing \n. hyph: it ends inside a word, so a hyphen is
 * drawn after it: UT_HYPH at a hyphenation point of the language, UT_HYPH_FORCED
 * where the word had none that fitted (cut between graphemes). */
enum { UT_HYPH = 1, UT_HYPH_FORCED = 2 };
typedef struct { size_t start, end; int hyph; } ut_span;

/* The hyphenation patterns of the language (libhyphen's .dic, Debian's hyphen-nl and
 * hyphen-en-us), for ut_wrap; NULL or a file that cannot be read: no points, words
 * too wide are still cut with a hyphen. Returns 0 when loaded. One at a time. */
int ut_hyphens_load(const char *path);
void ut_hyphens_free(void);
/* The hyphenation points of word[0..len): marks[i] = 1 when it may break after byte i. */
int ut_hyphens(const char *word, size_t len, unsigned char *marks);

/* Wraps s at width w: breaks after spaces; a word too wide alone breaks at its
 * last hyphenation point that fits with its hyphen, else at grapheme boundaries
 * (with a hyphen too); and at every \n. Returns the number of lines (at most max;
 * the last one then runs to the end). */
int ut_wrap(const char *s, size_t len, int w, int px, ut_measure m, void *user, ut_span *lines, int max);

typedef struct {
    int px;        /* the size that was chosen */
    int nlines;    /* lines shown */
    int cut;       /* 1 when even min_px does not fit: the last line ends in an ellipsis */
    size_t cut_at; /* with cut: the last line shows s[lines[n-1].start .. cut_at) + "…" */
} ut_fit;

/* The largest size from max_px down to min_px (in steps of one px) at which s
 * wraps into box w x h, with lines line_h(px) high; else min_px, the lines that
 * fit, and a cut with room for the ellipsis. */
ut_fit ut_fit_box(const char *s, size_t len, int w, int h, int max_px, int min_px, ut_measure m,
                  int (*line_h)(void *user, int px), void *user, ut_span *lines, int max);

/* --- editing: a buffer, its caret (a byte offset on a grapheme boundary) ------ */

/* Inserts text at *caret: cleaned (single-line fields turn newlines into spaces),
 * cut to whole code points so the buffer holds at most max_chars characters and
 * cap bytes. Returns 1 when something had to be cut off, else 0. */
int ut_insert(char *buf, size_t cap, int max_chars, size_t *caret, const char *text, size_t len, int multiline);
/* Deletes the grapheme cluster before *caret (an emoji with skin tone or a flag
 * is one). Returns 1 when something was deleted. */
int ut_backspace(char *buf, size_t *caret);
/* The grapheme boundary nearest to byte offset at (never inside a character). */
size_t ut_snap(const char *s, size_t at);

#endif
