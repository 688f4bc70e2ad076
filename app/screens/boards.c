/* boards: the screens' half of the boards table (core_board is the other). Each
 * board a phase can show says here how it draws on the meeting screen, how it is
 * drawn as a picture for the plan, its picture's title and which undo it has. The
 * meeting screen and the export's painter ask this table, never a board's name. */
#include "screens.h"

#include <stdio.h>
#include <string.h>

#define PICTURE_HEAD_MM 18.0f /* a board's picture: whose, which, when */

static const scr_board table[BOARD_KINDS] = {
    [BOARD_NONE] = {BOARD_NONE},
    [BOARD_BREAK] = {BOARD_BREAK},
    [BOARD_DRIELUIK] = {BOARD_DRIELUIK, scr_dl_board, scr_dl_board, scr_model_dl, N_("dl.picture_title"), "drieluik"},
    [BOARD_GOALS] = {BOARD_GOALS, scr_goals_board, scr_goals_board, scr_model_goals, N_("goals.picture_title"), "goals"},
    [BOARD_BODEMEISEN] = {BOARD_BODEMEISEN, scr_bodemeisen_board},
    [BOARD_DECISIONS] = {BOARD_DECISIONS, scr_decisions_board, scr_plan_picture, scr_model_plan, N_("plan.picture_title")},
    [BOARD_CONSENT] = {BOARD_CONSENT, scr_consent_board},
    [BOARD_VIP] = {BOARD_VIP, NULL, scr_vip_picture, NULL, N_("vip.picture_title")}, /* a child's screen, not a phase's board */
    [BOARD_CIRCLE] = {BOARD_CIRCLE, scr_circle_board},
};

const scr_board *scr_board_of(const char *word)
{
    int b = core_board_parse(word);
    return &table[b < 0 ? BOARD_NONE : b];
}

const scr_board *scr_board_get(core_board b) { return &table[b >= 0 && b < BOARD_KINDS ? b : BOARD_NONE]; }

store_status scr_board_picture(scr_painter *p, int64_t meeting, const char *board, int64_t child_id)
{
    /* Any board's id or alias; a board without a picture of its own is shown by the
     * one that holds it (consent and bottom lines: the plan's). */
    int kind = core_board_parse(board);
    if (kind < 0) return STORE_EINVAL;
    const scr_board *bd = scr_board_get(core_board_about((core_board)kind)->picture);
    if (!bd->picture) return STORE_EINVAL;
    int vip = bd->id == BOARD_VIP;
    scr_model *m = p->m;
    store_status r = scr_model_meeting(p->st, meeting, m);
    if (r != STORE_OK) return r;
    /* The child whose card it is: the one asked for, else the first child. */
    const core_participant *child = NULL;
    for (int i = 0; i < m->nmparts && !child; i++)
        if (m->mparts[i].role == ROLE_KIND && (!child_id || m->mparts[i].id == child_id)) child = &m->mparts[i];
    if (vip) {
        if (!child) return STORE_ENOTFOUND;
        scr_model_vip_for(m, child);
        if ((r = scr_model_vip(p->st, m)) != STORE_OK) return r;
        if (!m->vip.shared) return STORE_EHELD; /* what a child has not shared leaves the device in no file */
    } else if ((r = bd->load(p->st, m)) != STORE_OK) {
        return r;
    }
    ui_ctx *ui = p->ui;
    ui_begin(ui, "picture");
    ui_clear(ui, UI_BG);
    /* Whose board, which board, and when it was made. */
    int mg = ui_mm(ui, CFG_MARGIN_MM), h = ui_mm(ui, PICTURE_HEAD_MM);
    ui_fill(ui, ui_rect(0, 0, ui->w, h), UI_SURFACE);
    ui_fill(ui, ui_rect(0, h - CFG_HAIRLINE_PX, ui->w, CFG_HAIRLINE_PX), UI_HAIRLINE);
    char when[32], line[256];
    scr_local_day(p->wall_ms, when, sizeof when);
    SDL_Rect head = ui_rect(mg, 0, ui->w - 2 * mg, h);
    if (vip) snprintf(line, sizeof line, T(bd->picture_title), child->name, m->meeting.title, when);
    else snprintf(line, sizeof line, T(bd->picture_title), m->meeting.title, when);
    ui_text_fit(ui, line, head, CFG_HEADING_MM, CFG_BODY_MM, UI_INK, UI_LEFT);
    scr_view v = {.ui = ui, .m = m, .looks = p->looks, .layout = &p->layout, .lang_en = p->lang_en, .wall_ms = p->wall_ms};
    if (vip) {
        ui->scale = CFG_CHILD_SCALE; /* as the child saw it */
        bd->picture(&v, ui_rect(mg, h + mg / 2, ui->w - 2 * mg, ui->h - h - mg));
        ui->scale = 1;
    } else {
        bd->picture(&v, ui_rect(mg / 2, h, ui->w - mg, ui->h - h - mg / 2));
    }
    ui_end(ui);
    return STORE_OK;
}
