/* error: the database cannot be used. Says which file and what is wrong, never
 * writes to it, and offers the newest good backup or a new file, each at the file's
 * own path with the old one kept aside; behind the PIN when the file's is known. */
#include "screens.h"

#include <stdio.h>
#include <string.h>

#define TOP_MM 12.0f        /* the message starts this far under the title bar */
#define SIGN_MM 7.0f        /* the warning sign's radius */
#define SIGN_GAP_MM 6.0f    /* between the sign and the words */
#define HEAD_GAP_MM 4.0f    /* under what is wrong, before the details */
#define BUTTONS_AIR_MM 10.0f /* above the ways on */

static const char *problem(store_status s)
{
    switch (s) {
    case STORE_ECORRUPT: return T("error.corrupt");
    case STORE_ENEWER: return T("error.newer");
    case STORE_ELOCKED: return T("error.locked");
    case STORE_EDIR: return T("error.dir");
    case STORE_EREADONLY: return T("error.read_only");
    case STORE_EFULL: return T("error.full");
    case STORE_EFOREIGN: return T("error.foreign");
    default: return T("error.other");
    }
}

/* The word in the name a file is kept under when it is moved aside. */
static const char *aside_word(store_status s)
{
    switch (s) {
    case STORE_ECORRUPT: return "beschadigd";
    case STORE_ENEWER: return "nieuwer";
    case STORE_EREADONLY: return "alleen-lezen";
    case STORE_EFULL: return "vol";
    default: return "apart";
    }
}

/* Another program's file is never touched: no new file in its place, no restore. */
static int ours(const scr_app *app)
{
    return app->open_status != STORE_ELOCKED && app->open_status != STORE_EDIR && app->open_status != STORE_EFOREIGN;
}

/* The file is kept, moved aside with the day in its name, and a new one made at
 * its path: the path the kiosk service starts on. With the PIN that was typed. */
static void new_file(scr_app *app, const char *pin)
{
    char aside[PATH_MAX];
    store_status r = scr_device(app, &(scr_dev){.kind = DEV_SET_ASIDE, .why = aside_word(app->open_status), .aside = aside,
                                                .aside_cap = sizeof aside});
    if (r != STORE_OK) {
        scr_say(app, T("error.no_new_file"), 1);
        return;
    }
    scr_open(app);
    if (!app->st) return;
    if (pin && pin[0] && scr_device(app, &(scr_dev){.kind = DEV_PIN_SET, .value = pin}) == STORE_OK) {
        app->home_open = 1; /* the facilitator who typed it is here */
        scr_go_home(app);
    }
    char msg[PATH_MAX + 128];
    snprintf(msg, sizeof msg, T("error.now_using"), aside);
    scr_say(app, msg, 0);
}

/* The newest good copy, at the file's own path; the damaged file kept aside. */
static void restore(scr_app *app)
{
    char aside[PATH_MAX];
    scr_dev d = {.kind = DEV_RESTORE, .why = aside_word(app->open_status), .aside = aside, .aside_cap = sizeof aside};
    if (scr_device(app, &d) != STORE_OK) {
        scr_say(app, T("error.no_backup"), 1);
        return;
    }
    scr_open(app);
    if (app->st) {
        char hm[8], msg[PATH_MAX + 128];
        scr_local_hm(d.at, hm, sizeof hm);
        snprintf(msg, sizeof msg, T("error.restored"), hm, aside);
        scr_say(app, msg, 0);
    }
}

void scr_error_do(scr_app *app, scr_pin_purpose what, const char *pin)
{
    if (what == PIN_FOR_ERROR_NEWFILE) new_file(app, pin);
    else if (what == PIN_FOR_ERROR_RESTORE) restore(app);
    else if (what == PIN_FOR_QUIT) app->quit = 1;
}

/* Where the file's PIN is known (its good backup carries it), every way on from
 * here is the facilitator's; else there is nothing to guard yet. */
static void ask_or_do(scr_app *app, scr_pin_purpose what)
{
    if (app->error_hash[0]) scr_pin_ask(app, what, 0);
    else scr_error_do(app, what, NULL);
}

void scr_error_frame(scr_app *app)
{
    ui_ctx *ui = app->ui;
    int top = scr_begin(app, "error", T("error.title"), 0);
    int m = scr_margin(app), t = scr_target(app);
    int bottom = scr_statusbar(app);
    int w = ui->w - 4 * m, x = 2 * m, y = top + ui_mm(ui, TOP_MM);
    /* A warning sign: a shape as well as a colour. */
    int r = ui_mm(ui, SIGN_MM);
    ui_circle(ui, x + r, y + r, r, UI_WARN);
    ui_text(ui, "!", x + r, y + r - ui_text_size(ui, "!", CFG_TITLE_MM).y / 2, CFG_TITLE_MM, UI_SURFACE, UI_CENTER, 0);
    int tx = x + 2 * r + ui_mm(ui, SIGN_GAP_MM), tw = w - (tx - x);
    SDL_Point p = ui_text(ui, problem(app->open_status), tx, y, CFG_ASK_MM, UI_INK, UI_LEFT, tw);
    y += p.y + ui_mm(ui, HEAD_GAP_MM);
    char line[PATH_MAX + 64];
    snprintf(line, sizeof line, T("error.file"), app->db_path);
    y += ui_text(ui, line, tx, y, CFG_BODY_MM, UI_INK, UI_LEFT, tw).y + ui_mm(ui, CFG_PARA_GAP_MM);
    if (app->open_status != STORE_ELOCKED && app->open_status != STORE_EDIR)
        y += ui_text(ui, ours(app) ? T("error.kept") : T("error.kept_foreign"), tx, y, CFG_BODY_MM, UI_INK, UI_LEFT, tw).y +
             ui_mm(ui, CFG_PARA_GAP_MM);
    y += ui_text(ui, app->open_msg, tx, y, CFG_SMALL_MM, UI_INK2, UI_LEFT, tw).y + ui_mm(ui, BUTTONS_AIR_MM);

    int bw = ui_mm(ui, CFG_BUTTON_W_WIDE_MM), g = ui_mm(ui, CFG_GAP_WIDE_MM), bx = tx;
    if (y + t > bottom) y = bottom - t - g;
    if (app->open_status == STORE_ECORRUPT && app->has_backup) {
        if (ui_button(ui, "error.restore", ui_rect(bx, y, bw, t), T("error.restore"), UI_PRIMARY))
            ask_or_do(app, PIN_FOR_ERROR_RESTORE);
        bx += bw + g;
    }
    if (ours(app)) {
        if (ui_button(ui, "error.newfile", ui_rect(bx, y, bw, t), T("error.new_file"), app->has_backup ? UI_SECONDARY : UI_PRIMARY))
            ask_or_do(app, PIN_FOR_ERROR_NEWFILE);
        bx += bw + g;
    }
    if (ui_button(ui, "error.retry", ui_rect(bx, y, bw, t), T("error.retry"), UI_SECONDARY)) scr_open(app);
    bx += bw + g;
    if (ui_button(ui, "error.quit", ui_rect(bx, y, bw, t), T("error.quit"), UI_SECONDARY)) ask_or_do(app, PIN_FOR_QUIT);
    scr_pin_modal(app);
    ui_end(ui);
}
