/* communities.c — blocs and communities of a signed snapshot by five methods (Leiden and Louvain
 * on positive ties, CPM and spinglass on signed ties, Doreian–Mrvar blocs), numbered
 * canonically, each scored by ordinary and signed modularity and the blocs criterion. */
#include "analysis.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const method_names[] = {"leiden", "louvain", "cpm", "spinglass", "blocs"};

void allynet_communities_options_init(allynet_communities_options *o) {
    memset(o, 0, sizeof *o);
    o->method = ALLYNET_COMM_BLOCS;
    o->resolution = 1.0;
    o->k = 2;
    o->alpha = 0.5;
    o->seed = 42;
    o->starts = 200;
}

bool allynet_comm_method_parse(const char *name, allynet_comm_method *out) {
    for (size_t i = 0; i < sizeof method_names / sizeof *method_names; i++) {
        if (strcmp(name, method_names[i]) == 0) {
            *out = (allynet_comm_method)i;
            return true;
        }
    }
    return false;
}

const char *allynet_comm_method_name(allynet_comm_method m) {
    return (size_t)m < sizeof method_names / sizeof *method_names ? method_names[m] : "?";
}

void allynet_communities_free(allynet_communities *c) {
    if (c == NULL) {
        return;
    }
    free(c->membership);
    json_decref(c->treatment);
    free(c);
}

static allynet_status nomem(allynet_error *err) {
    return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}

typedef struct {
    const allynet_graph *g;
    const size_t *first; /* per label: its actor with the smallest id */
} canon_ctx;

static int by_first_id(const void *pa, const void *pb, void *data) {
    const canon_ctx *c = data;
    size_t a = c->first[*(const size_t *)pa], b = c->first[*(const size_t *)pb];
    return strcmp(allynet_graph_actor(c->g, a)->id, allynet_graph_actor(c->g, b)->id);
}

size_t allynet__canonical(const allynet_graph *g, const size_t *raw, size_t *out) {
    size_t n = allynet_graph_actor_count(g), labels = 0, count = 0;
    for (size_t v = 0; v < n; v++) {
        labels = raw[v] + 1 > labels ? raw[v] + 1 : labels;
    }
    size_t *first = malloc((labels + 1) * sizeof *first),
           *used = malloc((labels + 1) * sizeof *used);
    size_t *rank = malloc((labels + 1) * sizeof *rank);
    if (!first || !used || !rank) {
        free(first);
        free(used);
        free(rank);
        return 0;
    }
    for (size_t l = 0; l < labels; l++) {
        first[l] = SIZE_MAX;
    }
    for (size_t v = 0; v < n; v++) {
        size_t l = raw[v];
        if (first[l] == SIZE_MAX) {
            used[count++] = l;
            first[l] = v;
        } else if (strcmp(allynet_graph_actor(g, v)->id, allynet_graph_actor(g, first[l])->id) <
                   0) {
            first[l] = v;
        }
    }
    canon_ctx c = {g, first};
    qsort_r(used, count, sizeof *used, by_first_id, &c);
    for (size_t i = 0; i < count; i++) {
        rank[used[i]] = i;
    }
    for (size_t v = 0; v < n; v++) {
        out[v] = rank[raw[v]];
    }
    free(first);
    free(used);
    free(rank);
    return count;
}

/* ---- the signed, undirected net graph (a pair's weights summed; net zero pairs left out) */

typedef struct {
    size_t m;
    size_t *a, *b;
    double *w;
} net;

static void net_free(net *s) {
    free(s->a);
    free(s->b);
    free(s->w);
}

static bool net_build(const allynet_graph *g, net *s) {
    size_t m = allynet_graph_tie_count(g);
    s->m = 0;
    s->a = malloc((m + 1) * sizeof *s->a);
    s->b = malloc((m + 1) * sizeof *s->b);
    s->w = malloc((m + 1) * sizeof *s->w);
    if (!s->a || !s->b || !s->w) {
        net_free(s);
        return false;
    }
    for (size_t i = 0; i < m; i++) {
        const allynet_tie *t = allynet_graph_tie(g, i);
        long r = allynet_graph_directed(g) ? allynet_graph_find_tie(g, t->target, t->source) : -1;
        if (r >= 0 && (size_t)r < i) {
            continue;
        }
        double w = t->weight + (r >= 0 ? allynet_graph_tie(g, (size_t)r)->weight : 0);
        if (w != 0) {
            s->a[s->m] = t->source;
            s->b[s->m] = t->target;
            s->w[s->m++] = w;
        }
    }
    return true;
}

/* An igraph graph on `n` vertices from the net edges whose ends `keep` maps (SIZE_MAX: left
 * out), with their weights. */
