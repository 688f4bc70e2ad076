/* libFuzzer: the layout loader (meeting templates and the Drieluik's board file)
 * never crashes, never leaks, and either loads or names the line that is wrong. */
#include "store.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text) return 0;
    memcpy(text, data, size);
    text[size] = 0;
    static core_template t;
    static core_dl_layout l;
    char msg[256];
    if (store_layout_parse(text, "fuzz", &t, msg, sizeof msg) == STORE_EINVAL && strncmp(msg, "line ", 5) != 0) abort();
    if (store_board_parse(text, &l, msg, sizeof msg) == STORE_EINVAL && strncmp(msg, "line ", 5) != 0) abort();
    free(text);
    return 0;
}
