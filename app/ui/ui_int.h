/* ui internals shared by the kit's own files; screens use ui.h only. */
#ifndef SCHOUDERS_UI_INT_H
#define SCHOUDERS_UI_INT_H

#include "ui.h"
#include "utext.h"

int ui_fonts_open(ui_ctx *ctx, const char *assets);
void ui_fonts_close(ui_ctx *ctx);
int ui_px(const ui_ctx *ctx, float mm);
/* Width in px of s[0..len) at px, each piece in the font that has its glyphs. */
int ui_measure(ui_ctx *ctx, const char *s, size_t len, int px);
int ui_line_height(ui_ctx *ctx, int px);
/* Draws one line s[0..len) at (x, y), top left; returns its width. Not recorded. */
int ui_draw_line(ui_ctx *ctx, const char *s, size_t len, int x, int y, int px, uint32_t rgb);
/* ut_measure and line-height callbacks over ctx, for utext. */
int ui_measure_cb(void *ctx, const char *s, size_t len, int px);
int ui_line_height_cb(void *ctx, int px);
/* Records a text for the UI dump. */
void ui_record_text(ui_ctx *ctx, const char *s, SDL_Rect r);
ui_widget *ui_add_widget(ui_ctx *ctx, const char *id, SDL_Rect r, const char *label, ui_kind kind);
/* Queues text for the focused field, as if typed. */
void ui_type(ui_ctx *ctx, const char *s);
/* ms the pointer on id has been down, or -1. */
int ui_held_ms(const ui_ctx *ctx, const char *id);
/* Draws the keyboard for the focused field and turns its taps into input for
 * the next frame (osk.c). */
void ui_osk(ui_ctx *ctx);

/* Drawing to the screen goes through these (redraw.c): recorded and drawn at the
 * frame's end where something changed, or at once into the drag layer and without
 * SDL's software renderer. alpha 255: opaque. key: what the texture shows. */
int ui_rc_init(ui_ctx *ctx);
void ui_rc_quit(ui_ctx *ctx);
void ui_rc_fill(ui_ctx *ctx, SDL_Rect r, uint32_t rgb, uint8_t alpha);
void ui_rc_geometry(ui_ctx *ctx, const SDL_Vertex *v, int nv, const int *idx, int ni);
void ui_rc_copy(ui_ctx *ctx, SDL_Texture *tex, const SDL_Rect *src, SDL_Rect dst, uint32_t tint, uint64_t key);
/* Instead of SDL_DestroyTexture: kept until the frame that may use it is drawn. */
int ui_rc_retire(ui_ctx *ctx, SDL_Texture *tex);
/* 1 while the drag layer is the target. */
void ui_rc_target(ui_ctx *ctx, int layer);
/* The next frame draws everything (the screen's pixels were lost). */
void ui_rc_invalidate(ui_ctx *ctx);
/* Draws what changed; ui_end calls it before the present. */
void ui_rc_draw(ui_ctx *ctx);

#endif
