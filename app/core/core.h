/* core: the domain of a family network meeting and its rules.
 * Plain C11 and libc only: no SDL, no SQLite, no clock. Time comes in as an argument. */
#ifndef SCHOUDERS_CORE_H
#define SCHOUDERS_CORE_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    CORE_OK = 0,
    CORE_EINVAL,   /* input breaks a rule; the caller shows why */
    CORE_EEMPTY,   /* a required text is empty */
    CORE_ETOOLONG, /* a text is over its limit */
    CORE_EFULL     /* a list is at its maximum */
} core_status;

/* Text limits in characters (code points), in one place. */
enum {
    CORE_NAME_MAX = 80,      /* names, titles, themes */
    CORE_NOTE_MAX = 280,     /* a post-it: a keyword note */
    CORE_LONG_MAX = 1000,    /* goals and decisions */
    CORE_PIN_MIN = 4,
    CORE_PIN_MAX = 8,
    CORE_PARTICIPANTS_MAX = 40,
    CORE_PHASES_MAX = 16
};

/* Bytes to hold a text of n characters: 4 bytes per UTF-8 code point plus the NUL. */
#define CORE_TEXT_BYTES(n) ((n) * 4 + 1)

typedef enum {
    ROLE_KIND = 0,
    ROLE_OUDER,
    ROLE_PLEEGOUDER,
    ROLE_NETWERKLID,
    ROLE_SUPPORTER,
    ROLE_PROFESSIONAL,
    ROLE_FACILITATOR,
    ROLE_COUNT
} core_role;

/* The lowercase word of DESIGN's export contract ("kind", "ouder", ...). */
const char *core_role_word(core_role r);
/* Parses a role word; CORE_EINVAL for anything else. */
core_status core_role_parse(const char *word, core_role *out);
/* Professionals and the facilitator leave during the closed segment. */
int core_role_is_professional(core_role r);

typedef enum { SECTOR_FAMILIE = 0, SECTOR_SOCIAAL, SECTOR_PROFESSIONEEL, SECTOR_COUNT } core_sector;
const char *core_sector_word(core_sector s);
/* The network sector a participant of this role starts in (they can be moved later). */
core_sector core_role_sector(core_role r);

typedef enum { MEETING_PREPARING = 0, MEETING_RUNNING, MEETING_FINISHED } core_meeting_status;
const char *core_meeting_status_word(core_meeting_status s);

/* The participant palette (Okabe-Ito), 0xRRGGBB. */
enum { CORE_PALETTE_SIZE = 8 };
uint32_t core_palette(int i);
/* The first palette colour none of `used` has; when all are taken, the least used. */
uint32_t core_colour_next(const uint32_t *used, int n);

typedef struct {
    int64_t id;
    char name[CORE_TEXT_BYTES(CORE_NAME_MAX)];
    core_role role;
    uint32_t colour;
    int present;
    int64_t supports; /* participant id this one supports, 0 for none */
} core_participant;

typedef struct {
    char title_nl[CORE_TEXT_BYTES(CORE_NAME_MAX)];
    char title_en[CORE_TEXT_BYTES(CORE_NAME_MAX)];
    int minutes;
    int closed;      /* the closed segment: professionals step out */
    char board[32];  /* which board the phase shows: "none", "drieluik", "goals", ... */
} core_phase_def;

/* A meeting template from layouts/. */
typedef struct {
    char id[64]; /* the file name without .json */
    char name_nl[CORE_TEXT_BYTES(CORE_NAME_MAX)];
    char name_en[CORE_TEXT_BYTES(CORE_NAME_MAX)];
    core_phase_def phases[CORE_PHASES_MAX];
    int nphases;
} core_template;

/* Checks a template read from a layout file; on failure `why` names the first problem. */
core_status core_template_check(const core_template *t, const char **why);

typedef struct {
    int64_t id;
    char title[CORE_TEXT_BYTES(CORE_NAME_MAX)];
    char template_id[64];
    int64_t created_at_ms; /* Unix time, ms */
    core_meeting_status status;
    int current_phase;     /* index into the phases, 0-based */
    int nparticipants;
} core_meeting;

typedef struct {
    int64_t id;
    int seq;
    core_phase_def def;
    int64_t started_at_ms; /* 0 when not started */
    int64_t ended_at_ms;
} core_phase;

/* A post-it: typed text, ink (an opaque BLOB the ui kit reads), or both (ink
 * with a caption). */
typedef struct {
    int64_t id;
    char board[16];
    char col[8];       /* "left", "middle", "right" on the Drieluik */
    int64_t author;    /* participant id, 0 for none */
    char text[CORE_TEXT_BYTES(CORE_NOTE_MAX)];
    unsigned char *ink; /* malloc'd by the store; release: core_notes_free */
    size_t ink_len;
    int64_t created_at_ms;
    int64_t hung_at_ms; /* 0: still in its writer's tray */
} core_note;

/* A note needs words or ink; its text is cleaned and at most CORE_NOTE_MAX characters. */
core_status core_note_check(const char *text, size_t ink_len, char *clean, size_t cap);
void core_notes_free(core_note *notes, int n);

/* --- text ------------------------------------------------------------------ */

/* Copies `len` bytes of untrusted text into out (cap bytes, always NUL-terminated),
 * replacing every invalid UTF-8 sequence and NUL by U+FFFD and cutting only
 * between code points. Returns the number of code points written. */
size_t core_utf8_clean(const char *in, size_t len, char *out, size_t cap);
/* Number of code points in valid UTF-8. */
size_t core_utf8_count(const char *s);

/* Cleans, trims and checks a name or title: not empty, at most max_chars. */
core_status core_text_take(const char *in, int max_chars, char *out, size_t cap);

/* A facilitator PIN is 4 to 8 digits. */
core_status core_pin_check(const char *pin);

/* Adds a participant to a list being prepared, giving it the next free colour.
 * CORE_EEMPTY / CORE_ETOOLONG for the name, CORE_EFULL at CORE_PARTICIPANTS_MAX. */
core_status core_participant_add(core_participant *list, int *n, const char *name, core_role role);
/* Removes entry i, keeping the order of the rest. */
void core_participant_remove(core_participant *list, int *n, int i);

/* Moves a meeting's current phase by delta, kept within 0..nphases-1. */
int core_phase_step(int current, int delta, int nphases);

/* ISO 8601 UTC ("2026-11-22T19:35:51Z") for a Unix time in ms; out needs 21 bytes. */
void core_iso8601(int64_t unix_ms, char *out, size_t cap);

#endif
