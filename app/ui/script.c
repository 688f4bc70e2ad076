/* script: plays DESIGN's script language by pushing real SDL finger, text and key
 * events into the normal loop, so a script touches the app the way a finger does.
 * A script means the same on any machine: each finger event carries the time the
 * script gives it (a tap's up 16 ms after its down, a hold's after MS), not the time
 * a slow frame happened to deliver it, and ui_script_clock keeps the kit from judging
 * a held finger past the script's next event. */
#include "ui.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A drag may name several from/to pairs: that many fingers move at once. */
enum { SCRIPT_TARGETS = 8 };

typedef enum { OP_TAP, OP_HOLD, OP_DRAG, OP_TYPE, OP_KEY, OP_WAIT, OP_AWAIT, OP_SHOT, OP_DUMP, OP_QUIT } op_kind;

typedef struct {
    op_kind op;
    int line;
    char id[SCRIPT_TARGETS][48]; /* "@id" targets; empty when coordinates are given */
    float x[SCRIPT_TARGETS], y[SCRIPT_TARGETS];
    int ntargets;
    int ms;
    char *text;       /* type: the text; shot/dump/await: the path; key: the key name */
} op;

struct ui_script {
    char path[256];
    op *ops;
    int n, cap, at;
    int sub;              /* progress inside a multi-step op (tap, hold, drag) */
    uint32_t due;         /* not before this time; for a finger event, its timestamp */
    uint32_t find_until;  /* an @id must appear by then... */
    uint32_t find_frame;  /* ...and after this many frames more (both: a slow machine draws few) */
    int finding;
    uint32_t frame;       /* frame at the last push: wait for the app to draw it */
    int64_t finger;
    float fx[SCRIPT_TARGETS], fy[SCRIPT_TARGETS]; /* resolved points of the op in progress */
    int failed, done;
};

enum { SCRIPT_TOUCH_ID = 7, DRAG_STEPS = 12, STEP_MS = 16 };

static int parse_target(char **p, char *id, float *x, float *y)
{
    while (**p == ' ' || **p == '\t') (*p)++;
    if (**p == '@') {
        char *s = ++(*p);
        while (**p && **p != ' ' && **p != '\t') (*p)++;
        size_t n = (size_t)(*p - s);
        if (n == 0 || n >= 48) return -1;
        memcpy(id, s, n);
        id[n] = 0;
        return 0;
    }
    char *end;
    errno = 0;
    *x = strtof(*p, &end);
    if (end == *p) return -1;
    *p = end;
    *y = strtof(*p, &end);
    if (end == *p || errno) return -1;
    *p = end;
    id[0] = 0;
    return 0;
}

/* "TEXT" with \" \\ \n \t and \xNN escapes (so a script can send invalid UTF-8). */
static char *parse_quoted(char *p)
{
    while (*p == ' ' || *p == '\t') p++;
    if (*p != '"') return NULL;
    char *out = malloc(strlen(p) + 1), *o = out;
    if (!out) return NULL;
    for (p++; *p && *p != '"'; p++) {
        if (*p != '\\') { *o++ = *p; continue; }
        p++;
        if (*p == 'n') *o++ = '\n';
        else if (*p == 't') *o++ = '\t';
        else if (*p == 'x' && p[1] && p[2]) {
            char hex[3] = {p[1], p[2], 0};
            *o++ = (char)strtol(hex, NULL, 16);
            p += 2;
        } else if (*p) *o++ = *p;
        else break;
    }
    if (*p != '"') { free(out); return NULL; }
    *o = 0;
    return out;
}

static char *word(char *p)
{
    while (*p == ' ' || *p == '\t') p++;
    char *e = p + strlen(p);
    while (e > p && (e[-1] == ' ' || e[-1] == '\t')) e--;
    *e = 0;
    return *p ? strdup(p) : NULL;
}

