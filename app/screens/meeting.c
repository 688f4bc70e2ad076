/* meeting: the phase bar, the board of the phase, and who is there. */
#include "screens.h"

#include <stdio.h>
#include <string.h>

#define BAR_MM 34.0f          /* the phase bar: two rows of buttons beside the timer */
#define DIGITS_MM (CFG_TIMER_MM * 0.8f) /* the timer's digits, shrinking to fit their box */
#define PAUSE_W_MM 24.0f      /* Pauze, Start */
#define CLOCK_W_MM 62.0f      /* the timer */
#define STEPS_X_MM 7.0f       /* the steps start this far past the family's name, the rule between */
#define UNDO_W_MM 100.0f      /* Ongedaan maken and Opnieuw, together */
#define CLOSED_BAND_MM 16.0f  /* the closed segment's band */
#define BAND_WORDS_MM (CFG_BODY_MM * 1.1f) /* its words */
#define BREAK_UP_MM 12.0f     /* a break: its heading, this far above the middle */
#define BREAK_LINE_MM 16.0f   /* and when it ends, this far under the heading */
#define CHOOSE_W_MM 80.0f     /* a child's name, to choose whose VIP-kaart */
#define EVERYONE_TILE_W_MM 70.0f /* a person in the grid of everyone: an avatar and a long name */

/* The phase the meeting is in; a stored index out of range (an edited file) reads as the first. */
static const core_phase *current(const scr_app *app)
{
    int i = app->m.meeting.current_phase;
    return &app->m.phases[i >= 0 && i < app->m.nphases ? i : 0];
}

static void go_phase(scr_app *app, int delta)
{
    int to = core_phase_step(app->m.meeting.current_phase, delta, app->m.nphases);
    if (to == app->m.meeting.current_phase && app->m.phases[to].started_at_ms) return;
    if (scr_closed_now(app)) return; /* locked: only "Wij zijn klaar" or the PIN ends it */
    if (app->m.phases[to].def.closed && app->m.phases[to].ended_at_ms && to != app->m.meeting.current_phase) {
        scr_pin_ask(app, PIN_FOR_REOPEN_CLOSED, to); /* back into it is the facilitator's */
        return;
    }
    if (app->m.phases[to].def.closed && !app->m.phases[to].ended_at_ms && to != app->m.meeting.current_phase) {
        scr_closed_ask(app, to); /* the facilitator starts it, knowing the professionals leave */
        return;
    }
    if (scr_do(app, &(core_op){.kind = OP_PHASE_GO, .n = to}, NULL) != STORE_OK) return;
    app->meetings_stale = 1;
    scr_open_meeting(app, app->m.meeting.id);
}

/* The agenda as a row of steps: a filled dot for the current phase, a ring for the rest. */
/* Whether every phase's title fits in w, each in its share. */
static int steps_fit(scr_app *app, int w)
{
    ui_ctx *ui = app->ui;
    int n = app->m.nphases, dot_w = 2 * ui_mm(ui, CFG_DISC_MM) + ui_mm(ui, CFG_GAP_MM), all = n > 0;
    for (int i = 0; i < n && all; i++)
        all = ui_text_size(ui, scr_phase_title(app, &app->m.phases[i].def), CFG_SMALL_MM).x + dot_w + ui_mm(ui, CFG_GAP_MM) <= w / n;
    return all;
}

static void steps(scr_app *app, SDL_Rect r)
{
    ui_ctx *ui = app->ui;
    int n = app->m.nphases;
    if (n < 1) return;
    int rad = ui_mm(ui, CFG_DISC_MM), dot_w = 2 * rad + ui_mm(ui, CFG_GAP_MM);
    /* Every title when they fit at the small size; otherwise numbers, and the
     * current phase named in full (an agenda of eight stays readable). */
    int all = steps_fit(app, r.w);
    int cur_w = r.w / n;
    if (!all) {
        int i = app->m.meeting.current_phase >= 0 && app->m.meeting.current_phase < n ? app->m.meeting.current_phase : 0;
        int want = ui_text_size(ui, scr_phase_title(app, &app->m.phases[i].def), CFG_BODY_MM).x + dot_w + ui_mm(ui, CFG_GAP_MM * 2);
        cur_w = r.w - (n - 1) * dot_w;
        if (want < cur_w) cur_w = want;
    }
    int x = r.x;
    for (int i = 0; i < n; i++) {
        const core_phase *ph = &app->m.phases[i];
        int cur = i == app->m.meeting.current_phase;
        int w = all ? r.w / n : cur ? cur_w : dot_w, cy = r.y + r.h / 2;
        uint32_t colour = ph->def.closed ? UI_CLOSED_BAND : UI_ACCENT;
        ui_circle(ui, x + rad, cy, rad, cur ? colour : ph->ended_at_ms ? CFG_QUIET_EDGE : UI_INK2);
        if (!cur) ui_circle(ui, x + rad, cy, rad - 3, UI_SURFACE);
        char num[8];
        snprintf(num, sizeof num, "%d", i + 1);
        ui_text(ui, num, x + rad, cy - ui_text_size(ui, num, CFG_SMALL_MM).y / 2, CFG_SMALL_MM,
                cur ? UI_SURFACE : UI_INK2, UI_CENTER, 0);
        if (all || cur)
            ui_text_fit(ui, scr_phase_title(app, &ph->def), ui_rect(x + 2 * rad + ui_mm(ui, CFG_ICON_GAP_MM), r.y,
                                                                    w - 2 * rad - ui_mm(ui, CFG_ICON_GAP_MM + CFG_GAP_MM), r.h),
                        CFG_BODY_MM, CFG_SMALL_MM, cur ? UI_INK : UI_INK2, UI_LEFT);
        x += w;
    }
}

