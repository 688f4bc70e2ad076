/* drieluik: the Drieluik board (seed §2.6). Three columns, the seven steps the
 * facilitator moves through, each participant's tray of notes written but not yet
 * hung, grouping by dragging (several fingers at once), themes and marks, and undo
 * and redo from the ops log. Every action is one operation, a change list worked
 * out by core (core_dl_diff), handed to the app (scr_do); undo is its inverse. */
#include "screens.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOTE_W_MM 46.0f
#define NOTE_H_MM 30.0f
#define NOTE_AVATAR_MM 2.6f     /* its writer's initial, radius at full size */
#define MARK_BADGE_MM 7.0f      /* het ergste, de grootste wens: the badge's height */
#define STAR_LINE_MM 0.9f       /* the outline of a star not chosen */
#define STEP_BAR_MM 27.0f       /* the steps, what this one asks, and the way on */
#define STEP_HOW_MM 13.0f       /* its second line: how */
#define STEP_HOW_MIN_MM (CFG_SMALL_MM * 0.9f) /* its words shrink to this, at least */
#define STEP_DOT_MM 3.2f        /* a step's dot, radius */
#define STEP_DOT_GAP_MM 2.2f    /* between two dots */
#define STEP_NAV_W_MM 34.0f     /* Vorige stap, Volgende stap */
#define WORDS_W_MM 62.0f        /* a button of several words: Professionals schrijven mee, + Nieuwe post-it */
#define TOGGLE_ROOM_MM 14.0f    /* a switch beyond its words: its dot and edges */
#define COL_HEAD_MM 18.0f       /* a column's head: its icon, title and question */
#define COL_ICON_MM 11.0f
#define COL_TITLE_MM (CFG_BODY_MM * 1.3f) /* its title */
#define COL_TITLE_H_MM 9.0f     /* the title's line */
#define COL_QUESTION_Y_MM 10.5f /* the question's line, this far down */
#define EMPTY_Y_MM 10.0f        /* an empty column says so this far down */
#define MORE_UP_MM 7.0f         /* a column's "nog 3", this far above its foot */
#define HELD_ROOM_MM 10.0f      /* a chip's room for the stack of notes held */
#define HELD_X_MM 4.0f          /* the stack, past the avatar and the name */
#define HELD_W_MM 7.0f          /* a card of it */
#define HELD_H_MM 6.0f
#define CHIP_END_MM 5.0f        /* a chip's room after its words, the gap to the next included */
#define TRAY_MAX_MM 330.0f      /* a tray, at most */
#define TRAY_AVATAR_MM 7.0f     /* whose tray: their initial, radius */
#define TRAY_ICON_MM 8.0f       /* a side's icon over its notes */
#define TRAY_EMPTY_MM 20.0f     /* the line of an empty tray */
#define CLOSE_W_MM 46.0f        /* Klaar */
#define THEME_W_MM 200.0f       /* naming a theme */
#define THEME_H_MM 62.0f
#define THEME_ICON_MM 10.0f
#define THEME_TITLE_MM 14.0f    /* its title's line */
#define SNAP_MS 150u
#define CHANGES_MAX 256

/* Calm, darker tints of the column colours for marks (text on them stays legible). */
#define MARK_COLOUR CFG_MARK

/* Colours, icons and words come from layouts/drieluik.json; the app's own words
 * stand where the file gives none. */
uint32_t scr_dl_fill(const core_dl_layout *l, int col) { return l->cols[col >= 0 && col < DL_COLS ? col : 0].note; }
uint32_t scr_dl_edge(const core_dl_layout *l, int col) { return l->cols[col >= 0 && col < DL_COLS ? col : 0].edge; }

static const char *words(const scr_view *v, const char *nl, const char *en, const char *key)
{
    if (v->lang_en && en[0]) return en;
    return nl[0] ? nl : T(key);
}

/* --- icons: the column is known by shape as well as colour ------------------------ */

static void cloud(ui_ctx *ui, int x, int y, int size, uint32_t rgb)
{
    float s = (float)size;
    ui_round(ui, ui_rect(x, y + (int)(s * 0.48f), size, (int)(s * 0.36f)), (int)(s * 0.18f), rgb);
    ui_circle(ui, x + (int)(s * 0.30f), y + (int)(s * 0.52f), (int)(s * 0.20f), rgb);
    ui_circle(ui, x + (int)(s * 0.56f), y + (int)(s * 0.40f), (int)(s * 0.27f), rgb);
    ui_circle(ui, x + (int)(s * 0.78f), y + (int)(s * 0.57f), (int)(s * 0.17f), rgb);
}

/* A path of stepping stones into an arrow: from here to there. */
static void path(ui_ctx *ui, int x, int y, int size, uint32_t rgb)
{
    float s = (float)size, cy = y + s * 0.55f, w = s * 0.13f;
    ui_circle(ui, x + (int)(s * 0.08f), (int)(cy + s * 0.18f), (int)(s * 0.07f), rgb);
    ui_circle(ui, x + (int)(s * 0.26f), (int)(cy + s * 0.06f), (int)(s * 0.07f), rgb);
    ui_line(ui, x + s * 0.40f, cy, x + s * 0.92f, cy, w, rgb);
    ui_line(ui, x + s * 0.97f, cy + w * 0.3f, x + s * 0.70f, cy - s * 0.26f, w, rgb);
    ui_line(ui, x + s * 0.97f, cy - w * 0.3f, x + s * 0.70f, cy + s * 0.26f, w, rgb);
}

static void sun(ui_ctx *ui, int x, int y, int size, uint32_t rgb)
{
    float s = (float)size, cx = x + s / 2, cy = y + s / 2;
    ui_circle(ui, (int)cx, (int)cy, (int)(s * 0.24f), rgb);
    for (int i = 0; i < 8; i++) {
        float a = (float)M_PI * (float)i / 4.0f;
        ui_line(ui, cx + cosf(a) * s * 0.34f, cy + sinf(a) * s * 0.34f, cx + cosf(a) * s * 0.48f,
                cy + sinf(a) * s * 0.48f, s * 0.08f, rgb);
    }
}

void scr_dl_icon(const core_dl_layout *l, ui_ctx *ui, int col, int x, int y, int size)
{
    int icon = l->cols[col >= 0 && col < DL_COLS ? col : 0].icon;
    uint32_t c = scr_dl_edge(l, col);
    if (icon == DL_ICON_CLOUD) cloud(ui, x, y, size, c);
    else if (icon == DL_ICON_PATH) path(ui, x, y, size, c);
    else sun(ui, x, y, size, c);
}

/* --- state ------------------------------------------------------------------------ */

void scr_dl_reset(scr_app *app)
{
    app->dl.tray = 0;
    app->dl.theme_grp = 0;
    memset(app->looks.dl.anim, 0, sizeof app->looks.dl.anim);
}

void scr_dl_load(scr_app *app)
{
    store_status r = scr_model_dl(app->st, &app->m);
    if (r != STORE_OK) scr_store_failed(app, r);
    app->notes_stale = 0;
    scr_undo_look(app, "drieluik");
}

const core_participant *scr_participant(const scr_model *m, int64_t id)
{
    for (int i = 0; i < m->nmparts; i++)
        if (m->mparts[i].id == id) return &m->mparts[i];
    return NULL;
}

const core_note *scr_note(const scr_model *m, int64_t id)
{
    for (int i = 0; i < m->nnotes; i++)
        if (m->notes[i].id == id) return &m->notes[i];
    return NULL;
}

static core_dl_group *group(scr_app *app, int64_t id)
{
    for (int i = 0; i < app->m.ngroups; i++)
        if (app->m.groups[i].id == id && app->m.groups[i].exists) return &app->m.groups[i];
    return NULL;
}