static int parse_line(char *line, op *o, char *why, size_t cap)
{
    char cmd[16];
    int n = 0;
    if (sscanf(line, "%15s%n", cmd, &n) != 1) return 1; /* blank */
    char *p = line + n;
    memset(o, 0, sizeof *o);
    if (!strcmp(cmd, "tap") || !strcmp(cmd, "hold")) {
        o->op = cmd[0] == 't' ? OP_TAP : OP_HOLD;
        if (parse_target(&p, o->id[0], &o->x[0], &o->y[0]) != 0) { snprintf(why, cap, "%s needs @id or X Y", cmd); return -1; }
        if (o->op == OP_HOLD && sscanf(p, "%d", &o->ms) != 1) { snprintf(why, cap, "hold needs a time in ms"); return -1; }
    } else if (!strcmp(cmd, "drag")) {
        o->op = OP_DRAG;
        /* drag FROM TO [FROM TO ...]: each pair is one finger, all moving together. */
        while (o->ntargets < SCRIPT_TARGETS) {
            char *before = p;
            while (*p == ' ' || *p == '\t') p++;
            if (!*p) break;
            if (parse_target(&p, o->id[o->ntargets], &o->x[o->ntargets], &o->y[o->ntargets]) != 0) {
                p = before;
                break;
            }
            o->ntargets++;
        }
        while (*p == ' ' || *p == '\t') p++;
        if (o->ntargets < 2 || o->ntargets % 2 || *p) {
            snprintf(why, cap, "drag needs pairs of targets (@id or X Y): from, to [, from, to ...]");
            return -1;
        }
    } else if (!strcmp(cmd, "type")) {
        o->op = OP_TYPE;
        if (!(o->text = parse_quoted(p))) { snprintf(why, cap, "type needs a \"quoted text\""); return -1; }
    } else if (!strcmp(cmd, "key")) {
        o->op = OP_KEY;
        o->text = word(p);
        if (!o->text || SDL_GetKeyFromName(o->text) == SDLK_UNKNOWN) { snprintf(why, cap, "unknown key name"); return -1; }
    } else if (!strcmp(cmd, "wait")) {
        o->op = OP_WAIT;
        if (sscanf(p, "%d", &o->ms) != 1 || o->ms < 0) { snprintf(why, cap, "wait needs a time in ms"); return -1; }
    } else if (!strcmp(cmd, "shot") || !strcmp(cmd, "dump") || !strcmp(cmd, "await")) {
        o->op = cmd[0] == 's' ? OP_SHOT : cmd[0] == 'd' ? OP_DUMP : OP_AWAIT;
        if (!(o->text = word(p))) { snprintf(why, cap, "%s needs a file name", cmd); return -1; }
    } else if (!strcmp(cmd, "quit")) {
        o->op = OP_QUIT;
    } else {
        snprintf(why, cap, "unknown command '%s'", cmd);
        return -1;
    }
    return 0;
}

/* Reads a script from f; name is for messages ("file:line: ..."). */
static ui_script *read_script(FILE *f, const char *name, char *err, size_t cap)
{
    ui_script *s = calloc(1, sizeof *s);
    if (!s) { snprintf(err, cap, "out of memory"); return NULL; }
    SDL_strlcpy(s->path, name, sizeof s->path);
    static char line[1 << 16]; /* a pasted text may be long */
    int lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *hash = line;
        /* A # starts a comment, except inside a quoted text. */
        for (int q = 0; *hash; hash++) {
            if (*hash == '"' && (hash == line || hash[-1] != '\\')) q = !q;
            if (*hash == '#' && !q) { *hash = 0; break; }
        }
        line[strcspn(line, "\r\n")] = 0;
        op o;
        char why[128];
        int r = parse_line(line, &o, why, sizeof why);
        if (r > 0) continue;
        op *grown = s->ops;
        if (r == 0 && s->n == s->cap) {
            int cap2 = s->cap ? s->cap * 2 : 32;
            if ((grown = realloc(s->ops, (size_t)cap2 * sizeof *s->ops))) {
                s->ops = grown;
                s->cap = cap2;
            }
        }
        if (r < 0 || !grown) {
            snprintf(err, cap, "%s:%d: %s", name, lineno, r < 0 ? why : "out of memory");
            free(o.text); /* a line that failed half-way may own its text */
            ui_script_free(s);
            return NULL;
        }
        o.line = lineno;
        s->ops[s->n++] = o;
    }
    return s;
}

ui_script *ui_script_load(const char *path, char *err, size_t cap)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, cap, "%s: %s", path, strerror(errno));
        return NULL;
    }
    ui_script *s = read_script(f, path, err, cap);
    fclose(f);
    return s;
}

ui_script *ui_script_parse(const char *text, size_t len, char *err, size_t cap)
{
    FILE *f = len ? fmemopen((void *)text, len, "r") : NULL;
    if (!f) {
        ui_script *s = calloc(1, sizeof *s); /* nothing to read: an empty script */
        if (!s) snprintf(err, cap, "out of memory");
        return s;
    }
    ui_script *s = read_script(f, "script", err, cap);
    fclose(f);
    return s;
}

