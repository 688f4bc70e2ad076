/* newmeeting: Nieuwe bijeenkomst. A title, a template from layouts/, and the
 * participants, each with a name, a role and a colour of their own. */
#include "screens.h"

#include <stdio.h>
#include <string.h>

#define TITLE_GAP_MM 6.0f   /* the title, after Terug */
#define MINUTES_W_MM 22.0f  /* its minutes, between them */
#define ROW_MM 15.0f        /* a participant's row */

/* Family members a supporter can come with (seed §2.6: each may bring one). */
static int family(core_role r) { return r == ROLE_KIND || r == ROLE_OUDER || r == ROLE_PLEEGOUDER || r == ROLE_NETWERKLID; }

static void add_participant(scr_app *app)
{
    int any_family = 0;
    for (int i = 0; i < app->nparts; i++) any_family |= family(app->parts[i].role);
    if (app->role == ROLE_SUPPORTER && any_family && !app->supports && app->name[0]) {
        scr_say(app, T("new.pick_supported"), 1);
        return;
    }
    core_status s = core_participant_add(app->parts, &app->nparts, app->name, app->role);
    if (s == CORE_OK && app->role == ROLE_SUPPORTER) app->parts[app->nparts - 1].supports = app->supports;
    if (s == CORE_EEMPTY) scr_say(app, T("new.need_name"), 1);
    else if (s == CORE_ETOOLONG) scr_say(app, T("new.name_too_long"), 1);
    else if (s == CORE_EFULL) scr_say(app, T("new.full"), 1);
    else if (s == CORE_OK) {
        app->name[0] = 0;
        if (app->status_error) app->status[0] = 0; /* what went wrong before is mended */
        ui_focus(app->ui, "new.name");
    }
}

/* The chosen template with the minutes as set here (a copy: the file stays as it is). */
static core_template *draft(scr_app *app)
{
    if (app->draft_for != app->template_idx + 1) {
        app->draft = app->templates[app->template_idx];
        app->draft_for = app->template_idx + 1;
    }
    return &app->draft;
}

static void save(scr_app *app)
{
    char title[CORE_TEXT_BYTES(CORE_NAME_MAX)];
    if (core_text_take(app->title, CORE_NAME_MAX, title, sizeof title) != CORE_OK) {
        scr_say(app, T("new.need_title"), 1);
        ui_focus(app->ui, "new.title");
        return;
    }
    if (app->ntemplates == 0) {
        scr_say(app, T("new.no_templates"), 1);
        return;
    }
    /* A name typed but not yet added is what the person meant: add it too. */
    if (app->name[0]) {
        add_participant(app);
        if (app->name[0]) return;
    }
    int64_t id = 0;
    core_op op = {.kind = OP_MEETING_CREATE, .text = title, .tpl = draft(app), .parts = app->parts, .nparts = app->nparts};
    if (scr_do(app, &op, &id) != STORE_OK) return;
    app->meetings_stale = 1;
    scr_open_meeting(app, id);
}

static int label(scr_app *app, const char *text, int x, int y)
{
    return y + ui_text(app->ui, text, x, y, CFG_BODY_MM, UI_INK2, UI_LEFT, 0).y + ui_mm(app->ui, CFG_GAP_TIGHT_MM);
}

