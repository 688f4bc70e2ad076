/* vip: the VIP-kaart (§2.7), made for a child of seven: big tiles with a
 * pictogram, a colour and a name; tap to pick, tap again to drop, ten at most;
 * the card with the child in the middle and the chosen people around it, evenly,
 * without numbers; per person five faces and what should change. Everything a
 * child does is one committed action. Child screens draw at CFG_CHILD_SCALE. */
#include "screens.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define PICKED_FILL CFG_PICKED_FILL
#define PEN_MM 1.2f
/* Sizes here are drawn at CFG_CHILD_SCALE. */
#define BAR_MM 20.0f          /* the child's title bar */
#define BACK_W_MM 30.0f       /* Terug */
#define VIEW_W_MM 34.0f       /* Kiezen, De kaart */
#define TITLE_ROOM_MM 12.0f   /* the title leaves this, besides those buttons */
#define COUNT_LINE_MM 10.0f   /* the counter's line above the tiles; the card's switch */
#define CARD_UP_MM 8.0f       /* the card reaches up beside it */
#define COUNT_Y_MM 6.0f       /* the counter's middle, under the bar */
#define COUNT_DOT_MM 2.6f     /* one of the ten places, radius */
#define COUNT_GAP_MM 1.6f     /* between two */
#define TILE_W_MM 34.0f       /* a person's tile, at least */
#define TILE_H_MM 36.0f
#define TILE_PICTO_MM 15.0f   /* its pictogram */
#define PLUS_MM (CFG_TITLE_MM * 1.6f) /* the adding tile's + */
#define PLUS_UP_MM 14.0f      /* and how far above the middle */
#define PICKED_EDGE_MM 1.2f   /* a picked tile's frame: thick */
#define SHAKE_MM 2.0f         /* a tile that does not fit shakes this far */
#define PERSON_MM 30.0f       /* a person on the card, at most */
#define HUB_MAX_MM 22.0f      /* the child in the middle, radius */
#define HUB_MIN_MM 10.0f
#define SPOKE_MM 0.8f         /* from the child to each person */
#define NEW_ROOM_MM 3.0f      /* the "nieuw" tag, beyond its word */
#define NEW_WORD_UP_MM 2.6f   /* its word, centred */
#define EMPTY_WRAP_MM 20.0f   /* an empty card's words: this much kept free beside them */
#define GONE_UP_MM 7.0f       /* who is no longer on it, this far above the foot */
#define BIG_RING_MM 1.5f      /* one person: their colour around them */
#define QUESTION_MM (CFG_TITLE_MM * 0.75f) /* Hoe gaat het contact? */
#define FACE_MAX_MM 30.0f     /* a face to tap, at most */
#define CHANGE_MM 24.0f       /* meer, minder, goed, anders: a card */
#define ADD_INSET_W_MM 10.0f  /* adding someone: the sheet, this far from the sides */
#define ADD_INSET_H_MM 8.0f   /* its height: this much less, top and bottom */
#define ADD_TOP_MM 6.0f       /* its top */
#define ADD_TITLE_MM 13.0f    /* its title's line */
#define REL_TILE_H_MM 26.0f   /* a relation's tile */
#define REL_PICTO_MM 11.0f    /* its pictogram */

/* Pictograms: glyphs of the shipped Symbola font (its licence beside it), so no
 * reading is needed to tell a grandmother from a dog. A second glyph is a small
 * badge (the house of a foster parent). */
typedef struct { const char *glyph, *badge; } picto;

static picto pictogram(const char *relation)
{
    static const struct { const char *word; picto p; } map[] = {
        {"mama", {"\xF0\x9F\x91\xA9", NULL}}, {"papa", {"\xF0\x9F\x91\xA8", NULL}},
        {"oma", {"\xF0\x9F\x91\xB5", NULL}}, {"opa", {"\xF0\x9F\x91\xB4", NULL}},
        {"broer", {"\xF0\x9F\x91\xA6", NULL}}, {"zus", {"\xF0\x9F\x91\xA7", NULL}},
        {"pleegmama", {"\xF0\x9F\x91\xA9", "\xF0\x9F\x8F\xA0"}}, {"pleegpapa", {"\xF0\x9F\x91\xA8", "\xF0\x9F\x8F\xA0"}},
        {"vriend", {"\xF0\x9F\x91\xAC", NULL}}, {"vriendin", {"\xF0\x9F\x91\xAD", NULL}},
        {"juf", {"\xF0\x9F\x8F\xAB", NULL}}, {"buren", {"\xF0\x9F\x8F\x98", NULL}},
        {"coach", {"\xE2\x9A\xBD", NULL}}, {"huisdier", {"\xF0\x9F\x90\xB6", NULL}},
        {"anders", {"\xF0\x9F\x91\xA4", NULL}},
        /* participants, by role */
        {"kind", {"\xF0\x9F\xA7\x92", NULL}}, {"ouder", {"\xF0\x9F\xA7\x91", NULL}},
        {"pleegouder", {"\xF0\x9F\xA7\x91", "\xF0\x9F\x8F\xA0"}}, {"netwerklid", {"\xF0\x9F\x91\xA4", NULL}},
        {"supporter", {"\xF0\x9F\xA4\x9D", NULL}}, {"professional", {"\xF0\x9F\x92\xBC", NULL}},
        {"facilitator", {"\xF0\x9F\x92\xBC", NULL}}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(relation, map[i].word)) return map[i].p;
    return (picto){"\xF0\x9F\x91\xA4", NULL};
}