static void reload_phases(scr_app *app)
{
    app->phases_stale = 0;
    store_status r = store_phases(app->st, app->m.meeting.id, app->m.phases, CORE_PHASES_MAX, &app->m.nphases);
    if (r != STORE_OK) scr_store_failed(app, r);
}

static void timer_op(scr_app *app, store_timer_op op, int64_t arg)
{
    const core_phase *cur = current(app);
    if (scr_do(app, &(core_op){.kind = OP_TIMER, .n = cur->seq, .n2 = op, .arg = arg}, NULL) != STORE_OK) return;
    app->phases_stale = SCR_STALE_SAVED; /* minutes added show at once (scr_model_apply); a pause once saved */
}

static int running(const core_phase *p) { return p->started_at_ms && !p->ended_at_ms && !p->paused_at_ms; }

/* The countdown, large enough to read across the room. Colour and words change
 * together: calm, two minutes left, the last ten seconds, over time. In the closed
 * segment it counts up: the family takes the time it needs. */
static void timer_box(scr_app *app, SDL_Rect r)
{
    ui_ctx *ui = app->ui;
    const core_phase *p = current(app);
    int64_t left = core_phase_left_ms(p, app->wall_ms), elapsed = core_phase_elapsed_ms(p, app->wall_ms);
    char digits[24], caption[96];
    uint32_t fill = UI_SURFACE, ink = UI_INK;
    if (app->m.meeting.status == MEETING_FINISHED) { /* the time the phase took, still */
        core_clock_text(elapsed, digits, sizeof digits);
        snprintf(caption, sizeof caption, "%s", T("timer.finished"));
        ink = UI_INK2;
    } else if (p->def.closed) {
        core_clock_text(elapsed, digits, sizeof digits);
        snprintf(caption, sizeof caption, T("timer.of_planned"), p->def.minutes);
    } else if (!p->started_at_ms) {
        core_clock_text(left, digits, sizeof digits);
        snprintf(caption, sizeof caption, "%s", T("timer.not_started"));
        ink = UI_INK2;
    } else if (p->paused_at_ms) {
        core_clock_text(left, digits, sizeof digits);
        snprintf(caption, sizeof caption, "%s", T("timer.paused"));
        ink = UI_INK2;
    } else if (left > 0) {
        /* Round up: "00:01" until the very end, never "00:00" with time left. */
        core_clock_text(left < INT64_MAX - 999 ? left + 999 : left, digits, sizeof digits);
        snprintf(caption, sizeof caption, "%s", left <= 120000 ? T("timer.almost") : T("timer.left"));
        if (left <= 120000) ink = UI_WARN;
        if (left <= 10000) { fill = UI_WARN; ink = UI_SURFACE; }
    } else {
        char over[16];
        core_clock_text(left, over, sizeof over);
        snprintf(digits, sizeof digits, "+%s", over);
        snprintf(caption, sizeof caption, "%s", T("timer.over"));
        ink = UI_WARN;
        /* At zero it pulses for ten seconds: the room looks up. */
        if (left > -10000 && ((-left) / 500) % 2 == 0) { fill = UI_WARN; ink = UI_SURFACE; }
    }
    ui_round(ui, r, ui_mm(ui, CFG_RADIUS_MM), fill);
    int cap_h = ui_mm(ui, CFG_LINE_SMALL_MM);
    ui_text_fit(ui, digits, ui_rect(r.x, r.y, r.w, r.h - cap_h), DIGITS_MM, CFG_TITLE_MM, ink, UI_CENTER);
    ui_text_fit(ui, caption, ui_rect(r.x, r.y + r.h - cap_h - ui_mm(ui, CFG_NUDGE_MM), r.w, cap_h), CFG_SMALL_MM, CFG_SMALL_MIN_MM,
                fill == UI_SURFACE ? UI_INK2 : UI_SURFACE, UI_CENTER);
    /* The chime, once, when this phase's time runs out (not when a restart finds it over). */
    if (running(p) && !p->def.closed && left <= 0 && left > -3000 && app->chimed_phase != p->id) {
        app->chimed_phase = p->id;
        if (!app->chime_off) ui_chime(ui);
    }
}

