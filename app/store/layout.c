/* layout: meeting templates from layouts/, one JSON file each. A broken file is named with its
 * line and skipped; the other templates still load. */
#include "store.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int line_at(const char *text, const char *pos)
{
    int line = 1;
    for (const char *p = text; p < pos && *p; p++)
        if (*p == '\n') line++;
    return line;
}

/* Line of the i-th element of the top-level "phases" array; cJSON keeps no
 * positions, so the text is scanned (strings skipped) to point at the right place. */
static int line_of_phase(const char *text, int i)
{
    const char *p = strstr(text, "\"phases\"");
    if (!p) return 1;
    p = strchr(p, '[');
    if (!p) return line_at(text, text + strlen(text));
    int depth = 0, n = -1;
    for (p++; *p; p++) {
        if (*p == '"') {
            for (p++; *p && *p != '"'; p++)
                if (*p == '\\' && p[1]) p++;
            if (!*p) break;
            continue;
        }
        if (*p == '{' || *p == '[') {
            if (depth == 0 && ++n == i) return line_at(text, p);
            depth++;
        } else if (*p == '}' || *p == ']') {
            if (depth == 0) break;
            depth--;
        }
    }
    return line_at(text, p);
}

/* Reads {"nl": "...", "en": "..."} (or a plain string, taken as Dutch). */
static int read_text(const cJSON *item, char *nl, char *en, size_t cap)
{
    nl[0] = en[0] = 0;
    if (cJSON_IsString(item)) {
        core_text_take(item->valuestring, CORE_NAME_MAX, nl, cap);
        return nl[0] != 0;
    }
    if (!cJSON_IsObject(item)) return 0;
    const cJSON *n = cJSON_GetObjectItemCaseSensitive(item, "nl");
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(item, "en");
    if (cJSON_IsString(n)) core_text_take(n->valuestring, CORE_NAME_MAX, nl, cap);
    if (cJSON_IsString(e)) core_text_take(e->valuestring, CORE_NAME_MAX, en, cap);
    return nl[0] != 0;
}

/* Lines joined by '\n' into out; 0, or -1 when item is not a list of strings. */
static int join_lines(const cJSON *item, char *out, size_t cap)
{
    out[0] = 0;
    if (!item) return 0;
    if (!cJSON_IsArray(item)) return -1;
    const cJSON *line;
    size_t used = 0;
    cJSON_ArrayForEach(line, item) {
        if (!cJSON_IsString(line)) return -1;
        char clean[CORE_TEXT_BYTES(CORE_NOTE_MAX)];
        core_utf8_clean(line->valuestring, strlen(line->valuestring), clean, sizeof clean);
        int n = snprintf(out + used, cap - used, "%s%s", used ? "\n" : "", clean);
        if (n < 0 || (size_t)n >= cap - used) return -1; /* too long for the screen anyway */
        used += (size_t)n;
    }
    return 0;
}

/* "prompts": ["...", ...] (Dutch) or {"nl": [...], "en": [...]}. */
static int read_prompts(const cJSON *item, core_phase_def *d)
{
    if (cJSON_IsObject(item))
        return join_lines(cJSON_GetObjectItemCaseSensitive(item, "nl"), d->prompts_nl, sizeof d->prompts_nl) |
               join_lines(cJSON_GetObjectItemCaseSensitive(item, "en"), d->prompts_en, sizeof d->prompts_en);
    return join_lines(item, d->prompts_nl, sizeof d->prompts_nl);
}

/* The file's JSON, or NULL with the line where it stops being JSON. */
static cJSON *parse_json(const char *text, char *msg, size_t cap)
{
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithOpts(text, &end, 1);
    if (!root) snprintf(msg, cap, "line %d: this is not valid JSON", line_at(text, end ? end : text));
    return root;
}

