/* pin: the facilitator PIN. A new database first asks for a new PIN twice; later
 * the PIN guards deleting a meeting and leaving the app. */
#include "screens.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define DOT_MM 3.0f          /* a digit typed, radius */
#define SHAKE_MM 4.0f        /* how far the dots shake after a wrong PIN */
#define KEYS_GAP_MM 6.0f     /* above the keys, and under them */
#define KEY_MAX_MM 24.0f     /* a key, at most */
#define MODAL_KEY_MM 17.0f   /* a key when the PIN is asked */
#define MODAL_W_MM 130.0f    /* that card, at least */
#define MODAL_PAD_MM 12.0f   /* at its sides */
#define MODAL_TOP_MM 7.0f    /* at its top */
#define MODAL_WORDS_MM 52.0f /* its words and the dots, above the keys */
#define MSG_LINE_MM 7.0f     /* why it waits, or what was wrong */

/* Dots for the digits typed so far, shaking after a wrong PIN. */
static void pin_dots(scr_app *app, int cx, int y)
{
    ui_ctx *ui = app->ui;
    int r = ui_mm(ui, DOT_MM), gap = ui_mm(ui, CFG_GAP_WIDE_MM);
    int n = (int)strlen(app->pin), shown = n > CORE_PIN_MIN ? n : CORE_PIN_MIN;
    int x0 = cx - (shown * 2 * r + (shown - 1) * gap) / 2;
    if ((int32_t)(app->shake_until - app->now) > 0) {
        float t = (float)(300 - (int)(app->shake_until - app->now)) / 300.0f;
        x0 += (int)(sinf(t * 6.0f * 3.14159f) * (1.0f - t) * ui_mm(ui, SHAKE_MM));
    }
    for (int i = 0; i < shown; i++) {
        int x = x0 + i * (2 * r + gap) + r;
        ui_circle(ui, x, y + r, r, i < n ? UI_INK : UI_INK2);
        if (i >= n) ui_circle(ui, x, y + r, r - 3, UI_SURFACE);
    }
}

/* The keypad: 1-9, wissen, 0, OK. Returns 1 when OK was tapped. */
static int keypad(scr_app *app, int cx, int y, int key)
{
    ui_ctx *ui = app->ui;
    int gap = ui_mm(ui, CFG_GAP_MM);
    int x0 = cx - (3 * key + 2 * gap) / 2;
    int paused = core_pin_wait_ms(&app->pin_guard, app->wall_ms) > 0;
    static const char *const digits = "123456789";
    for (int i = 0; i < 12; i++) {
        SDL_Rect r = ui_rect(x0 + (i % 3) * (key + gap), y + (i / 3) * (key + gap), key, key);
        char id[16], label[2];
        size_t n = strlen(app->pin);
        if (i == 9) {
            if (ui_button(ui, "pin.back", r, T("pin.erase"), UI_SECONDARY) && n) app->pin[n - 1] = 0;
            continue;
        }
        if (i == 11) {
            if (ui_button(ui, "pin.ok", r, T("pin.ok"), UI_PRIMARY) && !paused) return 1;
            continue;
        }
        label[0] = i == 10 ? '0' : digits[i];
        label[1] = 0;
        snprintf(id, sizeof id, "pin.key.%c", label[0]);
        if (ui_button(ui, id, r, label, UI_SECONDARY) && !paused && n < CORE_PIN_MAX) {
            app->pin[n] = label[0];
            app->pin[n + 1] = 0;
        }
    }
    return 0;
}

static void wrong(scr_app *app, const char *msg)
{
    app->pin[0] = 0;
    app->shake_until = app->now + 300;
    scr_say(app, msg, 1);
}