/* Before a board action: what undo will put back. */
static core_dl_place snap_places[SCR_NOTES_MAX];
static core_dl_group snap_groups[SCR_GROUPS_MAX];
static int snap_ngroups;

static void snapshot(scr_app *app)
{
    for (int i = 0; i < app->m.nnotes; i++) snap_places[i] = app->m.notes[i].at;
    memcpy(snap_groups, app->m.groups, (size_t)app->m.ngroups * sizeof snap_groups[0]);
    snap_ngroups = app->m.ngroups;
}

static void restore(scr_app *app)
{
    for (int i = 0; i < app->m.nnotes; i++) app->m.notes[i].at = snap_places[i];
    memcpy(app->m.groups, snap_groups, (size_t)snap_ngroups * sizeof snap_groups[0]);
    app->m.ngroups = snap_ngroups;
}

/* A board action, asked before core changes the board: the rules see the board
 * as it is. The op's rows are filled in by commit. */
static int board_op(scr_app *app, core_op *op, core_dl_verb verb, int64_t note)
{
    const core_note *n = note ? scr_note(&app->m, note) : NULL;
    *op = (core_op){.kind = OP_DL_BOARD, .n = verb, .id = note, .actor = n ? n->author : 0};
    if (scr_check(app, op) != STORE_OK) return 0;
    snapshot(app);
    return 1;
}

/* After a core action worked out the board's change: the board is put back as it
 * was, and what changed is committed as one op that undo can take back; the model
 * takes it from the op (scr_model_apply), with the store's ids for new groups. On
 * failure the board stays as it was and the status bar says why. Returns 1 when
 * something was committed. */
static int commit(scr_app *app, core_op *op)
{
    static core_dl_change ch[CHANGES_MAX];
    int n = core_dl_diff(snap_places, app->m.notes, app->m.nnotes, snap_groups, snap_ngroups, app->m.groups,
                         app->m.ngroups, ch, CHANGES_MAX);
    restore(app);
    if (n == 0) return 0;
    if (n == CHANGES_MAX) { /* more than one action can hold: refuse it whole rather than save half */
        scr_store_failed(app, STORE_EINVAL);
        return 0;
    }
    op->rows = ch;
    op->nrows = n;
    if (scr_commit(app, op, NULL) != STORE_OK) return 0;
    scr_undo_after(app, "drieluik");
    return 1;
}

/* Undo and redo come from the ops log: the inverse op, checked like any other. */
static void undo_redo(scr_app *app, int redo)
{
    store_op_buf *b = NULL;
    if (scr_undo(app, "drieluik", redo, 0, &b) != STORE_OK) return; /* the model has the step already */
    store_op_buf_free(b);
    scr_say(app, redo ? T("dl.redone") : T("dl.undone"), 0);
}

/* --- actions the screens call ----------------------------------------------------- */

void scr_dl_delete(scr_app *app, int64_t note)
{
    core_op op;
    if (board_op(app, &op, DL_VERB_DELETE, note) &&
        core_dl_delete(app->m.notes, app->m.nnotes, app->m.groups, &app->m.ngroups, note) == CORE_OK && commit(app, &op))
        scr_say(app, T("dl.deleted"), 0);
}

/* 1 when the note was hung and that is committed. */
static int hang(scr_app *app, int64_t note)
{
    core_op op;
    return board_op(app, &op, DL_VERB_HANG, note) &&
           core_dl_hang(app->m.notes, app->m.nnotes, app->m.groups, &app->m.ngroups, note, app->wall_ms) == CORE_OK &&
           commit(app, &op);
}

static void set_step(scr_app *app, int step, int pros)
{
    if (step < 0 || step >= DL_STEPS) return;
    core_op op = {.kind = OP_DL_STEP, .n = step, .n2 = pros};
    int moved = step != app->m.dl_step;
    if (scr_do(app, &op, NULL) == STORE_OK && moved) app->dl.tray = 0;
}

/* --- layout ----------------------------------------------------------------------- */

typedef struct {
    double order;
    int note;    /* index into app->m.notes, or -1 for a group */
    int grp;     /* index into app->m.groups */
} unit;

static int by_order(const void *a, const void *b)
{
    double x = ((const unit *)a)->order, y = ((const unit *)b)->order;
    return x < y ? -1 : x > y;
}

static int visible(const core_note *n, int col)
{
    return n->at.col == col && n->at.hung_at && !n->at.deleted;
}

/* The units of a side column in board order: single notes and groups, a group at
 * the place of its first note. */
static int units_of(const scr_view *v, int col, unit *out)
{
    int k = 0;
    for (int g = 0; g < v->m->ngroups; g++) {
        const core_dl_group *gg = &v->m->groups[g];
        if (!gg->exists || gg->col != col) continue;
        double lo = 1e300;
        for (int i = 0; i < v->m->nnotes; i++)
            if (visible(&v->m->notes[i], col) && v->m->notes[i].at.grp == gg->id && v->m->notes[i].at.order < lo)
                lo = v->m->notes[i].at.order;
        out[k++] = (unit){lo, -1, g};
    }
    for (int i = 0; i < v->m->nnotes; i++)
        if (visible(&v->m->notes[i], col) && !v->m->notes[i].at.grp) out[k++] = (unit){v->m->notes[i].at.order, i, -1};
    qsort(out, (size_t)k, sizeof *out, by_order);
    return k;
}

/* Lays a side column's units (units_of) out in area at note scale s. With place
 * set, writes the rects (hidden ones stay w=0) and returns how many notes did not
 * fit; otherwise returns the height it needs. */
static int layout_side(const scr_view *v, int col, const unit *us, int nu, SDL_Rect area, float s, int place)
{
    ui_ctx *ui = v->ui;
    int nw = ui_mm(ui, NOTE_W_MM * s), nh = ui_mm(ui, NOTE_H_MM * s), gap = ui_mm(ui, CFG_GAP_MM * s);
    int head = ui_mm(ui, CFG_LINE_BIG_MM), pad = ui_mm(ui, CFG_PAD_NOTE_MM);
    int x = area.x, y = area.y, row = 0, hidden = 0, bottom = area.y + area.h;
    for (int u = 0; u < nu; u++) {
        if (us[u].note >= 0) {
            if (x + nw > area.x + area.w && x > area.x) { x = area.x; y += row + gap; row = 0; }
            SDL_Rect r = {x, y, nw, nh};
            if (place) {
                if (y + nh <= bottom) v->looks->dl.note_r[us[u].note] = r;
                else hidden++;
            }
            x += nw + gap;
            row = nh;
            continue;
        }
        if (x > area.x) { x = area.x; y += row + gap; row = 0; }
        const core_dl_group *g = &v->m->groups[us[u].grp];
        int per = (area.w - 2 * pad + gap) / (nw + gap);
        if (per < 1) per = 1;
        int members = 0;
        for (int i = 0; i < v->m->nnotes; i++)
            if (visible(&v->m->notes[i], col) && v->m->notes[i].at.grp == g->id) members++;
        int rows = (members + per - 1) / per;
        int gh = head + rows * (nh + gap) + pad;
        if (place) {
            if (y + head <= bottom) v->looks->dl.grp_r[us[u].grp] = (SDL_Rect){area.x, y, area.w, gh < bottom - y ? gh : bottom - y};
            int k = 0;
            for (int i = 0; i < v->m->nnotes; i++) {
                if (!visible(&v->m->notes[i], col) || v->m->notes[i].at.grp != g->id) continue;
                SDL_Rect r = {area.x + pad + (k % per) * (nw + gap), y + head + (k / per) * (nh + gap), nw, nh};
                if (r.y + nh <= bottom) v->looks->dl.note_r[i] = r;
                else hidden++;
                k++;
            }
        }
        y += gh + gap;
    }
    if (x > area.x) y += row;
    return place ? hidden : y - area.y;
}

