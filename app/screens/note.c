/* note: post-its. The wall shows a board's notes with their text fitted to the
 * card (6 mm down to 4 mm, then an ellipsis); a tap shows a note whole. The
 * editor writes one by keyboard or draws it with a finger, with a caption. */
#include "screens.h"

#include <stdio.h>
#include <string.h>

/* The Drieluik's left column: pale blue with a darker edge and a cloud. */
#define NOTE_FILL UI_NOTE_LEFT
#define NOTE_EDGE UI_EDGE_LEFT
#define EDITOR_W_MM 170.0f
#define PEN_MM 1.4f

static void reload(scr_app *app, const char *board)
{
    core_notes_free(app->notes, app->nnotes);
    store_status r = store_notes(app->st, app->meeting.id, board, app->notes, SCR_NOTES_MAX, &app->nnotes);
    if (r != STORE_OK) scr_store_failed(app, r);
    app->notes_stale = 0;
}

static const core_note *find(const scr_app *app, int64_t id)
{
    for (int i = 0; i < app->nnotes; i++)
        if (app->notes[i].id == id) return &app->notes[i];
    return NULL;
}

/* A cloud, so the column is known by shape as well as by colour. */
static void cloud(scr_app *app, int x, int y, int size, uint32_t rgb)
{
    ui_ctx *ui = app->ui;
    float s = (float)size;
    ui_round(ui, ui_rect(x, y + (int)(s * 0.48f), size, (int)(s * 0.36f)), (int)(s * 0.18f), rgb);
    ui_circle(ui, x + (int)(s * 0.30f), y + (int)(s * 0.52f), (int)(s * 0.20f), rgb);
    ui_circle(ui, x + (int)(s * 0.56f), y + (int)(s * 0.40f), (int)(s * 0.27f), rgb);
    ui_circle(ui, x + (int)(s * 0.78f), y + (int)(s * 0.57f), (int)(s * 0.17f), rgb);
}

