/* error: the database cannot be used. Says which file and what is wrong, never
 * writes to it, and offers a new file beside it. */
#include "screens.h"

#include <stdio.h>
#include <string.h>

static const char *problem(store_status s)
{
    switch (s) {
    case STORE_ECORRUPT: return T("error.corrupt");
    case STORE_ENEWER: return T("error.newer");
    case STORE_ELOCKED: return T("error.locked");
    case STORE_EDIR: return T("error.dir");
    case STORE_EREADONLY: return T("error.read_only");
    case STORE_EFULL: return T("error.full");
    default: return T("error.other");
    }
}

static void new_beside(scr_app *app)
{
    char path[PATH_MAX];
    if (store_path_beside(app->db_path, path, sizeof path) != STORE_OK) {
        scr_say(app, T("error.no_new_file"), 1);
        return;
    }
    snprintf(app->db_path, sizeof app->db_path, "%s", path);
    scr_open(app);
    if (app->st) {
        char msg[PATH_MAX + 128];
        snprintf(msg, sizeof msg, T("error.now_using"), app->db_path);
        scr_say(app, msg, 0);
    }
}

/* The newest good copy, into a new file beside the damaged one (which stays as it is). */
static void restore(scr_app *app)
{
    char path[PATH_MAX];
    int64_t at = 0;
    if (store_restore_beside(app->db_path, path, sizeof path, &at) != STORE_OK) {
        scr_say(app, T("error.no_backup"), 1);
        return;
    }
    snprintf(app->db_path, sizeof app->db_path, "%s", path);
    scr_open(app);
    if (app->st) {
        char hm[8], msg[PATH_MAX + 128];
        scr_local_hm(at, hm, sizeof hm);
        snprintf(msg, sizeof msg, T("error.restored"), hm, app->db_path);
        scr_say(app, msg, 0);
    }
}

void scr_error_frame(scr_app *app)
{
    ui_ctx *ui = app->ui;
    int top = scr_begin(app, "error", T("error.title"), 0);
    int m = scr_margin(app), t = scr_target(app);
    int bottom = scr_statusbar(app);
    int w = ui->w - 4 * m, x = 2 * m, y = top + ui_mm(ui, 12);
    /* A warning sign: a shape as well as a colour. */
    int r = ui_mm(ui, 7);
    ui_circle(ui, x + r, y + r, r, UI_WARN);
    ui_text(ui, "!", x + r, y + r - ui_text_size(ui, "!", CFG_TITLE_MM).y / 2, CFG_TITLE_MM, UI_SURFACE, UI_CENTER, 0);
    int tx = x + 2 * r + ui_mm(ui, 6), tw = w - (tx - x);
    SDL_Point p = ui_text(ui, problem(app->open_status), tx, y, CFG_BODY_MM * 1.3f, UI_INK, UI_LEFT, tw);
    y += p.y + ui_mm(ui, 4);
    char line[PATH_MAX + 64];
    snprintf(line, sizeof line, T("error.file"), app->db_path);
    y += ui_text(ui, line, tx, y, CFG_BODY_MM, UI_INK, UI_LEFT, tw).y + ui_mm(ui, 3);
    if (app->open_status != STORE_ELOCKED && app->open_status != STORE_EDIR)
        y += ui_text(ui, T("error.kept"), tx, y, CFG_BODY_MM, UI_INK, UI_LEFT, tw).y + ui_mm(ui, 3);
    y += ui_text(ui, app->open_msg, tx, y, CFG_SMALL_MM, UI_INK2, UI_LEFT, tw).y + ui_mm(ui, 10);

    int bw = ui_mm(ui, 70), g = ui_mm(ui, 4), bx = tx;
    if (y + t > bottom) y = bottom - t - g;
    if (app->open_status == STORE_ECORRUPT && app->has_backup) {
        if (ui_button(ui, "error.restore", ui_rect(bx, y, bw, t), T("error.restore"), UI_PRIMARY)) restore(app);
        bx += bw + g;
    }
    if (app->open_status != STORE_ELOCKED && app->open_status != STORE_EDIR) {
        if (ui_button(ui, "error.newfile", ui_rect(bx, y, bw, t), T("error.new_file"), app->has_backup ? UI_SECONDARY : UI_PRIMARY))
            new_beside(app);
        bx += bw + g;
    }
    if (ui_button(ui, "error.retry", ui_rect(bx, y, bw, t), T("error.retry"), UI_SECONDARY)) scr_open(app);
    bx += bw + g;
    if (ui_button(ui, "error.quit", ui_rect(bx, y, bw, t), T("error.quit"), UI_SECONDARY)) app->quit = 1;
    ui_end(ui);
}
