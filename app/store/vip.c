/* vip: a child's VIP-kaart in the file. Each pick, drop, face, wish and note is
 * one transaction; the store itself refuses an eleventh person. */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static store_status step(store *st, sqlite3_stmt *s)
{
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? STORE_OK : st_fail(st, rc);
}

store_status store_person_add(store *st, int64_t meeting, const char *name, core_relation rel, int64_t now_ms,
                              int64_t *id_out)
{
    char clean[CORE_TEXT_BYTES(CORE_NAME_MAX)];
    if (core_text_take(name, CORE_NAME_MAX, clean, sizeof clean) != CORE_OK) {
        snprintf(st->err, sizeof st->err, "a person needs a name (at most %d characters)", CORE_NAME_MAX);
        return STORE_EINVAL;
    }
    store_status r = st_begin(st);
    if (r != STORE_OK) return r;
    sqlite3_stmt *s;
    if ((r = st_prepare(st, "INSERT INTO people(meeting, name, relation, sector, id) VALUES(?,?,?,?,?)", &s)) != STORE_OK)
        return st_rollback(st, r);
    sqlite3_bind_int64(s, 1, meeting);
    sqlite3_bind_text(s, 2, clean, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, core_relation_word(rel), -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, core_sector_word(core_relation_sector(rel)), -1, SQLITE_STATIC);
    st_bind_new_id(st, s, 5);
    r = step(st, s);
    int64_t id = r == STORE_OK ? st_new_row(st) : 0;
    r = st_finish(st, r, meeting, "person_add", id, now_ms);
    if (r == STORE_OK && id_out) *id_out = id;
    return r;
}

static void read_entry(sqlite3_stmt *s, core_vip_entry *e)
{
    memset(e, 0, sizeof *e);
    e->person = sqlite3_column_int64(s, 0);
    st_text(s, 1, e->name, sizeof e->name);
    st_text(s, 2, e->relation, sizeof e->relation);
    e->contact = sqlite3_column_int(s, 3);
    e->change = core_vip_change_parse((const char *)sqlite3_column_text(s, 4));
    st_text(s, 5, e->note, sizeof e->note);
    int len = sqlite3_column_bytes(s, 6);
    if (len > 0 && (e->ink = malloc((size_t)len))) {
        memcpy(e->ink, sqlite3_column_blob(s, 6), (size_t)len);
        e->ink_len = (size_t)len;
    }
}

static store_status entries(store *st, const char *sql, int64_t bind, core_vip_entry *out, int cap, int *n)
{
    sqlite3_stmt *s;
    *n = 0;
    store_status r = st_prepare(st, sql, &s);
    if (r != STORE_OK) return r;
    sqlite3_bind_int64(s, 1, bind);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < cap) read_entry(s, &out[(*n)++]);
    sqlite3_finalize(s);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) return STORE_OK;
    core_vip_free(out, *n);
    *n = 0;
    return st_fail(st, rc);
}

#define ENTRY_COLS "SELECT v.person, p.name, p.relation, coalesce(v.contact,0), coalesce(v.change,''), v.note, v.ink" \
                   " FROM vip_entries v JOIN people p ON p.id = v.person "

store_status store_vip_card(store *st, int64_t child, core_vip_entry *out, int cap, int *n)
{
    return entries(st, ENTRY_COLS "WHERE v.child=?1 ORDER BY v.picked_at, v.id", child, out, cap, n);
}

store_status store_vip_pick(store *st, int64_t meeting, int64_t child, int64_t person, int64_t now_ms)
{
    store_status r = st_begin(st);
    if (r != STORE_OK) return r;
    sqlite3_stmt *s;
    int count = 0;
    if ((r = st_prepare(st, "SELECT count(*) FROM vip_entries WHERE child=?", &s)) != STORE_OK) return st_rollback(st, r);
    sqlite3_bind_int64(s, 1, child);
    if (sqlite3_step(s) == SQLITE_ROW) count = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    if (count >= CORE_VIP_MAX) { /* the card never holds eleven */
        snprintf(st->err, sizeof st->err, "ten people are on the card already");
        return st_rollback(st, STORE_EFULL);
    }
    if ((r = st_prepare(st, "INSERT OR IGNORE INTO vip_entries(meeting, child, person, picked_at) VALUES(?,?,?,?)", &s)) != STORE_OK)
        return st_rollback(st, r);
    sqlite3_bind_int64(s, 1, meeting);
    sqlite3_bind_int64(s, 2, child);
    sqlite3_bind_int64(s, 3, person);
    sqlite3_bind_int64(s, 4, now_ms);
    r = step(st, s);
    return st_finish(st, r, meeting, "vip_pick", person, now_ms);
}

