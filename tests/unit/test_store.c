/* Store: file mode, schema, one transaction per action, refusing damaged or newer
 * files without touching them, one app per database, layouts, export. */
#include "check.h"
#include "../../app/config.h"
#include "store.h"

#include <cjson/cJSON.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[256];

static void path_in(char *out, const char *name) { snprintf(out, 512, "%s/%s", dir, name); }

static long file_bytes(const char *path, unsigned char *buf, long cap)
{
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    long n = (long)fread(buf, 1, (size_t)cap, f);
    fclose(f);
    return n;
}

static core_template one_template(void)
{
    core_template t;
    char msg[256];
    store_status r = store_layout_parse("{\"name\": {\"nl\": \"Test\"}, \"phases\": ["
                                        "{\"title\": {\"nl\": \"Een\", \"en\": \"One\"}, \"minutes\": 10},"
                                        "{\"title\": \"Twee\", \"minutes\": 20, \"closed\": true}]}",
                                        "test", &t, msg, sizeof msg);
    CHECK(r == STORE_OK);
    return t;
}

static void new_database(void)
{
    char path[512], msg[256];
    path_in(path, "new.db");
    store *st;
    CHECK(store_open(path, &st, msg, sizeof msg) == STORE_OK);
    struct stat sb;
    CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600);
    CHECK(store_has_pin(st) == STORE_ENOTFOUND);
    CHECK(store_set_pin(st, "12", 1) == STORE_EINVAL);
    CHECK(store_set_pin(st, "2468", 1) == STORE_OK);
    CHECK(store_check_pin(st, "2468", 1000, NULL) == STORE_OK);
    CHECK(store_check_pin(st, "2469", 1000, NULL) == STORE_EINVAL);
    /* Five wrong tries: a pause of a minute, in the file, that a right PIN does not
     * get through; after it a try is allowed, and a right PIN clears the count. */
    int64_t wait = 0;
    for (int i = 0; i < 4; i++) CHECK(store_check_pin(st, "1111", 2000, &wait) == STORE_EINVAL);
    CHECK(wait == CFG_PIN_PAUSE_MS);
    CHECK(store_check_pin(st, "2468", 3000, &wait) == STORE_EPAUSED && wait == CFG_PIN_PAUSE_MS - 1000);
    core_pin_guard g;
    CHECK(store_pin_guard(st, &g) == STORE_OK && g.lockouts == 1 && g.paused_at == 2000);
    CHECK(store_check_pin(st, "2468", 2000 + CFG_PIN_PAUSE_MS, &wait) == STORE_OK);
    CHECK(store_pin_guard(st, &g) == STORE_OK && g.wrong == 0 && g.lockouts == 0 && core_pin_wait_ms(&g, 0) == 0);

    /* A second app on the same file is refused at once, not left hanging. */
    store *other;
    CHECK(store_open(path, &other, msg, sizeof msg) == STORE_ELOCKED && other == NULL);

    core_template t = one_template();
    core_participant ps[CORE_PARTICIPANTS_MAX];
    int n = 0;
    core_participant_add(ps, &n, "Sanne", ROLE_KIND);
    core_participant_add(ps, &n, "Mark", ROLE_OUDER);
    core_participant_add(ps, &n, "Petra", ROLE_PROFESSIONAL);
    int64_t a = 0, b = 0;
    CHECK(store_meeting_create(st, "Familie Jansen", &t, ps, n, 1000, &a) == STORE_OK && a > 0);
    CHECK(store_meeting_create(st, "Familie De Boer", &t, ps, 1, 2000, &b) == STORE_OK && b > a);
    CHECK(store_meeting_create(st, "   ", &t, ps, 1, 3000, NULL) == STORE_EINVAL);

    core_meeting ms[8];
    int count = 0;
    CHECK(store_meetings(st, ms, 8, &count) == STORE_OK && count == 2);
    CHECK_STR(ms[0].title, "Familie De Boer"); /* newest first */
    CHECK(ms[1].nparticipants == 3);

    core_participant got[CORE_PARTICIPANTS_MAX];
    CHECK(store_participants(st, a, got, CORE_PARTICIPANTS_MAX, &count) == STORE_OK && count == 3);
    CHECK_STR(got[2].name, "Petra");
    CHECK(got[2].role == ROLE_PROFESSIONAL && got[0].colour != got[1].colour);

    core_phase phases[CORE_PHASES_MAX];
    CHECK(store_phases(st, a, phases, CORE_PHASES_MAX, &count) == STORE_OK && count == 2);
    CHECK(phases[1].def.closed == 1 && phases[1].def.minutes == 20);
    CHECK(store_phase_go(st, a, 1, 5000) == STORE_OK);
    core_meeting m;
    CHECK(store_meeting(st, a, &m) == STORE_OK && m.current_phase == 1 && m.status == MEETING_RUNNING);

    char *json = NULL;
    CHECK(store_export_json(st, a, &json) == STORE_OK && json);
    cJSON *root = cJSON_Parse(json);
    CHECK(root != NULL);
    CHECK(cJSON_GetObjectItem(root, "schema_version")->valueint == 1);
    cJSON *mt = cJSON_GetObjectItem(root, "meeting");
    CHECK_STR(cJSON_GetObjectItem(mt, "title")->valuestring, "Familie Jansen");
    CHECK_STR(cJSON_GetObjectItem(mt, "status")->valuestring, "running");
    CHECK_STR(cJSON_GetObjectItem(mt, "created_at")->valuestring, "1970-01-01T00:00:01Z");
    cJSON *parts = cJSON_GetObjectItem(root, "participants");
    CHECK(cJSON_GetArraySize(parts) == 3);
    CHECK_STR(cJSON_GetObjectItem(cJSON_GetArrayItem(parts, 0), "role")->valuestring, "kind");
    CHECK(cJSON_GetObjectItem(cJSON_GetArrayItem(parts, 0), "colour")->valuestring[0] == '#');
    cJSON *people = cJSON_GetObjectItem(root, "people");
    CHECK(cJSON_GetArraySize(people) == 3);
    CHECK_STR(cJSON_GetObjectItem(cJSON_GetArrayItem(people, 2), "sector")->valuestring, "professioneel");
    cJSON *ph = cJSON_GetObjectItem(root, "phases");
    CHECK(cJSON_GetArraySize(ph) == 2);
    CHECK(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetArrayItem(ph, 1), "closed")));
    CHECK(cJSON_IsString(cJSON_GetObjectItem(cJSON_GetArrayItem(ph, 1), "started_at")));
    CHECK(cJSON_IsArray(cJSON_GetObjectItem(cJSON_GetArrayItem(ph, 0), "absent")));
    CHECK(cJSON_IsArray(cJSON_GetObjectItem(root, "decisions")));
    cJSON_Delete(root);
    free(json);
    CHECK(store_export_json(st, 999, &json) == STORE_ENOTFOUND && json == NULL);

    /* Deleting a meeting takes its participants and phases along. */
    CHECK(store_meeting_delete(st, a, 6000) == STORE_OK);
    CHECK(store_participants(st, a, got, CORE_PARTICIPANTS_MAX, &count) == STORE_OK && count == 0);
    CHECK(store_meeting_delete(st, a, 6000) == STORE_ENOTFOUND);
    store_close(st);

    /* Reopened: everything is still there, and the lock is free again. */
    CHECK(store_open(path, &st, msg, sizeof msg) == STORE_OK);
    CHECK(store_meetings(st, ms, 8, &count) == STORE_OK && count == 1);
    CHECK(store_check_pin(st, "2468", 5000, NULL) == STORE_OK);
    store_close(st);

    sqlite3 *db;
    sqlite3_open(path, &db);
    sqlite3_stmt *s;
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL);
    CHECK(sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) == STORE_SCHEMA_VERSION);
    sqlite3_finalize(s);
    sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, NULL);
    CHECK(sqlite3_step(s) == SQLITE_ROW && !strcmp((const char *)sqlite3_column_text(s, 0), "wal"));
    sqlite3_finalize(s);
    sqlite3_prepare_v2(db, "PRAGMA application_id", -1, &s, NULL); /* ours, by its header */
    CHECK(sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) == STORE_APPLICATION_ID);
    sqlite3_finalize(s);
    /* The journal is append-only. */
    CHECK(sqlite3_exec(db, "DELETE FROM journal", NULL, NULL, NULL) != SQLITE_OK);
    sqlite3_close(db);
}

