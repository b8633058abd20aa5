/* align.c — alignment of actors toward two poles, dyadic similarity of tie profiles (S-score,
 * Cohen's kappa, Scott's pi) and a polarization index.
 *
 * Profiles (Signorino & Ritter 1999): actor i's profile is a vector over all n actors, x_ik =
 * w_ik / W with w_ik the undirected signed weight of the pair (signed.h; 0 without a tie) and W
 * the largest |w| in the snapshot (or the sign alone with `signs`), and x_ii = +1 (an actor is
 * fully allied with itself). d_ij = sum_k |x_ik - x_jk| (city-block, as in the original S),
 * d_max = 2n, S_ij = 1 - 2 d_ij / d_max. Cohen's kappa and Scott's pi (Hage 2011) compare the
 * sign categories (-, 0, +) of the same two profiles, correcting agreement for chance with each
 * actor's own category shares (kappa) or their pooled shares (pi).
 *
 * Alignment toward poles A and B (two actors, or the two blocs): from the actor's own ties when
 * it has ties into the poles, a_i = (t_iA - t_iB) / (|t_iA| + |t_iB|) with t_iP the sum of its
 * tie values to P's members; otherwise from its profile, a_i = (d_iB - d_iA) / d_AB, where a
 * pole is an actor's profile or a bloc's mean profile (in [-1, 1] by the triangle inequality).
 * Both are reported. */
#include "align.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void allynet_align_options_init(allynet_align_options *o) {
    memset(o, 0, sizeof *o);
    o->top = 10;
    o->scan_limit = 5000;
    allynet_balance_options_init(&o->balance);
}

static allynet_status nomem(allynet_error *err) {
    return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}

typedef allynet__profiles profiles;
typedef allynet__similarity similarity;

static double value(const profiles *p, size_t e) {
    return allynet__profile_value(p, e);
}

static int category(double x) {
    return x > 0 ? 2 : x < 0 ? 0 : 1;
}

static double chance_corrected(double po, double pe) {
    return pe < 1 - 1e-12 ? (po - pe) / (1 - pe) : NAN;
}

/* Compares i and j by merging their sorted neighbour lists; every actor in neither list (and
 * neither i nor j) contributes |0 - 0| and the category pair (0, 0). */
similarity allynet__profile_compare(const profiles *p, size_t i, size_t j) {
    const allynet__signed *s = p->s;
    double cnt[3][3] = {{0}}, d = 0, seen = 0;
    size_t a = s->off[i], b = s->off[j];
    long ij = allynet__signed_find(s, i, j);
    double xij = ij >= 0 ? value(p, (size_t)ij) : 0;
    d += 2 * fabs(1 - xij); /* position i: 1 vs x_ji; position j: x_ij vs 1 */
    cnt[2][category(xij)] += 1;
    cnt[category(xij)][2] += 1;
    seen = 2;
    while (a < s->off[i + 1] || b < s->off[j + 1]) {
        size_t ka = a < s->off[i + 1] ? allynet__signed_other(s, s->adj[a], i) : SIZE_MAX;
        size_t kb = b < s->off[j + 1] ? allynet__signed_other(s, s->adj[b], j) : SIZE_MAX;
        size_t k = ka < kb ? ka : kb;
        double xa = ka == k ? value(p, s->adj[a++]) : 0, xb = kb == k ? value(p, s->adj[b++]) : 0;
        if (k == i || k == j) {
            continue;
        }
        d += fabs(xa - xb);
        cnt[category(xa)][category(xb)] += 1;
        seen += 1;
    }
    double n = (double)s->n;
    cnt[1][1] += n - seen;
    double po = (cnt[0][0] + cnt[1][1] + cnt[2][2]) / n, pk = 0, pp = 0;
    for (int c = 0; c < 3; c++) {
        double ri = (cnt[c][0] + cnt[c][1] + cnt[c][2]) / n;
        double rj = (cnt[0][c] + cnt[1][c] + cnt[2][c]) / n;
        pk += ri * rj;
        pp += (ri + rj) * (ri + rj) / 4;
    }
    return (similarity){1 - d / n, chance_corrected(po, pk), chance_corrected(po, pp)};
}

