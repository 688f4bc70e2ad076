/* Knobs, in one place. Sizes are millimetres on the physical screen (STYLE.md). */
#ifndef SCHOUDERS_CONFIG_H
#define SCHOUDERS_CONFIG_H

/* Touch (STYLE.md "Touch") */
#define CFG_TARGET_MM 12.0f       /* smallest touch target */
#define CFG_TARGET_CHILD_MM 18.0f /* smallest on child screens: met by CFG_BUTTON_MM at CFG_CHILD_SCALE (19.6) */
#define CFG_BUTTON_MM 14.0f       /* a button's height: above the smallest target, for a thumb */
#define CFG_GAP_MM 3.0f           /* space between targets (>= 2 mm), and the items of a row */
#define CFG_GAP_TIGHT_MM 2.0f     /* where room is short: a bar's buttons, names on a ring; a line and the next */
#define CFG_GAP_WIDE_MM 4.0f      /* between rows of a list and big buttons, where there is room */
#define CFG_LONG_PRESS_MS 500u
#define CFG_RING_MM 9.0f          /* the long-press ring, radius: seen around a fingertip */
#define CFG_RING_LINE_MM 1.6f
#define CFG_DRAG_START_MM 3.0f    /* a tap never becomes a drag below this */
#define CFG_LIFT_MM 2.5f          /* a lifted note's shadow falls this far */
/* A finger with no event this long is taken as lifted: SDL and real touch screens
 * can lose a finger-up, and ten lost ones would leave no finger to touch with. */
#define CFG_POINTER_LOST_MS 10000u

/* Spacing */
#define CFG_MARGIN_MM 8.0f        /* from the screen's edge */
#define CFG_PAD_MM 5.0f           /* inside a card or a modal */
#define CFG_PAD_SHEET_MM 6.0f     /* inside a sheet or a big card: a tray, a theme, the drafts; a board of words */
#define CFG_PAD_SMALL_MM 3.0f     /* inside a small card or a control: a decision, a field, a switch's dot */
#define CFG_PAD_NOTE_MM 2.5f      /* inside a post-it, and a group of them */
#define CFG_INSET_MM 2.0f         /* words kept off an edge: a button's, a note's coloured top */
#define CFG_ICON_GAP_MM 2.0f      /* between a small icon (a dot, an avatar) and its words */
#define CFG_NUDGE_MM 1.0f         /* just off an edge or a neighbour: a caption, a name under its face */
#define CFG_GAP_SMALL_MM 1.5f     /* between small things close together: a calendar's days, icons in a row */
#define CFG_PARA_GAP_MM 3.0f      /* between two paragraphs; around a heading in a list */
#define CFG_AIR_MM 5.0f           /* around a line of words: under a heading, over the PIN's dots, "nog 3" over a foot */
#define CFG_AIR_WIDE_MM 8.0f      /* more: under the title bar before a list, between columns of words, an empty list's words */
#define CFG_HEADING_GAP_MM 6.0f   /* under a heading or the title bar, before what follows; between parts of a form */
#define CFG_RAISE_MM 2.0f         /* words and a button beside them: the button raised, or the words lowered */
#define CFG_SHEET_TOP_MM 12.0f    /* an editor's sheet, this far from the top: the keyboard comes under it */
#define CFG_RING_PAD_MM 4.0f      /* a ring of people keeps this far inside its board: the circle, the VIP-kaart */