int scr_meeting_wake_in(const scr_app *app)
{
    if (app->screen != SCR_MEETING || app->m.nphases < 1) return -1;
    const core_phase *p = current(app);
    if (!running(p)) return -1;
    int64_t left = core_phase_left_ms(p, app->wall_ms);
    if (left <= 0 && left > -10000) return 250; /* pulsing */
    int64_t e = core_phase_elapsed_ms(p, app->wall_ms);
    return (int)(1000 - e % 1000) + 1; /* the next whole second */
}

static int phase_bar(scr_app *app)
{
    ui_ctx *ui = app->ui;
    int h = ui_mm(ui, BAR_MM), m = scr_margin(app), g = ui_mm(ui, CFG_GAP_TIGHT_MM);
    /* Right: the controls in two rows; left of them the timer. */
    int bh = ui_mm(ui, CFG_BUTTON_SMALL_MM), row1 = (h - 2 * bh - g) / 2, row2 = row1 + bh + g;
    int nav_w = ui_mm(ui, CFG_BUTTON_W_SLIM_MM), ctl = 2 * nav_w + g;
    int bx = ui->w - m - ctl;
    int clock_w = ui_mm(ui, CLOCK_W_MM);
    int title_w = ui->w / 6, steps_x = m + title_w + ui_mm(ui, STEPS_X_MM);
    int steps_w = bx - clock_w - 4 * g - steps_x - ui_mm(ui, CFG_GAP_MM);
    /* A narrow screen (upright) whose agenda does not fit beside the timer: the phases
     * get a row of their own under it, every one named, and the family's name the
     * room the phases had. */
    int below = !steps_fit(app, steps_w) && steps_fit(app, ui->w - 2 * m), steps_h = below ? ui_mm(ui, CFG_BAR_MM) : 0;
    if (below) title_w = bx - clock_w - 4 * g - m - ui_mm(ui, CFG_GAP_MM);
    ui_fill(ui, ui_rect(0, 0, ui->w, h + steps_h), UI_SURFACE);
    ui_fill(ui, ui_rect(0, h + steps_h - CFG_HAIRLINE_PX, ui->w, CFG_HAIRLINE_PX), UI_HAIRLINE);
    ui_text_fit(ui, app->m.meeting.title, ui_rect(m, 0, title_w, h), CFG_NOTE_MM, CFG_BODY_MM, UI_INK, UI_LEFT);
    if (below) ui_fill(ui, ui_rect(m, h, ui->w - 2 * m, CFG_HAIRLINE_PX), UI_HAIRLINE);
    else
        ui_fill(ui, ui_rect(m + title_w + ui_mm(ui, CFG_GAP_MM), ui_mm(ui, CFG_PAD_MM), CFG_HAIRLINE_PX, h - ui_mm(ui, CFG_PAD_MM * 2)),
                UI_HAIRLINE);
    app->timer_r = ui_rect(bx - g * 2 - clock_w, ui_mm(ui, CFG_GAP_TIGHT_MM), clock_w, h - ui_mm(ui, CFG_GAP_TIGHT_MM * 2));
    timer_box(app, app->timer_r);
    steps(app, below ? ui_rect(m, h, ui->w - 2 * m, steps_h) : ui_rect(steps_x, 0, steps_w, h));
    h += steps_h;
    const core_phase *cur = current(app);
    if (app->m.meeting.status == MEETING_FINISHED) {
        /* Finished: nothing moves until the facilitator reopens it. */
        ui_button_off(ui, "phase.prev", ui_rect(bx, row1, nav_w, bh), T("phase.prev"));
        if (ui_button(ui, "meeting.reopen", ui_rect(bx + nav_w + g, row1, nav_w, bh), T("meeting.reopen"), UI_SECONDARY))
            scr_pin_ask(app, PIN_FOR_REOPEN_MEETING, app->m.meeting.id);
        ui_button_off(ui, "timer.pause", ui_rect(bx, row2, ui_mm(ui, PAUSE_W_MM), bh), T("timer.pause"));
        ui_button_off(ui, "timer.plus1", ui_rect(bx + ui_mm(ui, PAUSE_W_MM) + g, row2, ui_mm(ui, CFG_BUTTON_SMALL_MM), bh), "+1");
        ui_button_off(ui, "timer.plus5", ui_rect(bx + ui_mm(ui, PAUSE_W_MM + CFG_BUTTON_SMALL_MM) + 2 * g, row2, ui_mm(ui, CFG_BUTTON_SMALL_MM), bh),
                      "+5");
        return h;
    }
    if (scr_closed_now(app)) {
        /* The closed segment: no facilitator control works; the band says how to leave. */
        ui_button_off(ui, "phase.prev", ui_rect(bx, row1, nav_w, bh), T("phase.prev"));
        ui_button_off(ui, "phase.next", ui_rect(bx + nav_w + g, row1, nav_w, bh), T("phase.next"));
        ui_button_off(ui, "timer.pause", ui_rect(bx, row2, ui_mm(ui, PAUSE_W_MM), bh), T("timer.pause"));
        ui_button_off(ui, "timer.plus1", ui_rect(bx + ui_mm(ui, PAUSE_W_MM) + g, row2, ui_mm(ui, CFG_BUTTON_SMALL_MM), bh), "+1");
        ui_button_off(ui, "timer.plus5", ui_rect(bx + ui_mm(ui, PAUSE_W_MM + CFG_BUTTON_SMALL_MM) + 2 * g, row2, ui_mm(ui, CFG_BUTTON_SMALL_MM), bh),
                      "+5");
        return h;
    }
    if (ui_button(ui, "phase.prev", ui_rect(bx, row1, nav_w, bh), T("phase.prev"), UI_SECONDARY)) go_phase(app, -1);
    if (app->m.meeting.current_phase >= app->m.nphases - 1) {
        /* The last phase: the meeting can be finished (the facilitator's). */
        if (ui_button(ui, "meeting.finish", ui_rect(bx + nav_w + g, row1, nav_w, bh), T("meeting.finish"), UI_PRIMARY))
            scr_pin_ask(app, PIN_FOR_FINISH, app->m.meeting.id);
    } else if (ui_button(ui, "phase.next", ui_rect(bx + nav_w + g, row1, nav_w, bh), T("phase.next"), UI_PRIMARY)) {
        go_phase(app, +1);
    }
    int pw = ui_mm(ui, PAUSE_W_MM), aw = ui_mm(ui, CFG_BUTTON_SMALL_MM);
    SDL_Rect r0 = ui_rect(bx, row2, pw, bh);
    if (!cur->started_at_ms) {
        if (ui_button(ui, "timer.start", r0, T("timer.start"), UI_PRIMARY)) go_phase(app, 0);
    } else if (cur->paused_at_ms) {
        if (ui_button(ui, "timer.resume", r0, T("timer.resume"), UI_PRIMARY)) timer_op(app, STORE_TIMER_RESUME, 0);
    } else if (ui_button(ui, "timer.pause", r0, T("timer.pause"), UI_SECONDARY)) {
        timer_op(app, STORE_TIMER_PAUSE, 0);
    }
    if (ui_button(ui, "timer.plus1", ui_rect(bx + pw + g, row2, aw, bh), "+1", UI_SECONDARY)) timer_op(app, STORE_TIMER_ADD, 60000);
    if (ui_button(ui, "timer.plus5", ui_rect(bx + pw + aw + 2 * g, row2, aw, bh), "+5", UI_SECONDARY))
        timer_op(app, STORE_TIMER_ADD, 300000);
    int sx = bx + pw + 2 * aw + 3 * g;
    if (ui_toggle(ui, "timer.mute", ui_rect(sx, row2, bx + ctl - sx, bh), T("timer.sound"), !app->chime_off, 0)) {
        app->chime_off = !app->chime_off;
        store_status r = scr_device(app, &(scr_dev){.kind = DEV_SETTING, .key = "chime", .value = app->chime_off ? "off" : "on"});
        if (r != STORE_OK) scr_store_failed(app, r);
    }
    return h;
}

