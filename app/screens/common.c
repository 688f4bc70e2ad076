/* common: opening the database, moving between screens, the bars every screen shares. */
#include "screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ALERT_MM 2.5f           /* the status bar's "!" of an error, radius */
#define SAVED_MM 2.2f           /* the disc of its opgeslagen check, radius */
#define PROMPT_INDENT_MM 7.0f   /* a question, after its bullet */
#define PROMPT_BULLET_X_MM 2.5f /* the bullet's middle */
#define PROMPT_BULLET_MM 1.1f   /* its radius */
#define PROMPT_END_MM 4.0f      /* kept free at a line's end */

/* gettext finds the domain and the locale again on every call, and a Drieluik
 * frame asks it thousands of times (a label per post-it); a key's words do not
 * change while the app runs. So the answer is kept per key, found by the key's
 * address and checked against a copy of the key (a key in a buffer that is used
 * again for another is then asked again). Only the screens' thread calls this. */
const char *scr_tr(const char *key)
{
    enum { BITS = 9, KEY_MAX = 56 };
    static struct {
        const char *key, *words;
        char copy[KEY_MAX];
    } kept[1 << BITS];
    size_t i = (size_t)(((uint64_t)(uintptr_t)key * 0x9E3779B97F4A7C15ull) >> (64 - BITS));
    if (kept[i].key == key && !strcmp(kept[i].copy, key)) return kept[i].words;
    const char *words = gettext(key);
    if (strlen(key) < KEY_MAX) {
        kept[i].key = key;
        kept[i].words = words;
        memcpy(kept[i].copy, key, strlen(key) + 1);
    }
    return words;
}

const char *scr_trn(const char *key_one, const char *key_many, long n)
{
    return ngettext(key_one, key_many, (unsigned long)(n < 0 ? -n : n));
}

/* Commits off the frame; without a thread they run in it, as they always did. */
static void start_writer(scr_app *app)
{
    if (store_writer_start(app->st, app->wake, app->wake_user) != STORE_OK)
        fprintf(stderr, "schouders: no writer thread: commits run in the frame\n");
}

void scr_open(scr_app *app)
{
    char msg[512];
    int n = 0;
    app->layout_errors[0] = 0;
    store_layouts_load(app->layouts_dir, app->templates, SCR_TEMPLATES_MAX, &n, app->layout_errors,
                       sizeof app->layout_errors);
    app->ntemplates = n;
    char board_msg[300];
    if (store_board_load(app->layouts_dir, &app->dl_layout, board_msg, sizeof board_msg) == STORE_EINVAL) {
        size_t len = strlen(app->layout_errors);
        snprintf(app->layout_errors + len, sizeof app->layout_errors - len, "%s\n", board_msg);
    }
    if (app->layout_errors[0]) fprintf(stderr, "schouders: layouts in %s:\n%s", app->layouts_dir, app->layout_errors);

    store_close(app->st);
    app->st = NULL;
    app->saving = 0;
    app->open_status = store_open(app->db_path, &app->st, msg, sizeof msg);
    if (app->open_status != STORE_OK) {
        /* Is there a good copy to offer? (checked once, not per frame) */
        char probe[PATH_MAX + 16];
        app->has_backup = 0;
        for (int n = 0; n < CFG_BACKUPS && !app->has_backup; n++) {
            snprintf(probe, sizeof probe, "%s.bak.%d", app->db_path, n);
            app->has_backup = store_backup_verify(probe) == STORE_OK;
        }
        snprintf(app->open_msg, sizeof app->open_msg, "%s", msg);
        fprintf(stderr, "schouders: %s: %s\n", app->db_path, msg);
        /* Whoever is at the screen now may not pass the facilitator by: the PIN
         * the file stands behind still guards the ways on, read from a good copy. */
        if (store_known_pin_hash(app->db_path, app->error_hash, sizeof app->error_hash) != STORE_OK) app->error_hash[0] = 0;
        scr_go(app, SCR_ERROR);
        return;
    }
    start_writer(app);
    if (app->demo) {
        store_status r = scr_demo(app);
        if (r != STORE_OK) scr_store_failed(app, r);
    }
    char chime[8];
    app->chime_off = store_setting(app->st, "chime", chime, sizeof chime) == STORE_OK && !strcmp(chime, "off");
    scr_measure_load(app);
    app->meetings_stale = 1;
    app->home_open = 0;
    app->open_saved = 0;
    store_pin_guard(app->st, &app->pin_guard); /* a pause outlives a restart */
    if (store_has_pin(app->st) != STORE_OK) {
        scr_go(app, SCR_PIN_NEW);
    } else {
        /* A kiosk starts again where the room was (a crash, a power cut): in the
         * meeting on screen, its phase and locks as stored. Home is the facilitator's. */
        char open[32];
        core_meeting m;
        long long id = store_setting(app->st, "open_meeting", open, sizeof open) == STORE_OK ? atoll(open) : 0;
        if (id > 0 && store_meeting(app->st, id, &m) == STORE_OK) {
            app->open_saved = id;
            scr_open_meeting(app, id);
        } else {
            scr_go_home(app);
        }
    }
    if (app->layout_errors[0]) scr_say(app, T("status.layout_broken"), 1);
}