/* Opening must fail with `want` and leave the file byte for byte as it was. */
static void refused_untouched(const char *path, store_status want)
{
    static unsigned char before[1 << 20], after[1 << 20];
    long nb = file_bytes(path, before, sizeof before);
    store *st = NULL;
    char msg[256] = "";
    store_status r = store_open(path, &st, msg, sizeof msg);
    CHECK(r == want);
    CHECK(st == NULL && msg[0]);
    long na = file_bytes(path, after, sizeof after);
    CHECK(nb == na && memcmp(before, after, (size_t)nb) == 0);
    char wal[600];
    snprintf(wal, sizeof wal, "%s-wal", path);
    CHECK(access(wal, F_OK) != 0);
}

static void bad_files(void)
{
    char path[512], msg[256];
    /* Not a database at all. */
    path_in(path, "garbage.db");
    FILE *f = fopen(path, "wb");
    for (int i = 0; i < 8192; i++) fputc((i * 7919) & 0xFF, f);
    fclose(f);
    refused_untouched(path, STORE_ECORRUPT);

    /* A real database with a damaged page. */
    path_in(path, "damaged.db");
    store *st;
    CHECK(store_open(path, &st, msg, sizeof msg) == STORE_OK);
    core_template t = one_template();
    core_participant ps[CORE_PARTICIPANTS_MAX];
    int n = 0;
    for (int i = 0; i < 30; i++) core_participant_add(ps, &n, "Een lange naam om pagina's te vullen", ROLE_NETWERKLID);
    for (int i = 0; i < 20; i++) store_meeting_create(st, "Familie", &t, ps, n, i, NULL);
    store_close(st);
    sqlite3 *db;
    sqlite3_open(path, &db);
    sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;", NULL, NULL, NULL);
    sqlite3_close(db);
    f = fopen(path, "r+b");
    fseek(f, 4096 * 3 + 8, SEEK_SET); /* inside a b-tree page's cell pointers */
    for (int i = 0; i < 64; i++) fputc(0xFF, f);
    fclose(f);
    refused_untouched(path, STORE_ECORRUPT);

    /* Made by a newer Schouders: its id, a version above ours. */
    path_in(path, "newer.db");
    sqlite3_open(path, &db);
    char sql[128];
    snprintf(sql, sizeof sql, "CREATE TABLE future(x); PRAGMA user_version=99; PRAGMA application_id=%d;", STORE_APPLICATION_ID);
    sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_close(db);
    refused_untouched(path, STORE_ENEWER);

    /* Another program's database, even with a table of one of our names: never
     * written, not even its journal mode. */
    path_in(path, "other.db");
    sqlite3_open(path, &db);
    sqlite3_exec(db, "CREATE TABLE meetings(room TEXT, at INTEGER); INSERT INTO meetings VALUES('zaal 2', 1);"
                     " PRAGMA user_version=3;", NULL, NULL, NULL);
    sqlite3_close(db);
    refused_untouched(path, STORE_EFOREIGN);
    path_in(path, "other2.db");
    sqlite3_open(path, &db);
    sqlite3_exec(db, "CREATE TABLE recipes(name TEXT);", NULL, NULL, NULL);
    sqlite3_close(db);
    refused_untouched(path, STORE_EFOREIGN);

    /* A folder that does not exist. */
    path_in(path, "missing/folder/x.db");
    CHECK(store_open(path, &st, msg, sizeof msg) == STORE_EDIR && strstr(msg, "does not exist"));

    char beside[600];
    path_in(path, "garbage.db");
    CHECK(store_path_beside(path, beside, sizeof beside) == STORE_OK);
    CHECK(strstr(beside, "garbage-2.db") != NULL);
}

