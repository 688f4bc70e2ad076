/* Core rules: roles, colours, text cleaning and limits, PINs, phases. */
#include "check.h"
#include "core.h"

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

int main(void)
{
    roles();
    colours();
    participants();
    utf8();
    pins();
    phases();
    return check_done();
}
