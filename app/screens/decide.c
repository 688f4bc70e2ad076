/* decide: where the plan is made. Phase 1's bottom lines (bodemeisen) set by the
 * professionals; the closed segment, in which the family alone writes decisions
 * (drafts until final) and forms the actieteam; and presenting the plan, where
 * everyone present consents and the plan is fixed (§3.4, §3.9, §3.10). */
#include "screens.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define DRAFT_FILL CFG_CARD_QUIET

#define TAG_WORD_Y_MM 0.6f       /* a tag's word, this far down in it */
#define DECISION_MM 26.0f        /* a decision's card on the board */
#define DECISION_SMALL_MM 24.0f  /* one in the drafts' list and in the picture */
#define FINAL_MM 30.0f           /* one in the plan shown for consent */
#define BULLET_X_MM 1.5f         /* a bottom line's bullet */
#define BULLET_Y_MM 3.0f
#define BULLET_MM 1.0f           /* its radius */
#define BULLET_INDENT_MM 5.0f    /* the words after it */
#define SECTION_LINE_MM 10.0f    /* a section's heading on a board */
#define WHY_LINES_MM 11.0f       /* and the words under it that say why */
#define GRID_CHIP_W_MM 42.0f     /* a person's check-chip in a grid, at least */
#define DONE_TALLER_MM 4.0f      /* Wij zijn klaar: taller than a button */
#define EDITOR_INSET_W_MM 12.0f  /* the decision editor, this far from the screen's sides */
#define EDITOR_INSET_H_MM 8.0f   /* and from its top and bottom */
#define WHAT_H_MM 40.0f          /* what was decided: its field */
#define CAL_H_MM 100.0f          /* by when: the calendar */
#define DRAFTS_W_MM 240.0f       /* the drafts left, when the family is done */
#define CONFIRM_W_MM 190.0f      /* starting the closed segment */
#define CONFIRM_H_MM 80.0f
#define CONFIRM_PAD_MM 7.0f
#define PLAN_TITLE_LINE_MM 13.0f /* the plan's title */
#define FOOT_MM 20.0f            /* kept under its decisions: the team, the bottom lines */
#define FIXED_MM 14.0f           /* the plan is fixed: the band that says so */
#define FIXED_CHECK_MM 6.0f
#define FIXED_TEXT_X_MM 13.0f
#define AVATAR_X_MM 4.0f         /* who consents: their initial's middle */
#define AVATAR_MM 3.5f           /* its radius */
#define NAME_X_MM 9.0f           /* their name */
#define REMARK_W_MM 220.0f       /* a reservation in their own words */
#define REMARK_H_MM 80.0f
#define REMARK_TOP_MM 10.0f
#define REMARK_HEAD_MM (CFG_TITLE_MM * 0.7f) /* its title: the name can be long */
#define REMARK_FIELD_MM 34.0f
#define WHO_AGREED_MM 9.0f       /* a person's line in it: who agreed */
#define PICTURE_AVATAR_X_MM 3.5f
#define PICTURE_AVATAR_MM 3.0f

void scr_plan_load(scr_app *app)
{
    int64_t m = app->m.meeting.id;
    store_status r = scr_model_plan(app->st, &app->m);
    if (r != STORE_OK) scr_store_failed(app, r);
    app->plan.stale = 0;
    app->plan.meeting = r == STORE_OK ? m : 0;
}

/* After an action: saved, and read back. */
/* After scr_do, which has said any refusal or failure already. */
static int done(scr_app *app, store_status r)
{
    if (r != STORE_OK) return 0;
    app->plan.stale = SCR_STALE_SAVED;
    return 1;
}

static const char *person_name(const scr_model *m, int64_t id)
{
    for (int i = 0; i < m->npeople; i++)
        if (m->people[i].id == id) return m->people[i].name;
    return "?";
}

static int in_team(const scr_model *m, int64_t person)
{
    for (int i = 0; i < m->nteam; i++)
        if (m->team[i] == person) return 1;
    return 0;
}

static int absent(const scr_model *m, int64_t participant)
{
    for (int i = 0; i < m->nabsent; i++)
        if (m->absent[i] == participant) return 1;
    return 0;
}

int scr_closed_now(const scr_app *app)
{
    int i = app->m.meeting.current_phase;
    if (i < 0 || i >= app->m.nphases) return 0;
    const core_phase *p = &app->m.phases[i];
    return p->def.closed && p->started_at_ms && !p->ended_at_ms;
}

/* "Sanne, Mark" for a decision's who. */
static void who_line(const scr_model *m, const core_decision *d, char *out, size_t cap)
{
    out[0] = 0;
    size_t used = 0;
    for (int i = 0; i < d->nwho && used < cap; i++) {
        int n = snprintf(out + used, cap - used, "%s%s", i ? ", " : "", person_name(m, d->who[i]));
        if (n < 0) break;
        used += (size_t)n;
    }
}

/* "Actieteam: Ria, Oma Joke" */
static void team_line(const scr_model *m, char *out, size_t cap)
{
    char team[1024] = "";
    size_t used = 0;
    for (int i = 0; i < m->nteam && used < sizeof team; i++) {
        int n = snprintf(team + used, sizeof team - used, "%s%s", i ? ", " : "", person_name(m, m->team[i]));
        if (n > 0) used += (size_t)n;
    }
    snprintf(out, cap, T("plan.team_line"), team[0] ? team : T("plan.team_none"));
}