void scr_set_words(scr_app *app)
{
    app->ui->words = (ui_words){T("osk.done"), T("osk.cancel"), T("osk.space"), T("osk.digits"),
                                T("osk.letters"), T("osk.cut")};
    if (ui_hyphens_load(app->lang_en ? CFG_HYPHENS_EN : CFG_HYPHENS_NL) != 0)
        fprintf(stderr, "schouders: no hyphenation patterns at %s: long words are cut with a hyphen anywhere\n",
                app->lang_en ? CFG_HYPHENS_EN : CFG_HYPHENS_NL);
}

/* Words someone is still writing when the app closes are kept: a decision as a
 * draft (it stays in the closed room), a new post-it in its writer's tray. */
static void keep_writing(scr_app *app)
{
    if (!app->st || app->screen != SCR_MEETING) return;
    if (app->plan.editing && app->plan.edit.what[0] && !app->m.fixed_at) {
        app->plan.edit.final = 0;
        if (scr_do(app, &(core_op){.kind = OP_DECISION_SAVE, .decision = &app->plan.edit}, NULL) != STORE_OK)
            fprintf(stderr, "schouders: a draft could not be kept: %s\n", store_errmsg(app->st));
        app->plan.editing = 0;
    }
    if (app->note.open && !app->note.id && app->note.text[0] &&
        scr_dl_note_add(app, app->note.author, app->note.col, app->note.prompt, app->note.text, NULL, 0) != STORE_OK)
        fprintf(stderr, "schouders: a note being written could not be kept: %s\n", store_errmsg(app->st));
    app->note.open = 0;
}

void scr_close(scr_app *app)
{
    keep_writing(app);
    core_notes_free(app->m.notes, app->m.nnotes);
    app->m.nnotes = 0;
    scr_dl_reset(app);
    scr_goals_reset(app);
    scr_vip_close(app);
    store_close(app->st);
    app->st = NULL;
    app->saving = 0;
}

void scr_go(scr_app *app, scr_id screen)
{
    app->screen = screen;
    ui_focus(app->ui, "");
    app->ui->dirty = 1;
}

scr_view scr_view_of(scr_app *app)
{
    return (scr_view){.ui = app->ui, .m = &app->m, .looks = &app->looks, .layout = &app->dl_layout, .lang_en = app->lang_en,
                      .now = app->now, .wall_ms = app->wall_ms, .app = app};
}

void scr_say(scr_app *app, const char *msg, int error)
{
    snprintf(app->status, sizeof app->status, "%s", msg);
    app->status_error = error;
    app->status_until = app->now + (error ? 8000u : 5000u);
    app->ui->dirty = 1;
}

void scr_saved(scr_app *app)
{
    app->saved_at = app->now ? app->now : 1;
    app->ui->dirty = 1;
}

static void taken_back(scr_app *app);

void scr_store_failed(scr_app *app, store_status r)
{
    app->saved_at = 0; /* never "opgeslagen" beside what was not */
    if (r == STORE_EGONE && app->st) {
        /* The file was deleted, cut short or replaced: put back everything the app
         * still holds (beside it when someone else's file is at the path), and go on. */
        store_gone_kind kind = store_gone(app->st);
        char where[PATH_MAX];
        store_status back = store_rescue(app->st, where, sizeof where);
        fprintf(stderr, "schouders: %s; %s\n", store_errmsg(app->st), back == STORE_OK ? where : store_errmsg(app->st));
        if (back == STORE_OK) { /* the file again, the screen as it was: what was being written is still there */
            char msg[PATH_MAX + 256];
            store_close(app->st);
            app->saving = 0;
            app->save_failed = 0;
            snprintf(app->db_path, sizeof app->db_path, "%s", where);
            app->open_status = store_open(app->db_path, &app->st, msg, sizeof msg);
            if (app->open_status != STORE_OK) {
                snprintf(app->open_msg, sizeof app->open_msg, "%s", msg);
                scr_go(app, SCR_ERROR);
                return;
            }
            start_writer(app);
            taken_back(app); /* what did not get into the file is not shown either */
            if (kind == STORE_GONE_REPLACED) snprintf(msg, sizeof msg, T("status.file_replaced"), where);
            else snprintf(msg, sizeof msg, "%s", kind == STORE_GONE_TRUNCATED ? T("status.file_cut") : T("status.file_back"));
            scr_say(app, msg, 1);
            return;
        }
    }
    const char *msg = r == STORE_EGONE ? T("status.file_gone")
                    : r == STORE_EFULL ? T("status.disk_full")
                    : r == STORE_EREADONLY ? T("status.read_only")
                    : r == STORE_ELOCKED ? T("status.busy") : T("status.not_saved");
    if (app->st) fprintf(stderr, "schouders: store: %s\n", store_errmsg(app->st));
    scr_say(app, msg, 1);
}

