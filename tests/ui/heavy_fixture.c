/* The heaviest real meeting (issue 18): the family of a long placement, with every
 * board as full as a real day makes it. Eight participants with long names, forty
 * post-its on the Drieluik (the longest Dutch compounds, notes of the full 280
 * characters), four bottom lines and twelve decisions, twelve goals (two on the same
 * place), and a child's VIP-kaart with ten people. Four meetings of one family:
 * the Drieluik, a FamilieNetwerkBeraad (seed 004), a meeting about goals, and a
 * Drieluik with twenty-four people (the network as a conference gathers it).
 *
 *   heavy_fixture LAYOUTS DB     writes DB (PIN 2468) and prints the meetings' ids
 *
 * Made through the store as the app makes it; the UI test (heavy.sh) opens each
 * board at three sizes and checks from the dump that nothing is hidden. */
#include "store.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* The meetings began a quarter of an hour before the fixture was made, a minute
 * apart: its screenshots show a timer a person would see mid-meeting, not a year
 * over time. No check reads a time. */
static int64_t T0;

static const core_template *find(const core_template *ts, int n, const char *id)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(ts[i].id, id)) return &ts[i];
    fprintf(stderr, "heavy_fixture: no template %s\n", id);
    return NULL;
}

/* Eight people around the table, as long as names get. */
static int people(core_participant *ps)
{
    static const struct { const char *name; core_role role; } who[] = {
        {"Sanne-Marijke", ROLE_KIND},          {"Mohammed el Amrani", ROLE_OUDER},
        {"Annemarie Vermeulen", ROLE_OUDER},   {"Ria van den Bosch", ROLE_PLEEGOUDER},
        {"Oma Johanna", ROLE_NETWERKLID},      {"Buurman Dirk-Jan", ROLE_SUPPORTER},
        {"Petra Schouten", ROLE_PROFESSIONAL}, {"Anja de Wit", ROLE_FACILITATOR},
    };
    int n = 0;
    for (size_t i = 0; i < sizeof who / sizeof who[0]; i++) core_participant_add(ps, &n, who[i].name, who[i].role);
    return n;
}

/* 280 characters of what a parent writes when given the room. */
static const char long_note[] =
    "Ik ben bang dat Sanne straks niet meer naar huis wil, omdat ze het bij Ria zo goed heeft en wij nog steeds "
    "ruzie hebben over de omgangsregeling. Als er niets verandert, zien we elkaar alleen nog bij de rechter en "
    "weet Sanne niet meer bij wie ze hoort. Dat wil niemand hier.";

static int drieluik(store *st, const core_template *t, int64_t *out)
{
    core_participant ps[CORE_PARTICIPANTS_MAX];
    int np = people(ps);
    if (store_meeting_create(st, "Familie El Amrani-Vermeulen", t, ps, np, T0, out) != STORE_OK) return -1;
    store_participants(st, *out, ps, CORE_PARTICIPANTS_MAX, &np);
    store_phase_go(st, *out, 1, T0);
    /* Hanging the right column: every chip opens a tray. (The marking step's stars
     * still overlap their notes: issue 18, not yet.) */
    store_dl_set(st, *out, DL_HANG_RIGHT, 0, T0);
    static const char *const words[] = {
        "uithuisplaatsingsbeslissing", "omgangsregelingsgesprekken", "ruzie thuis", "kinderbeschermingsmaatregel",
        "niet naar opa", "schoolverzuim", "verdriet", "samen eten op zondag", "jeugdbeschermingstafel",
        "stabiel thuis", "logeerweekenden", "vertrouwenspersoon",
    };
    for (int i = 0; i < 40; i++) {
        core_dl_place at = {.col = (int8_t)(i % 2 ? DL_RIGHT : DL_LEFT), .prompt = DL_PROMPT_NONE, .hung_at = T0 + i, .order = i + 1};
        char text[CORE_TEXT_BYTES(CORE_NOTE_MAX)];
        if (i % 10 == 3) snprintf(text, sizeof text, "%s", long_note);
        else snprintf(text, sizeof text, "%s", words[i % 12]);
        if (store_note_add(st, *out, "drieluik", &at, ps[i % np].id, text, NULL, 0, T0 + i, NULL) != STORE_OK) return -1;
    }
    /* Two still in a tray, for the column being hung: the writer's own, counted on their chip. */
    for (int i = 0; i < 2; i++) {
        core_dl_place at = {.col = DL_RIGHT, .prompt = DL_PROMPT_NONE};
        const char *text = i ? "samen naar de dierentuin" : "papa belt elke zondag";
        if (store_note_add(st, *out, "drieluik", &at, ps[1].id, text, NULL, 0, T0 + 100 + i, NULL) != STORE_OK) return -1;
    }
    /* Sanne-Marijke's card: ten people, the most it holds. */
    static const struct { const char *name; core_relation rel; } vip[] = {
        {"Mama Annemarie", REL_MAMA}, {"Papa Mohammed", REL_PAPA},   {"Oma Johanna", REL_OMA},
        {"Opa Abdelkader", REL_OPA},  {"Broertje Youssef", REL_BROER}, {"Zus Fatima-Zahra", REL_ZUS},
        {"Pleegmama Ria", REL_PLEEGMAMA}, {"Juf Marloes", REL_JUF}, {"Vriendin Lotte", REL_VRIENDIN},
        {"Hond Boef", REL_HUISDIER},
    };
    for (size_t i = 0; i < sizeof vip / sizeof vip[0]; i++) {
        int64_t person = 0;
        if (store_person_add(st, *out, vip[i].name, vip[i].rel, T0 + 200 + (int64_t)i, &person) != STORE_OK ||
            store_vip_pick(st, *out, ps[0].id, person, T0 + 300 + (int64_t)i) != STORE_OK)
            return -1;
        store_vip_set(st, ps[0].id, person, 1 + (int)i % 5, (core_vip_change)(i % 3), i % 4 ? "" : "vaker logeren in de vakantie",
                      NULL, 0, T0 + 400 + (int64_t)i);
    }
    return 0;
}

