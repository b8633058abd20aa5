/* metrics_igraph.c — the metrics igraph computes for us, each on a weighted view whose weights
 * igraph can take: shortest paths on lengths 1/|w| (betweenness, closeness, harmonic), spectral
 * scores on strengths |w| (eigenvector, PageRank, hub and authority), Barrat clustering.
 *
 * Betweenness with closeness and harmonic "out" come from the one-pass code in paths.c (split
 * over two processes with two workers); closeness "in" and "all" use igraph's passes. */
#include "analysis.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static allynet_status nomem(allynet_error *err) {
    return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}

static bool put(json_t *obj, const char *key, json_t *value) {
    return value != NULL && json_object_set_new(obj, key, value) == 0;
}

/* ARPACK leaves rounding noise such as -1e-17 where the exact score is 0: scores scaled to a
 * maximum of 1 are snapped to 0 below 1e-13. */
static double snap(double x) {
    return fabs(x) < 1e-13 ? 0.0 : x;
}

static igraph_neimode_t neimode(allynet_mode m) {
    return m == ALLYNET_MODE_IN ? IGRAPH_IN : m == ALLYNET_MODE_ALL ? IGRAPH_ALL : IGRAPH_OUT;
}

static const char *mode_name(allynet_mode m) {
    return m == ALLYNET_MODE_IN ? "in" : m == ALLYNET_MODE_ALL ? "all" : "out";
}

/* Closeness then harmonic into out[0..n) and out[n..2n). */
static igraph_error_t distances(const allynet__view *v, allynet_mode mode, double *out) {
    igraph_integer_t n = igraph_vcount(&v->graph);
    igraph_vector_t res;
    igraph_error_t rc = igraph_vector_init(&res, n);
    if (rc != IGRAPH_SUCCESS) {
        return rc;
    }
    rc = igraph_closeness(&v->graph, &res, NULL, NULL, igraph_vss_all(), neimode(mode), &v->length,
                          true);
    for (igraph_integer_t i = 0; rc == IGRAPH_SUCCESS && i < n; i++) {
        out[i] = VECTOR(res)[i];
    }
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_harmonic_centrality(&v->graph, &res, igraph_vss_all(), neimode(mode),
                                        &v->length, true);
    }
    for (igraph_integer_t i = 0; rc == IGRAPH_SUCCESS && i < n; i++) {
        out[n + i] = n > 1 ? VECTOR(res)[i] : NAN;
    }
    igraph_vector_destroy(&res);
    return rc;
}

/* The one-pass Brandes code (paths.c) serves closeness "out" and undirected views; mode in and
 * all fall back to igraph's three passes. */
static allynet_status path_values_fast(const allynet__view *v, const allynet_metrics_options *o,
                                       allynet_metrics *m, allynet_error *err) {
    size_t n = m->n;
    double *d = malloc((3 * n + 1) * sizeof *d);
    if (d == NULL || !allynet__paths(v, o->workers, d)) {
        free(d);
        return nomem(err);
    }
    for (size_t i = 0; i < n; i++) {
        m->actors[i].betweenness = d[i];
        m->actors[i].closeness = d[n + i];
        m->actors[i].harmonic = d[2 * n + i];
    }
    free(d);
    return ALLYNET_OK;
}

static allynet_status path_values(const allynet__view *v, const allynet_metrics_options *o,
                                  allynet_metrics *m, allynet_error *err) {
    size_t n = m->n, k = allynet__paths_pivots(v, o);
    if (k > 0) {
        return allynet__paths_sampled(v, o, k, m, err);
    }
    if (o->mode == ALLYNET_MODE_OUT || !v->directed) {
        return path_values_fast(v, o, m, err);
    }
    double *d = malloc((2 * n + 1) * sizeof *d);
    igraph_vector_t btw;
    if (d == NULL || igraph_vector_init(&btw, (igraph_integer_t)n) != IGRAPH_SUCCESS) {
        free(d);
        return nomem(err);
    }
    igraph_error_t rc =
        igraph_betweenness(&v->graph, &btw, igraph_vss_all(), v->directed, &v->length);
    if (rc == IGRAPH_SUCCESS) {
        rc = distances(v, o->mode, d);
    }
    for (size_t i = 0; rc == IGRAPH_SUCCESS && i < n; i++) {
        m->actors[i].betweenness = VECTOR(btw)[i];
        m->actors[i].closeness = d[i];
        m->actors[i].harmonic = d[n + i];
    }
    igraph_vector_destroy(&btw);
    free(d);
    return rc == IGRAPH_SUCCESS ? ALLYNET_OK : allynet__igraph_fail(rc, "path metrics", err);
}