/* A new database file with one meeting of the first `n` of Sanne (child) and
 * Petra (professional); ps gets them back with their ids. */
static store *with_meeting(const char *file, core_participant *ps, int *n, int64_t *m)
{
    char path[512], msg[256];
    path_in(path, file);
    store *st;
    CHECK(store_open(path, &st, msg, sizeof msg) == STORE_OK);
    core_template t = one_template();
    int want = *n;
    *n = 0;
    core_participant_add(ps, n, "Sanne", ROLE_KIND);
    if (want > 1) core_participant_add(ps, n, "Petra", ROLE_PROFESSIONAL);
    CHECK(store_meeting_create(st, "Familie", &t, ps, *n, 1000, m) == STORE_OK);
    CHECK(store_participants(st, *m, ps, CORE_PARTICIPANTS_MAX, n) == STORE_OK && *n == want);
    return st;
}

static void notes(void)
{
    core_participant ps[CORE_PARTICIPANTS_MAX];
    int n = 1;
    int64_t m = 0, a = 0, b = 0;
    store *st = with_meeting("notes.db", ps, &n, &m);
    const unsigned char ink[] = {'I', 1, 1, 0, 1, 0, 10, 0, 20, 0};
    const core_dl_place left = {.col = DL_LEFT, .prompt = DL_PROMPT_NONE};
    CHECK(store_note_add(st, m, "drieluik", &left, 0, "Opa Henk komt op zondag", NULL, 0, 2000, &a) == STORE_OK);
    CHECK(store_note_add(st, m, "drieluik", &left, 0, "", ink, sizeof ink, 3000, &b) == STORE_OK);
    CHECK(store_note_add(st, m, "drieluik", &left, 0, "   ", NULL, 0, 3000, NULL) == STORE_EINVAL);
    char longtext[300];
    memset(longtext, 'x', 281);
    longtext[281] = 0;
    CHECK(store_note_add(st, m, "drieluik", &left, 0, longtext, NULL, 0, 3000, NULL) == STORE_EINVAL);
    CHECK(store_note_update(st, b, "een tekening", ink, sizeof ink, 4000) == STORE_OK);
    core_note got[8];
    CHECK(store_notes(st, m, "drieluik", 0, got, 8, &n) == STORE_OK && n == 2);
    CHECK_STR(got[0].text, "Opa Henk komt op zondag");
    CHECK(got[0].ink == NULL && got[1].ink_len == sizeof ink && !memcmp(got[1].ink, ink, sizeof ink));
    CHECK_STR(got[1].text, "een tekening");
    core_notes_free(got, n);
    CHECK(store_notes(st, m, "goals", 0, got, 8, &n) == STORE_OK && n == 0);
    char *json = NULL;
    CHECK(store_export_json(st, m, &json) == STORE_OK);
    cJSON *root = cJSON_Parse(json);
    cJSON *ns = cJSON_GetObjectItem(cJSON_GetObjectItem(root, "drieluik"), "notes");
    CHECK(cJSON_GetArraySize(ns) == 0); /* both are still in the tray: their writer's alone */
    cJSON_Delete(root);
    free(json);
    /* Hung, they are in the plan: the words and the drawing. */
    CHECK(store_notes(st, m, "drieluik", 0, got, 8, &n) == STORE_OK && n == 2);
    core_dl_place was[2] = {got[0].at, got[1].at};
    core_dl_group none[1];
    core_dl_change hung[4];
    int ng = 0;
    CHECK(core_dl_hang(got, n, none, &ng, a, 5000) == CORE_OK && core_dl_hang(got, n, none, &ng, b, 5000) == CORE_OK);
    int k = core_dl_diff(was, got, n, none, 0, none, 0, hung, 4);
    CHECK(k == 2 && store_dl_apply(st, m, hung, k, 1, 5000) == STORE_OK);
    core_notes_free(got, n);
    CHECK(store_export_json(st, m, &json) == STORE_OK);
    root = cJSON_Parse(json);
    ns = cJSON_GetObjectItem(cJSON_GetObjectItem(root, "drieluik"), "notes");
    CHECK(cJSON_GetArraySize(ns) == 2);
    CHECK(cJSON_IsFalse(cJSON_GetObjectItem(cJSON_GetArrayItem(ns, 0), "ink")));
    CHECK(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetArrayItem(ns, 1), "ink")));
    CHECK(cJSON_GetArraySize(ns) == 2 && !strcmp(cJSON_GetObjectItem(cJSON_GetArrayItem(ns, 1), "column")->valuestring, "left"));
    cJSON_Delete(root);
    free(json);
    store_close(st);
}

