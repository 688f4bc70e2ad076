/* meeting: the phase bar, the board of the phase, and who is there. */
#include "screens.h"

#include <stdio.h>
#include <string.h>

/* The phase the meeting is in; a stored index out of range (an edited file) reads as the first. */
static const core_phase *current(const scr_app *app)
{
    int i = app->meeting.current_phase;
    return &app->phases[i >= 0 && i < app->nphases ? i : 0];
}

static void go_phase(scr_app *app, int delta)
{
    int to = core_phase_step(app->meeting.current_phase, delta, app->nphases);
    if (to == app->meeting.current_phase && app->phases[to].started_at_ms) return;
    store_status r = store_phase_go(app->st, app->meeting.id, to, app->wall_ms);
    if (r != STORE_OK) {
        scr_store_failed(app, r);
        return;
    }
    scr_saved(app);
    app->meetings_stale = 1;
    scr_open_meeting(app, app->meeting.id);
}

/* The agenda as a row of steps: a filled dot for the current phase, a ring for the rest. */
static void steps(scr_app *app, SDL_Rect r)
{
    ui_ctx *ui = app->ui;
    int n = app->nphases;
    if (n < 1) return;
    int w = r.w / n;
    for (int i = 0; i < n; i++) {
        const core_phase *ph = &app->phases[i];
        int cur = i == app->meeting.current_phase;
        int x = r.x + i * w, cy = r.y + r.h / 2, rad = ui_mm(ui, 4.5f);
        uint32_t colour = ph->def.closed ? UI_CLOSED_BAND : UI_ACCENT;
        ui_circle(ui, x + rad, cy, rad, cur ? colour : UI_INK2);
        if (!cur) ui_circle(ui, x + rad, cy, rad - 3, UI_SURFACE);
        char num[8];
        snprintf(num, sizeof num, "%d", i + 1);
        ui_text(ui, num, x + rad, cy - ui_text_size(ui, num, CFG_SMALL_MM).y / 2, CFG_SMALL_MM,
                cur ? UI_SURFACE : UI_INK2, UI_CENTER, 0);
        ui_text_fit(ui, scr_phase_title(app, &ph->def), ui_rect(x + 2 * rad + ui_mm(ui, 2), r.y, w - 2 * rad - ui_mm(ui, 5), r.h),
                    CFG_BODY_MM, CFG_SMALL_MM, cur ? UI_INK : UI_INK2, UI_LEFT);
    }
}

static int phase_bar(scr_app *app)
{
    ui_ctx *ui = app->ui;
    int h = ui_mm(ui, 26), m = scr_margin(app), t = scr_target(app);
    ui_fill(ui, ui_rect(0, 0, ui->w, h), UI_SURFACE);
    ui_fill(ui, ui_rect(0, h - 2, ui->w, 2), UI_HAIRLINE);
    int title_w = ui->w / 5;
    ui_text_fit(ui, app->meeting.title, ui_rect(m, 0, title_w, h), CFG_NOTE_MM, CFG_BODY_MM, UI_INK, UI_LEFT);
    ui_fill(ui, ui_rect(m + title_w + ui_mm(ui, 3), ui_mm(ui, 5), 2, h - ui_mm(ui, 10)), UI_HAIRLINE);
    int nav_w = ui_mm(ui, 30), nav = 2 * nav_w + ui_mm(ui, 3);
    int clock_w = ui_mm(ui, 38);
    SDL_Rect st = ui_rect(m + title_w + ui_mm(ui, 7), 0, ui->w - 2 * m - title_w - nav - clock_w - ui_mm(ui, 12), h);
    steps(app, st);
    /* The planned time of this phase; the running countdown comes with the timer. */
    const core_phase *cur = current(app);
    char mins[32];
    snprintf(mins, sizeof mins, T("meeting.minutes"), cur->def.minutes);
    ui_text_fit(ui, mins, ui_rect(ui->w - m - nav - clock_w - ui_mm(ui, 3), 0, clock_w, h), CFG_TITLE_MM, CFG_BODY_MM, UI_INK, UI_RIGHT);
    int bx = ui->w - m - nav, by = (h - t) / 2;
    if (ui_button(ui, "phase.prev", ui_rect(bx, by, nav_w, t), T("phase.prev"), UI_SECONDARY)) go_phase(app, -1);
    if (ui_button(ui, "phase.next", ui_rect(bx + nav_w + ui_mm(ui, 3), by, nav_w, t), T("phase.next"), UI_PRIMARY)) go_phase(app, +1);
    return h;
}

