/* nodelink.c — the native format: NetworkX-compatible node-link JSON, read and written.
 *
 * Reading walks the top-level object itself and hands each value (each node, each edge) to
 * jansson separately. So a file of a million edges never becomes one DOM, and every error,
 * semantic ones included, carries the line and column of the element it is about. */
#include "internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *buf;
    size_t len;
    size_t pos;
    const char *src;
    allynet_error *err;
} scanner;

static allynet_status fail_at(scanner *sc, size_t off, allynet_status code, const char *what) {
    int line, col;
    allynet__position(sc->buf, off < sc->len ? off : sc->len, &line, &col);
    return allynet_error_set(sc->err, code, sc->src, line, col, "%s", what);
}

static void skip_ws(scanner *sc) {
    while (sc->pos < sc->len) {
        char c = sc->buf[sc->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            break;
        }
        sc->pos++;
    }
}

/* Parses one JSON value at the current position with jansson and moves past it. */
static allynet_status take_value(scanner *sc, json_t **out) {
    json_error_t e;
    size_t start = sc->pos;
    *out = json_loadb(sc->buf + start, sc->len - start,
                      JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK | JSON_REJECT_DUPLICATES, &e);
    if (*out == NULL) {
        int line, col;
        allynet__position(sc->buf, start, &line, &col);
        if (e.line <= 1) {
            col += e.column > 0 ? e.column - 1 : 0;
        } else {
            line += e.line - 1;
            col = e.column;
        }
        return allynet_error_set(sc->err, ALLYNET_E_INPUT, sc->src, line, col, "malformed JSON: %s",
                                 e.text);
    }
    sc->pos = start + (size_t)e.position;
    return ALLYNET_OK;
}

static allynet_status expect(scanner *sc, char c, const char *what) {
    skip_ws(sc);
    if (sc->pos >= sc->len || sc->buf[sc->pos] != c) {
        char msg[128];
        snprintf(msg, sizeof msg, "malformed JSON: expected %s", what);
        return fail_at(sc, sc->pos, ALLYNET_E_INPUT, msg);
    }
    sc->pos++;
    return ALLYNET_OK;
}

/* An id is a string, or an integer written as its decimal form. Returns false otherwise. */
static bool id_text(const json_t *v, char *tmp, size_t n, const char **out) {
    if (json_is_string(v)) {
        *out = json_string_value(v);
        return true;
    }
    if (json_is_integer(v)) {
        snprintf(tmp, n, "%lld", (long long)json_integer_value(v));
        *out = tmp;
        return true;
    }
    return false;
}

__attribute__((format(printf, 3, 4))) static allynet_status element_error(scanner *sc, size_t at,
                                                                         const char *fmt, ...) {
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return fail_at(sc, at, ALLYNET_E_INPUT, msg);
}

static allynet_status take_node(scanner *sc, allynet_graph *g, json_t *node, size_t at) {
    if (!json_is_object(node)) {
        return element_error(sc, at, "node is not a JSON object");
    }
    char tmp[32];
    const char *id;
    if (!id_text(json_object_get(node, "id"), tmp, sizeof tmp, &id)) {
        return element_error(sc, at, "node has no \"id\" (a string or an integer)");
    }
    if (id[0] == '\0') {
        return element_error(sc, at, "node id is empty");
    }
    if (allynet_graph_find_actor(g, id) >= 0) {
        return element_error(sc, at, "duplicate node id \"%.300s\"", id);
    }
    json_t *name = json_object_get(node, "name"), *kind = json_object_get(node, "kind");
    if ((name && !json_is_string(name) && !json_is_null(name)) ||
        (kind && !json_is_string(kind) && !json_is_null(kind))) {
        return element_error(sc, at, "node \"%.300s\": \"name\" and \"kind\" must be strings", id);
    }
    json_t *attrs = json_deep_copy(node);
    if (attrs == NULL) {
        return allynet_error_set(sc->err, ALLYNET_E_NOMEM, sc->src, 0, 0, "out of memory");
    }
    json_object_del(attrs, "id");
    json_object_del(attrs, "name");
    json_object_del(attrs, "kind");
    if (json_object_size(attrs) == 0) {
        json_decref(attrs);
        attrs = NULL;
    }
    allynet_error e2 = {0};
    allynet_status st = allynet__graph_add_actor_attrs(g, id, json_string_value(name),
                                                       json_string_value(kind), attrs, NULL, &e2);
    return st == ALLYNET_OK ? st : fail_at(sc, at, st, e2.text);
}