/* A board action goes to the database as one change list, undo puts the before
 * state back (a dissolved group comes back under its own id), and the export
 * names the marked units. */
static void drieluik_board(void)
{
    core_participant ps[CORE_PARTICIPANTS_MAX];
    int n = 2;
    int64_t m = 0;
    store *st = with_meeting("drieluik.db", ps, &n, &m);
    const core_dl_place left = {.col = DL_LEFT, .prompt = DL_PROMPT_NONE};
    int64_t a, b, c;
    CHECK(store_note_add(st, m, "drieluik", &left, ps[0].id, "ruzie", NULL, 0, 2000, &a) == STORE_OK);
    CHECK(store_note_add(st, m, "drieluik", &left, ps[0].id, "schreeuwen", NULL, 0, 2000, &b) == STORE_OK);
    CHECK(store_note_add(st, m, "drieluik", &left, ps[1].id, "uithuisplaatsing", NULL, 0, 2000, &c) == STORE_OK);

    core_note notes[8];
    core_dl_group groups[8];
    int nn = 0, ng = 0, step = -1, pros = -1;
    CHECK(store_notes(st, m, "drieluik", 1, notes, 8, &nn) == STORE_OK && nn == 3);
    CHECK(store_dl_groups(st, m, groups, 8, &ng) == STORE_OK && ng == 0);
    CHECK(store_dl_settings(st, m, &step, &pros) == STORE_OK && step == 0 && pros == 0);
    CHECK(store_dl_set(st, m, DL_HANG_LEFT, 1, 3000) == STORE_OK);
    CHECK(store_dl_settings(st, m, &step, &pros) == STORE_OK && step == DL_HANG_LEFT && pros == 1);
    CHECK(store_dl_set(st, m, DL_STEPS, 0, 3000) == STORE_EINVAL);

    /* Hang both of Sanne's, then group them: one change list each. */
    core_dl_place before[8];
    core_dl_group gbefore[8];
    core_dl_change ch[16];
    for (int i = 0; i < nn; i++) before[i] = notes[i].at;
    CHECK(core_dl_hang(notes, nn, groups, &ng, a, 4000) == CORE_OK);
    CHECK(core_dl_hang(notes, nn, groups, &ng, b, 4001) == CORE_OK);
    int k = core_dl_diff(before, notes, nn, gbefore, 0, groups, ng, ch, 16);
    CHECK(k == 2 && store_dl_apply(st, m, ch, k, 1, 4001) == STORE_OK);
    for (int i = 0; i < nn; i++) before[i] = notes[i].at;
    int ngb = ng;
    core_dl_target onto = {DL_LEFT, DL_PROMPT_NONE, a, 0};
    CHECK(core_dl_drop(notes, nn, groups, &ng, 8, b, onto) == CORE_OK && ng == 1 && groups[0].id < 0);
    CHECK(core_dl_set_theme(groups, ng, groups[0].id, "  Ruzie thuis ") == CORE_OK);
    CHECK_STR(groups[0].theme, "Ruzie thuis");
    CHECK(core_dl_set_mark(notes, nn, groups, ng, DL_LEFT, 0, groups[0].id) == CORE_OK);
    k = core_dl_diff(before, notes, nn, gbefore, ngb, groups, ng, ch, 16);
    CHECK(k == 3 && store_dl_apply(st, m, ch, k, 1, 5000) == STORE_OK);
    CHECK(ch[0].is_group && ch[0].g[1].id > 0); /* the store gave the group its id */
    int64_t gid = ch[0].g[1].id;

    core_note again[8];
    core_dl_group gagain[8];
    int n2 = 0, ng2 = 0;
    CHECK(store_notes(st, m, "drieluik", 1, again, 8, &n2) == STORE_OK && n2 == 3);
    CHECK(store_dl_groups(st, m, gagain, 8, &ng2) == STORE_OK && ng2 == 1 && gagain[0].id == gid && gagain[0].mark);
    CHECK_STR(gagain[0].theme, "Ruzie thuis");
    CHECK(again[0].at.grp == gid && again[1].at.grp == gid && again[2].at.grp == 0 && !again[2].at.hung_at);
    char *json = NULL;
    CHECK(store_export_json(st, m, &json) == STORE_OK);
    cJSON *root = cJSON_Parse(json);
    cJSON *dl = cJSON_GetObjectItem(root, "drieluik");
    cJSON *worst = cJSON_GetObjectItem(dl, "worst");
    CHECK(cJSON_GetObjectItem(worst, "group") && (int64_t)cJSON_GetObjectItem(worst, "group")->valuedouble == gid);
    CHECK(cJSON_IsNull(cJSON_GetObjectItem(dl, "wish")));
    CHECK(cJSON_GetObjectItem(dl, "step")->valueint == DL_HANG_LEFT);
    CHECK(cJSON_GetArraySize(cJSON_GetObjectItem(dl, "notes")) == 2); /* the third is still in its tray */
    cJSON_Delete(root);
    free(json);

    /* Undo the grouping: the group is gone from the file, the notes single again. */
    CHECK(store_dl_apply(st, m, ch, k, 0, 6000) == STORE_OK);
    core_notes_free(again, n2);
    CHECK(store_notes(st, m, "drieluik", 1, again, 8, &n2) == STORE_OK);
    CHECK(store_dl_groups(st, m, gagain, 8, &ng2) == STORE_OK && ng2 == 0);
    CHECK(again[0].at.grp == 0 && again[1].at.grp == 0 && again[0].at.hung_at == 4000);
    /* Redo: back under the same id, theme and mark included. */
    CHECK(store_dl_apply(st, m, ch, k, 1, 7000) == STORE_OK);
    CHECK(store_dl_groups(st, m, gagain, 8, &ng2) == STORE_OK && ng2 == 1 && gagain[0].id == gid && gagain[0].mark);
    core_notes_free(again, n2);
    core_notes_free(notes, nn);
    store_close(st);
}

