/* circle: de voorstelronde (seed §2.4). Everyone who takes part sits in one
 * circle on the wall, with their name, their role and whom they come with, so the
 * room sees who is here before anyone speaks. A board that only shows: no ops. */
#include "screens.h"

#include <math.h>
#include <stdio.h>

#define NAME_W_MM 48.0f  /* a name under its face, at most */
#define FACE_MM 10.0f    /* a face's radius, at most */

void scr_circle_board(const scr_view *v, SDL_Rect r)
{
    ui_ctx *ui = v->ui;
    ui_card(ui, r, ui_mm(ui, CFG_RADIUS_SHEET_MM), UI_SURFACE, UI_HAIRLINE, CFG_HAIRLINE_PX);
    int n = 0;
    for (int i = 0; i < v->m->nmparts; i++) n += v->m->mparts[i].present;
    if (n == 0) {
        ui_text(ui, T("circle.nobody"), r.x + r.w / 2, r.y + r.h / 2, CFG_BODY_MM, UI_INK2, UI_CENTER, r.w);
        return;
    }
    /* Each person's place on the ring: as wide as the ring allows for this many, so
     * forty people still each have their own (faces and names shrink, none overlaps). */
    int cx = r.x + r.w / 2, cy = r.y + r.h / 2, label_w = ui_mm(ui, NAME_W_MM), face = ui_mm(ui, FACE_MM);
    float rx = (float)(r.w / 2 - label_w / 2 - ui_mm(ui, CFG_RING_PAD_MM));
    float ry = (float)(r.h / 2 - face - ui_mm(ui, CFG_NUDGE_MM + CFG_LABEL_MM + CFG_LINE_SMALL_MM));
    float slot = 2 * (float)M_PI * sqrtf((rx * rx + ry * ry) / 2) / (float)n;
    if (slot - ui_mm(ui, CFG_GAP_TIGHT_MM) < label_w) label_w = (int)slot - ui_mm(ui, CFG_GAP_TIGHT_MM);
    if (face > label_w / 3) face = label_w / 3;
    rx = (float)(r.w / 2 - label_w / 2 - ui_mm(ui, CFG_RING_PAD_MM));
    ui_text(ui, T("circle.title"), cx, cy - ui_mm(ui, CFG_AIR_MM), CFG_HEADING_MM, UI_INK2, UI_CENTER, (int)rx);
    int k = 0;
    for (int i = 0; i < v->m->nmparts; i++) {
        const core_participant *p = &v->m->mparts[i];
        if (!p->present) continue;
        float a = -(float)M_PI / 2 + 2 * (float)M_PI * (float)k++ / (float)n; /* the first at the top, clockwise */
        int x = cx + (int)(cosf(a) * rx), y = cy + (int)(sinf(a) * ry);
        scr_avatar(ui, x, y, face, p->colour, p->name);
        char line[CORE_TEXT_BYTES(CORE_NAME_MAX) + 80];
        const core_participant *with = p->supports ? scr_participant(v->m, p->supports) : NULL;
        ui_text_fit(ui, p->name, ui_rect(x - label_w / 2, y + face + ui_mm(ui, CFG_NUDGE_MM), label_w, ui_mm(ui, CFG_LABEL_MM)),
                    CFG_BODY_MM, CFG_SMALL_MM, UI_INK, UI_CENTER);
        if (with) snprintf(line, sizeof line, T("circle.with"), scr_role_name(p->role), with->name);
        else snprintf(line, sizeof line, "%s", scr_role_name(p->role));
        ui_text_fit(ui, line, ui_rect(x - label_w / 2, y + face + ui_mm(ui, CFG_NUDGE_MM + CFG_LABEL_MM), label_w,
                                      ui_mm(ui, CFG_LINE_SMALL_MM)), CFG_SMALL_MM, CFG_SMALL_MIN_MM, UI_INK2, UI_CENTER);
    }
}
