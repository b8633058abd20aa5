/* compare_json.c — the result document of a comparison (keys per DESIGN.md: "edges",
 * "distance", "communities", "actors"; more keys beside them). NaN figures become null. */
#include "compare_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const change_keys[] = {"added", "removed", "sign_flipped", "strengthened",
                                          "weakened"};

/* json_real, or null for NaN (a figure that is not available or not defined). */
static json_t *real_or_null(double x) {
    return isfinite(x) ? json_real(x) : json_null();
}

static json_t *edge_entry(const allynet__cmp *c, const allynet__dyad *d) {
    return json_pack("{s:s, s:s, s:o, s:o, s:f}", "source", c->ids[d->u], "target", c->ids[d->v],
                     "weight_a", d->in[0] ? json_real(d->w[0]) : json_null(), "weight_b",
                     d->in[1] ? json_real(d->w[1]) : json_null(), "delta", d->w[1] - d->w[0]);
}

static json_t *edges(const allynet__cmp *c, json_t *summary) {
    json_t *e = json_object();
    size_t count[ALLYNET__UNCHANGED + 1] = {0};
    for (int k = 0; e && k < ALLYNET__UNCHANGED; k++) {
        json_object_set_new(e, change_keys[k], json_array());
    }
    for (size_t i = 0; e && i < c->nd; i++) {
        int k = allynet__change_of(c, &c->dyads[i]);
        count[k]++;
        if (k != ALLYNET__UNCHANGED && json_array_append_new(json_object_get(e, change_keys[k]),
                                                             edge_entry(c, &c->dyads[i])) != 0) {
            json_decref(e);
            return NULL;
        }
    }
    for (int k = 0; k <= ALLYNET__UNCHANGED; k++) {
        json_object_set_new(summary, k < ALLYNET__UNCHANGED ? change_keys[k] : "unchanged",
                            json_integer((json_int_t)count[k]));
    }
    json_object_set_new(summary, "dyads", json_integer((json_int_t)c->nd));
    return e;
}

static json_t *distance(const allynet__cmp *c) {
    const allynet__distances *d = &c->dist;
    return json_pack("{s:f, s:f, s:f, s:f, s:f, s:f, s:f, s:f, s:f}", "jaccard_pos", d->jaccard_pos,
                     "jaccard_neg", d->jaccard_neg, "weighted_jaccard_pos", d->wjaccard_pos,
                     "weighted_jaccard_neg", d->wjaccard_neg, "weighted_jaccard", d->wjaccard, "l1",
                     d->l1, "l1_normalized", d->l1_norm, "frobenius", d->frobenius,
                     "frobenius_normalized", d->frobenius_norm);
}

static json_t *figures(const double *f) {
    json_t *o = json_object();
    for (int k = 0; o && k < ALLYNET__F_COUNT; k++) {
        json_object_set_new(o, allynet__figure_names[k], allynet__figure_json(k, f[k]));
    }
    return o;
}

static json_t *network(const allynet__cmp *c) {
    double delta[ALLYNET__F_COUNT];
    for (int k = 0; k < ALLYNET__F_COUNT; k++) {
        delta[k] = c->fb.figure[k] - c->fa.figure[k];
    }
    return json_pack("{s:o, s:o, s:o}", "a", figures(c->fa.figure), "b", figures(c->fb.figure),
                     "delta", figures(delta));
}

/* The matched label of actor u in B, or -1 when absent. */
static long bloc_b(const allynet__cmp *c, size_t u) {
    return c->ib[u] >= 0 ? c->map[c->fb.bloc[c->ib[u]]] : -1;
}

/* Whether u left its bloc: in both snapshots, not the pole of its bloc in either (a pole takes
 * its bloc along), and its matched bloc or the sign of its alignment changed. */
static bool defected(const allynet__cmp *c, size_t u) {
    if (c->ia[u] < 0 || c->ib[u] < 0 || (c->pole != NULL && c->pole[u])) {
        return false;
    }
    if (c->fa.bloc[c->ia[u]] != bloc_b(c, u)) {
        return true;
    }
    if (c->fa.alignment && c->fb.alignment) {
        double x = c->fa.alignment[c->ia[u]], y = c->orient * c->fb.alignment[c->ib[u]];
        return (x > 0 && y < 0) || (x < 0 && y > 0);
    }
    return false;
}

