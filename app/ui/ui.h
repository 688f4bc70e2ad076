/* ui: the widget kit. Immediate mode with stable dotted ids: a screen calls
 * ui_button(ctx, "home.new", ...) every frame; the widget is chosen when a finger
 * goes down (a touch has no hover) against the previous frame's widgets.
 * One context holds all state. Uses SDL2, SDL2_ttf and SDL2_image only. */
#ifndef SCHOUDERS_UI_H
#define SCHOUDERS_UI_H

#include "../config.h"
#include "ink.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdint.h>

/* --- theme (STYLE.md palette) ------------------------------------------------ */
#define UI_RGB(hex) ((SDL_Color){(Uint8)((hex) >> 16), (Uint8)((hex) >> 8), (Uint8)(hex), 255})
enum { /* config.h's palette, under the kit's names */
    UI_BG = CFG_BG, UI_SURFACE = CFG_SURFACE, UI_HAIRLINE = CFG_HAIRLINE,
    UI_INK = CFG_INK, UI_INK2 = CFG_INK2,
    UI_ACCENT = CFG_ACCENT, UI_ACCENT_PRESSED = CFG_ACCENT_PRESSED,
    UI_WARN = CFG_WARN, UI_DANGER = CFG_DANGER,
    UI_CLOSED_BG = CFG_CLOSED_BG, UI_CLOSED_BAND = CFG_CLOSED_BAND,
    /* Drieluik columns: note fill and edge (an icon says it too: cloud, path, sun) */
    UI_NOTE_LEFT = CFG_NOTE_LEFT, UI_EDGE_LEFT = CFG_EDGE_LEFT,
    UI_NOTE_MIDDLE = CFG_NOTE_MIDDLE, UI_EDGE_MIDDLE = CFG_EDGE_MIDDLE,
    UI_NOTE_RIGHT = CFG_NOTE_RIGHT, UI_EDGE_RIGHT = CFG_EDGE_RIGHT,
    /* Goals board priority bands */
    UI_BAND_HOOG = CFG_BAND_HOOG, UI_BAND_MIDDEN = CFG_BAND_MIDDEN, UI_BAND_LAAG = CFG_BAND_LAAG
};

/* Redrawing only what changed (redraw.c): the frame's drawing, recorded, and each
 * grid cell's hash of what touched it, this frame's and the last. */
struct ui_rc_cmd;
typedef struct {
    int on;           /* SDL's software renderer: the screen keeps its pixels */
    int immediate;    /* out of room this frame: drawn at once */
    int to_layer;     /* drawing into the drag layer: at once */
    int full;         /* the next frame draws every cell */
    struct ui_rc_cmd *cmds;
    int16_t *x0, *y0, *x1, *y1; /* the commands' places again, side by side: a rect's commands are found in one tight loop */
    SDL_Vertex *verts;
    int *idx;
    int n, nv, ni;
    uint64_t cell[2][CFG_RC_CELLS];
    int flip, w, h;
    SDL_Texture *grave[CFG_RC_GRAVE];
    int ngrave;
    int drawn_cells;  /* cells that changed in the last frame, for tests and make bench */
    long drawn_px;    /* pixels it drew again: the changed commands' places, or whole cells */
    struct ui_rc_was *was; /* the last frame's commands: what each was, and where */
    int nwas;
    uint64_t *set[2]; /* this frame's and the last frame's command hashes, to look up */
    int *set_used[2], nset_used[2]; /* their slots in use, to empty them again */
    int set_flip;
    int check, mismatches; /* SCHOUDERS_CHECK_REDRAW=N: every Nth frame against a full redraw */
    unsigned layer_gen;
} ui_rc;

typedef enum { UI_PRIMARY, UI_SECONDARY, UI_DANGER_BTN, UI_QUIET } ui_style;
typedef enum { UI_LEFT, UI_CENTER, UI_RIGHT } ui_align;

