/* nodelink_write.c — writing the native format, NetworkX-compatible node-link JSON: the graph's
 * metadata through jansson, then one line per node and per edge through a buffered writer, in
 * the graph's order (canonical after allynet_graph_sort). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static const char *const node_keys[] = {"id", "name", "kind", NULL};
static const char *const edge_keys[] = {"source", "target",   "weight", "relation",
                                        "events", "evidence", NULL};

static bool reserved(const char *k, const char *const *keys) {
    for (; *keys; keys++) {
        if (strcmp(k, *keys) == 0) {
            return true;
        }
    }
    return false;
}

/* Appends the keys of attrs as `, "k": v`, except the keys the writer itself writes: a file's
 * extra attribute named "source" (a GraphML key, say) must not make a second "source" key. */
static void put_attrs(allynet__outbuf *o, const json_t *attrs, const char *const *keys) {
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)attrs, k, v) {
        if (reserved(k, keys)) {
            continue;
        }
        allynet__outbuf_write(o, ", ", 2);
        allynet__outbuf_string(o, k);
        allynet__outbuf_write(o, ": ", 2);
        allynet__outbuf_json(o, v);
    }
}

/* Writes `, "key": "s"` when s is set (prefix holds `, "key": `). */
static void put_opt_string(allynet__outbuf *o, const char *prefix, const char *s) {
    if (s != NULL) {
        allynet__outbuf_puts(o, prefix);
        allynet__outbuf_string(o, s);
    }
}

static bool write_meta(const allynet_graph *g, allynet__outbuf *o) {
    json_t *meta = json_deep_copy(allynet_graph_meta_const(g));
    if (meta == NULL) {
        return false;
    }
    json_t *top = json_incref(json_object_get(meta, "_toplevel"));
    json_object_del(meta, "_toplevel");
    allynet__outbuf_puts(o, allynet_graph_directed(g) ? "{\n  \"directed\": true"
                                                      : "{\n  \"directed\": false");
    allynet__outbuf_puts(o, ",\n  \"multigraph\": false,\n  \"graph\": ");
    allynet__outbuf_flush(o);
    bool ok = json_dumpf(meta, o->f, JSON_INDENT(2) | ALLYNET__JSON_FLAGS) == 0;
    if (ok && json_is_object(top)) {
        const char *k;
        json_t *v;
        json_object_foreach(top, k, v) {
            if (strcmp(k, "directed") && strcmp(k, "multigraph") && strcmp(k, "graph")) {
                allynet__outbuf_write(o, ",\n  ", 4);
                allynet__outbuf_string(o, k);
                allynet__outbuf_write(o, ": ", 2);
                allynet__outbuf_json(o, v);
            }
        }
    }
    json_decref(top);
    json_decref(meta);
    return ok;
}

static void write_nodes(const allynet_graph *g, allynet__outbuf *o) {
    allynet__outbuf_puts(o, ",\n  \"nodes\": [");
    size_t n = allynet_graph_actor_count(g);
    for (size_t i = 0; i < n; i++) {
        const allynet_actor *a = allynet_graph_actor(g, i);
        allynet__outbuf_puts(o, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
        allynet__outbuf_string(o, a->id);
        put_opt_string(o, ", \"name\": ", a->name);
        put_opt_string(o, ", \"kind\": ", a->kind);
        if (a->attrs) {
            put_attrs(o, a->attrs, node_keys);
        }
        allynet__outbuf_write(o, "}", 1);
    }
    allynet__outbuf_puts(o, n ? "\n  ]" : "]");
}

static void write_edges(const allynet_graph *g, allynet__outbuf *o) {
    allynet__outbuf_puts(o, ",\n  \"edges\": [");
    size_t n = allynet_graph_tie_count(g);
    for (size_t i = 0; i < n && !o->failed; i++) {
        const allynet_tie *t = allynet_graph_tie(g, i);
        allynet__outbuf_puts(o, i ? ",\n    {\"source\": " : "\n    {\"source\": ");
        allynet__outbuf_string(o, allynet_graph_actor(g, t->source)->id);
        allynet__outbuf_puts(o, ", \"target\": ");
        allynet__outbuf_string(o, allynet_graph_actor(g, t->target)->id);
        allynet__outbuf_puts(o, ", \"weight\": ");
        allynet__outbuf_real(o, t->weight);
        put_opt_string(o, ", \"relation\": ", t->relation);
        allynet__outbuf_puts(o, ", \"events\": ");
        allynet__outbuf_long(o, t->events);
        if (t->evidence) {
            allynet__outbuf_puts(o, ", \"evidence\": ");
            allynet__outbuf_json(o, t->evidence);
        } else if (t->evidence_text) {
            allynet__outbuf_puts(o, ", \"evidence\": ");
            allynet__outbuf_puts(o, t->evidence_text);
        }
        if (t->attrs) {
            put_attrs(o, t->attrs, edge_keys);
        }
        allynet__outbuf_write(o, "}", 1);
    }
    allynet__outbuf_puts(o, n ? "\n  ]\n}\n" : "]\n}\n");
}

allynet_status allynet_nodelink_write(const allynet_graph *g, FILE *f, allynet_error *err) {
    allynet__outbuf *o = malloc(sizeof *o);
    if (o == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    allynet__outbuf_init(o, f);
    bool ok = write_meta(g, o);
    if (ok) {
        write_nodes(g, o);
        write_edges(g, o);
    }
    ok = allynet__outbuf_flush(o) && ok && !ferror(f);
    free(o);
    return ok ? ALLYNET_OK
              : allynet_error_set(err, ALLYNET_E_IO, NULL, 0, 0, "cannot write the graph");
}
