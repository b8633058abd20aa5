/* cmd_metrics.c — `allynet metrics G`: per-actor centrality, each figure with its weight
 * treatment, as a table or JSON. */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *help =
    "usage: allynet metrics [--json] [--sort KEY] [--top N] [--ties positive|negative|abs]\n"
    "                       [--mode out|in|all] [--undirected] [--damping D] [--jobs N]\n"
    "                       [--exact | --pivots K] [--sample-above W] [--seed S] [-o FILE] G\n\n"
    "Per-actor centrality of a signed, weighted snapshot. Every figure says which ties it\n"
    "reads and how (the JSON 'treatment' object records it per metric):\n\n"
    "  degree, degree_in, degree_out  ties of any sign (zero weight too), counted; degree is\n"
    "                 in + out on directed ties\n"
    "  strength_pos   sum of positive weights, in and out\n"
    "  strength_neg   sum of negative weights, in and out (a number <= 0)\n"
    "  betweenness    shortest paths through the actor, LENGTH = 1/|w| over the selected\n"
    "                 ties (--ties, default positive: cooperation); raw count, not normalised\n"
    "  closeness      1 / mean LENGTH-distance to the actors it reaches (unreachable actors\n"
    "                 are left out, igraph's convention); '-' (null) when it reaches none\n"
    "  harmonic       sum of 1/distance over the other actors, divided by n - 1\n"
    "  eigenvector    STRENGTH |w| of the selected ties, scaled to max 1 (directed: scores\n"
    "                 flow along ties, so it rewards incoming ties)\n"
    "  pagerank       STRENGTH |w| of the selected ties, damping 0.85 (--damping)\n"
    "  hub, authority STRENGTH |w|, directed ties only ('-' otherwise)\n"
    "  pn             PN centrality (Everett & Borgatti 2014) on the SIGNED ties:\n"
    "                 PN = (I - A/(2n-2))^-1 1 with A = P - 2N, where P and N hold each\n"
    "                 pair's positive and negative weight (both directions added) divided by\n"
    "                 the largest such entry, so 0/1 input gives the published index\n"
    "  signed_eigenvector  eigenvector of S = P - N for the eigenvalue of largest |value|,\n"
    "                 max |x| = 1 with its largest entry positive: actors on opposite sides\n"
    "                 get opposite signs; '-' when no eigenvalue dominates uniquely\n"
    "  clustering     Barrat weighted local clustering on the selected ties read as\n"
    "                 undirected STRENGTH; '-' for actors with fewer than two partners\n\n"
    "Ties of weight 0 have no strength and no finite length: path and spectral metrics leave\n"
    "them out and the treatment counts them ('ties_excluded'). A figure that is undefined for\n"
    "the whole graph is '-' (null) with the reason in its treatment.\n\n"
    "  --json          machine-readable JSON: {\"actors\": [...], \"treatment\": {...}}\n"
    "  --sort KEY      order by KEY, largest first (default: by id)\n"
    "  --top N         only the first N actors\n"
    "  --ties SEL      ties the path and spectral metrics and clustering read:\n"
    "                  positive (default), negative (conflict, as |w|), abs (all, as |w|)\n"
    "  --mode M        closeness and harmonic on directed ties: out (default; distances from\n"
    "                  the actor), in (to the actor), all (either direction)\n"
    "  --undirected    read a directed graph as undirected: a reciprocal pair becomes one\n"
    "                  tie whose magnitude is the sum of both\n"
    "  --directed      keep the direction of ties (the default)\n"
    "  --damping D     PageRank damping factor in (0, 1)\n"
    "  --jobs N        processes for the shortest-path metrics: 1 or 2 (default 2 when the\n"
    "                  machine has two cores)\n"
    "  -o FILE         write here (atomically; default: stdout)\n\n"
    "Large graphs. Exact betweenness, closeness and harmonic take one shortest-path search\n"
    "per actor, O(n m log n): 50,000 actors with 250,000 cooperative ties take about 20 min.\n"
    "When actors x (actors + ties read) is above W (--sample-above, default 2e9, e.g. 20,000\n"
    "actors with 80,000 ties) the three are estimated from K sampled pivots instead (Brandes\n"
    "& Pich 2007: dependencies on K sources drawn uniformly with a fixed seed, scaled by n/K;\n"
    "closeness = pivots reached / sum of distances to them; harmonic = mean 1/distance to the\n"
    "pivots). K is chosen so that the work is about 4e8 (at least 500 pivots, at most half\n"
    "the actors). A note on stderr says so with the cost of exact work, and the JSON key\n"
    "\"approximations\" names each estimated metric with its method, pivots, seed and\n"
    "relative standard error (of betweenness: the sum of the actors' standard errors over\n"
    "the sum of their estimates). Every other figure is exact at any size. Progress goes to\n"
    "stderr when it is a terminal.\n"
    "  --exact         never sample: exact figures however long they take\n"
    "  --pivots K      sample with K pivots whatever the size (K >= actors: exact)\n"
    "  --sample-above W  the size above which paths are sampled (default 2e9)\n"
    "  --seed S        the seed that draws the pivots (default 42)\n";