void ui_script_free(ui_script *s)
{
    if (!s) return;
    for (int i = 0; i < s->n; i++) free(s->ops[i].text);
    free(s->ops);
    free(s);
}

static void fail(ui_script *s, const op *o, const char *msg, const char *arg)
{
    fprintf(stderr, "schouders: script %s:%d: %s%s\n", s->path, o->line, msg, arg ? arg : "");
    s->failed = 1;
}

/* SDL_PushEvent would stamp the event with the time it is pushed; adding it to the
 * queue directly keeps the script's own time on it. */
static void push_finger(ui_ctx *ctx, Uint32 type, int64_t finger, float x, float y, uint32_t t)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.tfinger.timestamp = t;
    e.tfinger.touchId = SCRIPT_TOUCH_ID;
    e.tfinger.fingerId = finger;
    e.tfinger.x = x / (float)ctx->w;
    e.tfinger.y = y / (float)ctx->h;
    e.tfinger.pressure = 1.0f;
    e.tfinger.windowID = ctx->win ? SDL_GetWindowID(ctx->win) : 0;
    SDL_PeepEvents(&e, 1, SDL_ADDEVENT, 0, 0);
}

static void push_text(const char *t)
{
    /* SDL delivers text in events of at most 31 bytes; so do we, cut between code points. */
    size_t len = strlen(t), i = 0;
    while (i < len) {
        size_t n = len - i < 31 ? len - i : 31;
        if (i + n < len)
            while (n > 1 && ((unsigned char)t[i + n] & 0xC0) == 0x80) n--;
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_TEXTINPUT;
        memcpy(e.text.text, t + i, n);
        SDL_PushEvent(&e);
        i += n;
    }
}