static void draw_picto(ui_ctx *ui, const char *relation, int cx, int cy, float mm, uint32_t rgb)
{
    picto p = pictogram(relation);
    float s = ui->scale;
    ui->scale = 1; /* mm here are already final */
    SDL_Point z = ui_text_size(ui, p.glyph, mm);
    ui_text(ui, p.glyph, cx, cy - z.y / 2, mm, rgb, UI_CENTER, 0);
    if (p.badge) ui_text(ui, p.badge, cx + z.x / 2, cy, mm * 0.45f, rgb, UI_CENTER, 0);
    ui->scale = s;
}

/* A face for how the contact is: 1 very happy .. 5 very sad. The mouth says it;
 * the colour only helps. */
static void face(ui_ctx *ui, int level, int cx, int cy, int r, int dim)
{
    static const uint32_t fills[CORE_VIP_FACES + 1] = CFG_VIP_FACES;
    uint32_t ink = dim ? CFG_INK_DIM : UI_INK;
    ui_circle(ui, cx, cy, r, dim ? UI_HAIRLINE : UI_INK);
    ui_circle(ui, cx, cy, r - (r > 30 ? 3 : 2), dim ? UI_SURFACE : fills[level >= 1 && level <= 5 ? level : 0]);
    ui_circle(ui, cx - r * 35 / 100, cy - r * 25 / 100, r / 9 + 1, ink);
    ui_circle(ui, cx + r * 35 / 100, cy - r * 25 / 100, r / 9 + 1, ink);
    /* The mouth: a curve from a big smile (1) to a big frown (5). */
    static const float bends[CORE_VIP_FACES + 1] = {0, 1.3f, 0.6f, 0, -0.6f, -1.1f};
    float bend = bends[level >= 1 && level <= 5 ? level : 3];
    float w = (float)r * (level == 1 ? 0.6f : 0.5f), y0 = cy + r * 0.28f, lw = (float)r / 9 + 1;
    enum { SEG = 12 };
    for (int i = 0; i < SEG; i++) {
        float a = -1 + 2.0f * i / SEG, b = -1 + 2.0f * (i + 1) / SEG;
        float ya = y0 + bend * r * 0.25f * (1 - a * a) - bend * r * 0.12f, yb = y0 + bend * r * 0.25f * (1 - b * b) - bend * r * 0.12f;
        ui_line(ui, cx + a * w, ya, cx + b * w, yb, lw, ink);
        ui_circle(ui, (int)(cx + b * w), (int)yb, (int)(lw / 2), ink); /* round joints: one smooth mouth */
    }
    ui_circle(ui, (int)(cx - w), (int)(y0 - bend * r * 0.12f), (int)(lw / 2), ink);
    if (level == 5 && !dim) ui_circle(ui, cx + r * 45 / 100, cy + r * 5 / 100, r / 8 + 1, CFG_VIP_TEAR); /* a tear */
}

/* An arrow up (meer), down (minder), a check (goed) or a wave (anders). */
static void change_icon(ui_ctx *ui, core_vip_change c, int cx, int cy, int size, uint32_t rgb)
{
    float s = (float)size, w = s / 7 + 1;
    if (c == VIP_MEER || c == VIP_MINDER) {
        float d = c == VIP_MEER ? -1.0f : 1.0f;
        ui_line(ui, cx, cy - d * s * 0.4f, cx, cy + d * s * 0.4f, w, rgb);
        ui_line(ui, cx, cy + d * s * 0.45f, cx - s * 0.3f, cy + d * s * 0.12f, w, rgb);
        ui_line(ui, cx, cy + d * s * 0.45f, cx + s * 0.3f, cy + d * s * 0.12f, w, rgb);
    } else if (c == VIP_GOED) {
        ui_check(ui, cx, cy, size, rgb);
    } else if (c == VIP_ANDERS) {
        for (int i = 0; i < 4; i++)
            ui_line(ui, cx - s * 0.45f + i * s * 0.225f, cy + ((i % 2) ? s * 0.15f : -s * 0.15f),
                    cx - s * 0.45f + (i + 1) * s * 0.225f, cy + ((i % 2) ? -s * 0.15f : s * 0.15f), w, rgb);
    }
}

/* --- state ---------------------------------------------------------------------- */

static void load(scr_app *app)
{
    store_status r = scr_model_vip(app->st, &app->m);
    if (r != STORE_OK) scr_store_failed(app, r);
    app->vip.stale = 0;
}

/* After scr_do, which has said any refusal or failure already. */
static int done(scr_app *app, store_status r)
{
    if (r != STORE_OK) return 0;
    app->vip.stale = SCR_STALE_SAVED;
    return 1;
}

static const core_vip_entry *on_card(const scr_model *m, int64_t person)
{
    for (int i = 0; i < m->vip.ncard; i++)
        if (m->vip.card[i].person == person) return &m->vip.card[i];
    return NULL;
}

static const core_vip_entry *last_time(const scr_model *m, const char *name)
{
    for (int i = 0; i < m->vip.nprev; i++)
        if (!strcmp(m->vip.prev[i].name, name)) return &m->vip.prev[i];
    return NULL;
}

static uint32_t colour_of(const scr_model *m, const core_person *p)
{
    const core_participant *part = scr_participant(m, p->participant);
    return part ? part->colour : core_palette((int)(p->id % CORE_PALETTE_SIZE));
}

