/* cmd_compare.c — `allynet compare A B`: what changed between two snapshots. */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *help =
    "usage: allynet compare [--json] [--threshold T|P%] [--blocs M] [--seed N] [-o DIFF.svg] A "
    "B\n\n"
    "Compares snapshot A (before) with snapshot B (after), over the union of their actors:\n"
    "  ties      added, removed, sign-flipped (cooperation <-> conflict), strengthened and\n"
    "            weakened (the magnitude |w| grew or shrank by at least the threshold);\n"
    "  distance  Jaccard distance of the positive and of the negative tie sets, weighted\n"
    "            Jaccard distance (1 - sum min / sum max of |w|, per sign and both), L1 and\n"
    "            Frobenius distance of the signed adjacency (normalised: divided by the sum of\n"
    "            the two matrices' norms, so 0 = identical, 1 = every tie reversed; L1 is also\n"
    "            1 when no tie is shared);\n"
    "  network   density, balance (share of balanced triangles), frustration index, modularity,\n"
    "            polarization, number of blocs: A, B and the change;\n"
    "  blocs     each snapshot's blocs matched by largest overlap (Hungarian method) and compared\n"
    "            over the common actors (NMI, VI, Rand, adjusted Rand, split-join distance);\n"
    "            defections are actors whose bloc changed after matching, or whose alignment\n"
    "            (toward the two camps of the frustration partition, oriented like A's)\n"
    "            changed sign;\n"
    "  actors    entered, left; degree, signed strengths, betweenness, closeness, eigenvector,\n"
    "            PageRank and PN centrality in A and B (as `allynet metrics`), with ranks\n"
    "            (1 = largest magnitude) and rank moves (positive = climbed).\n"
    "The comparison is directed when both snapshots are. Reciprocal ties of a directed\n"
    "snapshot are summed when the other is undirected.\n\n"
    "  --json          the whole comparison as JSON (keys: edges, distance, communities, actors)\n"
    "  --threshold T   a change of |w| by at least T counts (default 1); 'P%' means P percent\n"
    "                  of the larger of the two magnitudes\n"
    "  --blocs M       how blocs are found: leiden (default), louvain, cpm, spinglass, blocs\n"
    "                  (as `allynet communities --method`)\n"
    "  --seed N        seed of the bloc partitions (default 42)\n"
    "  -o FILE         a change diagram (.svg .png .pdf .dot); then the summary is not printed\n";

/* Parses "T" or "P%". */
static bool parse_threshold(const char *s, allynet_compare_options *opt) {
    char *end;
    double v = strtod(s, &end);
    opt->relative = *end == '%' && end[1] == '\0';
    if (end == s || (*end != '\0' && !opt->relative) || !isfinite(v) || v < 0) {
        return false;
    }
    opt->threshold = opt->relative ? v / 100.0 : v;
    return true;
}

static bool diagram_path_ok(const char *path) {
    const char *dot = strrchr(path, '.');
    static const char *const ok[] = {".svg", ".png", ".pdf", ".dot", ".gv"};
    for (size_t i = 0; dot && i < sizeof ok / sizeof *ok; i++) {
        if (strcmp(dot, ok[i]) == 0) {
            return true;
        }
    }
    return false;
}

static int run(const char *pa, const char *pb, const allynet_compare_options *opt, bool json,
               const char *diagram) {
    allynet_graph *a = NULL, *b = NULL;
    json_t *doc = NULL;
    int code = cli_load(pa, &a);
    if (code == 0) {
        code = cli_load(pb, &b);
    }
    allynet_error err = {0};
    cli_progress_begin("compare");
    if (code == 0 && allynet_compare_run(a, b, opt, &doc, &err) != ALLYNET_OK) {
        code = cli_fail(&err);
    }
    cli_progress_end();
    if (code == 0 && diagram && allynet_compare_diagram(a, b, doc, diagram, &err) != ALLYNET_OK) {
        code = cli_fail(&err);
    }
    if (code == 0 && json) {
        code = cli_print_json(doc);
    } else if (code == 0 && diagram == NULL &&
               allynet_compare_write_text(doc, stdout, false, 20, &err) != ALLYNET_OK) {
        code = cli_fail(&err);
    }
    json_decref(doc);
    allynet_graph_free(a);
    allynet_graph_free(b);
    return code;
}

int cmd_compare(int argc, char **argv) {
    static const struct option opts[] = {{"json", no_argument, NULL, 'j'},
                                         {"threshold", required_argument, NULL, 't'},
                                         {"seed", required_argument, NULL, 's'},
                                         {"blocs", required_argument, NULL, 'b'},
                                         {"output", required_argument, NULL, 'o'},
                                         {"help", no_argument, NULL, 'h'},
                                         {0}};
    allynet_compare_options opt = {1.0, false, 42, ALLYNET_COMM_LEIDEN};
    const char *diagram = NULL;
    bool json = false, done = false;
    int c, code = 0;
    optind = 0;
    while ((c = cli_getopt(argc, argv, "jt:s:b:o:h", opts, "compare", help, &done, &code)) != -1) {
        if (c == 'j') {
            json = true;
        } else if (c == 't' && !parse_threshold(optarg, &opt)) {
            return cli_usage("compare", "--threshold wants a number >= 0 or a percentage, not '%s'",
                             optarg);
        } else if (c == 's') {
            size_t v;
            if (!cli_parse_count(optarg, &v)) {
                return cli_usage("compare", "--seed wants a non-negative integer, not '%s'",
                                 optarg);
            }
            opt.seed = (unsigned long)v;
        } else if (c == 'b' && !allynet_comm_method_parse(optarg, &opt.blocs)) {
            return cli_usage("compare",
                             "--blocs wants leiden, louvain, cpm, spinglass or blocs, not "
                             "'%s'",
                             optarg);
        } else if (c == 'o') {
            diagram = optarg;
        }
    }
    if (done) {
        return code;
    }
    if (argc - optind != 2) {
        return cli_usage("compare", "expects two graph files, A (before) and B (after)");
    }
    if (diagram && !diagram_path_ok(diagram)) {
        return cli_usage("compare", "-o wants a .svg, .png, .pdf or .dot file, not '%s'", diagram);
    }
    return run(argv[optind], argv[optind + 1], &opt, json, diagram);
}