static bool path_treatment(const allynet__view *v, const allynet_metrics_options *o, bool sampled,
                           json_t *tr) {
    json_t *b = allynet__view_treatment(v, o->ties, "length");
    json_t *c = allynet__view_treatment(v, o->ties, "length");
    json_t *h = allynet__view_treatment(v, o->ties, "length");
    bool ok = put(tr, "betweenness", b) && put(tr, "closeness", c) && put(tr, "harmonic", h) &&
              put(b, "algorithm",
                  json_string(sampled ? "Brandes, from sampled pivots (see approximations); "
                                        "path lengths equal within 1e-10 (relative) count as ties"
                                      : "Brandes: one Dijkstra per source; path lengths "
                                        "equal within 1e-10 (relative) count as ties"));
    return ok &&
           put(b, "normalized",
               json_string("no: the number of shortest paths through the actor (each unordered "
                           "pair once when undirected)")) &&
           put(c, "mode", json_string(mode_name(o->mode))) &&
           put(c, "normalized",
               json_string("1 / mean distance to the actors it reaches; "
                           "unreachable actors are left out (igraph's "
                           "convention); null for an actor that reaches none")) &&
           put(h, "mode", json_string(mode_name(o->mode))) &&
           put(h, "normalized",
               json_string("sum of 1/distance over the other actors, divided "
                           "by n - 1 (unreachable ones add 0)"));
}

allynet_status allynet__metrics_paths(const allynet_graph *g, const allynet_metrics_options *o,
                                      allynet_metrics *m, allynet_error *err) {
    allynet__view v;
    allynet_status st = allynet__view_init(&v, g, o->ties, !o->undirected, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    st = path_values(&v, o, m, err);
    bool sampled = json_object_get(m->approximations, "betweenness") != NULL;
    if (st == ALLYNET_OK && !path_treatment(&v, o, sampled, m->treatment)) {
        st = nomem(err);
    }
    allynet__view_destroy(&v);
    return st;
}

/* ---- spectral */

/* Eigenvector centrality (scaled to max 1); NaN and a reason when no tie was selected. */
static allynet_status eigenvector(const allynet__view *v, allynet_metrics *m, json_t *t,
                                  allynet_error *err) {
    igraph_vector_t res;
    if (igraph_vector_init(&res, 0) != IGRAPH_SUCCESS) {
        return nomem(err);
    }
    bool none = igraph_ecount(&v->graph) == 0;
    igraph_real_t value = 0;
    (void)allynet__igraph_take_warning(); /* only this call's warning belongs to the record */
    igraph_error_t rc = none ? IGRAPH_SUCCESS
                             : igraph_eigenvector_centrality(&v->graph, &res, &value, v->directed,
                                                             true, &v->strength, NULL);
    const char *warning = allynet__igraph_take_warning();
    /* ARPACK stops at its iteration limit on some small directed graphs (leading eigenvalues of
     * one modulus); the shifted power iteration then finds the same eigenvector. */
    size_t power_steps = 0;
    char unconverged[320];
    bool arpack_failed =
        (rc >= IGRAPH_ARPACK_PROD && rc <= IGRAPH_ARPACK_SHUR) || rc == IGRAPH_ARPACK_MAXIT;
    if (arpack_failed) {
        if (igraph_vector_resize(&res, (igraph_integer_t)m->n) != IGRAPH_SUCCESS) {
            igraph_vector_destroy(&res);
            return nomem(err);
        }
        double change = 0;
        int prc = allynet__eigenvector_power(v, VECTOR(res), &power_steps, &change);
        if (prc < 0) {
            igraph_vector_destroy(&res);
            return nomem(err);
        }
        rc = IGRAPH_SUCCESS;
        warning = "";
        if (prc == 1) {
            snprintf(unconverged, sizeof unconverged,
                     "power iteration stopped after %zu steps with a last change of %.3g: the "
                     "leading eigenvalue is not simple (strongly connected parts of equal "
                     "weight), so the scores are the limit from a uniform start, not a unique "
                     "eigenvector",
                     power_steps, change);
            warning = unconverged;
        }
    }
    double top = 0;
    for (size_t i = 0; rc == IGRAPH_SUCCESS && !none && i < m->n; i++) {
        top = fmax(top, VECTOR(res)[i]);
    }
    const char *why = none       ? "no tie of the selected sign"
                      : top <= 0 ? "zero everywhere: no cycle of selected ties (an actor's score "
                                   "comes only from ties into it)"
                                 : NULL;
    for (size_t i = 0; rc == IGRAPH_SUCCESS && i < m->n; i++) {
        m->actors[i].eigenvector = why ? NAN : snap(VECTOR(res)[i]);
    }
    igraph_vector_destroy(&res);
    if (rc != IGRAPH_SUCCESS) {
        return allynet__igraph_fail(rc, "eigenvector centrality", err);
    }
    bool ok = put(t, "scale", json_string("max = 1")) &&
              (!v->directed || put(t, "direction", json_string("in: scores flow along ties"))) &&
              (!why || (put(t, "defined", json_false()) && put(t, "reason", json_string(why)))) &&
              (!arpack_failed ||
               (put(t, "algorithm",
                    json_string("power iteration on A + cI (c: the largest weighted in-degree) "
                                "to a change below 1e-14; igraph's ARPACK did not converge")) &&
                put(t, "iterations", json_integer((json_int_t)power_steps)))) &&
              (!warning[0] || put(t, "warning", json_string(warning)));
    return ok ? ALLYNET_OK : nomem(err);
}

static allynet_status pagerank(const allynet__view *v, const allynet_metrics_options *o,
                               allynet_metrics *m, json_t *t, allynet_error *err) {
    double *x = malloc((m->n + 1) * sizeof *x);
    if (x == NULL || !allynet__pagerank(v, o->damping, x)) {
        free(x);
        return nomem(err);
    }
    for (size_t i = 0; i < m->n; i++) {
        m->actors[i].pagerank = x[i];
    }
    free(x);
    return put(t, "damping", json_real(o->damping)) &&
                   put(t, "algorithm",
                       json_string("power iteration to 1e-15; an actor without "
                                   "outgoing selected ties jumps uniformly"))
               ? ALLYNET_OK
               : nomem(err);
}

static allynet_status hubs(const allynet__view *v, allynet_metrics *m, json_t *th, json_t *ta,
                           allynet_error *err) {
    const char *why = !v->directed                    ? "ties read as undirected"
                      : igraph_ecount(&v->graph) == 0 ? "no tie of the selected sign"
                                                      : NULL;
    igraph_vector_t hub, auth;
    igraph_error_t rc = IGRAPH_SUCCESS;
    if (igraph_vector_init(&hub, 0) != IGRAPH_SUCCESS) {
        return nomem(err);
    }
    if (igraph_vector_init(&auth, 0) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&hub);
        return nomem(err);
    }
    igraph_real_t value = 0;
    if (why == NULL) {
        rc = igraph_hub_and_authority_scores(&v->graph, &hub, &auth, &value, true, &v->strength,
                                             NULL);
    }
    for (size_t i = 0; rc == IGRAPH_SUCCESS && i < m->n; i++) {
        m->actors[i].hub = why ? NAN : snap(VECTOR(hub)[i]);
        m->actors[i].authority = why ? NAN : snap(VECTOR(auth)[i]);
    }
    igraph_vector_destroy(&hub);
    igraph_vector_destroy(&auth);
    if (rc != IGRAPH_SUCCESS) {
        return allynet__igraph_fail(rc, "hub and authority scores", err);
    }
    bool ok = put(th, "scale", json_string("max = 1")) && put(ta, "scale", json_string("max = 1"));
    if (ok && why) {
        ok = put(th, "defined", json_false()) && put(th, "reason", json_string(why)) &&
             put(ta, "defined", json_false()) && put(ta, "reason", json_string(why));
    }
    return ok ? ALLYNET_OK : nomem(err);
}

