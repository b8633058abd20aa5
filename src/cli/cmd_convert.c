/* cmd_convert.c — `allynet convert IN OUT`: between graph formats by extension, and a folder of
 * snapshots to one dynamic GEXF. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *help =
    "usage: allynet convert [--undirected] IN OUT\n"
    "       allynet convert DIR|G... OUT.gexf   (several snapshots: one dynamic GEXF)\n\n"
    "Converts a graph between formats chosen by extension. '-' is JSON on stdin/stdout. OUT is\n"
    "written atomically.\n"
    "  .json            node-link JSON, the native format (read and write): everything\n"
    "  .dot .gv         Graphviz (read and write); weight holds |weight| and sign the sign,\n"
    "                   since Graphviz weights cannot be negative\n"
    "  .csv             source,target,weight,relation,events,date (read and write)\n"
    "  .graphml         GraphML (read and write): a typed key for the weight (signed), sign,\n"
    "                   relation, events, the actor's name and kind and every attribute; the\n"
    "                   relation mix and the evidence as JSON text (keys 'json.*')\n"
    "  .gexf            GEXF 1.3 for Gephi (read and write): the same as attributes, the name\n"
    "                   as label, positions (x, y) and colours when the actors have them\n"
    "  .net             Pajek (write): vertices labelled by actor id, signed arcs or edges\n"
    "  .gml             GML (write, ASCII): nodes labelled by actor id, the tie fields\n"
    "CSV, DOT and Pajek keep actors, weights (and, but Pajek, relations and event counts);\n"
    "evidence and other attributes live in JSON, GraphML, GEXF and GML.\n\n"
    "With a folder (its .json snapshots) or several graphs and a .gexf OUT, writes one dynamic\n"
    "GEXF: every actor and tie once, with spells for the periods it is present (a snapshot lasts\n"
    "until the day before the next one), its weight and sign per period, and the sum over the\n"
    "series as its static weight; Gephi's timeline plays it. Every snapshot needs a date.\n\n"
    "  --undirected  fold each pair's ties in both directions into one undirected tie (weights\n"
    "                and events summed, evidence joined); CSV input is read as directed.\n"
    "  -h, --help    this help\n";

static int is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Several snapshots (or a folder) to one dynamic GEXF. */
static int convert_series(int argc, char **argv, const char *out) {
    if (allynet_format_from_path(out) != ALLYNET_FORMAT_GEXF) {
        return cli_usage("convert", "a folder or several graphs convert only to one .gexf");
    }
    cli_series s;
    int code = cli_series_load(argc, argv, &s);
    const allynet_graph **gs = code == 0 ? calloc(s.n ? s.n : 1, sizeof *gs) : NULL;
    if (code == 0 && gs == NULL) {
        fprintf(stderr, "allynet: out of memory\n");
        code = 1;
    }
    for (size_t i = 0; gs && i < s.n; i++) {
        gs[i] = s.items[i].g;
    }
    allynet_error err = {0};
    if (code == 0 && allynet_gexf_save_dynamic(gs, s.n, out, &err) != ALLYNET_OK) {
        code = cli_fail(&err);
    }
    free(gs);
    cli_series_free(&s);
    return code;
}

static int convert_one(const char *in, const char *out, bool undirected) {
    allynet_graph *g = NULL;
    int code = cli_load(in, &g);
    if (code != 0) {
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

int cmd_convert(int argc, char **argv) {
    static const struct option longs[] = {
        {"undirected", no_argument, NULL, 'u'}, {"help", no_argument, NULL, 'h'}, {0}};
    bool done = false, undirected = false;
    int c, code = 0;
    optind = 0;
    while ((c = cli_getopt(argc, argv, "h", longs, "convert", help, &done, &code)) != -1) {
        undirected = undirected || c == 'u';
    }
    if (done) {
        return code;
    }
    int n = argc - optind;
    if (n < 2) {
        return cli_usage("convert", "expects IN and OUT");
    }
    const char *out = argv[argc - 1];
    if (strcmp(out, "-") != 0 && allynet_format_from_path(out) == ALLYNET_FORMAT_UNKNOWN) {
        return cli_usage("convert",
                         "unknown output format for '%s' (use .json, .dot, .gv, .csv, .graphml, "
                         ".gexf, .net or .gml)",
                         out);
    }
    if (n > 2 || is_dir(argv[optind])) {
        if (undirected) {
            return cli_usage("convert", "--undirected applies to one graph, not a series");
        }
        return convert_series(n - 1, argv + optind, out);
    }
    return convert_one(argv[optind], out, undirected);
}