/* The largest note size at which the column fits, from full size down to 60 %. */
static float side_scale(const scr_view *v, int col, const unit *us, int nu, SDL_Rect area)
{
    static const float scales[] = {1.0f, 0.86f, 0.74f, 0.64f};
    for (size_t i = 0; i < sizeof scales / sizeof scales[0]; i++)
        if (layout_side(v, col, us, nu, area, scales[i], 0) <= area.h) return scales[i];
    return scales[sizeof scales / sizeof scales[0] - 1];
}

/* The middle: four questions, each with its notes under it. */
static int layout_middle(const scr_view *v, SDL_Rect area, int prompt, float s)
{
    ui_ctx *ui = v->ui;
    int nw = ui_mm(ui, NOTE_W_MM * s), nh = ui_mm(ui, NOTE_H_MM * s), gap = ui_mm(ui, CFG_GAP_MM * s);
    int x = area.x, y = area.y, hidden = 0;
    for (int i = 0; i < v->m->nnotes; i++) {
        const core_note *n = &v->m->notes[i];
        if (!visible(n, DL_MIDDLE) || n->at.prompt != prompt) continue;
        if (x + nw > area.x + area.w && x > area.x) { x = area.x; y += nh + gap; }
        if (y + nh <= area.y + area.h) v->looks->dl.note_r[i] = (SDL_Rect){x, y, nw, nh};
        else hidden++;
        x += nw + gap;
    }
    return hidden;
}

/* --- drawing ---------------------------------------------------------------------- */

/* A post-it of column col: its words fitted (6 mm down to 4 mm, scaled), or its
 * drawing; the writer's initial in their colour at the foot. */
void scr_dl_note(const scr_view *v, const core_note *n, SDL_Rect r, float s, int lifted)
{
    ui_ctx *ui = v->ui;
    int sh = lifted ? ui_mm(ui, CFG_LIFT_MM) : 3;
    ui_round(ui, ui_rect(r.x + sh, r.y + sh + 1, r.w, r.h), ui_mm(ui, CFG_RADIUS_NOTE_MM), lifted ? CFG_SHADOW_LIFTED : CFG_SHADOW);
    const core_participant *p = scr_participant(v->m, n->author);
    int rad = ui_mm(ui, NOTE_AVATAR_MM * (s < 0.8f ? 0.8f : s));
    scr_note_draw(v->ui, &v->looks->ink, n, r, CFG_NOTE_MM * s, CFG_NOTE_MIN_MM * s, scr_dl_fill(v->layout, n->at.col),
                  scr_dl_edge(v->layout, n->at.col), p ? 2 * rad + ui_mm(ui, CFG_NUDGE_MM) : 0);
    if (p) {
        scr_avatar(v->ui, r.x + r.w - rad - ui_mm(ui, CFG_NUDGE_MM), r.y + r.h - rad - ui_mm(ui, CFG_NUDGE_MM), rad, p->colour, p->name);
    }
}

static int mark_badge_w(const scr_view *v, int col, int h)
{
    const char *word = col == DL_LEFT ? T("dl.worst") : T("dl.wish");
    return h + ui_text_size(v->ui, word, CFG_SMALL_MM).x + ui_mm(v->ui, CFG_PAD_SMALL_MM);
}

static void mark_badge(const scr_view *v, int col, int x, int y, int h)
{
    ui_ctx *ui = v->ui;
    const char *word = col == DL_LEFT ? T("dl.worst") : T("dl.wish");
    int w = mark_badge_w(v, col, h);
    ui_round(ui, ui_rect(x, y, w, h), h / 2, MARK_COLOUR);
    ui_star(ui, x + h / 2, y + h / 2, h * 2 / 5, UI_SURFACE);
    ui_text(ui, word, x + h, y + (h - ui_text_size(ui, word, CFG_SMALL_MM).y) / 2, CFG_SMALL_MM, UI_SURFACE, UI_LEFT, 0);
}

/* The star a marking step offers on every unit: filled when this unit has the mark. */
static void mark_button(const scr_view *v, const char *id, int cx, int cy, int marked, int col, int64_t note, int64_t grp)
{
    ui_ctx *ui = v->ui;
    int t = ui_mm(ui, CFG_TARGET_MM);
    SDL_Rect r = {cx - t / 2, cy - t / 2, t, t};
    int pressed = ui_pressed(ui, id);
    /* The ring only where it shows: an unmarked star's ring and inside are one colour
     * (forty of them appear at once when the marking step begins: blended discs). */
    uint32_t ring = pressed ? UI_HAIRLINE : UI_SURFACE, inside = marked ? MARK_COLOUR : UI_SURFACE;
    if (ring != inside) ui_circle(ui, cx, cy, t / 2, ring);
    ui_circle(ui, cx, cy, ring != inside ? t / 2 - 2 : t / 2, inside);
    ui_star(ui, cx, cy, t * 2 / 5, marked ? UI_SURFACE : CFG_QUIET_EDGE);
    if (!marked) ui_star(ui, cx, cy, t * 2 / 5 - ui_mm(ui, STAR_LINE_MM), UI_SURFACE);
    const char *label = col == DL_LEFT ? T("dl.worst") : T("dl.wish");
    int tapped = ui_area(ui, id, r, label, UI_G_CLICK);
    if (marked) ui_selected(ui);
    core_op op;
    scr_app *app = v->app; /* NULL in a picture */
    if (app && tapped && !marked && board_op(app, &op, DL_VERB_MARK, note)) {
        if (core_dl_set_mark(app->m.notes, app->m.nnotes, app->m.groups, app->m.ngroups, col, note, grp) == CORE_OK &&
            commit(app, &op))
            scr_say(app, col == DL_LEFT ? T("dl.worst_set") : T("dl.wish_set"), 0);
    }
}

static void column_head(const scr_view *v, int col, SDL_Rect r)
{
    ui_ctx *ui = v->ui;
    static const char *const titles[DL_COLS] = {N_("dl.left.title"), N_("dl.middle.title"), N_("dl.right.title")};
    static const char *const questions[DL_COLS] = {N_("dl.left.question"), N_("dl.middle.question"), N_("dl.right.question")};
    const core_dl_column *c = &v->layout->cols[col];
    int icon = ui_mm(ui, COL_ICON_MM), pad = ui_mm(ui, CFG_PAD_SMALL_MM);
    ui_fill(ui, ui_rect(r.x, r.y, r.w, ui_mm(ui, CFG_COLOUR_EDGE_MM)), scr_dl_edge(v->layout, col));
    scr_dl_icon(v->layout, v->ui, col, r.x + pad, r.y + pad + ui_mm(ui, CFG_NUDGE_MM), icon);
    int tx = r.x + pad + icon + ui_mm(ui, CFG_GAP_MM), tw = r.x + r.w - pad - tx;
    ui_text_fit(ui, words(v, c->title_nl, c->title_en, titles[col]),
                ui_rect(tx, r.y + ui_mm(ui, CFG_INSET_MM), tw, ui_mm(ui, COL_TITLE_H_MM)), COL_TITLE_MM, CFG_SMALL_MM, UI_INK, UI_LEFT);
    ui_text_fit(ui, words(v, c->question_nl, c->question_en, questions[col]),
                ui_rect(tx, r.y + ui_mm(ui, COL_QUESTION_Y_MM), tw, ui_mm(ui, CFG_LINE_SMALL_MM)), CFG_SMALL_MM, CFG_SMALL_MIN_MM,
                UI_INK2, UI_LEFT);
}