allynet_status allynet__metrics_spectral(const allynet_graph *g, const allynet_metrics_options *o,
                                         allynet_metrics *m, allynet_error *err) {
    allynet__view v;
    allynet_status st = allynet__view_init(&v, g, o->ties, !o->undirected, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    json_t *te = allynet__view_treatment(&v, o->ties, "strength");
    json_t *tp = allynet__view_treatment(&v, o->ties, "strength");
    json_t *th = allynet__view_treatment(&v, o->ties, "strength");
    json_t *ta = allynet__view_treatment(&v, o->ties, "strength");
    if (!put(m->treatment, "eigenvector", te) || !put(m->treatment, "pagerank", tp) ||
        !put(m->treatment, "hub", th) || !put(m->treatment, "authority", ta)) {
        st = nomem(err);
    }
    if (st == ALLYNET_OK) {
        st = eigenvector(&v, m, te, err);
    }
    if (st == ALLYNET_OK) {
        st = pagerank(&v, o, m, tp, err);
    }
    if (st == ALLYNET_OK) {
        st = hubs(&v, m, th, ta, err);
    }
    allynet__view_destroy(&v);
    return st;
}

/* ---- clustering */

allynet_status allynet__metrics_clustering(const allynet_graph *g, const allynet_metrics_options *o,
                                           allynet_metrics *m, allynet_error *err) {
    allynet__view v;
    allynet_status st = allynet__view_init(&v, g, o->ties, false, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    igraph_vector_t res;
    if (igraph_vector_init(&res, 0) != IGRAPH_SUCCESS) {
        allynet__view_destroy(&v);
        return nomem(err);
    }
    igraph_error_t rc = igraph_transitivity_barrat(&v.graph, &res, igraph_vss_all(), &v.strength,
                                                   IGRAPH_TRANSITIVITY_NAN);
    for (size_t i = 0; rc == IGRAPH_SUCCESS && i < m->n; i++) {
        m->actors[i].clustering = VECTOR(res)[i];
    }
    igraph_vector_destroy(&res);
    json_t *t = allynet__view_treatment(&v, o->ties, "strength");
    allynet__view_destroy(&v);
    if (rc != IGRAPH_SUCCESS) {
        json_decref(t);
        return allynet__igraph_fail(rc, "Barrat clustering", err);
    }
    bool ok = put(m->treatment, "clustering", t) &&
              put(t, "method", json_string("Barrat et al. 2004 weighted local clustering")) &&
              put(t, "undefined", json_string("null for an actor with fewer than two partners"));
    return ok ? ALLYNET_OK : nomem(err);
}
