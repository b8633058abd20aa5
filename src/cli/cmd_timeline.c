/* cmd_timeline.c — `allynet timeline G...|DIR`: network figures and actor series over time. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char *help =
    "usage: allynet timeline [--json|--csv] [-o PLOT.svg|.png] [--actors A,B,...] [--metric M]\n"
    "                        [--blocs M] [--seed N] G...|FOLDER\n\n"
    "Figures over a series of snapshots, ordered by date (graph.date; a snapshot without a\n"
    "date is placed by its file name). A FOLDER argument takes every .json graph in it (but\n"
    "index.json, which `allynet events` writes beside its snapshots).\n"
    "  per snapshot  actors, ties, ties_pos, ties_neg, density, balance_ratio (share of\n"
    "                balanced triangles), frustration (line index), modularity, polarization\n"
    "                (as `allynet align`) and number of blocs; null when undefined;\n"
    "  per actor     degree, strength_pos, strength_neg, betweenness, closeness, eigenvector,\n"
    "                pagerank, pn (as `allynet metrics`), alignment and bloc in each snapshot\n"
    "                (null when absent). Bloc labels are matched from one snapshot to the next\n"
    "                by largest overlap, so a bloc keeps its number over time; alignment is\n"
    "                oriented like the previous snapshot's (its poles are numbered afresh in\n"
    "                each snapshot).\n\n"
    "  --json           the whole timeline as JSON\n"
    "  --csv            long CSV: snapshot,date,actor,metric,value (network figures have an\n"
    "                   empty actor)\n"
    "  -o FILE          line charts drawn with gnuplot: .svg or .png (then the table is not\n"
    "                   printed; --json or --csv still print)\n"
    "  --actors A,B     the actors of the table and the chart (default: the 8 with the largest\n"
    "                   mean |metric|); with --csv, only these actors' rows\n"
    "  --metric M       the actor series of the table and the chart (default strength_pos)\n"
    "  --blocs M        how blocs are found: leiden (default), louvain, cpm, spinglass, blocs\n"
    "  --seed N         seed of the bloc partitions (default 42)\n";

typedef struct {
    bool json, csv;
    const char *plot;
    char *actor_list; /* owned copy of --actors, split in place */
    const char **actors;
    size_t n_actors;
    allynet_timeline_view view;
    unsigned long seed;
    allynet_comm_method blocs;
} options;

/* Splits "A,B,C" into o->actors. */
static int split_actors(options *o, const char *arg) {
    free(o->actor_list);
    free(o->actors);
    o->actor_list = strdup(arg);
    o->actors = calloc(strlen(arg) / 2 + 2, sizeof *o->actors);
    o->n_actors = 0;
    if (o->actor_list == NULL || o->actors == NULL) {
        return 1;
    }
    for (char *save = NULL, *tok = strtok_r(o->actor_list, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        o->actors[o->n_actors++] = tok;
    }
    if (o->n_actors == 0) {
        return cli_usage("timeline", "--actors wants a list such as USA,RUS");
    }
    return 0;
}

static int parse(int argc, char **argv, options *o, bool *done) {
    static const struct option opts[] = {{"json", no_argument, NULL, 'j'},
                                         {"csv", no_argument, NULL, 'c'},
                                         {"output", required_argument, NULL, 'o'},
                                         {"actors", required_argument, NULL, 'a'},
                                         {"metric", required_argument, NULL, 'm'},
                                         {"seed", required_argument, NULL, 's'},
                                         {"blocs", required_argument, NULL, 'b'},
                                         {"help", no_argument, NULL, 'h'},
                                         {0}};
    int c, code = 0;
    optind = 0;
    while ((c = cli_getopt(argc, argv, "jco:a:m:s:b:h", opts, "timeline", help, done, &code)) !=
           -1) {
        if (c == 'j' || c == 'c') {
            o->json = o->json || c == 'j';
            o->csv = o->csv || c == 'c';
        } else if (c == 'o') {
            o->plot = optarg;
        } else if (c == 'a' && (code = split_actors(o, optarg)) != 0) {
            *done = true;
            return code;
        } else if (c == 'b' && !allynet_comm_method_parse(optarg, &o->blocs)) {
            *done = true;
            return cli_usage("timeline",
                             "--blocs wants leiden, louvain, cpm, spinglass or blocs, not '%s'",
                             optarg);
        } else if (c == 'm') {
            o->view.metric = optarg;
        } else if (c == 's') {
            size_t v;
            if (!cli_parse_count(optarg, &v)) {
                *done = true;
                return cli_usage("timeline", "--seed wants a non-negative integer, not '%s'",
                                 optarg);
            }
            o->seed = (unsigned long)v;
        }
    }
    if (!*done && o->json && o->csv) {
        *done = true;
        return cli_usage("timeline", "--json and --csv exclude each other");
    }
    if (!*done && optind >= argc) {
        *done = true;
        return cli_usage("timeline", "expects graphs or a folder of graphs");
    }
    return code;
}

/* Builds the timeline and writes what was asked for. */
static int run(const cli_series *s, const options *o) {
    const allynet_graph **graphs = calloc(s->n + 1, sizeof *graphs);
    const char **labels = calloc(s->n + 1, sizeof *labels);
    if (graphs == NULL || labels == NULL) {
        free(graphs);
        free(labels);
        fprintf(stderr, "allynet: out of memory\n");
        return 1;
    }
    for (size_t i = 0; i < s->n; i++) {
        graphs[i] = s->items[i].g;
        labels[i] = s->items[i].stem;
    }
    allynet_error err = {0};
    json_t *tl = NULL;
    cli_progress_begin("timeline");
    allynet_status st = allynet_timeline_run(graphs, labels, s->n, o->seed, o->blocs, &tl, &err);
    cli_progress_end();
    if (st == ALLYNET_OK && o->plot) {
        st = allynet_timeline_plot(tl, &o->view, o->plot, &err);
    }
    int code = st == ALLYNET_OK ? 0 : cli_fail(&err);
    if (code == 0 && o->json) {
        code = cli_print_json(tl);
    } else if (code == 0 && (o->csv || o->plot == NULL) &&
               (o->csv ? allynet_timeline_write_csv(tl, &o->view, stdout, &err)
                       : allynet_timeline_write_text(tl, &o->view, false, stdout, &err)) !=
                   ALLYNET_OK) {
        code = cli_fail(&err);
    }
    json_decref(tl);
    free(graphs);
    free(labels);
    return code;
}

int cmd_timeline(int argc, char **argv) {
    options o = {.seed = 42, .blocs = ALLYNET_COMM_LEIDEN};
    bool done = false;
    int code = parse(argc, argv, &o, &done);
    if (!done) {
        o.view.actors = o.actors;
        o.view.n_actors = o.n_actors;
        cli_series s;
        code = cli_series_load(argc - optind, argv + optind, &s);
        if (code == 0 && s.n == 0) {
            code = cli_usage("timeline", "found no .json graphs");
        }
        code = code ? code : run(&s, &o);
        cli_series_free(&s);
    }
    free(o.actor_list);
    free(o.actors);
    return code;
}
