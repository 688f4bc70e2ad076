/* print: the plan on paper. An A4 PDF made from the export JSON (store_export_json),
 * so paper and file never disagree and closed-segment drafts can never reach it.
 * cairo's PDF surface and pango for the text: fonts are embedded, text is selectable.
 * Uses core, cJSON, cairo and pango; never SDL or SQLite. */
#ifndef SCHOUDERS_PRINT_H
#define SCHOUDERS_PRINT_H

#include "core.h"

#include <stddef.h>
#include <stdint.h>

/* A board as a picture, drawn by the screens' own code (main.c draws them). Pixels
 * are 32-bit 0x00RRGGBB words (SDL's ARGB8888 = cairo's RGB24); borrowed until the
 * next call. */
typedef struct {
    int w, h, stride;
    const unsigned char *pixels;
} print_picture;

typedef struct {
    int lang_en;
    const char *template_name;      /* the template's name in this language (NULL: its id) */
    const core_dl_layout *dl;       /* the Drieluik's column titles and questions (NULL: the standard words) */
    /* Draws board ("drieluik", "doelen", "vip") for the plan; child for "vip". 0 when
     * drawn. NULL: a plan without pictures. Every picture is pic_w x pic_h. */
    int (*picture)(void *user, const char *board, int64_t child, print_picture *out);
    void *user;
    int pic_w, pic_h;
} print_opts;

/* The plan as PDF bytes in *out (*len of them); the caller writes them whole (a
 * temporary file, renamed). 0, or -1 with msg (cap bytes) saying why in plain
 * English for the log. Release: free(*out). */
int print_plan_pdf(const char *json, const print_opts *o, unsigned char **out, size_t *len, char *msg, size_t cap);
/* A picture as PNG bytes (release: free): the board pictures handed out. 0 or -1. */
int print_picture_png(const print_picture *p, unsigned char **png, size_t *len);
/* The same from the export as a tree (store_export_tree), not parsed again. */
struct cJSON;
int print_plan_pdf_tree(const struct cJSON *root, const print_opts *o, unsigned char **out, size_t *len, char *msg, size_t cap);

#endif