/* An op is with the writer: the saved mark waits for its answer. */
static void handed(scr_app *app)
{
    if (!app->saving++) app->saving_since = app->now ? app->now : 1;
}

int scr_saved_shown(const scr_app *app)
{
    /* Not beside a change the writer has had for a while (a held file: seconds);
     * a commit that answers within CFG_UNSAVED_MS does not make the mark blink. */
    if (app->saving && app->now - app->saving_since >= CFG_UNSAVED_MS) return 0;
    return app->saved_at && app->now - app->saved_at < CFG_SAVED_SHOW_MS;
}

store_status scr_check(scr_app *app, core_op *op)
{
    /* What the rules look at: the meeting as this screen holds it. */
    core_op_ctx c = {
        .finished = app->m.meeting.status == MEETING_FINISHED,
        .parts = app->m.mparts, .nparts = app->m.nmparts,
        .notes = app->m.notes, .nnotes = app->m.nnotes,
        .dl_step = app->m.dl_step, .pros_write = app->m.pros_write,
        .goals = app->m.goals, .ngoals = app->m.ngoals,
        .vip_count = op->kind == OP_VIP_PICK && op->id == app->m.vip.child ? app->m.vip.ncard : 0,
    };
    /* The lists the screens hold have room for so many: one more is refused with a
     * message, never stored to vanish from the screen. */
    switch (op->kind) {
    case OP_NOTE_ADD: c.have = app->m.nnotes, c.cap = SCR_NOTES_MAX; break;
    case OP_GOAL_PUT: c.have = app->m.ngoals, c.cap = SCR_GOALS_MAX; break;
    case OP_DECISION_SAVE: c.have = app->m.ndec, c.cap = SCR_DECISIONS_MAX; break;
    case OP_BODEMEIS_ADD: c.have = app->m.nbm, c.cap = SCR_BODEMEISEN_MAX; break;
    case OP_PERSON_ADD:
        c.have = app->m.npeople;
        c.cap = CORE_PEOPLE_CAP;
        break;
    case OP_MEETING_CREATE: c.have = app->nmeetings, c.cap = SCR_MEETINGS_MAX; break;
    default: break;
    }
    if (!op->meeting && op->kind != OP_MEETING_CREATE) op->meeting = app->m.meeting.id;
    int version = 0;
    int64_t fixed_at = 0;
    /* Whether the plan is fixed: as the screens read it, while that is fresh (asking
     * the file would wait for the writer), else from the file. */
    if (core_op_in_plan(op) && !app->plan.stale && app->plan.meeting == op->meeting) c.plan_fixed = app->m.fixed_at != 0;
    else if (app->st && core_op_in_plan(op) && store_plan(app->st, op->meeting, &version, &fixed_at) == STORE_OK)
        c.plan_fixed = fixed_at != 0;
    const char *why;
    if (core_op_check(&c, op, &why) != CORE_OK) {
        scr_say(app, T(why), 1);
        return STORE_EINVAL;
    }
    return STORE_OK;
}

store_status scr_commit(scr_app *app, core_op *op, int64_t *made)
{
    if (!op->meeting && op->kind != OP_MEETING_CREATE) op->meeting = app->m.meeting.id;
    uint64_t ticket = 0;
    store_status r = app->st ? store_op_queue(app->st, op, app->wall_ms, made, &ticket) : STORE_EIO;
    if (r != STORE_OK && r != STORE_EHELD) {
        scr_store_failed(app, r);
        return r;
    }
    scr_model_apply(&app->m, op); /* shown at once; taken back if the writer says it failed */
    if (ticket) handed(app);
    else scr_saved(app);
    return r;
}

/* The meeting, its phases and participants as the file has them. */
static store_status read_meeting(scr_app *app, int64_t id) { return scr_model_meeting(app->st, id, &app->m); }

/* A commit that failed after the screen showed it: the file is the truth. */
static void taken_back(scr_app *app)
{
    app->meetings_stale = 1;
    if (!app->m.meeting.id || !app->st || read_meeting(app, app->m.meeting.id) != STORE_OK) return;
    app->notes_stale = app->plan.stale = app->goals.stale = app->vip.stale = 1;
}

void scr_settle(scr_app *app)
{
    if (!app->st || !app->saving) return;
    store_done d[16];
    int n;
    while (app->st && (n = store_done_take(app->st, d, 16)) > 0) {
        app->undo.board[0] = 0; /* asked of the log again, now it holds the step */
        app->ui->dirty = 1;
        for (int i = 0; i < n && app->st; i++) {
            app->saving--;
            if (d[i].status == STORE_OK || d[i].status == STORE_EHELD) continue;
            /* Said at once; the meeting is read again once every op handed over has
             * its answer (reading now would wait for them: a held lock, 2 s each). */
            if (!app->save_failed) {
                store *was = app->st;
                scr_store_failed(app, d[i].status);
                if (app->st != was) return; /* the file was put back and opened again */
            }
            app->save_failed = 1;
        }
    }
    if (app->saving) return;
    if (app->save_failed) {
        app->save_failed = 0;
        taken_back(app);
    } else {
        scr_saved(app);
    }
}

