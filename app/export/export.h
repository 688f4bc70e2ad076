/* export: the plan handed out (seed 004 §3.3: everyone involved gets it). The
 * bundle (plan.pdf, plan.json and pictures of the boards) written whole into a
 * new folder, or nothing; single files for the command line. It runs on a worker
 * thread over a snapshot of the database, so the kiosk stays live; board pictures
 * are drawn by whoever started it, on its own thread, through `paint` (the screens'
 * own drawing: SDL and its fonts stay on the thread that owns them).
 * Uses core, store and print; never SDL. */
#ifndef SCHOUDERS_EXPORT_H
#define SCHOUDERS_EXPORT_H

#include "print.h"
#include "store.h"

#include <stddef.h>
#include <stdint.h>

/* Draws board ("besluiten", "drieluik", "doelen", "vip"; child for "vip") of the
 * meeting at w x h into *out, borrowed until the next call: STORE_OK, STORE_EINVAL
 * (no such board), STORE_EHELD (a VIP-kaart not shared), STORE_ENOTFOUND, or a
 * store failure. Called on the thread that started the export. */
typedef store_status (*export_paint)(void *user, int64_t meeting, const char *board, int64_t child, int w, int h,
                                     print_picture *out);

typedef struct {
    int lang_en;
    const char *layouts_dir; /* the template's name and the Drieluik's words for paper */
    export_paint paint;      /* NULL: a plan without pictures */
    void *user;
} export_opts;

/* Writes data as `name` in the folder dir, whole or not at all: a file of its own
 * beside it (0600), flushed, then renamed over. `shown` names it in msg. 0 or -1. */
int export_write_whole_at(int dir, const char *name, const char *shown, const char *data, size_t len, char *msg, size_t cap);
/* --out PATH: its folder, and its name there. A PATH that is a link, a FIFO or a
 * device is refused, never replaced or written through. Release: close(*dir). */
int export_out_open(const char *path, int *dir, char *name, size_t cap, char *msg, size_t mcap);
/* The plan as PDF bytes (release: free), pictures through o->paint. 0 or -1 with msg. */
int export_pdf(store *st, int64_t meeting, const export_opts *o, unsigned char **pdf, size_t *len, char *msg, size_t cap);

/* The bundle, here and now, under folder; its folder's name in made. 0, or -1 with
 * msg (nothing of it is left), or -2 (its hidden folder could not all be removed: the
 * next export there removes it). An earlier export's leftovers there go first. */
int export_bundle(store *st, int64_t meeting, const export_opts *o, const char *folder, char *made, size_t made_cap,
                  char *msg, size_t cap);

/* The bundle on a worker thread, reading a snapshot of the database at db_path.
 * wake (may be NULL) is called on the worker when it needs a picture or is done.
 * 0, or -1 with msg (nothing started). Release: export_job_end. */
typedef struct export_job export_job;
int export_job_start(const char *db_path, int64_t meeting, const export_opts *o, const char *folder,
                     void (*wake)(void *user), void *wake_user, export_job **out, char *msg, size_t cap);
/* On the starting thread, every frame: draws a picture the worker waits for.
 * 1 while it runs (*percent of the work done), 0 when the bundle is written
 * (made), -1 or -2 when it failed (msg; as export_bundle). */
int export_job_step(export_job *j, int *percent, char *made, size_t made_cap, char *msg, size_t cap);
/* Waits for the worker (a picture it asks for is refused) and releases the job. */
void export_job_end(export_job *j);

#endif
