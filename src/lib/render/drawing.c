/* drawing.c — building the neutral diagram description (drawing.h): attribute lists, nodes,
 * edges and clusters. Out-of-memory is recorded once in the drawing instead of per call. */
#include "drawing.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void attrs_destroy(allynet__attrs *a) {
    for (size_t i = 0; i < 2 * a->len; i++) {
        free(a->kv[i]);
    }
    free(a->kv);
    memset(a, 0, sizeof *a);
}

void allynet__drawing_init(allynet__drawing *d, bool directed) {
    memset(d, 0, sizeof *d);
    d->directed = directed;
    snprintf(d->engine, sizeof d->engine, "neato");
    snprintf(d->format, sizeof d->format, "svg");
}

void allynet__drawing_destroy(allynet__drawing *d) {
    if (d == NULL) {
        return;
    }
    attrs_destroy(&d->graph);
    attrs_destroy(&d->node_defaults);
    attrs_destroy(&d->edge_defaults);
    for (size_t i = 0; i < d->n_nodes; i++) {
        free(d->nodes[i].name);
        attrs_destroy(&d->nodes[i].attrs);
    }
    for (size_t i = 0; i < d->n_edges; i++) {
        attrs_destroy(&d->edges[i].attrs);
    }
    for (size_t i = 0; i < d->n_clusters; i++) {
        attrs_destroy(&d->clusters[i]);
    }
    free(d->nodes);
    free(d->edges);
    free(d->clusters);
    memset(d, 0, sizeof *d);
}

const char *allynet__attrs_get(const allynet__attrs *a, const char *key) {
    for (size_t i = 0; i < a->len; i++) {
        if (strcmp(a->kv[2 * i], key) == 0) {
            return a->kv[2 * i + 1];
        }
    }
    return NULL;
}

static bool attrs_put(allynet__attrs *a, const char *key, char *value) {
    for (size_t i = 0; i < a->len; i++) {
        if (strcmp(a->kv[2 * i], key) == 0) {
            free(a->kv[2 * i + 1]);
            a->kv[2 * i + 1] = value;
            return true;
        }
    }
    if (a->len == a->cap) {
        size_t cap = a->cap ? 2 * a->cap : 8;
        char **kv = realloc(a->kv, 2 * cap * sizeof *kv);
        if (kv == NULL) {
            return false;
        }
        a->kv = kv;
        a->cap = cap;
    }
    char *k = strdup(key);
    if (k == NULL) {
        return false;
    }
    a->kv[2 * a->len] = k;
    a->kv[2 * a->len + 1] = value;
    a->len++;
    return true;
}

void allynet__draw_set(allynet__drawing *d, allynet__attrs *a, const char *key, const char *fmt,
                       ...) {
    if (a == NULL) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    char *value = NULL;
    int n = vasprintf(&value, fmt, ap);
    va_end(ap);
    if (n < 0) {
        d->nomem = true;
        return;
    }
    if (!attrs_put(a, key, value)) {
        free(value);
        d->nomem = true;
    }
}

allynet__attrs *allynet__draw_node(allynet__drawing *d, const char *name, long cluster) {
    char *copy = strdup(name);
    if (copy == NULL ||
        !allynet__grow((void **)&d->nodes, &d->cap_nodes, d->n_nodes + 1, sizeof *d->nodes, 16)) {
        free(copy);
        d->nomem = true;
        return NULL;
    }
    allynet__dnode *n = &d->nodes[d->n_nodes++];
    memset(n, 0, sizeof *n);
    n->name = copy;
    n->cluster = cluster;
    return &n->attrs;
}

allynet__attrs *allynet__draw_edge(allynet__drawing *d, size_t tail, size_t head) {
    if (!allynet__grow((void **)&d->edges, &d->cap_edges, d->n_edges + 1, sizeof *d->edges, 16)) {
        d->nomem = true;
        return NULL;
    }
    allynet__dedge *e = &d->edges[d->n_edges++];
    memset(e, 0, sizeof *e);
    e->tail = tail;
    e->head = head;
    return &e->attrs;
}

allynet__attrs *allynet__draw_cluster(allynet__drawing *d) {
    if (!allynet__grow((void **)&d->clusters, &d->cap_clusters, d->n_clusters + 1,
                       sizeof *d->clusters, 16)) {
        d->nomem = true;
        return NULL;
    }
    allynet__attrs *c = &d->clusters[d->n_clusters++];
    memset(c, 0, sizeof *c);
    return c;
}
