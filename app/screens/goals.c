/* goals: Doelen in beeld (§3.1-§3.3). Goals as post-its on a field: left short
 * term, right long term; rows by how serious (hoog, midden, laag). Where a goal
 * stands is what it means, stored as term and priority. Each goal says with icons
 * whether it needs the network (and which support), whether it is a prospect or a
 * precondition, and whether it was imposed (a lock: only a professional changes
 * it). Per goal its actions in Samen1plan's fields. Every change is one commit
 * and undoable. */
#include "screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOTE_W_MM 60.0f
#define NOTE_H_MM 40.0f
#define GOAL_WORDS_MM (CFG_NOTE_MM * 0.9f) /* a goal's words, shrinking to CFG_SMALL_MM */
#define ICON_ROW_MM 9.0f         /* the icons at its foot */
#define ICON_TYPE_MM (CFG_BODY_MM * 1.3f) /* their size */
#define SUPPORT_ROOM_MM 2.5f     /* a kind of support's tag, beyond its letters */
#define TAG_GAP_MM 0.8f          /* between two such tags */
#define DONE_CHECK_MM 3.5f       /* its actions all done */
#define ACTOR_ROOM_MM 13.0f      /* who is at the screen: a chip, beyond the name */
#define ROW_LABEL_W_MM 26.0f     /* hoog, midden, laag, left of the field */
#define FIELD_HEAD_MM 9.0f       /* kort, lang and the arrow, above it */
#define ARROW_HEAD_MM 2.5f       /* the arrow from kort to lang: its head */
#define EMPTY_UP_MM 4.0f         /* no goals yet: said just above the middle */
#define PERSON_ROOM_MM 12.0f     /* a person's chip in an editor, beyond the name */
#define ACTION_INSET_W_MM 14.0f  /* the action editor, this far from the screen's sides */
#define ACTION_INSET_H_MM 10.0f  /* and from its top and bottom */
#define WHO_H_MM 40.0f           /* who does it: the people */
#define ACTION_CAL_MM 95.0f      /* its calendar */
#define GOAL_INSET_W_MM 10.0f    /* the goal editor, this far from the screen's sides */
#define GOAL_INSET_H_MM 6.0f     /* and from its top and bottom */
#define GOAL_TEXT_H_MM 26.0f     /* the goal's words: its field */
#define ACTION_ROW_MM 11.0f      /* an action in its list */
#define EVAL_CAL_MM 78.0f        /* the evaluation's calendar */
#define DECISION_INDENT_MM 4.0f  /* the decisions that serve it */
#define LOCK_X_MM 10.0f          /* imposed: the lock, this far before the column's end */
#define LOCK_DOWN_MM 3.0f        /* and down, beside the title */

static void draw_lifted(const scr_view *v);

static const uint32_t bands[3] = {UI_BAND_HOOG, UI_BAND_MIDDEN, UI_BAND_LAAG};

void scr_goals_load(scr_app *app)
{
    store_status r = scr_model_goals(app->st, &app->m);
    if (r != STORE_OK) scr_store_failed(app, r);
    app->goals.stale = 0;
}

void scr_goals_reset(scr_app *app)
{
    app->goals.editing = 0;
    app->goals.actor = 0;
    app->goals.stale = 1;
}

static const core_goal *find(const scr_app *app, int64_t id)
{
    for (int i = 0; i < app->m.ngoals; i++)
        if (app->m.goals[i].id == id) return &app->m.goals[i];
    return NULL;
}

/* The reason core gave, kept for the editor (the status bar moves on to other words). */
static const char *refusal(scr_app *app)
{
    static char why[sizeof app->status];
    snprintf(why, sizeof why, "%s", app->status);
    return why;
}


/* Writes after (or deletes before when after is NULL) as one op undo can take back;
 * the rules (an imposed goal is a professional's) are core's, with who is at the screen. */
static int act(scr_app *app, const core_goal *before, core_goal *after)
{
    core_op op = {.kind = after ? OP_GOAL_PUT : OP_GOAL_DELETE, .goal = after, .id = before ? before->id : 0,
                  .actor = app->goals.actor};
    store_status r = scr_do(app, &op, NULL);
    app->goals.why = r == STORE_EINVAL ? refusal(app) : NULL;
    app->ui->dirty = 1;
    if (r != STORE_OK) return 0;
    app->goals.stale = SCR_STALE_SAVED; /* shown at once (scr_model_apply), read again once saved */
    scr_undo_after(app, "goals");
    return 1;
}

static void undo_redo(scr_app *app, int redo)
{
    store_op_buf *b = NULL;
    store_status r = scr_undo(app, "goals", redo, app->goals.actor, &b);
    app->goals.why = r == STORE_EINVAL ? refusal(app) : NULL;
    if (r != STORE_OK) return;
    app->goals.stale = SCR_STALE_SAVED; /* the model has the step already */
    store_op_buf_free(b);
    scr_say(app, redo ? T("dl.redone") : T("dl.undone"), 0);
}