/* A pole: a dense profile (an actor's row or a bloc's mean) and its sum of |x|. */
typedef struct {
    double *x;
    double norm;
    size_t members;
} pole;

static void pole_add(const profiles *p, size_t v, double share, double *x) {
    x[v] += share;
    for (size_t k = p->s->off[v]; k < p->s->off[v + 1]; k++) {
        x[allynet__signed_other(p->s, p->s->adj[k], v)] += share * value(p, p->s->adj[k]);
    }
}

/* Builds a pole from the actors with member[v] (all of weight 1/count). */
static bool pole_make(const profiles *p, const unsigned char *member, unsigned char which,
                      pole *out) {
    size_t n = p->s->n, count = 0;
    out->x = calloc(n + 1, sizeof *out->x);
    if (out->x == NULL) {
        return false;
    }
    for (size_t v = 0; v < n; v++) {
        count += member[v] == which;
    }
    for (size_t v = 0; v < n; v++) {
        if (member[v] == which) {
            pole_add(p, v, 1.0 / (double)count, out->x);
        }
    }
    out->norm = 0;
    out->members = count;
    for (size_t k = 0; k < n; k++) {
        out->norm += fabs(out->x[k]);
    }
    return true;
}

/* d(i, pole) = sum_k |x_ik - P_k|, in O(degree of i). */
static double pole_distance(const profiles *p, const pole *P, size_t i) {
    const allynet__signed *s = p->s;
    double d = P->norm - fabs(P->x[i]) + fabs(1 - P->x[i]);
    for (size_t k = s->off[i]; k < s->off[i + 1]; k++) {
        size_t u = allynet__signed_other(s, s->adj[k], i);
        d += fabs(value(p, s->adj[k]) - P->x[u]) - fabs(P->x[u]);
    }
    return d;
}

static json_t *number(double x) {
    return isfinite(x) ? json_real(x) : json_null();
}

static json_t *dyad_json(const allynet_graph *g, size_t i, size_t j, similarity m) {
    return json_pack("{s:s, s:s, s:o, s:o, s:o}", "a", allynet_graph_actor(g, i)->id, "b",
                     allynet_graph_actor(g, j)->id, "s", number(m.s), "kappa", number(m.kappa),
                     "pi", number(m.pi));
}

typedef allynet__ranked_pair ranked_pair;

void allynet__keep_top(ranked_pair *list, size_t *len, size_t top, ranked_pair x, int sign) {
    size_t k = *len;
    if (k == top && sign * x.s <= sign * list[k - 1].s) {
        return;
    }
    k = k < top ? k : top - 1;
    while (k > 0 && sign * x.s > sign * list[k - 1].s) {
        list[k] = list[k - 1];
        k--;
    }
    list[k] = x;
    *len += *len < top;
}

/* Every pair in id order into `all` (--dyads), or the top pairs at both ends into hi and lo. */
static void full_scan(const allynet_graph *g, const profiles *p, const size_t *order,
                      const allynet_align_options *o, json_t *all, ranked_pair *hi, size_t *nh,
                      ranked_pair *lo, size_t *nl) {
    size_t n = p->s->n, top = o->top;
    for (size_t a = 0; (o->all_dyads || top > 0) && a < n; a++) {
        for (size_t b = a + 1; b < n; b++) {
            similarity m = allynet__profile_compare(p, order[a], order[b]);
            if (o->all_dyads) {
                json_array_append_new(all, dyad_json(g, order[a], order[b], m));
            } else {
                allynet__keep_top(hi, nh, top, (ranked_pair){m.s, order[a], order[b]}, 1);
                allynet__keep_top(lo, nl, top, (ranked_pair){m.s, order[a], order[b]}, -1);
            }
        }
        if (a % 256 == 0) {
            allynet__progress_tell("pairs", (double)a * (double)(2 * n - a), (double)n * n);
        }
    }
    allynet__progress_tell("pairs", 1, 1);
}