int scr_stale(const scr_app *app, int stale) { return stale == SCR_STALE_NOW || (stale && !app->saving); }

int scr_settled(const scr_app *app) { return app->saving == 0 && !app->exp.busy; }

store_status scr_do(scr_app *app, core_op *op, int64_t *made)
{
    store_status r = scr_check(app, op);
    return r == STORE_OK ? scr_commit(app, op, made) : r;
}

store_status scr_device(scr_app *app, scr_dev *d)
{
    /* Setting aside and restoring work on the file, whether or not it is open. */
    if (d->kind == DEV_SET_ASIDE) return store_set_aside(app->db_path, d->why, app->wall_ms, d->aside, d->aside_cap);
    if (d->kind == DEV_RESTORE) return store_restore_in_place(app->db_path, d->why, app->wall_ms, d->aside, d->aside_cap, &d->at);
    if (!app->st) return STORE_EIO;
    switch (d->kind) {
    case DEV_SETTING: return store_set_setting(app->st, d->key, d->value);
    case DEV_PIN_SET: return store_set_pin(app->st, d->value, app->wall_ms);
    case DEV_PIN_CHECK: { /* a wrong PIN counts in the file, so a pause outlives a restart */
        store_status r = store_check_pin(app->st, d->value, app->wall_ms, NULL);
        store_pin_guard(app->st, &app->pin_guard);
        return r;
    }
    case DEV_PURGE: return store_purge(app->st);
    case DEV_BACKUP: return store_backup_queue(app->st);
    default: return STORE_EINVAL;
    }
}

void scr_undo_look(scr_app *app, const char *board)
{
    snprintf(app->undo.board, sizeof app->undo.board, "%s", board);
    for (int redo = 0; redo < 2; redo++)
        app->undo.can[redo] = app->st && app->m.meeting.id && store_can_undo(app->st, app->m.meeting.id, board, redo);
}

void scr_undo_after(scr_app *app, const char *board)
{
    if (!app->saving) {
        scr_undo_look(app, board);
        return;
    }
    snprintf(app->undo.board, sizeof app->undo.board, "%s", board);
    app->undo.can[0] = 1;
    app->undo.can[1] = 0;
}

store_status scr_undo(scr_app *app, const char *board, int redo, int64_t actor, store_op_buf **out)
{
    *out = NULL;
    store_op_buf *b = NULL;
    store_status r = app->st ? store_undo_peek(app->st, app->m.meeting.id, board, redo, &b) : STORE_EIO;
    if (r == STORE_ENOTFOUND) scr_say(app, T("why.nothing_to_undo"), 0);
    else if (r != STORE_OK) scr_store_failed(app, r);
    if (r != STORE_OK) {
        scr_undo_look(app, board);
        return r;
    }
    core_op *op = store_op_buf_op(b);
    op->actor = actor; /* whoever is at the screen now: their rules, not the first doer's */
    uint64_t ticket = 0;
    if ((r = scr_check(app, op)) == STORE_OK) {
        r = store_undo_commit(app->st, b, app->wall_ms, &ticket);
        if (r != STORE_OK) scr_store_failed(app, r);
        else scr_model_apply(&app->m, op);
        if (r == STORE_OK && ticket) handed(app);
        else if (r == STORE_OK) scr_saved(app);
    }
    if (ticket) { /* the log is asked again once it holds this step (scr_settle) */
        snprintf(app->undo.board, sizeof app->undo.board, "%s", board);
        app->undo.can[redo] = 1;
        app->undo.can[!redo] = 1;
    } else {
        scr_undo_look(app, board);
    }
    if (r != STORE_OK) store_op_buf_free(b);
    else *out = b;
    return r;
}

int scr_undo_buttons(scr_app *app, const char *board, int x, int y, int w, int h)
{
    ui_ctx *ui = app->ui;
    if (strcmp(app->undo.board, board) != 0) scr_undo_look(app, board);
    int g = ui_mm(ui, CFG_GAP_TIGHT_MM), uw = w * 3 / 5, tapped = -1;
    int open = app->m.meeting.status != MEETING_FINISHED; /* a finished meeting changes nothing, undo included */
    char id[32];
    snprintf(id, sizeof id, "%s.undo", board);
    if (open && app->undo.can[0]) {
        if (ui_button(ui, id, ui_rect(x, y, uw - g, h), T("dl.undo"), UI_SECONDARY)) tapped = 0;
    } else {
        ui_button_off(ui, id, ui_rect(x, y, uw - g, h), T("dl.undo"));
    }
    snprintf(id, sizeof id, "%s.redo", board);
    if (open && app->undo.can[1]) {
        if (ui_button(ui, id, ui_rect(x + uw, y, w - uw, h), T("dl.redo"), UI_SECONDARY)) tapped = 1;
    } else {
        ui_button_off(ui, id, ui_rect(x + uw, y, w - uw, h), T("dl.redo"));
    }
    return tapped;
}