static const core_person *person(const scr_model *m, int64_t id)
{
    for (int i = 0; i < m->npeople; i++)
        if (m->people[i].id == id) return &m->people[i];
    return NULL;
}

void scr_vip_open(scr_app *app, const core_participant *child)
{
    memset(&app->vip, 0, sizeof app->vip);
    scr_model_vip_for(&app->m, child);
    app->vip.stale = 1;
    scr_go(app, SCR_VIP);
}

void scr_vip_close(scr_app *app) { scr_model_vip_free(&app->m); }

/* --- the ten places ------------------------------------------------------------- */

static void counter(scr_app *app, int right, int cy)
{
    ui_ctx *ui = app->ui;
    char line[64];
    snprintf(line, sizeof line, T("vip.count"), app->m.vip.ncard, CORE_VIP_MAX);
    int tw = ui_text_size(ui, line, CFG_BODY_MM).x, r = ui_mm(ui, COUNT_DOT_MM), g = ui_mm(ui, COUNT_GAP_MM);
    int x = right - tw - ui_mm(ui, CFG_GAP_MM) - CORE_VIP_MAX * (2 * r + g);
    for (int i = 0; i < CORE_VIP_MAX; i++) {
        int cx = x + r + i * (2 * r + g);
        ui_circle(ui, cx, cy, r, i < app->m.vip.ncard ? UI_ACCENT : CFG_QUIET_EDGE);
        if (i >= app->m.vip.ncard) ui_circle(ui, cx, cy, r - 3, UI_SURFACE);
    }
    ui_text(ui, line, right, cy - ui_text_size(ui, line, CFG_BODY_MM).y / 2, CFG_BODY_MM, UI_INK, UI_RIGHT, 0);
}

static void tap_person(scr_app *app, const core_person *p)
{
    if (on_card(&app->m, p->id)) {
        done(app, scr_do(app, &(core_op){.kind = OP_VIP_DROP, .id = app->m.vip.child, .id2 = p->id, .actor = app->m.vip.child}, NULL));
        return;
    }
    store_status r = scr_do(app, &(core_op){.kind = OP_VIP_PICK, .id = app->m.vip.child, .id2 = p->id, .actor = app->m.vip.child}, NULL);
    if (r == STORE_EFULL || (r == STORE_EINVAL && app->m.vip.ncard >= CORE_VIP_MAX)) { /* kindly: the tile shakes and says why */
        app->vip.shake_person = p->id;
        app->shake_until = app->now + 300;
        scr_say(app, T("vip.full"), 0);
        return;
    }
    done(app, r);
}

/* --- picking -------------------------------------------------------------------- */

static void pick_view(scr_app *app, SDL_Rect r)
{
    ui_ctx *ui = app->ui;
    int g = ui_mm(ui, CFG_GAP_WIDE_MM), tw = ui_mm(ui, TILE_W_MM), th = ui_mm(ui, TILE_H_MM);
    int cols = (r.w + g) / (tw + g);
    if (cols < 1) cols = 1;
    tw = (r.w - (cols - 1) * g) / cols;
    int k = 0, t = scr_target(app);
    if (!app->m.vip.ncard && app->m.vip.nprev) { /* last time's card, to start from */
        if (ui_button(ui, "vip.from_last", ui_rect(r.x, r.y, r.w / 2, t), T("vip.from_last"), UI_SECONDARY) &&
            done(app, scr_do(app, &(core_op){.kind = OP_VIP_COPY, .id = app->m.vip.child, .vip = app->m.vip.prev, .nvip = app->m.vip.nprev,
                                             .actor = app->m.vip.child}, NULL)))
            scr_say(app, T("vip.from_last_done"), 0);
        r.y += t + g;
        r.h -= t + g;
    }
    for (int i = 0; i <= app->m.npeople; i++) {
        const core_person *p = i < app->m.npeople ? &app->m.people[i] : NULL;
        if (p && p->participant == app->m.vip.child) continue; /* the child is the middle of the card */
        SDL_Rect c = {r.x + (k % cols) * (tw + g), r.y + (k / cols) * (th + g), tw, th};
        if (c.y + th > r.y + r.h) break;
        k++;
        char id[48];
        if (!p) { /* the last tile adds someone */
            int pressed = ui_pressed(ui, "vip.add");
            ui_card(ui, c, ui_mm(ui, CFG_RADIUS_SHEET_MM), pressed ? UI_HAIRLINE : UI_BG, UI_ACCENT, CFG_EDGE_PX);
            ui_text(ui, "+", c.x + c.w / 2, c.y + c.h / 2 - ui_mm(ui, PLUS_UP_MM), PLUS_MM, UI_ACCENT, UI_CENTER, 0);
            ui_text_fit(ui, T("vip.add"), ui_rect(c.x, c.y + c.h - ui_mm(ui, CFG_LINE_NAME_MM + CFG_INSET_MM), c.w,
                                                  ui_mm(ui, CFG_LINE_NAME_MM)), CFG_BODY_MM, CFG_SMALL_MM, UI_ACCENT, UI_CENTER);
            if (ui_area(ui, "vip.add", c, T("vip.add"), UI_G_CLICK)) {
                app->vip.adding = 1;
                app->vip.add_rel = -1;
                app->vip.add_name[0] = 0;
            }
            continue;
        }
        const core_vip_entry *e = on_card(&app->m, p->id);
        if (app->vip.shake_person == p->id && (int32_t)(app->shake_until - app->now) > 0)
            c.x += (int)(sinf((float)(app->shake_until - app->now) * 0.09f) * ui_mm(ui, SHAKE_MM));
        snprintf(id, sizeof id, "vip.tile.%lld", (long long)p->id);
        int pressed = ui_pressed(ui, id);
        uint32_t col = colour_of(&app->m, p);
        /* Picked shows by a thick frame and a check, never by colour alone. */
        ui_card(ui, c, ui_mm(ui, CFG_RADIUS_SHEET_MM), pressed ? UI_HAIRLINE : e ? PICKED_FILL : UI_SURFACE, e ? UI_ACCENT : UI_HAIRLINE,
                e ? ui_mm(ui, PICKED_EDGE_MM) : CFG_HAIRLINE_PX);
        ui_fill(ui, ui_rect(c.x + ui_mm(ui, CFG_PAD_SMALL_MM), c.y + ui_mm(ui, CFG_COLOUR_EDGE_MM),
                            c.w - ui_mm(ui, CFG_PAD_SMALL_MM * 2), ui_mm(ui, CFG_COLOUR_EDGE_MM)), col);
        draw_picto(ui, p->relation, c.x + c.w / 2, c.y + c.h * 2 / 5, TILE_PICTO_MM * ui->scale, UI_INK);
        ui_text_fit(ui, p->name, ui_rect(c.x + ui_mm(ui, CFG_INSET_MM), c.y + c.h - ui_mm(ui, CFG_LINE_NAME_MM + CFG_INSET_MM),
                                         c.w - ui_mm(ui, CFG_INSET_MM * 2), ui_mm(ui, CFG_LINE_NAME_MM)), CFG_BODY_MM, CFG_SMALL_MM,
                    UI_INK, UI_CENTER);
        if (e) {
            int br = ui_mm(ui, CFG_DISC_MM);
            ui_circle(ui, c.x + c.w - br - ui_mm(ui, CFG_INSET_MM), c.y + br + ui_mm(ui, CFG_PAD_SMALL_MM), br, UI_ACCENT);
            ui_check(ui, c.x + c.w - br - ui_mm(ui, CFG_INSET_MM), c.y + br + ui_mm(ui, CFG_PAD_SMALL_MM), br * 3 / 2, UI_SURFACE);
        }
        if (ui_area(ui, id, c, p->name, UI_G_CLICK)) tap_person(app, p);
        if (e) ui_selected(ui);
    }
}