static json_t *pair_list(const allynet_graph *g, const profiles *p, const ranked_pair *list,
                         size_t len) {
    json_t *arr = json_array();
    for (size_t k = 0; arr && k < len; k++) {
        json_array_append_new(arr, dyad_json(g, list[k].i, list[k].j,
                                             allynet__profile_compare(p, list[k].i, list[k].j)));
    }
    return arr;
}

/* The record of the top pairs found without the full scan. */
static json_t *pairs_approx(const allynet_align_options *o, size_t n, size_t hubs) {
    json_t *a = json_pack(
        "{s:s, s:b, s:I, s:I, s:s}", "method",
        "no full scan of the n(n-1)/2 pairs: the pairs that are tied or share a partner are "
        "compared exactly, the others in order of the bound S >= 1 - (2 + N_i + N_j)/n "
        "(N_i: the sum of actor i's |profile values|) until no later pair can enter; the S "
        "values are those of the full scan, but among pairs of equal S others may be listed",
        "exact_values", hubs == 0, "actors", (json_int_t)n, "scan_limit", (json_int_t)o->scan_limit,
        "exact_with", "--exact (the full scan, O(n^2))");
    if (a && hubs > 0) {
        json_object_set_new(a, "hubs",
                            json_pack("{s:I, s:s}", "partners_above", (json_int_t)hubs, "effect",
                                      "a pair whose only shared partners have more partners "
                                      "than this was compared only if the ordered search "
                                      "reached it: the most similar list may miss it"));
    }
    return a;
}

/* The note before a large scan, or instead of it: a pair costs about 2e-8 s per entry of the
 * two profiles merged (measured: 5,000 actors with 20 partners each, 10 s). */
static void scan_note(const profiles *p, bool sparse) {
    double n = (double)p->s->n, pairs = n * (n - 1) / 2;
    double seconds = pairs * 2e-8 * (2 + 4 * (double)p->s->m / fmax(n, 1));
    char text[32];
    allynet__duration(seconds, text, sizeof text);
    if (sparse) {
        allynet__note("the full scan of %.0f pairs would take about %s; finding the most and "
                      "least similar without it (--exact to insist)",
                      pairs, text);
    } else if (seconds >= 10) {
        allynet__note("the scan of %.0f pairs: about %s", pairs, text);
    }
}

/* "dyads": every pair in id order, or the top pairs at both ends of the S-score (by the full
 * scan up to o->scan_limit actors or with o->exact, else by allynet__top_pairs). */
static json_t *dyads_json(const allynet_graph *g, const profiles *p, const size_t *order,
                          const allynet_align_options *o, json_t *approx) {
    size_t n = p->s->n, top = o->top, nh = 0, nl = 0, hubs = 0;
    json_t *all = json_array();
    ranked_pair *hi = malloc((top + 1) * sizeof *hi), *lo = malloc((top + 1) * sizeof *lo);
    size_t *rank = malloc((n + 1) * sizeof *rank);
    bool sparse = !o->all_dyads && !o->exact && n > o->scan_limit && top > 0, ok = true;
    for (size_t k = 0; rank && k < n; k++) {
        rank[order[k]] = k;
    }
    if (o->all_dyads || top > 0) {
        scan_note(p, sparse);
    }
    if (!all || !hi || !lo || !rank) {
        ok = false;
    } else if (sparse) {
        ok = allynet__top_pairs(p, rank, top, hi, &nh, lo, &nl, &hubs) &&
             json_object_set_new(approx, "dyads", pairs_approx(o, n, hubs)) == 0;
    } else {
        full_scan(g, p, order, o, all, hi, &nh, lo, &nl);
    }
    json_t *j = ok ? all : NULL;
    if (ok && !o->all_dyads) {
        json_decref(all);
        j = json_pack("{s:o, s:o}", "most_similar", pair_list(g, p, hi, nh), "least_similar",
                      pair_list(g, p, lo, nl));
    } else if (!ok) {
        json_decref(all);
    }
    free(hi), free(lo), free(rank);
    return j;
}

