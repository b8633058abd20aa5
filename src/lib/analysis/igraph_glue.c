/* igraph_glue.c — igraph setup (our error and warning handlers, seeded RNG) and the conversion
 * of a snapshot into igraph's structures. */
#include "igraph_glue.h"

#include <math.h>
#include <string.h>

static char last_error[512];
static char last_warning[512];

/* igraph calls the handler once per nesting level; only the first call carries the reason. */
static void on_error(const char *reason, const char *file, int line, igraph_error_t code) {
    (void)file;
    (void)line;
    if (last_error[0] == '\0' && reason && *reason) {
        snprintf(last_error, sizeof last_error, "%s (%s)", reason, igraph_strerror(code));
    }
    IGRAPH_FINALLY_FREE();
}

static void on_warning(const char *reason, const char *file, int line) {
    (void)file;
    (void)line;
    snprintf(last_warning, sizeof last_warning, "%s", reason ? reason : "");
}

void allynet_igraph_setup(unsigned long seed) {
    igraph_set_error_handler(on_error);
    igraph_set_warning_handler(on_warning);
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
}

allynet_status allynet__igraph_fail(igraph_error_t code, const char *what, allynet_error *err) {
    allynet_status st = code == IGRAPH_ENOMEM ? ALLYNET_E_NOMEM : ALLYNET_E_RUNTIME;
    allynet_error_set(err, st, NULL, 0, 0, "%s failed in igraph: %s", what,
                      last_error[0] ? last_error : igraph_strerror(code));
    last_error[0] = '\0';
    return st;
}

const char *allynet__igraph_take_warning(void) {
    static char copy[512];
    memcpy(copy, last_warning, sizeof copy);
    last_warning[0] = '\0';
    return copy;
}

static bool keep(double w, allynet_tie_filter which) {
    switch (which) {
    case ALLYNET_TIES_POSITIVE:
        return w > 0;
    case ALLYNET_TIES_NEGATIVE:
        return w < 0;
    default:
        return true;
    }
}

allynet_status allynet__to_igraph(const allynet_graph *g, allynet_tie_filter which, bool directed,
                                  bool collapse, igraph_t *out, igraph_vector_t *weights,
                                  allynet_error *err) {
    size_t n = allynet_graph_actor_count(g), m = allynet_graph_tie_count(g);
    bool gdir = allynet_graph_directed(g);
    igraph_vector_int_t edges;
    if (igraph_vector_int_init(&edges, 0) != IGRAPH_SUCCESS) {
        return allynet__igraph_fail(IGRAPH_ENOMEM, "building the graph", err);
    }
    igraph_error_t rc = igraph_vector_int_reserve(&edges, (igraph_integer_t)(2 * m));
    if (weights) {
        igraph_vector_clear(weights);
    }
    for (size_t i = 0; i < m && rc == IGRAPH_SUCCESS; i++) {
        const allynet_tie *t = allynet_graph_tie(g, i);
        if (!keep(t->weight, which)) {
            continue;
        }
        if (collapse && gdir && !directed) {
            /* The reverse tie, if kept too, is folded into the first of the pair. */
            long r = allynet_graph_find_tie(g, t->target, t->source);
            if (r >= 0 && keep(allynet_graph_tie(g, (size_t)r)->weight, which)) {
                if ((size_t)r < i) {
                    continue;
                }
                if (weights) {
                    rc = igraph_vector_push_back(
                        weights, t->weight + allynet_graph_tie(g, (size_t)r)->weight);
                }
                if (rc == IGRAPH_SUCCESS) {
                    rc = igraph_vector_int_push_back(&edges, (igraph_integer_t)t->source);
                }
                if (rc == IGRAPH_SUCCESS) {
                    rc = igraph_vector_int_push_back(&edges, (igraph_integer_t)t->target);
                }
                continue;
            }
        }
        rc = igraph_vector_int_push_back(&edges, (igraph_integer_t)t->source);
        if (rc == IGRAPH_SUCCESS) {
            rc = igraph_vector_int_push_back(&edges, (igraph_integer_t)t->target);
        }
        if (rc == IGRAPH_SUCCESS && weights) {
            rc = igraph_vector_push_back(weights, t->weight);
        }
    }
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_create(out, &edges, (igraph_integer_t)n, directed && gdir);
    }
    igraph_vector_int_destroy(&edges);
    if (rc != IGRAPH_SUCCESS) {
        return allynet__igraph_fail(rc, "building the graph", err);
    }
    return ALLYNET_OK;
}
