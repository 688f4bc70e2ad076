/* home: Bijeenkomsten, the meetings on this device, newest first. */
#include "screens.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define UNLOCK_W_MM 90.0f   /* the one way in, before the PIN */
#define NEW_W_MM 64.0f      /* Nieuwe bijeenkomst */
#define EMPTY_DOWN_MM 30.0f /* no meetings yet: said this far down */
#define ROW_MM 26.0f        /* a meeting's row */
#define EDGE_MM 2.0f        /* the coloured edge on its left */
#define TEXT_X_MM 7.0f      /* its words start past the edge */

static void reload(scr_app *app)
{
    store_status r = store_meetings(app->st, app->meetings, SCR_MEETINGS_MAX, &app->nmeetings);
    if (r != STORE_OK) scr_store_failed(app, r);
    app->meetings_stale = 0;
}

static void start_new(scr_app *app)
{
    app->title[0] = 0;
    app->name[0] = 0;
    app->nparts = 0;
    app->role = ROLE_KIND;
    app->supports = 0;
    app->draft_for = 0;
    app->template_idx = 0;
    scr_go(app, SCR_NEW);
}

/* Home before the PIN: no family's name, only the way in. */
static void locked(scr_app *app, int top)
{
    ui_ctx *ui = app->ui;
    int t = scr_target(app), w = ui_mm(ui, UNLOCK_W_MM);
    int y = top + (scr_statusbar(app) - top) / 3;
    y += ui_text(ui, T("home.locked"), ui->w / 2, y, CFG_LEAD_MM, UI_INK2, UI_CENTER, ui->w - 4 * scr_margin(app)).y;
    if (ui_button(ui, "home.unlock", ui_rect((ui->w - w) / 2, y + ui_mm(ui, CFG_AIR_WIDE_MM), w, t), T("home.unlock"), UI_PRIMARY))
        scr_pin_ask(app, PIN_FOR_HOME, 0);
}