/* --- the card --------------------------------------------------------------------- */

static void card_view(const scr_view *v, SDL_Rect r)
{
    ui_ctx *ui = v->ui;
    scr_app *app = v->app; /* NULL in a picture: nothing is tapped */
    int n = v->m->vip.ncard;
    /* People are placed evenly on a ring, starting off the top, so no place reads as first. */
    int size = ui_mm(ui, PERSON_MM);
    int cx = r.x + r.w / 2, cy = r.y + r.h / 2;
    int R = (r.w < r.h ? r.w : r.h) / 2 - size / 2 - ui_mm(ui, CFG_RING_PAD_MM);
    if (n > 1) {
        float chord = 2.0f * (float)R * sinf((float)M_PI / (float)(n > 3 ? n : 3));
        if ((float)size > chord * 0.7f) size = (int)(chord * 0.7f); /* squares of neighbours never meet */
    }
    int hub = R - size / 2 - ui_mm(ui, CFG_GAP_MM);
    if (hub > ui_mm(ui, HUB_MAX_MM)) hub = ui_mm(ui, HUB_MAX_MM);
    if (hub < ui_mm(ui, HUB_MIN_MM)) hub = ui_mm(ui, HUB_MIN_MM);
    for (int i = 0; i < n; i++) { /* soft spokes from the child to each person */
        float a = 2.0f * (float)M_PI * (float)i / (float)n - (float)M_PI / 2 + (float)M_PI / (float)n;
        ui_line(ui, cx, cy, cx + cosf(a) * R, cy + sinf(a) * R, ui_mm(ui, SPOKE_MM), UI_HAIRLINE);
    }
    ui_circle(ui, cx, cy, hub, UI_ACCENT);
    ui_circle(ui, cx, cy, hub - ui_mm(ui, CFG_STROKE_MM), UI_SURFACE);
    draw_picto(ui, "kind", cx, cy - hub / 4, (float)hub / ui->ppmm * 0.55f, UI_INK);
    ui_text_fit(ui, v->m->vip.child_name, ui_rect(cx - hub + ui_mm(ui, CFG_PAD_SMALL_MM), cy + hub / 6,
                                                 2 * hub - ui_mm(ui, CFG_PAD_SMALL_MM * 2), hub / 2), CFG_BODY_MM, CFG_SMALL_MM,
                UI_INK, UI_CENTER);
    if (!n)
        ui_text(ui, T("vip.card_empty"), cx, cy + hub + ui_mm(ui, CFG_AIR_WIDE_MM), CFG_BODY_MM, UI_INK2, UI_CENTER,
                r.w - ui_mm(ui, EMPTY_WRAP_MM));
    for (int i = 0; i < n; i++) {
        const core_vip_entry *e = &v->m->vip.card[i];
        const core_person *p = person(v->m, e->person);
        float a = 2.0f * (float)M_PI * (float)i / (float)n - (float)M_PI / 2 + (float)M_PI / (float)n;
        int px = cx + (int)(cosf(a) * R), py = cy + (int)(sinf(a) * R);
        SDL_Rect box = {px - size / 2, py - size / 2, size, size};
        int rad = size * 32 / 100;
        ui_circle(ui, px, py - size / 8, rad, p ? colour_of(v->m, p) : UI_INK2);
        ui_circle(ui, px, py - size / 8, rad - ui_mm(ui, CFG_STROKE_MM), UI_SURFACE);
        draw_picto(ui, e->relation, px, py - size / 8, (float)rad / ui->ppmm * 1.25f, UI_INK);
        ui_text_fit(ui, e->name, ui_rect(box.x - ui_mm(ui, CFG_GAP_TIGHT_MM), py + rad - size / 8 + ui_mm(ui, CFG_NUDGE_MM),
                                         size + ui_mm(ui, CFG_GAP_TIGHT_MM * 2), size / 4), CFG_BODY_MM, CFG_SMALL_MIN_MM, UI_INK,
                    UI_CENTER);
        if (e->contact) face(ui, e->contact, px + rad * 3 / 4, py + rad / 3, rad / 2, 0);
        if (e->change) {
            int ir = rad / 3;
            ui_circle(ui, px - rad * 3 / 4, py - rad * 3 / 4, ir, UI_SURFACE);
            change_icon(ui, e->change, px - rad * 3 / 4, py - rad * 3 / 4, ir * 3 / 2, UI_ACCENT);
        }
        /* Gently, what changed since last time: new on the card, or a face that moved. */
        const core_vip_entry *was = v->m->vip.prev_meeting ? last_time(v->m, e->name) : NULL;
        if (v->m->vip.prev_meeting && !was) {
            const char *nw = T("vip.new");
            int w = ui_text_size(ui, nw, CFG_SMALL_MM).x + ui_mm(ui, NEW_ROOM_MM);
            ui_round(ui, ui_rect(px - w / 2, py - size / 8 - rad - ui_mm(ui, CFG_TAG_MM / 2), w, ui_mm(ui, CFG_TAG_MM)),
                     ui_mm(ui, CFG_TAG_MM / 2), UI_EDGE_MIDDLE);
            ui_text(ui, nw, px, py - size / 8 - rad - ui_mm(ui, NEW_WORD_UP_MM), CFG_SMALL_MM, UI_SURFACE, UI_CENTER, 0);
        } else if (was && was->contact && e->contact && was->contact != e->contact) {
            face(ui, was->contact, px + rad * 3 / 4 + rad / 2 + rad / 3, py + rad / 3, rad / 3, 1);
        }
        if (app) {
            char id[48];
            snprintf(id, sizeof id, "vip.person.%lld", (long long)e->person);
            if (ui_area(ui, id, box, e->name, UI_G_CLICK)) {
                app->vip.person = e->person;
                snprintf(app->vip.note, sizeof app->vip.note, "%s", e->note);
                ink_clear(&app->vip.ink);
                if (e->ink_len) ink_decode(&app->vip.ink, e->ink, e->ink_len);
                app->vip.note_draw = e->ink_len > 0;
            }
        }
    }
    /* Who was on last time's card and is not now. */
    if (v->m->vip.prev_meeting) {
        char gone[600] = "";
        size_t used = 0;
        for (int i = 0; i < v->m->vip.nprev; i++) {
            int still = 0;
            for (int k = 0; k < n; k++) still |= !strcmp(v->m->vip.card[k].name, v->m->vip.prev[i].name);
            if (still) continue;
            int w = snprintf(gone + used, sizeof gone - used, "%s%s", used ? ", " : "", v->m->vip.prev[i].name);
            if (w > 0 && (size_t)w < sizeof gone - used) used += (size_t)w;
        }
        if (gone[0]) {
            char line[700];
            snprintf(line, sizeof line, T("vip.gone"), gone);
            ui_text(ui, line, r.x, r.y + r.h - ui_mm(ui, GONE_UP_MM), CFG_SMALL_MM, UI_INK2, UI_LEFT, r.w);
        }
    }
}