typedef enum {
    UI_W_BUTTON = 0, UI_W_TOGGLE, UI_W_FIELD, UI_W_AREA, UI_W_BLOCK, UI_W_TEXT
} ui_kind;

enum { UI_ST_PRESSED = 1, UI_ST_FOCUSED = 2, UI_ST_SELECTED = 4, UI_ST_DISABLED = 8, UI_ST_KEEP_FOCUS = 16, UI_ST_LONG = 32,
       UI_ST_CUT = 64 /* a text drawn cut short with an ellipsis: the dump says "cut" (nothing may be hidden) */ };

typedef struct {
    char id[48];
    char label[1200]; /* a whole post-it (280 characters) for the UI dump */
    SDL_Rect r;
    uint8_t kind, state;
} ui_widget;

/* Gestures, the touch vocabulary: pressed (finger down on a widget), clicked
 * (up on it, no drag), long-pressed (held CFG_LONG_PRESS_MS), dragged. */
typedef enum { UI_G_CLICK = 1, UI_G_LONG, UI_G_DRAG_END } ui_gesture_kind;

typedef struct {
    int used;
    int64_t finger;   /* SDL finger id; -1 for the mouse */
    float x, y, x0, y0; /* pixels */
    uint32_t t0;
    uint32_t last;    /* its last event: a finger silent this long was lost (CFG_POINTER_LOST_MS) */
    char id[48];      /* the widget chosen at finger-down ("" for none) */
    int dragging, long_fired;
    int lifted;       /* up since the last frame: kept one frame so a canvas sees the end */
    int inked;        /* a canvas made this finger's stroke */
    float tx[32], ty[32]; /* every position since the last frame, for ink */
    int ntrail;
} ui_pointer;

typedef struct {
    char id[48];
    ui_gesture_kind kind;
    float x, y;
} ui_gesture;

typedef struct {
    uint64_t hash;
    int px, wrap;
    uint32_t colour;
    SDL_Texture *tex;
    int w, h;
    uint32_t used; /* frame number of the last use, for LRU */
    int next;      /* the next entry of its hash bucket, index + 1; 0 ends it */
} ui_text_entry;

/* One remembered width (ui_measure). */
typedef struct {
    uint64_t hash;
    uint32_t len;
    int px, w;
} ui_measure_entry;

/* One remembered fit of a text in a box (ui_text_box): its size and its lines. */
typedef struct {
    uint64_t hash;
    uint32_t len;
    int w, h, max_px, min_px;   /* the question */
    int px, nlines, cut;        /* the answer */
    uint32_t cut_at, line[CFG_FIT_KEEP_LINES][3]; /* start, end, hyph */
} ui_fit_entry;

/* Words the kit shows, given by the app in its language (the kit has none). */
typedef struct {
    const char *done, *cancel, *space, *digits, *letters;
    const char *cut; /* printf format with %d: the text was cut at the limit */
} ui_words;

/* The one field being edited. */
typedef struct {
    size_t caret;                  /* byte offset, on a grapheme boundary */
    char compose[32];              /* IME composition, shown at the caret */
    char before[CFG_EDIT_BYTES];   /* the text when editing began, for Annuleer */
    char undo[CFG_UNDO_STEPS][CFG_EDIT_BYTES];
    size_t undo_caret[CFG_UNDO_STEPS];
    int nundo;
    int cancel, undo_req;          /* asked for by the keyboard, done by the field */
    uint32_t cut_until;            /* show "cut at the limit" until then */
    SDL_Rect field;                /* where the field is, before the view moves up */
    int seen;                      /* the focused field was drawn this frame */
} ui_edit;