void scr_request_quit(scr_app *app)
{
    /* Nothing to protect when no database is open. */
    if (app->screen == SCR_ERROR && app->error_hash[0]) scr_pin_ask(app, PIN_FOR_QUIT, 0);
    else if (!app->st || app->screen == SCR_ERROR) app->quit = 1;
    else if (app->screen != SCR_PIN_NEW) scr_pin_ask(app, PIN_FOR_QUIT, 0);
}

int scr_margin(const scr_app *app) { return ui_mm(app->ui, CFG_MARGIN_MM); }
int scr_target(const scr_app *app) { return ui_mm(app->ui, CFG_BUTTON_MM); }

int scr_header(scr_app *app, const char *title, int left)
{
    ui_ctx *ui = app->ui;
    int h = ui_mm(ui, CFG_HEADER_MM);
    ui_fill(ui, ui_rect(0, 0, ui->w, h), UI_SURFACE);
    ui_fill(ui, ui_rect(0, h - CFG_HAIRLINE_PX, ui->w, CFG_HAIRLINE_PX), UI_HAIRLINE);
    int th = ui_text_size(ui, title, CFG_TITLE_MM).y;
    ui_text(ui, title, scr_margin(app) + left, (h - th) / 2, CFG_TITLE_MM, UI_INK, UI_LEFT, 0);
    return h;
}

int scr_begin(scr_app *app, const char *screen, const char *title, int left)
{
    ui_begin(app->ui, screen);
    ui_clear(app->ui, UI_BG);
    return scr_header(app, title, left);
}

int scr_statusbar(scr_app *app)
{
    ui_ctx *ui = app->ui;
    int h = ui_mm(ui, CFG_BAR_MM);
    int y = ui->h - h;
    ui_fill(ui, ui_rect(0, y, ui->w, h), UI_SURFACE);
    ui_fill(ui, ui_rect(0, y, ui->w, CFG_HAIRLINE_PX), UI_HAIRLINE);
    int m = scr_margin(app);
    if (app->status[0] && (int32_t)(app->now - app->status_until) < 0) {
        /* An error has an icon as well as a colour. */
        int x = m;
        if (app->status_error) {
            int r = ui_mm(ui, ALERT_MM);
            ui_circle(ui, x + r, y + h / 2, r, UI_DANGER);
            ui_text(ui, "!", x + r, y + h / 2 - ui_text_size(ui, "!", CFG_SMALL_MM).y / 2, CFG_SMALL_MM, UI_SURFACE, UI_CENTER, 0);
            x += 2 * r + ui_mm(ui, CFG_ICON_GAP_MM);
        }
        ui_text_fit(ui, app->status, ui_rect(x, y, ui->w * 2 / 3 - x, h), CFG_BODY_MM, CFG_SMALL_MM,
                    app->status_error ? UI_DANGER : UI_INK, UI_LEFT);
    }
    if (scr_saved_shown(app)) {
        const char *s = T("status.saved");
        int tw = ui_text_size(ui, s, CFG_SMALL_MM).x;
        int r = ui_mm(ui, SAVED_MM), cx = ui->w - m - tw - ui_mm(ui, CFG_ICON_GAP_MM) - r;
        ui_circle(ui, cx, y + h / 2, r, UI_EDGE_MIDDLE);
        ui_check(ui, cx, y + h / 2, r * 3 / 2, UI_SURFACE);
        ui_text(ui, s, ui->w - m, y + (h - ui_text_size(ui, s, CFG_SMALL_MM).y) / 2, CFG_SMALL_MM, UI_INK2, UI_RIGHT, 0);
    }
    return y;
}

const char *scr_template_name(const scr_app *app, const char *id)
{
    for (int i = 0; i < app->ntemplates; i++)
        if (!strcmp(app->templates[i].id, id))
            return app->lang_en && app->templates[i].name_en[0] ? app->templates[i].name_en : app->templates[i].name_nl;
    return id;
}

const char *scr_phase_title(const scr_app *app, const core_phase_def *d)
{
    return app->lang_en && d->title_en[0] ? d->title_en : d->title_nl;
}

const char *scr_role_name(core_role r)
{
    switch (r) {
    case ROLE_KIND: return T("role.kind");
    case ROLE_OUDER: return T("role.ouder");
    case ROLE_PLEEGOUDER: return T("role.pleegouder");
    case ROLE_SUPPORTER: return T("role.supporter");
    case ROLE_PROFESSIONAL: return T("role.professional");
    case ROLE_FACILITATOR: return T("role.facilitator");
    default: return T("role.netwerklid");
    }
}

