/* fuzz_loaders.c — libFuzzer targets for every graph loader: node-link JSON, DOT, CSV, GraphML
 * and GEXF. Built five times with -DFUZZ_TARGET=1..5; each parses the input and, when it loads,
 * writes it back out in all formats (the writers must accept anything a loader accepts). */
#include "allynet.h"
#include "roundtrip.h" /* and reads its node-link JSON back */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void write_all(const allynet_graph *g) {
    FILE *f = fopen("/dev/null", "w");
    if (f != NULL) {
        allynet_nodelink_write(g, f, NULL);
        allynet_dot_write(g, f, NULL);
        allynet_csv_write(g, f, NULL);
        allynet_graphml_write(g, f, NULL);
        allynet_gexf_write(g, f, NULL);
        allynet_pajek_write(g, f, NULL);
        allynet_gml_write(g, f, NULL);
        fclose(f);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    /* Loaders take a NUL-terminated buffer of `size` bytes, as allynet_file_read gives them. */
    char *buf = malloc(size + 1);
    if (buf == NULL) {
        return 0;
    }
    memcpy(buf, data, size);
    buf[size] = '\0';
    allynet_graph *g = NULL;
    allynet_error err = {0};
#if FUZZ_TARGET == 1
    allynet_status st = allynet_nodelink_parse(buf, size, "fuzz", &g, &err);
#elif FUZZ_TARGET == 2
    allynet_status st = allynet_dot_parse(buf, size, "fuzz", &g, &err);
#elif FUZZ_TARGET == 3
    allynet_status st = allynet_csv_parse(buf, size, "fuzz", &g, &err);
#elif FUZZ_TARGET == 4
    allynet_status st = allynet_graphml_parse(buf, size, "fuzz", &g, &err);
#else
    allynet_status st = allynet_gexf_parse(buf, size, "fuzz", &g, &err);
#endif
    if (st == ALLYNET_OK) {
        allynet_graph_sort(g, NULL);
        write_all(g);
        fuzz_roundtrip(g);
    } else if (err.text[0] == '\0' || g != NULL) {
        abort(); /* every failure explains itself and leaves nothing behind */
    }
    allynet_graph_free(g);
    free(buf);
    return 0;
}