static void step_title_key(int step, const char **title, const char **how)
{
    static const char *const titles[DL_STEPS] = {N_("dl.step.write_left"), N_("dl.step.write_right"), N_("dl.step.hang_left"),
                                                 N_("dl.step.group_left"), N_("dl.step.hang_right"), N_("dl.step.group_right"),
                                                 N_("dl.step.middle")};
    static const char *const hows[DL_STEPS] = {N_("dl.how.write_left"), N_("dl.how.write_right"), N_("dl.how.hang_left"),
                                               N_("dl.how.group_left"), N_("dl.how.hang_right"), N_("dl.how.group_right"),
                                               N_("dl.how.middle")};
    *title = T(titles[step]);
    *how = T(hows[step]);
}

/* The steps as a row of numbered dots, the current one named and explained, and
 * the facilitator's way forward and back. Returns the bar's height. */
static int step_bar(const scr_view *v, SDL_Rect r)
{
    ui_ctx *ui = v->ui;
    int h = ui_mm(ui, STEP_BAR_MM), t = ui_mm(ui, CFG_BUTTON_MM), g = ui_mm(ui, CFG_GAP_MM);
    int step = v->m->dl_step;
    const char *title, *how;
    step_title_key(step, &title, &how);
    int dot = ui_mm(ui, STEP_DOT_MM), x = r.x, cy = r.y + ui_mm(ui, CFG_LINE_BIG_MM / 2);
    for (int i = 0; i < DL_STEPS; i++) {
        int cx = x + dot + i * (2 * dot + ui_mm(ui, STEP_DOT_GAP_MM));
        uint32_t c = scr_dl_edge(v->layout, core_dl_step_col(i));
        ui_circle(ui, cx, cy, dot, i <= step ? c : CFG_QUIET_EDGE);
        if (i > step) ui_circle(ui, cx, cy, dot - 2, UI_SURFACE);
        if (i == step) ui_circle(ui, cx, cy, dot / 3, UI_SURFACE);
    }
    int after_dots = x + DL_STEPS * (2 * dot + ui_mm(ui, STEP_DOT_GAP_MM)) + ui_mm(ui, CFG_ICON_GAP_MM);
    char head[200];
    snprintf(head, sizeof head, T("dl.step_of"), step + 1, DL_STEPS, title);
    /* The switch as wide as its words (it was cut to "Professionals schrijven …"). */
    int nav_w = ui_mm(ui, STEP_NAV_W_MM), pros_w = ui_mm(ui, WORDS_W_MM);
    int pros_need = ui_text_size(ui, T("dl.pros_write"), CFG_BODY_MM).x + ui_mm(ui, TOGGLE_ROOM_MM);
    if (pros_w < pros_need) pros_w = pros_need;
    int controls = 2 * nav_w + g + pros_w + g;
    /* A narrow board (upright): the controls on a row of their own under the step's
     * name and what to do, which then have the whole width. */
    int own_row = v->app && r.w - controls < r.w * 3 / 5, right = own_row ? r.x + r.w + g : r.x + r.w - controls;
    ui_text_fit(ui, head, ui_rect(after_dots, r.y, right - after_dots - g, ui_mm(ui, CFG_LINE_BIG_MM)), CFG_LEAD_MM, CFG_SMALL_MM,
                UI_INK, UI_LEFT);
    if (v->app) /* a picture shows where the board is, not what to tap */
        ui_text_fit(ui, how, ui_rect(r.x, r.y + ui_mm(ui, CFG_LINE_BIG_MM), right - r.x - g, ui_mm(ui, STEP_HOW_MM)), CFG_BODY_MM,
                    STEP_HOW_MIN_MM, UI_INK2, UI_LEFT);
    int by = r.y + (h - t) / 2 - ui_mm(ui, CFG_NUDGE_MM);
    scr_app *app = v->app;
    if (!app) return h;
    if (own_row) {
        by = r.y + h;
        h += t + g;
        right = r.x + r.w - controls;
    }
    if (ui_toggle(ui, "drieluik.pros", ui_rect(right, by, pros_w, t), T("dl.pros_write"), v->m->pros_write, 0))
        set_step(app, step, !v->m->pros_write);
    int bx = r.x + r.w - 2 * nav_w - g;
    if (step > 0) {
        if (ui_button(ui, "drieluik.step.prev", ui_rect(bx, by, nav_w, t), T("dl.step.prev"), UI_SECONDARY))
            set_step(app, step - 1, v->m->pros_write);
    }
    if (step < DL_STEPS - 1) {
        if (ui_button(ui, "drieluik.step.next", ui_rect(bx + nav_w + g, by, nav_w, t), T("dl.step.next"), UI_PRIMARY))
            set_step(app, step + 1, v->m->pros_write);
    }
    return h;
}

/* Where a note let go at (x, y) lands. */
static core_dl_target target_at(scr_app *app, float x, float y, int dragged)
{
    core_dl_target t = {-1, DL_PROMPT_NONE, 0, 0};
    for (int i = 0; i < app->m.nnotes; i++)
        if (i != dragged && app->looks.dl.note_r[i].w && ui_inside(app->looks.dl.note_r[i], x, y) && !app->m.notes[i].at.deleted &&
            app->m.notes[i].at.hung_at) {
            t.note = app->m.notes[i].id;
            t.col = app->m.notes[i].at.col;
            return t;
        }
    for (int g = 0; g < app->m.ngroups; g++)
        if (app->m.groups[g].exists && app->looks.dl.grp_r[g].w && ui_inside(app->looks.dl.grp_r[g], x, y)) {
            t.grp = app->m.groups[g].id;
            t.col = app->m.groups[g].col;
            return t;
        }
    for (int p = 0; p < DL_PROMPTS; p++)
        if (ui_inside(app->looks.dl.prompt_r[p], x, y)) {
            t.col = DL_MIDDLE;
            t.prompt = p;
            return t;
        }
    for (int c = 0; c < DL_COLS; c++)
        if (ui_inside(app->looks.dl.col_r[c], x, y)) t.col = c;
    return t;
}

static void animate_from(scr_app *app, int64_t note, float x, float y)
{
    int slot = 0;
    for (int i = 0; i < SCR_ANIMS; i++) {
        if (app->looks.dl.anim[i].note == note) { slot = i; break; }
        if ((uint32_t)(app->now - app->looks.dl.anim[i].t0) > (uint32_t)(app->looks.dl.anim[slot].t0 - app->now)) slot = i;
    }
    app->looks.dl.anim[slot].note = note;
    app->looks.dl.anim[slot].x = x;
    app->looks.dl.anim[slot].y = y;
    app->looks.dl.anim[slot].t0 = app->now ? app->now : 1;
}

/* Where a note is drawn this frame: its place, or on its way there (ease-out). */
static SDL_Rect drawn_at(const scr_view *v, int64_t note, SDL_Rect home)
{
    for (int i = 0; i < SCR_ANIMS; i++) {
        if (v->looks->dl.anim[i].note != note) continue;
        uint32_t t = v->now - v->looks->dl.anim[i].t0;
        if (t >= SNAP_MS) {
            v->looks->dl.anim[i].note = 0;
            break;
        }
        float k = (float)t / SNAP_MS, e = 1 - (1 - k) * (1 - k) * (1 - k);
        home.x = (int)(v->looks->dl.anim[i].x + (home.x - v->looks->dl.anim[i].x) * e);
        home.y = (int)(v->looks->dl.anim[i].y + (home.y - v->looks->dl.anim[i].y) * e);
        break;
    }
    return home;
}

int scr_dl_wake_in(const scr_app *app)
{
    for (int i = 0; i < SCR_ANIMS; i++)
        if (app->looks.dl.anim[i].note && app->now - app->looks.dl.anim[i].t0 < SNAP_MS) return 16;
    return -1;
}