typedef struct ui_ctx {
    SDL_Window *win;     /* borrowed from main */
    SDL_Renderer *ren;   /* borrowed from main; NULL in headless tests */
    int w, h;
    float ppmm;          /* pixels per millimetre */
    float ppmm_set;      /* given (--px-per-mm, the device's measurement); 0: the display's */
    int ppmm_from;       /* UI_PPMM_*: where ppmm came from, for the dump and the measuring screen */
    float scale;         /* 1, or CFG_CHILD_SCALE on child screens */
    uint32_t now, frame;

    /* This frame's widgets and texts, and the last frame's: two buffers each that
     * ui_end swaps (copying them was 7 % of a busy frame: a label holds a post-it). */
    ui_widget *cur, *prev, *texts, *prev_texts;
    int ncur, nprev;
    int ntexts, nprev_texts;
    ui_widget wbuf[2][CFG_MAX_WIDGETS], tbuf[2][CFG_MAX_TEXTS];
    char screen[32], prev_screen[32];

    ui_pointer ptr[CFG_MAX_POINTERS];
    ui_gesture q[32];
    int nq;

    char focus[48];      /* the text field that takes typing */
    char typed[CFG_TYPED_MAX];
    int ntyped, backspaces, enter;
    ui_edit edit;
    ui_words words;
    /* on-screen keyboard */
    int osk_away;        /* a physical keyboard is in use: keep out of the way */
    int osk_page;        /* 0 letters, 1 digits and punctuation */
    int osk_shift;       /* 0 off, 1 for one letter, 2 caps lock */
    char osk_picker[8];  /* the base letter whose accents are offered, or "" */
    int bs_done;         /* deletions so far while backspace is held */
    SDL_Keycode keys[16];
    int nkeys;

    char font_path[CFG_FONTS][256];  /* 0: Noto Sans; then the fallbacks, in order */
    int ttf_held;        /* this context holds one of SDL_ttf's init counts */
    int font_rtl[CFG_FONTS];         /* a right-to-left script: shaped that way by HarfBuzz */
    TTF_Font *fonts[CFG_FONTS][CFG_FONT_SIZES];
    int font_px[CFG_FONTS][CFG_FONT_SIZES];
    char scratch[8192];              /* NUL-terminated copies of text pieces for SDL_ttf */
    ui_text_entry cache[CFG_TEXT_CACHE];
    int text_bucket[2 * CFG_TEXT_CACHE]; /* first entry of each hash bucket, index + 1; 0 none */
    ui_measure_entry measures[CFG_MEASURE_CACHE];
    ui_fit_entry fits[CFG_FIT_CACHE];
    int cache_misses, cache_hits;     /* rendered strings, for make bench */
    int measure_misses, measure_hits; /* measured widths, for make bench */

    int oy;              /* the screen is drawn this far up, so the keyboard never covers the field */
    int dirty;           /* something changed: draw a frame */
    char shot_path[512]; /* a script asked for a screenshot of the next frame */
    int quit;            /* a script said quit */
    char error[256];     /* the last kit failure (font, screenshot), for the status bar */
    int chimes;          /* chimes played (or skipped for want of a sound device), for tests */
    unsigned input_gen;  /* counts input other than moving fingers: a layer made before is stale */
    int no_draw;         /* widgets are placed and gestures taken, nothing is drawn (the layer shows) */
    SDL_Texture *layer;  /* a frame kept as a picture while a note is dragged */
    /* Discs of radius disc_r[i] as white, their edge smoothed: each corner of a card and
     * each avatar is one copy tinted, not a fan of triangles the software renderer
     * fills pixel by pixel (two thirds of a full frame's work). Released by ui_quit. */
    SDL_Texture *disc[CFG_DISC_CACHE];
    int disc_r[CFG_DISC_CACHE];
    uint32_t disc_used[CFG_DISC_CACHE]; /* the frame it was last drawn in */
    uint8_t disc_at[CFG_DISC_MAX_PX + 1]; /* a radius's slot + 1 (0: none): found without a scan, half a million times a run */
    ui_rc rc;
} ui_ctx;

/* Sets SDL's hints (no synthetic mouse/touch events, no GL for the software
 * renderer). Call before SDL_Init. */