/* --- one person: the faces, what should change, a note --------------------------------- */

static void person_view(scr_app *app, SDL_Rect r)
{
    ui_ctx *ui = app->ui;
    const core_vip_entry *e = on_card(&app->m, app->vip.person);
    const core_person *p = person(&app->m, app->vip.person);
    if (!e || !p) {
        app->vip.person = 0;
        return;
    }
    int g = ui_mm(ui, CFG_GAP_WIDE_MM), t = scr_target(app);
    int lw = r.w / 4, x = r.x + lw + g, w = r.w - lw - g;
    int rad = lw / 3;
    ui_circle(ui, r.x + lw / 2, r.y + rad + g, rad, colour_of(&app->m, p));
    ui_circle(ui, r.x + lw / 2, r.y + rad + g, rad - ui_mm(ui, BIG_RING_MM), UI_SURFACE);
    draw_picto(ui, p->relation, r.x + lw / 2, r.y + rad + g, (float)rad / ui->ppmm, UI_INK);
    ui_text_fit(ui, p->name, ui_rect(r.x, r.y + 2 * rad + 2 * g, lw, ui_mm(ui, CFG_LINE_BIG_MM)), CFG_TITLE_MM, CFG_BODY_MM, UI_INK,
                UI_CENTER);
    if (ui_button(ui, "vip.person.drop", ui_rect(r.x + g, r.y + r.h - t, lw - 2 * g, t), T("vip.drop"), UI_QUIET)) {
        if (done(app, scr_do(app, &(core_op){.kind = OP_VIP_DROP, .id = app->m.vip.child, .id2 = p->id, .actor = app->m.vip.child}, NULL))) app->vip.person = 0;
        return;
    }

    int y = r.y;
    ui_text(ui, T("vip.contact"), x, y, QUESTION_MM, UI_INK, UI_LEFT, 0);
    y += ui_mm(ui, CFG_LINE_BIG_MM);
    int fs = (w - 4 * g) / 5;
    if (fs > ui_mm(ui, FACE_MAX_MM)) fs = ui_mm(ui, FACE_MAX_MM);
    for (int k = 1; k <= CORE_VIP_FACES; k++) {
        char id[32];
        snprintf(id, sizeof id, "vip.face.%d", k);
        SDL_Rect fr = {x + (k - 1) * (fs + g), y, fs, fs};
        if (e->contact == k) ui_round(ui, ui_rect(fr.x - 3, fr.y - 3, fr.w + 6, fr.h + 6), ui_mm(ui, CFG_RADIUS_SHEET_MM), UI_ACCENT);
        face(ui, k, fr.x + fs / 2, fr.y + fs / 2, fs / 2 - ui_mm(ui, CFG_NUDGE_MM), 0);
        static const char *const words[] = {"", N_("vip.face.1"), N_("vip.face.2"), N_("vip.face.3"), N_("vip.face.4"),
                                            N_("vip.face.5")};
        ui_text_fit(ui, T(words[k]), ui_rect(fr.x - g / 2, fr.y + fs + ui_mm(ui, CFG_NUDGE_MM), fs + g,
                                             ui_mm(ui, CFG_LINE_SMALL_MM)), CFG_SMALL_MM, CFG_SMALL_MIN_MM, UI_INK2, UI_CENTER);
        if (ui_area(ui, id, fr, T(words[k]), UI_G_CLICK))
            done(app, scr_do(app, &(core_op){.kind = OP_VIP_SET, .id = app->m.vip.child, .id2 = p->id, .actor = app->m.vip.child,
                                             .n = e->contact == k ? 0 : k, .n2 = e->change, .text = e->note, .ink = e->ink,
                                             .ink_len = e->ink_len}, NULL));
        if (e->contact == k) ui_selected(ui);
    }
    y += fs + ui_mm(ui, CFG_NUDGE_MM + CFG_LINE_SMALL_MM) + g;
    ui_text(ui, T("vip.change"), x, y, QUESTION_MM, UI_INK, UI_LEFT, 0);
    y += ui_mm(ui, CFG_LINE_BIG_MM);
    static const struct { core_vip_change c; const char *id, *key; } changes[] = {
        {VIP_MEER, "vip.change.meer", N_("vip.meer")}, {VIP_MINDER, "vip.change.minder", N_("vip.minder")},
        {VIP_GOED, "vip.change.goed", N_("vip.goed")}, {VIP_ANDERS, "vip.change.anders", N_("vip.anders")}};
    int cw = (w - 3 * g) / 4, ch = ui_mm(ui, CHANGE_MM);
    for (int k = 0; k < 4; k++) {
        SDL_Rect b = {x + k * (cw + g), y, cw, ch};
        int sel = e->change == changes[k].c, pressed = ui_pressed(ui, changes[k].id);
        ui_card(ui, b, ui_mm(ui, CFG_RADIUS_SHEET_MM), pressed ? UI_HAIRLINE : sel ? PICKED_FILL : UI_SURFACE,
                sel ? UI_ACCENT : CFG_QUIET_EDGE, sel ? ui_mm(ui, CFG_STROKE_MM) : CFG_HAIRLINE_PX);
        change_icon(ui, changes[k].c, b.x + b.w / 2, b.y + ch * 2 / 5, ch / 3, UI_ACCENT);
        ui_text_fit(ui, T(changes[k].key), ui_rect(b.x + ui_mm(ui, CFG_INSET_MM), b.y + ch * 2 / 3,
                                                   b.w - ui_mm(ui, CFG_INSET_MM * 2), ch / 3), CFG_BODY_MM, CFG_SMALL_MM, UI_INK,
                    UI_CENTER);
        if (ui_area(ui, changes[k].id, b, T(changes[k].key), UI_G_CLICK))
            done(app, scr_do(app, &(core_op){.kind = OP_VIP_SET, .id = app->m.vip.child, .id2 = p->id, .actor = app->m.vip.child,
                                             .n = e->contact, .n2 = sel ? VIP_CHANGE_NONE : changes[k].c, .text = e->note,
                                             .ink = e->ink, .ink_len = e->ink_len}, NULL));
        if (sel) ui_selected(ui);
    }
    y += ch + 2 * g;
    /* A note, typed or drawn, by the child or an adult. */
    int mw = ui_mm(ui, CFG_BUTTON_W_SLIM_MM);
    ui_text(ui, T("vip.note"), x, y + ui_mm(ui, CFG_RAISE_MM), CFG_BODY_MM, UI_INK2, UI_LEFT, 0);
    if (ui_toggle(ui, "vip.note.type", ui_rect(x + w - 2 * mw - g, y, mw, t), T("note.type"), !app->vip.note_draw, 0)) {
        app->vip.note_draw = 0;
        ui_focus(ui, "vip.note");
    }
    if (ui_toggle(ui, "vip.note.draw", ui_rect(x + w - mw, y, mw, t), T("note.draw"), app->vip.note_draw, 0)) {
        app->vip.note_draw = 1;
        ui_focus(ui, "");
    }
    y += t + g;
    int nh = r.y + r.h - y - t - g;
    if (app->vip.note_draw) {
        SDL_Rect cr = {x, y, w, nh};
        ui_card(ui, cr, ui_mm(ui, CFG_RADIUS_MM), UI_SURFACE, CFG_QUIET_EDGE, CFG_HAIRLINE_PX);
        ui_ink_canvas(ui, "vip.note.canvas", cr, &app->vip.ink, PEN_MM, UI_INK);
    } else {
        ui_textarea(ui, "vip.note", ui_rect(x, y, w, nh), app->vip.note, sizeof app->vip.note, CORE_NOTE_MAX,
                    T("vip.note_hint"), CFG_NOTE_MM, UI_SURFACE);
    }
    int save = ui_button(ui, "vip.person.done", ui_rect(x + w - ui_mm(ui, CFG_BUTTON_W_BIG_MM), r.y + r.h - t, ui_mm(ui, CFG_BUTTON_W_BIG_MM), t),
                         T("vip.person_done"), UI_PRIMARY);
    ui_keep_focus(ui);
    if (save) {
        static uint8_t blob[4 + INK_MAX_STROKES * 2 + INK_MAX_POINTS * 4];
        size_t len = ink_encode(&app->vip.ink, blob, sizeof blob);
        if (done(app, scr_do(app, &(core_op){.kind = OP_VIP_SET, .id = app->m.vip.child, .id2 = p->id, .actor = app->m.vip.child,
                                             .n = e->contact, .n2 = e->change, .text = app->vip.note, .ink = blob,
                                             .ink_len = len}, NULL))) {
            app->vip.person = 0;
            ui_focus(ui, "");
        }
    }
}