void scr_goals_undo_buttons(scr_app *app, int x, int y, int w, int h)
{
    int tapped = scr_undo_buttons(app, "goals", x, y, w, h);
    if (tapped >= 0) undo_redo(app, tapped);
}

/* --- a goal as a note ------------------------------------------------------------------ */

/* A small glyph icon (Symbola), so the note says it in shapes as well as words. */
static int icon(ui_ctx *ui, const char *glyph, int x, int cy, float mm, uint32_t rgb)
{
    SDL_Point z = ui_text_size(ui, glyph, mm);
    ui_text(ui, glyph, x, cy - z.y / 2, mm, rgb, UI_LEFT, 0);
    return z.x + ui_mm(ui, CFG_GAP_SMALL_MM);
}

static void draw_goal(const scr_view *v, const core_goal *g, SDL_Rect r, int lifted)
{
    ui_ctx *ui = v->ui;
    int sh = lifted ? ui_mm(ui, CFG_LIFT_MM) : 3;
    ui_round(ui, ui_rect(r.x + sh, r.y + sh + 1, r.w, r.h), ui_mm(ui, CFG_RADIUS_NOTE_MM), lifted ? CFG_SHADOW_LIFTED : CFG_SHADOW);
    ui_card(ui, r, ui_mm(ui, CFG_RADIUS_FIELD_MM), UI_SURFACE, g->imposed ? UI_INK2 : CFG_QUIET_EDGE,
            g->imposed ? CFG_EDGE_PX : CFG_HAIRLINE_PX);
    int pad = ui_mm(ui, CFG_INSET_MM), row = ui_mm(ui, ICON_ROW_MM);
    ui_text_box(ui, g->text, ui_rect(r.x + pad, r.y + pad, r.w - 2 * pad, r.h - 2 * pad - row), GOAL_WORDS_MM, CFG_SMALL_MM,
                UI_INK, UI_LEFT);
    /* The icon row: alone or with the network (and which support), prospect or
     * precondition, imposed, and how far its actions are. */
    int x = r.x + pad, cy = r.y + r.h - pad - row / 2;
    float mm = ICON_TYPE_MM;
    x += icon(ui, g->needs_network ? "\xF0\x9F\x91\xA5" : "\xF0\x9F\x91\xA4", x, cy, mm, UI_ACCENT);
    if (g->needs_network)
        for (int i = 0; i < SUPPORT_KINDS; i++)
            if (g->support & (1 << i)) {
                static const char *const letters[SUPPORT_KINDS] = {"E", "I", "M", "Pr", "Pf"};
                int w = ui_text_size(ui, letters[i], CFG_SMALL_MM).x + ui_mm(ui, SUPPORT_ROOM_MM);
                ui_round(ui, ui_rect(x, cy - ui_mm(ui, CFG_TAG_MM / 2), w, ui_mm(ui, CFG_TAG_MM)), ui_mm(ui, CFG_TAG_MM / 2),
                         CFG_PICKED_FILL);
                ui_text(ui, letters[i], x + w / 2, cy - ui_text_size(ui, letters[i], CFG_SMALL_MM).y / 2,
                        CFG_SMALL_MM, UI_ACCENT, UI_CENTER, 0);
                x += w + ui_mm(ui, TAG_GAP_MM);
            }
    x += icon(ui, g->precondition ? "\xF0\x9F\x94\x91" : "\xE2\x98\x80", x, cy, mm, g->precondition ? UI_WARN : UI_EDGE_RIGHT);
    if (g->imposed) icon(ui, "\xF0\x9F\x94\x92", x, cy, mm, UI_INK);
    if (g->nactions) {
        char p[16];
        snprintf(p, sizeof p, "%d/%d", core_goal_done(g), g->nactions);
        int w = ui_text_size(ui, p, CFG_SMALL_MM).x;
        ui_text(ui, p, r.x + r.w - pad, cy - ui_text_size(ui, p, CFG_SMALL_MM).y / 2, CFG_SMALL_MM, UI_INK2, UI_RIGHT, 0);
        ui_check(ui, r.x + r.w - pad - w - ui_mm(ui, CFG_GAP_MM), cy, ui_mm(ui, DONE_CHECK_MM),
                 core_goal_done(g) == g->nactions ? UI_EDGE_MIDDLE : UI_INK2);
    }
}

/* --- the board ------------------------------------------------------------------------- */

enum { GOAL_EDGES_MAX = 64 }; /* goals whose edges are tried as places (more than a cell holds) */

static int rects_meet(SDL_Rect a, SDL_Rect b) { return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h; }

