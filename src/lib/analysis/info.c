/* info.c — the one-glance summary of a snapshot: actors, ties by sign, density, components. */
#include "igraph_glue.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static allynet_status count_components(const allynet_graph *g, igraph_connectedness_t mode,
                                       size_t *out, allynet_error *err) {
    igraph_t ig;
    allynet_status st =
        allynet__to_igraph(g, ALLYNET_TIES_ALL, mode == IGRAPH_STRONG, false, &ig, NULL, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    igraph_integer_t n = 0;
    igraph_error_t rc = igraph_connected_components(&ig, NULL, NULL, &n, mode);
    igraph_destroy(&ig);
    if (rc != IGRAPH_SUCCESS) {
        return allynet__igraph_fail(rc, "connected components", err);
    }
    *out = (size_t)n;
    return ALLYNET_OK;
}

allynet_status allynet_info_compute(const allynet_graph *g, allynet_info *out, allynet_error *err) {
    memset(out, 0, sizeof *out);
    size_t n = allynet_graph_actor_count(g), m = allynet_graph_tie_count(g);
    out->actors = n;
    out->ties = m;
    bool *touched = calloc(n + 1, sizeof *touched);
    if (touched == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t i = 0; i < m; i++) {
        const allynet_tie *t = allynet_graph_tie(g, i);
        if (t->weight > 0) {
            out->ties_pos++;
            out->weight_pos += t->weight;
        } else if (t->weight < 0) {
            out->ties_neg++;
            out->weight_neg += t->weight;
        } else {
            out->ties_zero++;
        }
        if (__builtin_add_overflow(out->events, t->events, &out->events)) {
            free(touched);
            return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0,
                                     "the event counts of the ties sum beyond 2^63");
        }
        touched[t->source] = touched[t->target] = true;
    }
    for (size_t i = 0; i < n; i++) {
        out->isolates += !touched[i];
    }
    free(touched);
    if (!isfinite(out->weight_pos) || !isfinite(out->weight_neg)) {
        return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0,
                                 "the %s ties' weights sum beyond the largest number",
                                 isfinite(out->weight_pos) ? "negative" : "positive");
    }
    double possible = (double)n * (double)(n - (n > 0));
    if (!allynet_graph_directed(g)) {
        possible /= 2;
    }
    out->density = possible > 0 ? (double)m / possible : 0.0;
    allynet_status st = count_components(g, IGRAPH_WEAK, &out->weak_components, err);
    if (st == ALLYNET_OK) {
        st = allynet_graph_directed(g)
                 ? count_components(g, IGRAPH_STRONG, &out->strong_components, err)
                 : ALLYNET_OK;
        if (!allynet_graph_directed(g)) {
            out->strong_components = out->weak_components;
        }
    }
    return st;
}

json_t *allynet_info_to_json(const allynet_graph *g, const allynet_info *i) {
    const char *name = allynet_graph_name(g), *date = allynet_graph_date(g);
    return json_pack("{s:s*, s:s*, s:b, s:I, s:{s:I, s:I, s:I, s:I}, s:f, s:{s:I, s:I}, s:I, "
                     "s:I, s:{s:f, s:f}}",
                     "name", name, "date", date, "directed", allynet_graph_directed(g), "actors",
                     (json_int_t)i->actors, "ties", "total", (json_int_t)i->ties, "positive",
                     (json_int_t)i->ties_pos, "negative", (json_int_t)i->ties_neg, "zero",
                     (json_int_t)i->ties_zero, "density", i->density, "components", "weak",
                     (json_int_t)i->weak_components, "strong", (json_int_t)i->strong_components,
                     "isolates", (json_int_t)i->isolates, "events", (json_int_t)i->events, "weight",
                     "positive", i->weight_pos, "negative", i->weight_neg);
}