/* A participant's chip off the Drieluik: a colour dot with the initial, and the name
 * (grey while the professionals are out). Its width, and drawn at x. */
static int chip_w(const scr_app *app, int i)
{
    ui_ctx *ui = app->ui;
    return 2 * ui_mm(ui, CFG_AVATAR_MM) + ui_mm(ui, CFG_ICON_GAP_MM) + ui_text_size(ui, app->m.mparts[i].name, CFG_BODY_MM).x +
           ui_mm(ui, CFG_GAP_WIDE_MM);
}

static void chip(scr_app *app, int i, int x, int y, int h)
{
    ui_ctx *ui = app->ui;
    const core_participant *p = &app->m.mparts[i];
    int rad = ui_mm(ui, CFG_AVATAR_MM), away = current(app)->def.closed && core_role_is_professional(p->role), cy = y + h / 2;
    scr_avatar(app->ui, x + rad, cy, rad, away ? UI_HAIRLINE : p->colour, p->name);
    ui_text(ui, p->name, x + 2 * rad + ui_mm(ui, CFG_ICON_GAP_MM), cy - ui_text_size(ui, p->name, CFG_BODY_MM).y / 2, CFG_BODY_MM,
            away ? UI_INK2 : UI_INK, UI_LEFT, 0);
}