/* Where each goal's card is drawn (issue 18: no item covers another). At its place,
 * kept inside its own cell: where a goal stands is what it means, so it never leaves
 * its term and priority. One that would cover a goal placed before it (two dropped
 * on one spot, or a narrow screen) takes the free spot of its cell nearest to its
 * place; a cell too full for that steps them down and right by a third, so each
 * still shows its top and takes taps there. Oldest first: a new goal moves, not an old one. */
static void place_goals(const scr_model *m, SDL_Rect f, int nw, int nh, int gap, SDL_Rect *out)
{
    for (int i = 0; i < m->ngoals; i++) {
        const core_goal *gl = &m->goals[i];
        int term = core_goal_term(gl) == TERM_KORT ? 0 : 1, pri = (int)core_goal_priority(gl);
        SDL_Rect cell = {f.x + term * f.w / 2, f.y + pri * f.h / 3, f.w / 2, f.h / 3};
        int w = SDL_min(nw, cell.w), h = SDL_min(nh, cell.h);
        int cx = f.x + (int)(gl->x * f.w), cy = f.y + (int)(gl->y * f.h);
        SDL_Rect want = {SDL_clamp(cx - w / 2, cell.x, cell.x + cell.w - w), SDL_clamp(cy - h / 2, cell.y, cell.y + cell.h - h), w, h};
        SDL_Rect best = want;
        int taken = 0;
        for (int k = 0; k < i && !taken; k++) taken = rects_meet(want, out[k]);
        if (taken) {
            /* The free spot of the cell nearest to its place: a goal's edges can only
             * stop at the cell's edges or beside another goal, so those are the places
             * to try (a grid missed a gap exactly one card wide). */
            int xs[2 * GOAL_EDGES_MAX + 3], ys[2 * GOAL_EDGES_MAX + 3], nx = 0, ny = 0;
            xs[nx++] = want.x, xs[nx++] = cell.x, xs[nx++] = cell.x + cell.w - w;
            ys[ny++] = want.y, ys[ny++] = cell.y, ys[ny++] = cell.y + cell.h - h;
            for (int k = 0; k < i && k < GOAL_EDGES_MAX; k++) {
                xs[nx++] = out[k].x + out[k].w + gap, xs[nx++] = out[k].x - w - gap;
                ys[ny++] = out[k].y + out[k].h + gap, ys[ny++] = out[k].y - h - gap;
            }
            long best_d = -1;
            for (int a = 0; a < nx; a++)
                for (int b = 0; b < ny; b++) {
                    SDL_Rect c = {xs[a], ys[b], w, h};
                    if (c.x < cell.x || c.y < cell.y || c.x + w > cell.x + cell.w || c.y + h > cell.y + cell.h) continue;
                    int free = 1;
                    for (int k = 0; k < i && free; k++) free = !rects_meet(c, out[k]);
                    long d = (long)(c.x - want.x) * (c.x - want.x) + (long)(c.y - want.y) * (c.y - want.y);
                    if (free && (best_d < 0 || d < best_d)) best_d = d, best = c;
                }
            if (best_d < 0) { /* full: down and right of the last one it covers, by a third */
                for (int k = 0; k < i; k++)
                    if (rects_meet(best, out[k])) {
                        best.x = SDL_min(out[k].x + w / 3, cell.x + cell.w - w);
                        best.y = SDL_min(out[k].y + h / 3, cell.y + cell.h - h);
                    }
            }
        }
        out[i] = best;
    }
}

/* Where a new goal goes: the first place (middle row first, left to right) where it
 * covers no other goal, so every goal stays in reach of a finger. */
static void free_place(const scr_app *app, double *x, double *y)
{
    double fw = app->looks.goals.field_w > 0 ? app->looks.goals.field_w : 1000, fh = app->looks.goals.field_h > 0 ? app->looks.goals.field_h : 600;
    double nw = ui_mm(app->ui, NOTE_W_MM) / fw, nh = ui_mm(app->ui, NOTE_H_MM) / fh;
    static const double rows[] = {0.5, 1.0 / 6, 5.0 / 6};
    for (int r = 0; r < 3; r++)
        for (double cx = nw / 2 + 0.01; cx + nw / 2 <= 1.0; cx += nw * 1.08) {
            double cy = rows[r];
            int free = 1;
            for (int i = 0; i < app->m.ngoals && free; i++) {
                double ox = app->m.goals[i].x, oy = app->m.goals[i].y;
                free = ox + nw <= cx || cx + nw <= ox || oy + nh <= cy || cy + nh <= oy;
            }
            if (free) {
                *x = cx;
                *y = cy;
                return;
            }
        }
    *x = 0.25;
    *y = 0.5;
}

static void open_editor(scr_app *app, const core_goal *g)
{
    app->goals.editing = 1;
    app->goals.action = -1;
    app->goals.why = NULL;
    app->goals.date_for = 0;
    app->goals.cal_year = 0;
    if (g) app->goals.edit = *g;
    else {
        memset(&app->goals.edit, 0, sizeof app->goals.edit);
        free_place(app, &app->goals.edit.x, &app->goals.edit.y);
        ui_focus(app->ui, "goal.text");
        app->ui->osk_away = 0;
    }
}