void scr_open_meeting(scr_app *app, int64_t id)
{
    store_status r = read_meeting(app, id);
    if (r != STORE_OK) {
        scr_store_failed(app, r);
        return;
    }
    if (id != app->dl_meeting) { /* undo belongs to the meeting it was done in */
        scr_dl_reset(app);
        scr_goals_reset(app);
    }
    app->dl_meeting = id;
    app->notes_stale = 1;
    app->plan.stale = 1;
    app->goals.stale = 1;
    app->goals.editing = 0;
    app->plan.editing = app->plan.finishing = app->plan.confirm_closed = 0;
    app->plan.remark_for = 0;
    app->note.open = 0;
    app->note_view = 0;
    app->home_open = 0; /* back to Home takes the PIN again */
    if (app->open_saved != id) { /* remembered, so a restart comes back here */
        char v[32];
        snprintf(v, sizeof v, "%lld", (long long)id);
        if (scr_device(app, &(scr_dev){.kind = DEV_SETTING, .key = "open_meeting", .value = v}) == STORE_OK) app->open_saved = id;
        else scr_store_failed(app, STORE_EIO);
    }
    scr_go(app, SCR_MEETING);
}

void scr_go_home(scr_app *app)
{
    if (!app->home_open) {
        scr_go(app, SCR_HOME);
        scr_pin_ask(app, PIN_FOR_HOME, 0);
        return;
    }
    if (app->open_saved && scr_device(app, &(scr_dev){.kind = DEV_SETTING, .key = "open_meeting", .value = ""}) == STORE_OK)
        app->open_saved = 0;
    app->meetings_stale = 1;
    scr_go(app, SCR_HOME);
}

int scr_wake_in(const scr_app *app)
{
    int best = -1;
    uint32_t now = app->now;
    if ((int32_t)(app->shake_until - now) > 0) best = ui_sooner(best, 16);
    if (app->status[0] && (int32_t)(app->status_until - now) > 0) best = ui_sooner(best, (int)(app->status_until - now));
    if (scr_saved_shown(app)) best = ui_sooner(best, (int)(CFG_SAVED_SHOW_MS - (now - app->saved_at)));
    if (scr_saved_shown(app) && app->saving) best = ui_sooner(best, (int)(CFG_UNSAVED_MS - (now - app->saving_since)));
    if (core_pin_wait_ms(&app->pin_guard, app->wall_ms) > 0) best = ui_sooner(best, 1000);
    if (app->saving && !app->wake) best = ui_sooner(best, 16); /* no one will say when the writer answers */
    if (app->st && store_purge_pending(app->st)) best = ui_sooner(best, (int)CFG_PURGE_RETRY_MS);
    if (app->screen == SCR_MEETING) best = ui_sooner(best, ui_sooner(scr_dl_wake_in(app), scr_meeting_wake_in(app)));
    return best;
}

int scr_step(scr_app *app, uint32_t now, int64_t wall_ms, uint32_t kit_now)
{
    app->now = now;
    app->wall_ms = wall_ms;
    ui_tick(app->ui, kit_now);
    if (!app->ui->dirty) return 0;
    scr_frame(app);
    return 1;
}

void scr_frame(scr_app *app)
{
    scr_settle(app);
    /* A delete another program held up is finished as soon as it lets go. */
    if (app->st && store_purge_pending(app->st) && (int32_t)(app->now - app->purge_next) >= 0) {
        app->purge_next = app->now + CFG_PURGE_RETRY_MS;
        if (scr_device(app, &(scr_dev){.kind = DEV_PURGE}) == STORE_OK) scr_say(app, T("home.deleted"), 0);
    }
    /* Every ten minutes of use, a verified copy beside the database. */
    if (app->st && app->wall_ms - app->last_backup_ms >= (int64_t)CFG_BACKUP_EVERY_MS) {
        if (app->last_backup_ms && scr_device(app, &(scr_dev){.kind = DEV_BACKUP}) != STORE_OK)
            fprintf(stderr, "schouders: %s\n", store_errmsg(app->st));
        app->last_backup_ms = app->wall_ms;
    }
    /* Before drawing: ui_end forgets the keys of this frame. */
    if (ui_key(app->ui, SDLK_ESCAPE) && app->pin_for == PIN_FOR_NONE) scr_request_quit(app);
    switch (app->screen) {
    case SCR_ERROR: scr_error_frame(app); break;
    case SCR_PIN_NEW: scr_pin_new_frame(app); break;
    case SCR_HOME: scr_home_frame(app); break;
    case SCR_NEW: scr_new_frame(app); break;
    case SCR_MEETING: scr_meeting_frame(app); break;
    case SCR_VIP: scr_vip_frame(app); break;
    case SCR_EXPORT: scr_export_frame(app); break;
    }
}

