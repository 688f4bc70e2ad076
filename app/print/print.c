/* print: the plan as an A4 PDF for the family and everyone involved (§3.3: general
 * information, the people, goals, agreements with who and when, the evaluation).
 * Two passes over the same code: the first only lays out, to learn how many pages
 * there are and where each part starts (for the contents and "page 2 of 6"); the
 * second draws. */
#include "print.h"
#include "../config.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <cjson/cJSON.h>
#include <libintl.h>
#include <pango/pangocairo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Keys as on the screens (assets/i18n); the i18n test counts these too. A function,
 * not gettext itself: GCC would check a translated format against the key. */
static const char *tr(const char *key) { return gettext(key); }
#define T(key) tr(key)
#define N_(key) key

/* A4 in points; margins of 22 mm, a little more below for the footer. */
#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN 62.0
#define BOTTOM 74.0
#define COL_W (PAGE_W - 2 * MARGIN)
#define FONT "Noto Sans, DejaVu Sans"

/* config.h's palette; the page itself stays white. */
#define INK CFG_INK
#define INK2 CFG_INK2
#define ACCENT CFG_ACCENT
#define WARN CFG_WARN
#define HAIRLINE CFG_HAIRLINE
#define PAPER CFG_BG
#define FIXED CFG_EDGE_MIDDLE

enum { SEC_MAX = 16 };

/* A line of any length, built piece by piece: what a family wrote is measured and
 * laid out whole, never cut or written past a fixed buffer. Release: txt_free. */
typedef struct {
    char *s;
    size_t n, cap;
    int failed;
} txt;

typedef struct {
    cairo_surface_t *pdf;
    cairo_t *cr;
    int draw;             /* 0: the first pass, which only measures */
    double y;             /* the cursor, in points from the top of the page */
    int page, pages;      /* pages: learnt in the first pass */
    char sec_title[SEC_MAX][160];
    int sec_page[SEC_MAX], nsec;
    char toc_title[SEC_MAX][160]; /* the first pass's parts, for the contents */
    int toc_page[SEC_MAX], ntoc;
    const cJSON *root;
    const print_opts *o;
    txt footer;
    int failed;           /* out of memory somewhere: no PDF rather than half a one */
} doc;

/* --- the JSON --------------------------------------------------------------------- */

static const cJSON *get(const cJSON *o, const char *key) { return cJSON_GetObjectItemCaseSensitive(o, key); }

static const char *str(const cJSON *o, const char *key)
{
    const cJSON *v = get(o, key);
    return cJSON_IsString(v) && v->valuestring ? v->valuestring : "";
}

/* A JSON number as an integer; NaN or one beyond long long (a hostile file) is 0,
 * never a cast out of range. */
static long long safe_ll(double v) { return v == v && v > -9.2e18 && v < 9.2e18 ? (long long)v : 0; }

static long long num(const cJSON *o, const char *key)
{
    const cJSON *v = get(o, key);
    return cJSON_IsNumber(v) ? safe_ll(v->valuedouble) : 0;
}

static int yes(const cJSON *o, const char *key) { return cJSON_IsTrue(get(o, key)); }

static const cJSON *by_id(const cJSON *arr, const char *key, long long id)
{
    const cJSON *o;
    cJSON_ArrayForEach(o, arr)
        if (num(o, key) == id) return o;
    return NULL;
}

static const char *person_name(const doc *d, long long id)
{
    const cJSON *p = by_id(get(d->root, "people"), "id", id);
    return p ? str(p, "name") : "?";
}

/* Whether one of the meeting's phases shows this board ("consent", "decisions", ...):
 * a part the meeting never had is left out rather than printed empty. */
static int has_board(const doc *d, const char *board)
{
    const cJSON *p;
    cJSON_ArrayForEach(p, get(d->root, "phases"))
        if (!strcmp(str(p, "board"), board)) return 1;
    return 0;
}

/* A key built at run time ("role.kind"): the key's translation, or the word itself. */
static const char *word_of(const char *prefix, const char *word, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s%s", prefix, word);
    const char *t = T(buf);
    return t == buf ? word : t;
}

/* "15 december 2026" from "2026-12-15" or an ISO time (in local time); "" for
 * anything else, however odd (a hostile file's "1-1-1" or "99999999999-1-1"). */
static void long_date(const doc *d, const char *iso, char *out, size_t cap, int with_time)
{
    static const char *const nl[] = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                                     "september", "oktober", "november", "december"};
    static const char *const en[] = {"January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"};
    struct tm tm = {0};
    int hh = 0, mi = 0, ss = 0, n = 0;
    out[0] = 0;
    if (strlen(iso) < 10 || sscanf(iso, "%4d-%2d-%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &n) != 3 || n != 10 ||
        tm.tm_year < 1 || tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31)
        return;
    if (sscanf(iso + 10, "T%2d:%2d:%2d", &hh, &mi, &ss) == 3) { /* a UTC time: shown as the clock on the wall said */
        tm.tm_year -= 1900;
        tm.tm_mon -= 1;
        tm.tm_hour = hh;
        tm.tm_min = mi;
        tm.tm_sec = ss;
        time_t t = timegm(&tm);
        localtime_r(&t, &tm);
        tm.tm_year += 1900;
        tm.tm_mon += 1;
    } else with_time = 0;
    const char *month = (d->o->lang_en ? en : nl)[tm.tm_mon - 1];
    if (with_time) snprintf(out, cap, "%d %s %d, %02d:%02d", tm.tm_mday, month, tm.tm_year, tm.tm_hour, tm.tm_min);
    else snprintf(out, cap, "%d %s %d", tm.tm_mday, month, tm.tm_year);
}