/* The timer in the file: pause, resume and +5 are each one committed action, and
 * going back to a phase does not count the time spent elsewhere. */
static void timer(void)
{
    core_participant ps[CORE_PARTICIPANTS_MAX];
    int n = 1;
    int64_t m = 0;
    store *st = with_meeting("timer.db", ps, &n, &m);
    core_phase ph[4];
    int np = 0;
    const int64_t t0 = 1700000000000;
    CHECK(store_phase_timer(st, m, 0, STORE_TIMER_PAUSE, 0, t0) == STORE_ENOTFOUND); /* not started */
    CHECK(store_phase_go(st, m, 0, t0) == STORE_OK);
    CHECK(store_phase_timer(st, m, 0, STORE_TIMER_PAUSE, 0, t0 + 60000) == STORE_OK);
    CHECK(store_phase_timer(st, m, 0, STORE_TIMER_PAUSE, 0, t0 + 61000) == STORE_ENOTFOUND); /* already */
    CHECK(store_phase_timer(st, m, 0, STORE_TIMER_RESUME, 0, t0 + 120000) == STORE_OK);
    CHECK(store_phase_timer(st, m, 0, STORE_TIMER_ADD, 5 * 60000, t0 + 120000) == STORE_OK);
    CHECK(store_phase_timer(st, m, 0, STORE_TIMER_ADD, -60000, t0 + 120000) == STORE_EINVAL);
    CHECK(store_phases(st, m, ph, 4, &np) == STORE_OK && np == 2);
    CHECK(core_phase_elapsed_ms(&ph[0], t0 + 180000) == 120000);
    CHECK(ph[0].extra_ms == 300000);
    /* Paused when the phase is left: the pause ends with it. Back later: the
     * time away is not counted. */
    CHECK(store_phase_timer(st, m, 0, STORE_TIMER_PAUSE, 0, t0 + 200000) == STORE_OK);
    CHECK(store_phase_go(st, m, 1, t0 + 260000) == STORE_OK);
    CHECK(store_phase_go(st, m, 0, t0 + 400000) == STORE_OK);
    CHECK(store_phases(st, m, ph, 4, &np) == STORE_OK);
    CHECK(core_phase_elapsed_ms(&ph[0], t0 + 410000) == 140000 + 10000);
    CHECK(core_phase_elapsed_ms(&ph[1], t0 + 410000) == 140000);
    store_close(st);
}

