/* Core rules: roles, colours, text cleaning and limits, PINs, phases. */
#include "check.h"
#include "core.h"
#include "op.h"

static void roles(void)
{
    for (int r = 0; r < ROLE_COUNT; r++) {
        core_role back;
        CHECK(core_role_parse(core_role_word((core_role)r), &back) == CORE_OK && back == (core_role)r);
    }
    core_role x;
    CHECK(core_role_parse("Kind", &x) == CORE_EINVAL); /* export words are lowercase */
    CHECK(core_role_parse("", &x) == CORE_EINVAL);
    CHECK(core_role_is_professional(ROLE_PROFESSIONAL) && core_role_is_professional(ROLE_FACILITATOR));
    CHECK(!core_role_is_professional(ROLE_PLEEGOUDER));
    CHECK_STR(core_sector_word(core_role_sector(ROLE_OUDER)), "familie");
    CHECK_STR(core_sector_word(core_role_sector(ROLE_PROFESSIONAL)), "professioneel");
}

static void colours(void)
{
    /* The first eight participants each get a different palette colour. */
    core_participant ps[CORE_PARTICIPANTS_MAX];
    int n = 0;
    const char *names[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i"};
    for (int i = 0; i < 9; i++) CHECK(core_participant_add(ps, &n, names[i], ROLE_NETWERKLID) == CORE_OK);
    for (int i = 0; i < 8; i++)
        for (int j = i + 1; j < 8; j++) CHECK(ps[i].colour != ps[j].colour);
    /* Removing one frees its colour for the next. */
    uint32_t freed = ps[2].colour;
    core_participant_remove(ps, &n, 2);
    CHECK(n == 8);
    CHECK_STR(ps[2].name, "d");
    core_participant_remove(ps, &n, 7); /* drop "i", the ninth, which reused a colour */
    CHECK(core_participant_add(ps, &n, "j", ROLE_KIND) == CORE_OK);
    CHECK(ps[n - 1].colour == freed);
}

static void participants(void)
{
    core_participant ps[CORE_PARTICIPANTS_MAX];
    int n = 0;
    CHECK(core_participant_add(ps, &n, "   ", ROLE_KIND) == CORE_EEMPTY && n == 0);
    char longname[200];
    memset(longname, 'x', 81);
    longname[81] = 0;
    CHECK(core_participant_add(ps, &n, longname, ROLE_KIND) == CORE_ETOOLONG && n == 0);
    longname[80] = 0;
    CHECK(core_participant_add(ps, &n, longname, ROLE_KIND) == CORE_OK && n == 1);
    CHECK(core_participant_add(ps, &n, "  Opa Henk  ", ROLE_NETWERKLID) == CORE_OK);
    CHECK_STR(ps[1].name, "Opa Henk");
    CHECK(core_participant_add(ps, &n, "x", (core_role)99) == CORE_EINVAL);
    while (n < CORE_PARTICIPANTS_MAX) core_participant_add(ps, &n, "z", ROLE_KIND);
    CHECK(core_participant_add(ps, &n, "one too many", ROLE_KIND) == CORE_EFULL);
}

static void utf8(void)
{
    char out[64];
    /* Valid text passes unchanged, diacritics and emoji included. */
    const char *good = "\xC3\xA9\xC3\xA9n caf\xC3\xA9 \xF0\x9F\x98\x80";
    CHECK(core_utf8_clean(good, strlen(good), out, sizeof out) == 10);
    CHECK_STR(out, "\xC3\xA9\xC3\xA9n caf\xC3\xA9 \xF0\x9F\x98\x80");
    /* A lone continuation byte, an overlong and a surrogate each become U+FFFD. */
    core_utf8_clean("a\x80" "b", 3, out, sizeof out);
    CHECK_STR(out, "a\xEF\xBF\xBD" "b");
    core_utf8_clean("\xC0\xAF", 2, out, sizeof out);
    CHECK_STR(out, "\xEF\xBF\xBD\xEF\xBF\xBD");
    core_utf8_clean("\xED\xA0\x80", 3, out, sizeof out);
    CHECK(core_utf8_count(out) == 3);
    /* A NUL inside the text does not cut it short silently. */
    core_utf8_clean("a\0b", 3, out, sizeof out);
    CHECK_STR(out, "a\xEF\xBF\xBD" "b");
    /* Truncated sequence at the end. */
    core_utf8_clean("ok\xE2\x82", 4, out, sizeof out);
    CHECK(core_utf8_count(out) == 4);
    /* A small buffer cuts between code points, never inside one. */
    char small[6];
    core_utf8_clean("\xC3\xA9\xC3\xA9\xC3\xA9", 6, small, sizeof small);
    CHECK_STR(small, "\xC3\xA9\xC3\xA9");
    /* Limits count characters, not bytes: 80 e-acutes is a valid name. */
    char name[CORE_TEXT_BYTES(CORE_NAME_MAX)], in[400] = "";
    for (int i = 0; i < 80; i++) strcat(in, "\xC3\xA9");
    CHECK(core_text_take(in, CORE_NAME_MAX, name, sizeof name) == CORE_OK);
    strcat(in, "x");
    CHECK(core_text_take(in, CORE_NAME_MAX, name, sizeof name) == CORE_ETOOLONG);
}

static void pins(void)
{
    CHECK(core_pin_check("1234") == CORE_OK);
    CHECK(core_pin_check("12345678") == CORE_OK);
    CHECK(core_pin_check("123") == CORE_EINVAL);
    CHECK(core_pin_check("123456789") == CORE_EINVAL);
    CHECK(core_pin_check("12a4") == CORE_EINVAL);
    CHECK(core_pin_check(NULL) == CORE_EINVAL);
}

static void phases(void)
{
    CHECK(core_phase_step(0, 1, 3) == 1);
    CHECK(core_phase_step(2, 1, 3) == 2);
    CHECK(core_phase_step(0, -1, 3) == 0);
    core_template t;
    memset(&t, 0, sizeof t);
    const char *why;
    strcpy(t.id, "x");
    strcpy(t.name_nl, "X");
    CHECK(core_template_check(&t, &why) == CORE_EINVAL); /* no phases */
    t.nphases = 1;
    strcpy(t.phases[0].title_nl, "Informatie delen");
    t.phases[0].minutes = 0;
    CHECK(core_template_check(&t, &why) == CORE_EINVAL);
    t.phases[0].minutes = 45;
    CHECK(core_template_check(&t, &why) == CORE_OK);
    char iso[32];
    core_iso8601(1795000000123LL, iso, sizeof iso);
    CHECK_STR(iso, "2026-11-18T11:06:40Z");
}

static core_note held(int64_t id, int64_t author, int col)
{
    core_note n;
    memset(&n, 0, sizeof n);
    n.id = n.at.id = id;
    n.author = author;
    n.at.col = (int8_t)col;
    n.at.prompt = DL_PROMPT_NONE;
    return n;
}

/* The Drieluik's rules: who writes, professionals hang last, grouping by
 * dropping, one mark per side, and undo putting back exactly what was. */
static void drieluik(void)
{
    core_participant ps[4] = {{.id = 1, .role = ROLE_OUDER}, {.id = 2, .role = ROLE_PROFESSIONAL},
                              {.id = 3, .role = ROLE_SUPPORTER}, {.id = 4, .role = ROLE_FACILITATOR}};
    CHECK(core_dl_may_write(ROLE_KIND, 0) && core_dl_may_write(ROLE_SUPPORTER, 0));
    CHECK(!core_dl_may_write(ROLE_PROFESSIONAL, 0) && !core_dl_may_write(ROLE_FACILITATOR, 0));
    CHECK(core_dl_may_write(ROLE_PROFESSIONAL, 1));
    CHECK(core_dl_step_col(DL_WRITE_RIGHT) == DL_RIGHT && core_dl_step_col(DL_FILL_MIDDLE) == DL_MIDDLE);
    CHECK(core_dl_step_hangs(DL_HANG_LEFT, DL_LEFT) && !core_dl_step_hangs(DL_HANG_LEFT, DL_RIGHT));
    CHECK(!core_dl_step_hangs(DL_WRITE_LEFT, DL_LEFT) && core_dl_step_marks(DL_GROUP_RIGHT));

    core_note n[6] = {held(10, 1, DL_LEFT), held(11, 2, DL_LEFT), held(12, 3, DL_LEFT), held(13, 1, DL_RIGHT),
                      held(14, 1, DL_LEFT), held(15, 1, DL_LEFT)};
    core_dl_group g[4];
    int ng = 0;
    /* Petra (professional) waits while the parent or the supporter holds a left note. */
    CHECK(core_dl_may_hang(n, 6, ps, 4, &n[1]) == CORE_EINVAL);
    CHECK(core_dl_may_hang(n, 6, ps, 4, &n[0]) == CORE_OK);
    CHECK(core_dl_held_by_family(n, 6, ps, 4, DL_LEFT) == 4 && core_dl_held(n, 6, 1, DL_LEFT) == 3);
    CHECK(core_dl_hang(n, 6, g, &ng, 10, 100) == CORE_OK && core_dl_hang(n, 6, g, &ng, 12, 101) == CORE_OK);
    CHECK(core_dl_hang(n, 6, g, &ng, 14, 102) == CORE_OK && core_dl_hang(n, 6, g, &ng, 15, 103) == CORE_OK);
    CHECK(core_dl_hang(n, 6, g, &ng, 10, 104) == CORE_EINVAL); /* already hung */
    CHECK(core_dl_may_hang(n, 6, ps, 4, &n[1]) == CORE_OK);    /* a right note held does not count */
    CHECK(core_dl_hang(n, 6, g, &ng, 11, 105) == CORE_OK);
    CHECK(n[1].at.order > n[4].at.order);

    core_dl_place before[6];
    for (int i = 0; i < 6; i++) before[i] = n[i].at;
    /* Outside every column: refused, nothing changes. Held notes cannot be dragged. */
    CHECK(core_dl_drop(n, 6, g, &ng, 4, 10, (core_dl_target){-1, DL_PROMPT_NONE, 0, 0}) == CORE_EINVAL);
    CHECK(core_dl_drop(n, 6, g, &ng, 4, 13, (core_dl_target){DL_LEFT, DL_PROMPT_NONE, 0, 0}) == CORE_EINVAL);
    core_dl_change ch[8];
    CHECK(core_dl_diff(before, n, 6, g, 0, g, ng, ch, 8) == 0);
    /* Onto a note: a new group of two; a third joins by dropping onto a member. */
    CHECK(core_dl_drop(n, 6, g, &ng, 4, 12, (core_dl_target){DL_LEFT, DL_PROMPT_NONE, 10, 0}) == CORE_OK);
    CHECK(ng == 1 && g[0].exists && n[0].at.grp == g[0].id && n[2].at.grp == g[0].id);
    CHECK(core_dl_drop(n, 6, g, &ng, 4, 14, (core_dl_target){DL_LEFT, DL_PROMPT_NONE, 12, 0}) == CORE_OK);
    CHECK(ng == 1 && n[4].at.grp == g[0].id);
    /* The mark: on a single note, then on the group (it moves), never two. */
    CHECK(core_dl_set_mark(n, 6, g, ng, DL_LEFT, 15, 0) == CORE_OK && n[5].at.mark);
    CHECK(core_dl_set_mark(n, 6, g, ng, DL_LEFT, 0, g[0].id) == CORE_OK && g[0].mark && !n[5].at.mark);
    CHECK(core_dl_set_mark(n, 6, g, ng, DL_LEFT, 13, 0) == CORE_EINVAL); /* held, and on the other side */
    CHECK(core_dl_set_mark(n, 6, g, ng, DL_MIDDLE, 15, 0) == CORE_EINVAL);
    /* Out to bare column: it leaves the group; the last one out dissolves it. */
    CHECK(core_dl_drop(n, 6, g, &ng, 4, 14, (core_dl_target){DL_LEFT, DL_PROMPT_NONE, 0, 0}) == CORE_OK && !n[4].at.grp);
    CHECK(core_dl_drop(n, 6, g, &ng, 4, 12, (core_dl_target){DL_LEFT, DL_PROMPT_NONE, 0, 0}) == CORE_OK);
    CHECK(core_dl_drop(n, 6, g, &ng, 4, 10, (core_dl_target){DL_LEFT, DL_PROMPT_NONE, 0, 0}) == CORE_OK);
    CHECK(!g[0].exists && !g[0].mark);
    /* Into the middle: onto a question, no groups there. */
    CHECK(core_dl_drop(n, 6, g, &ng, 4, 15, (core_dl_target){DL_MIDDLE, DL_VRAGEN, 0, 0}) == CORE_OK);
    CHECK(n[5].at.col == DL_MIDDLE && n[5].at.prompt == DL_VRAGEN && !n[5].at.mark);

    /* Undo of all of it puts every place back; redo brings it again. */
    int k = core_dl_diff(before, n, 6, NULL, 0, g, ng, ch, 8);
    core_dl_place after[6];
    for (int i = 0; i < 6; i++) after[i] = n[i].at;
    core_dl_apply(n, 6, g, &ng, 4, ch, k, 0);
    int same = 1;
    for (int i = 0; i < 6; i++) same &= !memcmp(&n[i].at, &before[i], sizeof before[i]);
    CHECK(same);
    core_dl_apply(n, 6, g, &ng, 4, ch, k, 1);
    same = 1;
    for (int i = 0; i < 6; i++) same &= !memcmp(&n[i].at, &after[i], sizeof after[i]);
    CHECK(same);

    /* A supporter keeps pointing at the same person when someone above is removed. */
    core_participant list[CORE_PARTICIPANTS_MAX];
    int np = 0;
    core_participant_add(list, &np, "Mark", ROLE_OUDER);
    core_participant_add(list, &np, "Sanne", ROLE_KIND);
    core_participant_add(list, &np, "Bram", ROLE_SUPPORTER);
    list[2].supports = 2;
    core_participant_remove(list, &np, 0);
    CHECK(np == 2 && list[1].supports == 1);
    core_participant_remove(list, &np, 0);
    CHECK(np == 1 && list[0].supports == 0);
}

/* The phase timer under an injected clock: it counts from the stored start, a
 * pause stops it, +5 adds, the overrun is negative, and a restart (the same
 * numbers read back) gives the same answer. */
static void timer(void)
{
    core_phase p;
    memset(&p, 0, sizeof p);
    p.def.minutes = 10;
    CHECK(core_phase_elapsed_ms(&p, 5000) == 0 && core_phase_left_ms(&p, 5000) == 600000);
    p.started_at_ms = 1000000;
    CHECK(core_phase_left_ms(&p, 1000000 + 60000) == 540000);
    p.paused_at_ms = 1000000 + 120000; /* paused after two minutes */
    CHECK(core_phase_elapsed_ms(&p, 1000000 + 500000) == 120000);
    p.paused_ms += 1000000 + 300000 - p.paused_at_ms; /* resumed at five minutes */
    p.paused_at_ms = 0;
    CHECK(core_phase_elapsed_ms(&p, 1000000 + 360000) == 180000);
    p.extra_ms += 5 * 60000; /* +5 */
    CHECK(core_phase_left_ms(&p, 1000000 + 360000) == 15 * 60000 - 180000);
    CHECK(core_phase_left_ms(&p, 1000000 + 200000 + 15 * 60000 + 1000) < 0); /* overrun */
    core_phase again = p; /* read back after a restart: nothing but these numbers */
    CHECK(core_phase_left_ms(&again, 1000000 + 400000) == core_phase_left_ms(&p, 1000000 + 400000));
    CHECK(core_phase_elapsed_ms(&p, 500000) == 0); /* a clock set back: zero, never negative */
    p.ended_at_ms = 1000000 + 400000;
    CHECK(core_phase_elapsed_ms(&p, 9000000) == 400000 - 180000); /* ended: it stands still */
    char t[16];
    core_clock_text(-65000, t, sizeof t);
    CHECK_STR(t, "01:05");
    core_clock_text(3725000, t, sizeof t);
    CHECK_STR(t, "1:02:05");
    /* A template whose first phase is the closed segment is refused. */
    core_template tp;
    memset(&tp, 0, sizeof tp);
    snprintf(tp.id, sizeof tp.id, "x");
    snprintf(tp.name_nl, sizeof tp.name_nl, "X");
    tp.nphases = 1;
    snprintf(tp.phases[0].title_nl, sizeof tp.phases[0].title_nl, "Besloten deel");
    tp.phases[0].minutes = 30;
    tp.phases[0].closed = 1;
    const char *why;
    CHECK(core_template_check(&tp, &why) == CORE_EINVAL && strstr(why, "first phase"));
}

/* Operations: the rules hold whoever asks (a screen, a replay, an undo). */
static void ops(void)
{
    core_participant ps[3] = {{.id = 1, .role = ROLE_KIND}, {.id = 2, .role = ROLE_OUDER}, {.id = 3, .role = ROLE_PROFESSIONAL}};
    core_note notes[2] = {{.id = 10, .author = 1, .at = {.id = 10, .col = DL_LEFT}},
                          {.id = 11, .author = 3, .at = {.id = 11, .col = DL_LEFT}}};
    core_op_ctx c = {.parts = ps, .nparts = 3, .notes = notes, .nnotes = 2, .dl_step = DL_WRITE_LEFT};
    core_op hang = {.kind = OP_DL_BOARD, .n = DL_VERB_HANG, .id = 10, .actor = 1};
    const char *why;
    CHECK(core_op_check(&c, &hang, &why) == CORE_EINVAL && !strcmp(why, "why.hang_step"));
    c.dl_step = DL_HANG_RIGHT; /* the right column's step: the left's notes wait */
    CHECK(core_op_check(&c, &hang, &why) == CORE_EINVAL && !strcmp(why, "why.hang_step"));
    c.dl_step = DL_HANG_LEFT;
    CHECK(core_op_check(&c, &hang, &why) == CORE_OK);
    hang.id = 11; /* the professional's, while Sanne still holds hers */
    CHECK(core_op_check(&c, &hang, &why) == CORE_EINVAL && !strcmp(why, "why.pros_last"));
    notes[0].at.hung_at = 1000;
    CHECK(core_op_check(&c, &hang, &why) == CORE_OK);
    hang.id = 10; /* hung already */
    CHECK(core_op_check(&c, &hang, &why) == CORE_EINVAL && !strcmp(why, "why.hung_already"));
    hang.id = 99;
    CHECK(core_op_check(&c, &hang, &why) == CORE_EINVAL && !strcmp(why, "why.no_note"));

    /* An imposed goal is a professional's to add, change and remove, undo included. */
    core_goal g = {.id = 5, .imposed = 1};
    c.goals = &g;
    c.ngoals = 1;
    core_op del = {.kind = OP_GOAL_DELETE, .id = 5, .actor = 2};
    CHECK(core_op_check(&c, &del, &why) == CORE_EINVAL && !strcmp(why, "goals.imposed_refused"));
    del.actor = 0; /* nobody chosen at the screen */
    CHECK(core_op_check(&c, &del, &why) == CORE_EINVAL);
    del.actor = 3;
    CHECK(core_op_check(&c, &del, &why) == CORE_OK);
    core_goal plain = {.id = 0, .imposed = 0};
    core_op put = {.kind = OP_GOAL_PUT, .goal = &plain, .actor = 2};
    CHECK(core_op_check(&c, &put, &why) == CORE_OK);

    /* Ten on a card, and a finished meeting takes nothing but a reopen. */
    core_op pick = {.kind = OP_VIP_PICK, .id = 1, .id2 = 2, .actor = 1};
    c.vip_count = CORE_VIP_MAX;
    CHECK(core_op_check(&c, &pick, &why) == CORE_EINVAL && !strcmp(why, "vip.full"));
    c.vip_count = 3;
    CHECK(core_op_check(&c, &pick, &why) == CORE_OK);
    c.finished = 1;
    CHECK(core_op_check(&c, &pick, &why) == CORE_EINVAL && !strcmp(why, "meeting.readonly"));
    core_op reopen = {.kind = OP_MEETING_REOPEN};
    CHECK(core_op_check(&c, &reopen, &why) == CORE_OK);
    /* A list at its cap refuses one more, with the words for that list. */
    c.finished = 0;
    core_op add = {.kind = OP_BODEMEIS_ADD, .text = "geen geweld", .actor = 3};
    c.have = 32, c.cap = 32;
    CHECK(core_op_check(&c, &add, &why) == CORE_EINVAL && !strcmp(why, "why.full_bodemeisen"));
    core_goal fresh = {0};
    put.goal = &fresh;
    put.kind = OP_GOAL_PUT;
    CHECK(core_op_check(&c, &put, &why) == CORE_EINVAL && !strcmp(why, "why.full_goals"));
    put.goal = &g; /* a change to one already there is no addition */
    put.actor = 3;
    CHECK(core_op_check(&c, &put, &why) == CORE_OK);
    c.cap = 0;
    CHECK(core_op_check(&c, &add, &why) == CORE_OK);
    /* A fixed plan changes only in a new version: its goals, bottom lines and team too. */
    c.plan_fixed = 1;
    CHECK(core_op_check(&c, &put, &why) == CORE_EINVAL && !strcmp(why, "plan.fixed_refuse"));
    CHECK(core_op_check(&c, &add, &why) == CORE_EINVAL && !strcmp(why, "plan.fixed_refuse"));
    core_op step = {.kind = OP_PHASE_GO, .n = 1};
    CHECK(core_op_check(&c, &step, &why) == CORE_OK);
    c.plan_fixed = 0;
    /* Rows speak louder than the verb: a "drop" that takes a note out of its tray is a hang. */
    notes[0].at.hung_at = 0;
    c.dl_step = DL_WRITE_LEFT;
    core_dl_change row = {.n = {{.id = 10, .col = DL_LEFT}, {.id = 10, .col = DL_LEFT, .hung_at = 5}}};
    core_op drop = {.kind = OP_DL_BOARD, .n = DL_VERB_DROP, .id = 10, .rows = &row, .nrows = 1};
    CHECK(core_op_check(&c, &drop, &why) == CORE_EINVAL && !strcmp(why, "why.hang_step"));
    drop.n = DL_VERB_UNDO; /* undo puts back what was */
    CHECK(core_op_check(&c, &drop, &why) == CORE_OK);
    /* A drawing bigger than any pen makes (a hostile line) is refused. */
    core_op inked = {.kind = OP_NOTE_ADD, .text = "x", .ink_len = CORE_INK_MAX + 1};
    CHECK(core_op_check(&c, &inked, &why) == CORE_EINVAL && !strcmp(why, "why.too_long"));
    inked.ink_len = CORE_INK_MAX;
    CHECK(core_op_check(&c, &inked, &why) == CORE_OK);
    for (int k = OP_NONE + 1; k < OP_KINDS; k++) CHECK(core_op_parse(core_op_word((core_op_kind)k)) == (core_op_kind)k);
}

int main(void)
{
    ops();
    timer();
    drieluik();
    roles();
    colours();
    participants();
    utf8();
    pins();
    phases();
    return check_done();
}