static void add(txt *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (k < 0 || t->failed) return;
    if (t->n + (size_t)k + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 256;
        while (cap < t->n + (size_t)k + 1) cap *= 2;
        char *grown = realloc(t->s, cap);
        if (!grown) {
            t->failed = 1;
            return;
        }
        t->s = grown;
        t->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(t->s + t->n, t->cap - t->n, fmt, ap);
    va_end(ap);
    t->n += (size_t)k;
}

static const char *text_of(const txt *t) { return t->s ? t->s : ""; }
static void txt_free(txt *t) { free(t->s); *t = (txt){0}; }

/* "Mark, Ria en Oma Joke" from an array of people ids, added to t. */
static void names(const doc *d, const cJSON *ids, txt *t)
{
    int n = cJSON_GetArraySize(ids), i = 0;
    const cJSON *v;
    cJSON_ArrayForEach(v, ids) {
        const char *sep = i == 0 ? "" : i == n - 1 ? T("print.and") : ", ";
        add(t, "%s%s", sep, person_name(d, cJSON_IsNumber(v) ? safe_ll(v->valuedouble) : 0));
        i++;
    }
}

/* --- drawing ---------------------------------------------------------------------- */

static void colour(doc *d, uint32_t rgb)
{
    cairo_set_source_rgb(d->cr, ((rgb >> 16) & 255) / 255.0, ((rgb >> 8) & 255) / 255.0, (rgb & 255) / 255.0);
}

static void box(doc *d, double x, double y, double w, double h, uint32_t fill)
{
    if (!d->draw) return;
    colour(d, fill);
    cairo_rectangle(d->cr, x, y, w, h);
    cairo_fill(d->cr);
}

static PangoLayout *layout(doc *d, const char *s, double size, int bold, double w)
{
    PangoLayout *l = pango_cairo_create_layout(d->cr);
    PangoFontDescription *f = pango_font_description_from_string(FONT);
    pango_font_description_set_absolute_size(f, size * PANGO_SCALE);
    pango_font_description_set_weight(f, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(l, f);
    pango_font_description_free(f);
    pango_layout_set_width(l, (int)(w * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_spacing(l, (int)(size * 0.2 * PANGO_SCALE));
    pango_layout_set_text(l, s, -1);
    return l;
}

/* Draws s at (x, y) in a column w wide (in the drawing pass); returns its height. */
static double put(doc *d, const char *s, double x, double y, double w, double size, int bold, uint32_t rgb)
{
    PangoLayout *l = layout(d, s, size, bold, w);
    int pw, ph;
    pango_layout_get_size(l, &pw, &ph);
    if (d->draw) {
        colour(d, rgb);
        cairo_move_to(d->cr, x, y);
        pango_cairo_show_layout(d->cr, l);
    }
    g_object_unref(l);
    return (double)ph / PANGO_SCALE;
}

static double measure(doc *d, const char *s, double w, double size, int bold)
{
    int draw = d->draw;
    d->draw = 0;
    double h = put(d, s, 0, 0, w, size, bold, INK);
    d->draw = draw;
    return h;
}

static double width_of(doc *d, const char *s, double size, int bold)
{
    PangoLayout *l = layout(d, s, size, bold, -1);
    pango_layout_set_width(l, -1);
    int pw, ph;
    pango_layout_get_size(l, &pw, &ph);
    g_object_unref(l);
    return (double)pw / PANGO_SCALE;
}

static void footer(doc *d)
{
    if (!d->draw) return;
    double y = PAGE_H - BOTTOM + 28;
    box(d, MARGIN, y - 8, COL_W, 0.6, HAIRLINE);
    char pg[64];
    snprintf(pg, sizeof pg, T("print.page_of"), d->page, d->pages);
    double pw = width_of(d, pg, 8.5, 0);
    put(d, text_of(&d->footer), MARGIN, y, COL_W - pw - 16, 8.5, 0, INK2);
    put(d, pg, PAGE_W - MARGIN - pw, y, pw + 1, 8.5, 0, INK2);
}

static void new_page(doc *d)
{
    footer(d);
    if (d->draw) cairo_show_page(d->cr);
    d->page++;
    d->y = MARGIN;
}

/* Keeps h points together: a new page when they would not fit on this one. */
static void need(doc *d, double h)
{
    if (d->y + h > PAGE_H - BOTTOM && d->y > MARGIN + 1) new_page(d);
}

static void gap(doc *d, double h) { d->y += h; }

/* A paragraph in the flow, kept on one page when it fits on one. */
static void para(doc *d, const char *s, double indent, double size, int bold, uint32_t rgb)
{
    double h = measure(d, s, COL_W - indent, size, bold);
    need(d, h);
    put(d, s, MARGIN + indent, d->y, COL_W - indent, size, bold, rgb);
    d->y += h + size * 0.35;
}

/* A part of the plan: its title, remembered for the contents and the PDF outline. */
static void section(doc *d, const char *title, double keep)
{
    need(d, 60 + keep);
    if (d->y > MARGIN + 1) gap(d, 14);
    if (d->nsec < SEC_MAX) {
        /* Cut, if at all, between whole characters (the contents and the outline). */
        size_t n = strlen(title), cap = sizeof d->sec_title[0] - 1;
        if (n > cap) for (n = cap; n > 0 && ((unsigned char)title[n] & 0xC0) == 0x80; n--) {}
        snprintf(d->sec_title[d->nsec], sizeof d->sec_title[0], "%.*s", (int)n, title);
        d->sec_page[d->nsec++] = d->page;
    }
    if (d->draw) {
        char link[64];
        snprintf(link, sizeof link, "page=%d pos=[%.0f %.0f]", d->page, MARGIN, d->y);
        cairo_pdf_surface_add_outline(d->pdf, CAIRO_PDF_OUTLINE_ROOT, title, link, 0);
    }
    box(d, MARGIN, d->y + 3, 4, 20, ACCENT);
    d->y += put(d, title, MARGIN + 14, d->y, COL_W - 14, 18, 1, INK) + 10;
}

/* A label on the left, its value beside it: "Wie  Mark en Ria". */
static void row(doc *d, const char *label, const char *value, double lw, double size)
{
    double h = measure(d, value, COL_W - lw, size, 0), hl = measure(d, label, lw - 8, size, 0);
    if (hl > h) h = hl;
    need(d, h);
    put(d, label, MARGIN, d->y, lw - 8, size, 0, INK2);
    put(d, value, MARGIN + lw, d->y, COL_W - lw, size, 0, INK);
    d->y += h + 4;
}

/* A tinted box with a strong edge, for what the reader must not miss. */
static void notice(doc *d, const char *s, uint32_t edge, uint32_t fill)
{
    double h = measure(d, s, COL_W - 34, 11, 0) + 20;
    need(d, h);
    box(d, MARGIN, d->y, COL_W, h, fill);
    box(d, MARGIN, d->y, 5, h, edge);
    put(d, s, MARGIN + 20, d->y + 10, COL_W - 34, 11, 0, INK);
    d->y += h + 10;
}

/* A board's picture on a landscape page of its own, as large as the page allows,
 * so it reads like the screen did; its caption below. The first pass only counts
 * the page: every picture has the same size. */
static void picture(doc *d, const char *board, long long child, const char *caption)
{
    const print_opts *o = d->o;
    if (!o->picture || o->pic_w <= 0 || o->pic_h <= 0) return;
    if (d->y > MARGIN + 1) new_page(d);
    const double w = PAGE_H, h = PAGE_W, m = 40; /* turned */
    double sx = (w - 2 * m) / o->pic_w, sy = (h - 2 * m - 50) / o->pic_h, scale = sx < sy ? sx : sy;
    double iw = o->pic_w * scale, ih = o->pic_h * scale, x = (w - iw) / 2, y = m;
    print_picture p;
    if (d->draw) {
        cairo_pdf_surface_set_size(d->pdf, w, h);
        if (o->picture(o->user, board, child, &p) == 0 && p.w == o->pic_w && p.h == o->pic_h) {
            cairo_surface_t *img = cairo_image_surface_create_for_data((unsigned char *)p.pixels, CAIRO_FORMAT_RGB24, p.w,
                                                                       p.h, p.stride);
            cairo_save(d->cr);
            cairo_translate(d->cr, x, y);
            cairo_scale(d->cr, scale, scale);
            cairo_set_source_surface(d->cr, img, 0, 0);
            cairo_pattern_set_filter(cairo_get_source(d->cr), CAIRO_FILTER_GOOD);
            cairo_paint(d->cr);
            cairo_restore(d->cr);
            cairo_surface_destroy(img);
            colour(d, HAIRLINE);
            cairo_set_line_width(d->cr, 0.8);
            cairo_rectangle(d->cr, x, y, iw, ih);
            cairo_stroke(d->cr);
        }
        put(d, caption, x, y + ih + 8, iw, 10, 0, INK2);
        char pg[64];
        snprintf(pg, sizeof pg, T("print.page_of"), d->page, d->pages);
        double pw = width_of(d, pg, 8.5, 0);
        box(d, m, h - 34, w - 2 * m, 0.6, HAIRLINE);
        put(d, text_of(&d->footer), m, h - 28, w - 2 * m - pw - 16, 8.5, 0, INK2);
        put(d, pg, w - m - pw, h - 28, pw + 1, 8.5, 0, INK2);
        cairo_show_page(d->cr);
        cairo_pdf_surface_set_size(d->pdf, PAGE_W, PAGE_H);
    }
    d->page++;
    d->y = MARGIN;
}

/* --- the parts of the plan ---------------------------------------------------------- */

static const char *const role_order[] = {"kind", "ouder", "pleegouder", "netwerklid", "supporter", "professional",
                                         "facilitator"};

static void title_page(doc *d)
{
    const cJSON *m = get(d->root, "meeting"), *phases = get(d->root, "phases");
    char date[64], buf[64];
    txt line = {0};
    /* The meeting's day: when its first phase began, else when it was made. */
    const cJSON *first = cJSON_GetArrayItem(phases, 0);
    long_date(d, first && str(first, "started_at")[0] ? str(first, "started_at") : str(m, "created_at"), date, sizeof date, 0);
    box(d, 0, 0, PAGE_W, 10, ACCENT);
    d->y = MARGIN + 30;
    d->y += put(d, T("print.kicker"), MARGIN, d->y, COL_W, 12, 1, ACCENT) + 6;
    d->y += put(d, str(m, "title"), MARGIN, d->y, COL_W, 30, 1, INK) + 8;
    add(&line, "%s \xC2\xB7 %s", d->o->template_name ? d->o->template_name : str(m, "template"), date);
    d->y += put(d, text_of(&line), MARGIN, d->y, COL_W, 13, 0, INK2) + 22;
    line.n = 0;

    /* Where the plan stands: fixed, or still open, or the meeting still running. */
    int version = (int)num(d->root, "plan_version");
    const char *fixed = str(d->root, "plan_fixed_at");
    if (!strcmp(str(m, "status"), "running")) {
        int cur = 0, n = cJSON_GetArraySize(phases), i = 0;
        const char *title = "";
        const cJSON *p;
        cJSON_ArrayForEach(p, phases) {
            i++;
            if (str(p, "started_at")[0] && !str(p, "ended_at")[0]) {
                cur = i;
                title = d->o->lang_en && str(p, "title_en")[0] ? str(p, "title_en") : str(p, "title");
            }
        }
        if (cur) add(&line, T("print.running"), cur, n, title);
        else add(&line, "%s", T("print.running_between"));
        notice(d, text_of(&line), WARN, CFG_WARN_TINT);
        line.n = 0;
    } else if (!strcmp(str(m, "status"), "preparing")) {
        notice(d, T("print.preparing"), WARN, CFG_WARN_TINT);
    } else if (!strcmp(str(m, "status"), "finished") && str(m, "finished_at")[0]) {
        long_date(d, str(m, "finished_at"), date, sizeof date, 1);
        add(&line, T("print.finished"), date);
        notice(d, text_of(&line), FIXED, CFG_FIXED_TINT);
        line.n = 0;
    }
    if (fixed[0]) {
        long_date(d, fixed, date, sizeof date, 1);
        add(&line, T("print.fixed"), version, date);
        notice(d, text_of(&line), FIXED, CFG_FIXED_TINT);
        line.n = 0;
    } else if (has_board(d, "consent") && strcmp(str(m, "status"), "preparing") != 0) {
        add(&line, T("print.not_fixed"), version > 0 ? version : 1);
        notice(d, text_of(&line), WARN, CFG_WARN_TINT);
        line.n = 0;
    }

    /* Who took part, by role. */
    gap(d, 10);
    const char *who = !strcmp(str(m, "status"), "preparing") ? T("print.who_coming") : T("print.who");
    d->y += put(d, who, MARGIN, d->y, COL_W, 15, 1, INK) + 8;
    const cJSON *parts = get(d->root, "participants");
    for (size_t r = 0; r < sizeof role_order / sizeof role_order[0]; r++) {
        line.n = 0;
        const cJSON *p;
        cJSON_ArrayForEach(p, parts) {
            if (strcmp(str(p, "role"), role_order[r]) != 0) continue;
            add(&line, "%s%s", line.n ? ", " : "", str(p, "name"));
            const cJSON *sup = by_id(parts, "id", num(p, "supports"));
            if (sup && cJSON_IsNumber(get(p, "supports"))) add(&line, T("print.supports"), str(sup, "name"));
            if (get(p, "present") && !yes(p, "present")) add(&line, "%s", T("print.absent"));
        }
        if (line.n) row(d, word_of("role.", role_order[r], buf, sizeof buf), text_of(&line), 130, 11.5);
    }
    d->failed |= line.failed;
    txt_free(&line);
    /* The first evaluation of a goal: when the plan is looked at again. */
    const char *eval = "";
    const cJSON *g;
    cJSON_ArrayForEach(g, get(d->root, "goals")) {
        const char *e = str(g, "evaluation_date");
        if (e[0] && (!eval[0] || strcmp(e, eval) < 0)) eval = e;
    }
    if (eval[0]) {
        gap(d, 6);
        long_date(d, eval, date, sizeof date, 0);
        row(d, T("print.evaluation"), date, 130, 11.5);
    }

    /* The contents, with the pages the first pass found. */
    if (d->ntoc) {
        gap(d, 18);
        d->y += put(d, T("print.contents"), MARGIN, d->y, COL_W, 15, 1, INK) + 8;
        for (int i = 0; i < d->ntoc; i++) {
            char pg[16];
            snprintf(pg, sizeof pg, "%d", d->toc_page[i]);
            put(d, d->toc_title[i], MARGIN, d->y, COL_W - 40, 11.5, 0, INK);
            d->y += put(d, pg, PAGE_W - MARGIN - width_of(d, pg, 11.5, 0), d->y, 40, 11.5, 0, INK2) + 4;
        }
    }
    d->y = PAGE_H - BOTTOM - 40;
    put(d, T("print.private"), MARGIN, d->y, COL_W, 9.5, 0, INK2);
    new_page(d);
}

static void bodemeisen(doc *d)
{
    const cJSON *bm = get(d->root, "bodemeisen"), *b;
    if (!cJSON_GetArraySize(bm) && !has_board(d, "bodemeisen")) return;
    section(d, T("plan.bodemeisen"), 40);
    para(d, T("plan.bodemeisen_why"), 0, 11, 0, INK2);
    if (!cJSON_GetArraySize(bm)) para(d, T("plan.no_bodemeisen"), 0, 11.5, 0, INK);
    cJSON_ArrayForEach(b, bm) {
        const cJSON *by = by_id(get(d->root, "participants"), "id", num(b, "by"));
        txt line = {0};
        if (by) add(&line, T("print.set_by"), str(by, "name"));
        double h = measure(d, str(b, "text"), COL_W - 18, 12, 1) + (by ? measure(d, text_of(&line), COL_W - 18, 10, 0) : 0);
        need(d, h + 8);
        box(d, MARGIN + 3, d->y + 6, 5, 5, WARN);
        d->y += put(d, str(b, "text"), MARGIN + 18, d->y, COL_W - 18, 12, 1, INK) + 2;
        if (by) d->y += put(d, text_of(&line), MARGIN + 18, d->y, COL_W - 18, 10, 0, INK2);
        d->failed |= line.failed;
        txt_free(&line);
        gap(d, 8);
    }
}

static void decisions(doc *d)
{
    const cJSON *ds = get(d->root, "decisions"), *x;
    if (!cJSON_GetArraySize(ds) && !cJSON_GetArraySize(get(d->root, "actieteam")) && !has_board(d, "decisions")) return;
    section(d, T("plan.decisions"), 60);
    para(d, T("print.decisions_why"), 0, 11, 0, INK2);
    int n = 0;
    cJSON_ArrayForEach(x, ds) {
        if (!yes(x, "final")) continue; /* the export holds none but final ones; this keeps it so */
        char due[64], num_s[16];
        txt who = {0}, line = {0};
        names(d, get(x, "who"), &who);
        long_date(d, str(x, "due"), due, sizeof due, 0);
        snprintf(num_s, sizeof num_s, "%d", ++n);
        double h = measure(d, str(x, "what"), COL_W - 34, 12.5, 1) + 40;
        need(d, h);
        d->y += 4;
        put(d, num_s, MARGIN + 4, d->y, 24, 16, 1, ACCENT);
        d->y += put(d, str(x, "what"), MARGIN + 34, d->y, COL_W - 34, 12.5, 1, INK) + 3;
        add(&line, "%s %s", T("print.who_does"), who.n ? text_of(&who) : T("plan.no_who"));
        d->y += put(d, text_of(&line), MARGIN + 34, d->y, COL_W - 34, 10.5, 0, INK);
        if (due[0]) {
            line.n = 0;
            add(&line, T("print.due"), due);
            d->y += put(d, text_of(&line), MARGIN + 34, d->y, COL_W - 34, 10.5, 0, INK);
        }
        if (yes(x, "needs_professional_help")) d->y += put(d, T("plan.help"), MARGIN + 34, d->y, COL_W - 34, 10.5, 0, INK);
        const cJSON *g = by_id(get(d->root, "goals"), "id", num(x, "goal"));
        if (g && cJSON_IsNumber(get(x, "goal"))) {
            line.n = 0;
            add(&line, T("print.for_goal"), str(g, "text"));
            d->y += put(d, text_of(&line), MARGIN + 34, d->y, COL_W - 34, 10.5, 0, INK2);
        }
        d->failed |= who.failed | line.failed;
        txt_free(&who);
        txt_free(&line);
        d->y += 8;
        box(d, MARGIN + 34, d->y - 4, COL_W - 34, 0.6, HAIRLINE);
        d->y += 6;
    }
    if (!n) para(d, T("plan.no_final"), 0, 11.5, 0, INK);

    /* The actieteam belongs with the agreements: they see that they happen. */
    txt team = {0};
    names(d, get(d->root, "actieteam"), &team);
    gap(d, 6);
    need(d, 60);
    d->y += put(d, T("plan.actieteam"), MARGIN, d->y, COL_W, 14, 1, INK) + 4;
    para(d, T("print.team_why"), 0, 11, 0, INK2);
    para(d, team.n ? text_of(&team) : T("plan.team_none"), 0, 12, 1, INK);
    d->failed |= team.failed;
    txt_free(&team);
}

static void goals(doc *d)
{
    const cJSON *gs = get(d->root, "goals");
    if (!cJSON_GetArraySize(gs)) return;
    section(d, T("print.goals"), 80);
    para(d, T("print.goals_why"), 0, 11, 0, INK2);
    static const char *const prio[] = {"hoog", "midden", "laag"};
    for (int p = 0; p < 3; p++) {
        const cJSON *g;
        cJSON_ArrayForEach(g, gs) {
            if (strcmp(str(g, "priority"), prio[p]) != 0) continue;
            char buf[64], date[64];
            txt line = {0}, info = {0};
            /* "korte termijn · prioriteit hoog · met hulp van het netwerk (emotioneel, praktisch)" */
            add(&line, "%s \xC2\xB7 ", word_of("goals.", str(g, "term"), buf, sizeof buf));
            add(&line, T("print.priority"), word_of("goals.", prio[p], buf, sizeof buf));
            if (yes(g, "needs_network")) {
                add(&line, " \xC2\xB7 %s", T("print.network"));
                const cJSON *s;
                int i = 0;
                cJSON_ArrayForEach(s, get(g, "support"))
                    add(&line, "%s%s", i++ ? ", " : " (", word_of("goals.", cJSON_IsString(s) ? s->valuestring : "", buf, sizeof buf));
                if (i) add(&line, ")");
            } else add(&line, " \xC2\xB7 %s", T("print.on_own"));
            add(&line, " \xC2\xB7 %s", !strcmp(str(g, "kind"), "voorwaardelijk") ? T("print.precondition") : T("print.prospect"));
            double h = measure(d, str(g, "text"), COL_W - 16, 13, 1) + measure(d, text_of(&line), COL_W - 16, 10, 0) + 40;
            need(d, h);
            box(d, MARGIN, d->y, 4, h - 12, p == 0 ? CFG_PRIO_HOOG : p == 1 ? CFG_PRIO_MIDDEN : CFG_PRIO_LAAG);
            d->y += put(d, str(g, "text"), MARGIN + 16, d->y, COL_W - 16, 13, 1, INK) + 2;
            d->y += put(d, text_of(&line), MARGIN + 16, d->y, COL_W - 16, 10, 0, INK2) + 2;
            if (yes(g, "imposed")) d->y += put(d, T("goals.imposed"), MARGIN + 16, d->y, COL_W - 16, 10, 1, WARN) + 2;
            if (cJSON_IsNumber(get(g, "owner"))) {
                add(&info, T("print.owner"), person_name(d, num(g, "owner")));
                add(&info, " \xC2\xB7 ");
            }
            long_date(d, str(g, "evaluation_date"), date, sizeof date, 0);
            add(&info, "%s %s", T("goals.evaluation"), date[0] ? date : T("goals.no_date"));
            d->y += put(d, text_of(&info), MARGIN + 16, d->y, COL_W - 16, 10.5, 0, INK) + 4;
            /* Its actions: what, who, when, how it goes, what is next. */
            const cJSON *a;
            cJSON_ArrayForEach(a, get(g, "actions")) {
                char from[64], to[64];
                line.n = 0;
                long_date(d, str(a, "from"), from, sizeof from, 0);
                long_date(d, str(a, "to"), to, sizeof to, 0);
                add(&line, "%s %s", yes(a, "done") ? "\xE2\x9C\x93" : "\xE2\x80\xA2", str(a, "what"));
                if (cJSON_IsNumber(get(a, "who"))) add(&line, " \xC2\xB7 %s", person_name(d, num(a, "who")));
                if (from[0] && to[0]) add(&line, " \xC2\xB7 %s \xE2\x80\x93 %s", from, to);
                else if (from[0] || to[0]) add(&line, " \xC2\xB7 %s", from[0] ? from : to);
                para(d, text_of(&line), 28, 10.5, 0, INK);
                if (str(a, "progress")[0]) {
                    line.n = 0;
                    add(&line, "%s %s", T("goals.progress"), str(a, "progress"));
                    para(d, text_of(&line), 40, 9.5, 0, INK2);
                }
                if (str(a, "next")[0]) {
                    line.n = 0;
                    add(&line, "%s %s", T("goals.next"), str(a, "next"));
                    para(d, text_of(&line), 40, 9.5, 0, INK2);
                }
            }
            d->failed |= line.failed | info.failed;
            txt_free(&line);
            txt_free(&info);
            gap(d, 10);
        }
    }
    picture(d, "doelen", 0, T("print.pic_goals"));
}

static void consent(doc *d)
{
    const cJSON *parts = get(d->root, "participants"), *answers = get(d->root, "consent"), *p;
    if (!cJSON_GetArraySize(answers) && !has_board(d, "consent")) return;
    section(d, T("print.consent"), 60);
    para(d, T("print.consent_why"), 0, 11, 0, INK2);
    cJSON_ArrayForEach(p, parts) {
        if (get(p, "present") && !yes(p, "present")) continue;
        const cJSON *a = by_id(answers, "participant", num(p, "id"));
        const char *ans = a ? str(a, "answer") : "";
        char what[64], when[64] = "", buf[64];
        const char *mark = "\xE2\x80\xA6", *word = T("print.no_answer");
        uint32_t rgb = INK2;
        if (!strcmp(ans, "akkoord")) { mark = "\xE2\x9C\x93"; word = T("consent.akkoord"); rgb = FIXED; }
        else if (!strcmp(ans, "voorbehoud")) { mark = "\xE2\x89\x88"; word = T("consent.voorbehoud"); rgb = WARN; }
        else if (!strcmp(ans, "niet_akkoord")) { mark = "\xE2\x9C\x97"; word = T("consent.niet"); rgb = CFG_DANGER; }
        if (a) long_date(d, str(a, "at"), when, sizeof when, 1);
        snprintf(what, sizeof what, "%s %s", mark, word);
        txt who = {0};
        add(&who, "%s (%s)", str(p, "name"), word_of("role.", str(p, "role"), buf, sizeof buf));
        const char *remark = a ? str(a, "remark") : "";
        double h = 18 + (remark[0] ? measure(d, remark, COL_W - 190, 10, 0) + 4 : 0);
        need(d, h);
        double hw = measure(d, text_of(&who), 180, 11, 0);
        put(d, text_of(&who), MARGIN, d->y, 180, 11, 0, INK);
        d->failed |= who.failed;
        txt_free(&who);
        put(d, what, MARGIN + 190, d->y, 150, 11, 1, rgb);
        put(d, when, MARGIN + 340, d->y, COL_W - 340, 9.5, 0, INK2);
        double hr = remark[0] ? put(d, remark, MARGIN + 190, d->y + 17, COL_W - 190, 10, 0, INK) + 4 : 0;
        d->y += (17 + hr > hw + 4 ? 17 + hr : hw + 4); /* a long name takes its own height */
        box(d, MARGIN, d->y, COL_W, 0.5, HAIRLINE);
        d->y += 6;
    }
}

/* A column's title as the board shows it: the layout file's, else the app's words. */
static const char *col_title(const doc *d, int col)
{
    static const char *const keys[] = {N_("dl.left.title"), N_("dl.middle.title"), N_("dl.right.title")};
    const core_dl_layout *l = d->o->dl;
    const char *t = l ? (d->o->lang_en ? l->cols[col].title_en : l->cols[col].title_nl) : "";
    return t[0] ? t : T(keys[col]);
}

static const char *prompt_title(const doc *d, int q)
{
    static const char *const keys[] = {N_("dl.prompt.wie"), N_("dl.prompt.vragen"), N_("dl.prompt.informatie"),
                                       N_("dl.prompt.waar")};
    const core_dl_layout *l = d->o->dl;
    const char *t = l ? (d->o->lang_en ? l->prompt_en[q] : l->prompt_nl[q]) : "";
    return t[0] ? t : T(keys[q]);
}

/* The notes hung on the board (a note in someone's tray is still theirs alone). */
static int hung(const cJSON *n) { return cJSON_IsString(get(n, "hung_at")); }

static void note_line(doc *d, const cJSON *n, double indent)
{
    txt line = {0};
    const cJSON *author = by_id(get(d->root, "participants"), "id", num(n, "author"));
    const char *text = str(n, "text")[0] ? str(n, "text") : T("print.drawing");
    add(&line, "\xE2\x80\x93 %s", text);
    if (author && cJSON_IsNumber(get(n, "author"))) add(&line, " (%s)", str(author, "name"));
    para(d, text_of(&line), indent, 10.5, 0, INK);
    d->failed |= line.failed;
    txt_free(&line);
}

/* "het ergste" or "de grootste wens": the marked group's theme, or the marked note. */
static void star(doc *d, const char *key, const char *label)
{
    const cJSON *m = get(get(d->root, "drieluik"), key), *dl = get(d->root, "drieluik");
    if (!cJSON_IsObject(m)) return;
    const char *what = "";
    if (get(m, "group")) what = str(by_id(get(dl, "groups"), "id", num(m, "group")), "theme");
    else if (get(m, "note")) what = str(by_id(get(dl, "notes"), "id", num(m, "note")), "text");
    txt line = {0};
    add(&line, "\xE2\x98\x85 %s: %s", label, what[0] ? what : "\xE2\x80\x94");
    para(d, text_of(&line), 0, 12, 1, INK);
    d->failed |= line.failed;
    txt_free(&line);
}

static void drieluik(doc *d)
{
    const cJSON *dl = get(d->root, "drieluik"), *notes = get(dl, "notes"), *n, *g;
    int any = 0;
    cJSON_ArrayForEach(n, notes) any |= hung(n);
    if (!any) return;
    section(d, T("print.drieluik"), 80);
    para(d, T("print.drieluik_why"), 0, 11, 0, INK2);
    static const char *const cols[] = {"left", "middle", "right"};
    /* The columns' own colours, as the board shows them (a layout may set them):
     * one palette for screen and paper, core's defaults when there is no layout. */
    core_dl_layout def;
    core_dl_layout_default(&def);
    const core_dl_layout *l = d->o->dl ? d->o->dl : &def;
    for (int c = 0; c < 3; c++) {
        gap(d, 6);
        need(d, 70);
        box(d, MARGIN, d->y + 2, 12, 12, l->cols[c].edge);
        d->y += put(d, col_title(d, c), MARGIN + 20, d->y, COL_W - 20, 14, 1, INK) + 4;
        if (c == 0) star(d, "worst", T("print.worst"));
        if (c == 2) star(d, "wish", T("print.wish"));
        if (c == 1) { /* the middle answers its four questions */
            for (int q = 0; q < DL_PROMPTS; q++) {
                int has = 0;
                cJSON_ArrayForEach(n, notes) has |= hung(n) && core_dl_prompt_parse(str(n, "prompt")) == q;
                if (!has) continue;
                para(d, prompt_title(d, q), 8, 11, 1, INK);
                cJSON_ArrayForEach(n, notes)
                    if (hung(n) && core_dl_prompt_parse(str(n, "prompt")) == q) note_line(d, n, 16);
            }
            continue;
        }
        /* Themes with their notes, then the notes that stand alone. */
        cJSON_ArrayForEach(g, get(dl, "groups")) {
            if (strcmp(str(g, "column"), cols[c]) != 0) continue;
            para(d, str(g, "theme")[0] ? str(g, "theme") : T("print.no_theme"), 8, 11, 1, INK);
            cJSON_ArrayForEach(n, notes)
                if (hung(n) && num(n, "group") == num(g, "id") && cJSON_IsNumber(get(n, "group"))) note_line(d, n, 16);
        }
        int alone = 0;
        cJSON_ArrayForEach(n, notes) alone |= hung(n) && !strcmp(str(n, "column"), cols[c]) && !cJSON_IsNumber(get(n, "group"));
        if (alone) {
            para(d, T("print.loose"), 8, 11, 1, INK2);
            cJSON_ArrayForEach(n, notes)
                if (hung(n) && !strcmp(str(n, "column"), cols[c]) && !cJSON_IsNumber(get(n, "group"))) note_line(d, n, 16);
        }
    }
    picture(d, "drieluik", 0, T("print.pic_drieluik"));
}

/* Only a card the child chose to share: off unless they said yes. */
static void vip_cards(doc *d)
{
    const cJSON *card;
    cJSON_ArrayForEach(card, get(d->root, "vip_cards")) {
        if (!yes(card, "shared")) continue;
        const cJSON *child = by_id(get(d->root, "participants"), "id", num(card, "child"));
        const char *name = child ? str(child, "name") : "?";
        char buf[64], buf2[64];
        txt title = {0}, line = {0};
        add(&title, T("print.vip"), name);
        section(d, text_of(&title), 60);
        add(&line, T("print.vip_why"), name);
        para(d, text_of(&line), 0, 11, 0, INK2);
        const cJSON *e;
        cJSON_ArrayForEach(e, get(card, "people")) {
            const cJSON *p = by_id(get(d->root, "people"), "id", num(e, "person"));
            if (!p) continue;
            const char *rel = str(p, "relation"), *relw = word_of("vip.rel.", rel, buf, sizeof buf);
            if (relw == rel) relw = word_of("role.", rel, buf2, sizeof buf2);
            line.n = 0;
            add(&line, "%s (%s)", str(p, "name"), relw);
            long long face = num(e, "contact");
            if (face >= 1 && face <= 5) {
                snprintf(buf, sizeof buf, "vip.face.%lld", face);
                add(&line, " \xC2\xB7 %s", T(buf));
            }
            if (str(e, "change")[0]) add(&line, " \xC2\xB7 %s", word_of("vip.", str(e, "change"), buf, sizeof buf));
            if (str(e, "note")[0]) add(&line, ": \xE2\x80\x9C%s\xE2\x80\x9D", str(e, "note"));
            para(d, text_of(&line), 8, 11, 0, INK);
        }
        d->failed |= title.failed | line.failed;
        txt_free(&title);
        txt_free(&line);
        picture(d, "vip", num(card, "child"), T("print.pic_vip"));
    }
}

static void whole(doc *d)
{
    d->page = 1;
    d->nsec = 0;
    title_page(d);
    bodemeisen(d);
    decisions(d);
    goals(d);
    consent(d);
    drieluik(d);
    vip_cards(d);
    if (d->y > MARGIN + 1) { /* the last page has something on it */
        footer(d);
        if (d->draw) cairo_show_page(d->cr);
    } else d->page--;
}

/* --- the bytes ----------------------------------------------------------------------- */

/* The PDF or PNG grows in memory; the caller writes it whole (export_write_whole_at). */
typedef struct {
    unsigned char *buf;
    size_t len, cap;
} sink;

static cairo_status_t sink_write(void *closure, const unsigned char *data, unsigned int len)
{
    sink *s = closure;
    if (s->len + len > s->cap) {
        size_t cap = s->cap ? s->cap : 1 << 16;
        while (cap < s->len + len) cap *= 2;
        unsigned char *grown = realloc(s->buf, cap);
        if (!grown) return CAIRO_STATUS_NO_MEMORY;
        s->buf = grown;
        s->cap = cap;
    }
    memcpy(s->buf + s->len, data, len);
    s->len += len;
    return CAIRO_STATUS_SUCCESS;
}

int print_picture_png(const print_picture *p, unsigned char **png, size_t *len)
{
    *png = NULL;
    *len = 0;
    /* The painter's words are 0x00RRGGBB: cairo's RGB24, so no copy. */
    cairo_surface_t *s = cairo_image_surface_create_for_data((unsigned char *)p->pixels, CAIRO_FORMAT_RGB24, p->w, p->h,
                                                             p->stride);
    sink out = {0};
    cairo_status_t cs = cairo_surface_status(s);
    if (cs == CAIRO_STATUS_SUCCESS) cs = cairo_surface_write_to_png_stream(s, sink_write, &out);
    cairo_surface_destroy(s);
    if (cs != CAIRO_STATUS_SUCCESS || !out.len) {
        free(out.buf);
        return -1;
    }
    *png = out.buf;
    *len = out.len;
    return 0;
}

int print_plan_pdf(const char *json, const print_opts *o, unsigned char **out, size_t *out_len, char *msg, size_t cap)
{
    *out = NULL;
    *out_len = 0;
    cJSON *root = cJSON_Parse(json);
    int rc = print_plan_pdf_tree(root, o, out, out_len, msg, cap);
    cJSON_Delete(root);
    return rc;
}

int print_plan_pdf_tree(const cJSON *root, const print_opts *o, unsigned char **out, size_t *out_len, char *msg, size_t cap)
{
    *out = NULL;
    *out_len = 0;
    if (!root || num(root, "schema_version") != 1) {
        snprintf(msg, cap, "the export is not schema_version 1 JSON");
        return -1;
    }
    sink s = {0};
    doc d = {.root = root, .o = o};
    const cJSON *m = get(root, "meeting");
    add(&d.footer, T("print.footer"), str(m, "title"), (int)num(root, "plan_version"));
    d.pdf = cairo_pdf_surface_create_for_stream(sink_write, &s, PAGE_W, PAGE_H);
    txt title = {0};
    add(&title, "%s \xE2\x80\x94 %s", T("print.kicker"), str(m, "title"));
    cairo_pdf_surface_set_metadata(d.pdf, CAIRO_PDF_METADATA_TITLE, text_of(&title));
    txt_free(&title);
    cairo_pdf_surface_set_metadata(d.pdf, CAIRO_PDF_METADATA_CREATOR, "Schouders");
    d.cr = cairo_create(d.pdf);
    /* First pass: pages and where each part begins. Second: the same, drawn. */
    whole(&d);
    d.pages = d.page;
    memcpy(d.toc_title, d.sec_title, sizeof d.toc_title);
    memcpy(d.toc_page, d.sec_page, sizeof d.toc_page);
    d.ntoc = d.nsec;
    d.draw = 1;
    whole(&d);
    cairo_destroy(d.cr);
    cairo_surface_finish(d.pdf);
    cairo_status_t cs = cairo_surface_status(d.pdf);
    cairo_surface_destroy(d.pdf);
    txt_free(&d.footer);
    if (d.failed || d.footer.failed) cs = CAIRO_STATUS_NO_MEMORY;
    if (cs != CAIRO_STATUS_SUCCESS || !s.len) {
        snprintf(msg, cap, "cannot make the PDF: %s", cairo_status_to_string(cs));
        free(s.buf);
        return -1;
    }
    *out = s.buf;
    *out_len = s.len;
    return 0;
}
