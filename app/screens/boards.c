/* boards: the screens' half of the boards table (core_board is the other). Each
 * board a phase can show says here how it draws on the meeting screen, how it is
 * drawn as a picture for the plan, its picture's title and which undo it has. The
 * meeting screen and the export's painter ask this table, never a board's name. */
#include "screens.h"

#include <string.h>

static void goals_picture(scr_app *app, SDL_Rect r)
{
    app->goals.stale = 1;
    scr_goals_board(app, r);
}

static void plan_picture(scr_app *app, SDL_Rect r)
{
    app->plan.stale = 1;
    scr_plan_picture(app, r);
}

static void dl_picture(scr_app *app, SDL_Rect r)
{
    scr_dl_load(app);
    scr_dl_board(app, r);
}

static const scr_board table[BOARD_KINDS] = {
    [BOARD_NONE] = {BOARD_NONE, NULL, NULL, NULL, NULL},
    [BOARD_BREAK] = {BOARD_BREAK, NULL, NULL, NULL, NULL},
    [BOARD_DRIELUIK] = {BOARD_DRIELUIK, scr_dl_board, dl_picture, N_("dl.picture_title"), "drieluik"},
    [BOARD_GOALS] = {BOARD_GOALS, scr_goals_board, goals_picture, N_("goals.picture_title"), "goals"},
    [BOARD_BODEMEISEN] = {BOARD_BODEMEISEN, scr_bodemeisen_board, NULL, NULL, NULL},
    [BOARD_DECISIONS] = {BOARD_DECISIONS, scr_decisions_board, plan_picture, N_("plan.picture_title"), NULL},
    [BOARD_CONSENT] = {BOARD_CONSENT, scr_consent_board, NULL, NULL, NULL},
    [BOARD_VIP] = {BOARD_VIP, NULL, NULL, N_("vip.picture_title"), NULL}, /* a child's: scr_board_picture */
    [BOARD_CIRCLE] = {BOARD_CIRCLE, scr_circle_board, NULL, NULL, NULL},
};

const scr_board *scr_board_of(const char *word)
{
    int b = core_board_parse(word);
    return &table[b < 0 ? BOARD_NONE : b];
}

const scr_board *scr_board_get(core_board b) { return &table[b >= 0 && b < BOARD_KINDS ? b : BOARD_NONE]; }
