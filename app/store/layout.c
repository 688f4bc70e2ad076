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

store_status store_layout_parse(const char *text, const char *id, core_template *t, char *msg, size_t cap)
{
    memset(t, 0, sizeof *t);
    snprintf(t->id, sizeof t->id, "%s", id);
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithOpts(text, &end, 1);
    if (!root) {
        snprintf(msg, cap, "line %d: this is not valid JSON", line_at(text, end ? end : text));
        return STORE_EINVAL;
    }
    store_status r = STORE_EINVAL;
    const cJSON *phases = cJSON_GetObjectItemCaseSensitive(root, "phases");
    if (!cJSON_IsObject(root)) {
        snprintf(msg, cap, "line 1: the file must hold one object { ... }");
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
        d->closed = cJSON_IsTrue(closed);
        snprintf(d->board, sizeof d->board, "%s", cJSON_IsString(board) ? board->valuestring : "none");
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
        else if (store_layout_parse(text, id, &out[*n], msg, sizeof msg) == STORE_OK) (*n)++;
        else append(errs, errcap, names[i], msg);
        free(text);
        free(names[i]);
    }
    return STORE_OK;
}
