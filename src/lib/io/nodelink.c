/* nodelink.c — reading the native format, NetworkX-compatible node-link JSON (written by
 * nodelink_write.c).
 *
 * Reading walks the top-level object itself and hands each value (each node, each edge) to
 * jansson separately. So a file of a million edges never becomes one DOM, and every error,
 * semantic ones included, carries the line and column of the element it is about. */
#include "io_int.h"
#include "jsonflat.h"

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
    void (*release)(void *ctx, size_t upto); /* may be NULL: called as the scan moves on */
    void *release_ctx;
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

/* jansson's column is that of the last character it read, the end of the token it names in
 * "... near 'TOKEN'". Returns the column of that token's first character instead, so the
 * error points where the bad token starts (unchanged when there is no such token). */
static int token_start_column(const json_error_t *e) {
    const char *near = strstr(e->text, " near '");
    size_t len = near ? strlen(near) : 0;
    if (near == NULL || len < 8 || near[len - 1] != '\'') {
        return e->column;
    }
    int chars = 0; /* jansson counts UTF-8 characters, not bytes */
    for (const char *p = near + 7; p < near + len - 1; p++) {
        if (*p == '\n') {
            return e->column;
        }
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    }
    return e->column - chars + 1 >= 1 ? e->column - chars + 1 : e->column;
}