void scr_goals_board(const scr_view *v, SDL_Rect r)
{
    ui_ctx *ui = v->ui;
    scr_app *app = v->app; /* NULL in a picture: the field only, nothing to tap */
    if (app && scr_stale(app, app->goals.stale)) scr_goals_load(app);
    ui_card(ui, r, ui_mm(ui, CFG_RADIUS_SHEET_MM), UI_SURFACE, UI_HAIRLINE, CFG_HAIRLINE_PX);
    int pad = ui_mm(ui, CFG_GAP_WIDE_MM), t = ui_mm(ui, CFG_BUTTON_MM), g = ui_mm(ui, CFG_GAP_TIGHT_MM);
    /* Who is at the screen: an imposed goal is for a professional to change. */
    int x = r.x + pad, y = r.y + pad;
    if (app) { /* a picture shows the field only */
        const char *lead = T("goals.actor");
        ui_text(ui, lead, x, y + (t - ui_text_size(ui, lead, CFG_BODY_MM).y) / 2, CFG_BODY_MM, UI_INK2, UI_LEFT, 0);
        x += ui_text_size(ui, lead, CFG_BODY_MM).x + ui_mm(ui, CFG_GAP_MM);
        int add_w = ui_mm(ui, CFG_BUTTON_W_MM), x0 = x, y0 = y, right = r.x + r.w - pad - add_w - g;
        /* Everyone, in as many rows as it takes (beside + Doel first, then the full width). */
        for (int i = 0; i < v->m->nmparts; i++) {
            const core_participant *p = &v->m->mparts[i];
            int w = ui_text_size(ui, p->name, CFG_BODY_MM).x + ui_mm(ui, ACTOR_ROOM_MM);
            if (x > x0 && x + w > right) {
                x = x0;
                y += t + g;
                right = r.x + r.w - pad;
            }
            if (w > right - x0) w = right - x0;
            char id[40];
            snprintf(id, sizeof id, "goals.actor.%lld", (long long)p->id);
            if (ui_toggle(ui, id, ui_rect(x, y, w, t), p->name, app->goals.actor == p->id, p->colour))
                app->goals.actor = app->goals.actor == p->id ? 0 : p->id;
            x += w + g;
        }
        if (ui_button(ui, "goal.add", ui_rect(r.x + r.w - pad - add_w, y0, add_w, t), T("goals.add"), UI_PRIMARY)) {
            /* Asked before anyone types: a full board says so at once. */
            static core_goal probe;
            core_op op = {.kind = OP_GOAL_PUT, .goal = &probe, .actor = app->goals.actor};
            if (scr_check(app, &op) == STORE_OK) open_editor(app, NULL);
        }
        y += t + ui_mm(ui, CFG_GAP_MM);
    }

    /* The field: rows by priority, short term left, long term right. */
    int label_w = ui_mm(ui, ROW_LABEL_W_MM), head = ui_mm(ui, FIELD_HEAD_MM);
    SDL_Rect f = {r.x + pad + label_w, y + head, r.w - 2 * pad - label_w, r.y + r.h - pad - y - head};
    static const char *const rows[3] = {N_("goals.hoog"), N_("goals.midden"), N_("goals.laag")};
    static const char *const marks[3] = {"!!!", "!!", "!"};
    for (int k = 0; k < 3; k++) {
        SDL_Rect b = {f.x, f.y + k * f.h / 3, f.w, f.h / 3 - (k < 2 ? 2 : 0)};
        ui_fill(ui, b, bands[k]);
        ui_text(ui, marks[k], r.x + pad + label_w / 2, b.y + b.h / 2 - ui_mm(ui, CFG_LABEL_MM), CFG_SYMBOL_MM, UI_WARN, UI_CENTER, 0);
        ui_text_fit(ui, T(rows[k]), ui_rect(r.x + pad, b.y + b.h / 2 + ui_mm(ui, CFG_NUDGE_MM), label_w - g,
                                            ui_mm(ui, CFG_LABEL_MM)), CFG_BODY_MM, CFG_SMALL_MM, UI_INK, UI_CENTER);
    }
    ui_fill(ui, ui_rect(f.x + f.w / 2 - 1, f.y, 3, f.h), UI_SURFACE);
    ui_text(ui, T("goals.kort"), f.x + ui_mm(ui, CFG_INSET_MM), y, CFG_BODY_MM, UI_INK, UI_LEFT, 0);
    ui_text(ui, T("goals.lang"), f.x + f.w - ui_mm(ui, CFG_INSET_MM), y, CFG_BODY_MM, UI_INK, UI_RIGHT, 0);
    float ay = (float)(y + head / 2 - 2), aw = (float)ui_mm(ui, CFG_STROKE_MM), ah = (float)ui_mm(ui, ARROW_HEAD_MM);
    ui_line(ui, f.x + f.w * 0.3f, ay, f.x + f.w * 0.7f, ay, aw, UI_INK2);
    ui_line(ui, f.x + f.w * 0.7f + aw / 2, ay, f.x + f.w * 0.7f - ah, ay - ah, aw, UI_INK2);
    ui_line(ui, f.x + f.w * 0.7f + aw / 2, ay, f.x + f.w * 0.7f - ah, ay + ah, aw, UI_INK2);
    /* Six cells a script (or a test) can name: goals.cell.<kort|lang>.<hoog|midden|laag>. */
    for (int k = 0; k < 6; k++) {
        char id[40];
        snprintf(id, sizeof id, "goals.cell.%s.%s", core_term_word((core_term)(k % 2)), core_priority_word((core_priority)(k / 2)));
        ui_area(ui, id, ui_rect(f.x + (k % 2) * f.w / 2, f.y + (k / 2) * f.h / 3, f.w / 2, f.h / 3), "", UI_G_CLICK);
    }
    v->looks->goals.field_w = f.w;
    v->looks->goals.field_h = f.h;
    if (!v->m->ngoals)
        ui_text(ui, T("goals.empty"), f.x + f.w / 2, f.y + f.h / 2 - ui_mm(ui, EMPTY_UP_MM), CFG_BODY_MM, UI_INK2, UI_CENTER, f.w * 2 / 3);

    place_goals(v->m, f, ui_mm(ui, NOTE_W_MM), ui_mm(ui, NOTE_H_MM), ui_mm(ui, CFG_GAP_MM), v->looks->goals.rect);
    for (int i = 0; i < v->m->ngoals; i++) {
        const core_goal *gl = &v->m->goals[i];
        SDL_Rect n = v->looks->goals.rect[i];
        char id[40];
        snprintf(id, sizeof id, "goal.%lld", (long long)gl->id);
        float dx, dy;
        int dragging = ui_dragging(ui, id, &dx, &dy);
        if (dragging) {
            v->looks->goals.lift_dx[i] = dx;
            v->looks->goals.lift_dy[i] = dy;
            ui_round(ui, n, ui_mm(ui, CFG_RADIUS_FIELD_MM), CFG_HOLE_GOAL);
        } else {
            draw_goal(v, gl, n, 0);
        }
        char label[CORE_TEXT_BYTES(CORE_LONG_MAX) + 40];
        snprintf(label, sizeof label, "%s", gl->text);
        int tapped = ui_area(ui, id, n, label, UI_G_CLICK);
        float ex, ey;
        if (!app) {
        } else if (ui_take_at(ui, id, UI_G_DRAG_END, &ex, &ey)) {
            /* Let go: its place is what it means. Outside the field it goes back. */
            if (ex >= f.x && ex < f.x + f.w && ey >= f.y && ey < f.y + f.h) {
                core_goal moved = *gl;
                moved.x = (double)(ex - f.x) / f.w;
                moved.y = (double)(ey - f.y) / f.h;
                if (act(app, gl, &moved)) {
                    char msg[160];
                    snprintf(msg, sizeof msg, T("goals.moved"), core_goal_term(&moved) == TERM_KORT ? T("goals.kort") : T("goals.lang"),
                             T(rows[core_goal_priority(&moved)]));
                    scr_say(app, msg, 0);
                }
            } else scr_say(app, T("goals.outside"), 0);
        } else if (tapped) {
            open_editor(app, gl);
        }
    }
    if (!app || !app->skip_lifted) draw_lifted(v);
}

