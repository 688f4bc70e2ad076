/* writer: operations committed on a thread of their own (DESIGN, Architecture: a
 * commit never runs inside a frame). A COMMIT is an fsync: 0.2 ms on a quiet disk,
 * 4-12 ms with another process writing, and the frame that waited for it took
 * 30-130 ms.
 *
 * The connection stays one and is handed over, not shared: while the writer has
 * work, every other store call first waits until it is done (st_settle). So a read
 * always sees every operation handed over, in order; the store's state (the open
 * transaction's depth, the file's identity checks, the ack) has one owner at a time;
 * and the page cache store_rescue copies from is the one that wrote. A second
 * connection would give none of that for free, and the frames that matter (the one
 * carrying a tap, and those drawn while the disk works) do not read the store. */
#include "store_int.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A job: an op as its JSON (the log's own form: the caller's memory may change at
 * once), or a backup (op NULL). Answered jobs wait in the done list. */
typedef struct job {
    char *op;
    int how;      /* STORE_HOW_*: an undo or redo names its log row (ref) */
    int64_t ref;
    int64_t *ids; /* a redo's rows get their old ids back */
    int nids;
    int64_t now;
    uint64_t ticket;
    core_op_kind kind;
    int64_t meeting;
    store_status status;
    struct job *next;
} job;

struct store_writer {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t work, idle;
    job *head, *tail;      /* handed over, oldest first */
    job *done, *done_tail; /* answered, for store_done_take */
    int busy, stop, queued;
    uint64_t tickets;
    void (*wake)(void *user);
    void *wake_user;
};

/* The writer's own calls into the store must not wait for themselves. */
static _Thread_local int on_writer;

void st_settle(store *st)
{
    store_writer *w = st->w;
    if (!w || on_writer) return;
    pthread_mutex_lock(&w->mu);
    while (w->head || w->busy) pthread_cond_wait(&w->idle, &w->mu);
    pthread_mutex_unlock(&w->mu);
}

static store_status run_job(store *st, job *j)
{
    if (!j->op) return st_backup_rotate(st);
    return st_op_commit_text(st, j->op, j->how, j->ref, j->ids, j->nids, j->now);
}

int st_writing(const store *st) { return st->w && !on_writer; }

static void *writer_main(void *arg)
{
    store *st = arg;
    store_writer *w = st->w;
    on_writer = 1;
    pthread_mutex_lock(&w->mu);
    for (;;) {
        while (!w->head && !w->stop) pthread_cond_wait(&w->work, &w->mu);
        if (!w->head) break; /* stopping, and nothing left: everything handed over is committed */
        job *j = w->head;
        w->head = j->next;
        if (!w->head) w->tail = NULL;
        w->busy = 1;
        pthread_mutex_unlock(&w->mu);
        j->status = run_job(st, j);
        if (j->status != STORE_OK && j->op) fprintf(stderr, "schouders: %s not saved: %s\n", core_op_word(j->kind), st->err);
        free(j->op);
        free(j->ids);
        j->op = NULL;
        j->ids = NULL;
        j->next = NULL;
        pthread_mutex_lock(&w->mu);
        if (j->ticket) { /* a backup has no one waiting for its answer */
            if (w->done_tail) w->done_tail->next = j;
            else w->done = j;
            w->done_tail = j;
        } else {
            free(j);
        }
        w->busy = 0;
        pthread_cond_broadcast(&w->idle);
        void (*wake)(void *) = w->wake;
        void *user = w->wake_user;
        pthread_mutex_unlock(&w->mu);
        if (wake) wake(user); /* outside the lock: it may post an event to the main loop */
        pthread_mutex_lock(&w->mu);
    }
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

store_status store_writer_start(store *st, void (*wake)(void *user), void *user)
{
    if (st->w) return STORE_OK;
    /* A SQLite built without threads cannot have its connection handed over: then
     * every commit simply runs where it is asked, as before. */
    if (!sqlite3_threadsafe()) return STORE_EIO;
    store_writer *w = calloc(1, sizeof *w);
    if (!w) return STORE_EIO;
    w->wake = wake;
    w->wake_user = user;
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->work, NULL);
    pthread_cond_init(&w->idle, NULL);
    st->w = w;
    if (pthread_create(&w->thread, NULL, writer_main, st) != 0) {
        st->w = NULL;
        pthread_cond_destroy(&w->idle);
        pthread_cond_destroy(&w->work);
        pthread_mutex_destroy(&w->mu);
        free(w);
        return STORE_EIO;
    }
    return STORE_OK;
}