/* Shapes */
#define CFG_RADIUS_MM 2.0f        /* a card's and a control's corners */
#define CFG_RADIUS_SHEET_MM 3.0f  /* a board's, a modal's and a child's tile's */
#define CFG_RADIUS_ROW_MM 2.5f    /* a row of a list: a meeting, a place to export to */
#define CFG_RADIUS_FIELD_MM 1.5f  /* a text field's and a goal's: squarer than a button, a place to write */
#define CFG_RADIUS_NOTE_MM 1.0f   /* a post-it's: paper */
#define CFG_COLOUR_EDGE_MM 1.5f   /* the coloured top of a post-it, a Drieluik column */
#define CFG_DOT_MM 2.2f           /* a switch's dot, radius */
#define CFG_DISC_MM 4.5f          /* a disc that holds a sign, radius: a phase's number, an initial in a list, ! or a check */
#define CFG_CHECK_MM 4.0f         /* a check beside words: final, agreed, done */
#define CFG_STROKE_MM 1.0f        /* a drawn line: an arrow, a person's ring, a chosen card's frame */
#define CFG_AVATAR_MM 4.0f        /* a person's initial in a chip, radius */
#define CFG_CHIP_ROOM_MM 14.0f    /* a check-chip's width beyond its words: the dot and the insets */
#define CFG_TAG_MM 6.0f           /* a tag's height (round ends): concept, nieuw, a kind of support */
/* Lines, in pixels: crisp at any size */
#define CFG_HAIRLINE_PX 2         /* a card's edge, a bar's rule */
#define CFG_EDGE_PX 3             /* an edge that says something: current, focused, final */
#define CFG_EDGE_CHOSEN_PX 4      /* chosen: a switch that is on, a marked group */

/* Bars */
#define CFG_HEADER_MM 24.0f       /* a screen's title bar */
#define CFG_BAR_MM 14.0f          /* a bar of one line: the status bar, the people in a meeting, a finished one's band */

/* Buttons' widths, by their words (the height is CFG_BUTTON_MM) */
#define CFG_BUTTON_W_MM 44.0f        /* one word: Opslaan, Annuleren, Terug */
#define CFG_BUTTON_W_SLIM_MM 40.0f   /* one short word in a full row: Afsluiten, Vorige */
#define CFG_BUTTON_W_SHORT_MM 36.0f  /* one short word on a card: Openen, Toevoegen */
#define CFG_BUTTON_W_REMOVE_MM 30.0f /* Weghalen, at the end of a row */
#define CFG_BUTTON_W_BIG_MM 50.0f    /* a word or two, given room: Klaar, Sluiten, Naar overzicht */
#define CFG_BUTTON_W_LONG_MM 60.0f   /* a few short words: Hier opslaan, Mag in het plan */
#define CFG_BUTTON_W_WIDE_MM 70.0f   /* a few words: Opnieuw proberen, + Besluit of afspraak */
#define CFG_BUTTON_SMALL_MM 13.0f    /* a button where room is short, its height: the phase bar's, - and +, a person in a grid */

/* Lines of words: the box one line is laid out in */
#define CFG_LINE_MM 8.0f          /* words in a list or a box: a bottom line, a date, the team, a path */
#define CFG_LABEL_MM 7.0f         /* a label over what it names; a name under its face */
#define CFG_LINE_SMALL_MM 6.0f    /* small words: a caption, a role, a day's name */
#define CFG_LINE_SUB_MM 9.0f      /* a card's second line: the day and the people, how an export went */
#define CFG_LINE_NAME_MM 10.0f    /* a name on a card or a tile: a family's, a person's */
#define CFG_LINE_BIG_MM 12.0f     /* large words: a heading, a name under its picture, a group's theme */
#define CFG_SHEET_TITLE_MM 11.0f  /* an editor sheet's title */

/* Type (STYLE.md "Type") */
#define CFG_TIMER_MM 30.0f
#define CFG_TITLE_MM 9.0f
#define CFG_NOTE_MM 6.0f
#define CFG_NOTE_MIN_MM 4.0f
#define CFG_BODY_MM 5.0f
#define CFG_SMALL_MM 4.0f
#define CFG_CHILD_SCALE 1.4f
#define CFG_HEADING_MM (CFG_TITLE_MM * 0.8f) /* a board's, a section's or a sheet's heading */
#define CFG_SYMBOL_MM (CFG_TITLE_MM * 0.8f)  /* a sign that stands for words: +, !!!, a lock */
#define CFG_LEAD_MM (CFG_BODY_MM * 1.2f)     /* a screen's one sentence: what to do now, the step we are at */
#define CFG_ASK_MM (CFG_BODY_MM * 1.3f)      /* what is asked or wrong: the PIN, a file that cannot be used */
/* Words shrunk to fit go no smaller than these (below STYLE's smallest step: a known debt) */
#define CFG_SMALL_MIN_MM (CFG_SMALL_MM * 0.8f) /* a role, a caption, a name on the VIP-kaart */
#define CFG_LINE_MIN_MM (CFG_SMALL_MM * 0.85f) /* a line that says who, which theme, which path */

