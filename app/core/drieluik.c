/* drieluik: the rules of the Drieluik (seed §2.6) on plain arrays. The screen
 * keeps the board; every action here is followed by a diff the store commits, and
 * the same diff is what undo and redo play back. */
#include "core.h"
#include "../config.h"

#include <stdio.h>
#include <string.h>

static const char *const col_words[DL_COLS] = {"left", "middle", "right"};
static const char *const prompt_words[DL_PROMPTS] = {"wie", "vragen", "informatie", "waar"};

const char *core_dl_col_word(int col) { return col >= 0 && col < DL_COLS ? col_words[col] : "left"; }

int core_dl_col_parse(const char *word)
{
    for (int i = 0; i < DL_COLS; i++)
        if (word && !strcmp(word, col_words[i])) return i;
    return -1;
}

const char *core_dl_prompt_word(int prompt) { return prompt >= 0 && prompt < DL_PROMPTS ? prompt_words[prompt] : ""; }

int core_dl_prompt_parse(const char *word)
{
    for (int i = 0; i < DL_PROMPTS; i++)
        if (word && !strcmp(word, prompt_words[i])) return i;
    return DL_PROMPT_NONE;
}

void core_dl_layout_default(core_dl_layout *l)
{
    static const uint32_t notes[DL_COLS] = {CFG_NOTE_LEFT, CFG_NOTE_MIDDLE, CFG_NOTE_RIGHT},
                          edges[DL_COLS] = {CFG_EDGE_LEFT, CFG_EDGE_MIDDLE, CFG_EDGE_RIGHT};
    memset(l, 0, sizeof *l);
    for (int c = 0; c < DL_COLS; c++) {
        l->cols[c].note = notes[c];
        l->cols[c].edge = edges[c];
        l->cols[c].icon = c == DL_LEFT ? DL_ICON_CLOUD : c == DL_MIDDLE ? DL_ICON_PATH : DL_ICON_SUN;
    }
}

int core_dl_step_col(int step)
{
    switch (step) {
    case DL_WRITE_RIGHT: case DL_HANG_RIGHT: case DL_GROUP_RIGHT: return DL_RIGHT;
    case DL_FILL_MIDDLE: return DL_MIDDLE;
    default: return DL_LEFT;
    }
}

int core_dl_step_writes(int step) { return step == DL_WRITE_LEFT || step == DL_WRITE_RIGHT || step == DL_FILL_MIDDLE; }

int core_dl_step_hangs(int step, int col)
{
    if (col == DL_LEFT) return step == DL_HANG_LEFT || step == DL_GROUP_LEFT;
    if (col == DL_RIGHT) return step == DL_HANG_RIGHT || step == DL_GROUP_RIGHT;
    return 0;
}

int core_dl_step_marks(int step) { return step == DL_GROUP_LEFT || step == DL_GROUP_RIGHT; }

int core_dl_may_write(core_role r, int pros_write) { return !core_role_is_professional(r) || pros_write; }

int core_dl_held(const core_note *notes, int n, int64_t author, int col)
{
    int k = 0;
    for (int i = 0; i < n; i++)
        if (notes[i].author == author && notes[i].at.col == col && !notes[i].at.hung_at && !notes[i].at.deleted) k++;
    return k;
}

static const core_participant *who(const core_participant *ps, int np, int64_t id)
{
    for (int i = 0; i < np; i++)
        if (ps[i].id == id) return &ps[i];
    return NULL;
}

int core_dl_held_by_family(const core_note *notes, int n, const core_participant *ps, int np, int col)
{
    int k = 0;
    for (int i = 0; i < n; i++) {
        const core_note *x = &notes[i];
        if (x->at.hung_at || x->at.deleted || x->at.col != col) continue;
        const core_participant *p = who(ps, np, x->author);
        if (!p || !core_role_is_professional(p->role)) k++;
    }
    return k;
}

core_status core_dl_may_hang(const core_note *notes, int n, const core_participant *ps, int np, const core_note *note)
{
    const core_participant *p = who(ps, np, note->author);
    if (p && core_role_is_professional(p->role) && core_dl_held_by_family(notes, n, ps, np, note->at.col) > 0)
        return CORE_EINVAL;
    return CORE_OK;
}

static core_note *find_note(core_note *notes, int n, int64_t id)
{
    for (int i = 0; i < n; i++)
        if (notes[i].id == id) return &notes[i];
    return NULL;
}

static core_dl_group *find_group(core_dl_group *g, int ng, int64_t id)
{
    for (int i = 0; i < ng; i++)
        if (g[i].id == id && id != 0) return &g[i];
    return NULL;
}