static json_t *matching(const allynet__cmp *c) {
    long *shared = calloc(c->fb.blocs + 1, sizeof *shared); /* actors of bloc j in its match */
    json_t *arr = shared ? json_array() : NULL;
    for (size_t u = 0; arr && u < c->n; u++) {
        if (c->ia[u] >= 0 && c->ib[u] >= 0) {
            long j = c->fb.bloc[c->ib[u]];
            shared[j] += c->fa.bloc[c->ia[u]] == c->map[j];
        }
    }
    for (size_t j = 0; arr && j < c->fb.blocs; j++) {
        bool matched = (size_t)c->map[j] < c->fa.blocs;
        json_array_append_new(arr, json_pack("{s:I, s:I, s:o, s:I}", "bloc_b", (json_int_t)j,
                                             "label", (json_int_t)c->map[j], "bloc_a",
                                             matched ? json_integer(c->map[j]) : json_null(),
                                             "shared", (json_int_t)shared[j]));
    }
    free(shared);
    return arr;
}

static json_t *communities(const allynet__cmp *c) {
    json_t *def = json_array();
    for (size_t u = 0; def && u < c->n; u++) {
        if (defected(c, u)) {
            json_array_append_new(def, json_string(c->ids[u]));
        }
    }
    bool ok = c->common > 0;
    const allynet__partition_cmp *p = &c->pc;
    return json_pack(
        "{s:s, s:I, s:I, s:I, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "method",
        c->fa.bloc_method, "common_actors", (json_int_t)c->common, "blocs_a",
        (json_int_t)c->fa.blocs, "blocs_b", (json_int_t)c->fb.blocs, "nmi",
        ok ? real_or_null(p->nmi) : json_null(), "vi", ok ? real_or_null(p->vi) : json_null(),
        "rand", ok ? real_or_null(p->rand) : json_null(), "adjusted_rand",
        ok ? real_or_null(p->adjusted_rand) : json_null(), "split_join",
        ok ? json_integer(p->split_join) : json_null(), "split_join_ab",
        ok ? json_integer(p->split_join_ab) : json_null(), "split_join_ba",
        ok ? json_integer(p->split_join_ba) : json_null(), "matching", matching(c), "defections",
        def, "reason", ok ? json_null() : json_string("the snapshots have no actor in common"));
}

typedef struct {
    double key;
    size_t u;
} ranked;

static int by_key_desc(const void *x, const void *y) {
    const ranked *p = x, *q = y;
    return p->key > q->key ? -1 : p->key < q->key;
}

/* Competition ranks (1 = largest magnitude; equal values share a rank) of metric k on one side;
 * rank[u] = 0 for actors absent from that side. */
static void ranks(const allynet__cmp *c, const allynet__figures *f, const long *idx, int k,
                  long *rank, ranked *buf) {
    size_t m = 0;
    for (size_t u = 0; u < c->n; u++) {
        rank[u] = 0;
        if (idx[u] >= 0) {
            buf[m++] = (ranked){fabs(f->metric[k][idx[u]]), u};
        }
    }
    qsort(buf, m, sizeof *buf, by_key_desc);
    for (size_t i = 0; i < m; i++) {
        rank[buf[i].u] = i > 0 && buf[i].key == buf[i - 1].key ? rank[buf[i - 1].u] : (long)i + 1;
    }
}

static json_t *metric_entry(int k, double a, double b, long ra, long rb) {
    return json_pack(
        "{s:o, s:o, s:o, s:o, s:o, s:o}", "a", ra ? allynet__metric_json(k, a) : json_null(), "b",
        rb ? allynet__metric_json(k, b) : json_null(), "delta",
        ra && rb ? allynet__metric_json(k, b - a) : json_null(), "rank_a",
        ra ? json_integer(ra) : json_null(), "rank_b", rb ? json_integer(rb) : json_null(),
        "rank_move", ra && rb ? json_integer(ra - rb) : json_null());
}

