/* libFuzzer: the printer, fed export JSON of any shape (a plan from a hostile file,
 * or no plan at all), never crashes, never writes past a buffer, never leaks, and
 * either makes a PDF or says why it cannot. Seeds: tests/fuzz/corpus_print, real
 * exports of the scenarios with the shapes spoiled. */
#include "print.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *json = malloc(size + 1);
    if (!json) return 0;
    memcpy(json, data, size);
    json[size] = 0;
    print_opts o = {.lang_en = size % 2, .template_name = NULL, .dl = NULL, .picture = NULL};
    unsigned char *pdf = NULL;
    size_t len = 0;
    char msg[256] = "";
    int rc = print_plan_pdf(json, &o, &pdf, &len, msg, sizeof msg);
    if (rc == 0 && (!pdf || len < 5 || memcmp(pdf, "%PDF-", 5) != 0)) abort(); /* a PDF, or nothing */
    if (rc != 0 && (pdf || !msg[0])) abort();                                  /* and a reason */
    free(pdf);
    free(json);
    return 0;
}
