/* match_sparse.c — bloc matching by maximum overlap when there are too many blocs for one
 * k x k assignment (200,000 isolated actors are 200,000 blocs: a dense cost matrix of 320 GB).
 *
 * Only blocs that share actors can be paired (a pairing that shares none is no match), so the
 * maximum-overlap matching splits into the connected pieces of the bipartite "shares an actor"
 * graph: a piece of one bloc on each side is matched directly, a larger one by the Hungarian
 * method on its own blocs (the same optimum as the whole problem), and a piece of more than
 * ALLYNET__DENSE_BLOCS blocs on a side greedily, largest overlap first. O(n log n) plus the
 * pieces' assignments. */
#include "partition.h"

#include "igraph_glue.h"

#include <stdlib.h>

typedef struct {
    long a, b;
    size_t count; /* actors in both */
    size_t piece;
} cell;

static int by_pair(const void *x, const void *y) {
    const cell *p = x, *q = y;
    if (p->a != q->a) {
        return p->a < q->a ? -1 : 1;
    }
    return p->b < q->b ? -1 : p->b > q->b;
}

static int by_piece(const void *x, const void *y) {
    const cell *p = x, *q = y;
    if (p->piece != q->piece) {
        return p->piece < q->piece ? -1 : 1;
    }
    return by_pair(x, y);
}

static int by_overlap(const void *x, const void *y) {
    const cell *p = x, *q = y;
    if (p->count != q->count) {
        return p->count > q->count ? -1 : 1;
    }
    return by_pair(x, y);
}

static size_t root(size_t *up, size_t x) {
    while (up[x] != x) {
        up[x] = up[up[x]];
        x = up[x];
    }
    return x;
}

/* The distinct (a, b) pairs with their overlap, numbered by piece; returns how many. */
static size_t cells_of(const long *a, const long *b, size_t n, size_t ka, size_t *up, cell *c) {
    for (size_t i = 0; i < n; i++) {
        c[i] = (cell){a[i], b[i], 1, 0};
    }
    qsort(c, n, sizeof *c, by_pair);
    size_t nc = 0;
    for (size_t i = 0; i < n; i++) {
        if (nc > 0 && c[nc - 1].a == c[i].a && c[nc - 1].b == c[i].b) {
            c[nc - 1].count++;
        } else {
            c[nc++] = c[i];
        }
    }
    for (size_t i = 0; i < nc; i++) {
        size_t x = root(up, (size_t)c[i].a), y = root(up, ka + (size_t)c[i].b);
        up[x > y ? x : y] = x < y ? x : y;
    }
    for (size_t i = 0; i < nc; i++) {
        c[i].piece = root(up, (size_t)c[i].a);
    }
    qsort(c, nc, sizeof *c, by_piece);
    return nc;
}

/* Greedy: the largest overlaps first, each bloc used once (la[a] = -2 marks a used bloc of a;
 * the caller resets la). */
static void match_greedy(cell *c, size_t nc, long *la, long *map) {
    qsort(c, nc, sizeof *c, by_overlap);
    for (size_t i = 0; i < nc; i++) {
        if (map[c[i].b] < 0 && la[c[i].a] >= 0) {
            map[c[i].b] = c[i].a;
            la[c[i].a] = -2;
        }
    }
}

/* One piece by the Hungarian method on its own blocs (local numbers la[], lb[]). */
static igraph_error_t match_piece(const cell *c, size_t nc, size_t n, const long *ga, size_t ca,
                                  const long *gb, size_t cb, const long *la, const long *lb,
                                  long *map) {
    size_t k = ca > cb ? ca : cb;
    igraph_matrix_t m;
    igraph_vector_int_t p;
    igraph_error_t rc = igraph_matrix_init(&m, (igraph_integer_t)k, (igraph_integer_t)k);
    if (rc != IGRAPH_SUCCESS) {
        return rc;
    }
    igraph_matrix_fill(&m, (igraph_real_t)n);
    for (size_t i = 0; i < nc; i++) {
        MATRIX(m, la[c[i].a], lb[c[i].b]) = (igraph_real_t)(n - c[i].count);
    }
    rc = igraph_vector_int_init(&p, 0);
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_solve_lsap(&m, (igraph_integer_t)k, &p);
        for (size_t i = 0; rc == IGRAPH_SUCCESS && i < ca; i++) {
            size_t j = (size_t)VECTOR(p)[i];
            if (j < cb && MATRIX(m, i, j) < (igraph_real_t)n) {
                map[gb[j]] = ga[i];
            }
        }
        igraph_vector_int_destroy(&p);
    }
    igraph_matrix_destroy(&m);
    return rc;
}

typedef struct {
    long *la, *lb; /* local number of a global bloc in the current piece, or -1 */
    long *ga, *gb; /* global bloc of a local number */
} locals;

/* Solves the piece c[0..nc); resets the local numbers it used. */
static igraph_error_t solve_piece(cell *c, size_t nc, size_t n, locals *l, long *map) {
    size_t ca = 0, cb = 0;
    for (size_t i = 0; i < nc; i++) {
        if (l->la[c[i].a] < 0) {
            l->ga[ca] = c[i].a;
            l->la[c[i].a] = (long)ca++;
        }
        if (l->lb[c[i].b] < 0) {
            l->gb[cb] = c[i].b;
            l->lb[c[i].b] = (long)cb++;
        }
    }
    igraph_error_t rc = IGRAPH_SUCCESS;
    if (ca == 1 && cb == 1) {
        map[c[0].b] = c[0].a;
    } else if (ca <= ALLYNET__DENSE_BLOCS && cb <= ALLYNET__DENSE_BLOCS) {
        rc = match_piece(c, nc, n, l->ga, ca, l->gb, cb, l->la, l->lb, map);
    } else {
        match_greedy(c, nc, l->la, map);
    }
    for (size_t i = 0; i < ca; i++) {
        l->la[l->ga[i]] = -1;
    }
    for (size_t j = 0; j < cb; j++) {
        l->lb[l->gb[j]] = -1;
    }
    return rc;
}

allynet_status allynet__bloc_match_sparse(const long *a, size_t ka, const long *b, size_t kb,
                                          size_t n, long *map, allynet_error *err) {
    size_t *up = malloc((ka + kb + 1) * sizeof *up);
    cell *c = malloc((n + 1) * sizeof *c);
    locals l = {malloc((ka + 1) * sizeof(long)), malloc((kb + 1) * sizeof(long)),
                malloc((ka + 1) * sizeof(long)), malloc((kb + 1) * sizeof(long))};
    igraph_error_t rc = IGRAPH_SUCCESS;
    bool ok = up && c && l.la && l.lb && l.ga && l.gb;
    for (size_t i = 0; ok && i < ka + kb; i++) {
        up[i] = i;
    }
    for (size_t i = 0; ok && i < ka; i++) {
        l.la[i] = -1;
    }
    for (size_t j = 0; ok && j < kb; j++) {
        l.lb[j] = -1;
        map[j] = -1;
    }
    size_t nc = ok ? cells_of(a, b, n, ka, up, c) : 0;
    for (size_t i = 0; ok && rc == IGRAPH_SUCCESS && i < nc;) {
        size_t j = i;
        while (j < nc && c[j].piece == c[i].piece) {
            j++;
        }
        rc = solve_piece(c + i, j - i, n, &l, map);
        i = j;
    }
    free(up), free(c), free(l.la), free(l.lb), free(l.ga), free(l.gb);
    if (!ok) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    return rc == IGRAPH_SUCCESS ? ALLYNET_OK : allynet__igraph_fail(rc, "matching blocs", err);
}