/* The next place at the end of col. */
static double last_order(const core_note *notes, int n, int col)
{
    double m = 0;
    for (int i = 0; i < n; i++)
        if (notes[i].at.col == col && notes[i].at.hung_at && notes[i].at.order > m) m = notes[i].at.order;
    return m + 1;
}

/* Keeps the board's invariants after any action. */
static void tidy(core_note *notes, int n, core_dl_group *g, int ng)
{
    for (int i = 0; i < n; i++) {
        core_dl_place *p = &notes[i].at;
        core_dl_group *grp = find_group(g, ng, p->grp);
        if (p->deleted || !p->hung_at || p->col == DL_MIDDLE || !grp || !grp->exists || grp->col != p->col) {
            p->grp = 0;
            grp = NULL;
        }
        if (p->deleted || !p->hung_at || p->col == DL_MIDDLE) p->mark = 0;
        if (grp && p->mark) { /* the group a marked note joins carries the mark */
            p->mark = 0;
            grp->mark = 1;
        }
        if (p->col != DL_MIDDLE) p->prompt = DL_PROMPT_NONE;
    }
    for (int k = 0; k < ng; k++) {
        int members = 0;
        for (int i = 0; i < n; i++) members += notes[i].at.grp == g[k].id;
        if (!members) g[k].exists = 0;
        if (!g[k].exists) g[k].mark = 0;
    }
    /* One mark per side: when two meet (a marked note joins a marked group), the
     * group keeps it. */
    for (int col = DL_LEFT; col <= DL_RIGHT; col += 2) {
        int seen = 0;
        for (int k = 0; k < ng; k++)
            if (g[k].col == col && g[k].mark) {
                if (seen) g[k].mark = 0;
                seen = 1;
            }
        for (int i = 0; i < n; i++)
            if (notes[i].at.col == col && notes[i].at.mark) {
                if (seen) notes[i].at.mark = 0;
                seen = 1;
            }
    }
}

core_status core_dl_hang(core_note *notes, int n, core_dl_group *g, int *ng, int64_t note, int64_t now_ms)
{
    core_note *x = find_note(notes, n, note);
    if (!x || x->at.hung_at || x->at.deleted) return CORE_EINVAL;
    x->at.order = last_order(notes, n, x->at.col);
    x->at.hung_at = now_ms > 0 ? now_ms : 1;
    tidy(notes, n, g, *ng);
    return CORE_OK;
}

core_status core_dl_drop(core_note *notes, int n, core_dl_group *g, int *ng, int gcap, int64_t note, core_dl_target t)
{
    core_note *x = find_note(notes, n, note);
    if (!x || !x->at.hung_at || x->at.deleted || t.col < 0 || t.col >= DL_COLS) return CORE_EINVAL;
    core_note *on = t.note && t.note != note ? find_note(notes, n, t.note) : NULL;
    core_dl_group *into = t.grp ? find_group(g, *ng, t.grp) : NULL;
    if (on && on->at.grp) into = find_group(g, *ng, on->at.grp);
    if (into && !into->exists) into = NULL;
    if (on && on->at.col == DL_MIDDLE) { /* the middle has no groups: the note goes to that question */
        t.col = DL_MIDDLE;
        t.prompt = on->at.prompt;
        on = NULL;
        into = NULL;
    }
    if (into) {
        if (x->at.grp == into->id) return CORE_OK; /* dropped inside its own group: stays */
        x->at.col = into->col;
        x->at.grp = into->id;
    } else if (on) {
        if (*ng >= gcap) return CORE_EFULL;
        int64_t low = 0;
        for (int k = 0; k < *ng; k++)
            if (g[k].id < low) low = g[k].id;
        core_dl_group *ng_ = &g[(*ng)++];
        memset(ng_, 0, sizeof *ng_);
        ng_->id = low - 1; /* the store gives it its real id */
        ng_->col = on->at.col;
        ng_->exists = 1;
        on->at.grp = ng_->id;
        x->at.col = on->at.col;
        x->at.grp = ng_->id;
        x->at.order = on->at.order + 0.001;
    } else {
        int prompt = t.col == DL_MIDDLE ? (t.prompt >= 0 && t.prompt < DL_PROMPTS ? t.prompt : DL_WIE) : DL_PROMPT_NONE;
        if (x->at.col == t.col && !x->at.grp && x->at.prompt == prompt) return CORE_OK; /* already there */
        x->at.order = last_order(notes, n, t.col);
        x->at.col = (int8_t)t.col;
        x->at.prompt = (int8_t)prompt;
        x->at.grp = 0;
    }
    tidy(notes, n, g, *ng);
    return CORE_OK;
}

