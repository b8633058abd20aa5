/* figures.c — one snapshot's figures for compare and timeline: per-actor metrics, blocs and
 * network-level figures, each from one small provider function (see figures.h).
 *
 * Until the analysis modules land, the providers compute what is cheap here:
 * - metrics: degree and signed strengths straight from the ties;
 * - blocs: Leiden communities (modularity objective, igraph) of the positive ties taken as an
 *   undirected graph, reciprocal ties summed; an actor with no positive tie is a bloc of its
 *   own. The RNG is reseeded before each partition, so a snapshot's blocs do not depend on what
 *   ran before;
 * - balance, frustration, polarization, alignment: NaN / NULL (not available yet). */
#include "figures.h"

#include "igraph_glue.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const allynet__metric_names[ALLYNET__M_COUNT] = {"degree", "strength_pos",
                                                             "strength_neg"};
const char *const allynet__figure_names[ALLYNET__F_COUNT] = {
    "actors",        "ties",        "ties_pos",   "ties_neg",     "density",
    "balance_ratio", "frustration", "modularity", "polarization", "blocs"};

json_t *allynet__figure_json(int figure, double v) {
    bool count = figure == ALLYNET__F_ACTORS || figure == ALLYNET__F_TIES ||
                 figure == ALLYNET__F_TIES_POS || figure == ALLYNET__F_TIES_NEG ||
                 figure == ALLYNET__F_BLOCS;
    if (!isfinite(v)) {
        return json_null();
    }
    return count && fabs(v) < 9e15 ? json_integer((json_int_t)v) : json_real(v);
}

json_t *allynet__metric_json(int metric, double v) {
    if (!isfinite(v)) {
        return json_null();
    }
    return metric == ALLYNET__M_DEGREE ? json_integer((json_int_t)v) : json_real(v);
}

static allynet_status nomem(allynet_error *err) {
    return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}

/* Provider: degree and signed strengths (O(actors + ties)). */
static allynet_status basic_metrics(const allynet_graph *g, allynet__figures *f,
                                    allynet_error *err) {
    size_t n = f->actors;
    for (int k = 0; k < ALLYNET__M_COUNT; k++) {
        f->metric[k] = calloc(n ? n : 1, sizeof(double));
        if (f->metric[k] == NULL) {
            return nomem(err);
        }
    }
    for (size_t i = 0; i < allynet_graph_tie_count(g); i++) {
        const allynet_tie *t = allynet_graph_tie(g, i);
        size_t ends[2] = {t->source, t->target};
        for (int e = 0; e < 2; e++) {
            f->metric[ALLYNET__M_DEGREE][ends[e]] += 1;
            f->metric[t->weight >= 0 ? ALLYNET__M_STRENGTH_POS : ALLYNET__M_STRENGTH_NEG]
                     [ends[e]] += t->weight;
        }
    }
    return ALLYNET_OK;
}

/* Leiden with the modularity objective on an undirected weighted graph: node weights are the
 * strengths and the resolution 1 / (2W), as igraph's documentation prescribes. */
static igraph_error_t leiden(const igraph_t *ig, const igraph_vector_t *w,
                             igraph_vector_int_t *membership, igraph_integer_t *k) {
    igraph_vector_t strength;
    igraph_error_t rc = igraph_vector_init(&strength, 0);
    if (rc != IGRAPH_SUCCESS) {
        return rc;
    }
    rc = igraph_strength(ig, &strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, w);
    double total = igraph_vector_sum(w);
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_community_leiden(ig, w, &strength, 1.0 / (2.0 * total), 0.01, false, -1,
                                     membership, k, NULL);
    }
    igraph_vector_destroy(&strength);
    return rc;
}

