/* metrics.c — per-actor centrality with declared weight semantics: degree and strength from the
 * ties themselves; shortest-path metrics on lengths 1/|w|; spectral metrics on strengths |w|;
 * Barrat clustering; the signed PN and signed eigenvector. Each metric's treatment (which ties,
 * read how, in which direction) is recorded next to the figures. */
#include "analysis.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const allynet_metrics_keys[] = {
    "degree",    "degree_in",          "degree_out",  "strength_pos", "strength_neg", "betweenness",
    "closeness", "harmonic",           "eigenvector", "pagerank",     "hub",          "authority",
    "pn",        "signed_eigenvector", "clustering",  NULL,
};

void allynet_metrics_options_init(allynet_metrics_options *o) {
    memset(o, 0, sizeof *o);
    o->ties = ALLYNET_SELECT_POSITIVE;
    o->mode = ALLYNET_MODE_OUT;
    o->damping = 0.85;
    o->workers = 1;
    o->sample_above = ALLYNET_SAMPLE_ABOVE;
    o->seed = 42;
}

bool allynet_metrics_value(const allynet_actor_metrics *a, const char *key, double *out) {
    const double v[] = {
        (double)a->degree,
        (double)a->degree_in,
        (double)a->degree_out,
        a->strength_pos,
        a->strength_neg,
        a->betweenness,
        a->closeness,
        a->harmonic,
        a->eigenvector,
        a->pagerank,
        a->hub,
        a->authority,
        a->pn,
        a->signed_eigenvector,
        a->clustering,
    };
    for (size_t i = 0; allynet_metrics_keys[i]; i++) {
        if (strcmp(allynet_metrics_keys[i], key) == 0) {
            *out = v[i];
            return true;
        }
    }
    return false;
}

void allynet_metrics_free(allynet_metrics *m) {
    if (m == NULL) {
        return;
    }
    free(m->actors);
    json_decref(m->treatment);
    json_decref(m->approximations);
    free(m);
}

static allynet_status nomem(allynet_error *err) {
    return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}

/* Sets key -> value in obj (steals value); false when out of memory. */
static bool put(json_t *obj, const char *key, json_t *value) {
    return value != NULL && json_object_set_new(obj, key, value) == 0;
}

/* Degree and strength come straight from the ties: every sign counts for degree. */
static void local_counts(const allynet_graph *g, allynet_metrics *m) {
    bool dir = allynet_graph_directed(g);
    for (size_t i = 0; i < allynet_graph_tie_count(g); i++) {
        const allynet_tie *t = allynet_graph_tie(g, i);
        allynet_actor_metrics *s = &m->actors[t->source], *d = &m->actors[t->target];
        s->degree_out++;
        d->degree_in++;
        if (!dir) {
            s->degree_in++;
            d->degree_out++;
        }
        double pos = t->weight > 0 ? t->weight : 0, neg = t->weight < 0 ? t->weight : 0;
        s->strength_pos += pos;
        d->strength_pos += pos;
        s->strength_neg += neg;
        d->strength_neg += neg;
    }
    for (size_t i = 0; i < m->n; i++) {
        allynet_actor_metrics *a = &m->actors[i];
        a->degree = dir ? a->degree_in + a->degree_out : a->degree_in;
    }
}

static bool local_treatment(json_t *tr) {
    return put(tr, "degree",
               json_pack("{s:s, s:s, s:s}", "reads", "count", "ties", "all (any sign, zero too)",
                         "direction", "degree = degree_in + degree_out when directed")) &&
           put(tr, "strength_pos",
               json_pack("{s:s, s:s, s:s}", "reads", "strength", "ties", "positive", "direction",
                         "in + out")) &&
           put(tr, "strength_neg",
               json_pack("{s:s, s:s, s:s, s:s}", "reads", "strength", "ties", "negative",
                         "direction", "in + out", "sign", "kept: the sum is <= 0"));
}

/* Treatment shared by the metrics that read one weighted view. */
json_t *allynet__view_treatment(const allynet__view *v, allynet_tie_select sel, const char *reads) {
    const char *how = strcmp(reads, "length") == 0 ? "1/|w|" : "|w|";
    json_t *t =
        json_pack("{s:s, s:s, s:s, s:b, s:I, s:{s:I, s:I}}", "reads", reads, "weight", how, "ties",
                  allynet__tie_select_name(sel), "directed", v->directed, "ties_used",
                  (json_int_t)v->used, "ties_excluded", "other_sign", (json_int_t)v->excluded_sign,
                  "zero_weight", (json_int_t)v->excluded_zero);
    if (t != NULL && v->scale != 1.0) {
        /* Extreme weights (weights.c): |w| read divided by the largest, lengths in those units. */
        json_object_set_new(t, "scaled", json_real(v->scale));
    }
    return t;
}

