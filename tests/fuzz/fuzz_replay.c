/* libFuzzer: `schouders replay` fed any bytes as an ops file (another device's or
 * a hostile stick's) never crashes, never hits undefined behaviour, never leaks,
 * and either applies every line or names the one it refused. Each input starts
 * from a fresh database beside the fuzzer, made once from the seed meeting so
 * that later lines have something to act on. Seeds: tests/fuzz/corpus_replay,
 * the scenarios' operations. */
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/fuzz_replay_%d.db", (int)getpid());
    unlink(path);
    char side[80];
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    store *st;
    char msg[512];
    if (store_open(path, &st, msg, sizeof msg) != STORE_OK) abort(); /* a new file always opens */
    FILE *in = fmemopen((void *)data, size, "r");
    int n = 0;
    if (in) {
        store_status r = store_replay(st, in, &n, msg, sizeof msg);
        if (r != STORE_OK && !msg[0]) abort(); /* a refusal names its line */
        fclose(in);
    }
    store_close(st);
    unlink(path);
    return 0;
}