/* The goals being dragged, on top, under their fingers. */
static void draw_lifted(const scr_view *v)
{
    ui_ctx *ui = v->ui;
    if (!ui_dragging_any(ui, "goal.", NULL, 0)) return;
    for (int i = 0; i < v->m->ngoals; i++) {
        char id[40];
        snprintf(id, sizeof id, "goal.%lld", (long long)v->m->goals[i].id);
        float dx, dy;
        if (!ui_dragging(ui, id, &dx, &dy)) continue;
        SDL_Rect n = v->looks->goals.rect[i];
        n.x += (int)dx;
        n.y += (int)dy;
        draw_goal(v, &v->m->goals[i], n, 1);
    }
}

void scr_goals_draw_lifted(scr_app *app)
{
    scr_view v = scr_view_of(app);
    draw_lifted(&v);
}

/* --- the goal editor ------------------------------------------------------------------ */

static void people_toggles(scr_app *app, SDL_Rect r, const char *prefix, int64_t *chosen)
{
    ui_ctx *ui = app->ui;
    int t = ui_mm(ui, CFG_TARGET_MM), g = ui_mm(ui, CFG_GAP_TIGHT_MM), x = r.x, y = r.y;
    for (int i = 0; i < app->m.npeople; i++) {
        const core_person *p = &app->m.people[i];
        int w = ui_text_size(ui, p->name, CFG_BODY_MM).x + ui_mm(ui, PERSON_ROOM_MM);
        if (x + w > r.x + r.w) {
            x = r.x;
            y += t + g;
        }
        if (y + t > r.y + r.h) break;
        char id[48];
        snprintf(id, sizeof id, "%s.%lld", prefix, (long long)p->id);
        if (ui_toggle(ui, id, ui_rect(x, y, w, t), p->name, *chosen == p->id, 0)) *chosen = *chosen == p->id ? 0 : p->id;
        x += w + g;
    }
}