/* Records why a signed metric is undefined here; the caller has set its values to NaN. */
static allynet_status undefined(json_t *t, const allynet_error *e, allynet_error *err) {
    if (e->code != ALLYNET_E_INPUT) {
        return allynet_error_set(err, e->code, NULL, 0, 0, "%s", e->text);
    }
    return put(t, "defined", json_false()) && put(t, "reason", json_string(e->text)) ? ALLYNET_OK
                                                                                     : nomem(err);
}

static allynet_status pn_metric(const allynet_graph *g, allynet_metrics *m, double *x,
                                allynet_error *err) {
    json_t *t = json_pack("{s:s, s:s, s:s, s:s}", "reads", "signed strength", "ties", "all",
                          "formula", "PN = (I - A/(2n-2))^-1 1, A = P - 2N", "weight",
                          "P and N: positive and negative magnitudes, both directions added, "
                          "divided by the largest entry");
    if (!put(m->treatment, "pn", t)) {
        return nomem(err);
    }
    allynet_error e = {0};
    bool ok = allynet_pn_centrality(g, x, &e) == ALLYNET_OK;
    for (size_t i = 0; i < m->n; i++) {
        m->actors[i].pn = ok ? x[i] : NAN;
    }
    return ok ? ALLYNET_OK : undefined(t, &e, err);
}

static allynet_status signed_eig_metric(const allynet_graph *g, allynet_metrics *m, double *x,
                                        allynet_error *err) {
    json_t *t =
        json_pack("{s:s, s:s, s:s}", "reads", "signed strength", "ties", "all", "matrix",
                  "S = P - N, both directions added; the eigenvector of the eigenvalue "
                  "of largest magnitude, scaled to max |x| = 1, its largest entry positive");
    if (!put(m->treatment, "signed_eigenvector", t)) {
        return nomem(err);
    }
    allynet_error e = {0};
    double lambda = 0;
    bool ok = allynet_signed_eigenvector(g, x, &lambda, &e) == ALLYNET_OK;
    for (size_t i = 0; i < m->n; i++) {
        m->actors[i].signed_eigenvector = ok ? x[i] : NAN;
    }
    if (!ok) {
        return undefined(t, &e, err);
    }
    return put(t, "eigenvalue", json_real(lambda)) ? ALLYNET_OK : nomem(err);
}

static allynet_status signed_metrics(const allynet_graph *g, allynet_metrics *m,
                                     allynet_error *err) {
    double *x = malloc((m->n + 1) * sizeof *x);
    if (x == NULL) {
        return nomem(err);
    }
    allynet_status st = pn_metric(g, m, x, err);
    if (st == ALLYNET_OK) {
        st = signed_eig_metric(g, m, x, err);
    }
    free(x);
    return st;
}

static allynet_status check_options(const allynet_metrics_options *o, allynet_error *err) {
    if (!(o->damping > 0 && o->damping < 1)) {
        return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0,
                                 "the PageRank damping factor must lie strictly between 0 and 1");
    }
    if (o->workers < 1 || o->workers > 2) {
        return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0, "workers must be 1 or 2");
    }
    if (!(o->sample_above >= 0)) {
        return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0,
                                 "the size above which paths are sampled must be >= 0");
    }
    if (o->ties > ALLYNET_SELECT_ABS || o->mode > ALLYNET_MODE_ALL) {
        return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0, "unknown tie selection or mode");
    }
    return ALLYNET_OK;
}

allynet_status allynet_metrics_compute(const allynet_graph *g, const allynet_metrics_options *opt,
                                       allynet_metrics **out, allynet_error *err) {
    allynet_metrics_options defaults;
    if (opt == NULL) {
        allynet_metrics_options_init(&defaults);
        opt = &defaults;
    }
    *out = NULL;
    allynet_status st = check_options(opt, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    allynet_metrics *m = calloc(1, sizeof *m);
    if (m == NULL) {
        return nomem(err);
    }
    m->n = allynet_graph_actor_count(g);
    m->actors = calloc(m->n + 1, sizeof *m->actors);
    m->treatment = json_object();
    m->approximations = json_object();
    if (m->actors == NULL || m->treatment == NULL || m->approximations == NULL ||
        !local_treatment(m->treatment)) {
        allynet_metrics_free(m);
        return nomem(err);
    }
    local_counts(g, m);
    st = allynet__metrics_paths(g, opt, m, err);
    if (st == ALLYNET_OK) {
        st = allynet__metrics_spectral(g, opt, m, err);
    }
    if (st == ALLYNET_OK) {
        st = allynet__metrics_clustering(g, opt, m, err);
    }
    if (st == ALLYNET_OK) {
        st = signed_metrics(g, m, err);
    }
    if (st != ALLYNET_OK) {
        allynet_metrics_free(m);
        return st;
    }
    *out = m;
    return ALLYNET_OK;
}