/* Backups: verified copies, 0600, ten generations; a byte flipped anywhere in a
 * copy is caught (20 random places), and the newest good copy is restored beside
 * the database, never over it. */
static void backups(void)
{
    core_participant ps[CORE_PARTICIPANTS_MAX];
    int n = 1;
    int64_t m = 0;
    store *st = with_meeting("backup.db", ps, &n, &m);
    CHECK(store_set_pin(st, "2468", 1) == STORE_OK); /* the copies carry it */
    char path[512], bak[600], sum[600];
    path_in(path, "backup.db");
    for (int i = 0; i < 12; i++) CHECK(store_backup(st) == STORE_OK);
    snprintf(bak, sizeof bak, "%s.bak.0", path);
    struct stat sb;
    CHECK(stat(bak, &sb) == 0 && (sb.st_mode & 0777) == 0600);
    snprintf(bak, sizeof bak, "%s.bak.9", path);
    CHECK(stat(bak, &sb) == 0);
    snprintf(bak, sizeof bak, "%s.bak.10", path);
    CHECK(stat(bak, &sb) != 0); /* ten generations, no more */
    snprintf(bak, sizeof bak, "%s.bak.0", path);
    CHECK(store_backup_verify(bak) == STORE_OK);
    store_close(st);

    /* 20 random offsets: every flipped byte is caught. */
    FILE *f = fopen(bak, "rb");
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    unsigned char *orig = malloc((size_t)size);
    fseek(f, 0, SEEK_SET);
    CHECK(fread(orig, 1, (size_t)size, f) == (size_t)size);
    fclose(f);
    char copy[600], copysum[620];
    path_in(copy, "flipped.db");
    snprintf(sum, sizeof sum, "%s.sum", bak);
    snprintf(copysum, sizeof copysum, "%s.sum", copy);
    srand(20261122);
    int caught = 0;
    for (int i = 0; i < 20; i++) {
        long at = rand() % size;
        f = fopen(copy, "wb");
        fwrite(orig, 1, (size_t)size, f);
        fclose(f);
        f = fopen(copy, "r+b");
        fseek(f, at, SEEK_SET);
        fputc(orig[at] ^ (1 << (rand() % 8)), f);
        fclose(f);
        char cmd[1400];
        snprintf(cmd, sizeof cmd, "cp '%s' '%s'", sum, copysum);
        CHECK(system(cmd) == 0);
        caught += store_backup_verify(copy) == STORE_ECORRUPT;
    }
    CHECK(caught == 20);
    free(orig);

    /* The newest copy damaged: the next good one is restored at the database's own
     * path (so the next start opens it), the damaged file kept aside with the day. */
    f = fopen(bak, "r+b");
    fseek(f, size / 2, SEEK_SET);
    fputc('X', f);
    fclose(f);
    f = fopen(path, "r+b"); /* the database itself damaged too */
    fseek(f, 100, SEEK_SET);
    fputs("garbage garbage garbage", f);
    fclose(f);
    char aside[600], hash[256];
    int64_t at = 0;
    CHECK(store_known_pin_hash(path, hash, sizeof hash) == STORE_OK && store_pin_matches(hash, "2468") == STORE_OK);
    CHECK(store_pin_matches(hash, "1111") == STORE_EINVAL);
    CHECK(store_restore_in_place(path, "beschadigd", 1796169600000LL, aside, sizeof aside, &at) == STORE_OK && at > 0);
    CHECK(strstr(aside, "backup-beschadigd-") && strstr(aside, ".db") && access(aside, F_OK) == 0);
    store *back;
    char msg[256];
    CHECK(store_open_readonly(path, &back, msg, sizeof msg) == STORE_OK);
    core_meeting mt;
    CHECK(back && store_meeting(back, m, &mt) == STORE_OK);
    CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600);
    store_close(back);
    /* A second time the same day: a new name, the first one kept. */
    char aside2[600];
    CHECK(store_set_aside(path, "beschadigd", 1796169600000LL, aside2, sizeof aside2) == STORE_OK);
    CHECK(strcmp(aside, aside2) != 0 && access(aside, F_OK) == 0 && access(path, F_OK) != 0);
}

