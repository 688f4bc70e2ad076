/* goals: the goals board in the file. A goal is written whole with its actions in
 * one transaction, so an action on the board and its undo are each one commit. */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

static store_status read_actions(store *st, core_goal *g)
{
    sqlite3_stmt *s;
    g->nactions = 0;
    store_status r = st_prepare(st, "SELECT id, what, coalesce(who,0), coalesce(from_date,''), coalesce(to_date,''),"
                                    " progress, next, done FROM actions WHERE goal=? ORDER BY id", &s);
    if (r != STORE_OK) return r;
    sqlite3_bind_int64(s, 1, g->id);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && g->nactions < CORE_ACTIONS_MAX) {
        core_action *a = &g->actions[g->nactions++];
        memset(a, 0, sizeof *a);
        a->id = sqlite3_column_int64(s, 0);
        st_text(s, 1, a->what, sizeof a->what);
        a->who = sqlite3_column_int64(s, 2);
        st_text(s, 3, a->from, sizeof a->from);
        st_text(s, 4, a->to, sizeof a->to);
        st_text(s, 5, a->progress, sizeof a->progress);
        st_text(s, 6, a->next, sizeof a->next);
        a->done = sqlite3_column_int(s, 7);
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? STORE_OK : st_fail(st, rc);
}

/* The meeting's goals, or (id not 0) that one. */
static store_status read_goals(store *st, int64_t meeting, int64_t id, core_goal *out, int cap, int *n)
{
    sqlite3_stmt *s;
    *n = 0;
    store_status r = st_prepare(st, "SELECT id, text, x, y, needs_network, support, kind, imposed, coalesce(owner,0),"
                                    " coalesce(evaluation_date,'') FROM goals WHERE meeting=?1 AND (?2=0 OR id=?2)"
                                    " ORDER BY id", &s);
    if (r != STORE_OK) return r;
    sqlite3_bind_int64(s, 1, meeting);
    sqlite3_bind_int64(s, 2, id);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < cap) {
        core_goal *g = &out[(*n)++];
        memset(g, 0, sizeof *g);
        g->id = sqlite3_column_int64(s, 0);
        st_text(s, 1, g->text, sizeof g->text);
        g->x = st_real(s, 2, 0, 1); /* a place on the field: 0..1 both ways */
        g->y = st_real(s, 3, 0, 1);
        g->needs_network = sqlite3_column_int(s, 4);
        char word[128];
        st_text(s, 5, word, sizeof word);
        g->support = core_support_parse(word);
        st_text(s, 6, word, sizeof word);
        g->precondition = !strcmp(word, "voorwaardelijk");
        g->imposed = sqlite3_column_int(s, 7);
        g->owner = sqlite3_column_int64(s, 8);
        st_text(s, 9, g->evaluation, sizeof g->evaluation);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return st_fail(st, rc);
    for (int i = 0; i < *n && r == STORE_OK; i++) r = read_actions(st, &out[i]);
    return r;
}

store_status store_goals(store *st, int64_t meeting, core_goal *out, int cap, int *n)
{
    return read_goals(st, meeting, 0, out, cap, n);
}

store_status store_goal(store *st, int64_t meeting, int64_t id, core_goal *out)
{
    int n = 0;
    store_status r = id ? read_goals(st, meeting, id, out, 1, &n) : STORE_ENOTFOUND;
    return r == STORE_OK && n == 0 ? STORE_ENOTFOUND : r;
}