store_status store_layout_parse(const char *text, const char *id, core_template *t, char *msg, size_t cap)
{
    memset(t, 0, sizeof *t);
    snprintf(t->id, sizeof t->id, "%s", id);
    cJSON *root = parse_json(text, msg, cap);
    if (!root) return STORE_EINVAL;
    store_status r = STORE_EINVAL;
    const cJSON *phases = cJSON_GetObjectItemCaseSensitive(root, "phases");
    if (!cJSON_IsObject(root)) {
        snprintf(msg, cap, "line 1: the file must hold one object { ... }");
        goto out;
    }
    if (!phases && cJSON_GetObjectItemCaseSensitive(root, "columns")) {
        r = STORE_ENOTFOUND; /* a board layout, not a template */
        goto out;
    }
    if (!read_text(cJSON_GetObjectItemCaseSensitive(root, "name"), t->name_nl, t->name_en, sizeof t->name_nl)) {
        snprintf(msg, cap, "line %d: \"name\" needs a Dutch text, as {\"nl\": \"...\", \"en\": \"...\"}",
                 line_at(text, strstr(text, "\"name\"") ? strstr(text, "\"name\"") : text));
        goto out;
    }
    if (!cJSON_IsArray(phases) || cJSON_GetArraySize(phases) < 1) {
        snprintf(msg, cap, "line %d: \"phases\" must be a list with at least one phase",
                 line_at(text, strstr(text, "\"phases\"") ? strstr(text, "\"phases\"") : text + strlen(text)));
        goto out;
    }
    if (cJSON_GetArraySize(phases) > CORE_PHASES_MAX) {
        snprintf(msg, cap, "line %d: more than %d phases", line_of_phase(text, CORE_PHASES_MAX), CORE_PHASES_MAX);
        goto out;
    }
    const cJSON *ph;
    cJSON_ArrayForEach(ph, phases) {
        int i = t->nphases;
        core_phase_def *d = &t->phases[t->nphases++];
        const cJSON *min = cJSON_GetObjectItemCaseSensitive(ph, "minutes");
        const cJSON *closed = cJSON_GetObjectItemCaseSensitive(ph, "closed");
        const cJSON *board = cJSON_GetObjectItemCaseSensitive(ph, "board");
        if (!read_text(cJSON_GetObjectItemCaseSensitive(ph, "title"), d->title_nl, d->title_en, sizeof d->title_nl)) {
            snprintf(msg, cap, "line %d: phase %d needs a \"title\" with Dutch text", line_of_phase(text, i), i + 1);
            goto out;
        }
        if (!cJSON_IsNumber(min) || min->valuedouble < 1 || min->valuedouble > 600) {
            snprintf(msg, cap, "line %d: phase %d needs \"minutes\" from 1 to 600", line_of_phase(text, i), i + 1);
            goto out;
        }
        d->minutes = (int)min->valuedouble;
        if (read_prompts(cJSON_GetObjectItemCaseSensitive(ph, "prompts"), d) != 0) {
            snprintf(msg, cap, "line %d: phase %d: \"prompts\" is a list of lines, or {\"nl\": [...], \"en\": [...]}",
                     line_of_phase(text, i), i + 1);
            goto out;
        }
        d->closed = cJSON_IsTrue(closed);
        /* One vocabulary of boards (core_board): a name the app does not know is the
         * file's mistake, said with its line, never a placeholder on the wall. */
        int b = board ? (cJSON_IsString(board) ? core_board_parse(board->valuestring) : -1) : BOARD_NONE;
        if (b < 0 || !core_board_about((core_board)b)->in_phase) {
            char known[256] = "";
            for (int k = 0; k < BOARD_KINDS; k++)
                if (core_board_about((core_board)k)->in_phase)
                    snprintf(known + strlen(known), sizeof known - strlen(known), "%s%s", known[0] ? ", " : "",
                             core_board_about((core_board)k)->id);
            snprintf(msg, cap, "line %d: phase %d: there is no board %s%.40s%s; a phase shows one of: %s", line_of_phase(text, i),
                     i + 1, cJSON_IsString(board) ? "\"" : "", cJSON_IsString(board) ? board->valuestring : "that is not a word",
                     cJSON_IsString(board) ? "\"" : "", known);
            goto out;
        }
        snprintf(d->board, sizeof d->board, "%s", core_board_about((core_board)b)->id);
    }
    const char *why;
    if (core_template_check(t, &why) != CORE_OK) {
        snprintf(msg, cap, "line 1: %s", why);
        goto out;
    }
    r = STORE_OK;
out:
    cJSON_Delete(root);
    return r;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static char *read_all(const char *path, size_t max)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = malloc(max + 1);
    size_t n = buf ? fread(buf, 1, max + 1, f) : 0;
    fclose(f);
    if (!buf || n > max) { free(buf); return NULL; }
    buf[n] = 0;
    return buf;
}