static igraph_error_t net_igraph(const net *s, size_t n, const size_t *map, igraph_t *out,
                                 igraph_vector_t *w) {
    igraph_vector_int_t edges;
    igraph_error_t rc = igraph_vector_int_init(&edges, 0);
    if (rc != IGRAPH_SUCCESS) {
        return rc;
    }
    igraph_vector_clear(w);
    for (size_t e = 0; e < s->m && rc == IGRAPH_SUCCESS; e++) {
        size_t a = map ? map[s->a[e]] : s->a[e], b = map ? map[s->b[e]] : s->b[e];
        if (a == SIZE_MAX || b == SIZE_MAX) {
            continue;
        }
        rc = igraph_vector_int_push_back(&edges, (igraph_integer_t)a);
        if (rc == IGRAPH_SUCCESS) {
            rc = igraph_vector_int_push_back(&edges, (igraph_integer_t)b);
        }
        if (rc == IGRAPH_SUCCESS) {
            rc = igraph_vector_push_back(w, s->w[e]);
        }
    }
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_create(out, &edges, (igraph_integer_t)n, false);
    }
    igraph_vector_int_destroy(&edges);
    return rc;
}

/* ---- the methods; each fills raw (n labels) */

static allynet_status positive_methods(const allynet_graph *g, const allynet_communities_options *o,
                                       size_t *raw, json_t *tr, allynet_error *err) {
    allynet__view v;
    allynet_status st = allynet__view_init(&v, g, ALLYNET_SELECT_POSITIVE, false, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    const char *name = allynet_comm_method_name(o->method);
    if (igraph_ecount(&v.graph) == 0) {
        allynet__view_destroy(&v);
        return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0,
                                 "%s optimises the modularity of positive ties and this graph has "
                                 "none; use --method cpm, spinglass or blocs",
                                 name);
    }
    igraph_vector_int_t mem;
    igraph_vector_t str;
    igraph_vector_int_init(&mem, 0);
    igraph_vector_init(&str, 0);
    igraph_error_t rc =
        igraph_strength(&v.graph, &str, igraph_vss_all(), IGRAPH_ALL, true, &v.strength);
    double total = igraph_vector_sum(&v.strength);
    if (rc == IGRAPH_SUCCESS && o->method == ALLYNET_COMM_LEIDEN) {
        rc = igraph_community_leiden(&v.graph, &v.strength, &str, o->resolution / (2 * total), 0.01,
                                     false, -1, &mem, NULL, NULL);
    } else if (rc == IGRAPH_SUCCESS) {
        rc = igraph_community_multilevel(&v.graph, &v.strength, o->resolution, &mem, NULL, NULL);
    }
    for (size_t i = 0; rc == IGRAPH_SUCCESS && i < allynet_graph_actor_count(g); i++) {
        raw[i] = (size_t)VECTOR(mem)[i];
    }
    bool ok = json_object_set_new(tr, "ties", json_string("positive")) == 0 &&
              json_object_set_new(tr, "reads",
                                  json_string("strength |w|, undirected: a "
                                              "reciprocal pair's weights summed")) == 0 &&
              json_object_set_new(tr, "objective", json_string("modularity")) == 0 &&
              json_object_set_new(tr, "resolution", json_real(o->resolution)) == 0 &&
              json_object_set_new(tr, "ties_excluded",
                                  json_pack("{s:I, s:I}", "negative", (json_int_t)v.excluded_sign,
                                            "zero_weight", (json_int_t)v.excluded_zero)) == 0;
    igraph_vector_int_destroy(&mem);
    igraph_vector_destroy(&str);
    allynet__view_destroy(&v);
    if (rc != IGRAPH_SUCCESS) {
        return allynet__igraph_fail(rc, name, err);
    }
    return ok ? ALLYNET_OK : nomem(err);
}