void ui_hints(void);
/* Prepares ctx for a window and renderer (both may be NULL in headless tests).
 * assets is the folder with fonts/Symbola.ttf, the fallback for symbols and emoji
 * (NULL: none). Returns 0, or -1 with ctx->error set when no font could be
 * opened. Release: ui_quit. */
int ui_init(ui_ctx *ctx, SDL_Window *win, SDL_Renderer *ren, int w, int h, const char *assets);
void ui_quit(ui_ctx *ctx);
/* A surface as PNG bytes in memory (SDL_image), so the caller writes them whole
 * and sees every write error. 0, or -1 with SDL_GetError. Release: SDL_free(*out). */
int ui_png_encode(SDL_Surface *s, unsigned char **out, size_t *len);
void ui_resize(ui_ctx *ctx, int w, int h);
/* Where a millimetre's pixels came from: assumed (a 24" screen), the display's own
 * report, the command line, or measured on this device against a bank card. */
enum { UI_PPMM_ASSUMED = 0, UI_PPMM_DISPLAY, UI_PPMM_OPTION, UI_PPMM_MEASURED };
/* Sets pixels per millimetre (from: UI_PPMM_OPTION or _MEASURED); 0 goes back to the display's. */
void ui_set_ppmm(ui_ctx *ctx, float ppmm, int from);
/* The display's own density in pixels per mm, 0 when it does not know (density.c). */
float ui_display_ppmm(SDL_Window *win);

/* Input: feed every SDL event; then ui_tick for time-based gestures. */
void ui_feed(ui_ctx *ctx, const SDL_Event *e);
void ui_tick(ui_ctx *ctx, uint32_t now);
/* Ends every touch without a gesture (the window lost them; also on its own on
 * focus loss, a hidden window or a display change). */
void ui_cancel_touches(ui_ctx *ctx);
/* The sooner of two wake-up times in ms, where -1 means "never". */
int ui_sooner(int a, int b);
/* Milliseconds until ctx needs to run again (a long-press due), or -1. */
int ui_wake_in(const ui_ctx *ctx);

/* A frame. Draw between begin and end; end shows it (and saves a pending shot). */
void ui_begin(ui_ctx *ctx, const char *screen);
void ui_end(ui_ctx *ctx);

/* Geometry */
int ui_mm(const ui_ctx *ctx, float mm);
SDL_Rect ui_rect(int x, int y, int w, int h);
int ui_inside(SDL_Rect r, float x, float y);

/* Drawing */
void ui_clear(ui_ctx *ctx, uint32_t rgb);
/* A see-through layer of rgb over r (alpha 0-255): what lies under it can be read, not used. */
void ui_veil(ui_ctx *ctx, SDL_Rect r, uint32_t rgb, uint8_t alpha);
void ui_fill(ui_ctx *ctx, SDL_Rect r, uint32_t rgb);
void ui_round(ui_ctx *ctx, SDL_Rect r, int radius, uint32_t rgb);
/* A rounded card with a hairline edge of `edge` colour and `width` px. */
void ui_card(ui_ctx *ctx, SDL_Rect r, int radius, uint32_t fill, uint32_t edge, int width);
void ui_circle(ui_ctx *ctx, int cx, int cy, int radius, uint32_t rgb);
/* A thick straight line from (x0,y0) to (x1,y1). */
void ui_line(ui_ctx *ctx, float x0, float y0, float x1, float y1, float width, uint32_t rgb);
/* A five-pointed star of outer radius r (het ergste, de grootste wens). */
void ui_star(ui_ctx *ctx, int cx, int cy, int r, uint32_t rgb);
/* A check mark of `size` px centred at (cx, cy): drawn, not a font glyph, so it never
 * turns into a box when the font lacks U+2713. */