static void layouts(void)
{
    core_template ts[16];
    int n = 0;
    char errs[1024];
    const char *real = getenv("SCHOUDERS_LAYOUTS");
    CHECK(store_layouts_load(real ? real : "layouts", ts, 16, &n, errs, sizeof errs) == STORE_OK);
    CHECK(n >= 3 && errs[0] == 0);
    for (int i = 0; i < n; i++) CHECK(strcmp(ts[i].id, "drieluik") != 0); /* a board, not a template */

    /* The Drieluik's board file: its words and colours; a broken one names the line
     * and changes nothing. */
    core_dl_layout dl;
    char bmsg[300];
    CHECK(store_board_load(real ? real : "layouts", &dl, bmsg, sizeof bmsg) == STORE_OK);
    CHECK_STR(dl.cols[DL_LEFT].title_nl, "Als er niets verandert");
    CHECK_STR(dl.prompt_nl[DL_WAAR], "Waar, wanneer en hoe?");
    CHECK(dl.cols[DL_RIGHT].note == 0xFFE7A3 && dl.cols[DL_MIDDLE].icon == DL_ICON_PATH);
    const char *bad = "{\"columns\": [\n {\"id\": \"left\"},\n {\"id\": \"middle\", \"note\": \"green\"},\n {\"id\": \"right\"}]}";
    CHECK(store_board_parse(bad, &dl, bmsg, sizeof bmsg) == STORE_EINVAL);
    CHECK(strstr(bmsg, "line 3") && strstr(bmsg, "#CFE0F0"));
    CHECK(dl.cols[DL_MIDDLE].note == 0xD5EDD0 && !dl.cols[DL_LEFT].title_nl[0]);
    CHECK(store_board_parse("{\"columns\": [{\"id\": \"left\"}]}", &dl, bmsg, sizeof bmsg) == STORE_EINVAL);
    CHECK(store_board_load("/nonexistent", &dl, bmsg, sizeof bmsg) == STORE_ENOTFOUND && dl.cols[DL_LEFT].edge == 0x5B8DB8);

    char sub[512], path[600];
    path_in(sub, "layouts");
    mkdir(sub, 0700);
    snprintf(path, sizeof path, "%s/a-good.json", sub);
    FILE *f = fopen(path, "w");
    fputs("{\"name\": {\"nl\": \"Goed\"}, \"phases\": [{\"title\": \"Een\", \"minutes\": 5}]}\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/b-syntax.json", sub);
    f = fopen(path, "w");
    fputs("{\n  \"name\": {\"nl\": \"Kapot\"},\n  \"phases\": [\n    {\"title\": \"Een\" \"minutes\": 5}\n  ]\n}\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/c-minutes.json", sub);
    f = fopen(path, "w");
    fputs("{\n  \"name\": {\"nl\": \"Mist\"},\n  \"phases\": [\n    {\"title\": \"Een\", \"minutes\": 5},\n"
          "    {\"title\": \"Twee\"}\n  ]\n}\n", f);
    fclose(f);
    CHECK(store_layouts_load(sub, ts, 16, &n, errs, sizeof errs) == STORE_OK);
    CHECK(n == 1);
    CHECK_STR(ts[0].name_nl, "Goed");
    CHECK(strstr(errs, "b-syntax.json, line 4") != NULL);
    CHECK(strstr(errs, "c-minutes.json, line 5: phase 2") != NULL);
    if (check_failed) fprintf(stderr, "layout errors were:\n%s", errs);
}


/* The writer thread: what is handed over is committed in order, read back at once
 * by the next call, answered once each, never lost at close; the caller's memory
 * may change as soon as it is handed over; a commit that fails says so. */
static int answers(store *st, store_done *d, int cap)
{
    int n = 0;
    char msg[8];
    (void)store_setting(st, "nothing", msg, sizeof msg); /* any call waits for the writer */
    for (int k; (k = store_done_take(st, d + n, cap - n)) > 0;) n += k;
    return n;
}

