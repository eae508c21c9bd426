/*
 * fuzz_ledger.c — libFuzzer target for a story's ledger entry as the
 * server reads it back from the store (lib/serve/ledger.c,
 * pxs_ledger_load): any bytes are recorded or refused (-1, nothing
 * recorded), never a crash, a leak or an unbounded allocation.  What is
 * accepted reads back the same: its conflicts count, and its JSON again
 * (pxs_ledger_entry_json) loads to the same JSON; an outlet's tally runs.
 * Seeds: tests/fuzz/corpus-ledger.  Run with `make fuzz`.
 */
#include <stdlib.h>
#include <string.h>

#include "serve/serve.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    pxs_ledger *l = pxs_ledger_new();
    if (pxs_ledger_load(l, 7, 3, (const char *)data, size)) {
        if (pxs_ledger_conflicts(l, 7, 3) != -2) abort();
        pxs_ledger_free(l);
        return 0;
    }
    if (pxs_ledger_conflicts(l, 7, 3) < 0) abort();
    size_t len, again_len;
    char *text = pxs_ledger_entry_json(l, 7, 3, &len);
    if (!text) abort();
    pxs_ledger *m = pxs_ledger_new();
    if (pxs_ledger_load(m, 7, 3, text, len)) abort();
    char *again = pxs_ledger_entry_json(m, 7, 3, &again_len);
    if (!again || again_len != len || memcmp(text, again, len) != 0) abort();
    pxs_outlet_ledger o;
    pxs_ledger_outlet(m, "Reuters", &o);
    if (o.stories > 1) abort();
    pxs_outlet_ledger_free(&o);
    free(text);
    free(again);
    pxs_ledger_free(m);
    pxs_ledger_free(l);
    return 0;
}