/* A note let go: where it lands, or back where it was. */
static void dropped(scr_app *app, int i, float x, float y, SDL_Rect from)
{
    core_note *n = &app->m.notes[i];
    core_dl_target t = target_at(app, x, y, i);
    core_op op;
    if (!board_op(app, &op, DL_VERB_DROP, n->id)) return;
    core_status s = core_dl_drop(app->m.notes, app->m.nnotes, app->m.groups, &app->m.ngroups, SCR_GROUPS_MAX, n->id, t);
    animate_from(app, n->id, (float)from.x, (float)from.y);
    if (s != CORE_OK) {
        scr_say(app, t.col < 0 ? T("dl.outside") : T("status.not_saved"), 0);
        return;
    }
    if (commit(app, &op)) {
        const core_dl_group *g = group(app, n->at.grp);
        scr_say(app, g ? T("dl.grouped") : T("dl.moved"), 0);
    }
}

static void draw_group(const scr_view *v, int k, float s)
{
    ui_ctx *ui = v->ui;
    const core_dl_group *g = &v->m->groups[k];
    SDL_Rect r = v->looks->dl.grp_r[k];
    if (!r.w) return;
    uint32_t edge = g->mark ? MARK_COLOUR : scr_dl_edge(v->layout, g->col);
    ui_card(ui, r, ui_mm(ui, CFG_RADIUS_MM), CFG_CARD_QUIET, edge, g->mark ? CFG_EDGE_CHOSEN_PX : CFG_HAIRLINE_PX);
    char id[48];
    snprintf(id, sizeof id, "drieluik.group.%lld", (long long)g->id);
    ui_area(ui, id, r, g->theme, UI_G_CLICK);
    /* The header: the theme (tap to name it), and the mark. */
    int head = ui_mm(ui, CFG_LINE_BIG_MM), pad = ui_mm(ui, CFG_PAD_NOTE_MM);
    int markw = g->mark ? mark_badge_w(v, g->col, ui_mm(ui, MARK_BADGE_MM)) + ui_mm(ui, CFG_GAP_TIGHT_MM) : 0;
    int starw = v->app && core_dl_step_marks(v->m->dl_step) && core_dl_step_col(v->m->dl_step) == g->col
                ? ui_mm(ui, CFG_TARGET_MM + CFG_GAP_TIGHT_MM) : 0;
    SDL_Rect th = {r.x + pad, r.y, r.w - 2 * pad - markw - starw, head};
    snprintf(id, sizeof id, "drieluik.group.%lld.theme", (long long)g->id);
    int tapped = ui_area(ui, id, th, g->theme[0] ? g->theme : T("dl.theme_hint"), UI_G_CLICK);
    int pressed = ui_pressed(ui, id);
    if (pressed) ui_round(ui, ui_rect(th.x - 2, th.y + 3, th.w + 4, th.h - 6), ui_mm(ui, CFG_RADIUS_FIELD_MM), UI_HAIRLINE);
    char line[CORE_TEXT_BYTES(CORE_NAME_MAX) + 32];
    if (g->theme[0]) snprintf(line, sizeof line, T("dl.theme_line"), g->theme);
    ui_text_fit(ui, g->theme[0] ? line : T("dl.theme_hint"), th, CFG_BODY_MM * s < CFG_SMALL_MM ? CFG_SMALL_MM : CFG_BODY_MM * s,
                CFG_LINE_MIN_MM, g->theme[0] ? UI_INK : UI_ACCENT, UI_LEFT);
    if (tapped && v->app) {
        scr_app *app = v->app;
        app->dl.theme_grp = g->id;
        snprintf(app->dl.theme, sizeof app->dl.theme, "%s", g->theme);
        ui_focus(ui, "theme.text");
        ui->osk_away = 0;
    }
    if (g->mark) mark_badge(v, g->col, r.x + r.w - pad - markw - starw, r.y + ui_mm(ui, (CFG_LINE_BIG_MM - MARK_BADGE_MM) / 2),
                            ui_mm(ui, MARK_BADGE_MM));
    if (starw) {
        snprintf(id, sizeof id, "drieluik.mark.group.%lld", (long long)g->id);
        mark_button(v, id, r.x + r.w - starw / 2 - pad / 2, r.y + head / 2 + 2, g->mark, g->col, 0, g->id);
    }
}

static void draw_note_widget(const scr_view *v, int i, float s)
{
    ui_ctx *ui = v->ui;
    const core_note *n = &v->m->notes[i];
    scr_app *app = v->app; /* NULL in a picture: nothing is tapped */
    SDL_Rect home = v->looks->dl.note_r[i];
    char id[48];
    snprintf(id, sizeof id, "drieluik.note.%lld", (long long)n->id);
    float dx, dy;
    int dragging = ui_dragging(ui, id, &dx, &dy);
    if (!dragging) scr_dl_note(v, n, drawn_at(v, n->id, home), s, 0);
    else ui_round(ui, home, ui_mm(ui, CFG_RADIUS_NOTE_MM), CFG_HOLE); /* where it came from */
    int tapped = ui_area(ui, id, home, n->text[0] ? n->text : T("note.drawing"), UI_G_CLICK);
    ui_long_press(ui);
    if (n->at.mark) ui_selected(ui);
    float x, y;
    if (!app) {
    } else if (ui_take_at(ui, id, UI_G_DRAG_END, &x, &y)) {
        /* Let go where it was last drawn: its place plus the finger's travel. */
        SDL_Rect from = {home.x + (int)v->looks->dl.lift_dx[i], home.y + (int)v->looks->dl.lift_dy[i], home.w, home.h};
        dropped(app, i, x, y, from);
    } else if (ui_take(ui, id, UI_G_LONG)) {
        scr_note_edit(app, n);
    } else if (tapped) {
        app->note_view = n->id;
    }
    if (n->at.mark) mark_badge(v, n->at.col, home.x - ui_mm(ui, CFG_NUDGE_MM), home.y - ui_mm(ui, MARK_BADGE_MM / 2),
                               ui_mm(ui, MARK_BADGE_MM));
    if (v->app && !n->at.grp && n->at.col != DL_MIDDLE && core_dl_step_marks(v->m->dl_step) &&
        core_dl_step_col(v->m->dl_step) == n->at.col) {
        snprintf(id, sizeof id, "drieluik.mark.note.%lld", (long long)n->id);
        mark_button(v, id, home.x + home.w - ui_mm(ui, CFG_PAD_MM), home.y + ui_mm(ui, CFG_PAD_MM), n->at.mark, n->at.col, n->id, 0);
    }
}

/* The notes being dragged, on top of everything, under their fingers. */
static void draw_lifted(const scr_view *v, float s[DL_COLS])
{
    ui_ctx *ui = v->ui;
    if (!ui_dragging_any(ui, "drieluik.note.", NULL, 0)) return; /* most frames: no note's id to make */
    for (int i = 0; i < v->m->nnotes; i++) {
        if (!v->looks->dl.note_r[i].w) continue;
        char id[48];
        snprintf(id, sizeof id, "drieluik.note.%lld", (long long)v->m->notes[i].id);
        float dx, dy;
        if (!ui_dragging(ui, id, &dx, &dy)) continue;
        SDL_Rect r = v->looks->dl.note_r[i];
        v->looks->dl.lift_dx[i] = dx;
        v->looks->dl.lift_dy[i] = dy;
        r.x += (int)dx;
        r.y += (int)dy;
        scr_dl_note(v, &v->m->notes[i], r, s[v->m->notes[i].at.col], 1);
    }
}

static void more_line(const scr_view *v, int hidden, int x, int y)
{
    if (hidden <= 0) return;
    char more[64];
    snprintf(more, sizeof more, TN("board.more", "board.more_many", hidden), hidden);
    ui_text(v->ui, more, x, y, CFG_SMALL_MM, UI_INK2, UI_RIGHT, 0);
}