typedef struct {
    const allynet_graph *g;
    const allynet_metrics *m;
    const size_t *order;
    size_t top;
    bool json;
} out_ctx;

static void cell(FILE *f, double v, int prec) {
    if (isfinite(v)) {
        fprintf(f, " %10.*f", prec, v);
    } else {
        fprintf(f, " %10s", "-");
    }
}

static void table(FILE *f, const out_ctx *c) {
    bool dir = allynet_graph_directed(c->g);
    fprintf(f, "%-10s %4s %4s %4s %9s %9s %10s %10s %10s %10s %10s", "actor", "deg", "in", "out",
            "s+", "s-", "betweenness", "closeness", "harmonic", "eigenvec", "pagerank");
    if (dir) {
        fprintf(f, " %10s %10s", "hub", "authority");
    }
    fprintf(f, " %10s %10s %10s\n", "pn", "signed_eig", "clustering");
    for (size_t i = 0; i < c->top; i++) {
        const allynet_actor_metrics *a = &c->m->actors[c->order[i]];
        fprintf(f, "%-10s %4zu %4zu %4zu %9.2f %9.2f", allynet_graph_actor(c->g, c->order[i])->id,
                a->degree, a->degree_in, a->degree_out, a->strength_pos, a->strength_neg);
        cell(f, a->betweenness, 2);
        cell(f, a->closeness, 4);
        cell(f, a->harmonic, 4);
        cell(f, a->eigenvector, 4);
        cell(f, a->pagerank, 4);
        if (dir) {
            cell(f, a->hub, 4);
            cell(f, a->authority, 4);
        }
        cell(f, a->pn, 4);
        cell(f, a->signed_eigenvector, 4);
        cell(f, a->clustering, 4);
        fputc('\n', f);
    }
    const char *ties =
        json_string_value(json_object_get(json_object_get(c->m->treatment, "betweenness"), "ties"));
    fprintf(f,
            "\npaths on %s ties (length 1/|w|), spectral on %s ties (strength |w|); "
            "pn and signed_eig on signed ties. '-' = undefined; see --help.\n",
            ties ? ties : "?", ties ? ties : "?");
}

static allynet_status write_out(FILE *f, void *ctx, allynet_error *err) {
    const out_ctx *c = ctx;
    if (c->json) {
        json_t *j = allynet_metrics_to_json(c->g, c->m, c->order);
        if (j == NULL) {
            return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
        }
        json_t *actors = json_object_get(j, "actors");
        while (json_array_size(actors) > c->top) {
            json_array_remove(actors, json_array_size(actors) - 1);
        }
        int rc = json_dumpf(j, f, JSON_INDENT(2) | JSON_REAL_PRECISION(12));
        json_decref(j);
        if (rc != 0 || fputc('\n', f) == EOF) {
            return allynet_error_set(err, ALLYNET_E_IO, NULL, 0, 0, "write error");
        }
        return ALLYNET_OK;
    }
    table(f, c);
    return ferror(f) ? allynet_error_set(err, ALLYNET_E_IO, NULL, 0, 0, "write error") : ALLYNET_OK;
}

/* --pivots, --seed and --sample-above into o; returns 0 or the usage exit code. */
static int sampling_option(int c, const char *arg, allynet_metrics_options *o) {
    size_t v = 0;
    char *end = NULL;
    if (c == 'A') {
        o->sample_above = strtod(arg, &end);
        if (*end || *arg == '\0' || !(o->sample_above >= 0)) {
            return cli_usage("metrics", "--sample-above takes a number >= 0, not '%s'", arg);
        }
        return 0;
    }
    if (!cli_parse_count(arg, &v)) {
        return cli_usage("metrics", "%s takes a whole number, not '%s'",
                         c == 'P' ? "--pivots" : "--seed", arg);
    }
    if (c == 'P') {
        o->pivots = v;
    } else {
        o->seed = (unsigned long)v;
    }
    return 0;
}