/* One post-it: its words fitted, or its drawing with the caption underneath. */
static void draw_note(scr_app *app, const core_note *n, SDL_Rect r, float mm, float min_mm)
{
    ui_ctx *ui = app->ui;
    ui_round(ui, ui_rect(r.x + 3, r.y + 4, r.w, r.h), ui_mm(ui, 1), 0xDDD7CA); /* a soft shadow */
    ui_round(ui, r, ui_mm(ui, 1), NOTE_FILL);
    ui_fill(ui, ui_rect(r.x, r.y, r.w, ui_mm(ui, 1.5f)), NOTE_EDGE);
    int pad = ui_mm(ui, 2.5f);
    SDL_Rect in = {r.x + pad, r.y + pad + ui_mm(ui, 1), r.w - 2 * pad, r.h - 2 * pad - ui_mm(ui, 1)};
    if (n->ink_len && ink_decode(&app->scratch_ink, n->ink, n->ink_len) == 0) {
        int cap_h = n->text[0] ? in.h / 4 : 0;
        SDL_Rect drawing = {in.x, in.y, in.w, in.h - cap_h};
        ui_ink_draw(ui, &app->scratch_ink, drawing, PEN_MM * (float)r.w / (float)ui_mm(ui, EDITOR_W_MM), UI_INK);
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

void scr_notes_wall(scr_app *app, SDL_Rect r, const char *board)
{
    ui_ctx *ui = app->ui;
    if (app->notes_stale) reload(app, board);
    int m = ui_mm(ui, 6), t = scr_target(app);
    int icon = ui_mm(ui, 13);
    cloud(app, r.x + m, r.y + m, icon, NOTE_EDGE);
    int tx = r.x + m + icon + ui_mm(ui, 4);
    SDL_Point p = ui_text(ui, T("board.left.title"), tx, r.y + m - ui_mm(ui, 1), CFG_TITLE_MM * 0.8f, UI_INK, UI_LEFT, 0);
    ui_text(ui, T("board.left.question"), tx, r.y + m + p.y, CFG_BODY_MM, UI_INK2, UI_LEFT, r.w - 3 * m - ui_mm(ui, 60));
    int add_w = ui_mm(ui, 50);
    if (ui_button(ui, "board.note.add", ui_rect(r.x + r.w - m - add_w, r.y + m, add_w, t), T("board.note.add"), UI_PRIMARY))
        open_editor(app, NULL);

    int nw = ui_mm(ui, 52), nh = ui_mm(ui, 38), gap = ui_mm(ui, 5);
    int x0 = r.x + m, y = r.y + m + icon + ui_mm(ui, 14), x = x0;
    if (app->nnotes == 0)
        ui_text(ui, T("board.empty"), r.x + r.w / 2, y + ui_mm(ui, 20), CFG_BODY_MM, UI_INK2, UI_CENTER, r.w - 2 * m);
    for (int i = 0; i < app->nnotes; i++) {
        if (x + nw > r.x + r.w - m) {
            x = x0;
            y += nh + gap;
        }
        if (y + nh > r.y + r.h - m) { /* no room: say how many more there are */
            char more[64];
            snprintf(more, sizeof more, TN("board.more", "board.more_many", app->nnotes - i), app->nnotes - i);
            ui_text(ui, more, r.x + r.w - m, r.y + r.h - m - ui_mm(ui, 6), CFG_BODY_MM, UI_INK2, UI_RIGHT, 0);
            break;
        }
        SDL_Rect nr = ui_rect(x, y, nw, nh);
        char id[32];
        snprintf(id, sizeof id, "board.note.%d", i);
        draw_note(app, &app->notes[i], nr, CFG_NOTE_MM, CFG_NOTE_MIN_MM);
        if (ui_area(ui, id, nr, app->notes[i].text[0] ? app->notes[i].text : T("note.drawing"), UI_G_CLICK))
            app->note_view = app->notes[i].id;
        x += nw + gap;
    }
}

static void save(scr_app *app, const char *board)
{
    static uint8_t blob[4 + INK_MAX_STROKES * 2 + INK_MAX_POINTS * 4];
    size_t len = ink_encode(&app->note.ink, blob, sizeof blob);
    char clean[CORE_TEXT_BYTES(CORE_NOTE_MAX)];
    if (core_note_check(app->note.text, len, clean, sizeof clean) != CORE_OK) {
        scr_say(app, T("note.empty"), 1);
        return;
    }
    store_status r = app->note.id
        ? store_note_update(app->st, app->note.id, app->note.text, blob, len, app->wall_ms)
        : store_note_add(app->st, app->meeting.id, board, "left", 0, app->note.text, blob, len, app->wall_ms, NULL);
    if (r != STORE_OK) { /* the editor stays open: nothing typed is lost */
        scr_store_failed(app, r);
        return;
    }
    scr_saved(app);
    app->note.open = 0;
    app->notes_stale = 1;
    ui_focus(app->ui, "");
}

static void editor(scr_app *app, const char *board)
{
    ui_ctx *ui = app->ui;
    ui_block(ui, "note.modal");
    int t = scr_target(app), g = ui_mm(ui, 4);
    int cw = ui_mm(ui, EDITOR_W_MM), ch = ui_mm(ui, 105), side = ui_mm(ui, 56);
    int x = (ui->w - cw - g - side) / 2, y = ui_mm(ui, 12);
    SDL_Rect card = ui_rect(x, y, cw, ch);
    ui_round(ui, ui_rect(card.x + 4, card.y + 6, card.w, card.h), ui_mm(ui, 2), 0x9A958A);
    ui_round(ui, card, ui_mm(ui, 2), NOTE_FILL);
    ui_fill(ui, ui_rect(card.x, card.y, card.w, ui_mm(ui, 3)), NOTE_EDGE);
    int pad = ui_mm(ui, 5);
    SDL_Rect in = {card.x + pad, card.y + pad + ui_mm(ui, 2), card.w - 2 * pad, card.h - 2 * pad - ui_mm(ui, 2)};
    if (app->note.draw) {
        ui_ink_canvas(ui, "note.canvas", in, &app->note.ink, PEN_MM, UI_INK);
        if (app->note.ink.nstrokes == 0)
            ui_text(ui, T("note.draw_hint"), in.x + in.w / 2, in.y + in.h / 2 - ui_mm(ui, 3), CFG_BODY_MM, UI_INK2, UI_CENTER, in.w);
        ui_field(ui, "note.caption", ui_rect(card.x, card.y + card.h + g, cw, t), app->note.text, sizeof app->note.text,
                 CORE_NOTE_MAX, T("note.caption"));
    } else {
        /* Written as large as the note on the wall will show it from across the room. */
        ui_textarea(ui, "note.text", in, app->note.text, sizeof app->note.text, CORE_NOTE_MAX, T("note.placeholder"),
                    CFG_TITLE_MM, NOTE_FILL);
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
    by = y + ch - 2 * t - g / 2;
    if (ui_button(ui, "note.save", ui_rect(bx, by, side, t), T("note.save"), UI_PRIMARY)) save(app, board);
    if (ui_button(ui, "note.cancel", ui_rect(bx, by + t + g / 2, side, t), T("common.cancel"), UI_SECONDARY)) {
        app->note.open = 0;
        ui_focus(ui, "");
    }
}

/* The note whole: all its words, large, or its drawing at full size. */
static void viewer(scr_app *app)
{
    ui_ctx *ui = app->ui;
    const core_note *n = find(app, app->note_view);
    if (!n) {
        app->note_view = 0;
        return;
    }
    ui_block(ui, "note.view");
    int cw = ui_mm(ui, EDITOR_W_MM), ch = ui_mm(ui, 125), t = scr_target(app), g = ui_mm(ui, 4);
    SDL_Rect card = ui_rect((ui->w - cw) / 2, ui_mm(ui, 20), cw, ch);
    draw_note(app, n, card, CFG_TITLE_MM, CFG_BODY_MM);
    int bw = ui_mm(ui, 50), by = card.y + ch + 2 * g;
    if (ui_button(ui, "note.edit", ui_rect(ui->w / 2 - bw - g / 2, by, bw, t), T("note.edit"), UI_SECONDARY)) open_editor(app, n);
    if (ui_button(ui, "note.close", ui_rect(ui->w / 2 + g / 2, by, bw, t), T("note.close"), UI_PRIMARY)) app->note_view = 0;
}

int scr_note_modals(scr_app *app, const char *board)
{
    if (app->note.open) editor(app, board);
    else if (app->note_view) viewer(app);
    return app->note.open || app->note_view;
}