static allynet_status edge_endpoint(scanner *sc, allynet_graph *g, json_t *edge, const char *key,
                                    size_t at, size_t *out) {
    char tmp[32];
    const char *id;
    if (!id_text(json_object_get(edge, key), tmp, sizeof tmp, &id)) {
        char msg[96];
        snprintf(msg, sizeof msg, "edge has no \"%s\" (a node id)", key);
        return fail_at(sc, at, ALLYNET_E_INPUT, msg);
    }
    long i = allynet_graph_find_actor(g, id);
    if (i < 0) {
        char msg[420];
        snprintf(msg, sizeof msg, "edge %s \"%.300s\" is not a node of the graph", key, id);
        return fail_at(sc, at, ALLYNET_E_INPUT, msg);
    }
    *out = (size_t)i;
    return ALLYNET_OK;
}

static allynet_status take_edge(scanner *sc, allynet_graph *g, json_t *edge, size_t at) {
    if (!json_is_object(edge)) {
        return element_error(sc, at, "edge is not a JSON object");
    }
    size_t s, t;
    allynet_status st = edge_endpoint(sc, g, edge, "source", at, &s);
    if (st == ALLYNET_OK) {
        st = edge_endpoint(sc, g, edge, "target", at, &t);
    }
    if (st != ALLYNET_OK) {
        return st;
    }
    json_t *w = json_object_get(edge, "weight");
    if (w == NULL) {
        w = json_object_get(edge, "sign"); /* signed networks often carry only a sign */
    }
    if (w != NULL && !json_is_number(w)) {
        return element_error(sc, at, "edge weight must be a number, not %s",
                             json_is_string(w) ? "a string" : "this value");
    }
    double weight = w ? json_number_value(w) : 1.0;
    json_t *rel = json_object_get(edge, "relation"), *ev = json_object_get(edge, "events");
    json_t *evid = json_object_get(edge, "evidence");
    if (rel && !json_is_string(rel) && !json_is_null(rel)) {
        return element_error(sc, at, "edge \"relation\" must be a string");
    }
    if (ev && (!json_is_integer(ev) || json_integer_value(ev) < 1)) {
        return element_error(sc, at, "edge \"events\" must be a whole number >= 1");
    }
    if (evid && !json_is_array(evid) && !json_is_null(evid)) {
        return element_error(sc, at, "edge \"evidence\" must be an array");
    }
    json_t *attrs = json_deep_copy(edge);
    if (attrs == NULL) {
        return allynet_error_set(sc->err, ALLYNET_E_NOMEM, sc->src, 0, 0, "out of memory");
    }
    static const char *known[] = {"source", "target", "weight", "relation", "events", "evidence"};
    for (size_t i = 0; i < sizeof known / sizeof *known; i++) {
        json_object_del(attrs, known[i]);
    }
    if (json_object_size(attrs) == 0) {
        json_decref(attrs);
        attrs = NULL;
    }
    allynet_error e2 = {0};
    size_t idx;
    json_t *evcopy = json_is_array(evid) ? json_deep_copy(evid) : NULL;
    st = allynet_graph_add_tie(g, s, t, weight, json_string_value(rel),
                               ev ? (long)json_integer_value(ev) : 1, evcopy, &idx, &e2);
    if (st != ALLYNET_OK) {
        json_decref(attrs);
        return fail_at(sc, at, st, e2.text);
    }
    allynet__tie_take_attrs(g, idx, attrs);
    return ALLYNET_OK;
}

typedef allynet_status (*element_fn)(scanner *, allynet_graph *, json_t *, size_t);

/* Walks a JSON array at the current position, handing each element to fn (NULL: skip). */
static allynet_status walk_array(scanner *sc, allynet_graph *g, element_fn fn) {
    allynet_status st = expect(sc, '[', "'[' (an array)");
    skip_ws(sc);
    if (st == ALLYNET_OK && sc->pos < sc->len && sc->buf[sc->pos] == ']') {
        sc->pos++;
        return ALLYNET_OK;
    }
    while (st == ALLYNET_OK) {
        skip_ws(sc);
        size_t at = sc->pos;
        json_t *v = NULL;
        st = take_value(sc, &v);
        if (st == ALLYNET_OK && fn != NULL) {
            st = fn(sc, g, v, at);
        }
        json_decref(v);
        if (st != ALLYNET_OK) {
            break;
        }
        skip_ws(sc);
        if (sc->pos < sc->len && sc->buf[sc->pos] == ']') {
            sc->pos++;
            break;
        }
        st = expect(sc, ',', "',' or ']' in an array");
    }
    return st;
}

