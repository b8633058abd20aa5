/* take.c — an actor or tie read from an exchange format (its typed values gathered in one JSON
 * object) becomes part of the graph: the model's fields taken out, the rest kept as
 * attributes. GraphML and GEXF readers share it. */
#include "interop.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Moves data[key] out of data: a new reference or NULL. */
static json_t *take_key(json_t *data, const char *key) {
    json_t *v = json_incref(json_object_get(data, key));
    json_object_del(data, key);
    return v;
}

static allynet_status located(allynet_error *err, allynet_status st, const allynet_error *e,
                              const char *source, int line) {
    return allynet_error_set(err, st, source, line, 0, "%s", e->text);
}

allynet_status allynet__take_actor(allynet_graph *g, const char *id, json_t *data,
                                   const char *source, int line, allynet_error *err) {
    json_t *name = take_key(data, "name"), *kind = take_key(data, "kind");
    allynet_status st = ALLYNET_OK;
    allynet_error e = {0};
    if (id == NULL || id[0] == '\0') {
        st = allynet_error_set(err, ALLYNET_E_INPUT, source, line, 0, "a node has no id");
    } else if (allynet_graph_find_actor(g, id) >= 0) {
        st = allynet_error_set(err, ALLYNET_E_INPUT, source, line, 0,
                               "node \"%.300s\" appears twice", id);
    } else {
        json_t *attrs = data && json_object_size(data) ? json_incref(data) : NULL;
        st = allynet__graph_add_actor_attrs(g, id, json_string_value(name), json_string_value(kind),
                                            attrs, NULL, &e);
        if (st != ALLYNET_OK) {
            st = located(err, st, &e, source, line);
        }
    }
    json_decref(name);
    json_decref(kind);
    json_decref(data);
    return st;
}

static allynet_status endpoint(const allynet_graph *g, const char *id, const char *which,
                               const char *source, int line, size_t *out, allynet_error *err) {
    long i = id ? allynet_graph_find_actor(g, id) : -1;
    if (i < 0) {
        return id ? allynet_error_set(err, ALLYNET_E_INPUT, source, line, 0,
                                      "edge %s \"%.300s\" is not a node of the graph", which, id)
                  : allynet_error_set(err, ALLYNET_E_INPUT, source, line, 0, "edge has no %s",
                                      which);
    }
    *out = (size_t)i;
    return ALLYNET_OK;
}

/* The signed weight from "weight" and "sign" (both taken out of data). */
static allynet_status signed_weight(json_t *data, const char *source, int line, double *out,
                                    allynet_error *err) {
    json_t *w = take_key(data, "weight"), *s = take_key(data, "sign");
    allynet_status st = ALLYNET_OK;
    if ((w && !json_is_number(w)) || (s && !json_is_number(s))) {
        st = allynet_error_set(err, ALLYNET_E_INPUT, source, line, 0,
                               "edge weight and sign must be numbers");
    } else if (w) {
        *out = json_number_value(w);
        if (s && json_number_value(s) < 0 && *out > 0) {
            *out = -*out; /* a file that keeps |weight| and the sign apart, as DOT does */
        }
    } else {
        *out = s ? json_number_value(s) : 1.0;
    }
    json_decref(w);
    json_decref(s);
    return st;
}

/* "events" taken out of data: a whole number >= 1 (a real that is one is accepted). */
static allynet_status event_count(json_t *data, const char *source, int line, long *out,
                                  allynet_error *err) {
    json_t *v = take_key(data, "events");
    bool bad = v && !json_is_number(v);
    double x = v && !bad ? json_number_value(v) : 1.0;
    json_decref(v);
    if (bad || x < 1 || x != floor(x) || x > 1e15) {
        return allynet_error_set(err, ALLYNET_E_INPUT, source, line, 0,
                                 "edge \"events\" must be a whole number >= 1");
    }
    *out = (long)x;
    return ALLYNET_OK;
}

/* A value that is JSON text (an older writer, or a string column) parsed when it is one. */
static json_t *as_json(json_t *v, json_type want) {
    if (json_is_string(v)) {
        json_t *p = json_loads(json_string_value(v), 0, NULL);
        if (p && json_typeof(p) == want) {
            json_decref(v);
            return p;
        }
        json_decref(p);
    }
    return v;
}

allynet_status allynet__take_tie(allynet_graph *g, const char *source_id, const char *target_id,
                                 json_t *data, const char *source, int line, allynet_error *err) {
    size_t s = 0, t = 0, idx;
    double w = 1.0;
    long events = 1;
    json_t *rel = take_key(data, "relation"), *ev = as_json(take_key(data, "evidence"), JSON_ARRAY);
    json_t *mix = as_json(take_key(data, "relations"), JSON_OBJECT);
    allynet_status st = endpoint(g, source_id, "source", source, line, &s, err);
    if (st == ALLYNET_OK) {
        st = endpoint(g, target_id, "target", source, line, &t, err);
    }
    if (st == ALLYNET_OK) {
        st = signed_weight(data, source, line, &w, err);
    }
    if (st == ALLYNET_OK) {
        st = event_count(data, source, line, &events, err);
    }
    if (st == ALLYNET_OK && ev && !json_is_array(ev)) {
        st = allynet_error_set(err, ALLYNET_E_INPUT, source, line, 0,
                               "edge \"evidence\" must be a JSON array");
    }
    if (st == ALLYNET_OK && mix) {
        st = json_object_set(data, "relations", mix) == 0
                 ? ALLYNET_OK
                 : allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    if (st == ALLYNET_OK) {
        allynet_error e = {0};
        st = allynet_graph_add_tie(g, s, t, w, json_string_value(rel), events, json_incref(ev),
                                   &idx, &e);
        if (st != ALLYNET_OK) {
            st = located(err, st, &e, source, line);
        } else if (json_object_size(data)) {
            allynet__tie_take_attrs(g, idx, json_incref(data));
        }
    }
    json_decref(rel);
    json_decref(ev);
    json_decref(mix);
    json_decref(data);
    return st;
}