static void date_line(scr_app *app, const char *label, const char *date, int x, int y)
{
    char line[80];
    snprintf(line, sizeof line, "%s %s", label, date[0] ? date : T("goals.no_date"));
    ui_text(app->ui, line, x, y, CFG_BODY_MM, UI_INK, UI_LEFT, 0);
}

static void action_editor(scr_app *app)
{
    ui_ctx *ui = app->ui;
    SDL_Rect card = scr_modal(app, "action.modal", ui_mm(ui, ACTION_INSET_W_MM), ui_mm(ui, ACTION_INSET_H_MM));
    int t = scr_target(app), g = ui_mm(ui, CFG_GAP_MM), m = ui_mm(ui, CFG_PAD_MM), cw = card.w, ch = card.h;
    core_action *a = &app->goals.act;
    int x = card.x + m, y = card.y + m, colw = (cw - 3 * m) / 2;
    ui_text(ui, T("goals.action_title"), x, y, CFG_HEADING_MM, UI_INK, UI_LEFT, 0);
    y += ui_mm(ui, CFG_SHEET_TITLE_MM);
    ui_field(ui, "action.what", ui_rect(x, y, colw, t), a->what, sizeof a->what, CORE_NOTE_MAX, T("goals.action_what"));
    y += t + g;
    ui_text(ui, T("plan.who"), x, y, CFG_BODY_MM, UI_INK2, UI_LEFT, 0);
    y += ui_mm(ui, CFG_LABEL_MM);
    people_toggles(app, ui_rect(x, y, colw, ui_mm(ui, WHO_H_MM)), "action.who", &a->who);
    y += ui_mm(ui, WHO_H_MM + CFG_GAP_TIGHT_MM);
    ui_field(ui, "action.progress", ui_rect(x, y, colw, t), a->progress, sizeof a->progress, CORE_NOTE_MAX, T("goals.progress"));
    y += t + g;
    ui_field(ui, "action.next", ui_rect(x, y, colw, t), a->next, sizeof a->next, CORE_NOTE_MAX, T("goals.next"));
    y += t + g;
    if (ui_toggle(ui, "action.done", ui_rect(x, y, colw, t), T("goals.done"), a->done, UI_EDGE_MIDDLE)) a->done = !a->done;

    int rx = x + colw + m, ry = card.y + m + ui_mm(ui, CFG_SHEET_TITLE_MM), hw = (colw - g) / 2;
    if (ui_toggle(ui, "action.from", ui_rect(rx, ry, hw, t), T("goals.from"), app->goals.date_for == 1, 0)) app->goals.date_for = 1;
    if (ui_toggle(ui, "action.to", ui_rect(rx + hw + g, ry, hw, t), T("goals.to"), app->goals.date_for != 1, 0)) app->goals.date_for = 2;
    ry += t + g;
    date_line(app, T("goals.from"), a->from, rx, ry);
    date_line(app, T("goals.to"), a->to, rx + hw + g, ry);
    ry += ui_mm(ui, CFG_LINE_MM);
    scr_calendar(app, "action", ui_rect(rx, ry, colw, ui_mm(ui, ACTION_CAL_MM)), app->goals.date_for == 1 ? a->from : a->to,
                 &app->goals.cal_year, &app->goals.cal_month);
    int bw = ui_mm(ui, CFG_BUTTON_W_MM), by = card.y + ch - m - t;
    int save = ui_button(ui, "action.save", ui_rect(card.x + cw - m - bw, by, bw, t), T("note.save"), UI_PRIMARY);
    ui_keep_focus(ui);
    core_goal *e = &app->goals.edit;
    if (save) {
        if (!a->what[0]) scr_say(app, T("goals.action_empty"), 1);
        else {
            if (app->goals.action >= e->nactions && e->nactions < CORE_ACTIONS_MAX) e->actions[e->nactions++] = *a;
            else if (app->goals.action < e->nactions) e->actions[app->goals.action] = *a;
            app->goals.action = -1;
            ui_focus(ui, "");
        }
    }
    if (ui_button(ui, "action.cancel", ui_rect(card.x + cw - m - 2 * bw - g, by, bw, t), T("common.cancel"), UI_SECONDARY)) {
        app->goals.action = -1;
        ui_focus(ui, "");
    }
    if (app->goals.action < e->nactions &&
        ui_button(ui, "action.delete", ui_rect(card.x + m, by, bw, t), T("note.delete"), UI_DANGER_BTN)) {
        memmove(&e->actions[app->goals.action], &e->actions[app->goals.action + 1],
                (size_t)(e->nactions - app->goals.action - 1) * sizeof e->actions[0]);
        e->nactions--;
        app->goals.action = -1;
    }
}