void scr_pin_new_frame(scr_app *app)
{
    ui_ctx *ui = app->ui;
    int top = scr_begin(app, "pin_new", T("pin.welcome"), 0);
    int cx = ui->w / 2, m = scr_margin(app);
    int y = top + ui_mm(ui, CFG_AIR_WIDE_MM);
    SDL_Point p = ui_text(ui, app->pin_step == 0 ? T("pin.choose") : T("pin.repeat"), cx, y, CFG_LEAD_MM, UI_INK, UI_CENTER, 0);
    y += p.y + ui_mm(ui, CFG_GAP_TIGHT_MM);
    p = ui_text(ui, T("pin.why"), cx, y, CFG_SMALL_MM, UI_INK2, UI_CENTER, ui->w - 4 * m);
    y += p.y + ui_mm(ui, CFG_AIR_MM);
    pin_dots(app, cx, y);
    y += ui_mm(ui, DOT_MM * 2) + ui_mm(ui, KEYS_GAP_MM);
    int bottom = scr_statusbar(app);
    int key = (bottom - y - ui_mm(ui, KEYS_GAP_MM) - 3 * ui_mm(ui, CFG_GAP_MM)) / 4;
    if (key > ui_mm(ui, KEY_MAX_MM)) key = ui_mm(ui, KEY_MAX_MM);
    if (key < ui_mm(ui, CFG_TARGET_MM)) key = ui_mm(ui, CFG_TARGET_MM);
    if (keypad(app, cx, y, key)) {
        if (core_pin_check(app->pin) != CORE_OK) {
            wrong(app, T("pin.too_short"));
        } else if (app->pin_step == 0) {
            snprintf(app->pin_first, sizeof app->pin_first, "%s", app->pin);
            app->pin[0] = 0;
            app->pin_step = 1;
            app->status[0] = 0;
        } else if (strcmp(app->pin, app->pin_first) != 0) {
            app->pin_step = 0;
            app->pin_first[0] = 0;
            wrong(app, T("pin.mismatch"));
        } else {
            store_status r = scr_device(app, &(scr_dev){.kind = DEV_PIN_SET, .value = app->pin});
            memset(app->pin, 0, sizeof app->pin);
            memset(app->pin_first, 0, sizeof app->pin_first);
            app->pin_step = 0;
            if (r != STORE_OK) scr_store_failed(app, r);
            else {
                scr_saved(app);
                scr_say(app, T("pin.set"), 0);
                app->home_open = 1; /* the facilitator who set it is here */
                scr_go_home(app);
            }
        }
    }
    ui_end(ui);
}

void scr_pin_ask(scr_app *app, scr_pin_purpose why, int64_t target)
{
    app->pin_for = why;
    app->pin_target = target;
    app->pin[0] = 0;
    ui_focus(app->ui, "");
    app->ui->dirty = 1;
}

/* What a correct PIN unlocks. */
static void granted(scr_app *app, const char *pin)
{
    scr_pin_purpose why = app->pin_for;
    app->pin_for = PIN_FOR_NONE;
    if (why == PIN_FOR_ERROR_NEWFILE || why == PIN_FOR_ERROR_RESTORE) {
        scr_error_do(app, why, pin);
    } else if (why == PIN_FOR_QUIT) {
        app->quit = 1;
    } else if (why == PIN_FOR_DELETE) {
        store_status r = scr_do(app, &(core_op){.kind = OP_MEETING_DELETE, .meeting = app->pin_target}, NULL);
        if (r == STORE_EHELD) scr_say(app, T("home.deleted_held"), 1); /* gone from the list, not yet wiped everywhere: tried again */
        else if (r == STORE_OK) scr_say(app, T("home.deleted"), 0);
        app->meetings_stale = 1;
    } else if (why == PIN_FOR_LEAVE_CLOSED) {
        scr_closed_finish(app);
    } else if (why == PIN_FOR_HOME) {
        app->home_open = 1;
        scr_go_home(app);
    } else if (why == PIN_FOR_REOPEN_CLOSED) {
        scr_closed_reopen(app, (int)app->pin_target);
    } else if (why == PIN_FOR_FINISH || why == PIN_FOR_REOPEN_MEETING) {
        core_op op = {.kind = why == PIN_FOR_FINISH ? OP_MEETING_FINISH : OP_MEETING_REOPEN, .meeting = app->pin_target};
        if (scr_do(app, &op, NULL) == STORE_OK) {
            app->meetings_stale = 1;
            scr_open_meeting(app, app->pin_target);
            scr_say(app, why == PIN_FOR_FINISH ? T("meeting.finished") : T("meeting.reopened"), 0);
        }
    } else if (why == PIN_FOR_EXPORT) {
        scr_export_open(app, app->pin_target);
    }
}

