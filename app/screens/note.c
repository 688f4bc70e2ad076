/* note: a post-it drawn, written and shown whole. The editor writes one by
 * keyboard or draws it with a finger, with a caption; a long-press on a note
 * opens it here to change or delete. */
#include "screens.h"

#include <stdio.h>
#include <string.h>

#define EDITOR_W_MM 170.0f
#define EDITOR_H_MM 105.0f
#define EDITOR_EDGE_MM 3.0f  /* its column's colour along the top */
#define SIDE_W_MM 56.0f      /* the buttons beside it */
#define HINT_UP_MM 3.0f      /* "draw here", centred on its line */
#define VIEWER_H_MM 125.0f   /* a note shown whole */
#define VIEWER_TOP_MM 20.0f
#define VIEWER_AVATAR_MM 5.0f /* its writer's initial, radius */
#define PEN_MM 1.4f

/* One post-it: its words fitted, or its drawing with the caption underneath; foot
 * px at its bottom stay free for the writer's initial (it never covers a word). */
void scr_note_draw(ui_ctx *ui, ui_ink *ink, const core_note *n, SDL_Rect r, float mm, float min_mm, uint32_t fill, uint32_t edge,
                   int foot)
{
    ui_round(ui, r, ui_mm(ui, CFG_RADIUS_NOTE_MM), fill);
    ui_fill(ui, ui_rect(r.x, r.y, r.w, ui_mm(ui, CFG_COLOUR_EDGE_MM)), edge);
    int pad = ui_mm(ui, CFG_PAD_NOTE_MM * (mm / CFG_NOTE_MM < 1 ? mm / CFG_NOTE_MM : 1));
    SDL_Rect in = {r.x + pad, r.y + pad + ui_mm(ui, CFG_NUDGE_MM), r.w - 2 * pad, r.h - 2 * pad - ui_mm(ui, CFG_NUDGE_MM)};
    if (foot > pad) in.h -= foot - pad;
    if (n->ink_len && ink_decode(ink, n->ink, n->ink_len) == 0) {
        int cap_h = n->text[0] ? in.h / 4 : 0;
        SDL_Rect drawing = {in.x, in.y, in.w, in.h - cap_h};
        ui_ink_draw(ui, ink, drawing, PEN_MM * (float)r.w / (float)ui_mm(ui, EDITOR_W_MM), UI_INK);
        if (cap_h) ui_text_fit(ui, n->text, ui_rect(in.x, in.y + in.h - cap_h, in.w, cap_h), mm * 0.8f, min_mm * 0.8f, UI_INK, UI_CENTER);
    } else {
        ui_text_box(ui, n->text, in, mm, min_mm, UI_INK, UI_CENTER);
    }
}

static void open_editor(scr_app *app, const core_note *n)
{
    app->note.open = 1;
    app->note.id = n ? n->id : 0;
    snprintf(app->note.text, sizeof app->note.text, "%s", n ? n->text : "");
    ink_clear(&app->note.ink);
    if (n && n->ink_len) ink_decode(&app->note.ink, n->ink, n->ink_len);
    app->note.draw = n && n->ink_len;
    app->note_view = 0;
    ui_focus(app->ui, app->note.draw ? "" : "note.text");
    app->ui->osk_away = 0;
}

void scr_note_new(scr_app *app, int64_t author, int col, int prompt)
{
    open_editor(app, NULL);
    app->note.author = author;
    app->note.col = col;
    app->note.prompt = prompt;
}

void scr_note_edit(scr_app *app, const core_note *n)
{
    open_editor(app, n);
    app->note.author = n->author;
    app->note.col = n->at.col;
    app->note.prompt = n->at.prompt;
}

static void close_editor(scr_app *app)
{
    app->note.open = 0;
    ui_focus(app->ui, "");
}

static void save(scr_app *app)
{
    static uint8_t blob[4 + INK_MAX_STROKES * 2 + INK_MAX_POINTS * 4];
    _Static_assert(sizeof blob <= CORE_INK_MAX, "core's ink limit holds every drawing the pen makes");
    size_t len = ink_encode(&app->note.ink, blob, sizeof blob);
    char clean[CORE_TEXT_BYTES(CORE_NOTE_MAX)];
    if (core_note_check(app->note.text, len, clean, sizeof clean) != CORE_OK) {
        scr_say(app, T("note.empty"), 1);
        return;
    }
    store_status r = app->note.id
        ? scr_do(app, &(core_op){.kind = OP_NOTE_EDIT, .id = app->note.id, .text = app->note.text, .ink = blob, .ink_len = len},
                 NULL)
        : scr_dl_note_add(app, app->note.author, app->note.col, app->note.prompt, app->note.text, blob, len);
    if (r != STORE_OK) return; /* said; the editor stays open: nothing typed is lost */
    if (!app->note.id && app->note.author) scr_say(app, T("note.held"), 0);
    close_editor(app);
    app->notes_stale = SCR_STALE_SAVED;
}