store_status scr_demo(scr_app *app)
{
    char done[8];
    if (store_setting(app->st, "demo_created", done, sizeof done) == STORE_OK) return STORE_OK;
    const core_template *t = NULL;
    for (int i = 0; i < app->ntemplates; i++)
        if (!strcmp(app->templates[i].id, "familienetwerkberaad")) t = &app->templates[i];
    if (!t && app->ntemplates) t = &app->templates[0];
    if (!t) return STORE_ENOTFOUND;
    static const struct { const char *name; core_role role; } who[] = {
        {"Sanne", ROLE_KIND}, {"Mark", ROLE_OUDER}, {"Ria", ROLE_PLEEGOUDER}, {"Oma Joke", ROLE_NETWERKLID},
        {"Bram", ROLE_SUPPORTER}, {"Petra", ROLE_PROFESSIONAL}, {"Anja", ROLE_FACILITATOR}};
    core_participant ps[CORE_PARTICIPANTS_MAX];
    int n = 0;
    for (size_t i = 0; i < sizeof who / sizeof who[0]; i++) core_participant_add(ps, &n, who[i].name, who[i].role);
    ps[4].supports = 1; /* Bram comes with Sanne */
    core_op op = {.kind = OP_MEETING_CREATE, .text = "Familie De Boer", .tpl = t, .parts = ps, .nparts = n};
    store_status r = scr_do(app, &op, NULL); /* the demo meeting meets the same checks as any other */
    if (r == STORE_OK) r = scr_device(app, &(scr_dev){.kind = DEV_SETTING, .key = "demo_created", .value = "1"});
    return r;
}

void scr_avatar(ui_ctx *ui, int cx, int cy, int radius, uint32_t colour, const char *name)
{
    char initial[8] = {0};
    size_t n = name[0] ? 1 : 0;
    while (name[n] && ((unsigned char)name[n] & 0xC0) == 0x80) n++;
    memcpy(initial, name, n < sizeof initial ? n : sizeof initial - 1);
    ui_circle(ui, cx, cy, radius, colour);
    float mm = radius / ui->ppmm * 1.1f;
    /* Ink on light colours, white on dark ones (the blue, vermilion and grey). */
    float lum = 0.2126f * (float)((colour >> 16) & 0xFF) + 0.7152f * (float)((colour >> 8) & 0xFF) +
                0.0722f * (float)(colour & 0xFF);
    ui_text(ui, initial, cx, cy - ui_text_size(ui, initial, mm).y / 2, mm, lum < 120 ? UI_SURFACE : UI_INK, UI_CENTER, 0);
}

const char *scr_phase_prompts(const scr_app *app, const core_phase_def *d)
{
    return app->lang_en && d->prompts_en[0] ? d->prompts_en : d->prompts_nl;
}

void scr_local_hm(int64_t unix_ms, char *out, size_t cap)
{
    time_t t = (time_t)(unix_ms / 1000);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(out, cap, "%H:%M", &tm);
}

void scr_local_day(int64_t unix_ms, char *out, size_t cap)
{
    time_t t = (time_t)(unix_ms / 1000);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(out, cap, "%Y-%m-%d", &tm);
}

/* Lays the prompt lines out in `cols` columns of r; draws them when asked.
 * Returns 1 when every line fits. */
static int flow_prompts(scr_app *app, const char *text, SDL_Rect r, int cols, int draw)
{
    ui_ctx *ui = app->ui;
    char line[CORE_PROMPTS_BYTES];
    int colw = cols == 1 ? r.w : (r.w - ui_mm(ui, CFG_AIR_WIDE_MM)) / 2;
    int x = r.x, y = r.y, col = 0;
    for (const char *p = text; *p;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        snprintf(line, sizeof line, "%.*s", (int)n, p);
        p += n + (e ? 1 : 0);
        int question = line[0] == '-' && line[1] == ' ';
        const char *s = question ? line + 2 : line;
        float mm = question ? CFG_BODY_MM : CFG_NOTE_MM;
        int indent = question ? ui_mm(ui, PROMPT_INDENT_MM) : 0, wrap = colw - indent - ui_mm(ui, PROMPT_END_MM);
        SDL_Point one = ui_text_size(ui, s, mm);
        int h = one.y * (1 + one.x / (wrap > 0 ? wrap : 1));
        if (!question && y > r.y) y += ui_mm(ui, CFG_PARA_GAP_MM); /* a new heading: a little air */
        if (y + h > r.y + r.h) {
            if (col + 1 >= cols) return 0;
            col++;
            x = r.x + col * (colw + ui_mm(ui, CFG_AIR_WIDE_MM));
            y = r.y;
        }
        if (draw) {
            if (question) ui_circle(ui, x + ui_mm(ui, PROMPT_BULLET_X_MM), y + one.y / 2, ui_mm(ui, PROMPT_BULLET_MM), UI_ACCENT);
            h = ui_text(ui, s, x + indent, y, mm, UI_INK, UI_LEFT, wrap).y;
        }
        y += h + (question ? ui_mm(ui, CFG_GAP_TIGHT_MM) : ui_mm(ui, CFG_PARA_GAP_MM));
    }
    return 1;
}

void scr_prompts(scr_app *app, const char *text, SDL_Rect r)
{
    flow_prompts(app, text, r, flow_prompts(app, text, r, 1, 0) ? 1 : 2, 1);
}