/* The polarization index (from the profile alignments: the tie alignment is +1 or -1 for every
 * actor whose ties all reach one side, so its mean says little) and the fit of the blocs the
 * alignment implies. */
static json_t *polarization_json(const profiles *p, const double *align, const double *profile,
                                 const unsigned char *is_pole) {
    const allynet__signed *s = p->s;
    double sum = 0, count = 0, fit = 0, total = 0;
    for (size_t v = 0; v < s->n; v++) {
        if (!is_pole[v] && s->off[v + 1] > s->off[v] && isfinite(profile[v])) {
            sum += fabs(profile[v]);
            count += 1;
        }
    }
    for (size_t e = 0; e < s->m; e++) {
        double a = align[s->edges[e].u], b = align[s->edges[e].v];
        if (!isfinite(a) || !isfinite(b) || a == 0 || b == 0) {
            continue;
        }
        bool same = (a > 0) == (b > 0);
        fit += (s->edges[e].sign > 0) == same ? fabs(s->edges[e].w) : -fabs(s->edges[e].w);
        total += fabs(s->edges[e].w);
    }
    return json_pack(
        "{s:o, s:o, s:s}", "index", count > 0 ? json_real(sum / count) : json_null(), "bloc_fit",
        total > 0 ? json_real(fit / total) : json_null(), "definition",
        "index: mean |profile_alignment| over actors with ties that are not poles (0: all "
        "midway between the poles' profiles, 1: each on one pole's profile); bloc_fit: (|w| of "
        "ties consistent with the split by "
        "the sign of alignment - |w| of inconsistent ones) / |w| of ties between actors with a "
        "non-zero alignment, in [-1, 1]");
}

static allynet_status check_poles(const allynet_graph *g, const allynet_align_options *o, long *a,
                                  long *b, allynet_error *err) {
    *a = *b = -1;
    if (!o->pole_a && !o->pole_b) {
        return ALLYNET_OK;
    }
    if (!o->pole_a || !o->pole_b) {
        return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0, "two poles are needed (A,B)");
    }
    *a = allynet_graph_find_actor(g, o->pole_a);
    *b = allynet_graph_find_actor(g, o->pole_b);
    if (*a < 0 || *b < 0) {
        return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0,
                                 "pole '%s' is not an actor of this snapshot",
                                 *a < 0 ? o->pole_a : o->pole_b);
    }
    if (*a == *b) {
        return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0,
                                 "the two poles are the same actor '%s'", o->pole_a);
    }
    return ALLYNET_OK;
}

/* side[v]: 0 pole A, 1 pole B, 2 neither (actor poles) or the frustration blocs (a budgeted
 * search is described in approx). */
static allynet_status pole_sides(const allynet_graph *g, const allynet__signed *s,
                                 const allynet_align_options *o, long a, long b,
                                 unsigned char *side, json_t *approx, allynet_error *err) {
    if (a >= 0) {
        memset(side, 2, s->n);
        side[a] = 0;
        side[b] = 1;
        return ALLYNET_OK;
    }
    allynet__frustration f;
    allynet_balance_options bo = o->balance;
    bo.exact = bo.exact || o->exact;
    allynet_status st = allynet__frustration_blocs(g, s, &bo, false, &f, err);
    if (st == ALLYNET_OK && f.blocks_budgeted > 0) {
        json_object_set_new(approx, "frustration",
                            allynet__frustration_approx(&f, &bo, "the bloc poles"));
    }
    if (st == ALLYNET_OK) {
        memcpy(side, f.side, s->n);
        allynet__frustration_destroy(&f);
    }
    return st;
}

