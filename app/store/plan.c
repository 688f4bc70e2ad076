/* plan: the family's plan in the file. Bottom lines, decisions (drafts stay in the
 * closed room), the actieteam, and consent; the plan is fixed when everyone present
 * has answered, kept whole per version, and a later change makes a new version. */
#include "store_int.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A list of int64 from a one-column query with ?1 bound. */
static store_status ids_of(store *st, const char *sql, int64_t bind, int64_t *out, int cap, int *n)
{
    sqlite3_stmt *s;
    *n = 0;
    store_status r = st_prepare(st, sql, &s);
    if (r != STORE_OK) return r;
    sqlite3_bind_int64(s, 1, bind);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < cap) out[(*n)++] = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? STORE_OK : st_fail(st, rc);
}

/* Rows of (id, text, reference) into structs of any layout: where each sits. */
typedef struct {
    size_t stride, id, text, text_cap, ref;
    size_t word, word_cap; /* a fourth column of text, when word_cap is not 0 */
} row_shape;

static store_status id_text_ref(store *st, const char *sql, int64_t meeting, void *out, int cap, int *n, row_shape sh)
{
    sqlite3_stmt *s;
    *n = 0;
    store_status r = st_prepare(st, sql, &s);
    if (r != STORE_OK) return r;
    sqlite3_bind_int64(s, 1, meeting);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < cap) {
        char *row = (char *)out + (size_t)(*n)++ * sh.stride;
        int64_t id = sqlite3_column_int64(s, 0), ref = sqlite3_column_int64(s, 2);
        memcpy(row + sh.id, &id, sizeof id);
        st_text(s, 1, row + sh.text, sh.text_cap);
        memcpy(row + sh.ref, &ref, sizeof ref);
        if (sh.word_cap) st_text(s, 3, row + sh.word, sh.word_cap);
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? STORE_OK : st_fail(st, rc);
}

store_status store_people(store *st, int64_t meeting, core_person *out, int cap, int *n)
{
    const row_shape sh = {sizeof *out, offsetof(core_person, id), offsetof(core_person, name), sizeof out->name,
                          offsetof(core_person, participant), offsetof(core_person, relation), sizeof out->relation};
    return id_text_ref(st, "SELECT id, name, coalesce(participant,0), relation FROM people WHERE meeting=?1 ORDER BY id",
                       meeting, out, cap, n, sh);
}

store_status store_absent(store *st, int64_t phase, int64_t *out, int cap, int *n)
{
    return ids_of(st, "SELECT participant FROM phase_absent WHERE phase=?1 ORDER BY participant", phase, out, cap, n);
}

store_status store_bodemeis_add(store *st, int64_t meeting, const char *text, int64_t by, int64_t now_ms)
{
    char clean[CORE_TEXT_BYTES(CORE_LONG_MAX)];
    if (core_text_take(text, CORE_LONG_MAX, clean, sizeof clean) != CORE_OK) {
        snprintf(st->err, sizeof st->err, "a bottom line needs words (at most %d characters)", CORE_LONG_MAX);
        return STORE_EINVAL;
    }
    store_status r = st_begin(st);
    if (r != STORE_OK) return r;
    int64_t a[3] = {meeting, by, st->iwant < st->nwant ? st->want[st->iwant++] : 0};
    r = st_run(st, "INSERT INTO bodemeisen(meeting, by, id, text) VALUES(?1, nullif(?2,0), nullif(?3,0), ?4)", 3, a, clean);
    return st_finish(st, r, meeting, "bodemeis_add", r == STORE_OK ? st_new_row(st) : 0, now_ms);
}

store_status store_bodemeis_delete(store *st, int64_t meeting, int64_t id, int64_t now_ms)
{
    store_status r = st_begin(st);
    if (r != STORE_OK) return r;
    int64_t a[2] = {id, meeting};
    r = st_run(st, "DELETE FROM bodemeisen WHERE id=?1 AND meeting=?2", 2, a, NULL);
    return st_finish(st, r, meeting, "bodemeis_delete", id, now_ms);
}