void scr_new_frame(scr_app *app)
{
    ui_ctx *ui = app->ui;
    int m = scr_margin(app), t = scr_target(app), g = ui_mm(ui, CFG_GAP_MM);
    int bw = ui_mm(ui, CFG_BUTTON_W_MM);
    int top = scr_begin(app, "new", T("new.title"), bw + ui_mm(ui, TITLE_GAP_MM));
    if (ui_button(ui, "new.back", ui_rect(m, (top - t) / 2, bw, t), T("common.back"), UI_SECONDARY)) {
        scr_go(app, SCR_HOME);
    }
    if (ui_button(ui, "new.save", ui_rect(ui->w - m - bw, (top - t) / 2, bw, t), T("new.save"), UI_PRIMARY))
        save(app);
    if (ui_key(ui, SDLK_RETURN) || ui_key(ui, SDLK_KP_ENTER)) {
        if (!strcmp(ui->focus, "new.name")) add_participant(app);
        else if (!strcmp(ui->focus, "new.title")) ui_focus(ui, "new.name");
    }
    int bottom = scr_statusbar(app);

    /* Left: title and template. */
    int col = (ui->w - 3 * m) / 2;
    int x = m, y = top + ui_mm(ui, CFG_HEADING_GAP_MM);
    y = label(app, T("new.meeting_title"), x, y);
    ui_field(ui, "new.title", ui_rect(x, y, col, t), app->title, sizeof app->title, CORE_NAME_MAX, T("new.title_hint"));
    y += t + ui_mm(ui, CFG_HEADING_GAP_MM);
    y = label(app, T("new.template"), x, y);
    for (int i = 0; i < app->ntemplates && y + t <= bottom; i++) {
        const core_template *tp = &app->templates[i];
        char id[96], text[256];
        int minutes = 0;
        for (int p = 0; p < tp->nphases; p++) minutes += tp->phases[p].minutes;
        snprintf(id, sizeof id, "new.template.%s", tp->id);
        snprintf(text, sizeof text, T("new.template_line"), scr_template_name(app, tp->id), tp->nphases, minutes);
        if (ui_toggle(ui, id, ui_rect(x, y, col, t), text, i == app->template_idx, 0)) app->template_idx = i;
        y += t + g;
    }
    /* The chosen template's phases, with their minutes to set for this meeting. */
    if (app->ntemplates > 0) {
        core_template *tp = draft(app);
        y += g;
        y = label(app, T("new.phases"), x, y);
        int rh = ui_mm(ui, CFG_TARGET_MM), bw_ = ui_mm(ui, CFG_BUTTON_SMALL_MM), mw = ui_mm(ui, MINUTES_W_MM);
        for (int i = 0; i < tp->nphases && y + rh <= bottom - g; i++, y += rh + g / 2) {
            core_phase_def *d = &tp->phases[i];
            char id[48], line[256], mins[32];
            snprintf(line, sizeof line, "%d  %s%s", i + 1, scr_phase_title(app, d), d->closed ? T("new.closed_mark") : "");
            int cx = x + col - 2 * bw_ - mw - g;
            ui_text_fit(ui, line, ui_rect(x, y, cx - x - g, rh), CFG_BODY_MM, CFG_SMALL_MM, UI_INK, UI_LEFT);
            snprintf(id, sizeof id, "new.phase.%d.less", i);
            if (ui_button(ui, id, ui_rect(cx, y, bw_, rh), "\xE2\x88\x92", UI_SECONDARY) && d->minutes > 5)
                d->minutes -= d->minutes > 10 ? 5 : 1;
            snprintf(mins, sizeof mins, T("new.minutes"), d->minutes);
            ui_text_fit(ui, mins, ui_rect(cx + bw_, y, mw, rh), CFG_BODY_MM, CFG_SMALL_MM, UI_INK, UI_CENTER);
            snprintf(id, sizeof id, "new.phase.%d.more", i);
            if (ui_button(ui, id, ui_rect(cx + bw_ + mw, y, bw_, rh), "+", UI_SECONDARY) && d->minutes < 600)
                d->minutes += d->minutes >= 10 ? 5 : 1;
        }
    }
    if (app->layout_errors[0]) {
        /* Which file and which line, so whoever edits layouts/ can mend it. */
        y += g + ui_text(ui, T("new.layout_broken"), x, y + g, CFG_SMALL_MM, UI_WARN, UI_LEFT, col).y;
        ui_text(ui, app->layout_errors, x, y + g, CFG_SMALL_MM, UI_INK2, UI_LEFT, col);
    }

    /* Right: participants. */
    x = 2 * m + col;
    y = top + ui_mm(ui, CFG_HEADING_GAP_MM);
    y = label(app, T("new.participants"), x, y);
    int add_w = ui_mm(ui, CFG_BUTTON_W_SLIM_MM);
    ui_field(ui, "new.name", ui_rect(x, y, col - add_w - g, t), app->name, sizeof app->name, CORE_NAME_MAX, T("new.name_hint"));
    if (ui_button(ui, "new.add", ui_rect(x + col - add_w, y, add_w, t), T("new.add"), UI_PRIMARY)) add_participant(app);
    y += t + g;
    int per_row = 4, rw = (col - (per_row - 1) * g) / per_row;
    for (int r = 0; r < ROLE_COUNT; r++) {
        char id[48];
        snprintf(id, sizeof id, "new.role.%s", core_role_word((core_role)r));
        SDL_Rect rr = ui_rect(x + (r % per_row) * (rw + g), y + (r / per_row) * (t + g), rw, t);
        if (ui_toggle(ui, id, rr, scr_role_name((core_role)r), app->role == (core_role)r, 0)) app->role = (core_role)r;
    }
    y += ((ROLE_COUNT + per_row - 1) / per_row) * (t + g) + ui_mm(ui, CFG_NUDGE_MM);
    if (app->role == ROLE_SUPPORTER) {
        /* Whom this supporter comes with: one of the family already added. */
        const char *lead = T("new.supports");
        int lw = ui_text_size(ui, lead, CFG_BODY_MM).x + g, sx = x + lw, shown = 0;
        ui_text(ui, lead, x, y + (t - ui_text_size(ui, lead, CFG_BODY_MM).y) / 2, CFG_BODY_MM, UI_INK2, UI_LEFT, 0);
        for (int i = 0; i < app->nparts; i++) {
            if (!family(app->parts[i].role)) continue;
            int w = ui_text_size(ui, app->parts[i].name, CFG_BODY_MM).x + ui_mm(ui, CFG_CHIP_ROOM_MM);
            if (sx + w > x + col) break;
            char id[48];
            snprintf(id, sizeof id, "new.supports.%d", i);
            if (ui_toggle(ui, id, ui_rect(sx, y, w, t), app->parts[i].name, app->supports == i + 1, 0)) app->supports = i + 1;
            sx += w + g;
            shown++;
        }
        if (!shown) ui_text(ui, T("new.supports_none"), sx, y + (t - ui_text_size(ui, "X", CFG_SMALL_MM).y) / 2, CFG_SMALL_MM,
                            UI_INK2, UI_LEFT, x + col - sx);
        y += t + g;
    } else {
        app->supports = 0;
    }
    y += ui_mm(ui, CFG_PARA_GAP_MM);

    if (app->nparts == 0)
        ui_text(ui, T("new.no_participants"), x, y, CFG_SMALL_MM, UI_INK2, UI_LEFT, col);
    int row = ui_mm(ui, ROW_MM);
    /* More than fit: the newest stay in view (the one just added must be seen). */
    int fit = (bottom - y - ui_mm(ui, CFG_LINE_MM)) / (row + g / 2);
    int from = app->nparts > fit && fit > 0 ? app->nparts - fit : 0;
    if (from > 0) {
        char more[64];
        snprintf(more, sizeof more, TN("new.earlier", "new.earlier_many", from), from);
        y += ui_text(ui, more, x, y, CFG_SMALL_MM, UI_INK2, UI_LEFT, col).y + g / 2;
    }
    for (int i = from; i < app->nparts && y + row <= bottom; i++, y += row + g / 2) {
        const core_participant *p = &app->parts[i];
        char id[48], line[512];
        SDL_Rect r = ui_rect(x, y, col, row);
        ui_card(ui, r, ui_mm(ui, CFG_RADIUS_MM), UI_SURFACE, UI_HAIRLINE, CFG_HAIRLINE_PX);
        /* Colour and initial together, so the colour is never the only cue. */
        int rad = ui_mm(ui, CFG_DISC_MM), cx = r.x + ui_mm(ui, CFG_PAD_SMALL_MM) + rad, cy = r.y + row / 2;
        scr_avatar(app->ui, cx, cy, rad, p->colour, p->name);
        if (p->role == ROLE_SUPPORTER && p->supports > 0 && p->supports <= app->nparts)
            snprintf(line, sizeof line, T("new.supporter_line"), p->name, app->parts[p->supports - 1].name);
        else snprintf(line, sizeof line, "%s \xC2\xB7 %s", p->name, scr_role_name(p->role));
        int rm = ui_mm(ui, CFG_BUTTON_W_REMOVE_MM);
        ui_text_fit(ui, line, ui_rect(cx + rad + ui_mm(ui, CFG_GAP_MM), r.y,
                                      r.w - rm - 2 * rad - ui_mm(ui, CFG_PAD_SMALL_MM + CFG_GAP_MM + 2 * CFG_NUDGE_MM), row),
                    CFG_BODY_MM, CFG_SMALL_MM, UI_INK, UI_LEFT);
        snprintf(id, sizeof id, "new.participant.%d.remove", i);
        if (ui_button(ui, id, ui_rect(r.x + r.w - rm - ui_mm(ui, CFG_NUDGE_MM), r.y + (row - t) / 2, rm, t), T("new.remove"), UI_QUIET)) {
            core_participant_remove(app->parts, &app->nparts, i);
            break;
        }
    }
    scr_pin_modal(app);
    ui_end(ui);
}