static allynet_status cpm(const allynet_graph *g, const allynet_communities_options *o, size_t *raw,
                          json_t *tr, allynet_error *err) {
    net s;
    igraph_t ig;
    igraph_vector_t w;
    igraph_vector_int_t mem;
    size_t n = allynet_graph_actor_count(g);
    if (!net_build(g, &s)) {
        return nomem(err);
    }
    igraph_vector_init(&w, 0);
    igraph_vector_int_init(&mem, 0);
    igraph_error_t rc = net_igraph(&s, n, NULL, &ig, &w);
    if (rc == IGRAPH_SUCCESS) {
        double gamma = o->resolution_set ? o->resolution : 0.0;
        rc = igraph_community_leiden(&ig, &w, NULL, gamma, 0.01, false, -1, &mem, NULL, NULL);
        igraph_destroy(&ig);
    }
    for (size_t i = 0; rc == IGRAPH_SUCCESS && i < n; i++) {
        raw[i] = (size_t)VECTOR(mem)[i];
    }
    igraph_vector_destroy(&w);
    igraph_vector_int_destroy(&mem);
    net_free(&s);
    if (rc != IGRAPH_SUCCESS) {
        return allynet__igraph_fail(rc, "cpm", err);
    }
    json_t *t = json_pack("{s:s, s:s, s:s, s:f}", "ties", "all", "reads",
                          "signed weight, undirected: a pair's net weight (both directions "
                          "summed); net zero pairs add nothing",
                          "objective",
                          "constant Potts model: sum over groups of (signed weight inside - "
                          "resolution * pairs inside)",
                          "resolution", o->resolution_set ? o->resolution : 0.0);
    bool ok = t != NULL && json_object_update(tr, t) == 0;
    json_decref(t);
    return ok ? ALLYNET_OK : nomem(err);
}

/* Spinglass on one connected component (`map`: actor -> local vertex, SIZE_MAX outside). */
static igraph_error_t spin_component(const net *s, const size_t *map, size_t size, double gamma,
                                     igraph_vector_int_t *mem) {
    igraph_t ig;
    igraph_vector_t w;
    igraph_error_t rc = igraph_vector_init(&w, 0);
    if (rc != IGRAPH_SUCCESS) {
        return rc;
    }
    rc = net_igraph(s, size, map, &ig, &w);
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_community_spinglass(
            &ig, &w, NULL, NULL, mem, NULL, size < 25 ? (igraph_integer_t)size : 25, false, 1.0,
            0.01, 0.99, IGRAPH_SPINCOMM_UPDATE_CONFIG, gamma, IGRAPH_SPINCOMM_IMP_NEG, 1.0);
        igraph_destroy(&ig);
    }
    igraph_vector_destroy(&w);
    return rc;
}

/* Spinglass refuses disconnected graphs: it runs per component of the net signed graph and the
 * labels are offset so that groups never span components. */
static igraph_error_t spin_all(const net *s, size_t n, double gamma, size_t *raw, size_t *map,
                               igraph_integer_t *ncomp) {
    igraph_t ig;
    igraph_vector_t w;
    igraph_vector_int_t comp, mem;
    igraph_vector_init(&w, 0);
    igraph_vector_int_init(&comp, 0);
    igraph_vector_int_init(&mem, 0);
    igraph_error_t rc = net_igraph(s, n, NULL, &ig, &w);
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_connected_components(&ig, &comp, NULL, ncomp, IGRAPH_WEAK);
        igraph_destroy(&ig);
    }
    size_t offset = 0;
    for (igraph_integer_t c = 0; rc == IGRAPH_SUCCESS && c < *ncomp; c++) {
        size_t size = 0;
        for (size_t v = 0; v < n; v++) {
            map[v] = VECTOR(comp)[v] == c ? size++ : SIZE_MAX;
        }
        if (size > 1) {
            rc = spin_component(s, map, size, gamma, &mem);
        }
        size_t top = 0;
        for (size_t v = 0; rc == IGRAPH_SUCCESS && v < n; v++) {
            if (map[v] != SIZE_MAX) {
                size_t l = size > 1 ? (size_t)VECTOR(mem)[map[v]] : 0;
                raw[v] = offset + l;
                top = l + 1 > top ? l + 1 : top;
            }
        }
        offset += top;
    }
    igraph_vector_destroy(&w);
    igraph_vector_int_destroy(&comp);
    igraph_vector_int_destroy(&mem);
    return rc;
}

static allynet_status spinglass(const allynet_graph *g, const allynet_communities_options *o,
                                size_t *raw, json_t *tr, allynet_error *err) {
    size_t n = allynet_graph_actor_count(g);
    net s;
    size_t *map = malloc((n + 1) * sizeof *map);
    if (map == NULL || !net_build(g, &s)) {
        free(map);
        return nomem(err);
    }
    igraph_integer_t ncomp = 0;
    igraph_error_t rc = spin_all(&s, n, o->resolution, raw, map, &ncomp);
    net_free(&s);
    free(map);
    if (rc != IGRAPH_SUCCESS) {
        return allynet__igraph_fail(rc, "spinglass", err);
    }
    json_t *t = json_pack("{s:s, s:s, s:s, s:f, s:f, s:I, s:s}", "ties", "all", "reads",
                          "signed weight, undirected: a pair's net weight (both directions "
                          "summed); net zero pairs add nothing",
                          "implementation", "negative weights (Traag & Bruggeman 2009)", "gamma",
                          o->resolution, "gamma_minus", 1.0, "components", (json_int_t)ncomp,
                          "note", "run per connected component: groups never span components");
    bool ok = t != NULL && json_object_update(tr, t) == 0;
    json_decref(t);
    return ok ? ALLYNET_OK : nomem(err);
}