static json_t *poles_json(const allynet_graph *g, const size_t *order, const unsigned char *side,
                          long a, long b) {
    if (a >= 0) {
        return json_pack("[s, s]", allynet_graph_actor(g, (size_t)a)->id,
                         allynet_graph_actor(g, (size_t)b)->id);
    }
    json_t *j = json_pack("[{s:i, s:[]}, {s:i, s:[]}]", "bloc", 0, "members", "bloc", 1, "members");
    for (size_t k = 0; j && k < allynet_graph_actor_count(g); k++) {
        json_array_append_new(json_object_get(json_array_get(j, side[order[k]]), "members"),
                              json_string(allynet_graph_actor(g, order[k])->id));
    }
    return j;
}

/* Direct alignment from i's own ties: t_P = sum of i's signed tie values to the members of pole
 * P, a = (t_A - t_B) / (|t_A| + |t_B|); NAN when i has no tie into either pole. */
static double tie_alignment(const profiles *p, const unsigned char *side, size_t i) {
    const allynet__signed *s = p->s;
    double t[3] = {0, 0, 0};
    for (size_t k = s->off[i]; k < s->off[i + 1]; k++) {
        t[side[allynet__signed_other(s, s->adj[k], i)]] += value(p, s->adj[k]);
    }
    double den = fabs(t[0]) + fabs(t[1]);
    return den > 0 ? (t[0] - t[1]) / den : NAN;
}

typedef struct {
    const pole *P;             /* the two poles' profiles */
    const unsigned char *side; /* 0 pole A, 1 pole B, 2 neither */
    long a, b;                 /* actor poles, or -1 */
} poles_view;

static json_t *actor_json(const allynet_graph *g, const profiles *p, const poles_view *pv,
                          double dab, size_t v, double *align, double *profile) {
    size_t n = p->s->n;
    bool defined = dab > 1e-12 && pv->P[0].members > 0 && pv->P[1].members > 0;
    double da = pole_distance(p, &pv->P[0], v), db = pole_distance(p, &pv->P[1], v);
    double prof = defined ? fmax(-1, fmin(1, (db - da) / dab)) : NAN;
    double ties = defined ? tie_alignment(p, pv->side, v) : NAN;
    const char *basis = isfinite(ties) ? "ties" : isfinite(prof) ? "profile" : NULL;
    align[v] = isfinite(ties) ? ties : prof;
    profile[v] = prof;
    if (pv->a >= 0 && (v == (size_t)pv->a || v == (size_t)pv->b)) {
        align[v] = v == (size_t)pv->a ? 1 : -1;
        basis = "pole";
    }
    json_t *j = json_pack("{s:s, s:o, s:s*, s:o, s:o, s:f, s:f}", "id",
                          allynet_graph_actor(g, v)->id, "alignment", number(align[v]), "basis",
                          basis, "tie_alignment", number(ties), "profile_alignment", number(prof),
                          "s_a", 1 - da / (double)n, "s_b", 1 - db / (double)n);
    if (j && pv->a >= 0) {
        similarity ma = allynet__profile_compare(p, v, (size_t)pv->a),
                   mb = allynet__profile_compare(p, v, (size_t)pv->b);
        json_object_set_new(j, "kappa_a", number(ma.kappa));
        json_object_set_new(j, "kappa_b", number(mb.kappa));
        json_object_set_new(j, "pi_a", number(ma.pi));
        json_object_set_new(j, "pi_b", number(mb.pi));
    }
    return j;
}

static json_t *actors_json(const allynet_graph *g, const profiles *p, const size_t *order,
                           const poles_view *pv, double *align, double *profile) {
    size_t n = p->s->n;
    double dab = 0;
    for (size_t k = 0; k < n; k++) {
        dab += fabs(pv->P[0].x[k] - pv->P[1].x[k]);
    }
    json_t *list = json_array();
    for (size_t k = 0; list && k < n; k++) {
        json_array_append_new(list, actor_json(g, p, pv, dab, order[k], align, profile));
    }
    return list;
}