store_status store_vip_drop(store *st, int64_t child, int64_t person, int64_t now_ms)
{
    store_status r = st_begin(st);
    if (r != STORE_OK) return r;
    int64_t a[2] = {child, person};
    r = st_run(st, "DELETE FROM vip_entries WHERE child=?1 AND person=?2", 2, a, NULL);
    return st_finish(st, r, 0, "vip_drop", person, now_ms);
}

store_status store_vip_set(store *st, int64_t child, int64_t person, int contact, core_vip_change change,
                           const char *note, const unsigned char *ink, size_t ink_len, int64_t now_ms)
{
    char clean[CORE_TEXT_BYTES(CORE_NOTE_MAX)];
    if (contact < 0 || contact > CORE_VIP_FACES ||
        core_text_take(note ? note : "", CORE_NOTE_MAX, clean, sizeof clean) == CORE_ETOOLONG)
        return STORE_EINVAL;
    store_status r = st_begin(st);
    if (r != STORE_OK) return r;
    sqlite3_stmt *s;
    if ((r = st_prepare(st, "UPDATE vip_entries SET contact=nullif(?1,0), change=nullif(?2,''), note=?3, ink=?4"
                            " WHERE child=?5 AND person=?6", &s)) != STORE_OK)
        return st_rollback(st, r);
    sqlite3_bind_int(s, 1, contact);
    sqlite3_bind_text(s, 2, core_vip_change_word(change), -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, clean, -1, SQLITE_STATIC);
    if (ink_len) sqlite3_bind_blob(s, 4, ink, (int)ink_len, SQLITE_STATIC);
    sqlite3_bind_int64(s, 5, child);
    sqlite3_bind_int64(s, 6, person);
    r = step(st, s);
    if (r == STORE_OK && sqlite3_changes(st->db) == 0) r = STORE_ENOTFOUND;
    return st_finish(st, r, 0, "vip_set", person, now_ms);
}

store_status store_vip_share(store *st, int64_t child, int shared, int64_t now_ms)
{
    store_status r = st_begin(st);
    if (r != STORE_OK) return r;
    int64_t a[2] = {shared ? 1 : 0, child};
    r = st_run(st, "UPDATE vip_entries SET shared=?1 WHERE child=?2", 2, a, NULL);
    return st_finish(st, r, 0, "vip_share", child, now_ms);
}

store_status store_vip_shared(store *st, int64_t child, int *shared)
{
    sqlite3_stmt *s;
    *shared = 0;
    store_status r = st_prepare(st, "SELECT coalesce(max(shared),0) FROM vip_entries WHERE child=?", &s);
    if (r != STORE_OK) return r;
    sqlite3_bind_int64(s, 1, child);
    if (sqlite3_step(s) == SQLITE_ROW) *shared = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return STORE_OK;
}

/* The latest earlier meeting with a card for a child of this name. */
static int64_t previous_child(store *st, int64_t meeting, const char *child_name, int64_t *prev_meeting)
{
    sqlite3_stmt *s;
    int64_t child = 0;
    *prev_meeting = 0;
    if (st_prepare(st, "SELECT p.id, p.meeting FROM participants p JOIN meetings m ON m.id = p.meeting"
                       " WHERE p.role='kind' AND p.name=?1 AND p.meeting<>?2"
                       " AND m.created_at <= (SELECT created_at FROM meetings WHERE id=?2)"
                       " AND EXISTS(SELECT 1 FROM vip_entries v WHERE v.child=p.id)"
                       " ORDER BY m.created_at DESC, m.id DESC LIMIT 1", &s) != STORE_OK)
        return 0;
    sqlite3_bind_text(s, 1, child_name, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, meeting);
    if (sqlite3_step(s) == SQLITE_ROW) {
        child = sqlite3_column_int64(s, 0);
        *prev_meeting = sqlite3_column_int64(s, 1);
    }
    sqlite3_finalize(s);
    return child;
}

store_status store_vip_previous(store *st, int64_t meeting, const char *child_name, core_vip_entry *out, int cap, int *n,
                                int64_t *meeting_out)
{
    *n = 0;
    int64_t child = previous_child(st, meeting, child_name, meeting_out);
    if (!child) return STORE_OK;
    return store_vip_card(st, child, out, cap, n);
}

/* A prepared statement run once and kept for the next row (step() finalizes). */
static store_status step_again(store *st, sqlite3_stmt *s)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? STORE_OK : st_fail(st, rc);
}