static allynet_status take_scalar_key(scanner *sc, allynet_graph *g, const char *key, json_t *v,
                                      size_t at, bool *directed_seen) {
    if (strcmp(key, "directed") == 0 || strcmp(key, "multigraph") == 0) {
        if (!json_is_boolean(v)) {
            return element_error(sc, at, "\"%s\" must be true or false", key);
        }
        if (key[0] == 'd') {
            allynet__graph_set_directed(g, json_is_true(v));
            *directed_seen = true;
        }
        return ALLYNET_OK;
    }
    json_t *meta = allynet_graph_meta(g);
    if (strcmp(key, "graph") == 0) {
        if (!json_is_object(v)) {
            return element_error(sc, at, "\"graph\" must be an object");
        }
        json_t *d = json_object_get(v, "date");
        if (d && !json_is_string(d)) {
            return element_error(sc, at, "\"graph\".\"date\" must be a string");
        }
        json_object_update(meta, v);
        return ALLYNET_OK;
    }
    /* Unknown top-level keys survive a round trip under meta's "_toplevel". */
    json_t *top = json_object_get(meta, "_toplevel");
    if (top == NULL) {
        top = json_object();
        json_object_set_new(meta, "_toplevel", top);
    }
    json_object_set(top, key, v);
    return ALLYNET_OK;
}

static allynet_status scan_top(scanner *sc, allynet_graph *g) {
    bool nodes_seen = false, directed_seen = false;
    size_t edge_arrays[4];
    size_t n_edge_arrays = 0;
    allynet_status st = expect(sc, '{', "a JSON object at the top level");
    skip_ws(sc);
    bool empty = st == ALLYNET_OK && sc->pos < sc->len && sc->buf[sc->pos] == '}';
    if (empty) {
        sc->pos++;
    }
    while (st == ALLYNET_OK && !empty) {
        skip_ws(sc);
        size_t at = sc->pos;
        json_t *k = NULL;
        if (sc->pos >= sc->len || sc->buf[sc->pos] != '"') {
            return fail_at(sc, sc->pos, ALLYNET_E_INPUT, "malformed JSON: expected a key string");
        }
        st = take_value(sc, &k);
        if (st == ALLYNET_OK) {
            st = expect(sc, ':', "':' after a key");
        }
        skip_ws(sc);
        const char *key = json_string_value(k);
        if (st != ALLYNET_OK) {
        } else if (strcmp(key, "nodes") == 0) {
            st = walk_array(sc, g, take_node);
            nodes_seen = true;
        } else if (strcmp(key, "edges") == 0 || strcmp(key, "links") == 0) {
            if (nodes_seen && directed_seen) {
                st = walk_array(sc, g, take_edge);
            } else if (n_edge_arrays < 4) {
                edge_arrays[n_edge_arrays++] = sc->pos; /* read after the nodes */
                st = walk_array(sc, g, NULL);
            } else {
                st = fail_at(sc, at, ALLYNET_E_INPUT, "too many \"edges\" arrays");
            }
        } else {
            json_t *v = NULL;
            size_t vat = sc->pos;
            st = take_value(sc, &v);
            if (st == ALLYNET_OK) {
                st = take_scalar_key(sc, g, key, v, vat, &directed_seen);
            }
            json_decref(v);
        }
        json_decref(k);
        skip_ws(sc);
        if (st == ALLYNET_OK && sc->pos < sc->len && sc->buf[sc->pos] == '}') {
            sc->pos++;
            break;
        }
        if (st == ALLYNET_OK) {
            st = expect(sc, ',', "',' or '}' after a value");
        }
    }
    size_t end = sc->pos;
    for (size_t i = 0; st == ALLYNET_OK && i < n_edge_arrays; i++) {
        sc->pos = edge_arrays[i];
        st = walk_array(sc, g, take_edge);
    }
    sc->pos = end;
    skip_ws(sc);
    if (st == ALLYNET_OK && sc->pos < sc->len) {
        st = fail_at(sc, sc->pos, ALLYNET_E_INPUT, "malformed JSON: extra data after the graph");
    }
    return st;
}

allynet_status allynet_nodelink_parse(const char *buf, size_t len, const char *source,
                                      allynet_graph **out, allynet_error *err) {
    *out = NULL;
    scanner sc = {buf, len, 0, source ? source : "<buffer>", err};
    skip_ws(&sc);
    if (sc.pos == len) {
        return allynet_error_set(err, ALLYNET_E_INPUT, sc.src, 1, 1,
                                 "empty file: expected a node-link JSON object");
    }
    if (memchr(buf, '\0', len) != NULL) {
        const char *z = memchr(buf, '\0', len);
        return fail_at(&sc, (size_t)(z - buf), ALLYNET_E_INPUT, "NUL byte in JSON text");
    }
    allynet_graph *g = allynet_graph_new(false);
    if (g == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, sc.src, 0, 0, "out of memory");
    }
    allynet_status st = scan_top(&sc, g);
    if (st != ALLYNET_OK) {
        allynet_graph_free(g);
        return st;
    }
    *out = g;
    return ALLYNET_OK;
}