/* --- adding someone: a relation picked from pictograms, and a name ------------------------ */

static void add_modal(scr_app *app)
{
    ui_ctx *ui = app->ui;
    ui_block(ui, "vip.add.modal");
    int t = scr_target(app), g = ui_mm(ui, CFG_GAP_MM), m = ui_mm(ui, CFG_PAD_MM);
    int cw = ui->w - 2 * ui_mm(ui, ADD_INSET_W_MM), ch = ui->h - 2 * ui_mm(ui, ADD_INSET_H_MM);
    SDL_Rect card = {(ui->w - cw) / 2, ui_mm(ui, ADD_TOP_MM), cw, ch};
    ui_card(ui, card, ui_mm(ui, CFG_RADIUS_SHEET_MM), UI_SURFACE, UI_HAIRLINE, CFG_HAIRLINE_PX);
    int x = card.x + m, y = card.y + m;
    ui_text(ui, T("vip.add_title"), x, y, CFG_HEADING_MM, UI_INK, UI_LEFT, 0);
    y += ui_mm(ui, ADD_TITLE_MM);
    int cols = REL_COUNT > 10 ? 8 : 5, tw = (cw - 2 * m - (cols - 1) * g) / cols, th = ui_mm(ui, REL_TILE_H_MM);
    for (int i = 0; i < REL_COUNT; i++) {
        SDL_Rect c = {x + (i % cols) * (tw + g), y + (i / cols) * (th + g), tw, th};
        char id[40];
        const char *word = core_relation_word((core_relation)i);
        snprintf(id, sizeof id, "vip.rel.%s", word);
        int sel = app->vip.add_rel == i;
        ui_card(ui, c, ui_mm(ui, CFG_RADIUS_SHEET_MM), ui_pressed(ui, id) ? UI_HAIRLINE : sel ? PICKED_FILL : UI_SURFACE,
                sel ? UI_ACCENT : UI_HAIRLINE, sel ? ui_mm(ui, CFG_STROKE_MM) : CFG_HAIRLINE_PX);
        draw_picto(ui, word, c.x + c.w / 2, c.y + c.h * 2 / 5, REL_PICTO_MM * ui->scale, UI_INK);
        static const char *const keys[REL_COUNT] = {
            N_("vip.rel.mama"), N_("vip.rel.papa"), N_("vip.rel.oma"), N_("vip.rel.opa"), N_("vip.rel.broer"),
            N_("vip.rel.zus"), N_("vip.rel.pleegmama"), N_("vip.rel.pleegpapa"), N_("vip.rel.vriend"),
            N_("vip.rel.vriendin"), N_("vip.rel.juf"), N_("vip.rel.buren"), N_("vip.rel.coach"), N_("vip.rel.huisdier"),
            N_("vip.rel.anders")};
        const char *key = keys[i];
        ui_text_fit(ui, T(key), ui_rect(c.x + 2, c.y + c.h - ui_mm(ui, CFG_LABEL_MM + CFG_NUDGE_MM), c.w - 4,
                                        ui_mm(ui, CFG_LABEL_MM)), CFG_SMALL_MM, CFG_SMALL_MIN_MM, UI_INK, UI_CENTER);
        if (ui_area(ui, id, c, T(key), UI_G_CLICK)) {
            app->vip.add_rel = i;
            if (!app->vip.add_name[0]) ui_focus(ui, "vip.name");
            ui->osk_away = 0;
        }
        if (sel) ui_selected(ui);
    }
    y += ((REL_COUNT + cols - 1) / cols) * (th + g) + g;
    int bw = ui_mm(ui, CFG_BUTTON_W_MM);
    ui_field(ui, "vip.name", ui_rect(x, y, cw - 2 * m - 2 * bw - 2 * g, t), app->vip.add_name, sizeof app->vip.add_name,
             CORE_NAME_MAX, T("vip.name_hint"));
    int save = ui_button(ui, "vip.add.save", ui_rect(card.x + cw - m - bw, y, bw, t), T("plan.add"), UI_PRIMARY);
    ui_keep_focus(ui);
    if (ui_button(ui, "vip.add.cancel", ui_rect(card.x + cw - m - 2 * bw - g, y, bw, t), T("common.cancel"), UI_SECONDARY)) {
        app->vip.adding = 0;
        ui_focus(ui, "");
        return;
    }
    if (save || (ui->enter && !strcmp(ui->focus, "vip.name"))) {
        if (app->vip.add_rel < 0) scr_say(app, T("vip.pick_relation"), 1);
        else if (!app->vip.add_name[0]) scr_say(app, T("vip.need_name"), 1);
        else {
            int64_t id = 0;
            store_status r = scr_do(app, &(core_op){.kind = OP_PERSON_ADD, .text = app->vip.add_name, .n = app->vip.add_rel,
                                                    .actor = app->m.vip.child}, &id);
            if (done(app, r)) {
                app->vip.adding = 0;
                ui_focus(ui, "");
                /* Added to be picked: straight onto the card, if there is room. */
                store_status p = scr_do(app, &(core_op){.kind = OP_VIP_PICK, .id = app->m.vip.child, .id2 = id, .actor = app->m.vip.child}, NULL);
                if (p == STORE_EFULL || p == STORE_EINVAL) scr_say(app, T("vip.full"), 0);
                else done(app, p);
            }
        }
    }
}

