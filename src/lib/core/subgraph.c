/* subgraph.c — induced subgraphs: some of a snapshot's actors and the ties among them (a
 * diagram of the strongest actors of a snapshot too large to draw whole). */
#include "graph_int.h"

#include <stdlib.h>

allynet_status allynet_graph_induced(const allynet_graph *g, const bool *keep, allynet_graph **out,
                                     allynet_error *err) {
    allynet_graph *h = allynet_graph_new(g->directed);
    size_t *map = malloc((g->n_actors + 1) * sizeof *map);
    json_t *meta = json_deep_copy(g->meta);
    allynet_status st = h && map && meta && json_object_update(h->meta, meta) == 0
                            ? ALLYNET_OK
                            : allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    json_decref(meta);
    for (size_t i = 0; st == ALLYNET_OK && i < g->n_actors; i++) {
        const allynet_actor *a = &g->actors[i];
        json_t *attrs = a->attrs ? json_deep_copy(a->attrs) : NULL;
        if (!keep[i]) {
            json_decref(attrs);
            continue;
        }
        st = a->attrs && !attrs
                 ? allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory")
                 : allynet__graph_add_actor_attrs(h, a->id, a->name, a->kind, attrs, &map[i], err);
    }
    for (size_t i = 0; st == ALLYNET_OK && i < g->n_ties; i++) {
        const allynet_tie *t = &g->ties[i];
        if (keep[t->source] && keep[t->target]) {
            st = allynet__graph_copy_tie(h, g, i, map, err);
        }
    }
    free(map);
    if (st != ALLYNET_OK) {
        allynet_graph_free(h);
        h = NULL;
    }
    *out = h;
    return st;
}