/* Provider: blocs and their modularity (see the file comment). */
static allynet_status blocs(const allynet_graph *g, unsigned long seed, allynet__figures *f,
                            allynet_error *err) {
    igraph_t ig;
    igraph_vector_t w;
    igraph_vector_int_t memb;
    if (igraph_vector_init(&w, 0) != IGRAPH_SUCCESS) {
        return nomem(err);
    }
    allynet_status st = allynet__to_igraph(g, ALLYNET_TIES_POSITIVE, false, true, &ig, &w, err);
    if (st != ALLYNET_OK) {
        igraph_vector_destroy(&w);
        return st;
    }
    igraph_error_t rc = igraph_vector_int_init(&memb, f->actors);
    igraph_integer_t k = (igraph_integer_t)f->actors;
    f->bloc_method = "leiden-positive";
    f->figure[ALLYNET__F_MODULARITY] = NAN;
    if (rc == IGRAPH_SUCCESS && igraph_ecount(&ig) > 0) {
        igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
        rc = leiden(&ig, &w, &memb, &k);
        igraph_real_t q = NAN;
        if (rc == IGRAPH_SUCCESS) {
            rc = igraph_modularity(&ig, &memb, &w, 1.0, false, &q);
        }
        f->figure[ALLYNET__F_MODULARITY] = q;
    } else if (rc == IGRAPH_SUCCESS) {
        for (igraph_integer_t i = 0; i < k; i++) {
            VECTOR(memb)[i] = i; /* no positive tie: every actor alone */
        }
    }
    f->bloc = rc == IGRAPH_SUCCESS ? malloc((f->actors ? f->actors : 1) * sizeof *f->bloc) : NULL;
    if (f->bloc) {
        for (size_t i = 0; i < f->actors; i++) {
            f->bloc[i] = (long)VECTOR(memb)[i];
        }
        f->blocs = (size_t)k;
        f->figure[ALLYNET__F_BLOCS] = (double)k;
    }
    igraph_vector_int_destroy(&memb);
    igraph_vector_destroy(&w);
    igraph_destroy(&ig);
    if (rc != IGRAPH_SUCCESS) {
        return allynet__igraph_fail(rc, "finding blocs", err);
    }
    return f->bloc ? ALLYNET_OK : nomem(err);
}

/* Provider: network-level figures from the summary. */
static allynet_status network(const allynet_graph *g, allynet__figures *f, allynet_error *err) {
    allynet_info info;
    allynet_status st = allynet_info_compute(g, &info, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    f->figure[ALLYNET__F_ACTORS] = (double)info.actors;
    f->figure[ALLYNET__F_TIES] = (double)info.ties;
    f->figure[ALLYNET__F_TIES_POS] = (double)info.ties_pos;
    f->figure[ALLYNET__F_TIES_NEG] = (double)info.ties_neg;
    f->figure[ALLYNET__F_DENSITY] = info.density;
    /* Balance, frustration and polarization come with the balance and align modules. */
    f->figure[ALLYNET__F_BALANCE] = NAN;
    f->figure[ALLYNET__F_FRUSTRATION] = NAN;
    f->figure[ALLYNET__F_POLARIZATION] = NAN;
    return ALLYNET_OK;
}

allynet_status allynet__figures_compute(const allynet_graph *g, unsigned long seed,
                                        allynet__figures *out, allynet_error *err) {
    memset(out, 0, sizeof *out);
    for (int k = 0; k < ALLYNET__F_COUNT; k++) {
        out->figure[k] = NAN;
    }
    out->actors = allynet_graph_actor_count(g);
    allynet_status st = basic_metrics(g, out, err);
    if (st == ALLYNET_OK) {
        st = network(g, out, err);
    }
    if (st == ALLYNET_OK) {
        st = blocs(g, seed, out, err);
    }
    if (st != ALLYNET_OK) {
        allynet__figures_destroy(out);
    }
    return st;
}

void allynet__figures_destroy(allynet__figures *f) {
    if (f == NULL) {
        return;
    }
    for (int k = 0; k < ALLYNET__M_COUNT; k++) {
        free(f->metric[k]);
        f->metric[k] = NULL;
    }
    free(f->alignment);
    free(f->bloc);
    f->alignment = NULL;
    f->bloc = NULL;
}