int scr_pin_modal(scr_app *app)
{
    if (app->pin_for == PIN_FOR_NONE) return 0;
    ui_ctx *ui = app->ui;
    ui_block(ui, "pin.modal");
    int key = ui_mm(ui, MODAL_KEY_MM), gap = ui_mm(ui, CFG_GAP_MM);
    int w = 3 * key + 2 * gap + ui_mm(ui, MODAL_PAD_MM * 2);
    if (w < ui_mm(ui, MODAL_W_MM)) w = ui_mm(ui, MODAL_W_MM);
    int h = ui_mm(ui, MODAL_WORDS_MM) + 4 * key + 3 * gap + ui_mm(ui, CFG_GAP_WIDE_MM * 2 + CFG_BUTTON_MM);
    SDL_Rect card = ui_rect((ui->w - w) / 2, (ui->h - h) / 2, w, h);
    ui_card(ui, card, ui_mm(ui, CFG_RADIUS_SHEET_MM), UI_SURFACE, UI_HAIRLINE, CFG_HAIRLINE_PX);
    int cx = ui->w / 2, y = card.y + ui_mm(ui, MODAL_TOP_MM);
    SDL_Point p = ui_text(ui, T("pin.ask"), cx, y, CFG_ASK_MM, UI_INK, UI_CENTER, 0);
    y += p.y + ui_mm(ui, CFG_GAP_TIGHT_MM);
    static const char *const why_key[] = {
        [PIN_FOR_DELETE] = N_("pin.for_delete"), [PIN_FOR_QUIT] = N_("pin.for_quit"),
        [PIN_FOR_LEAVE_CLOSED] = N_("pin.for_closed"), [PIN_FOR_EXPORT] = N_("pin.for_export"),
        [PIN_FOR_REOPEN_CLOSED] = N_("pin.for_reopen_closed"), [PIN_FOR_HOME] = N_("pin.for_home"),
        [PIN_FOR_ERROR_NEWFILE] = N_("pin.for_error"), [PIN_FOR_ERROR_RESTORE] = N_("pin.for_error"),
        [PIN_FOR_FINISH] = N_("pin.for_finish"), [PIN_FOR_REOPEN_MEETING] = N_("pin.for_reopen_meeting")};
    const char *why = T(why_key[app->pin_for]);
    p = ui_text(ui, why, cx, y, CFG_SMALL_MM, UI_INK2, UI_CENTER, w - ui_mm(ui, CFG_PAD_MM * 2));
    y += p.y + ui_mm(ui, CFG_AIR_MM);
    pin_dots(app, cx, y);
    y += ui_mm(ui, DOT_MM * 2 + CFG_GAP_TIGHT_MM);
    /* The status bar is under the backdrop: say it here, where the eyes are. */
    int64_t wait = core_pin_wait_ms(&app->pin_guard, app->wall_ms);
    if (wait > 0) {
        char msg[128];
        snprintf(msg, sizeof msg, T("pin.paused"), (int)((wait + 999) / 1000));
        ui_text(ui, msg, cx, y, CFG_SMALL_MM, UI_WARN, UI_CENTER, 0);
    } else if (app->status_error && (int32_t)(app->status_until - app->now) > 0) {
        ui_text(ui, app->status, cx, y, CFG_SMALL_MM, UI_DANGER, UI_CENTER, 0);
    }
    y += ui_mm(ui, MSG_LINE_MM);
    if (keypad(app, cx, y, key)) {
        store_status r;
        if (app->st) {
            r = scr_device(app, &(scr_dev){.kind = DEV_PIN_CHECK, .value = app->pin}); /* and the guard as the file has it */
        } else if (core_pin_wait_ms(&app->pin_guard, app->wall_ms) > 0) {
            r = STORE_EPAUSED;
        } else {
            /* The error screen: the file cannot be written, so the count is kept here. */
            r = store_pin_matches(app->error_hash, app->pin);
            if (r == STORE_OK) core_pin_right(&app->pin_guard);
            else if (r == STORE_EINVAL) core_pin_wrong(&app->pin_guard, CFG_PIN_TRIES, CFG_PIN_PAUSE_MS, app->wall_ms);
        }
        if (r == STORE_OK) {
            char typed[sizeof app->pin];
            memcpy(typed, app->pin, sizeof typed);
            memset(app->pin, 0, sizeof app->pin);
            granted(app, typed);
            memset(typed, 0, sizeof typed);
        } else if (r == STORE_EINVAL || r == STORE_EPAUSED) {
            wrong(app, T("pin.wrong"));
        } else {
            scr_store_failed(app, r);
        }
    }
    y += 4 * key + 3 * gap + ui_mm(ui, CFG_GAP_WIDE_MM);
    if (ui_button(ui, "pin.cancel", ui_rect(card.x + ui_mm(ui, MODAL_PAD_MM), y, w - ui_mm(ui, MODAL_PAD_MM * 2), ui_mm(ui, CFG_BUTTON_MM)),
                  T("common.cancel"), UI_QUIET)) {
        app->pin_for = PIN_FOR_NONE;
        app->pin[0] = 0;
    }
    return 1;
}