void scr_home_frame(scr_app *app)
{
    ui_ctx *ui = app->ui;
    int top = scr_begin(app, "home", T("home.title"), 0);
    int m = scr_margin(app), t = scr_target(app);
    int bw = ui_mm(ui, NEW_W_MM);
    int by = (top - t) / 2;
    int quit_w = ui_mm(ui, CFG_BUTTON_W_SLIM_MM);
    if (ui_button(ui, "home.quit", ui_rect(ui->w - m - quit_w, by, quit_w, t), T("home.quit"), UI_SECONDARY))
        scr_request_quit(app);
    if (!app->home_open) {
        locked(app, top);
        scr_pin_modal(app);
        ui_end(ui);
        return;
    }
    if (app->meetings_stale) reload(app);
    if (ui_button(ui, "home.new", ui_rect(ui->w - m - quit_w - ui_mm(ui, CFG_GAP_WIDE_MM) - bw, by, bw, t), T("home.new"), UI_PRIMARY))
        start_new(app);
    /* The screen's real size: asked for while it is only assumed, there to check after.
     * Beside the title when the header has room for both, else at the list's foot
     * (never over the title: at a tablet's real size it covered it). */
    int mw = ui_mm(ui, CFG_BUTTON_W_MM), gw = ui_mm(ui, CFG_GAP_WIDE_MM);
    int mx = ui->w - m - quit_w - bw - mw - 2 * gw, beside = mx >= m + ui_text_size(ui, T("home.title"), CFG_TITLE_MM).x + gw;
    int bottom = scr_statusbar(app);
    if (beside && ui_button(ui, "home.measure", ui_rect(mx, by, mw, t), T("home.measure"),
                            ui->ppmm_from == UI_PPMM_ASSUMED ? UI_PRIMARY : UI_SECONDARY))
        scr_measure_open(app);

    int y = top + ui_mm(ui, CFG_AIR_WIDE_MM);
    if (app->nmeetings == 0) {
        ui_text(ui, T("home.empty"), ui->w / 2, y + ui_mm(ui, EMPTY_DOWN_MM), CFG_LEAD_MM, UI_INK2, UI_CENTER, ui->w - 4 * m);
    }
    int card_h = ui_mm(ui, ROW_MM), gap = ui_mm(ui, CFG_GAP_WIDE_MM);
    /* More meetings than fit: pages, with big buttons to turn them. */
    int per_page = (bottom - y - gap) / (card_h + gap);
    if (app->nmeetings > per_page || !beside) per_page = (bottom - y - gap - t - gap) / (card_h + gap);
    if (per_page < 1) per_page = 1;
    int pages = (app->nmeetings + per_page - 1) / per_page;
    if (app->home_page >= pages) app->home_page = pages > 0 ? pages - 1 : 0;
    int first = app->home_page * per_page;
    int pw = ui_mm(ui, CFG_BUTTON_W_MM), py = bottom - gap - t;
    if (!beside && ui_button(ui, "home.measure", ui_rect(m, py, mw, t), T("home.measure"),
                             ui->ppmm_from == UI_PPMM_ASSUMED ? UI_PRIMARY : UI_SECONDARY))
        scr_measure_open(app);
    if (pages > 1) {
        /* The foot: the pages' buttons at its ends, or both at the right when Schermmaat is at its left. */
        int prev_x = beside ? m : ui->w - m - 2 * pw - gw, text_x = beside ? m + pw : m + mw + gw;
        int text_w = (beside ? ui->w - m - pw : prev_x) - text_x;
        char where[64];
        int last = first + per_page < app->nmeetings ? first + per_page : app->nmeetings;
        snprintf(where, sizeof where, T("home.page"), first + 1, last, app->nmeetings);
        ui_text_fit(ui, where, ui_rect(text_x, py, text_w, t), CFG_BODY_MM, CFG_SMALL_MM, UI_INK2, UI_CENTER);
        if (app->home_page > 0 && ui_button(ui, "home.page.prev", ui_rect(prev_x, py, pw, t), T("home.page_prev"), UI_SECONDARY))
            app->home_page--;
        if (app->home_page < pages - 1 &&
            ui_button(ui, "home.page.next", ui_rect(ui->w - m - pw, py, pw, t), T("home.page_next"), UI_SECONDARY))
            app->home_page++;
    }
    for (int i = first; i < app->nmeetings && i < first + per_page; i++, y += card_h + gap) {
        const core_meeting *mt = &app->meetings[i];
        char id[48], line[256], when[32];
        SDL_Rect card = ui_rect(m, y, ui->w - 2 * m, card_h);
        snprintf(id, sizeof id, "home.meeting.%d", i);
        int pressed = ui_pressed(ui, id);
        ui_card(ui, card, ui_mm(ui, CFG_RADIUS_ROW_MM), pressed ? UI_HAIRLINE : UI_SURFACE, UI_HAIRLINE, CFG_HAIRLINE_PX);
        /* A coloured edge on the left: the meeting's place in the list, not its meaning. */
        ui_round(ui, ui_rect(card.x, card.y, ui_mm(ui, EDGE_MM), card.h), ui_mm(ui, EDGE_MM / 2), UI_ACCENT);
        int tx = card.x + ui_mm(ui, TEXT_X_MM);
        int del_w = ui_mm(ui, CFG_BUTTON_W_SLIM_MM), open_w = ui_mm(ui, CFG_BUTTON_W_SHORT_MM), exp_w = ui_mm(ui, CFG_BUTTON_W_MM);
        int text_w = card.w - del_w - open_w - exp_w - ui_mm(ui, TEXT_X_MM + 3 * CFG_GAP_WIDE_MM + CFG_PAD_MM);
        ui_text_fit(ui, mt->title, ui_rect(tx, card.y + ui_mm(ui, CFG_PAD_SMALL_MM), text_w, ui_mm(ui, CFG_LINE_NAME_MM)), CFG_NOTE_MM,
                    CFG_BODY_MM, UI_INK, UI_LEFT);
        time_t secs = (time_t)(mt->created_at_ms / 1000);
        struct tm tm;
        localtime_r(&secs, &tm);
        strftime(when, sizeof when, "%d-%m-%Y %H:%M", &tm);
        snprintf(line, sizeof line, TN("home.meeting_line", "home.meeting_line_many", mt->nparticipants), scr_template_name(app, mt->template_id), when, mt->nparticipants);
        ui_text_fit(ui, line, ui_rect(tx, card.y + ui_mm(ui, CFG_PAD_SMALL_MM + CFG_LINE_NAME_MM), text_w, ui_mm(ui, CFG_LINE_SUB_MM)),
                    CFG_SMALL_MM, CFG_SMALL_MM, UI_INK2, UI_LEFT);
        if (ui_area(ui, id, card, mt->title, UI_G_CLICK)) scr_open_meeting(app, mt->id);
        int bh = t, bx = card.x + card.w - ui_mm(ui, CFG_PAD_MM) - del_w;
        char did[64];
        snprintf(did, sizeof did, "%s.delete", id);
        if (ui_button(ui, did, ui_rect(bx, card.y + (card_h - bh) / 2, del_w, bh), T("home.delete"), UI_SECONDARY))
            scr_pin_ask(app, PIN_FOR_DELETE, mt->id);
        snprintf(did, sizeof did, "%s.open", id);
        if (ui_button(ui, did, ui_rect(bx - ui_mm(ui, CFG_GAP_WIDE_MM) - open_w, card.y + (card_h - bh) / 2, open_w, bh),
                      T("home.open"), UI_PRIMARY))
            scr_open_meeting(app, mt->id);
        /* The plan on a stick: the facilitator's, behind the PIN. */
        snprintf(did, sizeof did, "%s.export", id);
        if (ui_button(ui, did, ui_rect(bx - ui_mm(ui, CFG_GAP_WIDE_MM * 2) - open_w - exp_w, card.y + (card_h - bh) / 2, exp_w, bh),
                      T("home.export"), UI_SECONDARY))
            scr_pin_ask(app, PIN_FOR_EXPORT, mt->id);
    }
    scr_measure_modal(app);
    scr_pin_modal(app);
    ui_end(ui);
}
