/* metrics_json.c — the metrics record as JSON (undefined figures as null) and actor orderings
 * by a chosen figure. */
#include "core/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static json_t *number(double v) {
    return isfinite(v) ? json_real(v) : json_null();
}

static json_t *actor_json(const allynet_actor *a, const allynet_actor_metrics *x, bool directed) {
    json_t *j =
        json_pack("{s:s, s:I, s:I, s:I}", "id", a->id, "degree", (json_int_t)x->degree, "degree_in",
                  (json_int_t)x->degree_in, "degree_out", (json_int_t)x->degree_out);
    if (j == NULL) {
        return NULL;
    }
    for (size_t k = 3; allynet_metrics_keys[k]; k++) {
        const char *key = allynet_metrics_keys[k];
        double v = 0;
        allynet_metrics_value(x, key, &v);
        if (!directed && (strcmp(key, "hub") == 0 || strcmp(key, "authority") == 0)) {
            continue;
        }
        if (json_object_set_new(j, key, number(v)) != 0) {
            json_decref(j);
            return NULL;
        }
    }
    return j;
}

json_t *allynet_metrics_to_json(const allynet_graph *g, const allynet_metrics *m,
                                const size_t *order) {
    size_t *own = NULL;
    if (order == NULL && allynet_metrics_order(g, m, NULL, &own, NULL) != ALLYNET_OK) {
        return NULL;
    }
    const char *name = allynet_graph_name(g), *date = allynet_graph_date(g);
    json_t *root = json_pack("{s:s*, s:s*, s:b, s:[], s:O}", "name", name, "date", date, "directed",
                             allynet_graph_directed(g), "actors", "treatment", m->treatment);
    bool ok = root != NULL;
    if (ok && json_object_size(m->approximations) > 0) {
        ok = json_object_set(root, "approximations", m->approximations) == 0;
    }
    json_t *actors = ok ? json_object_get(root, "actors") : NULL;
    for (size_t i = 0; ok && i < m->n; i++) {
        size_t a = order ? order[i] : own[i];
        json_t *j = actor_json(allynet_graph_actor(g, a), &m->actors[a], allynet_graph_directed(g));
        ok = j != NULL && json_array_append_new(actors, j) == 0;
    }
    free(own);
    if (!ok) {
        json_decref(root);
        return NULL;
    }
    return root;
}

typedef struct {
    const allynet_graph *g;
    const allynet_metrics *m;
    const char *key;
} order_ctx;

static int by_id(const allynet_graph *g, size_t a, size_t b) {
    return strcmp(allynet_graph_actor(g, a)->id, allynet_graph_actor(g, b)->id);
}

static int compare(const void *pa, const void *pb, void *data) {
    const order_ctx *c = data;
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    if (c->key) {
        double x = 0, y = 0;
        allynet_metrics_value(&c->m->actors[a], c->key, &x);
        allynet_metrics_value(&c->m->actors[b], c->key, &y);
        bool dx = isfinite(x), dy = isfinite(y);
        if (dx != dy) {
            return dx ? -1 : 1; /* undefined last */
        }
        if (dx && x != y) {
            return x > y ? -1 : 1;
        }
    }
    return by_id(c->g, a, b);
}

allynet_status allynet_metrics_order(const allynet_graph *g, const allynet_metrics *m,
                                     const char *key, size_t **out, allynet_error *err) {
    double probe;
    *out = NULL;
    if (key && !allynet_metrics_value(&m->actors[0], key, &probe)) {
        return allynet_error_set(err, ALLYNET_E_USAGE, NULL, 0, 0, "unknown metric '%s'", key);
    }
    size_t *o = malloc((m->n + 1) * sizeof *o);
    if (o == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t i = 0; i < m->n; i++) {
        o[i] = i;
    }
    order_ctx c = {g, m, key};
    qsort_r(o, m->n, sizeof *o, compare, &c);
    *out = o;
    return ALLYNET_OK;
}
