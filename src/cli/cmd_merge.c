/* cmd_merge.c — `allynet merge G...`: the exact sum of snapshots (split corpora, joined). */
#include "cli.h"

#include <stdlib.h>

static const char *help =
    "usage: allynet merge [-o OUT.json] G...\n\n"
    "Sums snapshots exactly: actors are united, ties on the same directed dyad add their\n"
    "weights and event counts and concatenate their evidence, sources are listed once. The\n"
    "result does not depend on the order of the inputs (it is written in canonical order), so\n"
    "a corpus split across processes can be extracted in parts and merged. The result is named\n"
    "after its parts (their distinct names joined by ' + ') and spans their dates: \"date\" is\n"
    "the latest, \"period\" {start, end} the span when they differ.\n\n"
    "  -o FILE   write here (atomically; default: stdout)\n";

int cmd_merge(int argc, char **argv) {
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'}, {"help", no_argument, NULL, 'h'}, {0}};
    const char *out = "-";
    bool done = false;
    int c, code = 0;
    optind = 0;
    while ((c = cli_getopt(argc, argv, "o:h", opts, "merge", help, &done, &code)) != -1) {
        if (c == 'o') {
            out = optarg;
        }
    }
    if (done) {
        return code;
    }
    if (optind >= argc) {
        return cli_usage("merge", "expects at least one graph");
    }
    allynet_graph *sum = NULL;
    allynet_error err = {0};
    int n = argc - optind;
    allynet_graph **parts = calloc((size_t)n, sizeof *parts); /* each part's metadata */
    if (parts == NULL) {
        fprintf(stderr, "allynet: out of memory\n");
        return 1;
    }
    for (int i = optind; i < argc && code == 0; i++) {
        allynet_graph *g = NULL;
        if ((code = cli_load(argv[i], &g)) != 0) {
            break;
        }
        allynet_graph *p = parts[i - optind] = allynet_graph_new(true);
        if (p == NULL || json_object_update(allynet_graph_meta(p), allynet_graph_meta(g)) != 0) {
            fprintf(stderr, "allynet: out of memory\n");
            code = 1;
        }
        if (sum == NULL) {
            sum = g;
            continue;
        }
        if (code == 0 && allynet_graph_merge(sum, g, &err) != ALLYNET_OK) {
            snprintf(err.source, sizeof err.source, "%s", argv[i]);
            code = cli_fail(&err);
        }
        allynet_graph_free(g);
    }
    if (code == 0 && allynet_graph_name_after_parts(sum, (const allynet_graph *const *)parts,
                                                    (size_t)n, &err) != ALLYNET_OK) {
        code = cli_fail(&err);
    }
    for (int i = 0; i < n; i++) {
        allynet_graph_free(parts[i]);
    }
    free(parts);
    if (code == 0 && (allynet_graph_sort(sum, &err) != ALLYNET_OK ||
                      allynet_graph_save(sum, out, &err) != ALLYNET_OK)) {
        code = cli_fail(&err);
    }
    allynet_graph_free(sum);
    return code;
}