/* "vr 4 dec" for a date "2026-12-04", in the app's language. */
static void due_line(int en, const char *due, char *out, size_t cap)
{
    static const char *const nl_m[] = {"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"};
    static const char *const en_m[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int y, m, d;
    if (sscanf(due, "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12) {
        out[0] = 0;
        return;
    }
    snprintf(out, cap, "%d %s %d", d, en ? en_m[m - 1] : nl_m[m - 1], y);
}

/* A decision as a card: what, who, by when, help; a draft looks like paper not yet pinned. */
static void decision_card(const scr_view *v, const core_decision *d, SDL_Rect r, const char *id, float mm)
{
    ui_ctx *ui = v->ui;
    int pad = ui_mm(ui, CFG_PAD_SMALL_MM);
    ui_card(ui, r, ui_mm(ui, CFG_RADIUS_MM), d->final ? UI_SURFACE : DRAFT_FILL, d->final ? UI_ACCENT : CFG_QUIET_EDGE,
            d->final ? CFG_EDGE_PX : CFG_HAIRLINE_PX);
    scr_app *app = v->app; /* NULL in a picture */
    if (app && id && ui_area(ui, id, r, d->what, UI_G_CLICK)) {
        if (v->m->fixed_at) scr_say(app, T("plan.fixed_refuse"), 1);
        else {
            app->plan.editing = 1;
            app->plan.edit = *d;
            app->plan.why = NULL;
            app->plan.cal_year = 0;
            ui_focus(ui, "decision.what"); /* the caret at the end: go on writing */
            ui->osk_away = 0;
        }
    }
    const char *tag = d->final ? T("plan.final") : T("plan.draft");
    int tw = ui_text_size(ui, tag, CFG_SMALL_MM).x + ui_mm(ui, CFG_INSET_MM * 2);
    ui_round(ui, ui_rect(r.x + r.w - pad - tw, r.y + pad, tw, ui_mm(ui, CFG_TAG_MM)), ui_mm(ui, CFG_TAG_MM / 2),
             d->final ? UI_ACCENT : UI_HAIRLINE);
    if (d->final) ui_check(ui, r.x + r.w - pad - tw - ui_mm(ui, CFG_CHECK_MM), r.y + pad + ui_mm(ui, CFG_TAG_MM / 2),
                           ui_mm(ui, CFG_CHECK_MM), UI_ACCENT);
    ui_text(ui, tag, r.x + r.w - pad - tw / 2, r.y + pad + ui_mm(ui, TAG_WORD_Y_MM), CFG_SMALL_MM, d->final ? UI_SURFACE : UI_INK,
            UI_CENTER, 0);
    char who[512], due[40], line[640];
    who_line(v->m, d, who, sizeof who);
    due_line(v->lang_en, d->due, due, sizeof due);
    int line_h = ui_mm(ui, CFG_LINE_SMALL_MM);
    ui_text_box(ui, d->what[0] ? d->what : T("plan.no_what"),
                ui_rect(r.x + pad, r.y + pad, r.w - 2 * pad - tw - ui_mm(ui, CFG_CHECK_MM * 2), r.h - 2 * pad - line_h), mm, CFG_SMALL_MM,
                d->what[0] ? UI_INK : UI_INK2, UI_LEFT);
    snprintf(line, sizeof line, "%s%s%s%s%s", who[0] ? who : T("plan.no_who"), due[0] ? " \xC2\xB7 " : "", due,
             d->needs_help ? " \xC2\xB7 " : "", d->needs_help ? T("plan.help_short") : "");
    ui_text_fit(ui, line, ui_rect(r.x + pad, r.y + r.h - pad - line_h, r.w - 2 * pad, line_h), CFG_SMALL_MM, CFG_LINE_MIN_MM,
                UI_INK2, UI_LEFT);
}

/* The bottom lines, framed, read-only: what the plan cannot go around. */
static int bodemeisen_box(const scr_view *v, SDL_Rect r)
{
    ui_ctx *ui = v->ui;
    int pad = ui_mm(ui, CFG_PAD_SMALL_MM), y = r.y + pad;
    ui_card(ui, r, ui_mm(ui, CFG_RADIUS_MM), CFG_WARN_FILL, UI_WARN, CFG_HAIRLINE_PX);
    ui_text(ui, T("plan.bodemeisen"), r.x + pad, y, CFG_BODY_MM, UI_WARN, UI_LEFT, 0);
    y += ui_mm(ui, CFG_LINE_MM);
    if (!v->m->nbm) ui_text(ui, T("plan.no_bodemeisen"), r.x + pad, y, CFG_SMALL_MM, UI_INK2, UI_LEFT, r.w - 2 * pad);
    for (int i = 0; i < v->m->nbm && y < r.y + r.h - ui_mm(ui, CFG_LINE_SMALL_MM); i++) {
        const core_participant *by = scr_participant(v->m, v->m->bm[i].by);
        char line[CORE_TEXT_BYTES(CORE_LONG_MAX) + 128];
        snprintf(line, sizeof line, "%s%s%s", v->m->bm[i].text, by ? " \xE2\x80\x94 " : "", by ? by->name : "");
        ui_circle(ui, r.x + pad + ui_mm(ui, BULLET_X_MM), y + ui_mm(ui, BULLET_Y_MM), ui_mm(ui, BULLET_MM), UI_WARN);
        y += ui_text(ui, line, r.x + pad + ui_mm(ui, BULLET_INDENT_MM), y, CFG_BODY_MM, UI_INK, UI_LEFT,
                     r.w - 2 * pad - ui_mm(ui, BULLET_INDENT_MM)).y + ui_mm(ui, CFG_GAP_SMALL_MM);
    }
    return y - r.y;
}

/* --- phase 1: the professionals set the bottom lines ------------------------------- */

void scr_bodemeisen_board(const scr_view *v, SDL_Rect r)
{
    scr_app *app = v->app; /* on the meeting screen only: no picture of its own */
    ui_ctx *ui = v->ui;
    if (scr_stale(app, app->plan.stale)) scr_plan_load(app);
    ui_card(ui, r, ui_mm(ui, CFG_RADIUS_SHEET_MM), UI_SURFACE, UI_HAIRLINE, CFG_HAIRLINE_PX);
    int pad = ui_mm(ui, CFG_PAD_SHEET_MM), t = scr_target(app), g = ui_mm(ui, CFG_GAP_MM);
    const core_phase *cur = &app->m.phases[app->m.meeting.current_phase];
    int half = r.w / 2;
    char heading[256];
    snprintf(heading, sizeof heading, T("meeting.phase_heading"), app->m.meeting.current_phase + 1, scr_phase_title(app, &cur->def));
    SDL_Point hp = ui_text(ui, heading, r.x + pad, r.y + pad, CFG_TITLE_MM, UI_INK, UI_LEFT, half - 2 * pad);
    scr_prompts(app, scr_phase_prompts(app, &cur->def), ui_rect(r.x + pad, r.y + pad + hp.y + ui_mm(ui, CFG_HEADING_GAP_MM),
                                                                half - 2 * pad, r.h - 2 * pad - hp.y - ui_mm(ui, CFG_HEADING_GAP_MM)));

    /* Right half: the bottom lines so far, and a new one by a professional. */
    int x = r.x + half + pad / 2, w = half - pad - pad / 2, y = r.y + pad;
    ui_text(ui, T("plan.bodemeisen"), x, y, CFG_HEADING_MM, UI_INK, UI_LEFT, 0);
    y += ui_mm(ui, SECTION_LINE_MM);
    ui_text(ui, T("plan.bodemeisen_why"), x, y, CFG_SMALL_MM, UI_INK2, UI_LEFT, w);
    y += ui_mm(ui, WHY_LINES_MM);
    int pros = 0;
    for (int i = 0; i < app->m.nmparts; i++) pros += app->m.mparts[i].role == ROLE_PROFESSIONAL;
    if (!app->plan.bm_by)
        for (int i = 0; i < app->m.nmparts && !app->plan.bm_by; i++)
            if (app->m.mparts[i].role == ROLE_PROFESSIONAL) app->plan.bm_by = app->m.mparts[i].id;
    if (!pros) {
        y += ui_text(ui, T("plan.no_pros"), x, y, CFG_BODY_MM, UI_INK2, UI_LEFT, w).y + g;
    } else {
        int bx = x;
        for (int i = 0; i < app->m.nmparts; i++) {
            const core_participant *p = &app->m.mparts[i];
            if (p->role != ROLE_PROFESSIONAL) continue;
            int bw = ui_text_size(ui, p->name, CFG_BODY_MM).x + ui_mm(ui, CFG_CHIP_ROOM_MM);
            if (bx + bw > x + w) break;
            char id[40];
            snprintf(id, sizeof id, "bm.by.%lld", (long long)p->id);
            if (ui_toggle(ui, id, ui_rect(bx, y, bw, t), p->name, app->plan.bm_by == p->id, p->colour)) app->plan.bm_by = p->id;
            bx += bw + g;
        }
        y += t + g;
        int add_w = ui_mm(ui, CFG_BUTTON_W_SHORT_MM);
        ui_field(ui, "bm.text", ui_rect(x, y, w - add_w - g, t), app->plan.bm_text, sizeof app->plan.bm_text, CORE_LONG_MAX,
                 T("plan.bodemeis_hint"));
        if (ui_button(ui, "bm.add", ui_rect(x + w - add_w, y, add_w, t), T("plan.add"), UI_PRIMARY) ||
            (ui->enter && !strcmp(ui->focus, "bm.text"))) {
            if (!app->plan.bm_text[0]) scr_say(app, T("plan.bodemeis_empty"), 1);
            else if (done(app, scr_do(app, &(core_op){.kind = OP_BODEMEIS_ADD, .text = app->plan.bm_text, .actor = app->plan.bm_by}, NULL)))
                app->plan.bm_text[0] = 0;
        }
        y += t + 2 * g;
    }
    for (int i = 0; i < app->m.nbm && y + t <= r.y + r.h - pad; i++) {
        const core_bodemeis *b = &app->m.bm[i];
        const core_participant *by = scr_participant(&app->m, b->by);
        SDL_Rect card = {x, y, w, t + ui_mm(ui, CFG_GAP_TIGHT_MM)};
        ui_card(ui, card, ui_mm(ui, CFG_RADIUS_MM), CFG_WARN_FILL, UI_WARN, CFG_HAIRLINE_PX);
        char line[CORE_TEXT_BYTES(CORE_LONG_MAX) + 128], id[40];
        snprintf(line, sizeof line, "%s%s%s", b->text, by ? " \xE2\x80\x94 " : "", by ? by->name : "");
        int rm = ui_mm(ui, CFG_BUTTON_W_REMOVE_MM);
        ui_text_fit(ui, line, ui_rect(x + g, y, w - rm - 2 * g, card.h), CFG_BODY_MM, CFG_SMALL_MM, UI_INK, UI_LEFT);
        snprintf(id, sizeof id, "bm.%lld.remove", (long long)b->id);
        if (ui_button(ui, id, ui_rect(x + w - rm - ui_mm(ui, CFG_NUDGE_MM), y + ui_mm(ui, CFG_NUDGE_MM), rm, t), T("new.remove"), UI_QUIET))
            if (done(app, scr_do(app, &(core_op){.kind = OP_BODEMEIS_DELETE, .id = b->id}, NULL))) i--; /* gone at once: the next is at i */
        y += card.h + g;
    }
}

/* --- the closed segment: the family's decisions ------------------------------------ */

static void open_new_decision(scr_app *app)
{
    memset(&app->plan.edit, 0, sizeof app->plan.edit);
    app->plan.editing = 1;
    app->plan.why = NULL;
    app->plan.cal_year = 0;
    ui_focus(app->ui, "decision.what");
    app->ui->osk_away = 0;
}

/* Toggles of people in a grid; returns the height used. on() says who is chosen. */
static int people_grid(scr_app *app, SDL_Rect r, const char *prefix, int (*on)(const scr_app *, int64_t), int64_t *tapped)
{
    ui_ctx *ui = app->ui;
    int t = ui_mm(ui, CFG_BUTTON_SMALL_MM), g = ui_mm(ui, CFG_GAP_TIGHT_MM), cols = r.w / ui_mm(ui, GRID_CHIP_W_MM);
    if (cols < 1) cols = 1;
    int cw = (r.w - (cols - 1) * g) / cols, k = 0;
    *tapped = 0;
    for (int i = 0; i < app->m.npeople; i++) {
        const core_person *p = &app->m.people[i];
        const core_participant *part = scr_participant(&app->m, p->participant);
        if (part && core_role_is_professional(part->role) && scr_closed_now(app)) continue; /* they are not here */
        SDL_Rect c = {r.x + (k % cols) * (cw + g), r.y + (k / cols) * (t + g), cw, t};
        if (c.y + t > r.y + r.h) break;
        char id[48];
        snprintf(id, sizeof id, "%s.%lld", prefix, (long long)p->id);
        if (ui_toggle(ui, id, c, p->name, on(app, p->id), part ? part->colour : 0)) *tapped = p->id;
        k++;
    }
    return k ? ((k + cols - 1) / cols) * (t + g) : 0;
}

static int team_on(const scr_app *app, int64_t id) { return in_team(&app->m, id); }

void scr_decisions_board(const scr_view *v, SDL_Rect r)
{
    scr_app *app = v->app; /* on the meeting screen only: no picture of its own */
    ui_ctx *ui = v->ui;
    if (scr_stale(app, app->plan.stale)) scr_plan_load(app);
    ui_card(ui, r, ui_mm(ui, CFG_RADIUS_SHEET_MM), UI_SURFACE, UI_HAIRLINE, CFG_HAIRLINE_PX);
    int pad = ui_mm(ui, CFG_PAD_MM), g = ui_mm(ui, CFG_GAP_MM), t = scr_target(app);
    int right_w = r.w / 3, lw = r.w - right_w - 3 * pad;
    int x = r.x + pad, y = r.y + pad;
    /* Left: the bottom lines, then the decisions. */
    int bh = ui_mm(ui, CFG_PAD_SMALL_MM * 2 + CFG_LINE_MM) + (app->m.nbm ? app->m.nbm : 1) * ui_mm(ui, CFG_LINE_MM);
    if (bh > r.h / 3) bh = r.h / 3;
    bodemeisen_box(v, ui_rect(x, y, lw, bh));
    y += bh + g;
    ui_text(ui, T("plan.decisions"), x, y, CFG_HEADING_MM, UI_INK, UI_LEFT, 0);
    int add_w = ui_mm(ui, CFG_BUTTON_W_WIDE_MM);
    if (ui_button(ui, "decision.add", ui_rect(x + lw - add_w, y - ui_mm(ui, CFG_RAISE_MM), add_w, t), T("plan.decision_add"), UI_PRIMARY))
        open_new_decision(app);
    y += t + g;
    int ch = ui_mm(ui, DECISION_MM), shown = 0;
    if (!app->m.ndec) ui_text(ui, T("plan.no_decisions"), x, y + ui_mm(ui, CFG_GAP_WIDE_MM), CFG_BODY_MM, UI_INK2, UI_LEFT, lw);
    for (int i = 0; i < app->m.ndec; i++) {
        if (y + ch > r.y + r.h - pad) break;
        char id[40];
        snprintf(id, sizeof id, "decision.%lld", (long long)app->m.dec[i].id);
        decision_card(v, &app->m.dec[i], ui_rect(x, y, lw, ch), id, CFG_BODY_MM);
        y += ch + g;
        shown++;
    }
    if (shown < app->m.ndec) {
        char more[64];
        snprintf(more, sizeof more, TN("plan.more", "plan.more_many", app->m.ndec - shown), app->m.ndec - shown);
        ui_text(ui, more, x + lw, r.y + r.h - pad - ui_mm(ui, CFG_AIR_MM), CFG_SMALL_MM, UI_INK2, UI_RIGHT, 0);
    }

    /* Right: the actieteam, then the way out. */
    int rx = r.x + r.w - pad - right_w, ry = r.y + pad;
    ui_text(ui, T("plan.actieteam"), rx, ry, CFG_HEADING_MM, UI_INK, UI_LEFT, 0);
    ry += ui_mm(ui, SECTION_LINE_MM);
    ry += ui_text(ui, T("plan.actieteam_why"), rx, ry, CFG_SMALL_MM, UI_INK2, UI_LEFT, right_w).y + g;
    int64_t tapped;
    people_grid(app, ui_rect(rx, ry, right_w, r.y + r.h - ry - t - 3 * pad), "actieteam", team_on, &tapped);
    if (tapped) done(app, scr_do(app, &(core_op){.kind = OP_ACTIETEAM, .id = tapped, .n = !in_team(&app->m, tapped)}, NULL));
    if (scr_closed_now(app) &&
        ui_button_mm(ui, "closed.done", ui_rect(rx, r.y + r.h - pad - t - ui_mm(ui, DONE_TALLER_MM), right_w, t + ui_mm(ui, DONE_TALLER_MM)),
                     T("closed.done"), UI_PRIMARY, CFG_NOTE_MM))
        scr_closed_finish(app);
}

/* --- the decision editor: what, who, by when (a calendar), help ------------------------ */

static int who_on(const scr_app *app, int64_t id)
{
    for (int i = 0; i < app->plan.edit.nwho; i++)
        if (app->plan.edit.who[i] == id) return 1;
    return 0;
}

static void toggle_who(scr_app *app, int64_t id)
{
    core_decision *d = &app->plan.edit;
    for (int i = 0; i < d->nwho; i++)
        if (d->who[i] == id) {
            d->who[i] = d->who[--d->nwho];
            return;
        }
    if (d->nwho < CORE_WHO_MAX) d->who[d->nwho++] = id;
}

static void decision_editor(scr_app *app)
{
    ui_ctx *ui = app->ui;
    SDL_Rect card = scr_modal(app, "decision.modal", ui_mm(ui, EDITOR_INSET_W_MM), ui_mm(ui, EDITOR_INSET_H_MM));
    int t = scr_target(app), g = ui_mm(ui, CFG_GAP_MM), m = ui_mm(ui, CFG_PAD_MM), cw = card.w, ch = card.h;
    core_decision *d = &app->plan.edit;
    int x = card.x + m, y = card.y + m, colw = (cw - 3 * m) / 2;
    ui_text(ui, d->id ? T("plan.decision_edit") : T("plan.decision_new"), x, y, CFG_HEADING_MM, UI_INK, UI_LEFT, 0);
    y += ui_mm(ui, CFG_SHEET_TITLE_MM);
    ui_textarea(ui, "decision.what", ui_rect(x, y, colw, ui_mm(ui, WHAT_H_MM)), d->what, sizeof d->what, CORE_LONG_MAX,
                T("plan.what_hint"), CFG_NOTE_MM, UI_SURFACE);
    y += ui_mm(ui, WHAT_H_MM) + g;
    ui_text(ui, T("plan.who"), x, y, CFG_BODY_MM, UI_INK2, UI_LEFT, 0);
    y += ui_mm(ui, CFG_LABEL_MM);
    int64_t tapped;
    y += people_grid(app, ui_rect(x, y, colw, card.y + ch - y - 2 * t - 3 * g), "decision.who", who_on, &tapped) + g;
    if (tapped) toggle_who(app, tapped);
    if (ui_toggle(ui, "decision.help", ui_rect(x, y + g, colw, t), T("plan.help"), d->needs_help, 0))
        d->needs_help = !d->needs_help;
    /* The goal it serves, when there are goals. */
    if (scr_stale(app, app->goals.stale)) scr_goals_load(app);
    int gy = y + t + 2 * g;
    if (app->m.ngoals && gy + t + ui_mm(ui, CFG_LABEL_MM) < card.y + ch - m - t) {
        ui_text(ui, T("plan.goal"), x, gy, CFG_BODY_MM, UI_INK2, UI_LEFT, 0);
        gy += ui_mm(ui, CFG_LABEL_MM);
        for (int i = 0; i < app->m.ngoals && gy + t < card.y + ch - m - t; i++, gy += t + g / 2) {
            char id[40];
            snprintf(id, sizeof id, "decision.goal.%lld", (long long)app->m.goals[i].id);
            if (ui_toggle(ui, id, ui_rect(x, gy, colw, t), app->m.goals[i].text, d->goal == app->m.goals[i].id, 0))
                d->goal = d->goal == app->m.goals[i].id ? 0 : app->m.goals[i].id;
        }
    }

    /* Right: by when, and whether this is the family's decision or still a draft. */
    int rx = x + colw + m, ry = card.y + m + ui_mm(ui, CFG_SHEET_TITLE_MM);
    ui_text(ui, T("plan.due"), rx, ry, CFG_BODY_MM, UI_INK2, UI_LEFT, 0);
    scr_calendar(app, "decision", ui_rect(rx, ry + ui_mm(ui, CFG_LABEL_MM), colw, ui_mm(ui, CAL_H_MM)), app->plan.edit.due,
                 &app->plan.cal_year, &app->plan.cal_month);
    ry += ui_mm(ui, CFG_LABEL_MM + CAL_H_MM + CFG_GAP_MM);
    if (ui_toggle(ui, "decision.final", ui_rect(rx, ry, colw, t), T("plan.is_final"), d->final, 0)) {
        const char *why;
        if (d->final) d->final = 0;
        else if (core_decision_check_final(d, &why) != CORE_OK) app->plan.why = !strcmp(why, "who") ? T("plan.need_who") : T("plan.need_what");
        else { d->final = 1; app->plan.why = NULL; }
    }
    ry += t + g;
    if (app->plan.why) ui_text(ui, app->plan.why, rx, ry, CFG_BODY_MM, UI_DANGER, UI_LEFT, colw);
    else ui_text(ui, d->final ? T("plan.final_says") : T("plan.draft_says"), rx, ry, CFG_SMALL_MM, UI_INK2, UI_LEFT, colw);
    int bw = ui_mm(ui, CFG_BUTTON_W_MM), by = card.y + ch - m - t;
    if (ui_button(ui, "decision.save", ui_rect(card.x + cw - m - bw, by, bw, t), T("note.save"), UI_PRIMARY)) {
        if (done(app, scr_do(app, &(core_op){.kind = OP_DECISION_SAVE, .decision = d}, NULL))) {
            app->plan.editing = 0;
            ui_focus(ui, "");
        }
    }
    if (ui_button(ui, "decision.cancel", ui_rect(card.x + cw - m - 2 * bw - g, by, bw, t), T("common.cancel"), UI_SECONDARY)) {
        app->plan.editing = 0;
        ui_focus(ui, "");
    }
    if (d->id && ui_button(ui, "decision.delete", ui_rect(rx, by, bw, t), T("note.delete"), UI_DANGER_BTN)) {
        if (done(app, scr_do(app, &(core_op){.kind = OP_DECISION_DELETE, .id = d->id}, NULL))) app->plan.editing = 0;
    }
}

/* "Wij zijn klaar" with drafts left: each is kept in the plan or thrown away. */
static void finishing(scr_app *app)
{
    ui_ctx *ui = app->ui;
    scr_view view = scr_view_of(app), *v = &view;
    ui_block(ui, "drafts.modal");
    int t = scr_target(app), g = ui_mm(ui, CFG_GAP_MM), m = ui_mm(ui, CFG_PAD_SHEET_MM);
    int cw = ui_mm(ui, DRAFTS_W_MM), ch = ui->h * 3 / 4;
    if (cw > ui->w - 2 * m) cw = ui->w - 2 * m;
    SDL_Rect card = {(ui->w - cw) / 2, (ui->h - ch) / 2, cw, ch};
    ui_card(ui, card, ui_mm(ui, CFG_RADIUS_SHEET_MM), UI_SURFACE, UI_HAIRLINE, CFG_HAIRLINE_PX);
    int x = card.x + m, y = card.y + m, drafts = 0;
    y += ui_text(ui, T("closed.drafts_title"), x, y, CFG_HEADING_MM, UI_INK, UI_LEFT, cw - 2 * m).y + g;
    y += ui_text(ui, T("closed.drafts_why"), x, y, CFG_BODY_MM, UI_INK2, UI_LEFT, cw - 2 * m).y + g;
    int bw = ui_mm(ui, CFG_BUTTON_W_SLIM_MM), rh = ui_mm(ui, DECISION_SMALL_MM);
    for (int i = 0; i < app->m.ndec; i++) {
        core_decision *d = &app->m.dec[i];
        if (d->final) continue;
        drafts++;
        if (y + rh > card.y + ch - m - t - g) continue;
        decision_card(v, d, ui_rect(x, y, cw - 2 * m - 2 * bw - 2 * g, rh), NULL, CFG_BODY_MM);
        char id[48];
        snprintf(id, sizeof id, "draft.%lld.keep", (long long)d->id);
        if (ui_button(ui, id, ui_rect(card.x + cw - m - 2 * bw - g, y + (rh - t) / 2, bw, t), T("closed.keep"), UI_PRIMARY)) {
            const char *why;
            if (core_decision_check_final(d, &why) != CORE_OK) { /* it needs its who or what first */
                app->plan.finishing = 0;
                app->plan.editing = 1;
                app->plan.edit = *d;
                app->plan.why = !strcmp(why, "who") ? T("plan.need_who") : T("plan.need_what");
                app->plan.cal_year = 0;
            } else {
                core_decision keep = *d;
                keep.final = 1;
                done(app, scr_do(app, &(core_op){.kind = OP_DECISION_SAVE, .decision = &keep}, NULL)); /* shown at once */
            }
        }
        snprintf(id, sizeof id, "draft.%lld.discard", (long long)d->id);
        if (ui_button(ui, id, ui_rect(card.x + cw - m - bw, y + (rh - t) / 2, bw, t), T("closed.discard"), UI_SECONDARY) &&
            done(app, scr_do(app, &(core_op){.kind = OP_DECISION_DELETE, .id = d->id}, NULL)))
            i--; /* gone at once (scr_model_apply): the next draft is at i now */
        y += rh + g;
    }
    if (ui_button(ui, "drafts.back", ui_rect(x, card.y + ch - m - t, bw, t), T("common.back"), UI_SECONDARY))
        app->plan.finishing = 0;
    if (!drafts && !app->plan.stale) { /* every draft kept or gone: everyone comes back */
        app->plan.finishing = 0;
        scr_closed_end(app);
    }
}

void scr_closed_ask(scr_app *app, int to)
{
    app->plan.confirm_closed = 1;
    app->plan.closed_to = to;
}

static void confirm_closed(scr_app *app)
{
    ui_ctx *ui = app->ui;
    ui_block(ui, "closed.modal");
    int t = scr_target(app), m = ui_mm(ui, CONFIRM_PAD_MM), cw = ui_mm(ui, CONFIRM_W_MM), ch = ui_mm(ui, CONFIRM_H_MM);
    SDL_Rect card = {(ui->w - cw) / 2, (ui->h - ch) / 2, cw, ch};
    ui_card(ui, card, ui_mm(ui, CFG_RADIUS_SHEET_MM), UI_CLOSED_BG, UI_CLOSED_BAND, CFG_EDGE_PX);
    int y = card.y + m;
    y += ui_text(ui, T("closed.start_title"), card.x + m, y, CFG_HEADING_MM, UI_INK, UI_LEFT, cw - 2 * m).y + ui_mm(ui, CFG_PARA_GAP_MM);
    ui_text(ui, T("closed.start_why"), card.x + m, y, CFG_BODY_MM, UI_INK2, UI_LEFT, cw - 2 * m);
    int bw = ui_mm(ui, CFG_BUTTON_W_WIDE_MM), by = card.y + ch - m - t;
    if (ui_button(ui, "closed.start", ui_rect(card.x + cw - m - bw, by, bw, t), T("closed.start"), UI_PRIMARY)) {
        app->plan.confirm_closed = 0;
        int to = app->plan.closed_to; /* the closed phase that was asked for, wherever the meeting is */
        store_status r = scr_do(app, &(core_op){.kind = OP_PHASE_GO, .n = to}, NULL);
        if (done(app, r)) {
            app->meetings_stale = 1;
            scr_open_meeting(app, app->m.meeting.id);
        }
    }
    if (ui_button(ui, "closed.cancel", ui_rect(card.x + m, by, ui_mm(ui, CFG_BUTTON_W_MM), t), T("common.cancel"), UI_SECONDARY))
        app->plan.confirm_closed = 0;
}

void scr_closed_finish(scr_app *app)
{
    if (scr_stale(app, app->plan.stale)) scr_plan_load(app);
    int drafts = 0;
    for (int i = 0; i < app->m.ndec; i++) drafts += !app->m.dec[i].final;
    if (drafts) app->plan.finishing = 1; /* the drafts are settled first; then it ends */
    else scr_closed_end(app);
}

void scr_closed_reopen(scr_app *app, int to)
{
    if (to < 0 || to >= app->m.nphases || !app->m.phases[to].def.closed) return;
    if (done(app, scr_do(app, &(core_op){.kind = OP_PHASE_GO, .n = to}, NULL))) {
        app->meetings_stale = 1;
        scr_open_meeting(app, app->m.meeting.id);
    }
}

void scr_closed_end(scr_app *app)
{
    int to = app->m.meeting.current_phase + 1;
    if (to >= app->m.nphases) to = app->m.meeting.current_phase;
    store_status r = scr_do(app, &(core_op){.kind = OP_PHASE_GO, .n = to}, NULL);
    if (to == app->m.meeting.current_phase) { /* a closed last phase: it just ends */
        done(app, r);
        return;
    }
    if (done(app, r)) {
        app->meetings_stale = 1;
        scr_open_meeting(app, app->m.meeting.id);
        scr_say(app, T("closed.ended"), 0);
    }
}

/* --- presenting the plan, and consent ------------------------------------------------ */

static core_consent answer_of(const scr_model *m, int64_t participant)
{
    for (int i = 0; i < m->nconsent; i++)
        if (m->consent_ids[i] == participant) return m->consent[i];
    return CONSENT_NONE;
}

void scr_consent_board(const scr_view *v, SDL_Rect r)
{
    scr_app *app = v->app; /* on the meeting screen only: no picture of its own */
    ui_ctx *ui = v->ui;
    if (scr_stale(app, app->plan.stale)) scr_plan_load(app);
    ui_card(ui, r, ui_mm(ui, CFG_RADIUS_SHEET_MM), UI_SURFACE, UI_HAIRLINE, CFG_HAIRLINE_PX);
    int pad = ui_mm(ui, CFG_PAD_MM), g = ui_mm(ui, CFG_GAP_MM), t = ui_mm(ui, CFG_TARGET_MM);
    int right_w = r.w * 2 / 5, lw = r.w - right_w - 3 * pad;
    int x = r.x + pad, y = r.y + pad;
    char head[160];
    snprintf(head, sizeof head, T("plan.version"), app->m.plan_version);
    ui_text(ui, T("plan.title"), x, y, CFG_TITLE_MM, UI_INK, UI_LEFT, 0);
    ui_text(ui, head, x + lw, y + ui_mm(ui, CFG_RAISE_MM), CFG_BODY_MM, UI_INK2, UI_RIGHT, 0);
    y += ui_mm(ui, PLAN_TITLE_LINE_MM);
    int finals = 0;
    for (int i = 0; i < app->m.ndec; i++) finals += app->m.dec[i].final;
    if (!finals) ui_text(ui, T("plan.no_final"), x, y, CFG_BODY_MM, UI_INK2, UI_LEFT, lw);
    int ch = ui_mm(ui, FINAL_MM);
    for (int i = 0; i < app->m.ndec; i++) {
        const core_decision *d = &app->m.dec[i];
        if (!d->final) continue; /* drafts never leave the closed segment */
        if (y + ch > r.y + r.h - pad - ui_mm(ui, FOOT_MM)) break;
        char id[48];
        snprintf(id, sizeof id, "plan.decision.%lld", (long long)d->id);
        decision_card(v, d, ui_rect(x, y, lw, ch), id, CFG_NOTE_MM);
        y += ch + g;
    }
    char line[1200];
    team_line(&app->m, line, sizeof line);
    int team_y = r.y + r.h - pad - ui_mm(ui, CFG_LINE_MM);
    ui_text(ui, line, x, team_y, CFG_BODY_MM, UI_INK, UI_LEFT, lw);
    /* The bottom lines stand in the plan too, read-only. */
    int bh = ui_mm(ui, CFG_PAD_SMALL_MM * 2 + CFG_LINE_MM) + (app->m.nbm ? app->m.nbm : 1) * ui_mm(ui, CFG_LINE_MM);
    if (y + g + bh < team_y - g) bodemeisen_box(v, ui_rect(x, team_y - g - bh, lw, bh));

    /* Right: everyone present says whether they agree. */
    int rx = r.x + r.w - pad - right_w, ry = r.y + pad;
    if (app->m.fixed_at) {
        char when[32], fixed[160];
        scr_local_hm(app->m.fixed_at, when, sizeof when);
        snprintf(fixed, sizeof fixed, T("plan.fixed"), app->m.plan_version, when);
        ui_round(ui, ui_rect(rx, ry, right_w, ui_mm(ui, FIXED_MM)), ui_mm(ui, CFG_RADIUS_MM), UI_EDGE_MIDDLE);
        ui_check(ui, rx + ui_mm(ui, FIXED_MM / 2), ry + ui_mm(ui, FIXED_MM / 2), ui_mm(ui, FIXED_CHECK_MM), UI_SURFACE);
        ui_text_fit(ui, fixed, ui_rect(rx + ui_mm(ui, FIXED_TEXT_X_MM), ry, right_w - ui_mm(ui, FIXED_MM), ui_mm(ui, FIXED_MM)),
                    CFG_BODY_MM, CFG_SMALL_MM, UI_SURFACE, UI_LEFT);
        ry += ui_mm(ui, FIXED_MM + CFG_GAP_TIGHT_MM);
        if (ui_button(ui, "plan.new_version", ui_rect(rx, ry, right_w, t), T("plan.new_version"), UI_SECONDARY) &&
            done(app, scr_do(app, &(core_op){.kind = OP_PLAN_VERSION}, NULL)))
            scr_say(app, T("plan.new_version_made"), 0);
        ry += t + g;
    } else {
        ry += ui_text(ui, T("plan.consent_why"), rx, ry, CFG_BODY_MM, UI_INK2, UI_LEFT, right_w).y + g;
    }
    static const struct { core_consent c; const char *word, *key; } answers[] = {
        {CONSENT_AKKOORD, "akkoord", N_("consent.akkoord")},
        {CONSENT_VOORBEHOUD, "voorbehoud", N_("consent.voorbehoud")},
        {CONSENT_NIET, "niet", N_("consent.niet")}};
    int nw = right_w / 3, bw = (right_w - nw - 2 * g) / 3;
    for (int i = 0; i < app->m.nmparts && ry + t <= r.y + r.h - pad; i++) {
        const core_participant *p = &app->m.mparts[i];
        if (!p->present || absent(&app->m, p->id)) continue;
        core_consent a = answer_of(&app->m, p->id);
        scr_avatar(app->ui, rx + ui_mm(ui, AVATAR_X_MM), ry + t / 2, ui_mm(ui, AVATAR_MM), p->colour, p->name);
        ui_text_fit(ui, p->name, ui_rect(rx + ui_mm(ui, NAME_X_MM), ry, nw - ui_mm(ui, NAME_X_MM + CFG_NUDGE_MM), t), CFG_BODY_MM,
                    CFG_SMALL_MM, UI_INK, UI_LEFT);
        for (int k = 0; k < 3; k++) {
            char id[48];
            snprintf(id, sizeof id, "consent.%lld.%s", (long long)p->id, answers[k].word);
            SDL_Rect b = {rx + nw + k * (bw + g / 2), ry, bw, t};
            if (!ui_toggle(ui, id, b, T(answers[k].key), a == answers[k].c, answers[k].c == CONSENT_NIET ? UI_DANGER : 0))
                continue;
            if (app->m.fixed_at) scr_say(app, T("plan.fixed_refuse"), 1);
            else if (answers[k].c == CONSENT_VOORBEHOUD) { /* the reservation in their own words */
                app->plan.remark_for = p->id;
                app->plan.remark[0] = 0;
                ui_focus(ui, "consent.remark");
                ui->osk_away = 0;
            } else done(app, scr_do(app, &(core_op){.kind = OP_CONSENT, .id = p->id, .actor = p->id, .n = answers[k].c}, NULL));
        }
        ry += t + g;
    }
}

static void remark_modal(scr_app *app)
{
    ui_ctx *ui = app->ui;
    ui_block(ui, "consent.modal");
    const core_participant *p = scr_participant(&app->m, app->plan.remark_for);
    int t = scr_target(app), m = ui_mm(ui, CFG_PAD_SHEET_MM), cw = ui_mm(ui, REMARK_W_MM), ch = ui_mm(ui, REMARK_H_MM);
    SDL_Rect card = {(ui->w - cw) / 2, ui_mm(ui, REMARK_TOP_MM), cw, ch};
    ui_card(ui, card, ui_mm(ui, CFG_RADIUS_SHEET_MM), UI_SURFACE, UI_HAIRLINE, CFG_HAIRLINE_PX);
    char title[200];
    snprintf(title, sizeof title, T("consent.remark_title"), p ? p->name : "");
    ui_text(ui, title, card.x + m, card.y + m, REMARK_HEAD_MM, UI_INK, UI_LEFT, cw - 2 * m);
    ui_textarea(ui, "consent.remark", ui_rect(card.x + m, card.y + m + ui_mm(ui, CFG_LINE_BIG_MM), cw - 2 * m, ui_mm(ui, REMARK_FIELD_MM)),
                app->plan.remark, sizeof app->plan.remark, CORE_LONG_MAX, T("consent.remark_hint"), CFG_BODY_MM, UI_SURFACE);
    int bw = ui_mm(ui, CFG_BUTTON_W_MM), by = card.y + ch - m - t;
    int save = ui_button(ui, "consent.save", ui_rect(card.x + cw - m - bw, by, bw, t), T("note.save"), UI_PRIMARY);
    ui_keep_focus(ui);
    if (save) {
        if (!app->plan.remark[0]) scr_say(app, T("consent.remark_empty"), 1);
        else if (done(app, scr_do(app, &(core_op){.kind = OP_CONSENT, .id = app->plan.remark_for,
                                                              .actor = app->plan.remark_for, .n = CONSENT_VOORBEHOUD,
                                                              .text = app->plan.remark}, NULL))) {
            app->plan.remark_for = 0;
            ui_focus(ui, "");
        }
    }
    if (ui_button(ui, "consent.cancel", ui_rect(card.x + cw - m - 2 * bw - ui_mm(ui, CFG_GAP_MM), by, bw, t), T("common.cancel"),
                  UI_SECONDARY)) {
        app->plan.remark_for = 0;
        ui_focus(ui, "");
    }
}

int scr_plan_modals(scr_app *app)
{
    if (app->plan.confirm_closed) confirm_closed(app);
    else if (app->plan.editing) decision_editor(app);
    else if (app->plan.finishing) finishing(app);
    else if (app->plan.remark_for) remark_modal(app);
    else return 0;
    return 1;
}

/* --- the plan as a picture (export --board besluiten) ------------------------------- */

void scr_plan_picture(const scr_view *v, SDL_Rect r)
{
    ui_ctx *ui = v->ui;
    ui_card(ui, r, ui_mm(ui, CFG_RADIUS_SHEET_MM), UI_SURFACE, UI_HAIRLINE, CFG_HAIRLINE_PX);
    int pad = ui_mm(ui, CFG_PAD_MM), g = ui_mm(ui, CFG_GAP_MM);
    int right_w = r.w * 2 / 5, lw = r.w - right_w - 3 * pad;
    int x = r.x + pad, y = r.y + pad;
    char line[1200];
    snprintf(line, sizeof line, T("plan.version"), v->m->plan_version);
    ui_text(ui, T("plan.decisions"), x, y, CFG_HEADING_MM, UI_INK, UI_LEFT, 0);
    ui_text(ui, line, x + lw, y + ui_mm(ui, CFG_NUDGE_MM), CFG_BODY_MM, UI_INK2, UI_RIGHT, 0);
    y += ui_mm(ui, CFG_LINE_BIG_MM);
    /* Final decisions only, in two columns when there are many. */
    int finals = 0, shown = 0;
    for (int i = 0; i < v->m->ndec; i++) finals += v->m->dec[i].final;
    if (!finals) ui_text(ui, T("plan.no_final"), x, y, CFG_BODY_MM, UI_INK2, UI_LEFT, lw);
    int ch = ui_mm(ui, DECISION_SMALL_MM), rows = (r.y + r.h - pad - y + g) / (ch + g);
    int two = finals > rows, cw = two ? (lw - g) / 2 : lw;
    for (int i = 0, k = 0; i < v->m->ndec; i++) {
        const core_decision *d = &v->m->dec[i];
        if (!d->final) continue; /* drafts never leave the closed segment */
        if (rows < 1 || k >= rows * (two ? 2 : 1)) break;
        decision_card(v, d, ui_rect(x + (k / rows) * (cw + g), y + (k % rows) * (ch + g), cw, ch), NULL, CFG_BODY_MM);
        k++;
        shown++;
    }
    if (shown < finals) {
        snprintf(line, sizeof line, TN("plan.more", "plan.more_many", finals - shown), finals - shown);
        ui_text(ui, line, x + lw, r.y + r.h - pad - ui_mm(ui, CFG_AIR_MM), CFG_SMALL_MM, UI_INK2, UI_RIGHT, 0);
    }
    /* Right: the bottom lines, the actieteam, and who agreed. */
    int rx = r.x + r.w - pad - right_w, ry = r.y + pad;
    int bh = ui_mm(ui, CFG_PAD_SMALL_MM * 2 + CFG_LINE_MM) + (v->m->nbm ? v->m->nbm : 1) * ui_mm(ui, CFG_LINE_MM);
    if (bh > r.h / 3) bh = r.h / 3;
    bodemeisen_box(v, ui_rect(rx, ry, right_w, bh));
    ry += bh + g;
    team_line(v->m, line, sizeof line);
    ry += ui_text(ui, line, rx, ry, CFG_BODY_MM, UI_INK, UI_LEFT, right_w).y + g;
    static const char *const words[] = {N_("plan.no_answer"), N_("consent.akkoord"), N_("consent.voorbehoud"), N_("consent.niet")};
    int lh = ui_mm(ui, WHO_AGREED_MM);
    for (int i = 0; i < v->m->nmparts && ry + lh <= r.y + r.h - pad; i++) {
        const core_participant *p = &v->m->mparts[i];
        if (!p->present) continue;
        core_consent a = answer_of(v->m, p->id);
        scr_avatar(v->ui, rx + ui_mm(ui, PICTURE_AVATAR_X_MM), ry + lh / 2, ui_mm(ui, PICTURE_AVATAR_MM), p->colour, p->name);
        ui_text_fit(ui, p->name, ui_rect(rx + ui_mm(ui, NAME_X_MM), ry, right_w / 2 - ui_mm(ui, NAME_X_MM), lh), CFG_BODY_MM,
                    CFG_SMALL_MM, UI_INK, UI_LEFT);
        if (a == CONSENT_AKKOORD) ui_check(ui, rx + right_w / 2, ry + lh / 2, ui_mm(ui, CFG_CHECK_MM), UI_EDGE_MIDDLE);
        ui_text_fit(ui, T(words[a >= 0 && a <= CONSENT_NIET ? a : 0]), ui_rect(rx + right_w / 2 + ui_mm(ui, CFG_CHECK_MM), ry,
                    right_w / 2 - ui_mm(ui, CFG_CHECK_MM), lh), CFG_BODY_MM, CFG_SMALL_MM, a == CONSENT_NIET ? UI_DANGER : UI_INK, UI_LEFT);
        ry += lh;
    }
}