store_status store_goal_put(store *st, int64_t meeting, core_goal *g, int64_t now_ms)
{
    char text[CORE_TEXT_BYTES(CORE_LONG_MAX)], support[128];
    if (core_text_take(g->text, CORE_LONG_MAX, text, sizeof text) != CORE_OK) {
        snprintf(st->err, sizeof st->err, "a goal needs words (at most %d characters)", CORE_LONG_MAX);
        return STORE_EINVAL;
    }
    if (g->x < 0) g->x = 0;
    if (g->x > 1) g->x = 1;
    if (g->y < 0) g->y = 0;
    if (g->y > 1) g->y = 1;
    core_support_text(g->needs_network ? g->support : 0, support, sizeof support);
    store_status r = st_begin(st);
    if (r != STORE_OK) return r;
    sqlite3_stmt *s;
    if ((r = st_prepare(st, "INSERT INTO goals(id, meeting, text, term, priority, needs_network, support, kind, imposed,"
                            " owner, evaluation_date, x, y, created_at) VALUES(nullif(?1,0),?2,?3,?4,?5,?6,?7,?8,?9,"
                            " nullif(?10,0), nullif(?11,''), ?12, ?13, ?14)"
                            " ON CONFLICT(id) DO UPDATE SET text=?3, term=?4, priority=?5, needs_network=?6, support=?7,"
                            " kind=?8, imposed=?9, owner=nullif(?10,0), evaluation_date=nullif(?11,''), x=?12, y=?13"
                            " WHERE meeting=?2", &s)) != STORE_OK)
        return st_rollback(st, r);
    if (g->id) sqlite3_bind_int64(s, 1, g->id);
    else st_bind_new_id(st, s, 1);
    sqlite3_bind_int64(s, 2, meeting);
    sqlite3_bind_text(s, 3, text, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, core_term_word(core_goal_term(g)), -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, core_priority_word(core_goal_priority(g)), -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 6, g->needs_network ? 1 : 0);
    sqlite3_bind_text(s, 7, support, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 8, g->precondition ? "voorwaardelijk" : "vooruitzicht", -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 9, g->imposed ? 1 : 0);
    sqlite3_bind_int64(s, 10, g->owner);
    sqlite3_bind_text(s, 11, g->evaluation, -1, SQLITE_STATIC);
    sqlite3_bind_double(s, 12, g->x);
    sqlite3_bind_double(s, 13, g->y);
    sqlite3_bind_int64(s, 14, now_ms);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) return st_rollback(st, st_fail(st, rc));
    int64_t id = g->id ? g->id : st_new_row(st);
    /* The actions, whole: the ones the goal no longer has go. */
    if ((r = st_prepare(st, "DELETE FROM actions WHERE goal=?", &s)) == STORE_OK) {
        sqlite3_bind_int64(s, 1, id);
        rc = sqlite3_step(s);
        sqlite3_finalize(s);
        if (rc != SQLITE_DONE) r = st_fail(st, rc);
    }
    for (int i = 0; i < g->nactions && r == STORE_OK; i++) {
        core_action *a = &g->actions[i];
        char what[CORE_TEXT_BYTES(CORE_NOTE_MAX)];
        core_text_take(a->what, CORE_NOTE_MAX, what, sizeof what);
        if ((r = st_prepare(st, "INSERT INTO actions(id, goal, what, who, from_date, to_date, progress, next, done)"
                                " VALUES(nullif(?1,0),?2,?3,nullif(?4,0),nullif(?5,''),nullif(?6,''),?7,?8,?9)", &s)) != STORE_OK)
            break;
        if (a->id) sqlite3_bind_int64(s, 1, a->id);
        else st_bind_new_id(st, s, 1);
        sqlite3_bind_int64(s, 2, id);
        sqlite3_bind_text(s, 3, what, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 4, a->who);
        sqlite3_bind_text(s, 5, a->from, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 6, a->to, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 7, a->progress, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 8, a->next, -1, SQLITE_STATIC);
        sqlite3_bind_int(s, 9, a->done ? 1 : 0);
        rc = sqlite3_step(s);
        sqlite3_finalize(s);
        if (rc != SQLITE_DONE) r = st_fail(st, rc);
        else if (!a->id) a->id = st_new_row(st);
    }
    r = st_finish(st, r, meeting, g->id ? "goal_change" : "goal_add", id, now_ms);
    if (r == STORE_OK) g->id = id;
    return r;
}

store_status store_goal_delete(store *st, int64_t meeting, int64_t goal, int64_t now_ms)
{
    store_status r = st_begin(st);
    if (r != STORE_OK) return r;
    int64_t a[2] = {goal, meeting};
    r = st_run(st, "DELETE FROM goals WHERE id=?1 AND meeting=?2", 2, a, NULL);
    return st_finish(st, r, meeting, "goal_delete", goal, now_ms);
}