static const char definition[] =
    "alignment = tie_alignment when the actor has ties into the poles, else profile_alignment "
    "(+1 = pole A, -1 = pole B; an actor pole itself is +1 / -1). tie_alignment = (t_A - t_B) / "
    "(|t_A| + |t_B|), t_P the sum of the actor's signed tie values to the members of pole P. "
    "Profiles x_i over all n actors: x_ik = w_ik / max|w| (or the sign with --signs), x_ii = 1; "
    "d_ij = sum_k |x_ik - x_jk|; S = 1 - 2 d / d_max with d_max = 2n; profile_alignment = "
    "(d_iB - d_iA) / d_AB in [-1, 1] (a bloc pole is its members' mean profile); kappa (Cohen) "
    "and pi (Scott) on the sign categories -, 0, + of the profiles";

static allynet_status assemble(const allynet_graph *g, const allynet__signed *s,
                               const allynet_align_options *o, long a, long b, json_t **out,
                               allynet_error *err) {
    size_t n = s->n, *order = allynet__actor_order(g);
    unsigned char *side = malloc(n + 1), *is_pole = calloc(n + 1, 1);
    double *align = malloc((n + 1) * sizeof *align), scale = 0;
    double *profile = malloc((n + 1) * sizeof *profile);
    pole P[2] = {{NULL, 0, 0}, {NULL, 0, 0}};
    json_t *approx = json_object();
    allynet_status st =
        order && side && is_pole && align && profile && approx ? ALLYNET_OK : nomem(err);
    for (size_t e = 0; e < s->m; e++) {
        scale = fmax(scale, fabs(s->edges[e].w));
    }
    profiles p = {s, o->signs || scale == 0 ? 0 : scale};
    if (st == ALLYNET_OK) {
        st = pole_sides(g, s, o, a, b, side, approx, err);
    }
    if (st == ALLYNET_OK && (!pole_make(&p, side, 0, &P[0]) || !pole_make(&p, side, 1, &P[1]))) {
        st = nomem(err);
    }
    if (st == ALLYNET_OK) {
        if (a >= 0) {
            is_pole[a] = is_pole[b] = 1;
        }
        poles_view pv = {P, side, a, b};
        json_t *actors = actors_json(g, &p, order, &pv, align, profile);
        *out =
            json_pack("{s:o, s:s, s:o, s:o, s:s, s:o}", "poles", poles_json(g, order, side, a, b),
                      "pole_kind", a >= 0 ? "actors" : "blocs", "actors", actors, "dyads",
                      dyads_json(g, &p, order, o, approx), "definition", definition, "polarization",
                      polarization_json(&p, align, profile, is_pole));
        st = *out ? ALLYNET_OK : nomem(err);
        if (*out && (P[0].members == 0 || P[1].members == 0)) {
            json_object_set_new(*out, "note",
                                json_string("the frustration bipartition has a single bloc (the "
                                            "snapshot is balanced with no opposed camp, or has "
                                            "no ties): alignment is undefined"));
        }
        if (*out && json_object_size(approx) > 0) {
            json_object_set(*out, "approximations", approx);
        }
    }
    json_decref(approx);
    free(order), free(side), free(is_pole), free(align), free(profile), free(P[0].x), free(P[1].x);
    return st;
}

allynet_status allynet_align_compute(const allynet_graph *g, const allynet_align_options *o,
                                     json_t **out, allynet_error *err) {
    *out = NULL;
    long a, b;
    allynet_status st = check_poles(g, o, &a, &b, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    size_t n = allynet_graph_actor_count(g);
    if (o->all_dyads && n > o->scan_limit) {
        return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0,
                                 "listing every pair of %zu actors means %.0f pairs (more than "
                                 "--scan-limit %zu actors allows); use --top N for the N most "
                                 "and least similar pairs",
                                 n, (double)n * (double)(n - 1) / 2, o->scan_limit);
    }
    allynet__signed s;
    st = allynet__signed_build(g, &s, err);
    if (st == ALLYNET_OK) {
        st = assemble(g, &s, o, a, b, out, err);
        allynet__signed_destroy(&s);
    }
    return st;
}
