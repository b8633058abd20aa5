/* roundtrip.h — what a fuzz target checks of a snapshot it produced: written as node-link JSON,
 * it parses back with the same actors and ties (a writer must accept anything a loader or the
 * extractor accepts, and write what the loader reads). Aborts otherwise, so the fuzzer and the
 * replay both report it. */
#ifndef ALLYNET_FUZZ_ROUNDTRIP_H
#define ALLYNET_FUZZ_ROUNDTRIP_H

#include "allynet.h"

#include <stdio.h>
#include <stdlib.h>

static inline void fuzz_roundtrip(const allynet_graph *g) {
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (f == NULL) {
        return;
    }
    allynet_status st = allynet_nodelink_write(g, f, NULL);
    fclose(f);
    allynet_graph *back = NULL;
    allynet_error err = {0};
    if (st != ALLYNET_OK ||
        allynet_nodelink_parse(text, len, "roundtrip", &back, &err) != ALLYNET_OK ||
        allynet_graph_actor_count(back) != allynet_graph_actor_count(g) ||
        allynet_graph_tie_count(back) != allynet_graph_tie_count(g)) {
        fprintf(stderr, "round trip failed: %s\n", err.text);
        abort();
    }
    allynet_graph_free(back);
    free(text);
}

#endif