/* Where the people's chips go (issue 18: a bar of people never drops one). In one
 * row beside the buttons, else two; else the buttons get a row of their own under
 * two full rows of chips; else one button opens a grid of everyone. */
typedef struct {
    int rows;        /* rows of the bar, the buttons' own included */
    int own_row;     /* the buttons are on a row of their own, the last */
    int grid;        /* too many: one button for everyone */
    int x[CORE_PARTICIPANTS_MAX], row[CORE_PARTICIPANTS_MAX];
} bar_plan;

/* Lays n chips of widths w into rows of width `room`; the rows it took, or -1 past max. */
static int flow(bar_plan *b, const int *w, int n, int x0, int room, int max)
{
    int row = 0, x = 0;
    for (int i = 0; i < n; i++) {
        if (x > 0 && x + w[i] > room) row++, x = 0;
        if (row >= max || w[i] > room) return -1;
        b->x[i] = x0 + x, b->row[i] = row;
        x += w[i];
    }
    return row + 1;
}

static bar_plan plan_bar(const int *w, int n, int x0, int beside, int full)
{
    bar_plan b = {.rows = 1};
    int r = flow(&b, w, n, x0, beside, 2);
    if (r > 0) {
        b.rows = r;
        return b;
    }
    r = flow(&b, w, n, x0, full, 2);
    if (r > 0) {
        b.rows = r + 1;
        b.own_row = 1;
        return b;
    }
    b.grid = 1;
    return b;
}

/* The grid of everyone: who is here, large; on the Drieluik a tap opens that person's tray. */
static void everyone(scr_app *app, int drieluik)
{
    ui_ctx *ui = app->ui;
    ui_block(ui, "everyone.modal");
    int t = scr_target(app), g = ui_mm(ui, CFG_GAP_WIDE_MM), pad = ui_mm(ui, CFG_PAD_SHEET_MM), n = app->m.nmparts;
    int tile_w = ui_mm(ui, EVERYONE_TILE_W_MM), sw = ui->w - 2 * scr_margin(app);
    int cols = (sw - 2 * pad + g) / (tile_w + g);
    cols = cols < 1 ? 1 : cols > n ? n : cols;
    int rows = (n + cols - 1) / cols, title_h = ui_mm(ui, CFG_LINE_MM * 1.5f);
    int w = cols * (tile_w + g) - g + 2 * pad, h = 2 * pad + title_h + g + rows * (t + g) + t;
    if (h > ui->h - 2 * scr_margin(app)) h = ui->h - 2 * scr_margin(app); /* forty people in portrait: the sheet scrolls no further, the tiles shrink */
    SDL_Rect r = {(ui->w - w) / 2, (ui->h - h) / 2, w, h};
    ui_veil(ui, ui_rect(0, 0, ui->w, ui->h), UI_INK, 90);
    ui_card(ui, r, ui_mm(ui, CFG_RADIUS_SHEET_MM), UI_SURFACE, UI_HAIRLINE, CFG_HAIRLINE_PX);
    ui_text_fit(ui, drieluik ? T("meeting.who") : T("meeting.here"), ui_rect(r.x + pad, r.y + pad, r.w - 2 * pad, title_h),
                CFG_TITLE_MM, CFG_BODY_MM, UI_INK, UI_LEFT);
    int row_h = (r.h - 2 * pad - title_h - g - t) / (rows > 0 ? rows : 1);
    if (row_h > t + g) row_h = t + g;
    int rad = ui_mm(ui, CFG_AVATAR_MM);
    for (int i = 0; i < n; i++) {
        const core_participant *p = &app->m.mparts[i];
        SDL_Rect tile = {r.x + pad + (i % cols) * (tile_w + g), r.y + pad + title_h + g + (i / cols) * row_h, tile_w, row_h - g};
        char id[40];
        snprintf(id, sizeof id, "everyone.%d", i);
        int away = current(app)->def.closed && core_role_is_professional(p->role);
        int tapped = drieluik && ui_area(ui, id, tile, p->name, UI_G_CLICK);
        ui_card(ui, tile, ui_mm(ui, CFG_RADIUS_MM), ui_pressed(ui, id) ? UI_HAIRLINE : UI_BG, UI_HAIRLINE, CFG_HAIRLINE_PX);
        scr_avatar(ui, tile.x + g / 2 + rad, tile.y + tile.h / 2, rad, away ? UI_HAIRLINE : p->colour, p->name);
        ui_text_fit(ui, p->name, ui_rect(tile.x + g / 2 + 2 * rad + ui_mm(ui, CFG_ICON_GAP_MM), tile.y, tile.w - g - 2 * rad, tile.h),
                    CFG_BODY_MM, CFG_SMALL_MM, away ? UI_INK2 : UI_INK, UI_LEFT);
        if (tapped) {
            app->everyone_open = 0;
            scr_dl_open_tray(app, i);
        }
    }
    int bw = ui_mm(ui, CFG_BUTTON_W_BIG_MM);
    if (ui_button(ui, "everyone.close", ui_rect(r.x + r.w - pad - bw, r.y + r.h - pad - t, bw, t), T("note.close"), UI_SECONDARY))
        app->everyone_open = 0;
}

