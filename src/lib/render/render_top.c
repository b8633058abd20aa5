/* render_top.c — a drawable selection of a snapshot too large to draw: its strongest actors
 * (largest sum of |weight| of their ties, ties in strength broken by id) and the ties among
 * them. */
#include "render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    double strength;
    const char *id;
    size_t actor;
} ranked;

static int strongest_first(const void *x, const void *y) {
    const ranked *a = x, *b = y;
    if (a->strength != b->strength) {
        return a->strength > b->strength ? -1 : 1;
    }
    return strcmp(a->id, b->id);
}

allynet_status allynet_render_top(const allynet_graph *g, size_t k, allynet_graph **out,
                                  allynet_error *err) {
    size_t n = allynet_graph_actor_count(g);
    ranked *r = calloc(n + 1, sizeof *r);
    bool *keep = calloc(n + 1, sizeof *keep);
    *out = NULL;
    if (r == NULL || keep == NULL) {
        free(r), free(keep);
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        r[i] = (ranked){0, allynet_graph_actor(g, i)->id, i};
    }
    for (size_t i = 0; i < allynet_graph_tie_count(g); i++) {
        const allynet_tie *t = allynet_graph_tie(g, i);
        r[t->source].strength += fabs(t->weight);
        r[t->target].strength += fabs(t->weight);
    }
    qsort(r, n, sizeof *r, strongest_first);
    for (size_t i = 0; i < k && i < n; i++) {
        keep[r[i].actor] = true;
    }
    allynet_status st = allynet_graph_induced(g, keep, out, err);
    free(r), free(keep);
    return st;
}