/* Colour (STYLE.md "Colour"), 0xRRGGBB: the one place the palette is written. The
 * screens (ui.h's UI_*), paper (print.c) and the Drieluik's standard board read it;
 * layouts/drieluik.json may give a board its own column colours, on screen and paper. */
#define CFG_BG 0xF6F3EC           /* the paper background */
#define CFG_SURFACE 0xFFFFFF      /* cards, bars */
#define CFG_HAIRLINE 0xE2DDD2
#define CFG_INK 0x1E2933
#define CFG_INK2 0x5B6670         /* secondary words */
#define CFG_INK_DIM 0x9AA3AB      /* words on something switched off */
#define CFG_INK_DISABLED 0x8A929A /* a button's words while it cannot be used */
#define CFG_ACCENT 0x1F6F8B
#define CFG_ACCENT_PRESSED 0x17566C
#define CFG_WARN 0xA9501F
#define CFG_DANGER 0xB3261E
#define CFG_DANGER_PRESSED 0x8C1D17
#define CFG_QUIET_EDGE 0xC9C2B4   /* the edge of what is not chosen; dots still to come */
#define CFG_CLOSED_BG 0xEFE9F6    /* the closed segment */
#define CFG_CLOSED_BAND 0x5E4B8B
#define CFG_NOTE_LEFT 0xCFE0F0    /* the Drieluik's columns: note fill and edge */
#define CFG_EDGE_LEFT 0x5B8DB8
#define CFG_NOTE_MIDDLE 0xD5EDD0
#define CFG_EDGE_MIDDLE 0x4E9A5C  /* also: done, fixed, agreed */
#define CFG_NOTE_RIGHT 0xFFE7A3
#define CFG_EDGE_RIGHT 0xD9A400
#define CFG_MARK 0xB07D00         /* het ergste, de grootste wens */
#define CFG_BAND_HOOG 0xF4C7B8    /* the goals board's priority bands, on screen */
#define CFG_BAND_MIDDEN 0xF8E3B5
#define CFG_BAND_LAAG 0xDDEBD3
#define CFG_PRIO_HOOG 0xE08A6D    /* the same, stronger, as a bar on paper */
#define CFG_PRIO_MIDDEN 0xE3B04B
#define CFG_PRIO_LAAG 0x8DB87A
#define CFG_CARD_QUIET 0xFBFAF6   /* a draft decision, a group of notes */
#define CFG_WARN_FILL 0xFFF8EC    /* a bottom line's card */
#define CFG_WARN_TINT 0xFBEFE6    /* a warning's box on paper */
#define CFG_FIXED_TINT 0xEAF4E8   /* a fixed plan's box on paper */
#define CFG_DONE_FILL 0xEEF6EC    /* an action that is done */
#define CFG_PICKED_FILL 0xE4EFF3  /* a VIP person chosen, an action's owner, a switch that is on */
#define CFG_SHADOW 0xDDD7CA       /* under a note or goal */
#define CFG_SHADOW_LIFTED 0xB9B2A4
#define CFG_SHADOW_MODAL 0x9A958A /* under an editor */
#define CFG_HOLE 0xEAE5DA         /* where a dragged note came from */
#define CFG_HOLE_GOAL 0xEFEAE0    /* where a dragged goal came from */
#define CFG_BAND 0xE9E4D8         /* a finished meeting's band */
#define CFG_OSK_BG 0xE9E4D8       /* behind the on-screen keyboard's keys */
/* The VIP-kaart's contact faces, from none to bad (index 0 = not said), and the tear. */
#define CFG_VIP_FACES {0xE2DDD2, 0xBFE3B4, 0xDDEFC6, 0xF3EBC4, 0xF7D8B5, 0xCFDDF0}
#define CFG_VIP_TEAR 0x56B4E9
/* Participants' colours: Okabe-Ito, distinguishable with every common form of colour blindness. */
#define CFG_PARTICIPANT_COLOURS {0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442, 0x0072B2, 0xD55E00, 0xCC79A7, 0x6B6B6B}