/* A large network, as an Eigen Kracht-conferentie gathers: twenty-four around the
 * table, more than any bar of chips holds. */
static int crowd(store *st, const core_template *t, int64_t *out)
{
    core_participant ps[CORE_PARTICIPANTS_MAX];
    int np = people(ps);
    static const char *const more[] = {"Tante Khadija", "Oom Rachid", "Neef Bilal", "Nicht Samira", "Overbuurvrouw Els",
                                       "Juf Marloes", "Trainer Kees", "Buurvrouw Truus", "Oom Hendrik", "Tante Wilma",
                                       "Vriendin Lotte", "Moeder van Lotte", "Dominee Van Dijk", "Wijkagent Bakker",
                                       "Opa Abdelkader", "Oudtante Grietje"};
    for (size_t i = 0; i < sizeof more / sizeof more[0]; i++) core_participant_add(ps, &np, more[i], ROLE_NETWERKLID);
    if (store_meeting_create(st, "Familie El Amrani, groot netwerk", t, ps, np, T0 + 3 * 60000, out) != STORE_OK) return -1;
    store_phase_go(st, *out, 1, T0 + 3 * 60000);
    return store_dl_set(st, *out, DL_HANG_LEFT, 0, T0 + 3 * 60000) == STORE_OK ? 0 : -1;
}

static int beraad(store *st, const core_template *t, int64_t *out)
{
    core_participant ps[CORE_PARTICIPANTS_MAX];
    int np = people(ps);
    if (store_meeting_create(st, "Familie El Amrani-Vermeulen, beraad", t, ps, np, T0 + 60000, out) != STORE_OK) return -1;
    store_participants(st, *out, ps, CORE_PARTICIPANTS_MAX, &np);
    static const char *const bottom[] = {
        "Sanne-Marijke woont de komende zes maanden niet bij een van haar ouders.",
        "Er is geen contact met opa zonder begeleiding van een volwassene die de jeugdbeschermer kent.",
        "De school wordt elke week op de hoogte gehouden.",
        "Alle afspraken worden vastgelegd in het gezinsplan en na drie maanden geëvalueerd.",
    };
    for (int i = 0; i < 4; i++)
        if (store_bodemeis_add(st, *out, bottom[i], ps[6].id, T0 + 60000 + i) != STORE_OK) return -1;
    static const char *const what[] = {
        "Oma Johanna haalt Sanne-Marijke elke woensdag uit school en ze eten samen",
        "Mohammed en Annemarie spreken elkaar één keer per maand met de mediator van het wijkteam",
        "Ria belt de school als Sanne-Marijke een dag niet komt",
        "Buurman Dirk-Jan is het aanspreekpunt als er thuis ruzie is en niemand anders bereikbaar is",
        "Logeerweekenden bij papa om de week, van vrijdag na school tot zondag na het eten",
        "Een vertrouwenspersoon voor Sanne-Marijke op school",
        "De kinderbeschermingsmaatregel wordt besproken in het volgende netwerkberaad",
        "Annemarie gaat naar de opvoedondersteuningsgroep op dinsdagavond",
        "Sanne-Marijke kiest zelf wie er bij haar verjaardag komt",
        "Opa Abdelkader schrijft Sanne-Marijke een brief, Ria leest die eerst",
        "Het actieteam komt over zes weken bij elkaar om te kijken hoe het gaat",
        "Petra zoekt uit of er een plek is bij de voetbalclub in de buurt",
    };
    for (int i = 0; i < 12; i++) {
        core_decision d;
        memset(&d, 0, sizeof d);
        snprintf(d.what, sizeof d.what, "%s", what[i]);
        d.final = 1;
        d.who[0] = ps[(i + 1) % np].id;
        d.who[1] = ps[(i + 4) % np].id;
        d.nwho = 2;
        d.needs_help = i % 3 == 0;
        if (i % 2) snprintf(d.due, sizeof d.due, "2026-0%d-15", 2 + i % 7);
        if (store_decision_save(st, *out, &d, T0 + 60000 + 10 + i) != STORE_OK) return -1;
    }
    return 0;
}

