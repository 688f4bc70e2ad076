/* export: the facilitator hands out the plan (§3.3: everyone involved gets it). A
 * folder is picked, a USB stick being the usual case; the plan as a PDF, the file
 * as JSON and pictures of the boards go into one new folder there, whole or not at
 * all (app/export writes them on a worker, wired by main.c: screens draw no PDFs). */
#include "screens.h"

#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#define CARD_MM 24.0f         /* a card: how it went, above the places; a place to export to */
#define SUB_TOP_MM 13.0f      /* its second line's top */
#define ICON_X_MM 9.0f        /* the check or the "!", centred here */
#define ICON_TEXT_X_MM 18.0f  /* the words after it */
#define CHECK_MM 8.0f         /* it went well */
#define SIGN_UP_MM 3.4f       /* its "!", centred */
#define PROGRESS_MM 3.0f      /* the progress bar's height */
#define RESCAN_W_MM 56.0f     /* Opnieuw zoeken */
#define STICK_MM 16.0f        /* a place's stick */
#define PLACE_TEXT_X_MM 26.0f /* its words, after the stick */
#define PLACE_NAME_MM 11.0f   /* its name's line */

static void add_place(scr_app *app, const char *path, const char *name)
{
    struct stat st;
    if (app->exp.nplaces >= SCR_PLACES_MAX || stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) return;
    for (int i = 0; i < app->exp.nplaces; i++)
        if (!strcmp(app->exp.places[i].path, path)) return;
    scr_place *p = &app->exp.places[app->exp.nplaces++];
    snprintf(p->path, sizeof p->path, "%s", path);
    const char *base = strrchr(path, '/');
    snprintf(p->name, sizeof p->name, "%s", name ? name : base && base[1] ? base + 1 : path);
    struct statvfs vfs;
    int known = statvfs(path, &vfs) == 0;
    p->free_bytes = known ? (long long)vfs.f_bavail * (long long)vfs.f_frsize : -1;
    p->readonly = access(path, W_OK) != 0 || (known && (vfs.f_flag & ST_RDONLY));
    struct stat l;
    p->link = lstat(path, &l) == 0 && S_ISLNK(l.st_mode);
}

/* Where a plan can go: the folders the kiosk names (SCHOUDERS_EXPORT_DIRS, separated
 * by ':'), else every mounted stick (under /media, /run/media or /mnt), then this
 * device's home folder. */
static void find_places(scr_app *app)
{
    app->exp.nplaces = 0;
    const char *dirs = getenv("SCHOUDERS_EXPORT_DIRS");
    if (dirs && dirs[0]) {
        char buf[4096];
        snprintf(buf, sizeof buf, "%s", dirs);
        for (char *save = NULL, *d = strtok_r(buf, ":", &save); d; d = strtok_r(NULL, ":", &save)) add_place(app, d, NULL);
    } else {
        FILE *f = setmntent("/proc/self/mounts", "r");
        struct mntent *m;
        while (f && (m = getmntent(f)))
            if (!strncmp(m->mnt_dir, "/media/", 7) || !strncmp(m->mnt_dir, "/run/media/", 11) || !strncmp(m->mnt_dir, "/mnt/", 5))
                add_place(app, m->mnt_dir, NULL);
        if (f) endmntent(f);
        const char *home = getenv("HOME");
        if (home && home[0]) add_place(app, home, T("export.home"));
    }
    app->exp.stale = 0;
}

void scr_export_open(scr_app *app, int64_t meeting)
{
    memset(&app->exp, 0, sizeof app->exp);
    app->exp.meeting = meeting;
    core_meeting m;
    if (store_meeting(app->st, meeting, &m) == STORE_OK) snprintf(app->exp.title, sizeof app->exp.title, "%s", m.title);
    app->exp.stale = 1;
    scr_go(app, SCR_EXPORT);
}

