/* graph_order.c — the graph's canonical order (actors by id, ties by dyad) and the end of bulk
 * loading (repeated dyads aggregated in input order): both rest on linear counting sorts of
 * 4-byte tie indexes, so a million ties sort without comparisons or a copy of the ties. */
#include "graph_int.h"

#include <stdlib.h>
#include <string.h>

static int cmp_actor(const void *a, const void *b) {
    return strcmp(((const allynet_actor *)a)->id, ((const allynet_actor *)b)->id);
}

/* One stable counting-sort pass: out[] lists the entries of in[] (tie indexes) ordered by
 * key[tie], ties with equal keys in their order in in[] (NULL in[] means 0..m-1). */
static bool counting_pass(const uint32_t *key, size_t n_keys, const uint32_t *in, uint32_t *out,
                          size_t m) {
    size_t *pos = calloc(n_keys + 1, sizeof *pos);
    if (pos == NULL) {
        return false;
    }
    for (size_t i = 0; i < m; i++) {
        pos[key[i] + 1]++;
    }
    for (size_t k = 1; k <= n_keys; k++) {
        pos[k] += pos[k - 1];
    }
    for (size_t j = 0; j < m; j++) {
        uint32_t i = in ? in[j] : (uint32_t)j;
        out[pos[key[i]]++] = i;
    }
    free(pos);
    return true;
}

/* The tie indexes ordered by dyad (the lower end first when undirected), stably: two passes, by
 * the second end and then by the first. NULL when out of memory. */
static uint32_t *dyad_order(const allynet_graph *g) {
    size_t m = g->n_ties, n = g->n_actors;
    uint32_t *key = calloc(m + 1, sizeof *key);
    uint32_t *by_second = malloc((m + 1) * sizeof *by_second);
    uint32_t *perm = malloc((m + 1) * sizeof *perm);
    bool ok = key && by_second && perm;
    for (size_t i = 0; ok && i < m; i++) {
        const allynet_tie *t = &g->ties[i];
        key[i] = (uint32_t)(g->directed || t->source < t->target ? t->target : t->source);
    }
    ok = ok && counting_pass(key, n, NULL, by_second, m);
    for (size_t i = 0; ok && i < m; i++) {
        const allynet_tie *t = &g->ties[i];
        key[i] = (uint32_t)(g->directed || t->source < t->target ? t->source : t->target);
    }
    ok = ok && counting_pass(key, n, by_second, perm, m);
    free(key);
    free(by_second);
    if (!ok) {
        free(perm);
        return NULL;
    }
    return perm;
}

/* Moves each tie to position i from perm[i], following the permutation's cycles in place (perm
 * is consumed). */
static void apply_permutation(allynet_tie *ties, uint32_t *perm, size_t m) {
    for (size_t i = 0; i < m; i++) {
        if (perm[i] == UINT32_MAX || perm[i] == i) {
            continue;
        }
        allynet_tie keep = ties[i];
        size_t j = i;
        while (perm[j] != i) {
            size_t k = perm[j];
            ties[j] = ties[k];
            perm[j] = UINT32_MAX;
            j = k;
        }
        ties[j] = keep;
        perm[j] = UINT32_MAX;
    }
}

static bool ties_in_order(const allynet_graph *g) {
    for (size_t i = 1; i < g->n_ties; i++) {
        const allynet_tie *a = &g->ties[i - 1], *b = &g->ties[i];
        if (a->source > b->source || (a->source == b->source && a->target > b->target)) {
            return false;
        }
    }
    return true;
}

static bool actors_in_order(const allynet_graph *g) {
    for (size_t i = 1; i < g->n_actors; i++) {
        if (strcmp(g->actors[i - 1].id, g->actors[i].id) > 0) {
            return false;
        }
    }
    return true;
}

/* Sorts the actors by id and renumbers the ties' ends to match. */
static bool sort_actors(allynet_graph *g) {
    size_t n = g->n_actors;
    size_t *rank = malloc((n + 1) * sizeof *rank);
    /* Remember each actor's old index in a slot that sorting carries along. */
    char **old_ids = malloc((n + 1) * sizeof *old_ids);
    bool ok = rank != NULL && old_ids != NULL;
    for (size_t i = 0; ok && i < n; i++) {
        old_ids[i] = g->actors[i].id;
    }
    if (ok && n > 1) {
        qsort(g->actors, n, sizeof *g->actors, cmp_actor);
    }
    allynet__strmap_destroy(&g->actor_index);
    allynet__strmap_init(&g->actor_index);
    for (size_t i = 0; ok && i < n; i++) {
        ok = allynet__strmap_put(&g->actor_index, g->actors[i].id, i);
    }
    for (size_t i = 0; ok && i < n; i++) {
        allynet__strmap_get(&g->actor_index, old_ids[i], &rank[i]);
    }
    for (size_t i = 0; ok && i < g->n_ties; i++) {
        g->ties[i].source = rank[g->ties[i].source];
        g->ties[i].target = rank[g->ties[i].target];
    }
    free(old_ids);
    free(rank);
    return ok;
}