static const char *const nl_months[] = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                                        "september", "oktober", "november", "december"};
static const char *const en_months[] = {"January", "February", "March", "April", "May", "June", "July", "August",
                                        "September", "October", "November", "December"};

void scr_local_date_words(const scr_app *app, int64_t unix_ms, char *out, size_t cap)
{
    time_t t = (time_t)(unix_ms / 1000);
    struct tm tm;
    if (!localtime_r(&t, &tm)) {
        snprintf(out, cap, "?");
        return;
    }
    snprintf(out, cap, "%d %s %d", tm.tm_mday, (app->lang_en ? en_months : nl_months)[tm.tm_mon], tm.tm_year + 1900);
}

/* A month of days to tap: no typing for a date. */
void scr_calendar(scr_app *app, const char *prefix, SDL_Rect r, char *date_buf, int *year, int *month)
{
    ui_ctx *ui = app->ui;
    static const char *const nl_days[] = {"ma", "di", "wo", "do", "vr", "za", "zo"};
    static const char *const en_days[] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
    if (!(*year)) {
        int y, m, d;
        if (sscanf(date_buf, "%d-%d-%d", &y, &m, &d) == 3 && m >= 1 && m <= 12) {
            (*year) = y;
            (*month) = m;
        } else {
            time_t now = (time_t)(app->wall_ms / 1000);
            struct tm tm;
            localtime_r(&now, &tm);
            (*year) = tm.tm_year + 1900;
            (*month) = tm.tm_mon + 1;
        }
    }
    int t = ui_mm(ui, CFG_TARGET_MM), g = ui_mm(ui, CFG_GAP_SMALL_MM), cw = (r.w - 6 * g) / 7;
    char head[64];
    snprintf(head, sizeof head, "%s %d", (app->lang_en ? en_months : nl_months)[(*month) - 1], (*year));
    char pid[48], nid[48];
    snprintf(pid, sizeof pid, "%s.month.prev", prefix);
    snprintf(nid, sizeof nid, "%s.month.next", prefix);
    if (ui_button(ui, pid, ui_rect(r.x, r.y, t, t), "\xE2\x80\xB9", UI_SECONDARY) &&
        --(*month) < 1) {
        (*month) = 12;
        (*year)--;
    }
    ui_text_fit(ui, head, ui_rect(r.x + t, r.y, r.w - 2 * t, t), CFG_BODY_MM, CFG_SMALL_MM, UI_INK, UI_CENTER);
    if (ui_button(ui, nid, ui_rect(r.x + r.w - t, r.y, t, t), "\xE2\x80\xBA", UI_SECONDARY) &&
        ++(*month) > 12) {
        (*month) = 1;
        (*year)++;
    }
    int y = r.y + t + g;
    for (int i = 0; i < 7; i++)
        ui_text(ui, (app->lang_en ? en_days : nl_days)[i], r.x + i * (cw + g) + cw / 2, y, CFG_SMALL_MM, UI_INK2, UI_CENTER, 0);
    y += ui_mm(ui, CFG_LINE_SMALL_MM);
    struct tm first = {0};
    first.tm_year = (*year) - 1900;
    first.tm_mon = (*month) - 1;
    first.tm_mday = 1;
    first.tm_hour = 12;
    timegm(&first);
    int lead = (first.tm_wday + 6) % 7; /* Monday first */
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int yr = (*year), nd = days[(*month) - 1];
    if ((*month) == 2 && ((yr % 4 == 0 && yr % 100 != 0) || yr % 400 == 0)) nd = 29;
    int dh = (r.y + r.h - y - 5 * g) / 6;
    if (dh > t) dh = t;
    for (int d = 1; d <= nd; d++) {
        int k = lead + d - 1;
        char id[48], date[16], num[4];
        snprintf(date, sizeof date, "%04d-%02d-%02d", yr, (*month), d);
        snprintf(id, sizeof id, "%s.day.%d", prefix, d); /* of the month shown; the label has the date */
        snprintf(num, sizeof num, "%d", d);
        int chosen = !strcmp(date_buf, date);
        SDL_Rect b = {r.x + (k % 7) * (cw + g), y + (k / 7) * (dh + g), cw, dh};
        if (ui_button(ui, id, b, num, chosen ? UI_PRIMARY : UI_QUIET))
            snprintf(date_buf, 11, "%s", chosen ? "" : date); /* again: no date */
        ui_label_last(ui, date);
    }
}


SDL_Rect scr_modal(scr_app *app, const char *id, int inset_w, int inset_h)
{
    ui_ctx *ui = app->ui;
    ui_block(ui, id);
    int cw = ui->w - 2 * inset_w, ch = ui->h - 2 * inset_h;
    SDL_Rect card = {(ui->w - cw) / 2, (ui->h - ch) / 2, cw, ch};
    ui_card(ui, card, ui_mm(ui, CFG_RADIUS_SHEET_MM), UI_SURFACE, UI_HAIRLINE, CFG_HAIRLINE_PX);
    return card;
}