/* Everything of the meeting screen but ui_begin and ui_end. Returns 0 when the
 * screen changed under it (the VIP-kaart opened). */
static int meeting_body(scr_app *app)
{
    ui_ctx *ui = app->ui;
    if (scr_stale(app, app->phases_stale)) reload_phases(app);
    const core_phase *cur = current(app);
    int closed = cur->def.closed;
    ui_clear(ui, closed ? UI_CLOSED_BG : UI_BG);
    int top = phase_bar(app);
    int m = scr_margin(app), t = scr_target(app);
    int bottom = scr_statusbar(app);
    /* Participants ride above the status bar; the way home sits at its right. On
     * the Drieluik a chip opens that person's tray, and undo sits beside home. */
    const scr_board *bd = scr_board_of(cur->def.board);
    int drieluik = bd->id == BOARD_DRIELUIK;
    if (drieluik && scr_stale(app, app->notes_stale)) scr_dl_load(app); /* before the chips count held notes */
    int home_w = ui_mm(ui, CFG_BUTTON_W_BIG_MM), undo_w = bd->undo ? ui_mm(ui, UNDO_W_MM) : 0, g = ui_mm(ui, CFG_GAP_MM);
    /* A child's VIP-kaart is one tap away (not while the professionals are out). */
    int children = 0;
    for (int i = 0; i < app->m.nmparts; i++) children += app->m.mparts[i].role == ROLE_KIND;
    int vip_w = children && !closed ? ui_mm(ui, CFG_BUTTON_W_MM) : 0;
    int buttons_w = home_w + g + (undo_w ? undo_w + g : 0) + (vip_w ? vip_w + g : 0);
    int cw[CORE_PARTICIPANTS_MAX];
    for (int i = 0; i < app->m.nmparts; i++) cw[i] = drieluik ? scr_dl_chip_w(app, i) : chip_w(app, i);
    bar_plan bp = plan_bar(cw, app->m.nmparts, m, ui->w - 2 * m - buttons_w, ui->w - 2 * m);
    int row_h = ui_mm(ui, CFG_BAR_MM), chips_h = row_h * bp.rows, chips_y = bottom - chips_h;
    ui_fill(ui, ui_rect(0, chips_y, ui->w, chips_h), UI_SURFACE);
    ui_fill(ui, ui_rect(0, chips_y, ui->w, CFG_HAIRLINE_PX), UI_HAIRLINE);
    if (bp.grid) {
        /* Everyone behind one button that says how many: a tap shows them all. */
        char label[64];
        snprintf(label, sizeof label, T("meeting.everyone"), app->m.nmparts);
        int ew = ui_text_size(ui, label, CFG_BODY_MM).x + 2 * ui_mm(ui, CFG_PAD_MM);
        if (ew > ui->w - 2 * m - buttons_w) ew = ui->w - 2 * m - buttons_w;
        if (ui_button(ui, "meeting.everyone", ui_rect(m, chips_y + (row_h - t) / 2 + 1, ew, t - 2), label, UI_SECONDARY))
            app->everyone_open = 1;
    } else {
        for (int i = 0; i < app->m.nmparts; i++) {
            if (drieluik) scr_dl_chip(app, i, bp.x[i], chips_y + bp.row[i] * row_h, row_h);
            else chip(app, i, bp.x[i], chips_y + bp.row[i] * row_h, row_h);
        }
    }
    /* The buttons sit in the bar's last row, at its right. */
    int by = chips_y + (bp.rows - 1) * row_h + (row_h - t) / 2 + 1;
    if (vip_w && ui_button(ui, "meeting.vip", ui_rect(ui->w - m - home_w - g - (undo_w ? undo_w + g : 0) - vip_w, by, vip_w, t - 2),
                           T("meeting.vip"), UI_SECONDARY)) {
        if (children == 1) {
            for (int i = 0; i < app->m.nmparts; i++)
                if (app->m.mparts[i].role == ROLE_KIND) scr_vip_open(app, &app->m.mparts[i]);
            return 0; /* the next frame is the child's */
        }
        app->vip_choose = 1;
    }
    if (drieluik) scr_dl_undo_buttons(app, ui->w - m - home_w - g - undo_w, by, undo_w, t - 2);
    else if (bd->id == BOARD_GOALS) scr_goals_undo_buttons(app, ui->w - m - home_w - g - undo_w, by, undo_w, t - 2);
    if (scr_closed_now(app)) ui_button_off(ui, "meeting.home", ui_rect(ui->w - m - home_w, by, home_w, t - 2), T("meeting.home"));
    else if (ui_button(ui, "meeting.home", ui_rect(ui->w - m - home_w, by, home_w, t - 2), T("meeting.home"), UI_SECONDARY))
        scr_pin_ask(app, PIN_FOR_HOME, 0); /* every family on the device: the facilitator's */
    int y = top;
    int finished = app->m.meeting.status == MEETING_FINISHED;
    if (finished) { /* read only: said across the screen, and every tap below says it again */
        int band = ui_mm(ui, CFG_BAR_MM);
        ui_fill(ui, ui_rect(0, y, ui->w, band), CFG_BAND);
        char when[64], line[256];
        scr_local_date_words(app, app->m.meeting.finished_at_ms, when, sizeof when);
        char hm[8];
        scr_local_hm(app->m.meeting.finished_at_ms, hm, sizeof hm);
        snprintf(line, sizeof line, T("meeting.finished_band"), when, hm);
        ui_text_fit(ui, line, ui_rect(m, y, ui->w - 2 * m, band), CFG_BODY_MM, CFG_SMALL_MM, UI_INK, UI_CENTER);
        y += band;
    }
    if (closed) {
        int band = ui_mm(ui, CLOSED_BAND_MM);
        ui_fill(ui, ui_rect(0, y, ui->w, band), UI_CLOSED_BAND);
        int lw = ui_mm(ui, CFG_BUTTON_W_LONG_MM);
        ui_text_fit(ui, T("meeting.closed_band"), ui_rect(m, y, ui->w - 2 * m - lw - ui_mm(ui, CFG_GAP_WIDE_MM), band), BAND_WORDS_MM,
                    CFG_SMALL_MM, UI_SURFACE, UI_CENTER);
        /* The one way out before the family is done: the facilitator's PIN. */
        if (scr_closed_now(app) &&
            ui_button(ui, "closed.leave", ui_rect(ui->w - m - lw, y + ui_mm(ui, CFG_GAP_TIGHT_MM), lw, band - ui_mm(ui, CFG_GAP_TIGHT_MM * 2)),
                      T("closed.leave"), UI_SECONDARY))
            scr_pin_ask(app, PIN_FOR_LEAVE_CLOSED, 0);
        y += band;
    }
    /* The board of this phase. The boards arrive one by one; until then a phase
     * says what it is for. */
    SDL_Rect board = ui_rect(m, y + ui_mm(ui, CFG_GAP_WIDE_MM), ui->w - 2 * m, chips_y - y - ui_mm(ui, CFG_GAP_WIDE_MM * 2));
    if (bd->draw) {
        scr_view v = scr_view_of(app);
        bd->draw(&v, board);
    } else {
        ui_card(ui, board, ui_mm(ui, CFG_RADIUS_SHEET_MM), UI_SURFACE, UI_HAIRLINE, CFG_HAIRLINE_PX);
        int pad = ui_mm(ui, CFG_AIR_WIDE_MM);
        char heading[256];
        snprintf(heading, sizeof heading, T("meeting.phase_heading"), (int)(cur - app->m.phases) + 1, scr_phase_title(app, &cur->def));
        const char *prompts = scr_phase_prompts(app, &cur->def);
        if (bd->id == BOARD_BREAK) {
            /* A break: when it ends, large, and nothing else. */
            int64_t back = app->wall_ms + (core_phase_left_ms(cur, app->wall_ms) > 0 ? core_phase_left_ms(cur, app->wall_ms) : 0);
            char line[128], hm[8];
            scr_local_hm(back, hm, sizeof hm);
            snprintf(line, sizeof line, T("board.break"), hm);
            int cy = board.y + board.h / 2 - ui_mm(ui, BREAK_UP_MM);
            ui_text(ui, heading, board.x + board.w / 2, cy, CFG_TITLE_MM, UI_INK, UI_CENTER, board.w - 2 * pad);
            ui_text(ui, line, board.x + board.w / 2, cy + ui_mm(ui, BREAK_LINE_MM), CFG_TITLE_MM, UI_INK2, UI_CENTER, board.w - 2 * pad);
        } else if (prompts[0]) {
            SDL_Point p = ui_text(ui, heading, board.x + pad, board.y + pad, CFG_TITLE_MM, UI_INK, UI_LEFT, board.w - 2 * pad);
            scr_prompts(app, prompts, ui_rect(board.x + pad, board.y + pad + p.y + ui_mm(ui, CFG_HEADING_GAP_MM), board.w - 2 * pad,
                                              board.h - 2 * pad - p.y - ui_mm(ui, CFG_HEADING_GAP_MM)));
        } else {
            int cx = board.x + board.w / 2, ty = board.y + board.h / 3;
            SDL_Point p = ui_text(ui, heading, cx, ty, CFG_TITLE_MM, UI_INK, UI_CENTER, board.w - 2 * m);
            const char *about = !strcmp(cur->def.board, "goals") ? T("board.goals") : T("board.talk");
            ui_text(ui, about, cx, ty + p.y + ui_mm(ui, CFG_AIR_MM), CFG_BODY_MM, UI_INK2, UI_CENTER, board.w * 2 / 3);
        }
    }
    if (finished) {
        ui_veil(ui, ui_rect(0, y, ui->w, chips_y - y), UI_BG, 110); /* it can be read, not touched */
        int clicked = ui_area(ui, "meeting.readonly", ui_rect(0, y, ui->w, chips_y - y), T("meeting.readonly"), UI_G_CLICK);
        clicked |= ui_area(ui, "meeting.readonly.bar", ui_rect(0, chips_y, ui->w - m - home_w - g, chips_h), T("meeting.readonly"),
                           UI_G_CLICK);
        if (clicked) scr_say(app, T("meeting.readonly"), 1);
    }
    if (drieluik) scr_dl_modals(app);
    scr_plan_modals(app);
    if (bd->id == BOARD_GOALS) scr_goals_modals(app);
    if (app->everyone_open) everyone(app, drieluik);
    if (app->vip_choose) { /* whose card: one button per child */
        ui_block(ui, "vip.choose");
        int bw = ui_mm(ui, CHOOSE_W_MM), k = 0, by2 = ui->h / 3;
        for (int i = 0; i < app->m.nmparts; i++) {
            if (app->m.mparts[i].role != ROLE_KIND) continue;
            char id[48];
            snprintf(id, sizeof id, "vip.child.%lld", (long long)app->m.mparts[i].id);
            if (ui_button(ui, id, ui_rect((ui->w - bw) / 2, by2 + k++ * (t + ui_mm(ui, CFG_GAP_MM)), bw, t), app->m.mparts[i].name,
                          UI_PRIMARY)) {
                app->vip_choose = 0;
                scr_vip_open(app, &app->m.mparts[i]);
            }
        }
        if (ui_button(ui, "vip.choose.cancel", ui_rect((ui->w - bw) / 2, by2 + k * (t + ui_mm(ui, CFG_GAP_MM)), bw, t), T("common.cancel"),
                      UI_SECONDARY))
            app->vip_choose = 0;
    }
    scr_note_modals(app);
    scr_pin_modal(app);
    return 1;
}