/* Rebuilds the dyad index from the ties (reserved once: no growth). */
static bool reindex(allynet_graph *g) {
    allynet__dyadmap_clear(&g->tie_index);
    if (!allynet__dyadmap_reserve(&g->tie_index, g->n_ties)) {
        return false;
    }
    for (size_t i = 0; i < g->n_ties; i++) {
        const allynet_tie *t = &g->ties[i];
        allynet__dyadmap_put(&g->tie_index, allynet__dyad_key(g, t->source, t->target), i);
    }
    return true;
}

allynet_status allynet_graph_sort(allynet_graph *g, allynet_error *err) {
    bool renumbered = !actors_in_order(g);
    if (g->n_ties >= UINT32_MAX || g->n_actors >= UINT32_MAX || (renumbered && !sort_actors(g))) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t i = 0; !g->directed && i < g->n_ties; i++) {
        allynet_tie *t = &g->ties[i]; /* an undirected tie runs from the lower index */
        if (t->source > t->target) {
            size_t x = t->source;
            t->source = t->target;
            t->target = x;
        }
    }
    if (ties_in_order(g) && !renumbered) {
        return ALLYNET_OK; /* already canonical: the dyad index still holds */
    }
    uint32_t *perm = g->n_ties > 1 ? dyad_order(g) : NULL;
    if (g->n_ties > 1 && perm == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    if (perm != NULL) {
        apply_permutation(g->ties, perm, g->n_ties);
        free(perm);
    }
    return reindex(g) ? ALLYNET_OK
                      : allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}

/* ---- bulk loading */

void allynet__graph_bulk_begin(allynet_graph *g) {
    g->bulk = g->n_ties == 0;
}

/* Folds tie `from` into tie `into` as allynet_graph_add_tie and allynet__tie_take_attrs would
 * have: weights and events summed, evidence appended, the first relation and attributes kept. */
static allynet_status fold_tie(const allynet_graph *g, allynet_tie *into, allynet_tie *from,
                               allynet_error *err) {
    allynet_status st = allynet__tie_sum(g, into, from->weight, from->events, err);
    st = st == ALLYNET_OK ? allynet__tie_evidence_json(from, err) : st;
    st = st == ALLYNET_OK ? allynet__tie_append_evidence(into, from->evidence, err) : st;
    from->evidence = NULL;
    free(from->evidence_text); /* set only when it could not be parsed */
    from->evidence_text = NULL;
    if (st != ALLYNET_OK) {
        return st;
    }
    into->relation = into->relation ? into->relation : from->relation;
    if (from->attrs != NULL && into->attrs == NULL) {
        into->attrs = from->attrs;
    } else if (from->attrs != NULL) {
        json_object_update_missing(into->attrs, from->attrs);
        json_decref(from->attrs);
    }
    from->attrs = NULL;
    return ALLYNET_OK;
}

allynet_status allynet__graph_bulk_end(allynet_graph *g, allynet_error *err) {
    if (!g->bulk) {
        return ALLYNET_OK;
    }
    g->bulk = false;
    size_t m = g->n_ties;
    if (m >= UINT32_MAX) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "too many ties");
    }
    uint32_t *perm = m > 1 ? dyad_order(g) : NULL;
    if (m > 1 && perm == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    /* Each run of one dyad lists its ties in input order: fold the later ones into the first
     * and mark them (events 0) for removal. */
    allynet_status st = ALLYNET_OK;
    for (size_t j = 1; st == ALLYNET_OK && j < m; j++) {
        size_t first = j - 1;
        while (j < m &&
               allynet__dyad_key(g, g->ties[perm[j]].source, g->ties[perm[j]].target) ==
                   allynet__dyad_key(g, g->ties[perm[first]].source, g->ties[perm[first]].target)) {
            st = st == ALLYNET_OK ? fold_tie(g, &g->ties[perm[first]], &g->ties[perm[j]], err) : st;
            g->ties[perm[j]].events = 0;
            j++;
        }
    }
    free(perm);
    size_t kept = 0; /* keep the first appearances, in input order */
    for (size_t i = 0; i < m; i++) {
        if (g->ties[i].events != 0) {
            g->ties[kept++] = g->ties[i];
        }
    }
    g->n_ties = kept;
    if (st == ALLYNET_OK && !reindex(g)) {
        st = allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    return st;
}