static void append(char *errs, size_t cap, const char *file, const char *msg)
{
    size_t len = strlen(errs);
    if (len < cap) snprintf(errs + len, cap - len, "%s, %s\n", file, msg);
}

store_status store_layouts_load(const char *dir, core_template *out, int cap, int *n, char *errs, size_t errcap)
{
    *n = 0;
    if (errcap) errs[0] = 0;
    DIR *d = opendir(dir);
    if (!d) {
        append(errs, errcap, dir, "the folder cannot be read");
        return STORE_ENOTFOUND;
    }
    enum { MAX_FILES = 64 };
    char *names[MAX_FILES];
    int count = 0;
    struct dirent *e;
    while ((e = readdir(d)) && count < MAX_FILES) {
        size_t len = strlen(e->d_name);
        if (len > 5 && strcmp(e->d_name + len - 5, ".json") == 0 && e->d_name[0] != '.')
            if ((names[count] = strdup(e->d_name))) count++;
    }
    closedir(d);
    qsort(names, (size_t)count, sizeof names[0], by_name);
    for (int i = 0; i < count; i++) {
        char path[4096], id[64], msg[256];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        snprintf(id, sizeof id, "%.*s", (int)(strlen(names[i]) - 5), names[i]);
        char *text = read_all(path, 1 << 20);
        if (!text) append(errs, errcap, names[i], "cannot be read (or is over 1 MB)");
        else if (*n >= cap) append(errs, errcap, names[i], "too many templates");
        else {
            store_status r = store_layout_parse(text, id, &out[*n], msg, sizeof msg);
            if (r == STORE_OK) (*n)++;
            else if (r != STORE_ENOTFOUND) append(errs, errcap, names[i], msg);
        }
        free(text);
        free(names[i]);
    }
    return STORE_OK;
}

/* --- board layouts -------------------------------------------------------------- */

/* Line of the i-th element of the "columns" list, or of a key in the text. */
static int line_of(const char *text, const char *key)
{
    const char *p = strstr(text, key);
    return line_at(text, p ? p : text);
}

static int read_colour(const cJSON *item, uint32_t *out)
{
    unsigned v;
    int n = 0;
    if (!cJSON_IsString(item) || sscanf(item->valuestring, "#%6x%n", &v, &n) != 1 || n != 7 || item->valuestring[7])
        return 0;
    *out = v;
    return 1;
}

