/* core: roles, colours, text and the small rules every screen relies on. */
#include "core.h"
#include "../config.h"

#include <stdint.h>
#include <stdio.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const role_words[ROLE_COUNT] = {
    "kind", "ouder", "pleegouder", "netwerklid", "supporter", "professional", "facilitator"};

const char *core_role_word(core_role r)
{
    return (r >= 0 && r < ROLE_COUNT) ? role_words[r] : "netwerklid";
}

core_status core_role_parse(const char *word, core_role *out)
{
    for (int i = 0; word && i < ROLE_COUNT; i++)
        if (strcmp(word, role_words[i]) == 0) {
            *out = (core_role)i;
            return CORE_OK;
        }
    return CORE_EINVAL;
}

int core_role_is_professional(core_role r)
{
    return r == ROLE_PROFESSIONAL || r == ROLE_FACILITATOR;
}

const char *core_sector_word(core_sector s)
{
    static const char *const w[SECTOR_COUNT] = {"familie", "sociaal", "professioneel"};
    return (s >= 0 && s < SECTOR_COUNT) ? w[s] : w[SECTOR_SOCIAAL];
}

core_sector core_role_sector(core_role r)
{
    switch (r) {
    case ROLE_KIND: case ROLE_OUDER: case ROLE_PLEEGOUDER: return SECTOR_FAMILIE;
    case ROLE_PROFESSIONAL: case ROLE_FACILITATOR: return SECTOR_PROFESSIONEEL;
    default: return SECTOR_SOCIAAL;
    }
}

const char *core_meeting_status_word(core_meeting_status s)
{
    switch (s) {
    case MEETING_RUNNING: return "running";
    case MEETING_FINISHED: return "finished";
    default: return "preparing";
    }
}

/* config.h's participants' colours (Okabe-Ito). */
static const uint32_t palette[CORE_PALETTE_SIZE] = CFG_PARTICIPANT_COLOURS;

uint32_t core_palette(int i)
{
    if (i < 0) i = -i;
    return palette[i % CORE_PALETTE_SIZE];
}

uint32_t core_colour_next(const uint32_t *used, int n)
{
    int count[CORE_PALETTE_SIZE] = {0};
    for (int i = 0; i < n; i++)
        for (int p = 0; p < CORE_PALETTE_SIZE; p++)
            if (used[i] == palette[p]) count[p]++;
    int best = 0;
    for (int p = 1; p < CORE_PALETTE_SIZE; p++)
        if (count[p] < count[best]) best = p;
    return palette[best];
}

/* --- UTF-8 ------------------------------------------------------------------ */

/* Length of the valid UTF-8 sequence at s (at most n bytes), 0 if invalid.
 * Rejects overlongs, surrogates, code points above U+10FFFF and NUL. */
static size_t utf8_valid_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c == 0) return 0;
    if (c < 0x80) return 1;
    size_t len;
    unsigned cp;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
    else return 0;
    if (n < len) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return 0;
    if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
    if (cp > 0x10FFFF) return 0;
    return len;
}

size_t core_utf8_clean(const char *in, size_t len, char *out, size_t cap)
{
    static const char repl[] = "\xEF\xBF\xBD";
    size_t o = 0, chars = 0, i = 0;
    if (cap == 0) return 0;
    while (i < len) {
        size_t k = utf8_valid_len((const unsigned char *)in + i, len - i);
        const char *src = in + i;
        size_t w = k;
        if (k == 0) { src = repl; w = 3; k = 1; }
        if (o + w + 1 > cap) break;
        memcpy(out + o, src, w);
        o += w;
        i += k;
        chars++;
    }
    out[o] = 0;
    return chars;
}

size_t core_utf8_count(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80) n++;
    return n;
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

core_status core_text_take(const char *in, int max_chars, char *out, size_t cap)
{
    if (!in) in = "";
    size_t len = strlen(in);
    while (len && is_space((unsigned char)*in)) { in++; len--; }
    while (len && is_space((unsigned char)in[len - 1])) len--;
    if (len == 0) {
        if (cap) out[0] = 0;
        return CORE_EEMPTY;
    }
    /* Count first: an invalid byte becomes one U+FFFD, one character. */
    size_t chars = 0;
    for (size_t i = 0; i < len; chars++) {
        size_t k = utf8_valid_len((const unsigned char *)in + i, len - i);
        i += k ? k : 1;
    }
    if (chars > (size_t)max_chars || cap < CORE_TEXT_BYTES((size_t)max_chars)) {
        core_utf8_clean(in, len, out, cap);
        return CORE_ETOOLONG;
    }
    core_utf8_clean(in, len, out, cap);
    return CORE_OK;
}