void ui_check(ui_ctx *ctx, int cx, int cy, int size, uint32_t rgb);
/* Text at size `mm` (times ctx->scale); wrap > 0 wraps at that many px. Returns
 * the drawn size. Text is also recorded for the UI dump. */
SDL_Point ui_text(ui_ctx *ctx, const char *s, int x, int y, float mm, uint32_t rgb, ui_align align, int wrap);
/* Draws s inside r, vertically centred, shrinking from mm down to min_mm, then
 * cutting with an ellipsis. */
void ui_text_fit(ui_ctx *ctx, const char *s, SDL_Rect r, float mm, float min_mm, uint32_t rgb, ui_align align);
SDL_Point ui_text_size(ui_ctx *ctx, const char *s, float mm);
/* The language's hyphenation patterns for every context in the process (a libhyphen
 * .dic): 0 when loaded; without them a word too wide is cut with a hyphen anywhere. */
int ui_hyphens_load(const char *path);
void ui_hyphens_free(void);
/* Draws s wrapped inside r at the largest size from mm down to min_mm that fits;
 * when even min_mm does not, the last line ends in an ellipsis. Returns 1 then. */
int ui_text_box(ui_ctx *ctx, const char *s, SDL_Rect r, float mm, float min_mm, uint32_t rgb, ui_align align);

/* Widgets. Each returns 1 on the frame its gesture completes. */
int ui_button(ui_ctx *ctx, const char *id, SDL_Rect r, const char *label, ui_style style);
/* ui_button with its label at mm instead of the body size. */
int ui_button_mm(ui_ctx *ctx, const char *id, SDL_Rect r, const char *label, ui_style style, float mm);
/* A button that cannot be used now: greyed, untappable, "disabled" in the dump.
 * Say why beside it. */
void ui_button_off(ui_ctx *ctx, const char *id, SDL_Rect r, const char *label);
int ui_toggle(ui_ctx *ctx, const char *id, SDL_Rect r, const char *label, int selected, uint32_t mark);
/* A text field; typing (on-screen keyboard, physical keyboard, IME) goes to it
 * while it has focus, and a tap puts the caret there. multiline wraps words and
 * shows a character count. max_chars is the limit in characters, cap the buffer
 * size (at most CFG_EDIT_BYTES). Returns 1 when its text changed. */
int ui_field(ui_ctx *ctx, const char *id, SDL_Rect r, char *buf, size_t cap, int max_chars, const char *placeholder);
int ui_textarea(ui_ctx *ctx, const char *id, SDL_Rect r, char *buf, size_t cap, int max_chars,
                const char *placeholder, float mm, uint32_t fill);
/* The keyboard's top edge on screen (ctx->h when it is not shown). */
int ui_osk_top(const ui_ctx *ctx);
/* 1 while the on-screen keyboard is up. */
int ui_osk_shown(const ui_ctx *ctx);
/* An invisible target (a card, a tile): gestures without drawing. */
int ui_area(ui_ctx *ctx, const char *id, SDL_Rect r, const char *label, ui_gesture_kind kind);
/* Draws ink strokes scaled into r with a pen pen_mm wide. */
void ui_ink_draw(ui_ctx *ctx, const ui_ink *k, SDL_Rect r, float pen_mm, uint32_t rgb);
/* A surface a finger writes or draws on: strokes go into ink (one finger at a
 * time). Returns 1 on the frame a stroke ends. */
int ui_ink_canvas(ui_ctx *ctx, const char *id, SDL_Rect r, ui_ink *ink, float pen_mm, uint32_t rgb);
/* Blocks every widget registered before it (a modal's backdrop), dimming them. */
void ui_block(ui_ctx *ctx, const char *id);
/* Takes the gesture of `kind` for id (made this frame); 1 if there was one. */
int ui_take(ui_ctx *ctx, const char *id, ui_gesture_kind kind);
/* ui_take that also gives where the gesture ended, in screen pixels. */
int ui_take_at(ui_ctx *ctx, const char *id, ui_gesture_kind kind, float *x, float *y);
/* 1 while a finger that went down on id drags it; (*dx, *dy) is how far it has
 * moved. Each finger drags its own widget. */
