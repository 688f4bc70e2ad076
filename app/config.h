/* Knobs, in one place. Sizes are millimetres on the physical screen (STYLE.md). */
#ifndef SCHOUDERS_CONFIG_H
#define SCHOUDERS_CONFIG_H

/* Touch (STYLE.md "Touch") */
#define CFG_TARGET_MM 12.0f       /* smallest touch target */
#define CFG_TARGET_CHILD_MM 18.0f /* smallest on child screens */
#define CFG_GAP_MM 3.0f           /* space between targets (>= 2 mm) */
#define CFG_LONG_PRESS_MS 500u
#define CFG_DRAG_START_MM 3.0f    /* a tap never becomes a drag below this */
/* A finger with no event this long is taken as lifted: SDL and real touch screens
 * can lose a finger-up, and ten lost ones would leave no finger to touch with. */
#define CFG_POINTER_LOST_MS 10000u

/* Type (STYLE.md "Type") */
#define CFG_TIMER_MM 30.0f
#define CFG_TITLE_MM 9.0f
#define CFG_NOTE_MM 6.0f
#define CFG_NOTE_MIN_MM 4.0f
#define CFG_BODY_MM 5.0f
#define CFG_SMALL_MM 4.0f
#define CFG_CHILD_SCALE 1.4f

/* When the display does not say its DPI: a 24" 16:9 wall screen is 531 mm wide. */
#define CFG_FALLBACK_SCREEN_MM 531.0f

/* Bounds that keep memory flat: nothing is allocated per frame. */
#define CFG_MAX_WIDGETS 512
#define CFG_MAX_TEXTS 512
#define CFG_MAX_POINTERS 10
#define CFG_TEXT_CACHE 384        /* rendered strings kept as textures, LRU */
#define CFG_MEASURE_CACHE 4096    /* measured widths, one slot per hash */
#define CFG_DISC_CACHE 32         /* discs kept as textures, one slot per radius (corners, avatars, dots) */
#define CFG_DISC_MAX_PX 64        /* larger discs are drawn as triangles: rare, and a texture would be big */
#define CFG_FIT_CACHE 256         /* texts fitted into boxes (size and lines), one slot per hash */
#define CFG_FIT_LINES 64          /* the most lines a box of text is laid out in */
#define CFG_FONT_SIZES 12         /* open font sizes, per font */
#define CFG_FONTS 8               /* Noto Sans and the fallbacks after it */
#define CFG_TYPED_MAX 4096        /* text typed between two frames */

/* Text entry */
#define CFG_EDIT_BYTES 4001       /* the longest field: 1,000 characters (CORE_LONG_MAX) */
#define CFG_UNDO_STEPS 8
#define CFG_KEY_MM 15.0f          /* on-screen keyboard key */
#define CFG_OSK_MAX_MM 330.0f     /* the keyboard is no wider than this */
#define CFG_REPEAT_DELAY_MS 450u  /* backspace held: repeats after this... */
#define CFG_REPEAT_MS 70u         /* ...every this often */

/* The main loop looks for a shutdown signal at least this often. */
#define CFG_SIGNAL_LOOK_MS 250u

/* Backups: verified copies beside the database, at every phase change and every
 * ten minutes; this many generations. */
#define CFG_BACKUPS 10
#define CFG_BACKUP_EVERY_MS (10u * 60u * 1000u)
/* A deleted meeting another program still holds on disk: tried again this often. */
#define CFG_PURGE_RETRY_MS 2000u

/* A script waits for an @id to appear at least this long and this many frames
 * before it calls the line an error: a loaded CI machine may draw a frame a second.
 * It looks again (with a new frame) this often. */
#define CFG_SCRIPT_FIND_MS 30000u
#define CFG_SCRIPT_FIND_FRAMES 100u
#define CFG_SCRIPT_POLL_MS 25u

/* PIN: Argon2id cost. A 4-8 digit PIN gains little from more; the memory stays
 * well inside the 40 MB budget. */
#define CFG_PIN_OPSLIMIT 3
#define CFG_PIN_MEMLIMIT (8u * 1024u * 1024u)
#define CFG_PIN_TRIES 5           /* wrong PINs before a pause */
#define CFG_PIN_PAUSE_MS 60000u   /* the first pause; each next one twice as long */

#endif