/* Why it failed, in words a facilitator can act on: the stick is gone, read-only, full. */
static const char *why(const char *folder)
{
    struct stat st;
    struct statvfs vfs;
    if (lstat(folder, &st) == 0 && S_ISLNK(st.st_mode)) return T("export.why_link");
    if (stat(folder, &st) != 0 || !S_ISDIR(st.st_mode)) return T("export.why_gone");
    if (access(folder, W_OK) != 0 || (statvfs(folder, &vfs) == 0 && (vfs.f_flag & ST_RDONLY))) return T("export.why_readonly");
    if (statvfs(folder, &vfs) == 0 && (long long)vfs.f_bavail * (long long)vfs.f_frsize < 4LL << 20) return T("export.why_full");
    return T("export.why_other");
}

static void finished(scr_app *app, int rc, const char *msg)
{
    const scr_place *p = &app->exp.target; /* the list may have changed under it (Opnieuw zoeken) */
    char line[1024];
    app->exp.busy = 0;
    if (rc == 0) {
        app->exp.result = 1;
        snprintf(line, sizeof line, T("export.done"), p->name, app->exp.made);
        scr_say(app, line, 0);
    } else {
        app->exp.result = -1;
        app->exp.left = rc == -2;
        snprintf(app->exp.why, sizeof app->exp.why, T("export.failed"), p->name, why(p->path));
        scr_say(app, app->exp.why, 1);
        fprintf(stderr, "schouders: export to %s failed: %s\n", p->path, msg);
    }
    find_places(app); /* free space changed */
}

static void start_export(scr_app *app)
{
    char msg[PATH_MAX + 256] = "no exporter";
    app->exp.percent = 0;
    app->exp.made[0] = 0;
    app->exp.left = 0;
    app->exp.target = app->exp.places[app->exp.chosen];
    if (app->export_start && app->export_start(app, app->exp.meeting, app->exp.target.path, msg, sizeof msg) == 0)
        app->exp.busy = 1;
    else finished(app, -1, msg);
}

/* Each frame while it runs: the worker's pictures are drawn here, between frames. */
static void follow_export(scr_app *app)
{
    char msg[PATH_MAX + 256] = "";
    int state = app->export_poll(app, &app->exp.percent, app->exp.made, sizeof app->exp.made, msg, sizeof msg);
    if (state != 1) finished(app, state, msg);
    if (!app->wake) app->ui->dirty = 1; /* else the worker wakes the loop when it has news */
}

/* A USB stick, drawn: body, connector, and its two little windows. */
static void stick_icon(ui_ctx *ui, int x, int cy, int size, uint32_t rgb)
{
    int bw = size * 55 / 100, bh = size * 34 / 100;
    ui_round(ui, ui_rect(x, cy - bh / 2, bw, bh), bh / 4, rgb);
    int cw = size * 25 / 100, ch = size * 22 / 100;
    ui_fill(ui, ui_rect(x + bw, cy - ch / 2, cw, ch), rgb);
    ui_fill(ui, ui_rect(x + bw + cw / 4, cy - ch / 4, cw / 5, ch / 5 + 1), UI_SURFACE);
    ui_fill(ui, ui_rect(x + bw + cw * 3 / 5, cy - ch / 4, cw / 5, ch / 5 + 1), UI_SURFACE);
}

static void size_words(const scr_app *app, long long bytes, char *out, size_t cap)
{
    if (bytes < 0) out[0] = 0;
    else if (bytes >= 1LL << 30) {
        char num[32];
        snprintf(num, sizeof num, "%.1f", (double)bytes / (1 << 30));
        if (!app->lang_en) *strchr(num, '.') = ','; /* 3,2 GB */
        snprintf(out, cap, T("export.free_gb"), num);
    } else snprintf(out, cap, T("export.free_mb"), (long)(bytes >> 20));
}