store_status store_board_parse(const char *text, core_dl_layout *l, char *msg, size_t cap)
{
    static const char *const icons[] = {"cloud", "path", "sun"};
    core_dl_layout_default(l);
    cJSON *root = parse_json(text, msg, cap);
    if (!root) return STORE_EINVAL;
    store_status r = STORE_EINVAL;
    const cJSON *cols = cJSON_GetObjectItemCaseSensitive(root, "columns"), *c;
    if (!cJSON_IsArray(cols) || cJSON_GetArraySize(cols) != DL_COLS) {
        snprintf(msg, cap, "line %d: \"columns\" must list the three columns: left, middle, right", line_of(text, "\"columns\""));
        goto out;
    }
    int seen[DL_COLS] = {0};
    cJSON_ArrayForEach(c, cols) {
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(c, "id");
        int k = cJSON_IsString(id) ? core_dl_col_parse(id->valuestring) : -1;
        int at = line_at(text, cJSON_IsString(id) && strstr(text, id->valuestring) ? strstr(text, id->valuestring) : text);
        if (k < 0 || seen[k]++) {
            snprintf(msg, cap, "line %d: each column needs its own \"id\": \"left\", \"middle\" or \"right\"", at);
            goto out;
        }
        core_dl_column *col = &l->cols[k];
        read_text(cJSON_GetObjectItemCaseSensitive(c, "title"), col->title_nl, col->title_en, sizeof col->title_nl);
        read_text(cJSON_GetObjectItemCaseSensitive(c, "question"), col->question_nl, col->question_en, sizeof col->question_nl);
        const cJSON *note = cJSON_GetObjectItemCaseSensitive(c, "note"), *edge = cJSON_GetObjectItemCaseSensitive(c, "edge");
        if ((note && !read_colour(note, &col->note)) || (edge && !read_colour(edge, &col->edge))) {
            snprintf(msg, cap, "line %d: column %s: \"note\" and \"edge\" are colours like \"#CFE0F0\"", at, id->valuestring);
            goto out;
        }
        const cJSON *icon = cJSON_GetObjectItemCaseSensitive(c, "icon");
        if (icon) {
            int found = -1;
            for (int i = 0; i < 3; i++)
                if (cJSON_IsString(icon) && !strcmp(icon->valuestring, icons[i])) found = i;
            if (found < 0) {
                snprintf(msg, cap, "line %d: column %s: \"icon\" is \"cloud\", \"path\" or \"sun\"", at, id->valuestring);
                goto out;
            }
            col->icon = found;
        }
        const cJSON *prompts = cJSON_GetObjectItemCaseSensitive(c, "prompts"), *p;
        if (!prompts) continue;
        if (k != DL_MIDDLE || !cJSON_IsArray(prompts)) {
            snprintf(msg, cap, "line %d: only the middle column has \"prompts\", a list", line_of(text, "\"prompts\""));
            goto out;
        }
        cJSON_ArrayForEach(p, prompts) {
            const cJSON *pid = cJSON_GetObjectItemCaseSensitive(p, "id");
            int q = cJSON_IsString(pid) ? core_dl_prompt_parse(pid->valuestring) : DL_PROMPT_NONE;
            if (q == DL_PROMPT_NONE) {
                snprintf(msg, cap, "line %d: a prompt's \"id\" is \"wie\", \"vragen\", \"informatie\" or \"waar\"",
                         line_of(text, "\"prompts\""));
                goto out;
            }
            read_text(cJSON_GetObjectItemCaseSensitive(p, "text"), l->prompt_nl[q], l->prompt_en[q], sizeof l->prompt_nl[q]);
        }
    }
    r = STORE_OK;
out:
    cJSON_Delete(root);
    if (r != STORE_OK) core_dl_layout_default(l); /* a broken file changes nothing */
    return r;
}

store_status store_board_load(const char *dir, core_dl_layout *out, char *msg, size_t cap)
{
    char path[4096], why[256];
    snprintf(path, sizeof path, "%s/drieluik.json", dir);
    core_dl_layout_default(out);
    if (cap) msg[0] = 0;
    FILE *f = fopen(path, "rb");
    if (!f) return STORE_ENOTFOUND;
    fclose(f);
    char *text = read_all(path, 1 << 20);
    if (!text) {
        snprintf(msg, cap, "drieluik.json, cannot be read (or is over 1 MB)");
        return STORE_EINVAL;
    }
    store_status r = store_board_parse(text, out, why, sizeof why);
    if (r != STORE_OK) snprintf(msg, cap, "drieluik.json, %s", why);
    free(text);
    return r;
}