/* Participant chips: a colour dot with the initial, and the name. */
static int chips(scr_app *app, int y, int h, int right)
{
    ui_ctx *ui = app->ui;
    int x = scr_margin(app), rad = ui_mm(ui, 4), closed = current(app)->def.closed;
    for (int i = 0; i < app->nmparts; i++) {
        const core_participant *p = &app->mparts[i];
        int away = closed && core_role_is_professional(p->role);
        int tw = ui_text_size(ui, p->name, CFG_BODY_MM).x;
        int w = 2 * rad + ui_mm(ui, 2) + tw + ui_mm(ui, 4);
        if (x + w > right) break;
        int cy = y + h / 2;
        scr_avatar(app, x + rad, cy, rad, away ? UI_HAIRLINE : p->colour, p->name);
        ui_text(ui, p->name, x + 2 * rad + ui_mm(ui, 2), cy - ui_text_size(ui, p->name, CFG_BODY_MM).y / 2, CFG_BODY_MM,
                away ? UI_INK2 : UI_INK, UI_LEFT, 0);
        x += w;
    }
    return x;
}

void scr_meeting_frame(scr_app *app)
{
    ui_ctx *ui = app->ui;
    ui_begin(ui, "meeting");
    const core_phase *cur = current(app);
    int closed = cur->def.closed;
    ui_clear(ui, closed ? UI_CLOSED_BG : UI_BG);
    int top = phase_bar(app);
    int m = scr_margin(app), t = scr_target(app);
    int bottom = scr_statusbar(app);
    /* Participants ride above the status bar; the way home sits at its right. On
     * the Drieluik a chip opens that person's tray, and undo sits beside home. */
    int drieluik = !strcmp(cur->def.board, "drieluik");
    if (drieluik && app->notes_stale) scr_dl_load(app); /* before the chips count held notes */
    int chips_h = ui_mm(ui, 14), chips_y = bottom - chips_h;
    int home_w = ui_mm(ui, 50), undo_w = drieluik ? ui_mm(ui, 100) : 0, g = ui_mm(ui, 3);
    ui_fill(ui, ui_rect(0, chips_y, ui->w, chips_h), UI_SURFACE);
    ui_fill(ui, ui_rect(0, chips_y, ui->w, 2), UI_HAIRLINE);
    int chips_right = ui->w - m - home_w - g - (undo_w ? undo_w + g : 0);
    if (drieluik) scr_dl_chips(app, m, chips_y, chips_h, chips_right);
    else chips(app, chips_y, chips_h, chips_right);
    int by = chips_y + (chips_h - t) / 2 + 1;
    if (undo_w) scr_dl_undo_buttons(app, ui->w - m - home_w - g - undo_w, by, undo_w, t - 2);
    if (ui_button(ui, "meeting.home", ui_rect(ui->w - m - home_w, by, home_w, t - 2),
                  T("meeting.home"), UI_SECONDARY)) {
        app->meetings_stale = 1;
        scr_go(app, SCR_HOME);
    }
    int y = top;
    if (closed) {
        int band = ui_mm(ui, 16);
        ui_fill(ui, ui_rect(0, y, ui->w, band), UI_CLOSED_BAND);
        ui_text_fit(ui, T("meeting.closed_band"), ui_rect(m, y, ui->w - 2 * m, band), CFG_BODY_MM * 1.1f, CFG_SMALL_MM, UI_SURFACE, UI_CENTER);
        y += band;
    }
    /* The board of this phase. The boards arrive one by one; until then a phase
     * says what it is for. */
    SDL_Rect board = ui_rect(m, y + ui_mm(ui, 4), ui->w - 2 * m, chips_y - y - ui_mm(ui, 8));
    if (drieluik) {
        scr_dl_board(app, board);
    } else {
        ui_card(ui, board, ui_mm(ui, 3), UI_SURFACE, UI_HAIRLINE, 2);
        int cx = board.x + board.w / 2, ty = board.y + board.h / 3;
        char heading[256];
        snprintf(heading, sizeof heading, T("meeting.phase_heading"), (int)(cur - app->phases) + 1, scr_phase_title(app, &cur->def));
        SDL_Point p = ui_text(ui, heading, cx, ty, CFG_TITLE_MM, UI_INK, UI_CENTER, board.w - 2 * m);
        const char *about = !strcmp(cur->def.board, "goals") ? T("board.goals")
                          : !strcmp(cur->def.board, "decisions") ? T("board.decisions")
                          : !strcmp(cur->def.board, "consent") ? T("board.consent") : T("board.talk");
        ui_text(ui, about, cx, ty + p.y + ui_mm(ui, 5), CFG_BODY_MM, UI_INK2, UI_CENTER, board.w * 2 / 3);
    }
    if (drieluik) scr_dl_modals(app);
    scr_note_modals(app);
    scr_pin_modal(app);
    ui_end(ui);
}
