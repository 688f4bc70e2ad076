/* libFuzzer: the script parser never crashes or leaks on any input, and a line it
 * refuses is named. */
#include "ui.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[512] = "";
    ui_script *s = ui_script_parse((const char *)data, size, err, sizeof err);
    if (!s && !strstr(err, "script:")) abort();
    ui_script_free(s);
    return 0;
}