void scr_dl_board(const scr_view *v, SDL_Rect r)
{
    ui_ctx *ui = v->ui;
    int pad = ui_mm(ui, CFG_GAP_WIDE_MM), g = ui_mm(ui, CFG_GAP_MM);
    int top = step_bar(v, ui_rect(r.x + pad, r.y + pad, r.w - 2 * pad, 0));
    int y0 = r.y + pad + top, h = r.y + r.h - pad - y0;
    int cw = (r.w - 2 * pad - 2 * g) / 3;
    memset(v->looks->dl.note_r, 0, (size_t)v->m->nnotes * sizeof v->looks->dl.note_r[0]);
    memset(v->looks->dl.grp_r, 0, (size_t)v->m->ngroups * sizeof v->looks->dl.grp_r[0]);
    memset(v->looks->dl.prompt_r, 0, sizeof v->looks->dl.prompt_r);
    float scale[DL_COLS] = {1, 0.8f, 1};
    int hidden[DL_COLS] = {0};
    int head = ui_mm(ui, COL_HEAD_MM);
    static const int order[DL_COLS] = {DL_LEFT, DL_MIDDLE, DL_RIGHT};
    for (int k = 0; k < DL_COLS; k++) {
        int col = order[k];
        SDL_Rect c = {r.x + pad + k * (cw + g), y0, cw, h};
        v->looks->dl.col_r[col] = c;
        int current = core_dl_step_col(v->m->dl_step) == col;
        ui_card(ui, c, ui_mm(ui, CFG_RADIUS_MM), UI_SURFACE, current ? scr_dl_edge(v->layout, col) : UI_HAIRLINE,
                current ? CFG_EDGE_PX : CFG_HAIRLINE_PX);
        char id[32];
        snprintf(id, sizeof id, "drieluik.%s", core_dl_col_word(col));
        ui_area(ui, id, c, "", UI_G_CLICK);
        column_head(v, col, ui_rect(c.x, c.y, c.w, head));
        SDL_Rect area = {c.x + ui_mm(ui, CFG_PAD_SMALL_MM), c.y + head + ui_mm(ui, CFG_GAP_WIDE_MM),
                         c.w - ui_mm(ui, CFG_PAD_SMALL_MM * 2), c.h - head - ui_mm(ui, CFG_PAD_SMALL_MM * 2)};
        if (col != DL_MIDDLE) {
            static unit us[SCR_NOTES_MAX + SCR_GROUPS_MAX];
            int nu = units_of(v, col, us); /* sorted once for the tries at each scale */
            scale[col] = side_scale(v, col, us, nu, area);
            hidden[col] = layout_side(v, col, us, nu, area, scale[col], 1);
            int any = 0;
            for (int i = 0; i < v->m->nnotes; i++) any |= visible(&v->m->notes[i], col);
            if (!any) {
                int held = 0;
                for (int i = 0; i < v->m->nnotes; i++)
                    held += v->m->notes[i].at.col == col && !v->m->notes[i].at.hung_at && !v->m->notes[i].at.deleted;
                char line[128];
                if (held) snprintf(line, sizeof line, TN("dl.held_here", "dl.held_here_many", held), held);
                ui_text(ui, held ? line : T("dl.col_empty"), c.x + c.w / 2, area.y + ui_mm(ui, EMPTY_Y_MM), CFG_BODY_MM, UI_INK2,
                        UI_CENTER, area.w - ui_mm(ui, CFG_PAD_SMALL_MM * 2));
            }
            more_line(v, hidden[col], c.x + c.w - ui_mm(ui, CFG_PAD_SMALL_MM), c.y + c.h - ui_mm(ui, MORE_UP_MM));
            continue;
        }
        /* The middle column: its four questions. */
        static const char *const prompts[DL_PROMPTS] = {N_("dl.prompt.wie"), N_("dl.prompt.vragen"), N_("dl.prompt.informatie"),
                                                        N_("dl.prompt.waar")};
        int ph = area.h / DL_PROMPTS, adding = v->m->dl_step == DL_FILL_MIDDLE && v->app, t = ui_mm(ui, CFG_TARGET_MM);
        for (int p = 0; p < DL_PROMPTS; p++) {
            SDL_Rect pr = {area.x, area.y + p * ph, area.w, ph - ui_mm(ui, CFG_GAP_TIGHT_MM)};
            v->looks->dl.prompt_r[p] = pr;
            if (p) ui_fill(ui, ui_rect(pr.x, pr.y - ui_mm(ui, CFG_GAP_TIGHT_MM / 2), pr.w, CFG_HAIRLINE_PX), UI_HAIRLINE);
            int qw = pr.w - (adding ? t + ui_mm(ui, CFG_GAP_TIGHT_MM) : 0);
            ui_text_fit(ui, words(v, v->layout->prompt_nl[p], v->layout->prompt_en[p], prompts[p]),
                        ui_rect(pr.x, pr.y, qw, ui_mm(ui, CFG_LINE_MM)), CFG_BODY_MM, CFG_LINE_MIN_MM,
                        UI_INK, UI_LEFT);
            if (adding) {
                snprintf(id, sizeof id, "drieluik.middle.%s.add", core_dl_prompt_word(p));
                if (ui_button_mm(ui, id, ui_rect(pr.x + pr.w - t, pr.y, t, t - ui_mm(ui, CFG_GAP_TIGHT_MM)), "+", UI_PRIMARY,
                                 CFG_SYMBOL_MM))
                    scr_note_new(v->app, 0, DL_MIDDLE, p);
            }
            int hid = layout_middle(v, ui_rect(pr.x, pr.y + ui_mm(ui, CFG_LINE_MM + CFG_NUDGE_MM), pr.w,
                                                 pr.h - ui_mm(ui, CFG_LINE_MM + CFG_NUDGE_MM)), p, scale[DL_MIDDLE]);
            more_line(v, hid, pr.x + pr.w, pr.y + pr.h - ui_mm(ui, CFG_AIR_MM));
        }
    }
    for (int k = 0; k < v->m->ngroups; k++)
        if (v->m->groups[k].exists) draw_group(v, k, scale[v->m->groups[k].col]);
    for (int i = 0; i < v->m->nnotes; i++)
        if (v->looks->dl.note_r[i].w) draw_note_widget(v, i, scale[v->m->notes[i].at.col]);
    memcpy(v->looks->dl.scale, scale, sizeof scale);
    if (!v->app || !v->app->skip_lifted) draw_lifted(v, scale);
}

void scr_dl_draw_lifted(scr_app *app)
{
    scr_view v = scr_view_of(app);
    if (app->screen == SCR_MEETING) draw_lifted(&v, app->looks.dl.scale);
}

/* --- the bottom bar: chips with trays, undo and redo ------------------------------- */

/* How many notes participant i holds in their tray: shown face down on the chip. */
static int held_by(const scr_app *app, int i)
{
    int held = 0;
    for (int k = 0; k < app->m.nnotes; k++)
        held += app->m.notes[k].author == app->m.mparts[i].id && !app->m.notes[k].at.hung_at && !app->m.notes[k].at.deleted;
    return held;
}

int scr_dl_chip_w(const scr_app *app, int i)
{
    ui_ctx *ui = app->ui;
    int tw = ui_text_size(ui, app->m.mparts[i].name, CFG_BODY_MM).x;
    return 2 * ui_mm(ui, CFG_AVATAR_MM) + ui_mm(ui, CFG_ICON_GAP_MM) + tw + (held_by(app, i) ? ui_mm(ui, HELD_ROOM_MM) : 0) +
           ui_mm(ui, CHIP_END_MM);
}