/* When the display does not say its DPI: a 24" 16:9 wall screen is 531 mm wide. */
#define CFG_FALLBACK_SCREEN_MM 531.0f
/* Hyphenation patterns per language (Debian's hyphen-nl and hyphen-en-us): a word
 * too wide for its line breaks at a point of the language, with a hyphen. */
#define CFG_HYPHENS_NL "/usr/share/hyphen/hyph_nl_NL.dic"
#define CFG_HYPHENS_EN "/usr/share/hyphen/hyph_en_US.dic"

/* Bounds that keep memory flat: nothing is allocated per frame. */
#define CFG_MAX_WIDGETS 512
#define CFG_MAX_TEXTS 512
#define CFG_MAX_POINTERS 10
#define CFG_TEXT_CACHE 384        /* rendered strings kept as textures, LRU */
#define CFG_MEASURE_CACHE 4096    /* measured widths, one slot per hash */
#define CFG_SAVED_SHOW_MS 4000u   /* "opgeslagen" stays this long after a save */
#define CFG_UNSAVED_MS 300u       /* ... unless a change has been with the writer this long, unanswered */
#define CFG_RC_CELL 64             /* redraw: the grid's cell, px (redraw.c) */
#define CFG_RC_CELLS 4096         /* cells of the largest screen compared (64 px: 4K) */
#define CFG_RC_CMDS 16384         /* drawing commands a frame records; more: drawn at once, in full */
#define CFG_RC_VERTS 16384        /* their triangles' corners */
#define CFG_RC_SET 16384          /* redraw: room to look commands up; a frame with more than half draws whole cells */
#define CFG_RC_DAMAGE 512         /* redraw: places of changed commands a frame draws again; more: whole cells */
#define CFG_RC_GRAVE 512          /* textures retired in a frame, kept until it is drawn */
#define CFG_DISC_CACHE 32         /* discs kept as textures, by radius, least recently used out (corners, avatars, dots) */
#define CFG_DISC_MAX_PX 192       /* larger discs are drawn as triangles: rare, and a texture would be big */
#define CFG_FIT_CACHE 1024        /* texts fitted into boxes (size and lines), one slot per hash */
#define CFG_FIT_KEEP_LINES 12     /* a fit of more lines is not kept: a note has a few, and 1,024 slots stay small */
#define CFG_FIT_LINES 64          /* the most lines a box of text is laid out in */
#define CFG_FONT_SIZES 12         /* open font sizes, per font */
#define CFG_FONTS 8               /* Noto Sans and the fallbacks after it */
#define CFG_TYPED_MAX 4096        /* text typed between two frames */

/* Text entry */
#define CFG_EDIT_BYTES 4001       /* the longest field: 1,000 characters (CORE_LONG_MAX) */
#define CFG_UNDO_STEPS 8
#define CFG_KEY_MM 15.0f          /* on-screen keyboard key */
#define CFG_KEY_GAP_MM 2.5f       /* between keys: twelve to a row, none hit for its neighbour */
#define CFG_KEY_CHAR_MM 6.5f      /* a letter on a key */
#define CFG_KEY_ICON_MM 9.0f      /* shift, undo, backspace: their arrows read larger */
#define CFG_OSK_PAD_MM 4.0f       /* around the keyboard */
#define CFG_FIELD_CLEAR_MM 4.0f   /* the field being typed in stays this far above the keyboard */
#define CFG_FIELD_TOP_MM 2.0f     /* ...and never goes closer than this to the screen's top */
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