static json_t *actor(const allynet__cmp *c, size_t u, long *rank[2][ALLYNET__M_COUNT]) {
    bool in_a = c->ia[u] >= 0, in_b = c->ib[u] >= 0;
    const char *status = in_a && in_b ? "both" : in_a ? "left" : "entered";
    json_t *metrics = json_object();
    for (int k = 0; metrics && k < ALLYNET__M_COUNT; k++) {
        double a = in_a ? c->fa.metric[k][c->ia[u]] : 0, b = in_b ? c->fb.metric[k][c->ib[u]] : 0;
        json_object_set_new(metrics, allynet__metric_names[k],
                            metric_entry(k, a, b, rank[0][k][u], rank[1][k][u]));
    }
    double al_a = in_a && c->fa.alignment ? c->fa.alignment[c->ia[u]] : NAN;
    double al_b = in_b && c->fb.alignment ? c->orient * c->fb.alignment[c->ib[u]] : NAN;
    return json_pack("{s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o}", "id", c->ids[u], "status", status,
                     "alignment_a", real_or_null(al_a), "alignment_b", real_or_null(al_b), "bloc_a",
                     in_a ? json_integer(c->fa.bloc[c->ia[u]]) : json_null(), "bloc_b",
                     in_b ? json_integer(bloc_b(c, u)) : json_null(), "defected",
                     in_a && in_b ? json_boolean(defected(c, u)) : json_null(), "metrics", metrics);
}

static json_t *actors(const allynet__cmp *c) {
    long *rank[2][ALLYNET__M_COUNT] = {{0}};
    ranked *buf = malloc((c->n + 1) * sizeof *buf);
    bool ok = buf != NULL;
    for (int s = 0; s < 2; s++) {
        for (int k = 0; k < ALLYNET__M_COUNT; k++) {
            rank[s][k] = malloc((c->n + 1) * sizeof **rank[s]);
            ok = ok && rank[s][k];
            if (ok) {
                ranks(c, s ? &c->fb : &c->fa, s ? c->ib : c->ia, k, rank[s][k], buf);
            }
        }
    }
    json_t *arr = ok ? json_array() : NULL;
    for (size_t u = 0; arr && u < c->n; u++) {
        if (json_array_append_new(arr, actor(c, u, rank)) != 0) {
            json_decref(arr);
            arr = NULL;
        }
    }
    for (int s = 0; s < 2; s++) {
        for (int k = 0; k < ALLYNET__M_COUNT; k++) {
            free(rank[s][k]);
        }
    }
    free(buf);
    return arr;
}

static json_t *side(const allynet_graph *g) {
    const char *name = allynet_graph_name(g), *date = allynet_graph_date(g);
    return json_pack("{s:s*, s:s*, s:b, s:I, s:I}", "name", name, "date", date, "directed",
                     allynet_graph_directed(g), "actors", (json_int_t)allynet_graph_actor_count(g),
                     "ties", (json_int_t)allynet_graph_tie_count(g));
}

json_t *allynet__compare_json(const allynet__cmp *c) {
    json_t *summary = json_object();
    json_t *e = summary ? edges(c, summary) : NULL;
    size_t entered = 0, left = 0;
    for (size_t u = 0; u < c->n; u++) {
        entered += c->ia[u] < 0;
        left += c->ib[u] < 0;
    }
    if (summary) {
        json_object_set_new(summary, "actors_union", json_integer((json_int_t)c->n));
        json_object_set_new(summary, "actors_common", json_integer((json_int_t)c->common));
        json_object_set_new(summary, "actors_entered", json_integer((json_int_t)entered));
        json_object_set_new(summary, "actors_left", json_integer((json_int_t)left));
    }
    return json_pack("{s:o, s:o, s:b, s:{s:f, s:b}, s:o, s:o, s:o, s:o, s:o, s:o}", "a", side(c->a),
                     "b", side(c->b), "directed", c->directed, "threshold", "value",
                     c->opt.threshold, "relative", c->opt.relative, "summary", summary, "edges", e,
                     "distance", distance(c), "network", network(c), "communities", communities(c),
                     "actors", actors(c));
}