void scr_dl_chip(scr_app *app, int i, int x, int y, int h)
{
    ui_ctx *ui = app->ui;
    int rad = ui_mm(ui, CFG_AVATAR_MM);
    const core_participant *p = &app->m.mparts[i];
    int held = held_by(app, i);
    int tw = ui_text_size(ui, p->name, CFG_BODY_MM).x;
    int w = scr_dl_chip_w(app, i);
    SDL_Rect r = {x, y + ui_mm(ui, CFG_NUDGE_MM), w - ui_mm(ui, CFG_GAP_TIGHT_MM), h - ui_mm(ui, CFG_NUDGE_MM * 2)};
    char id[32], label[128];
    snprintf(id, sizeof id, "meeting.chip.%d", i);
    snprintf(label, sizeof label, TN("dl.chip", "dl.chip_many", held), p->name, held);
    int tapped = ui_area(ui, id, r, label, UI_G_CLICK);
    if (ui_pressed(ui, id) || app->dl.tray == i + 1) ui_round(ui, r, ui_mm(ui, CFG_RADIUS_MM), UI_HAIRLINE);
    int cy = y + h / 2;
    scr_avatar(app->ui, x + rad + ui_mm(ui, CFG_NUDGE_MM), cy, rad, p->colour, p->name);
    ui_text(ui, p->name, x + 2 * rad + ui_mm(ui, CFG_NUDGE_MM + CFG_ICON_GAP_MM), cy - ui_text_size(ui, p->name, CFG_BODY_MM).y / 2,
            CFG_BODY_MM, UI_INK, UI_LEFT, 0);
    if (held) {
        /* Face down: a small stack of cards with how many, never what. */
        int bx = x + 2 * rad + ui_mm(ui, HELD_X_MM) + tw, bw = ui_mm(ui, HELD_W_MM), bh = ui_mm(ui, HELD_H_MM), by = cy - bh / 2;
        ui_round(ui, ui_rect(bx + 3, by - 3, bw, bh), 3, CFG_QUIET_EDGE);
        ui_round(ui, ui_rect(bx, by, bw, bh), 3, UI_INK2);
        char num[8];
        snprintf(num, sizeof num, "%d", held);
        ui_text(ui, num, bx + bw / 2, cy - ui_text_size(ui, num, CFG_SMALL_MM).y / 2, CFG_SMALL_MM, UI_SURFACE, UI_CENTER, 0);
    }
    if (tapped) scr_dl_open_tray(app, i);
}

void scr_dl_open_tray(scr_app *app, int i)
{
    app->dl.tray = i + 1;
    app->ui->dirty = 1;
}

void scr_dl_undo_buttons(scr_app *app, int x, int y, int w, int h)
{
    int tapped = scr_undo_buttons(app, "drieluik", x, y, w, h);
    if (tapped >= 0) undo_redo(app, tapped);
}

/* --- the tray: a participant's notes written and not yet hung ----------------------- */

static void tray(scr_app *app)
{
    ui_ctx *ui = app->ui;
    if (app->dl.tray < 1 || app->dl.tray > app->m.nmparts) {
        app->dl.tray = 0;
        return;
    }
    const core_participant *p = &app->m.mparts[app->dl.tray - 1];
    scr_view v = scr_view_of(app);
    ui_block(ui, "tray.modal");
    int t = scr_target(app), g = ui_mm(ui, CFG_GAP_WIDE_MM), m = ui_mm(ui, CFG_PAD_SHEET_MM);
    int nw = ui_mm(ui, NOTE_W_MM), nh = ui_mm(ui, NOTE_H_MM), ng = ui_mm(ui, CFG_GAP_WIDE_MM);
    int cw = ui->w * 4 / 5;
    if (cw > ui_mm(ui, TRAY_MAX_MM)) cw = ui_mm(ui, TRAY_MAX_MM);
    /* As tall as what it holds: a small tray for a few notes, never a big empty one. */
    int per_row = (cw - 2 * m + ng) / (nw + ng);
    if (per_row < 1) per_row = 1;
    int ch = 2 * m + ui_mm(ui, TRAY_AVATAR_MM * 2) + g + t + g, sides = 0;
    for (int side = DL_LEFT; side <= DL_RIGHT; side += 2) {
        int held = core_dl_held(app->m.notes, app->m.nnotes, p->id, side);
        if (!held) continue;
        int rows = (held + per_row - 1) / per_row;
        ch += ui_mm(ui, TRAY_ICON_MM + CFG_GAP_TIGHT_MM) +
              rows * (nh + (core_dl_step_hangs(app->m.dl_step, side) ? t + ui_mm(ui, CFG_GAP_TIGHT_MM) : 0) + ng) + g;
        sides++;
    }
    if (!sides) ch += ui_mm(ui, TRAY_EMPTY_MM);
    if (ch > ui->h * 7 / 8) ch = ui->h * 7 / 8;
    SDL_Rect card = {(ui->w - cw) / 2, (ui->h - ch) / 2, cw, ch};
    ui_round(ui, ui_rect(card.x + 4, card.y + 6, card.w, card.h), ui_mm(ui, CFG_RADIUS_SHEET_MM), CFG_SHADOW_MODAL);
    ui_card(ui, card, ui_mm(ui, CFG_RADIUS_SHEET_MM), UI_BG, UI_HAIRLINE, CFG_HAIRLINE_PX);
    /* Whose tray: their colour, name and role, and whom a supporter supports. */
    int rad = ui_mm(ui, TRAY_AVATAR_MM), x = card.x + m, y = card.y + m;
    scr_avatar(app->ui, x + rad, y + rad, rad, p->colour, p->name);
    char who[256];
    const core_participant *sup = p->role == ROLE_SUPPORTER ? scr_participant(&app->m, p->supports) : NULL;
    if (sup) snprintf(who, sizeof who, T("dl.tray.supporter_of"), p->name, sup->name);
    else snprintf(who, sizeof who, T("dl.tray.who"), p->name, scr_role_name(p->role));
    ui_text_fit(ui, who, ui_rect(x + 2 * rad + g, y, cw - 2 * m - 2 * rad - g - ui_mm(ui, CLOSE_W_MM + CFG_GAP_WIDE_MM), 2 * rad),
                CFG_TITLE_MM, CFG_BODY_MM, UI_INK, UI_LEFT);
    int close_w = ui_mm(ui, CLOSE_W_MM);
    if (ui_button(ui, "tray.close", ui_rect(card.x + cw - m - close_w, y, close_w, t), T("dl.tray.close"), UI_PRIMARY))
        app->dl.tray = 0;
    y += 2 * rad + g;

    /* What this step asks of them, or why not. */
    int step = app->m.dl_step, col = core_dl_step_col(step);
    int pro = core_role_is_professional(p->role);
    int may_write = core_dl_may_write(p->role, app->m.pros_write);
    int family_holds = core_dl_held_by_family(app->m.notes, app->m.nnotes, app->m.mparts, app->m.nmparts, col);
    char say[256];
    if (core_dl_step_writes(step) && col != DL_MIDDLE) {
        snprintf(say, sizeof say, "%s", !may_write ? T("dl.tray.pros_no_write")
                                        : col == DL_LEFT ? T("dl.tray.write_left") : T("dl.tray.write_right"));
    } else if (core_dl_step_hangs(step, col)) {
        if (pro && family_holds)
            snprintf(say, sizeof say, TN("dl.tray.pros_last", "dl.tray.pros_last_many", family_holds), family_holds);
        else snprintf(say, sizeof say, "%s", T("dl.tray.hang"));
    } else if (col == DL_MIDDLE) {
        snprintf(say, sizeof say, "%s", T("dl.tray.middle"));
    } else {
        snprintf(say, sizeof say, "%s", T("dl.tray.wait"));
    }
    int write_w = core_dl_step_writes(step) && col != DL_MIDDLE && may_write ? ui_mm(ui, WORDS_W_MM) : 0;
    SDL_Point sz = ui_text(ui, say, x, y + ui_mm(ui, CFG_RAISE_MM), CFG_BODY_MM, pro && family_holds && core_dl_step_hangs(step, col)
                           ? UI_WARN : UI_INK, UI_LEFT, cw - 2 * m - write_w - g);
    if (write_w && ui_button(ui, "tray.write", ui_rect(card.x + cw - m - write_w, y, write_w, t), T("dl.tray.write"), UI_PRIMARY))
        scr_note_new(app, p->id, col, DL_PROMPT_NONE);
    y += (sz.y > t ? sz.y : t) + g;

    /* The notes they hold, per side, face up: this is their own tray. */
    int any = 0;
    for (int side = DL_LEFT; side <= DL_RIGHT; side += 2) {
        int held = core_dl_held(app->m.notes, app->m.nnotes, p->id, side);
        if (!held) continue;
        any = 1;
        int icon = ui_mm(ui, TRAY_ICON_MM);
        scr_dl_icon(&app->dl_layout, ui, side, x, y, icon);
        char line[128];
        if (side == DL_LEFT) snprintf(line, sizeof line, TN("dl.tray.left", "dl.tray.left_many", held), held);
        else snprintf(line, sizeof line, TN("dl.tray.right", "dl.tray.right_many", held), held);
        ui_text(ui, line, x + icon + ui_mm(ui, CFG_GAP_MM), y + ui_mm(ui, CFG_NUDGE_MM), CFG_BODY_MM, UI_INK, UI_LEFT, 0);
        y += icon + ui_mm(ui, CFG_GAP_TIGHT_MM);

        /* The notes flow in rows; what does not fit waits (the count above says how many). */
        int hangs = core_dl_step_hangs(step, side), nx = x, k = 0;
        int show_hang = hangs ? t + ui_mm(ui, CFG_GAP_TIGHT_MM) : 0, row_h = nh + show_hang + ng;
        for (int i = 0; i < app->m.nnotes; i++) {
            core_note *n = &app->m.notes[i];
            if (n->author != p->id || n->at.col != side || n->at.hung_at || n->at.deleted) continue;
            if (k > 0 && k % per_row == 0) {
                nx = x;
                y += row_h;
            }
            if (y + nh + show_hang > card.y + ch - m) break;
            k++;
            SDL_Rect nr = {nx, y, nw, nh};
            scr_dl_note(&v, n, nr, 1.0f, 0);
            char id[48];
            snprintf(id, sizeof id, "tray.note.%lld", (long long)n->id);
            if (ui_area(ui, id, nr, n->text[0] ? n->text : T("note.drawing"), UI_G_CLICK)) scr_note_edit(app, n);
            if (hangs) {
                snprintf(id, sizeof id, "tray.note.%lld.hang", (long long)n->id);
                SDL_Rect br = {nx, y + nh + ui_mm(ui, CFG_GAP_TIGHT_MM), nw, t};
                if (core_dl_may_hang(app->m.notes, app->m.nnotes, app->m.mparts, app->m.nmparts, n) == CORE_OK) {
                    if (ui_button(ui, id, br, T("dl.tray.hang_one"), UI_PRIMARY) && hang(app, n->id))
                        scr_say(app, T("dl.hung"), 0);
                } else {
                    ui_button_off(ui, id, br, T("dl.tray.hang_one"));
                }
            }
            nx += nw + ng;
        }
        y += row_h + g;
    }
    if (!any)
        ui_text(ui, T("dl.tray.empty"), card.x + cw / 2, y + ui_mm(ui, CFG_AIR_WIDE_MM), CFG_BODY_MM, UI_INK2, UI_CENTER, cw - 2 * m);
}

