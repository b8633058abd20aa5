/* layout.c — one layout for a whole series: the union of the snapshots' actors and ties (each
 * pair once, weights summed) is laid out once, so every actor keeps its place when the page
 * moves from one snapshot to the next. Actors found in a --positions-from graph stay pinned. */
#include "html.h"

#include <stdlib.h>

/* Adds snapshot g's actors and ties (undirected, without evidence) to u. */
static allynet_status add(allynet_graph *u, const allynet_graph *g, allynet_error *err) {
    allynet_status st = ALLYNET_OK;
    size_t n = allynet_graph_actor_count(g);
    size_t *at = malloc((n + 1) * sizeof *at);
    if (at == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t v = 0; v < n && st == ALLYNET_OK; v++) {
        const allynet_actor *a = allynet_graph_actor(g, v);
        st = allynet_graph_add_actor(u, a->id, a->name, a->kind, &at[v], err);
    }
    for (size_t e = 0; e < allynet_graph_tie_count(g) && st == ALLYNET_OK; e++) {
        const allynet_tie *t = allynet_graph_tie(g, e);
        if (t->weight != 0 && t->source != t->target) {
            st = allynet_graph_add_tie(u, at[t->source], at[t->target], t->weight, NULL, 1, NULL,
                                       NULL, err);
        }
    }
    free(at);
    return st;
}

static json_t *positions_json(const allynet_graph *u, const allynet_render_result *r) {
    json_t *ids = json_array(), *x = json_array(), *y = json_array();
    json_t *j = json_pack("{s:o, s:o, s:o}", "ids", ids, "x", x, "y", y);
    for (size_t v = 0; j && v < r->n && v < allynet_graph_actor_count(u); v++) {
        if (json_array_append_new(ids, json_string(allynet_graph_actor(u, v)->id)) ||
            json_array_append_new(x, json_real(r->x[v])) ||
            json_array_append_new(y, json_real(r->y[v]))) {
            json_decref(j);
            return NULL;
        }
    }
    return j;
}

allynet_status allynet__layout_series(const allynet_report_item *items, size_t n,
                                      const allynet_graph *pinned, json_t **out,
                                      allynet_error *err) {
    *out = NULL;
    allynet_graph *u = allynet_graph_new(false);
    allynet_render_result r = {0};
    allynet_status st =
        u ? ALLYNET_OK : allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < n && st == ALLYNET_OK; i++) {
        st = add(u, items[i].graph, err);
    }
    if (st == ALLYNET_OK) {
        st = allynet_graph_sort(u, err);
    }
    if (st == ALLYNET_OK) {
        allynet_render_options o;
        allynet_render_options_init(&o);
        o.format = ALLYNET_RENDER_DOT;
        o.legend = false;
        o.positions = pinned;
        st = allynet_render(u, &o, &r, err);
    }
    if (st == ALLYNET_OK && (*out = positions_json(u, &r)) == NULL) {
        st = allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    allynet_render_result_destroy(&r);
    allynet_graph_free(u);
    return st;
}
