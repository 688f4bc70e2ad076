/* export: a meeting as DESIGN's JSON contract, schema_version 1.
 * Keys may be added, never renamed or removed. Closed-segment drafts never appear. */
#include "store_int.h"

#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cJSON *time_or_null(sqlite3_stmt *s, int col)
{
    if (sqlite3_column_type(s, col) == SQLITE_NULL) return cJSON_CreateNull();
    char iso[32];
    core_iso8601(sqlite3_column_int64(s, col), iso, sizeof iso);
    return cJSON_CreateString(iso);
}

static cJSON *id_or_null(sqlite3_stmt *s, int col)
{
    if (sqlite3_column_type(s, col) == SQLITE_NULL) return cJSON_CreateNull();
    return cJSON_CreateNumber((double)sqlite3_column_int64(s, col));
}

static cJSON *text_of(sqlite3_stmt *s, int col)
{
    if (sqlite3_column_type(s, col) == SQLITE_NULL) return cJSON_CreateNull();
    char buf[CORE_TEXT_BYTES(CORE_LONG_MAX) + 64];
    st_text(s, col, buf, sizeof buf);
    return cJSON_CreateString(buf);
}

/* Column value of a SELECT as JSON: the column's name says how to show it. */
typedef enum { J_ID, J_REF, J_TEXT, J_INT, J_BOOL, J_TIME, J_COLOUR } jkind;
typedef struct { const char *key; jkind kind; } jcol;

static cJSON *column(sqlite3_stmt *s, int i, jkind k)
{
    switch (k) {
    case J_ID: case J_INT: return cJSON_CreateNumber((double)sqlite3_column_int64(s, i));
    case J_REF: return id_or_null(s, i);
    case J_TEXT: return text_of(s, i);
    case J_BOOL: return cJSON_CreateBool(sqlite3_column_int(s, i) != 0);
    case J_TIME: return time_or_null(s, i);
    case J_COLOUR: {
        char hex[8];
        snprintf(hex, sizeof hex, "#%06x", (unsigned)(sqlite3_column_int64(s, i) & 0xFFFFFF));
        return cJSON_CreateString(hex);
    }
    }
    return cJSON_CreateNull();
}

/* Runs sql with ?1 bound to `bind` and returns an array of objects, one per row;
 * NULL (with st->err set) on failure. */
static cJSON *rows(store *st, const char *sql, int64_t bind, const jcol *cols, int ncols)
{
    sqlite3_stmt *s;
    if (st_prepare(st, sql, &s) != STORE_OK) return NULL;
    sqlite3_bind_int64(s, 1, bind);
    cJSON *arr = cJSON_CreateArray();
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        cJSON *o = cJSON_CreateObject();
        for (int i = 0; i < ncols; i++) cJSON_AddItemToObject(o, cols[i].key, column(s, i, cols[i].kind));
        cJSON_AddItemToArray(arr, o);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        st_fail(st, rc);
        cJSON_Delete(arr);
        return NULL;
    }
    return arr;
}

/* A column of ids as a plain array ([3, 5, 8]). */
static cJSON *ids(store *st, const char *sql, int64_t bind)
{
    static const jcol one[] = {{"id", J_ID}};
    cJSON *objs = rows(st, sql, bind, one, 1);
    if (!objs) return NULL;
    cJSON *arr = cJSON_CreateArray();
    cJSON *o;
    cJSON_ArrayForEach(o, objs) cJSON_AddItemToArray(arr, cJSON_CreateNumber(cJSON_GetObjectItem(o, "id")->valuedouble));
    cJSON_Delete(objs);
    return arr;
}

#define COLS(a) a, (int)(sizeof a / sizeof a[0])

static int add(cJSON *parent, const char *key, cJSON *item)
{
    if (!item) return 0;
    cJSON_AddItemToObject(parent, key, item);
    return 1;
}