/* The sector a person with this relation (or role) word starts in. */
static const char *sector_of(const char *relation)
{
    for (int r = 0; r < REL_COUNT; r++)
        if (!strcmp(relation, core_relation_word((core_relation)r))) return core_sector_word(core_relation_sector((core_relation)r));
    core_role role;
    if (core_role_parse(relation, &role) == CORE_OK) return core_sector_word(core_role_sector(role));
    return core_sector_word(SECTOR_FAMILIE);
}

store_status store_vip_copy_entries(store *st, int64_t meeting, int64_t child, const core_vip_entry *e, int n, int64_t now_ms)
{
    if (n < 1 || n > CORE_VIP_MAX) return STORE_EINVAL;
    store_status r = st_begin(st);
    if (r != STORE_OK) return r;
    sqlite3_stmt *find = NULL, *add = NULL, *put = NULL;
    if ((r = st_prepare(st, "SELECT min(id) FROM people WHERE meeting=?1 AND name=?2", &find)) != STORE_OK ||
        (r = st_prepare(st, "INSERT INTO people(meeting, name, relation, sector, id) VALUES(?,?,?,?,?)", &add)) != STORE_OK ||
        (r = st_prepare(st, "INSERT OR IGNORE INTO vip_entries(meeting, child, person, contact, change, note, ink, picked_at)"
                            " VALUES(?1, ?2, ?3, nullif(?4,0), nullif(?5,''), ?6, ?7, ?8)", &put)) != STORE_OK)
        goto out;
    for (int i = 0; i < n && r == STORE_OK; i++) {
        char name[CORE_TEXT_BYTES(CORE_NAME_MAX)], note[CORE_TEXT_BYTES(CORE_NOTE_MAX)];
        if (core_text_take(e[i].name, CORE_NAME_MAX, name, sizeof name) != CORE_OK) continue; /* a nameless one is nobody */
        core_utf8_clean(e[i].note, strlen(e[i].note), note, sizeof note);
        /* The same person by name in this network, else added to it. */
        sqlite3_bind_int64(find, 1, meeting);
        sqlite3_bind_text(find, 2, name, -1, SQLITE_STATIC);
        int64_t person = sqlite3_step(find) == SQLITE_ROW ? sqlite3_column_int64(find, 0) : 0;
        sqlite3_reset(find);
        if (!person) {
            sqlite3_bind_int64(add, 1, meeting);
            sqlite3_bind_text(add, 2, name, -1, SQLITE_STATIC);
            sqlite3_bind_text(add, 3, e[i].relation, -1, SQLITE_STATIC);
            sqlite3_bind_text(add, 4, sector_of(e[i].relation), -1, SQLITE_STATIC);
            st_bind_new_id(st, add, 5);
            if ((r = step_again(st, add)) != STORE_OK) break;
            person = st_new_row(st);
        }
        sqlite3_bind_int64(put, 1, meeting);
        sqlite3_bind_int64(put, 2, child);
        sqlite3_bind_int64(put, 3, person);
        sqlite3_bind_int(put, 4, e[i].contact >= 1 && e[i].contact <= CORE_VIP_FACES ? e[i].contact : 0);
        sqlite3_bind_text(put, 5, core_vip_change_word(e[i].change), -1, SQLITE_STATIC);
        sqlite3_bind_text(put, 6, note, -1, SQLITE_STATIC);
        if (e[i].ink_len) sqlite3_bind_blob(put, 7, e[i].ink, (int)e[i].ink_len, SQLITE_STATIC);
        else sqlite3_bind_null(put, 7);
        sqlite3_bind_int64(put, 8, now_ms);
        r = step_again(st, put);
    }
out:
    sqlite3_finalize(find);
    sqlite3_finalize(add);
    sqlite3_finalize(put);
    return st_finish(st, r, meeting, "vip_from_last", child, now_ms);
}

store_status store_vip_copy_previous(store *st, int64_t meeting, int64_t child, const char *child_name, int64_t now_ms)
{
    core_vip_entry prev[CORE_VIP_MAX];
    int n = 0;
    int64_t prev_meeting = 0;
    store_status r = store_vip_previous(st, meeting, child_name, prev, CORE_VIP_MAX, &n, &prev_meeting);
    if (r == STORE_OK && n == 0) r = STORE_ENOTFOUND;
    if (r == STORE_OK) r = store_vip_copy_entries(st, meeting, child, prev, n, now_ms);
    core_vip_free(prev, n);
    return r;
}
