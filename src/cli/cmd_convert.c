/* cmd_convert.c — `allynet convert IN OUT`: between node-link JSON, DOT and CSV, by extension. */
#include "cli.h"

#include <string.h>

static const char *help =
    "usage: allynet convert [--undirected] IN OUT\n\n"
    "Converts a graph between formats chosen by extension: .json (node-link, native), .dot/.gv\n"
    "(Graphviz; weight holds |weight| and sign the sign, since Graphviz weights cannot be\n"
    "negative), .csv (source,target,weight,relation,events,date). '-' is JSON on stdin/stdout.\n"
    "OUT is written atomically. CSV and DOT keep actors, weights, relations and event counts;\n"
    "evidence and other attributes live only in JSON.\n\n"
    "  --undirected  fold each pair's ties in both directions into one undirected tie (weights\n"
    "                and events summed, evidence joined); CSV input is read as directed.\n";

int cmd_convert(int argc, char **argv) {
    static const struct option longs[] = {{"undirected", no_argument, NULL, 'u'}, {0}};
    bool done = false, undirected = false;
    int c, code = 0;
    optind = 0;
    while ((c = cli_getopt(argc, argv, "+h", longs, "convert", help, &done, &code)) != -1) {
        undirected = undirected || c == 'u';
    }
    if (done) {
        return code;
    }
    if (argc - optind != 2) {
        return cli_usage("convert", "expects IN and OUT");
    }
    const char *out = argv[optind + 1];
    if (strcmp(out, "-") != 0 && allynet_format_from_path(out) == ALLYNET_FORMAT_UNKNOWN) {
        return cli_usage("convert", "unknown output format for '%s' (use .json, .dot, .gv or .csv)",
                         out);
    }
    allynet_graph *g = NULL;
    if ((code = cli_load(argv[optind], &g)) != 0) {
        return code;
    }
    allynet_error err = {0};
    if (undirected && allynet_graph_directed(g)) {
        allynet_graph *u = NULL;
        if (allynet_graph_undirected(g, &u, &err) != ALLYNET_OK) {
            allynet_graph_free(g);
            return cli_fail(&err);
        }
        allynet_graph_free(g);
        g = u;
    }
    if (allynet_graph_sort(g, &err) != ALLYNET_OK ||
        allynet_graph_save(g, out, &err) != ALLYNET_OK) {
        code = cli_fail(&err);
    }
    allynet_graph_free(g);
    return code;
}