/* While notes are dragged the rest of the screen stands still: it is drawn once
 * into the layer, and each frame after that copies it, draws the timer (it
 * ticks) and the lifted notes. Anything else that happens (a tap, a message, a
 * commit, another finger) makes a new layer. */
void scr_meeting_frame(scr_app *app)
{
    ui_ctx *ui = app->ui;
    ui_begin(ui, "meeting");
    char lifted[256], more[256];
    int n = ui_dragging_any(ui, "drieluik.note.", lifted, sizeof lifted) + ui_dragging_any(ui, "goal.", more, sizeof more);
    int anim = scr_dl_wake_in(app) >= 0;
    char key[700];
    snprintf(key, sizeof key, "%s|%s|%u|%d|%d|%d|%d|%d", lifted, more, ui->input_gen, ui->w, ui->h, ui->oy,
             app->status[0] && (int32_t)(app->now - app->status_until) < 0, scr_saved_shown(app));
    if (!n || anim) {
        app->layer_ok = 0;
        if (meeting_body(app)) ui_end(ui);
        return;
    }
    app->skip_lifted = 1;
    if (app->layer_ok && !strcmp(key, app->layer_key)) {
        ui->no_draw = 1;
        int same = meeting_body(app);
        ui->no_draw = 0;
        app->skip_lifted = 0;
        if (!same) return;
        ui_layer_show(ui);
    } else {
        int made = ui_layer_begin(ui) == 0;
        int same = meeting_body(app);
        app->skip_lifted = 0;
        if (made) ui_layer_end(ui);
        if (!same) return;
        app->layer_ok = made;
        app->layer_builds++;
        snprintf(app->layer_key, sizeof app->layer_key, "%s", key);
    }
    timer_box(app, app->timer_r);
    scr_dl_draw_lifted(app);
    scr_goals_draw_lifted(app);
    ui_end(ui);
}