/* For each object of arr, adds under `key` what sql gives for the object's `by`
 * field: rows of cols, or (cols NULL) a plain list of ids. */
static int nest(store *st, cJSON *arr, const char *by, const char *key, const char *sql, const jcol *cols, int ncols)
{
    int ok = 1;
    cJSON *o;
    cJSON_ArrayForEach(o, arr) {
        /* An id from the file went through a double: kept in range, never cast out of it. */
        double v = cJSON_GetObjectItem(o, by)->valuedouble;
        int64_t id = !(v == v) ? 0 : v >= 9.2233720368547758e18 ? INT64_MAX : v <= -9.2233720368547758e18 ? INT64_MIN : (int64_t)v;
        ok &= add(o, key, cols ? rows(st, sql, id, cols, ncols) : ids(st, sql, id));
    }
    return ok;
}

/* Splits a comma-separated column (goals.support) into an array of words. */
static void split_words(cJSON *goal, const char *key)
{
    cJSON *item = cJSON_GetObjectItem(goal, key);
    cJSON *arr = cJSON_CreateArray();
    if (cJSON_IsString(item)) {
        char buf[256];
        snprintf(buf, sizeof buf, "%s", item->valuestring);
        for (char *save = NULL, *w = strtok_r(buf, ",", &save); w; w = strtok_r(NULL, ",", &save))
            cJSON_AddItemToArray(arr, cJSON_CreateString(w));
    }
    cJSON_ReplaceItemInObject(goal, key, arr);
}