/* Parses one option value into o; returns 0 or the usage exit code. */
static int option(int c, const char *arg, allynet_metrics_options *o, const char **sort,
                  long *top) {
    char *end = NULL;
    if (c == 't') {
        if (strcmp(arg, "positive") == 0) {
            o->ties = ALLYNET_SELECT_POSITIVE;
        } else if (strcmp(arg, "negative") == 0) {
            o->ties = ALLYNET_SELECT_NEGATIVE;
        } else if (strcmp(arg, "abs") == 0) {
            o->ties = ALLYNET_SELECT_ABS;
        } else {
            return cli_usage("metrics", "--ties takes positive, negative or abs, not '%s'", arg);
        }
    } else if (c == 'm') {
        if (strcmp(arg, "out") == 0) {
            o->mode = ALLYNET_MODE_OUT;
        } else if (strcmp(arg, "in") == 0) {
            o->mode = ALLYNET_MODE_IN;
        } else if (strcmp(arg, "all") == 0) {
            o->mode = ALLYNET_MODE_ALL;
        } else {
            return cli_usage("metrics", "--mode takes out, in or all, not '%s'", arg);
        }
    } else if (c == 'd') {
        o->damping = strtod(arg, &end);
        if (*end || !(o->damping > 0 && o->damping < 1)) {
            return cli_usage("metrics", "--damping takes a number between 0 and 1, not '%s'", arg);
        }
    } else if (c == 'J') {
        o->workers = (int)strtol(arg, &end, 10);
        if (*end || o->workers < 1 || o->workers > 2) {
            return cli_usage("metrics", "--jobs takes 1 or 2, not '%s'", arg);
        }
    } else if (c == 'n') {
        *top = strtol(arg, &end, 10);
        if (*end || *arg == '\0' || *top < 0) {
            return cli_usage("metrics", "--top takes a count, not '%s'", arg);
        }
    } else if (c == 'P' || c == 'S' || c == 'A') {
        return sampling_option(c, arg, o);
    } else if (c == 's') {
        double probe;
        allynet_actor_metrics zero = {0};
        if (!allynet_metrics_value(&zero, arg, &probe)) {
            return cli_usage("metrics", "--sort: unknown metric '%s'", arg);
        }
        *sort = arg;
    }
    return 0;
}

static int run(const char *path, const allynet_metrics_options *o, const char *sort, long top,
               bool json, const char *out) {
    allynet_graph *g = NULL;
    int code = cli_load(path, &g);
    if (code != 0) {
        return code;
    }
    allynet_error err = {0};
    allynet_metrics *m = NULL;
    size_t *order = NULL;
    if (allynet_metrics_compute(g, o, &m, &err) != ALLYNET_OK ||
        allynet_metrics_order(g, m, sort, &order, &err) != ALLYNET_OK) {
        code = cli_fail(&err);
    } else {
        size_t n = allynet_graph_actor_count(g);
        out_ctx c = {g, m, order, top >= 0 && (size_t)top < n ? (size_t)top : n, json};
        if (allynet_write_atomic(out, write_out, &c, &err) != ALLYNET_OK) {
            code = cli_fail(&err);
        }
    }
    free(order);
    allynet_metrics_free(m);
    allynet_graph_free(g);
    return code;
}

int cmd_metrics(int argc, char **argv) {
    static const struct option opts[] = {
        {"json", no_argument, NULL, 'j'},       {"sort", required_argument, NULL, 's'},
        {"top", required_argument, NULL, 'n'},  {"ties", required_argument, NULL, 't'},
        {"mode", required_argument, NULL, 'm'}, {"undirected", no_argument, NULL, 'U'},
        {"directed", no_argument, NULL, 'D'},   {"damping", required_argument, NULL, 'd'},
        {"jobs", required_argument, NULL, 'J'}, {"output", required_argument, NULL, 'o'},
        {"exact", no_argument, NULL, 'X'},      {"pivots", required_argument, NULL, 'P'},
        {"seed", required_argument, NULL, 'S'}, {"sample-above", required_argument, NULL, 'A'},
        {"help", no_argument, NULL, 'h'},       {0}};
    allynet_metrics_options o;
    allynet_metrics_options_init(&o);
    o.workers = sysconf(_SC_NPROCESSORS_ONLN) >= 2 ? 2 : 1;
    const char *sort = NULL, *out = "-";
    long top = -1;
    bool json = false, done = false;
    int c, code = 0;
    optind = 0;
    while ((c = cli_getopt(argc, argv, "js:n:t:m:UDd:J:o:h", opts, "metrics", help, &done,
                           &code)) != -1) {
        if (c == 'j') {
            json = true;
        } else if (c == 'U' || c == 'D') {
            o.undirected = c == 'U';
        } else if (c == 'X') {
            o.exact = true;
        } else if (c == 'o') {
            out = optarg;
        } else if ((code = option(c, optarg, &o, &sort, &top)) != 0) {
            return code;
        }
    }
    if (done) {
        return code;
    }
    if (argc - optind != 1) {
        return cli_usage("metrics", "expects one graph file");
    }
    if (o.exact && o.pivots > 0) {
        return cli_usage("metrics", "--exact and --pivots contradict each other");
    }
    cli_progress_begin("metrics");
    code = run(argv[optind], &o, sort, top, json, out);
    cli_progress_end();
    return code;
}