core_status core_note_check(const char *text, size_t ink_len, char *clean, size_t cap)
{
    core_status st = core_text_take(text, CORE_NOTE_MAX, clean, cap);
    if (st == CORE_EEMPTY && ink_len > 0) return CORE_OK; /* a drawing needs no words */
    return st;
}

void core_notes_free(core_note *notes, int n)
{
    for (int i = 0; i < n; i++) {
        free(notes[i].ink);
        notes[i].ink = NULL;
        notes[i].ink_len = 0;
    }
}

core_status core_pin_check(const char *pin)
{
    size_t n = pin ? strlen(pin) : 0;
    if (n < CORE_PIN_MIN || n > CORE_PIN_MAX) return CORE_EINVAL;
    for (size_t i = 0; i < n; i++)
        if (pin[i] < '0' || pin[i] > '9') return CORE_EINVAL;
    return CORE_OK;
}

int64_t core_pin_wait_ms(const core_pin_guard *g, int64_t now_ms)
{
    if (g->pause_ms <= 0) return 0;
    if (now_ms < g->paused_at) return g->pause_ms;
    int64_t left = g->pause_ms - (now_ms - g->paused_at);
    return left > 0 ? left : 0;
}

void core_pin_wrong(core_pin_guard *g, int tries, int64_t first_ms, int64_t now_ms)
{
    if (g->wrong < 0 || g->wrong > tries) g->wrong = 0; /* a hostile file: start counting again */
    if (g->lockouts < 0) g->lockouts = 0;
    if (++g->wrong < tries) return;
    g->wrong = 0;
    int doubled = g->lockouts < 10 ? g->lockouts : 10;
    if (g->lockouts < 1000) g->lockouts++;
    g->paused_at = now_ms;
    g->pause_ms = first_ms << doubled;
}

void core_pin_right(core_pin_guard *g) { *g = (core_pin_guard){0, 0, 0, 0}; }

core_status core_participant_add(core_participant *list, int *n, const char *name, core_role role)
{
    if (*n >= CORE_PARTICIPANTS_MAX) return CORE_EFULL;
    if (role < 0 || role >= ROLE_COUNT) return CORE_EINVAL;
    core_participant p;
    memset(&p, 0, sizeof p);
    core_status st = core_text_take(name, CORE_NAME_MAX, p.name, sizeof p.name);
    if (st != CORE_OK) return st;
    uint32_t used[CORE_PARTICIPANTS_MAX];
    for (int i = 0; i < *n; i++) used[i] = list[i].colour;
    p.role = role;
    p.colour = core_colour_next(used, *n);
    p.present = 1;
    list[(*n)++] = p;
    return CORE_OK;
}

void core_participant_remove(core_participant *list, int *n, int i)
{
    if (i < 0 || i >= *n) return;
    memmove(list + i, list + i + 1, (size_t)(*n - i - 1) * sizeof *list);
    (*n)--;
    /* Supporters point at places in the list: keep them pointing at the same person. */
    for (int k = 0; k < *n; k++) {
        if (list[k].supports == i + 1) list[k].supports = 0;
        else if (list[k].supports > i + 1) list[k].supports--;
    }
}

int core_phase_step(int current, int delta, int nphases)
{
    int p = current + delta;
    if (p >= nphases) p = nphases - 1;
    if (p < 0) p = 0;
    return p;
}

core_status core_template_check(const core_template *t, const char **why)
{
    if (!t->id[0]) { *why = "no id"; return CORE_EINVAL; }
    if (!t->name_nl[0]) { *why = "\"name\" has no Dutch text (\"nl\")"; return CORE_EINVAL; }
    if (t->nphases < 1) { *why = "\"phases\" is empty"; return CORE_EINVAL; }
    for (int i = 0; i < t->nphases; i++) {
        const core_phase_def *p = &t->phases[i];
        if (!p->title_nl[0]) { *why = "a phase has no Dutch title"; return CORE_EINVAL; }
        if (p->minutes < 1 || p->minutes > 600) { *why = "a phase's \"minutes\" is not 1 to 600"; return CORE_EINVAL; }
        int b = core_board_parse(p->board[0] ? p->board : "none");
        if (b < 0 || !core_board_about((core_board)b)->in_phase) { *why = "a phase names a board the app does not have"; return CORE_EINVAL; }
        if (i == 0 && p->closed) {
            *why = "the first phase cannot be the closed segment: professionals share what they know first";
            return CORE_EINVAL;
        }
    }
    *why = "";
    return CORE_OK;
}