static int goals(store *st, const core_template *t, int64_t *out)
{
    core_participant ps[CORE_PARTICIPANTS_MAX];
    int np = people(ps);
    if (store_meeting_create(st, "Familie El Amrani-Vermeulen, doelen", t, ps, np, T0 + 2 * 60000, out) != STORE_OK) return -1;
    store_participants(st, *out, ps, CORE_PARTICIPANTS_MAX, &np);
    store_phase_go(st, *out, 1, T0 + 2 * 60000);
    static const char *const text[] = {
        "Sanne-Marijke gaat weer elke dag naar school", "Rust in huis bij de overdrachten",
        "Een vaste omgangsregeling die iedereen kent", "Oma Johanna blijft in beeld",
        "Mohammed vindt werk met vaste tijden", "Annemarie heeft een eigen huis",
        "Sanne-Marijke heeft een vriendin om mee te spelen", "Geen politie meer aan de deur",
        "Samen naar de verjaardag van opa", "Een plan voor de zomervakantie",
        "Ria krijgt steun van andere pleegouders", "Sanne-Marijke weet wat er gaat gebeuren",
    };
    for (int i = 0; i < 12; i++) {
        core_goal g;
        memset(&g, 0, sizeof g);
        snprintf(g.text, sizeof g.text, "%s", text[i]);
        /* Two goals dropped on one place, as fingers do; the rest spread out. */
        g.x = i == 1 ? 0.15 : 0.08 + (i % 6) * 0.16;
        g.y = i == 1 ? 0.2 : 0.2 + (i / 6) * 0.5;
        g.owner = ps[i % np].id;
        g.nactions = 1;
        snprintf(g.actions[0].what, sizeof g.actions[0].what, "bellen met school");
        if (store_goal_put(st, *out, &g, T0 + 2 * 60000 + i) != STORE_OK) return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: heavy_fixture LAYOUTS DB\n");
        return 2;
    }
    T0 = ((int64_t)time(NULL) - 600 - 3 * 60) * 1000;
    core_template ts[16];
    int nt = 0;
    char errs[1024], msg[256];
    store_layouts_load(argv[1], ts, 16, &nt, errs, sizeof errs);
    const core_template *dl = find(ts, nt, "drieluik-bijeenkomst"), *fnb = find(ts, nt, "familienetwerkberaad"),
                        *kern = find(ts, nt, "bijeenkomst-kernfiguren");
    if (!dl || !fnb || !kern) return 1;
    store *st;
    if (store_open(argv[2], &st, msg, sizeof msg) != STORE_OK || store_set_pin(st, "2468", 0) != STORE_OK) {
        fprintf(stderr, "heavy_fixture: %s\n", msg);
        return 1;
    }
    int64_t m1 = 0, m2 = 0, m3 = 0, m4 = 0;
    int bad = drieluik(st, dl, &m1) || beraad(st, fnb, &m2) || goals(st, kern, &m3) || crowd(st, dl, &m4);
    if (bad) fprintf(stderr, "heavy_fixture: %s\n", store_errmsg(st));
    else printf("%lld %lld %lld %lld\n", (long long)m1, (long long)m2, (long long)m3, (long long)m4);
    store_close(st);
    return bad;
}