static void push_key(const char *name)
{
    SDL_Keycode k = SDL_GetKeyFromName(name);
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = k;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(k);
    SDL_PushEvent(&e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    SDL_PushEvent(&e);
}

/* The centre of widget id in the last frame drawn; 0 when it is not there. */
static int find(const ui_ctx *ctx, const char *id, float *x, float *y)
{
    for (int i = ctx->nprev - 1; i >= 0; i--)
        if (!strcmp(ctx->prev[i].id, id)) {
            *x = ctx->prev[i].r.x + ctx->prev[i].r.w / 2.0f;
            *y = ctx->prev[i].r.y + ctx->prev[i].r.h / 2.0f;
            return 1;
        }
    return 0;
}

/* Resolves the op's targets; 0 = not yet on screen, 1 = done, -1 = gave up. While
 * waiting it asks for a frame every CFG_SCRIPT_POLL_MS, and gives up only when both
 * CFG_SCRIPT_FIND_MS and CFG_SCRIPT_FIND_FRAMES have passed. */
static int resolve(ui_script *s, ui_ctx *ctx, const op *o, int count, uint32_t now)
{
    for (int i = 0; i < count; i++) {
        if (!o->id[i][0]) { s->fx[i] = o->x[i]; s->fy[i] = o->y[i]; continue; }
        if (find(ctx, o->id[i], &s->fx[i], &s->fy[i])) continue;
        if (!s->finding) {
            s->finding = 1;
            s->find_until = now + CFG_SCRIPT_FIND_MS;
            s->find_frame = ctx->frame + CFG_SCRIPT_FIND_FRAMES;
        }
        if ((int32_t)(now - s->find_until) < 0 || (int32_t)(ctx->frame - s->find_frame) < 0) {
            s->due = now + CFG_SCRIPT_POLL_MS; /* the loop wakes then and draws a frame */
            return 0;
        }
        fail(s, o, "no widget on screen with id @", o->id[i]);
        return -1;
    }
    s->finding = 0;
    return 1;
}

static void next(ui_script *s, uint32_t now, uint32_t gap)
{
    s->at++;
    s->sub = 0;
    s->due = now + gap;
}

int ui_script_step(ui_script *s, ui_ctx *ctx, uint32_t now)
{
    if (s->failed) return -1;
    if (s->at >= s->n) return 0;
    /* Let the app take in what was pushed and draw the result first. */
    if (ctx->frame < s->frame + 2) {
        ctx->dirty = 1; /* ask for the frame we wait for */
        return 1;
    }
    if (ctx->dirty || (int32_t)(now - s->due) < 0) return 1;
    const op *o = &s->ops[s->at];
    int r;
    switch (o->op) {
    case OP_TAP:
    case OP_HOLD:
        if (s->sub == 0) {
            if ((r = resolve(s, ctx, o, 1, now)) <= 0) return r < 0 ? -1 : 1;
            s->finger++;
            push_finger(ctx, SDL_FINGERDOWN, s->finger, s->fx[0], s->fy[0], now);
            s->sub = 1;
            s->due = now + (o->op == OP_HOLD ? (uint32_t)o->ms : STEP_MS);
        } else {
            push_finger(ctx, SDL_FINGERUP, s->finger, s->fx[0], s->fy[0], s->due);
            next(s, now, STEP_MS);
        }
        break;
    case OP_DRAG: {
        int fingers = o->ntargets / 2;
        if (s->sub == 0) {
            if ((r = resolve(s, ctx, o, o->ntargets, now)) <= 0) return r < 0 ? -1 : 1;
            for (int k = 0; k < fingers; k++)
                push_finger(ctx, SDL_FINGERDOWN, s->finger + 1 + k, s->fx[2 * k], s->fy[2 * k], now);
            s->sub = 1;
            s->due = now + STEP_MS;
        } else if (s->sub <= DRAG_STEPS) {
            float t = (float)s->sub / DRAG_STEPS;
            for (int k = 0; k < fingers; k++) {
                const float *fx = &s->fx[2 * k], *fy = &s->fy[2 * k];
                push_finger(ctx, SDL_FINGERMOTION, s->finger + 1 + k, fx[0] + (fx[1] - fx[0]) * t, fy[0] + (fy[1] - fy[0]) * t,
                            s->due);
            }
            s->sub++;
            s->due += STEP_MS; /* the script's time, however long the frames took */
        } else {
            for (int k = 0; k < fingers; k++)
                push_finger(ctx, SDL_FINGERUP, s->finger + 1 + k, s->fx[2 * k + 1], s->fy[2 * k + 1], s->due);
            s->finger += fingers;
            next(s, now, STEP_MS);
        }
        break;
    }
    case OP_TYPE:
        push_text(o->text);
        next(s, now, STEP_MS);
        break;
    case OP_KEY:
        push_key(o->text);
        next(s, now, STEP_MS);
        break;
    case OP_WAIT:
        next(s, now, (uint32_t)o->ms);
        return 1;
    case OP_AWAIT:
        /* Another program's signal (a test holding a lock, say): a state to wait
         * for, where a fixed wait would be a guess at the machine's speed. */
        if (access(o->text, F_OK) == 0) {
            s->finding = 0;
            next(s, now, 0);
        } else if (!s->finding) {
            s->finding = 1;
            s->find_until = now + CFG_SCRIPT_FIND_MS;
            s->due = now + CFG_SCRIPT_POLL_MS;
        } else if ((int32_t)(now - s->find_until) >= 0) {
            fail(s, o, "no file appeared at ", o->text);
            return -1;
        } else {
            s->due = now + CFG_SCRIPT_POLL_MS;
        }
        return 1;
    case OP_SHOT:
        if (s->sub == 0) {
            SDL_strlcpy(ctx->shot_path, o->text, sizeof ctx->shot_path);
            ctx->dirty = 1;
            s->sub = 1;
        } else if (!ctx->shot_path[0]) {
            next(s, now, 0);
        }
        return 1;
    case OP_DUMP:
        if (ui_dump(ctx, o->text) != 0) fail(s, o, "cannot write ", o->text);
        next(s, now, 0);
        return s->failed ? -1 : 1;
    case OP_QUIT:
        ctx->quit = 1;
        next(s, now, 0);
        return 0;
    }
    s->frame = ctx->frame;
    ctx->dirty = 1;
    return 1;
}

uint32_t ui_script_clock(const ui_script *s, uint32_t now)
{
    if (s->failed || s->at >= s->n || s->sub == 0) return now;
    op_kind k = s->ops[s->at].op;
    if (k != OP_TAP && k != OP_HOLD && k != OP_DRAG) return now;
    /* A finger is down and its next event is stamped `due`: until that event is in
     * the queue the finger has been held no longer than that. */
    return (int32_t)(now - s->due) > 0 ? s->due : now;
}

int ui_script_wake_in(const ui_script *s, uint32_t now)
{
    if (s->failed || s->at >= s->n) return -1;
    int left = (int32_t)(s->due - now);
    return left < 0 ? 0 : left;
}