void core_iso8601(int64_t unix_ms, char *out, size_t cap)
{
    time_t t = (time_t)(unix_ms / 1000);
    struct tm tm;
    /* A time beyond what a calendar holds (a hostile file): the first moment instead. */
    if (!gmtime_r(&t, &tm) || tm.tm_year > 9999 - 1900 || tm.tm_year < 1 - 1900) {
        t = 0;
        gmtime_r(&t, &tm);
    }
    strftime(out, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Timer arithmetic saturates: times come from a file that may hold anything, and an
 * overflow would be undefined, not merely wrong. */
static int64_t sat_add(int64_t a, int64_t b)
{
    int64_t r;
    return __builtin_add_overflow(a, b, &r) ? (b > 0 ? INT64_MAX : INT64_MIN) : r;
}

static int64_t sat_sub(int64_t a, int64_t b)
{
    int64_t r;
    return __builtin_sub_overflow(a, b, &r) ? (b < 0 ? INT64_MAX : INT64_MIN) : r;
}

int64_t core_phase_elapsed_ms(const core_phase *p, int64_t now_ms)
{
    if (!p->started_at_ms) return 0;
    int64_t end = p->ended_at_ms ? p->ended_at_ms : p->paused_at_ms ? p->paused_at_ms : now_ms;
    int64_t e = sat_sub(sat_sub(end, p->started_at_ms), p->paused_ms);
    return e < 0 ? 0 : e; /* a clock set back before the start shows zero, not a negative time */
}

int64_t core_phase_left_ms(const core_phase *p, int64_t now_ms)
{
    return sat_sub(sat_add((int64_t)p->def.minutes * 60000, p->extra_ms), core_phase_elapsed_ms(p, now_ms));
}

void core_clock_text(int64_t ms, char *out, size_t cap)
{
    if (ms < 0) ms = ms == INT64_MIN ? INT64_MAX : -ms;
    int64_t s = ms / 1000;
    if (s >= 3600) snprintf(out, cap, "%lld:%02lld:%02lld", (long long)(s / 3600), (long long)(s / 60 % 60), (long long)(s % 60));
    else snprintf(out, cap, "%02lld:%02lld", (long long)(s / 60), (long long)(s % 60));
}

core_status core_decision_check_final(const core_decision *d, const char **why)
{
    char clean[CORE_TEXT_BYTES(CORE_LONG_MAX)];
    if (core_text_take(d->what, CORE_LONG_MAX, clean, sizeof clean) != CORE_OK) {
        *why = "what";
        return CORE_EEMPTY;
    }
    if (d->nwho < 1) {
        *why = "who";
        return CORE_EEMPTY;
    }
    *why = "";
    return CORE_OK;
}

const char *core_consent_word(core_consent c)
{
    switch (c) {
    case CONSENT_AKKOORD: return "akkoord";
    case CONSENT_VOORBEHOUD: return "voorbehoud";
    case CONSENT_NIET: return "niet_akkoord";
    default: return "";
    }
}

static const char *const relation_words[REL_COUNT] = {"mama", "papa", "oma", "opa", "broer", "zus", "pleegmama",
                                                      "pleegpapa", "vriend", "vriendin", "juf", "buren", "coach",
                                                      "huisdier", "anders"};

const char *core_relation_word(core_relation r) { return r >= 0 && r < REL_COUNT ? relation_words[r] : "anders"; }

core_sector core_relation_sector(core_relation r)
{
    switch (r) {
    case REL_VRIEND: case REL_VRIENDIN: case REL_BUREN: case REL_COACH: case REL_ANDERS: return SECTOR_SOCIAAL;
    case REL_JUF: return SECTOR_PROFESSIONEEL;
    default: return SECTOR_FAMILIE;
    }
}

static const char *const change_words[] = {"", "meer", "minder", "goed", "anders"};

const char *core_vip_change_word(core_vip_change c) { return c > 0 && c <= VIP_ANDERS ? change_words[c] : ""; }

core_vip_change core_vip_change_parse(const char *word)
{
    for (int i = 1; i <= VIP_ANDERS; i++)
        if (word && !strcmp(word, change_words[i])) return (core_vip_change)i;
    return VIP_CHANGE_NONE;
}

void core_vip_free(core_vip_entry *e, int n)
{
    for (int i = 0; i < n; i++) {
        free(e[i].ink);
        e[i].ink = NULL;
        e[i].ink_len = 0;
    }
}

const char *core_term_word(core_term t) { return t == TERM_LANG ? "lang" : "kort"; }

const char *core_priority_word(core_priority p) { return p == PRIO_HOOG ? "hoog" : p == PRIO_LAAG ? "laag" : "midden"; }

static const char *const support_words[SUPPORT_KINDS] = {"emotioneel", "informatief", "materieel", "praktisch",
                                                         "professioneel"};

const char *core_support_word(int i) { return i >= 0 && i < SUPPORT_KINDS ? support_words[i] : ""; }

void core_support_text(int bits, char *out, size_t cap)
{
    size_t used = 0;
    out[0] = 0;
    for (int i = 0; i < SUPPORT_KINDS; i++)
        if (bits & (1 << i)) {
            int n = snprintf(out + used, cap - used, "%s%s", used ? "," : "", support_words[i]);
            if (n < 0 || (size_t)n >= cap - used) return;
            used += (size_t)n;
        }
}

int core_support_parse(const char *text)
{
    int bits = 0;
    for (int i = 0; i < SUPPORT_KINDS; i++) {
        size_t n = strlen(support_words[i]);
        for (const char *p = text; p && (p = strstr(p, support_words[i])); p += n)
            if ((p == text || p[-1] == ',') && (p[n] == ',' || p[n] == 0)) bits |= 1 << i;
    }
    return bits;
}

core_term core_goal_term(const core_goal *g) { return g->x < 0.5 ? TERM_KORT : TERM_LANG; }

core_priority core_goal_priority(const core_goal *g)
{
    return g->y < 1.0 / 3 ? PRIO_HOOG : g->y < 2.0 / 3 ? PRIO_MIDDEN : PRIO_LAAG;
}

core_status core_goal_may_change(const core_goal *before, const core_goal *after, core_role actor)
{
    int imposed = (before && before->imposed) || (after && after->imposed);
    return imposed && actor != ROLE_PROFESSIONAL ? CORE_EINVAL : CORE_OK;
}

int core_goal_done(const core_goal *g)
{
    int k = 0;
    for (int i = 0; i < g->nactions; i++) k += g->actions[i].done != 0;
    return k;
}

/* The boards table (core_board). The picture of the plan is called "besluiten" on
 * the command line: decisions, consent and bottom lines together. */
static const core_board_info boards[BOARD_KINDS] = {
    [BOARD_NONE] = {"none", NULL, 1, BOARD_NONE},
    [BOARD_BREAK] = {"break", NULL, 1, BOARD_NONE},
    [BOARD_DRIELUIK] = {"drieluik", NULL, 1, BOARD_DRIELUIK},
    [BOARD_GOALS] = {"goals", "doelen", 1, BOARD_GOALS},
    [BOARD_BODEMEISEN] = {"bodemeisen", NULL, 1, BOARD_DECISIONS},
    [BOARD_DECISIONS] = {"decisions", "besluiten", 1, BOARD_DECISIONS},
    [BOARD_CONSENT] = {"consent", NULL, 1, BOARD_DECISIONS},
    [BOARD_VIP] = {"vip", NULL, 0, BOARD_VIP},
    [BOARD_CIRCLE] = {"circle", "kring", 1, BOARD_NONE},
};

const core_board_info *core_board_about(core_board b) { return &boards[b >= 0 && b < BOARD_KINDS ? b : BOARD_NONE]; }

int core_board_parse(const char *word)
{
    for (int b = 0; word && b < BOARD_KINDS; b++)
        if (!strcmp(word, boards[b].id) || (boards[b].alias && !strcmp(word, boards[b].alias))) return b;
    return -1;
}