/* --- the screen --------------------------------------------------------------------- */

void scr_vip_frame(scr_app *app)
{
    ui_ctx *ui = app->ui;
    if (scr_stale(app, app->vip.stale)) load(app);
    ui_begin(ui, "vip");
    ui->scale = CFG_CHILD_SCALE; /* a child's screen: everything larger, fewer words */
    ui_clear(ui, UI_BG);
    int m = ui_mm(ui, CFG_PAD_MM), t = scr_target(app), h = ui_mm(ui, BAR_MM);
    ui_fill(ui, ui_rect(0, 0, ui->w, h), UI_SURFACE);
    ui_fill(ui, ui_rect(0, h - CFG_HAIRLINE_PX, ui->w, CFG_HAIRLINE_PX), UI_HAIRLINE);
    int bw = ui_mm(ui, BACK_W_MM);
    if (ui_button(ui, "vip.back", ui_rect(m, (h - t) / 2, bw, t), T("common.back"), UI_SECONDARY)) {
        ui->scale = 1;
        app->vip.person = 0;
        scr_vip_close(app);
        scr_go(app, SCR_MEETING);
        ui->scale = CFG_CHILD_SCALE;
    }
    const char *title = app->vip.person ? T("vip.person_title") : app->vip.view ? T("vip.card_title") : T("vip.pick_title");
    int vw = ui_mm(ui, VIEW_W_MM);
    ui_text_fit(ui, title, ui_rect(m + bw + ui_mm(ui, CFG_GAP_WIDE_MM), 0, ui->w - 2 * m - bw - 2 * vw - ui_mm(ui, TITLE_ROOM_MM),
                                   h), CFG_TITLE_MM, CFG_BODY_MM, UI_INK, UI_LEFT);
    if (!app->vip.person) {
        if (ui_toggle(ui, "vip.pick", ui_rect(ui->w - m - 2 * vw - ui_mm(ui, CFG_GAP_TIGHT_MM), (h - t) / 2, vw, t), T("vip.pick"),
                      !app->vip.view, 0))
            app->vip.view = 0;
        if (ui_toggle(ui, "vip.card", ui_rect(ui->w - m - vw, (h - t) / 2, vw, t), T("vip.card"), app->vip.view, 0))
            app->vip.view = 1;
    }
    int bottom = scr_statusbar(app);
    SDL_Rect body = {m, h + ui_mm(ui, CFG_GAP_MM), ui->w - 2 * m, bottom - h - ui_mm(ui, CFG_GAP_MM * 2)};
    if (!app->vip.person) {
        counter(app, ui->w - m, h + ui_mm(ui, COUNT_Y_MM));
        body.y += ui_mm(ui, COUNT_LINE_MM);
        body.h -= ui_mm(ui, COUNT_LINE_MM);
    }
    if (app->vip.person) {
        person_view(app, body);
    } else if (app->vip.view) {
        int sw = ui_mm(ui, CFG_BUTTON_W_LONG_MM);
        if (ui_toggle(ui, "vip.share", ui_rect(body.x, body.y - ui_mm(ui, COUNT_LINE_MM), sw, t), T("vip.share"), app->m.vip.shared, 0))
            done(app, scr_do(app, &(core_op){.kind = OP_VIP_SHARE, .id = app->m.vip.child, .n = !app->m.vip.shared, .actor = app->m.vip.child}, NULL));
        scr_view v = scr_view_of(app);
        card_view(&v, ui_rect(body.x, body.y + t - ui_mm(ui, CARD_UP_MM), body.w, body.h - t + ui_mm(ui, CARD_UP_MM)));
    } else {
        pick_view(app, body);
    }
    if (app->vip.adding) add_modal(app);
    ui->scale = 1;
    scr_pin_modal(app);
    ui_end(ui);
}

/* The card as a picture (export --format png --board vip): the first child's. */
void scr_vip_picture(const scr_view *v, SDL_Rect r) { card_view(v, r); }