store_status store_bodemeisen(store *st, int64_t meeting, core_bodemeis *out, int cap, int *n)
{
    const row_shape sh = {sizeof *out, offsetof(core_bodemeis, id), offsetof(core_bodemeis, text), sizeof out->text,
                          offsetof(core_bodemeis, by), 0, 0};
    return id_text_ref(st, "SELECT id, text, coalesce(by,0) FROM bodemeisen WHERE meeting=?1 ORDER BY id", meeting,
                       out, cap, n, sh);
}

store_status store_plan(store *st, int64_t meeting, int *version, int64_t *fixed_at)
{
    sqlite3_stmt *s;
    store_status r = st_prepare(st, "SELECT plan_version, coalesce(plan_fixed_at,0) FROM meetings WHERE id=?", &s);
    if (r != STORE_OK) return r;
    sqlite3_bind_int64(s, 1, meeting);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *version = sqlite3_column_int(s, 0);
        *fixed_at = sqlite3_column_int64(s, 1);
    }
    sqlite3_finalize(s);
    return rc == SQLITE_ROW ? STORE_OK : rc == SQLITE_DONE ? STORE_ENOTFOUND : st_fail(st, rc);
}

static int fixed(store *st, int64_t meeting)
{
    int v = 0;
    int64_t at = 0;
    return store_plan(st, meeting, &v, &at) == STORE_OK && at != 0;
}

/* Begins an action that changes the plan: refused once the plan is fixed (a new
 * version comes first). */
static store_status begin_unfixed(store *st, int64_t meeting)
{
    if (fixed(st, meeting)) {
        snprintf(st->err, sizeof st->err, "the plan is fixed: make a new version first");
        return STORE_EINVAL;
    }
    return st_begin(st);
}

store_status store_decision_save(store *st, int64_t meeting, core_decision *d, int64_t now_ms)
{
    char what[CORE_TEXT_BYTES(CORE_LONG_MAX)];
    const char *why;
    if (core_text_take(d->what, CORE_LONG_MAX, what, sizeof what) == CORE_ETOOLONG ||
        (d->final && core_decision_check_final(d, &why) != CORE_OK)) {
        snprintf(st->err, sizeof st->err, "a final decision needs a what and a who");
        return STORE_EINVAL;
    }
    store_status r = begin_unfixed(st, meeting);
    if (r != STORE_OK) return r;
    sqlite3_stmt *s;
    if (d->id) r = st_prepare(st, "UPDATE decisions SET what=?1, due=nullif(?2,''), needs_professional_help=?3,"
                                  " goal=nullif(?4,0), final=?5 WHERE id=?6 AND meeting=?7", &s);
    else r = st_prepare(st, "INSERT INTO decisions(what, due, needs_professional_help, goal, final, created_at, meeting, id)"
                            " VALUES(?1, nullif(?2,''), ?3, nullif(?4,0), ?5, ?6, ?7, ?8)", &s);
    if (r != STORE_OK) return st_rollback(st, r);
    sqlite3_bind_text(s, 1, what, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, d->due, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 3, d->needs_help ? 1 : 0);
    sqlite3_bind_int64(s, 4, d->goal);
    sqlite3_bind_int(s, 5, d->final ? 1 : 0);
    sqlite3_bind_int64(s, 6, d->id ? d->id : now_ms);
    sqlite3_bind_int64(s, 7, meeting);
    if (!d->id) st_bind_new_id(st, s, 8);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) return st_rollback(st, st_fail(st, rc));
    if (d->id && sqlite3_changes(st->db) == 0) return st_rollback(st, STORE_ENOTFOUND);
    int64_t id = d->id ? d->id : st_new_row(st);
    int64_t a[2] = {id, 0};
    r = st_run(st, "DELETE FROM decision_who WHERE decision=?1", 1, a, NULL);
    for (int i = 0; i < d->nwho && i < CORE_WHO_MAX && r == STORE_OK; i++) {
        a[1] = d->who[i];
        r = st_run(st, "INSERT OR IGNORE INTO decision_who(decision, person) VALUES(?1, ?2)", 2, a, NULL);
    }
    r = st_finish(st, r, meeting, d->final ? "decision_final" : "decision_draft", id, now_ms);
    if (r == STORE_OK) d->id = id;
    return r;
}