static allynet_status blocs(const allynet_graph *g, const allynet_communities_options *o,
                            size_t *raw, json_t *tr, size_t *optima, allynet_error *err) {
    allynet_status st =
        allynet__blocs_search(g, o->k, o->alpha, o->starts, o->seed, raw, optima, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    json_t *t =
        json_pack("{s:s, s:s, s:s, s:I, s:f, s:I}", "ties", "all", "reads",
                  "signed weight of each tie as given, summed over the adjacency matrix: "
                  "the two ties of a directed pair count separately, an undirected tie "
                  "counts in both directions (twice); zero weights add nothing",
                  "objective",
                  "Doreian-Mrvar: alpha * |negative weight inside blocs| + (1 - alpha) * "
                  "positive weight between blocs, minimised by relocation from random "
                  "starts",
                  "k", (json_int_t)o->k, "alpha", o->alpha, "starts", (json_int_t)o->starts);
    bool ok = t != NULL && json_object_update(tr, t) == 0;
    json_decref(t);
    return ok ? ALLYNET_OK : nomem(err);
}

static allynet_status check(const allynet_graph *g, const allynet_communities_options *o,
                            allynet_error *err) {
    size_t n = allynet_graph_actor_count(g);
    if (n == 0) {
        return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0,
                                 "the graph has no actors: there is nothing to partition");
    }
    if ((size_t)o->method >= sizeof method_names / sizeof *method_names) {
        return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0, "unknown method");
    }
    if (!(o->alpha >= 0 && o->alpha <= 1) || !(o->resolution >= 0) || o->starts < 1 || o->k < 1) {
        return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0,
                                 "alpha must lie in [0, 1], resolution be >= 0, k and starts >= 1");
    }
    if (o->method == ALLYNET_COMM_BLOCS && o->k > n) {
        return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0,
                                 "k = %zu blocs is more than the %zu actor%s of the graph", o->k, n,
                                 n == 1 ? "" : "s");
    }
    return ALLYNET_OK;
}

static allynet_status run_method(const allynet_graph *g, const allynet_communities_options *o,
                                 allynet_communities *c, size_t *raw, allynet_error *err) {
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)o->seed);
    switch (o->method) {
    case ALLYNET_COMM_LEIDEN:
    case ALLYNET_COMM_LOUVAIN:
        return positive_methods(g, o, raw, c->treatment, err);
    case ALLYNET_COMM_CPM:
        return cpm(g, o, raw, c->treatment, err);
    case ALLYNET_COMM_SPINGLASS:
        return spinglass(g, o, raw, c->treatment, err);
    default:
        return blocs(g, o, raw, c->treatment, &c->optima, err);
    }
}

allynet_status allynet_communities_compute(const allynet_graph *g,
                                           const allynet_communities_options *opt,
                                           allynet_communities **out, allynet_error *err) {
    allynet_communities_options defaults;
    if (opt == NULL) {
        allynet_communities_options_init(&defaults);
        opt = &defaults;
    }
    *out = NULL;
    allynet_status st = check(g, opt, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    size_t n = allynet_graph_actor_count(g);
    allynet_communities *c = calloc(1, sizeof *c);
    size_t *raw = calloc(n + 1, sizeof *raw);
    if (c == NULL || raw == NULL ||
        (c->membership = calloc(n + 1, sizeof *c->membership)) == NULL ||
        (c->treatment = json_object()) == NULL) {
        free(raw);
        allynet_communities_free(c);
        return nomem(err);
    }
    c->method = opt->method;
    c->n = n;
    st = run_method(g, opt, c, raw, err);
    if (st == ALLYNET_OK && (c->count = allynet__canonical(g, raw, c->membership)) == 0) {
        st = nomem(err);
    }
    if (st == ALLYNET_OK) {
        st =
            allynet_signed_modularity(g, c->membership, &c->signed_modularity, &c->modularity, err);
    }
    free(raw);
    if (st != ALLYNET_OK) {
        allynet_communities_free(c);
        return st;
    }
    c->criterion =
        allynet_blocs_criterion(g, c->membership, opt->alpha, &c->neg_within, &c->pos_between);
    c->alpha = opt->alpha;
    c->seed = opt->seed;
    *out = c;
    return ALLYNET_OK;
}