core_status core_dl_set_mark(core_note *notes, int n, core_dl_group *g, int ng, int col, int64_t note, int64_t grp)
{
    if (col != DL_LEFT && col != DL_RIGHT) return CORE_EINVAL;
    core_note *x = grp ? NULL : find_note(notes, n, note);
    core_dl_group *gg = grp ? find_group(g, ng, grp) : NULL;
    if (x && (x->at.col != col || !x->at.hung_at || x->at.deleted || x->at.grp)) return CORE_EINVAL;
    if (gg && (gg->col != col || !gg->exists)) return CORE_EINVAL;
    if (!x && !gg) return CORE_EINVAL;
    for (int i = 0; i < n; i++)
        if (notes[i].at.col == col) notes[i].at.mark = 0;
    for (int k = 0; k < ng; k++)
        if (g[k].col == col) g[k].mark = 0;
    if (x) x->at.mark = 1;
    else gg->mark = 1;
    tidy(notes, n, g, ng);
    return CORE_OK;
}

core_status core_dl_set_theme(core_dl_group *g, int ng, int64_t grp, const char *theme)
{
    core_dl_group *gg = find_group(g, ng, grp);
    if (!gg || !gg->exists) return CORE_EINVAL;
    char clean[sizeof gg->theme];
    core_status s = core_text_take(theme, CORE_NAME_MAX, clean, sizeof clean);
    if (s == CORE_EEMPTY) clean[0] = 0; /* no theme yet is fine */
    else if (s != CORE_OK) return s;
    memcpy(gg->theme, clean, sizeof clean);
    return CORE_OK;
}

core_status core_dl_delete(core_note *notes, int n, core_dl_group *g, int *ng, int64_t note)
{
    core_note *x = find_note(notes, n, note);
    if (!x || x->at.deleted) return CORE_EINVAL;
    x->at.deleted = 1;
    tidy(notes, n, g, *ng);
    return CORE_OK;
}

static int same_place(const core_dl_place *a, const core_dl_place *b)
{
    return a->grp == b->grp && a->hung_at == b->hung_at && a->order == b->order && a->col == b->col &&
           a->prompt == b->prompt && a->mark == b->mark && a->deleted == b->deleted;
}

static int same_group(const core_dl_group *a, const core_dl_group *b)
{
    return a->id == b->id && a->col == b->col && a->mark == b->mark && a->exists == b->exists && !strcmp(a->theme, b->theme);
}

int core_dl_diff(const core_dl_place *places, const core_note *notes, int n, const core_dl_group *gbefore, int ngb,
                 const core_dl_group *g, int ng, core_dl_change *out, int cap)
{
    int k = 0;
    /* Groups first: a note may only point at a group that is there. */
    for (int i = 0; i < ng && k < cap; i++) {
        core_dl_group none;
        memset(&none, 0, sizeof none);
        none.id = g[i].id;
        none.col = g[i].col;
        const core_dl_group *b = i < ngb ? &gbefore[i] : &none;
        if (same_group(b, &g[i])) continue;
        memset(&out[k], 0, sizeof out[k]);
        out[k].is_group = 1;
        out[k].g[0] = *b;
        out[k].g[1] = g[i];
        k++;
    }
    for (int i = 0; i < n && k < cap; i++) {
        if (same_place(&places[i], &notes[i].at)) continue;
        memset(&out[k], 0, sizeof out[k]);
        out[k].n[0] = places[i];
        out[k].n[1] = notes[i].at;
        k++;
    }
    return k;
}

void core_dl_apply(core_note *notes, int n, core_dl_group *g, int *ng, int gcap, const core_dl_change *ch, int nch,
                   int after)
{
    int w = after ? 1 : 0;
    for (int c = 0; c < nch; c++) {
        if (ch[c].is_group) {
            core_dl_group *gg = find_group(g, *ng, ch[c].g[w].id);
            if (!gg && *ng < gcap) gg = &g[(*ng)++];
            if (gg) *gg = ch[c].g[w];
        } else {
            core_note *x = find_note(notes, n, ch[c].n[w].id);
            if (x) x->at = ch[c].n[w];
        }
    }
}

void core_dl_rename_group(core_note *notes, int n, core_dl_group *g, int ng, core_dl_change *ch, int nch,
                          int64_t from, int64_t to)
{
    for (int i = 0; i < n; i++)
        if (notes[i].at.grp == from) notes[i].at.grp = to;
    for (int k = 0; k < ng; k++)
        if (g[k].id == from) g[k].id = to;
    for (int c = 0; c < nch; c++)
        for (int w = 0; w < 2; w++) {
            if (ch[c].g[w].id == from) ch[c].g[w].id = to;
            if (ch[c].n[w].grp == from) ch[c].n[w].grp = to;
        }
}
