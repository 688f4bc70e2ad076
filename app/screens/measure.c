/* measure: Schermmaat, the screen's real size measured once against a bank card
 * (issue 18, real sizes). Every size in the app is in millimetres, so a 12 mm
 * target is only 12 mm when the app knows how many pixels make one. Most displays
 * say (density.c); one that does not gets a size assumed, and the facilitator can
 * hold any bank card (ISO/IEC 7810 ID-1: 85.60 x 53.98 mm) against the screen and
 * make the drawn one as large. What was measured is this device's setting. */
#include "screens.h"

#include <stdio.h>
#include <stdlib.h>

#define CARD_W_MM 85.60f
#define CARD_H_MM 53.98f
#define STEP 1.01f          /* one tap on - or +: a card a millimetre smaller or larger */
#define STEP_BIG 1.05f      /* -- and ++: five */
#define MEASURE_W_MM 150.0f /* the sheet, at most; its words and buttons */

void scr_measure_load(scr_app *app)
{
    char v[32];
    if (app->ui->ppmm_from == UI_PPMM_OPTION || !app->st || store_setting(app->st, "px_per_mm", v, sizeof v) != STORE_OK) return;
    float p = strtof(v, NULL);
    if (p >= 1.0f && p <= 40.0f) ui_set_ppmm(app->ui, p, UI_PPMM_MEASURED);
}

void scr_measure_open(scr_app *app)
{
    app->measure_open = 1;
    app->measure_h = 0;
    app->measure_ppmm = app->ui->ppmm;
}

/* The largest density at which the drawn card still fits this screen. */
static float largest(const ui_ctx *ui) { return SDL_min(ui->w * 0.9f / CARD_W_MM, ui->h * 0.5f / CARD_H_MM); }

void scr_measure_modal(scr_app *app)
{
    if (!app->measure_open) return;
    ui_ctx *ui = app->ui;
    ui_block(ui, "measure.modal");
    ui_veil(ui, ui_rect(0, 0, ui->w, ui->h), UI_INK, 90);
    int t = scr_target(app), g = ui_mm(ui, CFG_GAP_WIDE_MM), pad = ui_mm(ui, CFG_PAD_SHEET_MM), m = scr_margin(app);
    float p = app->measure_ppmm;
    int cw = (int)(CARD_W_MM * p + 0.5f), ch = (int)(CARD_H_MM * p + 0.5f);
    int sw = SDL_min(ui->w - 2 * m, SDL_max(ui_mm(ui, MEASURE_W_MM), cw + 2 * pad));
    /* As tall as it was last frame (its words wrap to what they wrap to), the first
     * frame the whole height: the next one is drawn at once. */
    int sh = app->measure_h > 0 && app->measure_h < ui->h - 2 * m ? app->measure_h : ui->h - 2 * m;
    SDL_Rect sheet = {(ui->w - sw) / 2, (ui->h - sh) / 2, sw, sh};
    ui_card(ui, sheet, ui_mm(ui, CFG_RADIUS_SHEET_MM), UI_SURFACE, UI_HAIRLINE, CFG_HAIRLINE_PX);
    int x = sheet.x + pad, w = sheet.w - 2 * pad, y = sheet.y + pad;
    y += ui_text(ui, T("measure.title"), x, y, CFG_HEADING_MM, UI_INK, UI_LEFT, w).y + ui_mm(ui, CFG_GAP_MM);
    y += ui_text(ui, app->ui->ppmm_from == UI_PPMM_ASSUMED ? T("measure.assumed") : T("measure.how"), x, y, CFG_BODY_MM, UI_INK2, UI_LEFT, w).y + g;
    /* The card, centred, with its corner radius (3.18 mm) so it is known at a glance. */
    SDL_Rect card = {sheet.x + (sheet.w - cw) / 2, y, cw, ch};
    ui_card(ui, card, (int)(3.18f * p + 0.5f), UI_BG, UI_INK, CFG_EDGE_PX);
    ui_text(ui, T("measure.card"), card.x + card.w / 2, card.y + card.h / 2 - ui_mm(ui, CFG_BODY_MM) / 2, CFG_BODY_MM, UI_INK2,
            UI_CENTER, card.w - 2 * pad);
    y += ch + g;
    /* Smaller and larger, in steps a finger can make. */
    static const struct { const char *id, *label; float by; } steps[] = {
        {"measure.smaller.big", "\xE2\x88\x92\xE2\x88\x92", 1 / STEP_BIG}, {"measure.smaller", "\xE2\x88\x92", 1 / STEP},
        {"measure.larger", "+", STEP}, {"measure.larger.big", "++", STEP_BIG},
    };
    int bw = (w - 3 * g) / 4;
    for (int i = 0; i < 4; i++)
        if (ui_button_mm(ui, steps[i].id, ui_rect(x + i * (bw + g), y, bw, t), steps[i].label, UI_SECONDARY, CFG_SYMBOL_MM)) {
            float q = app->measure_ppmm * steps[i].by;
            app->measure_ppmm = SDL_clamp(q, 1.0f, largest(ui));
        }
    y += t + g;
    /* What a 12 mm button will be, in the figures the facilitator can check with a ruler. */
    char line[96];
    snprintf(line, sizeof line, T("measure.figure"), (int)(12.0f * app->measure_ppmm + 0.5f), (int)(app->measure_ppmm * 25.4f + 0.5f));
    ui_text(ui, line, x, y, CFG_SMALL_MM, UI_INK2, UI_LEFT, w);
    int by = y + ui_mm(ui, CFG_LINE_MM) + g, bw2 = ui_mm(ui, CFG_BUTTON_W_MM);
    int need = by + t + pad - sheet.y;
    if (need != app->measure_h) {
        app->measure_h = need;
        ui->dirty = 1;
    }
    if (ui_button(ui, "measure.save", ui_rect(sheet.x + sheet.w - pad - bw2, by, bw2, t), T("measure.save"), UI_PRIMARY)) {
        char v[32];
        snprintf(v, sizeof v, "%.3f", app->measure_ppmm);
        store_status r = scr_device(app, &(scr_dev){.kind = DEV_SETTING, .key = "px_per_mm", .value = v});
        if (r != STORE_OK) scr_store_failed(app, r);
        else {
            ui_set_ppmm(ui, app->measure_ppmm, UI_PPMM_MEASURED);
            app->measure_open = 0;
            scr_say(app, T("measure.saved"), 0);
        }
    }
    if (ui_button(ui, "measure.cancel", ui_rect(sheet.x + sheet.w - pad - 2 * bw2 - g, by, bw2, t), T("common.cancel"), UI_SECONDARY))
        app->measure_open = 0;
}