/* Parses one JSON value at the current position with jansson and moves past it. */
static allynet_status take_value(scanner *sc, json_t **out) {
    json_error_t e;
    size_t start = sc->pos;
    *out = json_loadb(sc->buf + start, sc->len - start,
                      JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK | JSON_REJECT_DUPLICATES, &e);
    if (*out == NULL) {
        int line, col, ecol = token_start_column(&e);
        allynet__position(sc->buf, start, &line, &col);
        if (e.line <= 1) {
            col += ecol > 0 ? ecol - 1 : 0;
        } else {
            line += e.line - 1;
            col = ecol;
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

/* An element's known fields, read either from a jansson object or from the flat fast path,
 * so that both paths share one validation. */
typedef enum { V_ABSENT, V_STRING, V_NUMBER, V_INTEGER, V_NULL, V_OTHER } vkind;

typedef struct {
    vkind kind;
    const char *s; /* V_STRING: NUL-terminated (copied into tmp when needed) */
    double num;
    long long ival;
    char tmp[64];
    char *heap; /* a longer copy, freed by field_done */
} field;

typedef struct {
    field f[6]; /* node: id, name, kind; edge: source, target, weight, relation, events, sign */
    json_t *evidence; /* borrowed or NULL */
    bool evidence_bad;
    json_t *attrs; /* owned: every other key */
    json_t *owner; /* owned: the jansson object the fields point into, or NULL */
} element;

static const char *node_keys[] = {"id", "name", "kind", NULL};
static const char *edge_keys[] = {"source", "target", "weight", "relation", "events", "sign", NULL};

static void field_done(field *x) {
    free(x->heap);
}

static void field_from_json(field *x, const json_t *v) {
    memset(x, 0, sizeof *x);
    if (v == NULL) {
        x->kind = V_ABSENT;
    } else if (json_is_string(v)) {
        x->kind = V_STRING;
        x->s = json_string_value(v);
    } else if (json_is_integer(v)) {
        x->kind = V_INTEGER;
        x->ival = json_integer_value(v);
        x->num = (double)x->ival;
    } else if (json_is_real(v)) {
        x->kind = V_NUMBER;
        x->num = json_real_value(v);
    } else {
        x->kind = json_is_null(v) ? V_NULL : V_OTHER;
    }
}

static bool field_from_flat(field *x, const allynet__flat_field *f) {
    memset(x, 0, sizeof *x);
    switch (f->type) {
    case ALLYNET__FLAT_STRING:
        x->kind = V_STRING;
        if (memchr(f->str, '\0', f->len) != NULL) {
            return false;
        }
        if (f->len < sizeof x->tmp) {
            memcpy(x->tmp, f->str, f->len);
            x->tmp[f->len] = '\0';
            x->s = x->tmp;
        } else {
            x->heap = strndup(f->str, f->len);
            x->s = x->heap;
            return x->heap != NULL;
        }
        return true;
    case ALLYNET__FLAT_INTEGER:
        x->kind = V_INTEGER;
        x->ival = f->ival;
        x->num = f->num;
        return true;
    case ALLYNET__FLAT_REAL:
        x->kind = V_NUMBER;
        x->num = f->num;
        return true;
    case ALLYNET__FLAT_NULL:
        x->kind = V_NULL;
        return true;
    default:
        x->kind = V_OTHER;
        return true;
    }
}

static int key_index(const char *const *keys, const char *k, size_t n) {
    for (int i = 0; keys[i]; i++) {
        if (strlen(keys[i]) == n && memcmp(keys[i], k, n) == 0) {
            return i;
        }
    }
    return -1;
}

/* Fills e from a jansson object. Returns false when out of memory. */
static bool element_from_json(element *e, json_t *obj, const char *const *keys) {
    memset(e, 0, sizeof *e);
    for (int i = 0; keys[i]; i++) {
        field_from_json(&e->f[i], json_object_get(obj, keys[i]));
    }
    json_t *ev = json_object_get(obj, "evidence");
    if (keys == edge_keys && ev != NULL && !json_is_null(ev)) {
        e->evidence = json_is_array(ev) ? ev : NULL;
        e->evidence_bad = !json_is_array(ev);
    }
    const char *k;
    json_t *v;
    json_object_foreach(obj, k, v) {
        if (key_index(keys, k, strlen(k)) < 0 &&
            !(keys == edge_keys && strcmp(k, "evidence") == 0)) {
            if (e->attrs == NULL && (e->attrs = json_object()) == NULL) {
                return false;
            }
            if (json_object_set(e->attrs, k, v) != 0) {
                return false;
            }
        }
    }
    return true;
}

/* Fills e from flat fields. Returns false when out of memory. */
static bool element_from_flat(element *e, const allynet__flat_field *f, size_t n,
                              const char *const *keys) {
    memset(e, 0, sizeof *e);
    for (size_t j = 0; j < n; j++) {
        int i = key_index(keys, f[j].key, f[j].key_len);
        if (i >= 0) {
            if (!field_from_flat(&e->f[i], &f[j])) {
                return false;
            }
            continue;
        }
        if (keys == edge_keys && allynet__flat_is(&f[j], "evidence")) {
            e->evidence_bad = f[j].type != ALLYNET__FLAT_NULL;
            continue;
        }
        if (e->attrs == NULL && (e->attrs = json_object()) == NULL) {
            return false;
        }
        json_t *v = allynet__flat_to_json(&f[j]);
        if (v == NULL || json_object_setn_new_nocheck(e->attrs, f[j].key, f[j].key_len, v) != 0) {
            return false;
        }
    }
    return true;
}

static void element_done(element *e) {
    for (size_t i = 0; i < sizeof e->f / sizeof *e->f; i++) {
        field_done(&e->f[i]);
    }
    json_decref(e->attrs);
    json_decref(e->owner);
}

/* An id is a string, or an integer written as its decimal form. Returns NULL otherwise. */
static const char *id_text(field *x) {
    if (x->kind == V_INTEGER) {
        snprintf(x->tmp, sizeof x->tmp, "%lld", x->ival);
        return x->tmp;
    }
    return x->kind == V_STRING ? x->s : NULL;
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

static bool is_text(const field *x) {
    return x->kind == V_ABSENT || x->kind == V_STRING || x->kind == V_NULL;
}

static allynet_status take_node(scanner *sc, allynet_graph *g, element *e, size_t at) {
    const char *id = id_text(&e->f[0]);
    if (id == NULL) {
        return element_error(sc, at, "node has no \"id\" (a string or an integer)");
    }
    if (id[0] == '\0') {
        return element_error(sc, at, "node id is empty");
    }
    if (allynet_graph_find_actor(g, id) >= 0) {
        return element_error(sc, at, "duplicate node id \"%.300s\"", id);
    }
    if (!is_text(&e->f[1]) || !is_text(&e->f[2])) {
        return element_error(sc, at, "node \"%.300s\": \"name\" and \"kind\" must be strings", id);
    }
    allynet_error e2 = {0};
    json_t *attrs = e->attrs;
    e->attrs = NULL;
    allynet_status st = allynet__graph_add_actor_attrs(
        g, id, e->f[1].kind == V_STRING ? e->f[1].s : NULL,
        e->f[2].kind == V_STRING ? e->f[2].s : NULL, attrs, NULL, &e2);
    return st == ALLYNET_OK ? st : fail_at(sc, at, st, e2.text);
}

static allynet_status edge_endpoint(scanner *sc, allynet_graph *g, field *x, const char *key,
                                    size_t at, size_t *out) {
    const char *id = id_text(x);
    if (id == NULL) {
        return element_error(sc, at, "edge has no \"%s\" (a node id)", key);
    }
    long i = allynet_graph_find_actor(g, id);
    if (i < 0) {
        return element_error(sc, at, "edge %s \"%.300s\" is not a node of the graph", key, id);
    }
    *out = (size_t)i;
    return ALLYNET_OK;
}

static allynet_status take_edge(scanner *sc, allynet_graph *g, element *e, size_t at) {
    size_t s = 0, t = 0;
    allynet_status st = edge_endpoint(sc, g, &e->f[0], "source", at, &s);
    if (st == ALLYNET_OK) {
        st = edge_endpoint(sc, g, &e->f[1], "target", at, &t);
    }
    if (st != ALLYNET_OK) {
        return st;
    }
    field *w = e->f[2].kind != V_ABSENT ? &e->f[2] : &e->f[5]; /* a bare "sign" is a weight */
    if (w->kind != V_ABSENT && w->kind != V_NUMBER && w->kind != V_INTEGER) {
        return element_error(sc, at, "edge weight must be a number, not %s",
                             w->kind == V_STRING ? "a string" : "this value");
    }
    if (!is_text(&e->f[3])) {
        return element_error(sc, at, "edge \"relation\" must be a string");
    }
    field *ev = &e->f[4];
    if (ev->kind != V_ABSENT && (ev->kind != V_INTEGER || ev->ival < 1)) {
        return element_error(sc, at, "edge \"events\" must be a whole number >= 1");
    }
    if (e->evidence_bad) {
        return element_error(sc, at, "edge \"evidence\" must be an array");
    }
    if (e->f[2].kind != V_ABSENT && e->f[5].kind != V_ABSENT) {
        /* both weight and sign: keep the sign as an attribute too */
        json_t *sign =
            e->f[5].kind == V_INTEGER ? json_integer(e->f[5].ival) : json_real(e->f[5].num);
        if (e->attrs == NULL) {
            e->attrs = json_object();
        }
        json_object_set_new(e->attrs, "sign", sign);
    }
    allynet_error e2 = {0};
    size_t idx;
    json_t *evcopy = e->evidence ? json_deep_copy(e->evidence) : NULL;
    st = allynet_graph_add_tie(g, s, t, w->kind != V_ABSENT ? w->num : 1.0,
                               e->f[3].kind == V_STRING ? e->f[3].s : NULL,
                               ev->kind == V_INTEGER ? (long)ev->ival : 1, evcopy, &idx, &e2);
    if (st != ALLYNET_OK) {
        return fail_at(sc, at, st, e2.text);
    }
    allynet__tie_take_attrs(g, idx, e->attrs);
    e->attrs = NULL;
    return ALLYNET_OK;
}

typedef allynet_status (*element_fn)(scanner *, allynet_graph *, element *, size_t);

/* Reads one array element at the current position into e: the flat fast path when it applies,
 * jansson otherwise. */
static allynet_status read_element(scanner *sc, const char *const *keys, element *e) {
    memset(e, 0, sizeof *e);
    allynet__flat_field flat[24];
    size_t n;
    size_t used = allynet__flat_object(sc->buf + sc->pos, sc->len - sc->pos, flat, 24, &n);
    if (used > 0) {
        if (!element_from_flat(e, flat, n, keys)) {
            return allynet_error_set(sc->err, ALLYNET_E_NOMEM, sc->src, 0, 0, "out of memory");
        }
        sc->pos += used;
        return ALLYNET_OK;
    }
    size_t at = sc->pos;
    json_t *v = NULL;
    allynet_status st = take_value(sc, &v);
    if (st != ALLYNET_OK) {
        return st;
    }
    memset(e, 0, sizeof *e);
    if (!json_is_object(v)) {
        json_decref(v);
        return element_error(sc, at, "%s is not a JSON object",
                             keys == node_keys ? "node" : "edge");
    }
    bool ok = element_from_json(e, v, keys);
    e->owner = v; /* the fields borrow its strings */
    if (!ok) {
        return allynet_error_set(sc->err, ALLYNET_E_NOMEM, sc->src, 0, 0, "out of memory");
    }
    return ALLYNET_OK;
}

/* Walks a JSON array at the current position, handing each element to fn (NULL: skip). */
static allynet_status walk_array(scanner *sc, allynet_graph *g, const char *const *keys,
                                 element_fn fn) {
    allynet_status st = expect(sc, '[', "'[' (an array)");
    skip_ws(sc);
    if (st == ALLYNET_OK && sc->pos < sc->len && sc->buf[sc->pos] == ']') {
        sc->pos++;
        return ALLYNET_OK;
    }
    while (st == ALLYNET_OK) {
        skip_ws(sc);
        size_t at = sc->pos;
        element e;
        st = read_element(sc, keys, &e);
        if (st == ALLYNET_OK && fn != NULL) {
            st = fn(sc, g, &e, at);
        }
        element_done(&e);
        if (st != ALLYNET_OK) {
            break;
        }
        if (sc->release) {
            sc->release(sc->release_ctx, sc->pos);
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
    bool nodes_seen = false, edges_seen = false, directed_seen = false;
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
        } else if ((strcmp(key, "nodes") == 0 && nodes_seen) ||
                   ((strcmp(key, "edges") == 0 || strcmp(key, "links") == 0) && edges_seen)) {
            st = fail_at(sc, at, ALLYNET_E_INPUT,
                         strcmp(key, "nodes") == 0
                             ? "a second \"nodes\" key: which one is the graph?"
                             : "a second \"edges\" (or \"links\") key: which one is the graph?");
        } else if (strcmp(key, "nodes") == 0) {
            st = walk_array(sc, g, node_keys, take_node);
            nodes_seen = true;
        } else if (strcmp(key, "edges") == 0 || strcmp(key, "links") == 0) {
            edges_seen = true;
            if (nodes_seen && directed_seen) {
                st = walk_array(sc, g, edge_keys, take_edge);
            } else if (n_edge_arrays < 4) {
                edge_arrays[n_edge_arrays++] = sc->pos; /* read after the nodes */
                st = walk_array(sc, g, edge_keys, NULL);
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
    if (st == ALLYNET_OK && !nodes_seen && !edges_seen) {
        st = fail_at(sc, 0, ALLYNET_E_INPUT,
                     "not a graph: no \"nodes\" or \"edges\" (an index or other JSON file?)");
    }
    size_t end = sc->pos;
    for (size_t i = 0; st == ALLYNET_OK && i < n_edge_arrays; i++) {
        sc->pos = edge_arrays[i];
        st = walk_array(sc, g, edge_keys, take_edge);
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
    return allynet__nodelink_parse_stream(buf, len, source, NULL, NULL, out, err);
}

allynet_status allynet__nodelink_parse_stream(const char *buf, size_t len, const char *source,
                                              void (*release)(void *, size_t), void *ctx,
                                              allynet_graph **out, allynet_error *err) {
    *out = NULL;
    scanner sc = {buf, len, 0, source ? source : "<buffer>", err, release, ctx};
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        sc.pos = 3; /* a UTF-8 byte order mark, as some editors write */
    }
    skip_ws(&sc);
    if (sc.pos == len) {
        return allynet_error_set(err, ALLYNET_E_INPUT, sc.src, 1, 1,
                                 "empty file: expected a node-link JSON object");
    }
    allynet_graph *g = allynet_graph_new(false);
    if (g == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, sc.src, 0, 0, "out of memory");
    }
    allynet__graph_bulk_begin(g); /* repeated dyads are summed once, at the end */
    allynet_status st = scan_top(&sc, g);
    /* A NUL byte is never valid JSON, so it always fails the scan; only then is it looked for,
     * to name it (a separate pass up front would touch the whole file twice). */
    const char *nul = st == ALLYNET_E_INPUT ? memchr(buf, '\0', len) : NULL;
    if (nul != NULL) {
        allynet_error_clear(err);
        st = fail_at(&sc, (size_t)(nul - buf), ALLYNET_E_INPUT, "NUL byte in JSON text");
    }
    if (st == ALLYNET_OK) {
        st = allynet__graph_bulk_end(g, err);
        allynet__error_source(err, source);
    }
    if (st != ALLYNET_OK) {
        allynet_graph_free(g);
        return st;
    }
    *out = g;
    return ALLYNET_OK;
}