store_status store_decision_delete(store *st, int64_t meeting, int64_t id, int64_t now_ms)
{
    store_status r = begin_unfixed(st, meeting);
    if (r != STORE_OK) return r;
    int64_t a[2] = {id, meeting};
    r = st_run(st, "DELETE FROM decisions WHERE id=?1 AND meeting=?2", 2, a, NULL);
    return st_finish(st, r, meeting, "decision_delete", id, now_ms);
}

store_status store_decisions(store *st, int64_t meeting, core_decision *out, int cap, int *n)
{
    sqlite3_stmt *s;
    *n = 0;
    store_status r = st_prepare(st, "SELECT id, what, coalesce(due,''), needs_professional_help, coalesce(goal,0), final"
                                    " FROM decisions WHERE meeting=? ORDER BY id", &s);
    if (r != STORE_OK) return r;
    sqlite3_bind_int64(s, 1, meeting);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < cap) {
        core_decision *d = &out[(*n)++];
        memset(d, 0, sizeof *d);
        d->id = sqlite3_column_int64(s, 0);
        st_text(s, 1, d->what, sizeof d->what);
        st_text(s, 2, d->due, sizeof d->due);
        d->needs_help = sqlite3_column_int(s, 3);
        d->goal = sqlite3_column_int64(s, 4);
        d->final = sqlite3_column_int(s, 5);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return st_fail(st, rc);
    for (int i = 0; i < *n && r == STORE_OK; i++)
        r = ids_of(st, "SELECT person FROM decision_who WHERE decision=?1 ORDER BY person", out[i].id, out[i].who,
                   CORE_WHO_MAX, &out[i].nwho);
    return r;
}

store_status store_actieteam_set(store *st, int64_t meeting, int64_t person, int on, int64_t now_ms)
{
    store_status r = st_begin(st);
    if (r != STORE_OK) return r;
    int64_t a[2] = {meeting, person};
    r = st_run(st, on ? "INSERT OR IGNORE INTO actieteam(meeting, person) VALUES(?1, ?2)"
                   : "DELETE FROM actieteam WHERE meeting=?1 AND person=?2", 2, a, NULL);
    return st_finish(st, r, meeting, on ? "actieteam_add" : "actieteam_remove", person, now_ms);
}

store_status store_actieteam(store *st, int64_t meeting, int64_t *out, int cap, int *n)
{
    return ids_of(st, "SELECT person FROM actieteam WHERE meeting=?1 ORDER BY person", meeting, out, cap, n);
}

store_status store_consents(store *st, int64_t meeting, int64_t *ids, core_consent *out, int cap, int *n)
{
    sqlite3_stmt *s;
    *n = 0;
    store_status r = st_prepare(st, "SELECT participant, answer FROM consents c WHERE meeting=?1"
                                    " AND plan_version=(SELECT plan_version FROM meetings WHERE id=?1) ORDER BY at", &s);
    if (r != STORE_OK) return r;
    sqlite3_bind_int64(s, 1, meeting);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < cap) {
        const char *a = (const char *)sqlite3_column_text(s, 1);
        ids[*n] = sqlite3_column_int64(s, 0);
        out[(*n)++] = a && !strcmp(a, "akkoord") ? CONSENT_AKKOORD : a && !strcmp(a, "voorbehoud") ? CONSENT_VOORBEHOUD
                                                                                                   : CONSENT_NIET;
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? STORE_OK : st_fail(st, rc);
}