void scr_export_frame(scr_app *app)
{
    ui_ctx *ui = app->ui;
    if (app->exp.busy) follow_export(app);
    if (app->exp.stale) find_places(app);
    int top = scr_begin(app, "export", T("export.title"), 0);
    int m = scr_margin(app), t = scr_target(app), g = ui_mm(ui, CFG_GAP_WIDE_MM);
    int bw = ui_mm(ui, CFG_BUTTON_W_SLIM_MM);
    SDL_Rect back = ui_rect(ui->w - m - bw, (top - t) / 2, bw, t);
    if (app->exp.busy) ui_button_off(ui, "export.back", back, T("common.back")); /* the stick is being written */
    else if (ui_button(ui, "export.back", back, T("common.back"), UI_SECONDARY)) {
        app->meetings_stale = 1;
        scr_go(app, SCR_HOME);
    }
    int bottom = scr_statusbar(app);
    int y = top + ui_mm(ui, CFG_HEADING_GAP_MM), w = ui->w - 2 * m;
    char line[1024];
    snprintf(line, sizeof line, T("export.what"), app->exp.title);
    y += ui_text(ui, line, m, y, CFG_BODY_MM, UI_INK, UI_LEFT, w).y + g;

    /* How it went, where the eyes are: above the choices, big. */
    if (app->exp.busy || app->exp.result) {
        int ph = ui_mm(ui, CARD_MM);
        uint32_t edge = app->exp.busy ? UI_ACCENT : app->exp.result > 0 ? UI_EDGE_MIDDLE : UI_WARN;
        ui_card(ui, ui_rect(m, y, w, ph), ui_mm(ui, CFG_RADIUS_MM), UI_SURFACE, edge, CFG_EDGE_PX);
        int tx = m + ui_mm(ui, CFG_PAD_SHEET_MM);
        if (app->exp.result > 0 && !app->exp.busy) { /* a shape says it too, not only the colour */
            ui_check(ui, m + ui_mm(ui, ICON_X_MM), y + ph / 2, ui_mm(ui, CHECK_MM), UI_EDGE_MIDDLE);
            tx = m + ui_mm(ui, ICON_TEXT_X_MM);
        } else if (app->exp.result < 0 && !app->exp.busy) {
            ui_circle(ui, m + ui_mm(ui, ICON_X_MM), y + ph / 2, ui_mm(ui, CFG_DISC_MM), UI_WARN);
            ui_text(ui, "!", m + ui_mm(ui, ICON_X_MM), y + ph / 2 - ui_mm(ui, SIGN_UP_MM), CFG_BODY_MM, UI_SURFACE, UI_CENTER, 0);
            tx = m + ui_mm(ui, ICON_TEXT_X_MM);
        }
        if (app->exp.busy) snprintf(line, sizeof line, "%s", T("export.busy"));
        else if (app->exp.result > 0)
            snprintf(line, sizeof line, T("export.done"), app->exp.target.name, app->exp.made);
        else snprintf(line, sizeof line, "%s", app->exp.why);
        ui_text_fit(ui, line, ui_rect(tx, y + ui_mm(ui, CFG_INSET_MM), m + w - tx - ui_mm(ui, CFG_GAP_WIDE_MM),
                                      ui_mm(ui, CFG_LINE_BIG_MM)), CFG_BODY_MM, CFG_SMALL_MM, UI_INK, UI_LEFT);
        const char *sub = app->exp.busy ? T("export.busy_wait") : app->exp.result > 0 ? T("export.done_files")
                        : app->exp.left ? T("export.left_behind") : T("export.nothing_left");
        int sw = m + w - tx - ui_mm(ui, CFG_GAP_WIDE_MM);
        if (app->exp.busy) { /* how far: a bar, and the words beside it */
            int bw2 = sw / 3, bh = ui_mm(ui, PROGRESS_MM), by = y + ui_mm(ui, SUB_TOP_MM) + (ui_mm(ui, CFG_LINE_SUB_MM) - bh) / 2;
            ui_round(ui, ui_rect(tx, by, bw2, bh), bh / 2, UI_HAIRLINE);
            ui_round(ui, ui_rect(tx, by, bw2 * app->exp.percent / 100 > bh ? bw2 * app->exp.percent / 100 : bh, bh), bh / 2, UI_ACCENT);
            tx += bw2 + ui_mm(ui, CFG_GAP_WIDE_MM);
            sw -= bw2 + ui_mm(ui, CFG_GAP_WIDE_MM);
        }
        ui_text_fit(ui, sub, ui_rect(tx, y + ui_mm(ui, SUB_TOP_MM), sw, ui_mm(ui, CFG_LINE_SUB_MM)), CFG_SMALL_MM, CFG_SMALL_MM,
                    UI_INK2, UI_LEFT);
        y += ph + g;
    }

    ui_text(ui, T("export.where"), m, y, CFG_HEADING_MM, UI_INK, UI_LEFT, 0);
    int rw = ui_mm(ui, RESCAN_W_MM);
    if (ui_button(ui, "export.rescan", ui_rect(m + w - rw, y - ui_mm(ui, CFG_RAISE_MM), rw, t), T("export.rescan"), UI_SECONDARY)) {
        find_places(app);
        snprintf(line, sizeof line, TN("export.found", "export.found_many", app->exp.nplaces), app->exp.nplaces);
        scr_say(app, line, 0);
    }
    y += t + g / 2;
    if (!app->exp.nplaces) ui_text(ui, T("export.none"), m, y + ui_mm(ui, CFG_GAP_WIDE_MM), CFG_BODY_MM, UI_INK2, UI_LEFT, w);
    int ch = ui_mm(ui, CARD_MM);
    for (int i = 0; i < app->exp.nplaces && y + ch <= bottom - g; i++, y += ch + g) {
        const scr_place *p = &app->exp.places[i];
        char id[32], free_s[64];
        snprintf(id, sizeof id, "export.place.%d", i);
        SDL_Rect c = ui_rect(m, y, w, ch);
        ui_card(ui, c, ui_mm(ui, CFG_RADIUS_ROW_MM), ui_pressed(ui, id) ? UI_HAIRLINE : UI_SURFACE, UI_HAIRLINE, CFG_HAIRLINE_PX);
        stick_icon(ui, c.x + ui_mm(ui, CFG_PAD_SHEET_MM), c.y + ch / 2, ui_mm(ui, STICK_MM), UI_ACCENT);
        int tx = c.x + ui_mm(ui, PLACE_TEXT_X_MM);
        int tw = c.w - ui_mm(ui, PLACE_TEXT_X_MM) - ui_mm(ui, CFG_BUTTON_W_LONG_MM + CFG_PAD_SHEET_MM + CFG_GAP_WIDE_MM);
        ui_text_fit(ui, p->name, ui_rect(tx, c.y + ui_mm(ui, CFG_INSET_MM), tw, ui_mm(ui, PLACE_NAME_MM)), CFG_NOTE_MM, CFG_BODY_MM,
                    UI_INK, UI_LEFT);
        size_words(app, p->free_bytes, free_s, sizeof free_s);
        snprintf(line, sizeof line, "%s%s%s", p->path, free_s[0] ? " \xC2\xB7 " : "", p->link ? T("export.link") : p->readonly ? T("export.readonly") : free_s);
        ui_text_fit(ui, line, ui_rect(tx, c.y + ui_mm(ui, SUB_TOP_MM), tw, ui_mm(ui, CFG_LINE_MM)), CFG_SMALL_MM, CFG_LINE_MIN_MM,
                    UI_INK2, UI_LEFT);
        /* The whole card is the target; the button says what a tap does. */
        int clicked = ui_area(ui, id, c, p->name, UI_G_CLICK);
        SDL_Rect b = ui_rect(c.x + c.w - ui_mm(ui, CFG_BUTTON_W_LONG_MM + CFG_PAD_SHEET_MM), c.y + (ch - t) / 2, ui_mm(ui, CFG_BUTTON_W_LONG_MM), t);
        ui_round(ui, b, ui_mm(ui, CFG_RADIUS_MM), app->exp.busy ? UI_HAIRLINE : UI_ACCENT); /* one export at a time */
        ui_text_fit(ui, T("export.here"), b, CFG_BODY_MM, CFG_SMALL_MM, app->exp.busy ? UI_INK2 : UI_SURFACE, UI_CENTER);
        if (clicked && !app->exp.busy) {
            app->exp.chosen = i;
            app->exp.result = 0;
            start_export(app);
        }
    }
    scr_pin_modal(app); /* Escape, or the window closing: the quit PIN shows here too */
    ui_end(ui);
}