static void goal_editor(scr_app *app)
{
    ui_ctx *ui = app->ui;
    SDL_Rect card = scr_modal(app, "goal.modal", ui_mm(ui, GOAL_INSET_W_MM), ui_mm(ui, GOAL_INSET_H_MM));
    if (scr_stale(app, app->plan.stale)) scr_plan_load(app); /* people and decisions, read once, not every frame */
    int t = scr_target(app), g = ui_mm(ui, CFG_GAP_MM), m = ui_mm(ui, CFG_PAD_MM), cw = card.w, ch = card.h;
    core_goal *e = &app->goals.edit;
    const core_goal *before = e->id ? find(app, e->id) : NULL;
    int x = card.x + m, y = card.y + m, colw = (cw - 3 * m) / 2;
    ui_text(ui, e->id ? T("goals.edit_title") : T("goals.new_title"), x, y, CFG_HEADING_MM, UI_INK, UI_LEFT, 0);
    y += ui_mm(ui, CFG_SHEET_TITLE_MM);
    ui_textarea(ui, "goal.text", ui_rect(x, y, colw, ui_mm(ui, GOAL_TEXT_H_MM)), e->text, sizeof e->text, CORE_LONG_MAX,
                T("goals.text_hint"), CFG_BODY_MM, UI_SURFACE);
    y += ui_mm(ui, GOAL_TEXT_H_MM) + g;
    int hw = (colw - g) / 2;
    if (ui_toggle(ui, "goal.alone", ui_rect(x, y, hw, t), T("goals.alone"), !e->needs_network, 0)) e->needs_network = 0;
    if (ui_toggle(ui, "goal.network", ui_rect(x + hw + g, y, hw, t), T("goals.network"), e->needs_network, 0)) e->needs_network = 1;
    y += t + g;
    if (e->needs_network) {
        static const char *const keys[SUPPORT_KINDS] = {N_("goals.emotioneel"), N_("goals.informatief"), N_("goals.materieel"),
                                                        N_("goals.praktisch"), N_("goals.professioneel")};
        int sw = (colw - 4 * g / 2) / 5;
        for (int i = 0; i < SUPPORT_KINDS; i++) {
            char id[40];
            snprintf(id, sizeof id, "goal.support.%s", core_support_word(i));
            if (ui_toggle(ui, id, ui_rect(x + i * (sw + g / 2), y, sw, t), T(keys[i]), (e->support >> i) & 1, 0))
                e->support ^= 1 << i;
        }
        y += t + g;
    }
    if (ui_toggle(ui, "goal.prospect", ui_rect(x, y, hw, t), T("goals.prospect"), !e->precondition, 0)) e->precondition = 0;
    if (ui_toggle(ui, "goal.precondition", ui_rect(x + hw + g, y, hw, t), T("goals.precondition"), e->precondition, 0))
        e->precondition = 1;
    y += t + g;
    if (ui_toggle(ui, "goal.imposed", ui_rect(x, y, colw, t), T("goals.imposed"), e->imposed, UI_INK)) {
        core_goal want = *e;
        want.imposed = !e->imposed;
        core_op op = {.kind = OP_GOAL_PUT, .goal = &want, .actor = app->goals.actor};
        if (scr_check(app, &op) != STORE_OK) app->goals.why = refusal(app);
        else e->imposed = want.imposed;
    }
    y += t + g;
    ui_text(ui, T("goals.owner"), x, y, CFG_BODY_MM, UI_INK2, UI_LEFT, 0);
    y += ui_mm(ui, CFG_LABEL_MM);
    people_toggles(app, ui_rect(x, y, colw, card.y + ch - y - t - 2 * m), "goal.owner", &e->owner);

    /* Right: the actions, the evaluation date, the decisions that serve it. */
    int rx = x + colw + m, ry = card.y + m + ui_mm(ui, CFG_SHEET_TITLE_MM);
    ui_text(ui, T("goals.actions"), rx, ry, CFG_BODY_MM, UI_INK2, UI_LEFT, 0);
    int aw = ui_mm(ui, CFG_BUTTON_W_SHORT_MM);
    if (e->nactions < CORE_ACTIONS_MAX &&
        ui_button(ui, "goal.action.add", ui_rect(rx + colw - aw, ry - ui_mm(ui, CFG_RAISE_MM), aw, t), T("goals.action_add"),
                  UI_SECONDARY)) {
        app->goals.action = e->nactions;
        memset(&app->goals.act, 0, sizeof app->goals.act);
        app->goals.date_for = 1;
        app->goals.cal_year = 0;
        ui_focus(ui, "action.what");
        ui->osk_away = 0;
    }
    ry += t + g;
    for (int i = 0; i < e->nactions; i++) {
        const core_action *a = &e->actions[i];
        char id[40], line[CORE_TEXT_BYTES(CORE_NOTE_MAX) + 64];
        snprintf(id, sizeof id, "goal.action.%d", i);
        snprintf(line, sizeof line, "%s%s%s", a->what, a->to[0] ? " \xC2\xB7 " : "", a->to);
        SDL_Rect ar = {rx, ry, colw, ui_mm(ui, ACTION_ROW_MM)};
        ui_card(ui, ar, ui_mm(ui, CFG_RADIUS_MM), a->done ? CFG_DONE_FILL : UI_BG, UI_HAIRLINE, CFG_HAIRLINE_PX);
        if (a->done) ui_check(ui, ar.x + ui_mm(ui, CFG_CHECK_MM), ar.y + ar.h / 2, ui_mm(ui, CFG_CHECK_MM), UI_EDGE_MIDDLE);
        ui_text_fit(ui, line, ui_rect(ar.x + ui_mm(ui, CFG_CHECK_MM * 2), ar.y, ar.w - ui_mm(ui, CFG_CHECK_MM * 2 + CFG_INSET_MM), ar.h),
                    CFG_BODY_MM, CFG_SMALL_MM, UI_INK, UI_LEFT);
        if (ui_area(ui, id, ar, a->what, UI_G_CLICK)) {
            app->goals.action = i;
            app->goals.act = *a;
            app->goals.date_for = 2;
            app->goals.cal_year = 0;
        }
        ry += ar.h + g / 2;
    }
    ry += g;
    date_line(app, T("goals.evaluation"), e->evaluation, rx, ry);
    ry += ui_mm(ui, CFG_LINE_MM);
    int cal_h = ui_mm(ui, EVAL_CAL_MM);
    if (app->goals.action < 0)
        scr_calendar(app, "goal.eval", ui_rect(rx, ry, colw, cal_h), e->evaluation, &app->goals.cal_year, &app->goals.cal_month);
    ry += cal_h + g;
    int linked = 0;
    for (int i = 0; i < app->m.ndec; i++) {
        const core_decision *d = &app->m.dec[i];
        if (!d->final || !e->id || d->goal != e->id || ry > card.y + ch - t - 2 * m) continue;
        if (!linked++) {
            ui_text(ui, T("goals.decisions"), rx, ry, CFG_BODY_MM, UI_INK2, UI_LEFT, 0);
            ry += ui_mm(ui, CFG_LABEL_MM);
        }
        ry += ui_text(ui, d->what, rx + ui_mm(ui, DECISION_INDENT_MM), ry, CFG_SMALL_MM, UI_INK, UI_LEFT,
                      colw - ui_mm(ui, DECISION_INDENT_MM)).y + g / 2;
    }

    int bw = ui_mm(ui, CFG_BUTTON_W_MM), by = card.y + ch - m - t;
    if (app->goals.why) ui_text(ui, app->goals.why, x, by - ui_mm(ui, CFG_LINE_MM), CFG_BODY_MM, UI_DANGER, UI_LEFT, cw - 2 * m);
    if (e->imposed) icon(ui, "\xF0\x9F\x94\x92", x + colw - ui_mm(ui, LOCK_X_MM), card.y + m + ui_mm(ui, LOCK_DOWN_MM),
                         CFG_SYMBOL_MM, UI_INK);
    if (ui_button(ui, "goal.save", ui_rect(card.x + cw - m - bw, by, bw, t), T("note.save"), UI_PRIMARY)) {
        if (!e->text[0]) app->goals.why = T("goals.text_empty");
        else if (act(app, before, e)) {
            app->goals.editing = 0;
            ui_focus(ui, "");
        }
    }
    if (ui_button(ui, "goal.cancel", ui_rect(card.x + cw - m - 2 * bw - g, by, bw, t), T("common.cancel"), UI_SECONDARY)) {
        app->goals.editing = 0;
        ui_focus(ui, "");
    }
    if (before && ui_button(ui, "goal.delete", ui_rect(rx, by, bw, t), T("note.delete"), UI_DANGER_BTN) && act(app, before, NULL)) {
        app->goals.editing = 0;
        ui_focus(ui, "");
        scr_say(app, T("goals.deleted"), 0);
    }
}

int scr_goals_modals(scr_app *app)
{
    if (!app->goals.editing) return 0;
    goal_editor(app);
    if (app->goals.action >= 0) action_editor(app);
    return 1;
}