/* ------------------------------------------------------------------ writing */

static bool put_json(FILE *f, const json_t *v) {
    return json_dumpf(v, f, JSON_ENCODE_ANY | ALLYNET__JSON_FLAGS) == 0;
}

/* Writes a real as jansson does: %.12g, with ".0" when it would read back as an integer. */
static void put_real(FILE *f, double x) {
    char b[40];
    snprintf(b, sizeof b, "%.12g", x == 0 ? 0.0 : x);
    fputs(b, f);
    if (strpbrk(b, ".eEn") == NULL) {
        fputs(".0", f);
    }
}

static bool put_string(FILE *f, const char *s) {
    json_t *v = json_string(s);
    bool ok = v != NULL && put_json(f, v);
    json_decref(v);
    return ok;
}

/* Appends the keys of attrs (skipping `skip`) as `, "k": v`. */
static bool put_attrs(FILE *f, const json_t *attrs) {
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)attrs, k, v) {
        fputs(", ", f);
        if (!put_string(f, k)) {
            return false;
        }
        fputs(": ", f);
        if (!put_json(f, v)) {
            return false;
        }
    }
    return true;
}

static bool write_meta(const allynet_graph *g, FILE *f) {
    json_t *meta = json_deep_copy(allynet_graph_meta_const(g));
    if (meta == NULL) {
        return false;
    }
    json_t *top = json_incref(json_object_get(meta, "_toplevel"));
    json_object_del(meta, "_toplevel");
    fprintf(f, "{\n  \"directed\": %s,\n  \"multigraph\": false,\n  \"graph\": ",
            allynet_graph_directed(g) ? "true" : "false");
    bool ok = json_dumpf(meta, f, JSON_INDENT(2) | ALLYNET__JSON_FLAGS) == 0;
    if (ok && json_is_object(top)) {
        const char *k;
        json_t *v;
        json_object_foreach(top, k, v) {
            if (strcmp(k, "directed") && strcmp(k, "multigraph") && strcmp(k, "graph")) {
                fputs(",\n  ", f);
                ok = ok && put_string(f, k);
                fputs(": ", f);
                ok = ok && put_json(f, v);
            }
        }
    }
    json_decref(top);
    json_decref(meta);
    return ok;
}

static bool write_nodes(const allynet_graph *g, FILE *f) {
    fputs(",\n  \"nodes\": [", f);
    size_t n = allynet_graph_actor_count(g);
    for (size_t i = 0; i < n; i++) {
        const allynet_actor *a = allynet_graph_actor(g, i);
        fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", f);
        bool ok = put_string(f, a->id);
        if (a->name) {
            fputs(", \"name\": ", f);
            ok = ok && put_string(f, a->name);
        }
        if (a->kind) {
            fputs(", \"kind\": ", f);
            ok = ok && put_string(f, a->kind);
        }
        if (!ok || (a->attrs && !put_attrs(f, a->attrs))) {
            return false;
        }
        fputc('}', f);
    }
    fputs(n ? "\n  ]" : "]", f);
    return true;
}

static bool write_edges(const allynet_graph *g, FILE *f) {
    fputs(",\n  \"edges\": [", f);
    size_t n = allynet_graph_tie_count(g);
    for (size_t i = 0; i < n; i++) {
        const allynet_tie *t = allynet_graph_tie(g, i);
        fputs(i ? ",\n    {\"source\": " : "\n    {\"source\": ", f);
        bool ok = put_string(f, allynet_graph_actor(g, t->source)->id);
        fputs(", \"target\": ", f);
        ok = ok && put_string(f, allynet_graph_actor(g, t->target)->id);
        fputs(", \"weight\": ", f);
        put_real(f, t->weight);
        if (t->relation) {
            fputs(", \"relation\": ", f);
            ok = ok && put_string(f, t->relation);
        }
        fprintf(f, ", \"events\": %ld", t->events);
        if (t->evidence) {
            fputs(", \"evidence\": ", f);
            ok = ok && put_json(f, t->evidence);
        }
        if (!ok || (t->attrs && !put_attrs(f, t->attrs))) {
            return false;
        }
        fputc('}', f);
    }
    fputs(n ? "\n  ]\n}\n" : "]\n}\n", f);
    return true;
}

allynet_status allynet_nodelink_write(const allynet_graph *g, FILE *f, allynet_error *err) {
    if (!write_meta(g, f) || !write_nodes(g, f) || !write_edges(g, f) || ferror(f)) {
        return allynet_error_set(err, ALLYNET_E_IO, NULL, 0, 0, "cannot write the graph");
    }
    return ALLYNET_OK;
}