int ui_dragging(const ui_ctx *ctx, const char *id, float *dx, float *dy);
/* How many fingers drag a widget whose id starts with prefix; their ids, space
 * separated, into ids (what the layer was made without). */
/* ids may be NULL with cap 0: only how many. */
int ui_dragging_any(const ui_ctx *ctx, const char *prefix, char *ids, size_t cap);
/* 1 if the pointer that went down on id is still down (pressed state). */
int ui_pressed(const ui_ctx *ctx, const char *id);

void ui_focus(ui_ctx *ctx, const char *id);
/* The widget just added does not take the focus from the field being edited when
 * tapped (an editor's own undo or save button). */
void ui_keep_focus(ui_ctx *ctx);
/* The widget just added is named `label` in the dump (a day button: its date). */
void ui_label_last(ui_ctx *ctx, const char *label);
/* The widget just added shows as selected in the dump (a mark, a choice). */
void ui_selected(ui_ctx *ctx);
/* The widget just added answers a long-press: holding it shows a ring filling up. */
void ui_long_press(ui_ctx *ctx);
/* 1 if key was pressed since the last frame (Escape, Return, ...). */
int ui_key(ui_ctx *ctx, SDL_Keycode key);

/* The layer: while one note moves, the rest of the screen is drawn once into a
 * picture and only copied after that (DESIGN: never the whole board per frame).
 * begin: what is drawn goes into the layer (-1: not possible, draw as usual);
 * end: back to the screen, with the layer copied onto it; show: copy it again.
 * The texture is released by ui_quit. */
int ui_layer_begin(ui_ctx *ctx);
void ui_layer_end(ui_ctx *ctx);
void ui_layer_show(ui_ctx *ctx);

/* Writes the last frame's widget tree as JSON (id, rect, label, state). 0 or -1. */
int ui_dump(const ui_ctx *ctx, const char *path);

/* The soft chime at zero (sound.c); skipped without an audio device. */
void ui_chime(ui_ctx *ctx);
/* Closes the audio device if ui_chime opened one. */
void ui_sound_quit(void);

/* --- the monkey (reliability suite) --------------------------------------------- */
typedef struct ui_monkey ui_monkey;
/* Seeded random input: `events` touches, drags, holds, keys and texts. Release: ui_monkey_free. */
ui_monkey *ui_monkey_new(uint64_t seed, long events);
void ui_monkey_free(ui_monkey *m);
/* Pushes the next few events (after a frame); 0 when all are sent. */
int ui_monkey_step(ui_monkey *m, ui_ctx *ctx);
long ui_monkey_sent(const ui_monkey *m);

/* --- scripts ----------------------------------------------------------------- */
typedef struct ui_script ui_script;
/* Parses a script (DESIGN "Scripts"). NULL with err set (file and line) on failure.
 * Release: ui_script_free. */
ui_script *ui_script_load(const char *path, char *err, size_t cap);
void ui_script_free(ui_script *s);
/* The same from text in memory (the fuzzer feeds it). Release: ui_script_free. */
ui_script *ui_script_parse(const char *text, size_t len, char *err, size_t cap);
/* Runs what is due at `now`, pushing real SDL events. Returns 1 while running, 0
 * when done, -1 after an error (printed to stderr; the app goes on). */
int ui_script_step(ui_script *s, ui_ctx *ctx, uint32_t now);
/* The time the kit may judge held fingers at (ui_tick): `now`, or earlier while a
 * scripted finger is down and its next event is not yet sent. */
uint32_t ui_script_clock(const ui_script *s, uint32_t now);
/* Milliseconds until the script wants to run again. */
int ui_script_wake_in(const ui_script *s, uint32_t now);

#endif