/* The unit of a column that carries its mark: {"group": id}, {"note": id} or null. */
static int mark(store *st, cJSON *dl, const char *key, int64_t meeting, const char *col)
{
    sqlite3_stmt *s;
    if (st_prepare(st, "SELECT 'group', id FROM groups WHERE meeting=?1 AND col=?2 AND mark=1"
                       " UNION ALL SELECT 'note', id FROM notes WHERE meeting=?1 AND board='drieluik' AND col=?2"
                       " AND mark=1 AND deleted=0 AND hung_at IS NOT NULL LIMIT 1", &s) != STORE_OK)
        return 0;
    sqlite3_bind_int64(s, 1, meeting);
    sqlite3_bind_text(s, 2, col, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        cJSON *o = cJSON_AddObjectToObject(dl, key);
        cJSON_AddNumberToObject(o, (const char *)sqlite3_column_text(s, 0), (double)sqlite3_column_int64(s, 1));
    } else if (rc == SQLITE_DONE) {
        cJSON_AddNullToObject(dl, key);
    } else st_fail(st, rc);
    sqlite3_finalize(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

store_status store_export_json(store *st, int64_t meeting, char **json)
{
    *json = NULL;
    cJSON *root = NULL;
    store_status r = store_export_tree(st, meeting, &root);
    if (r != STORE_OK) return r;
    *json = cJSON_Print(root);
    cJSON_Delete(root);
    return *json ? STORE_OK : STORE_EIO;
}

store_status store_export_tree(store *st, int64_t meeting, struct cJSON **out)
{
    *out = NULL;
    core_meeting m;
    store_status r = store_meeting(st, meeting, &m);
    if (r != STORE_OK) {
        if (r == STORE_ENOTFOUND) snprintf(st->err, sizeof st->err, "there is no meeting %lld", (long long)meeting);
        return r;
    }
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "schema_version", 1);
    cJSON *mo = cJSON_AddObjectToObject(root, "meeting");
    char iso[32];
    core_iso8601(m.created_at_ms, iso, sizeof iso);
    cJSON_AddNumberToObject(mo, "id", (double)m.id);
    cJSON_AddStringToObject(mo, "title", m.title);
    cJSON_AddStringToObject(mo, "template", m.template_id);
    cJSON_AddStringToObject(mo, "created_at", iso);
    cJSON_AddStringToObject(mo, "status", core_meeting_status_word(m.status));
    if (m.status == MEETING_FINISHED && m.finished_at_ms) {
        core_iso8601(m.finished_at_ms, iso, sizeof iso);
        cJSON_AddStringToObject(mo, "finished_at", iso);
    } else cJSON_AddNullToObject(mo, "finished_at");

    static const jcol participant[] = {{"id", J_ID}, {"name", J_TEXT}, {"role", J_TEXT},
                                       {"colour", J_COLOUR}, {"supports", J_REF}, {"present", J_BOOL}};
    static const jcol person[] = {{"id", J_ID}, {"name", J_TEXT}, {"relation", J_TEXT},
                                  {"sector", J_TEXT}, {"participant", J_REF}};
    static const jcol phase[] = {{"id", J_ID}, {"title", J_TEXT}, {"title_en", J_TEXT},
                                 {"planned_minutes", J_INT}, {"closed", J_BOOL},
                                 {"started_at", J_TIME}, {"ended_at", J_TIME}, {"board", J_TEXT}};
    static const jcol note[] = {{"id", J_ID}, {"column", J_TEXT}, {"prompt", J_TEXT}, {"author", J_REF},
                                {"text", J_TEXT}, {"ink", J_BOOL}, {"hung_at", J_TIME}, {"group", J_REF}};
    static const jcol group[] = {{"id", J_ID}, {"column", J_TEXT}, {"theme", J_TEXT}};
    static const jcol bodemeis[] = {{"id", J_ID}, {"text", J_TEXT}, {"by", J_REF}};
    static const jcol goal[] = {{"id", J_ID}, {"text", J_TEXT}, {"term", J_TEXT}, {"priority", J_TEXT},
                                {"needs_network", J_BOOL}, {"support", J_TEXT}, {"kind", J_TEXT},
                                {"imposed", J_BOOL}, {"owner", J_REF}, {"evaluation_date", J_TEXT}};
    static const jcol action[] = {{"id", J_ID}, {"what", J_TEXT}, {"who", J_REF}, {"from", J_TEXT},
                                  {"to", J_TEXT}, {"progress", J_TEXT}, {"next", J_TEXT},
                                  {"done", J_BOOL}};
    static const jcol decision[] = {{"id", J_ID}, {"what", J_TEXT}, {"due", J_TEXT},
                                    {"needs_professional_help", J_BOOL}, {"goal", J_REF}, {"final", J_BOOL}};
    static const jcol consent[] = {{"participant", J_ID}, {"answer", J_TEXT}, {"remark", J_TEXT}, {"at", J_TIME}};
    static const jcol vip[] = {{"child", J_ID}, {"shared", J_BOOL}};
    static const jcol vip_person[] = {{"person", J_ID}, {"contact", J_REF}, {"change", J_TEXT}, {"note", J_TEXT}};

    int ok = 1;
    ok &= add(root, "participants", rows(st, "SELECT id, name, role, colour, supports, present FROM participants"
                                             " WHERE meeting=?1 ORDER BY seq, id", meeting, COLS(participant)));
    ok &= add(root, "people", rows(st, "SELECT id, name, relation, sector, participant FROM people"
                                       " WHERE meeting=?1 ORDER BY id", meeting, COLS(person)));
    cJSON *phases = ok ? rows(st, "SELECT id, title_nl, title_en, planned_minutes, closed, started_at, ended_at,"
                                  " board FROM phases WHERE meeting=?1 ORDER BY seq", meeting, COLS(phase)) : NULL;
    ok &= add(root, "phases", phases);
    ok = ok && nest(st, phases, "id", "absent", "SELECT participant FROM phase_absent WHERE phase=?1 ORDER BY participant",
                    NULL, 0);

    cJSON *dl = cJSON_AddObjectToObject(root, "drieluik");
    sqlite3_stmt *s;
    if (ok && st_prepare(st, "SELECT drieluik_step, plan_version, plan_fixed_at FROM meetings WHERE id=?", &s) == STORE_OK) {
        sqlite3_bind_int64(s, 1, meeting);
        int step = 0, version = 0;
        cJSON *fixed_at = NULL;
        if (sqlite3_step(s) == SQLITE_ROW) {
            step = sqlite3_column_int(s, 0);
            version = sqlite3_column_int(s, 1);
            fixed_at = time_or_null(s, 2);
        }
        sqlite3_finalize(s);
        cJSON_AddNumberToObject(dl, "step", step);
        cJSON_AddNumberToObject(root, "plan_version", version);
        cJSON_AddItemToObject(root, "plan_fixed_at", fixed_at ? fixed_at : cJSON_CreateNull());
    } else ok = 0;
    /* What a person has not shared never leaves the device: a note still in its
     * writer's tray is not in the plan (DESIGN, Contracts). */
    ok &= add(dl, "notes", rows(st, "SELECT id, col, nullif(prompt,''), author, text, ink IS NOT NULL, hung_at, grp FROM notes"
                                    " WHERE meeting=?1 AND board='drieluik' AND deleted=0 AND hung_at IS NOT NULL ORDER BY id",
                                meeting, COLS(note)));
    ok &= add(dl, "groups", rows(st, "SELECT id, col, theme FROM groups WHERE meeting=?1 ORDER BY id", meeting, COLS(group)));
    ok = ok && mark(st, dl, "worst", meeting, "left") && mark(st, dl, "wish", meeting, "right");

    ok &= add(root, "bodemeisen", rows(st, "SELECT id, text, by FROM bodemeisen WHERE meeting=?1 ORDER BY id",
                                       meeting, COLS(bodemeis)));
    cJSON *goals = ok ? rows(st, "SELECT id, text, term, priority, needs_network, support, kind, imposed, owner,"
                                 " evaluation_date FROM goals WHERE meeting=?1 ORDER BY id", meeting, COLS(goal)) : NULL;
    ok &= add(root, "goals", goals);
    cJSON *g;
    cJSON_ArrayForEach(g, goals) split_words(g, "support");
    ok = ok && nest(st, goals, "id", "actions", "SELECT id, what, who, from_date, to_date, progress, next, done FROM actions"
                                                " WHERE goal=?1 ORDER BY id", COLS(action));
    /* Only what the family marked final: drafts stay in the closed room. */
    cJSON *decisions = ok ? rows(st, "SELECT id, what, due, needs_professional_help, goal, final FROM decisions"
                                     " WHERE meeting=?1 AND final=1 ORDER BY id", meeting, COLS(decision)) : NULL;
    ok &= add(root, "decisions", decisions);
    ok = ok && nest(st, decisions, "id", "who", "SELECT person FROM decision_who WHERE decision=?1 ORDER BY person",
                    NULL, 0);
    ok &= add(root, "actieteam", ids(st, "SELECT person FROM actieteam WHERE meeting=?1 ORDER BY person", meeting));
    ok &= add(root, "consent", rows(st, "SELECT participant, answer, remark, at FROM consents c WHERE meeting=?1"
                                        " AND plan_version=(SELECT plan_version FROM meetings WHERE id=c.meeting)"
                                        " ORDER BY participant", meeting, COLS(consent)));
    /* Nor a VIP-kaart whose child did not say "Mag in het plan". */
    cJSON *cards = ok ? rows(st, "SELECT child, max(shared) FROM vip_entries WHERE meeting=?1 GROUP BY child"
                                 " HAVING max(shared)=1 ORDER BY child", meeting, COLS(vip)) : NULL;
    ok &= add(root, "vip_cards", cards);
    ok = ok && nest(st, cards, "child", "people", "SELECT person, contact, change, note FROM vip_entries"
                                                  " WHERE child=?1 ORDER BY id", COLS(vip_person));

    if (!ok) {
        cJSON_Delete(root);
        return STORE_EIO;
    }
    *out = root;
    return STORE_OK;
}