/* --- naming a group's theme --------------------------------------------------------- */

static void theme_editor(scr_app *app)
{
    ui_ctx *ui = app->ui;
    core_dl_group *g = group(app, app->dl.theme_grp);
    if (!g) {
        app->dl.theme_grp = 0;
        return;
    }
    ui_block(ui, "theme.modal");
    int t = scr_target(app), m = ui_mm(ui, CFG_PAD_SHEET_MM), gap = ui_mm(ui, CFG_GAP_WIDE_MM);
    int cw = ui_mm(ui, THEME_W_MM), ch = ui_mm(ui, THEME_H_MM);
    SDL_Rect card = {(ui->w - cw) / 2, ui_mm(ui, CFG_SHEET_TOP_MM), cw, ch};
    ui_card(ui, card, ui_mm(ui, CFG_RADIUS_SHEET_MM), UI_SURFACE, scr_dl_edge(&app->dl_layout, g->col), CFG_EDGE_PX);
    scr_dl_icon(&app->dl_layout, ui, g->col, card.x + m, card.y + m, ui_mm(ui, THEME_ICON_MM));
    ui_text(ui, T("dl.theme_title"), card.x + m + ui_mm(ui, THEME_ICON_MM + CFG_GAP_WIDE_MM), card.y + m, CFG_HEADING_MM, UI_INK,
            UI_LEFT, 0);
    ui_field(ui, "theme.text", ui_rect(card.x + m, card.y + m + ui_mm(ui, THEME_TITLE_MM), cw - 2 * m, t), app->dl.theme,
             sizeof app->dl.theme, CORE_NAME_MAX, T("dl.theme_placeholder"));
    int bw = ui_mm(ui, CFG_BUTTON_W_BIG_MM), by = card.y + ch - m - t;
    int save = ui_button(ui, "theme.save", ui_rect(card.x + cw - m - bw, by, bw, t), T("note.save"), UI_PRIMARY);
    ui_keep_focus(ui);
    if (ui_button(ui, "theme.cancel", ui_rect(card.x + cw - m - 2 * bw - gap, by, bw, t), T("common.cancel"), UI_SECONDARY)) {
        app->dl.theme_grp = 0;
        ui_focus(ui, "");
        return;
    }
    if (save || (ui->enter && !strcmp(ui->focus, "theme.text"))) {
        core_op op;
        if (board_op(app, &op, DL_VERB_THEME, 0) &&
            core_dl_set_theme(app->m.groups, app->m.ngroups, g->id, app->dl.theme) == CORE_OK)
            commit(app, &op);
        app->dl.theme_grp = 0;
        ui_focus(ui, "");
    }
}

int scr_dl_modals(scr_app *app)
{
    if (app->dl.theme_grp) theme_editor(app);
    else if (app->dl.tray) tray(app); /* under the note editor when one is open */
    return app->dl.theme_grp || app->dl.tray;
}

/* A new note from the editor: into its writer's tray, or straight onto the middle. */
store_status scr_dl_note_add(scr_app *app, int64_t author, int col, int prompt, const char *text,
                             const unsigned char *ink, size_t ink_len)
{
    core_dl_place at;
    memset(&at, 0, sizeof at);
    at.col = (int8_t)col;
    at.prompt = (int8_t)(col == DL_MIDDLE ? prompt : DL_PROMPT_NONE);
    if (col == DL_MIDDLE) {
        at.hung_at = app->wall_ms;
        for (int i = 0; i < app->m.nnotes; i++)
            if (app->m.notes[i].at.col == DL_MIDDLE && app->m.notes[i].at.order >= at.order) at.order = app->m.notes[i].at.order + 1;
    }
    core_op op = {.kind = OP_NOTE_ADD, .board = "drieluik", .place = at, .actor = author, .text = text, .ink = ink,
                  .ink_len = ink_len};
    return scr_do(app, &op, NULL);
}