static void writer(void)
{
    core_participant ps[CORE_PARTICIPANTS_MAX];
    int n = 1;
    int64_t m = 0, note = 0;
    store *st = with_meeting("writer.db", ps, &n, &m);
    CHECK(store_writer_start(st, NULL, NULL) == STORE_OK);
    /* A note: its id is needed at once, so it is committed while the caller waits. */
    core_op add = {.kind = OP_NOTE_ADD, .meeting = m, .actor = ps[0].id, .text = "eerst", .board = "drieluik",
                   .place = {.col = DL_LEFT, .prompt = DL_PROMPT_NONE}};
    uint64_t t = 99;
    CHECK(store_op_queue(st, &add, 2000, &note, &t) == STORE_OK && t == 0 && note > 0);
    /* Steps handed over: tickets in order, the last one read back by the next call. */
    uint64_t last = 0;
    int ordered = 1;
    for (int i = 0; i < 200; i++) {
        core_op step = {.kind = OP_DL_STEP, .meeting = m, .n = i % DL_STEPS, .n2 = i % 2};
        CHECK(store_op_queue(st, &step, 3000 + i, NULL, &t) == STORE_OK);
        ordered &= t == last + 1;
        last = t;
    }
    CHECK(ordered && last == 200);
    int step = -1, pros = -1;
    CHECK(store_dl_settings(st, m, &step, &pros) == STORE_OK && step == 199 % DL_STEPS && pros == 1);
    static store_done d[256];
    int got = answers(st, d, 256), all_ok = 1;
    for (int i = 0; i < got; i++) all_ok &= d[i].status == STORE_OK && d[i].ticket == (uint64_t)i + 1 && d[i].kind == OP_DL_STEP;
    CHECK(got == 200 && all_ok && store_queued(st) == 0);
    /* The words are copied when handed over: what the caller writes next is not saved. */
    char text[32] = "wat ik schreef";
    core_op edit = {.kind = OP_NOTE_EDIT, .meeting = m, .id = note, .actor = ps[0].id, .text = text};
    CHECK(store_op_queue(st, &edit, 5000, NULL, &t) == STORE_OK && t == 201);
    memset(text, 'x', sizeof text - 1);
    core_note ns[4];
    int nn = 0;
    CHECK(store_notes(st, m, "drieluik", 0, ns, 4, &nn) == STORE_OK && nn == 1);
    CHECK(nn == 1 && !strcmp(ns[0].text, "wat ik schreef"));
    core_notes_free(ns, nn);
    CHECK(answers(st, d, 256) == 1 && d[0].status == STORE_OK);
    /* Another program holds the write lock: the answer says so, and nothing of it is kept. */
    char path[512];
    path_in(path, "writer.db");
    sqlite3 *other = NULL;
    CHECK(sqlite3_open(path, &other) == SQLITE_OK && sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK);
    core_op held = {.kind = OP_DL_STEP, .meeting = m, .n = 0, .n2 = 0};
    CHECK(store_op_queue(st, &held, 6000, NULL, &t) == STORE_OK && t == 202);
    CHECK(answers(st, d, 256) == 1 && d[0].status == STORE_ELOCKED);
    sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(other);
    CHECK(store_dl_settings(st, m, &step, &pros) == STORE_OK && step == 199 % DL_STEPS && pros == 1);
    /* Undo and redo handed over too, with the log row they name: a new goal taken
     * back, then brought back under its own id (the redo carries the ids). */
    static core_goal g = {.text = "naar school", .x = 0.25, .y = 0.75};
    core_op put = {.kind = OP_GOAL_PUT, .meeting = m, .goal = &g, .actor = ps[0].id};
    int64_t gid = 0;
    CHECK(store_op_queue(st, &put, 6500, &gid, &t) == STORE_OK && t == 0 && gid > 0);
    g.id = gid;
    g.x = 0.5;
    CHECK(store_op_queue(st, &put, 6600, NULL, &t) == STORE_OK && t == 203);
    CHECK(answers(st, d, 256) == 1 && d[0].status == STORE_OK);
    static core_goal gg;
    for (int redo = 0; redo < 2; redo++) { /* the move taken back and done again */
        store_op_buf *b = NULL;
        CHECK(store_undo_peek(st, m, "goals", redo, &b) == STORE_OK);
        CHECK(b && store_undo_commit(st, b, 6700 + redo, &t) == STORE_OK && t == 204u + (uint64_t)redo);
        store_op_buf_free(b); /* the writer has its own copy */
        CHECK(answers(st, d, 256) == 1 && d[0].status == STORE_OK);
        CHECK(store_goal(st, m, gid, &gg) == STORE_OK && gg.x == (redo ? 0.5 : 0.25));
    }
    for (int i = 0; i < 3; i++) { /* the move and the goal itself taken back, then the goal again */
        store_op_buf *b = NULL;
        if (i == 2) { /* a goal with a higher id, so SQLite's next one is not the old id by chance */
            char sql[160];
            snprintf(sql, sizeof sql, "INSERT INTO goals(id, meeting, text, created_at) VALUES(%lld, %lld, 'later', 1)",
                     (long long)gid + 50, (long long)m);
            CHECK(sqlite3_open(path, &other) == SQLITE_OK && sqlite3_exec(other, sql, NULL, NULL, NULL) == SQLITE_OK);
            sqlite3_close(other);
        }
        CHECK(store_undo_peek(st, m, "goals", i == 2, &b) == STORE_OK);
        CHECK(b && store_undo_commit(st, b, 6800 + i, &t) == STORE_OK && t > 0);
        store_op_buf_free(b);
        CHECK(answers(st, d, 256) == 1 && d[0].status == STORE_OK);
    }
    CHECK(store_goal(st, m, gid, &gg) == STORE_OK && gg.x == 0.25 && !strcmp(gg.text, "naar school"));
    /* Closed with work handed over: all of it is in the file. */
    for (int i = 0; i < 50; i++) {
        core_op s2 = {.kind = OP_DL_STEP, .meeting = m, .n = i % DL_STEPS, .n2 = 0};
        CHECK(store_op_queue(st, &s2, 7000 + i, NULL, &t) == STORE_OK);
    }
    store_close(st);
    char msg[256];
    CHECK(store_open(path, &st, msg, sizeof msg) == STORE_OK);
    sqlite3_stmt *q = NULL;
    CHECK(sqlite3_open(path, &other) == SQLITE_OK &&
          sqlite3_prepare_v2(other, "SELECT count(*) FROM ops WHERE kind='drieluik_step'", -1, &q, NULL) == SQLITE_OK);
    CHECK(q && sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0) == 250);
    sqlite3_finalize(q);
    sqlite3_close(other);
    store_close(st);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/schouders-test-store-XXXXXX");
    if (!mkdtemp(dir)) return 1;
    new_database();
    bad_files();
    notes();
    layouts();
    drieluik_board();
    timer();
    backups();
    writer();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (!check_failed && system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    return check_done();
}
