/* cmd_communities.c — `allynet communities G`: blocs and communities by a chosen method, with
 * ordinary and signed modularity, as a table or JSON. */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *help =
    "usage: allynet communities [--method leiden|louvain|cpm|spinglass|blocs] [--k K]\n"
    "                           [--alpha A] [--resolution R] [--starts N] [--seed S] [--json]\n"
    "                           [-o FILE] G\n\n"
    "Splits the actors into groups. Methods and the ties they read:\n\n"
    "  blocs      (default) signed partition into exactly K blocs minimising the Doreian-Mrvar\n"
    "             criterion alpha*N + (1-alpha)*P: N = |weight| of negative ties inside blocs,\n"
    "             P = weight of positive ties between blocs, summed over the adjacency matrix\n"
    "             (a directed tie counts once, an undirected tie twice, once per direction, as\n"
    "             Doreian and Mrvar define it). Relocation (moves, and pair swaps up\n"
    "             to 400 actors) from --starts seeded random starts; 'optima' counts the\n"
    "             distinct partitions found with the best value.\n"
    "  leiden     Leiden, modularity of the positive ties (|w|, undirected, a reciprocal\n"
    "             pair's weights summed); negative ties are not read. --resolution (default 1)\n"
    "  louvain    Louvain (multilevel), the same modularity\n"
    "  cpm        Leiden with the constant Potts model on signed weights (a pair's net weight):\n"
    "             positive ties pull together, negative ones push apart; --resolution\n"
    "             (default 0) charges each pair inside a group\n"
    "  spinglass  spinglass with negative weights (Traag & Bruggeman), gamma = --resolution\n"
    "             (default 1), run per connected component: groups never span components\n\n"
    "Every partition is scored by modularity (positive ties only), signed modularity (Gomez,\n"
    "Jensen & Arenas 2009: (w+ Q+ - w- Q-) / (w+ + w-), directed when the graph is) and the\n"
    "blocs criterion with --alpha. Groups are numbered by their smallest actor id. The same\n"
    "input, options and seed give the same output.\n\n"
    "  --method M      see above\n"
    "  --k K           blocs: number of blocs (default 2; at most the number of actors)\n"
    "  --alpha A       weight of negative ties inside blocs, in [0, 1] (default 0.5)\n"
    "  --resolution R  resolution of leiden, louvain, cpm and spinglass (>= 0)\n"
    "  --starts N      blocs: random starts (default 200)\n"
    "  --seed S        random seed (default 42)\n"
    "  --json          machine-readable JSON: {\"method\", \"count\", \"modularity\",\n"
    "                  \"signed_modularity\", \"membership\": {id: group}, ...}\n"
    "  -o FILE         write here (atomically; default: stdout)\n";

typedef struct {
    const allynet_graph *g;
    const allynet_communities *c;
    bool json;
} out_ctx;

static void table(FILE *f, const out_ctx *x) {
    json_t *j = allynet_communities_to_json(x->g, x->c);
    const allynet_communities *c = x->c;
    fprintf(f, "method             %s\n", allynet_comm_method_name(c->method));
    fprintf(f, "groups             %zu\n", c->count);
    fprintf(f, "modularity (+)     %s%.4f\n", isfinite(c->modularity) ? "" : "- ",
            isfinite(c->modularity) ? c->modularity : 0.0);
    fprintf(f, "signed modularity  %.4f\n", c->signed_modularity);
    fprintf(f,
            "criterion          %.4f (alpha %.2f: %.4f negative inside, %.4f positive "
            "between)\n",
            c->criterion, c->alpha, c->neg_within, c->pos_between);
    if (c->method == ALLYNET_COMM_BLOCS) {
        fprintf(f, "optima found       %zu\n", c->optima);
    }
    json_t *groups = json_object_get(j, "groups"), *grp;
    size_t i;
    fputc('\n', f);
    json_array_foreach(groups, i, grp) {
        fprintf(f, "%3zu (%" JSON_INTEGER_FORMAT "):", i,
                json_integer_value(json_object_get(grp, "size")));
        json_t *m;
        size_t k;
        json_array_foreach(json_object_get(grp, "members"), k, m) {
            fprintf(f, " %s", json_string_value(m));
        }
        fputc('\n', f);
    }
    json_decref(j);
}