void store_writer_stop(store *st)
{
    store_writer *w = st ? st->w : NULL;
    if (!w) return;
    pthread_mutex_lock(&w->mu);
    w->stop = 1;
    pthread_cond_signal(&w->work);
    pthread_mutex_unlock(&w->mu);
    pthread_join(w->thread, NULL); /* the writer finishes what it was handed first */
    st->w = NULL;
    for (job *j = w->done, *next; j; j = next) {
        next = j->next;
        free(j);
    }
    pthread_cond_destroy(&w->idle);
    pthread_cond_destroy(&w->work);
    pthread_mutex_destroy(&w->mu);
    free(w);
}

store_status st_hand_over(store *st, char *op, int64_t now, const core_op *o, int how, int64_t ref, const int64_t *ids,
                          int nids, uint64_t *ticket)
{
    store_writer *w = st->w;
    job *j = calloc(1, sizeof *j);
    if (j && ids && nids > 0 && !(j->ids = malloc(sizeof *ids * (size_t)nids))) {
        free(j);
        j = NULL;
    }
    if (!j) {
        free(op);
        return STORE_EIO;
    }
    if (j->ids) {
        memcpy(j->ids, ids, sizeof *ids * (size_t)nids);
        j->nids = nids;
    }
    j->op = op;
    j->how = how;
    j->ref = ref;
    j->now = now;
    if (o) {
        j->kind = o->kind;
        j->meeting = o->meeting;
    }
    pthread_mutex_lock(&w->mu);
    if (ticket) {
        j->ticket = ++w->tickets;
        *ticket = j->ticket;
        w->queued++;
    }
    if (w->tail) w->tail->next = j;
    else w->head = j;
    w->tail = j;
    pthread_cond_signal(&w->work);
    pthread_mutex_unlock(&w->mu);
    return STORE_OK;
}

store_status store_op_queue(store *st, core_op *op, int64_t now_ms, int64_t *made, uint64_t *ticket)
{
    *ticket = 0;
    /* Committed here and now: without a writer, and when the caller needs the answer
     * before it can go on (the ids of new rows, a delete that wipes the file). */
    if (!st->w || on_writer || made || op->kind == OP_MEETING_DELETE || core_op_answers(op)) {
        st_settle(st);
        return store_op(st, op, now_ms, made);
    }
    char *text = st_op_text(op);
    if (!text) return STORE_EIO;
    return st_hand_over(st, text, now_ms, op, STORE_HOW_DO, 0, NULL, 0, ticket);
}

store_status store_backup_queue(store *st)
{
    if (!st->w || st->purge_pending) return store_backup(st); /* purge_pending: main's alone */
    return st_hand_over(st, NULL, 0, NULL, STORE_HOW_DO, 0, NULL, 0, NULL);
}

int store_done_take(store *st, store_done *out, int cap)
{
    store_writer *w = st->w;
    if (!w) return 0;
    int n = 0;
    pthread_mutex_lock(&w->mu);
    while (w->done && n < cap) {
        job *j = w->done;
        w->done = j->next;
        if (!w->done) w->done_tail = NULL;
        out[n++] = (store_done){.ticket = j->ticket, .status = j->status, .kind = j->kind, .meeting = j->meeting};
        w->queued--;
        free(j);
    }
    pthread_mutex_unlock(&w->mu);
    return n;
}

int store_queued(store *st)
{
    store_writer *w = st->w;
    if (!w) return 0;
    pthread_mutex_lock(&w->mu);
    int n = w->queued;
    pthread_mutex_unlock(&w->mu);
    return n;
}