store_status store_consent_set(store *st, int64_t meeting, int64_t participant, core_consent c, const char *remark,
                               int64_t now_ms)
{
    char clean[CORE_TEXT_BYTES(CORE_LONG_MAX)];
    if (c < CONSENT_AKKOORD || c > CONSENT_NIET) return STORE_EINVAL;
    if (core_text_take(remark ? remark : "", CORE_LONG_MAX, clean, sizeof clean) == CORE_ETOOLONG) return STORE_EINVAL;
    if (c == CONSENT_VOORBEHOUD && !clean[0]) {
        snprintf(st->err, sizeof st->err, "agreeing with a reservation needs the reservation");
        return STORE_EINVAL;
    }
    store_status r = begin_unfixed(st, meeting);
    if (r != STORE_OK) return r;
    int64_t a[3] = {meeting, participant, now_ms};
    r = st_run(st, "DELETE FROM consents WHERE meeting=?1 AND participant=?2"
                " AND plan_version=(SELECT plan_version FROM meetings WHERE id=?1)", 2, a, NULL);
    if (r == STORE_OK) {
        sqlite3_stmt *s;
        r = st_prepare(st, "INSERT INTO consents(meeting, participant, answer, remark, at, plan_version)"
                           " SELECT ?1, ?2, ?3, ?4, ?5, plan_version FROM meetings WHERE id=?1", &s);
        if (r == STORE_OK) {
            sqlite3_bind_int64(s, 1, meeting);
            sqlite3_bind_int64(s, 2, participant);
            sqlite3_bind_text(s, 3, core_consent_word(c), -1, SQLITE_STATIC);
            sqlite3_bind_text(s, 4, clean, -1, SQLITE_STATIC);
            sqlite3_bind_int64(s, 5, now_ms);
            int rc = sqlite3_step(s);
            sqlite3_finalize(s);
            if (rc != SQLITE_DONE) r = st_fail(st, rc);
        }
    }
    /* Everyone present has answered: the plan is fixed, and kept whole as this version. */
    int64_t missing = -1;
    if (r == STORE_OK) {
        int64_t m[1];
        int n = 0;
        r = ids_of(st, "SELECT count(*) FROM participants p WHERE p.meeting=?1 AND p.present=1"
                       " AND NOT EXISTS(SELECT 1 FROM consents c WHERE c.meeting=?1 AND c.participant=p.id"
                       " AND c.plan_version=(SELECT plan_version FROM meetings WHERE id=?1))", meeting, m, 1, &n);
        missing = n ? m[0] : -1;
    }
    if (r == STORE_OK && missing == 0) {
        char *json = NULL;
        r = st_run(st, "UPDATE meetings SET plan_fixed_at=?3 WHERE id=?1", 3, a, NULL);
        if (r == STORE_OK) r = store_export_json(st, meeting, &json);
        if (r == STORE_OK)
            r = st_run(st, "INSERT OR REPLACE INTO plan_versions(meeting, version, fixed_at, plan)"
                        " SELECT ?1, plan_version, ?3, ?4 FROM meetings WHERE id=?1", 3, a, json);
        free(json);
        if (r == STORE_OK) r = st_journal(st, meeting, "plan_fixed", 0, now_ms);
    }
    return st_finish(st, r, meeting, "consent", participant, now_ms);
}

store_status store_plan_new_version(store *st, int64_t meeting, int64_t now_ms)
{
    store_status r = st_begin(st);
    if (r != STORE_OK) return r;
    int64_t a[1] = {meeting};
    r = st_run(st, "UPDATE meetings SET plan_version=plan_version+1, plan_fixed_at=NULL WHERE id=?1 AND plan_fixed_at IS NOT NULL",
            1, a, NULL);
    if (r == STORE_OK && sqlite3_changes(st->db) == 0) r = STORE_ENOTFOUND; /* not fixed: nothing to version */
    return st_finish(st, r, meeting, "plan_new_version", 0, now_ms);
}