static void editor(scr_app *app)
{
    ui_ctx *ui = app->ui;
    ui_block(ui, "note.modal");
    uint32_t fill = scr_dl_fill(&app->dl_layout, app->note.col), edge = scr_dl_edge(&app->dl_layout, app->note.col);
    int t = scr_target(app), g = ui_mm(ui, CFG_GAP_WIDE_MM);
    int cw = ui_mm(ui, EDITOR_W_MM), ch = ui_mm(ui, EDITOR_H_MM), side = ui_mm(ui, SIDE_W_MM);
    int x = (ui->w - cw - g - side) / 2, y = ui_mm(ui, CFG_SHEET_TOP_MM);
    SDL_Rect card = ui_rect(x, y, cw, ch);
    ui_round(ui, ui_rect(card.x + 4, card.y + 6, card.w, card.h), ui_mm(ui, CFG_RADIUS_MM), CFG_SHADOW_MODAL);
    ui_round(ui, card, ui_mm(ui, CFG_RADIUS_MM), fill);
    ui_fill(ui, ui_rect(card.x, card.y, card.w, ui_mm(ui, EDITOR_EDGE_MM)), edge);
    int pad = ui_mm(ui, CFG_PAD_MM);
    SDL_Rect in = {card.x + pad, card.y + pad + ui_mm(ui, CFG_INSET_MM), card.w - 2 * pad, card.h - 2 * pad - ui_mm(ui, CFG_INSET_MM)};
    if (app->note.draw) {
        ui_ink_canvas(ui, "note.canvas", in, &app->note.ink, PEN_MM, UI_INK);
        if (app->note.ink.nstrokes == 0)
            ui_text(ui, T("note.draw_hint"), in.x + in.w / 2, in.y + in.h / 2 - ui_mm(ui, HINT_UP_MM), CFG_BODY_MM, UI_INK2,
                    UI_CENTER, in.w);
        ui_field(ui, "note.caption", ui_rect(card.x, card.y + card.h + g, cw, t), app->note.text, sizeof app->note.text,
                 CORE_NOTE_MAX, T("note.caption"));
    } else {
        /* Written as large as the note on the wall will show it from across the room. */
        ui_textarea(ui, "note.text", in, app->note.text, sizeof app->note.text, CORE_NOTE_MAX, T("note.placeholder"),
                    CFG_TITLE_MM, fill);
    }

    /* Beside the note: how to write it, undo, and the way out. */
    int bx = card.x + cw + g, by = y;
    if (ui_toggle(ui, "note.mode.type", ui_rect(bx, by, side, t), T("note.type"), !app->note.draw, 0) && app->note.draw) {
        app->note.draw = 0;
        ui_focus(ui, "note.text");
        ui->osk_away = 0;
    }
    by += t + g / 2;
    if (ui_toggle(ui, "note.mode.draw", ui_rect(bx, by, side, t), T("note.draw"), app->note.draw, 0) && !app->note.draw) {
        app->note.draw = 1;
        ui_focus(ui, "");
    }
    by += t + 2 * g;
    int undo = ui_button(ui, "note.undo", ui_rect(bx, by, side, t), T("note.undo"), UI_SECONDARY);
    ui_keep_focus(ui); /* undo works on the words being typed */
    if (undo) {
        if (app->note.draw) ink_undo(&app->note.ink);
        else ui->edit.undo_req = 1;
    }
    if (app->note.id) { /* an existing note can go; undo on the board brings it back */
        by += t + g / 2;
        if (ui_button(ui, "note.delete", ui_rect(bx, by, side, t), T("note.delete"), UI_DANGER_BTN)) {
            int64_t id = app->note.id;
            close_editor(app);
            scr_dl_delete(app, id);
            return;
        }
    }
    by = y + ch - 2 * t - g / 2;
    if (ui_button(ui, "note.save", ui_rect(bx, by, side, t), T("note.save"), UI_PRIMARY)) save(app);
    if (ui_button(ui, "note.cancel", ui_rect(bx, by + t + g / 2, side, t), T("common.cancel"), UI_SECONDARY)) close_editor(app);
}

/* The note whole: all its words, large, or its drawing at full size. */
static void viewer(scr_app *app)
{
    ui_ctx *ui = app->ui;
    const core_note *n = scr_note(&app->m, app->note_view);
    if (!n || n->at.deleted) {
        app->note_view = 0;
        return;
    }
    ui_block(ui, "note.view");
    int cw = ui_mm(ui, EDITOR_W_MM), ch = ui_mm(ui, VIEWER_H_MM), t = scr_target(app), g = ui_mm(ui, CFG_GAP_WIDE_MM);
    SDL_Rect card = ui_rect((ui->w - cw) / 2, ui_mm(ui, VIEWER_TOP_MM), cw, ch);
    const core_participant *p = scr_participant(&app->m, n->author);
    int rad = ui_mm(ui, VIEWER_AVATAR_MM);
    scr_note_draw(app->ui, &app->looks.ink, n, card, CFG_TITLE_MM, CFG_BODY_MM, scr_dl_fill(&app->dl_layout, n->at.col),
                  scr_dl_edge(&app->dl_layout, n->at.col), p ? 2 * rad + g : 0);
    if (p) {
        scr_avatar(app->ui, card.x + card.w - rad - g, card.y + card.h - rad - g, rad, p->colour, p->name);
    }
    int bw = ui_mm(ui, CFG_BUTTON_W_BIG_MM), by = card.y + ch + 2 * g;
    if (ui_button(ui, "note.edit", ui_rect(ui->w / 2 - bw - g / 2, by, bw, t), T("note.edit"), UI_SECONDARY)) scr_note_edit(app, n);
    if (ui_button(ui, "note.close", ui_rect(ui->w / 2 + g / 2, by, bw, t), T("note.close"), UI_PRIMARY)) app->note_view = 0;
}

int scr_note_modals(scr_app *app)
{
    if (app->note.open) editor(app);
    else if (app->note_view) viewer(app);
    return app->note.open || app->note_view;
}