static allynet_status write_out(FILE *f, void *ctx, allynet_error *err) {
    const out_ctx *x = ctx;
    if (x->json) {
        json_t *j = allynet_communities_to_json(x->g, x->c);
        if (j == NULL) {
            return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
        }
        int rc = json_dumpf(j, f, JSON_INDENT(2) | JSON_REAL_PRECISION(12));
        json_decref(j);
        if (rc != 0 || fputc('\n', f) == EOF) {
            return allynet_error_set(err, ALLYNET_E_IO, NULL, 0, 0, "write error");
        }
        return ALLYNET_OK;
    }
    table(f, x);
    return ferror(f) ? allynet_error_set(err, ALLYNET_E_IO, NULL, 0, 0, "write error") : ALLYNET_OK;
}

static bool number(const char *arg, double lo, double hi, double *out) {
    char *end = NULL;
    *out = strtod(arg, &end);
    return *arg && !*end && *out >= lo && *out <= hi;
}

static int option(int c, const char *arg, allynet_communities_options *o) {
    double v = 0;
    if (c == 'M' && !allynet_comm_method_parse(arg, &o->method)) {
        return cli_usage("communities",
                         "unknown method '%s' (leiden, louvain, cpm, spinglass, blocs)", arg);
    } else if (c == 'k') {
        if (!number(arg, 1, 1e9, &v) || v != floor(v)) {
            return cli_usage("communities", "--k takes a whole number >= 1, not '%s'", arg);
        }
        o->k = (size_t)v;
    } else if (c == 'a') {
        if (!number(arg, 0, 1, &o->alpha)) {
            return cli_usage("communities", "--alpha takes a number in [0, 1], not '%s'", arg);
        }
    } else if (c == 'r') {
        if (!number(arg, 0, 1e12, &o->resolution)) {
            return cli_usage("communities", "--resolution takes a number >= 0, not '%s'", arg);
        }
        o->resolution_set = true;
    } else if (c == 'n') {
        if (!number(arg, 1, 1e7, &v) || v != floor(v)) {
            return cli_usage("communities", "--starts takes a whole number >= 1, not '%s'", arg);
        }
        o->starts = (size_t)v;
    } else if (c == 's') {
        if (!number(arg, 0, 4294967295.0, &v) || v != floor(v)) {
            return cli_usage("communities", "--seed takes a whole number >= 0, not '%s'", arg);
        }
        o->seed = (unsigned long)v;
    }
    return 0;
}

static int run(const char *path, const allynet_communities_options *o, bool json, const char *out) {
    allynet_graph *g = NULL;
    int code = cli_load(path, &g);
    if (code != 0) {
        return code;
    }
    allynet_error err = {0};
    allynet_communities *c = NULL;
    if (allynet_communities_compute(g, o, &c, &err) != ALLYNET_OK) {
        snprintf(err.source, sizeof err.source, "%s", path);
        code = cli_fail(&err);
    } else {
        out_ctx x = {g, c, json};
        if (allynet_write_atomic(out, write_out, &x, &err) != ALLYNET_OK) {
            code = cli_fail(&err);
        }
    }
    allynet_communities_free(c);
    allynet_graph_free(g);
    return code;
}

int cmd_communities(int argc, char **argv) {
    static const struct option opts[] = {
        {"method", required_argument, NULL, 'M'}, {"k", required_argument, NULL, 'k'},
        {"alpha", required_argument, NULL, 'a'},  {"resolution", required_argument, NULL, 'r'},
        {"starts", required_argument, NULL, 'n'}, {"seed", required_argument, NULL, 's'},
        {"json", no_argument, NULL, 'j'},         {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},         {0}};
    allynet_communities_options o;
    allynet_communities_options_init(&o);
    const char *out = "-";
    bool json = false, done = false;
    int c, code = 0;
    optind = 0;
    while ((c = cli_getopt(argc, argv, "M:k:a:r:n:s:jo:h", opts, "communities", help, &done,
                           &code)) != -1) {
        if (c == 'j') {
            json = true;
        } else if (c == 'o') {
            out = optarg;
        } else if ((code = option(c, optarg, &o)) != 0) {
            return code;
        }
    }
    if (done) {
        return code;
    }
    if (argc - optind != 1) {
        return cli_usage("communities", "expects one graph file");
    }
    return run(argv[optind], &o, json, out);
}
