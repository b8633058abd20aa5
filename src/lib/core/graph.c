/* graph.c — the snapshot model: actors, signed ties aggregated per dyad, and metadata. */
#include "graph_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

allynet_graph *allynet_graph_new(bool directed) {
    allynet_graph *g = calloc(1, sizeof *g);
    if (g == NULL) {
        return NULL;
    }
    g->directed = directed;
    g->meta = json_object();
    if (g->meta == NULL) {
        free(g);
        return NULL;
    }
    allynet__strmap_init(&g->actor_index);
    allynet__dyadmap_init(&g->tie_index);
    allynet__strmap_init(&g->pool_index);
    return g;
}

void allynet_graph_free(allynet_graph *g) {
    if (g == NULL) {
        return;
    }
    for (size_t i = 0; i < g->n_actors; i++) {
        json_decref(g->actors[i].attrs);
    }
    allynet__strpool_destroy(&g->ids);
    allynet__strpool_destroy(&g->strings);
    for (size_t i = 0; i < g->n_ties; i++) {
        json_decref(g->ties[i].evidence);
        free(g->ties[i].evidence_text);
        json_decref(g->ties[i].attrs);
    }
    free(g->actors);
    free(g->ties);
    json_decref(g->meta);
    allynet__strmap_destroy(&g->actor_index);
    allynet__dyadmap_destroy(&g->tie_index);
    for (size_t i = 0; i < g->n_pool; i++) {
        free(g->pool[i]);
    }
    free(g->pool);
    allynet__strmap_destroy(&g->pool_index);
    free(g);
}

const char *allynet__graph_intern(allynet_graph *g, const char *s, bool *ok) {
    size_t v;
    if (s == NULL) {
        return NULL;
    }
    if (allynet__strmap_get(&g->pool_index, s, &v)) {
        return g->pool[v];
    }
    if (g->n_pool == g->cap_pool) {
        size_t cap = g->cap_pool ? g->cap_pool * 2 : 16;
        char **p = realloc(g->pool, cap * sizeof *p);
        if (p == NULL) {
            *ok = false;
            return NULL;
        }
        g->pool = p;
        g->cap_pool = cap;
    }
    char *c = strdup(s);
    if (c == NULL || !allynet__strmap_put(&g->pool_index, c, g->n_pool)) {
        free(c);
        *ok = false;
        return NULL;
    }
    g->pool[g->n_pool++] = c;
    return c;
}

bool allynet_graph_directed(const allynet_graph *g) {
    return g->directed;
}

void allynet__graph_set_directed(allynet_graph *g, bool directed) {
    g->directed = directed;
}

size_t allynet_graph_actor_count(const allynet_graph *g) {
    return g->n_actors;
}

size_t allynet_graph_tie_count(const allynet_graph *g) {
    return g->n_ties;
}

const allynet_actor *allynet_graph_actor(const allynet_graph *g, size_t i) {
    return i < g->n_actors ? &g->actors[i] : NULL;
}

const allynet_tie *allynet_graph_tie(const allynet_graph *g, size_t i) {
    return i < g->n_ties ? &g->ties[i] : NULL;
}

allynet_actor *allynet_graph_actor_mut(allynet_graph *g, size_t i) {
    return i < g->n_actors ? &g->actors[i] : NULL;
}

allynet_tie *allynet_graph_tie_mut(allynet_graph *g, size_t i) {
    return i < g->n_ties ? &g->ties[i] : NULL;
}

json_t *allynet_graph_meta(allynet_graph *g) {
    return g->meta;
}

const json_t *allynet_graph_meta_const(const allynet_graph *g) {
    return g->meta;
}

const char *allynet_graph_name(const allynet_graph *g) {
    /* An empty name is no name: Graphviz reads `digraph ""` back as an anonymous graph, and a
     * report or a diagram has no title to show (found by fuzz_write_dot). */
    const char *s = json_string_value(json_object_get(g->meta, "name"));
    return s && *s ? s : NULL;
}

const char *allynet_graph_date(const allynet_graph *g) {
    return json_string_value(json_object_get(g->meta, "date"));
}

long allynet_graph_find_actor(const allynet_graph *g, const char *id) {
    size_t v;
    return allynet__strmap_get(&g->actor_index, id, &v) ? (long)v : -1;
}

long allynet_graph_find_tie(const allynet_graph *g, size_t source, size_t target) {
    size_t v;
    return allynet__dyadmap_get(&g->tie_index, allynet__dyad_key(g, source, target), &v) ? (long)v
                                                                                         : -1;
}

char *allynet__strdup(const char *s, bool *ok) {
    if (s == NULL) {
        return NULL;
    }
    char *c = strdup(s);
    if (c == NULL) {
        *ok = false;
    }
    return c;
}

allynet_status allynet__graph_add_actor_attrs(allynet_graph *g, const char *id, const char *name,
                                              const char *kind, json_t *attrs, size_t *out,
                                              allynet_error *err) {
    if (id == NULL || id[0] == '\0') {
        json_decref(attrs);
        return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0, "actor id is empty");
    }
    if (!allynet__utf8_valid(id, strlen(id))) {
        json_decref(attrs);
        return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0, "actor id is not valid UTF-8");
    }
    long found = allynet_graph_find_actor(g, id);
    bool ok = true;
    if (found >= 0) {
        allynet_actor *a = &g->actors[found];
        if (a->name == NULL && name != NULL) {
            a->name = allynet__strpool_dup(&g->strings, name, &ok);
        }
        if (a->kind == NULL && kind != NULL) {
            a->kind = allynet__strpool_dup(&g->strings, kind, &ok);
        }
        if (attrs != NULL) {
            if (a->attrs == NULL) {
                a->attrs = attrs;
            } else {
                json_object_update_missing(a->attrs, attrs);
                json_decref(attrs);
            }
        }
        if (out) {
            *out = (size_t)found;
        }
        return ok ? ALLYNET_OK
                  : allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    if (g->n_actors == g->cap_actors) {
        size_t cap = g->cap_actors ? g->cap_actors * 2 : 16;
        allynet_actor *a = realloc(g->actors, cap * sizeof *a);
        if (a == NULL) {
            json_decref(attrs);
            return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
        }
        g->actors = a;
        g->cap_actors = cap;
    }
    allynet_actor a = {0};
    /* On failure the pool may keep the copies until the graph is freed. */
    a.id = allynet__strpool_dup(&g->ids, id, &ok);
    a.name = allynet__strpool_dup(&g->strings, name, &ok);
    a.kind = allynet__strpool_dup(&g->strings, kind, &ok);
    a.attrs = attrs;
    if (!ok || !allynet__strmap_put(&g->actor_index, a.id, g->n_actors)) {
        json_decref(attrs);
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    g->actors[g->n_actors] = a;
    if (out) {
        *out = g->n_actors;
    }
    g->n_actors++;
    return ALLYNET_OK;
}

allynet_status allynet_graph_add_actor(allynet_graph *g, const char *id, const char *name,
                                       const char *kind, size_t *out, allynet_error *err) {
    return allynet__graph_add_actor_attrs(g, id, name, kind, NULL, out, err);
}

/* Parses evidence kept as text into the tie's jansson array. */
allynet_status allynet__tie_evidence_json(allynet_tie *t, allynet_error *err) {
    if (t->evidence_text == NULL) {
        return ALLYNET_OK;
    }
    json_t *ev = json_loads(t->evidence_text, 0, NULL);
    if (ev == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    free(t->evidence_text);
    t->evidence_text = NULL;
    t->evidence = ev;
    return ALLYNET_OK;
}

allynet_status allynet_graph_tie_evidence(allynet_graph *g, size_t i, json_t **out,
                                          allynet_error *err) {
    allynet_status st = allynet__tie_evidence_json(&g->ties[i], err);
    *out = st == ALLYNET_OK ? g->ties[i].evidence : NULL;
    return st;
}

allynet_status allynet__tie_append_evidence(allynet_tie *t, json_t *evidence, allynet_error *err) {
    if (evidence == NULL) {
        return ALLYNET_OK;
    }
    allynet_status st = allynet__tie_evidence_json(t, err);
    if (st != ALLYNET_OK) {
        json_decref(evidence);
        return st;
    }
    if (t->evidence == NULL) {
        t->evidence = evidence;
        return ALLYNET_OK;
    }
    int rc = json_array_extend(t->evidence, evidence);
    json_decref(evidence);
    return rc == 0 ? ALLYNET_OK
                   : allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}

allynet_status allynet__tie_sum(const allynet_graph *g, allynet_tie *t, double weight, long events,
                                allynet_error *err) {
    long sum;
    if (!isfinite(t->weight + weight)) {
        return allynet_error_set(
            err, ALLYNET_E_INPUT, NULL, 0, 0,
            "tie %s -> %s: its weights sum beyond the largest number (%g + %g)",
            g->actors[t->source].id, g->actors[t->target].id, t->weight, weight);
    }
    if (__builtin_add_overflow(t->events, events, &sum) || sum > ALLYNET_MAX_EVENTS) {
        return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0,
                                 "tie %s -> %s: its event counts sum beyond 2^62 (%ld + %ld)",
                                 g->actors[t->source].id, g->actors[t->target].id, t->events,
                                 events);
    }
    t->weight += weight;
    t->events = sum;
    return ALLYNET_OK;
}

allynet_status allynet_graph_add_tie(allynet_graph *g, size_t source, size_t target, double weight,
                                     const char *relation, long events, json_t *evidence,
                                     size_t *out, allynet_error *err) {
    if (source >= g->n_actors || target >= g->n_actors) {
        json_decref(evidence);
        return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0,
                                 "tie to an actor that does not exist");
    }
    if (source == target) {
        json_decref(evidence);
        return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0,
                                 "self-tie %s -> %s: an actor cannot ally with or pressure itself",
                                 g->actors[source].id, g->actors[target].id);
    }
    if (!isfinite(weight)) {
        json_decref(evidence);
        return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0,
                                 "tie %s -> %s: weight is not a finite number",
                                 g->actors[source].id, g->actors[target].id);
    }
    if (events < 1 || events > ALLYNET_MAX_EVENTS) {
        json_decref(evidence);
        return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0,
                                 "tie %s -> %s: events must be from 1 to 2^62",
                                 g->actors[source].id, g->actors[target].id);
    }
    if (evidence != NULL && !json_is_array(evidence)) {
        json_decref(evidence);
        return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0,
                                 "tie %s -> %s: evidence is not an array", g->actors[source].id,
                                 g->actors[target].id);
    }
    /* Room for one more tie and the interned relation first, so a dyad claimed below is never
     * left pointing past the ties. */
    bool ok = true;
    if (g->n_ties == g->cap_ties) {
        size_t cap = g->cap_ties ? g->cap_ties * 2 : 16;
        allynet_tie *t = realloc(g->ties, cap * sizeof *t);
        ok = t != NULL;
        g->ties = t ? t : g->ties;
        g->cap_ties = t ? cap : g->cap_ties;
    }
    const char *rel = ok ? allynet__graph_intern(g, relation, &ok) : NULL;
    size_t at = g->n_ties;
    bool fresh = g->bulk; /* bulk loading aggregates repeated dyads at its end */
    if (!ok ||
        (!g->bulk && !allynet__dyadmap_upsert(&g->tie_index, allynet__dyad_key(g, source, target),
                                              g->n_ties, &at, &fresh))) {
        json_decref(evidence);
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    if (fresh) {
        g->ties[g->n_ties++] = (allynet_tie){.source = source,
                                             .target = target,
                                             .weight = weight,
                                             .relation = rel,
                                             .events = events,
                                             .evidence = evidence};
    } else {
        allynet_tie *t = &g->ties[at];
        allynet_status st = allynet__tie_sum(g, t, weight, events, err);
        if (st != ALLYNET_OK) {
            json_decref(evidence);
            return st;
        }
        st = allynet__tie_append_evidence(t, evidence, err);
        if (st != ALLYNET_OK) {
            return st;
        }
        t->relation = t->relation ? t->relation : rel;
    }
    if (out) {
        *out = at;
    }
    return ALLYNET_OK;
}

void allynet__tie_take_attrs(allynet_graph *g, size_t i, json_t *attrs) {
    if (attrs == NULL) {
        return;
    }
    allynet_tie *t = &g->ties[i];
    if (t->attrs == NULL) {
        t->attrs = attrs;
    } else {
        json_object_update_missing(t->attrs, attrs);
        json_decref(attrs);
    }
}

/* Adds src's sources to dst's, each id once. */
static allynet_status merge_meta(json_t *dst, const json_t *src, allynet_error *err) {
    json_t *from = json_object_get(src, "sources");
    if (!json_is_array(from)) {
        return ALLYNET_OK;
    }
    json_t *to = json_object_get(dst, "sources");
    if (!json_is_array(to)) {
        to = json_array();
        if (to == NULL || json_object_set_new(dst, "sources", to) != 0) {
            return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
        }
    }
    size_t i, j;
    json_t *s, *d;
    json_array_foreach(from, i, s) {
        bool seen = false;
        json_array_foreach(to, j, d) {
            if (json_equal(s, d)) {
                seen = true;
                break;
            }
        }
        if (!seen && json_array_append(to, s) != 0) {
            return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
        }
    }
    json_t *v;
    const char *k;
    json_object_foreach((json_t *)src, k, v) {
        if (json_object_get(dst, k) == NULL && json_object_set(dst, k, v) != 0) {
            return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
        }
    }
    return ALLYNET_OK;
}

/* Adds src's tie i into dst (actor indexes mapped by map). When both sides carry a mix of
 * relation categories, the mixes are summed and the relation settled again, so merging parts
 * equals extracting the whole; other attributes keep dst's values. */
allynet_status allynet__graph_copy_tie(allynet_graph *dst, const allynet_graph *src, size_t i,
                                       const size_t *map, allynet_error *err) {
    const allynet_tie *t = &src->ties[i];
    json_t *ev = t->evidence        ? json_deep_copy(t->evidence)
                 : t->evidence_text ? json_loads(t->evidence_text, 0, NULL)
                                    : NULL;
    if (ev == NULL && (t->evidence || t->evidence_text)) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    size_t idx, before = dst->n_ties;
    allynet_status st = allynet_graph_add_tie(dst, map[t->source], map[t->target], t->weight,
                                              t->relation, t->events, ev, &idx, err);
    if (st != ALLYNET_OK || t->attrs == NULL) {
        return st;
    }
    /* The tie existed in dst when adding it made no new one. */
    bool mix =
        dst->n_ties == before && allynet__relmix_has(dst, idx) && allynet__relmix_has(src, i);
    json_t *attrs = json_deep_copy(t->attrs);
    if (mix && attrs != NULL) {
        json_object_del(attrs, "relations");
    }
    if (attrs != NULL) { /* the confidences are merged below, not kept from one side */
        json_object_del(attrs, "confidence_by_sign");
        json_object_del(attrs, "confidence");
    }
    allynet__tie_take_attrs(dst, idx, attrs);
    if (attrs == NULL ||
        (mix && !(allynet__relmix_merge(dst, idx, json_object_get(t->attrs, "relations")) &&
                  allynet__relmix_settle(dst, idx))) ||
        !allynet__tieconf_merge(dst, idx, t->attrs) || !allynet__tieconf_settle(dst, idx)) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    return ALLYNET_OK;
}

/* Adds src into dst; ties fold into dst's direction rule. */
static allynet_status merge_into(allynet_graph *dst, const allynet_graph *src, allynet_error *err) {
    size_t *map = malloc((src->n_actors + 1) * sizeof *map);
    if (map == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    allynet_status st = ALLYNET_OK;
    for (size_t i = 0; i < src->n_actors && st == ALLYNET_OK; i++) {
        const allynet_actor *a = &src->actors[i];
        json_t *attrs = a->attrs ? json_deep_copy(a->attrs) : NULL;
        st = allynet__graph_add_actor_attrs(dst, a->id, a->name, a->kind, attrs, &map[i], err);
    }
    for (size_t i = 0; i < src->n_ties && st == ALLYNET_OK; i++) {
        st = allynet__graph_copy_tie(dst, src, i, map, err);
    }
    if (st == ALLYNET_OK) {
        st = merge_meta(dst->meta, src->meta, err);
    }
    free(map);
    return st;
}

allynet_status allynet_graph_merge(allynet_graph *dst, const allynet_graph *src,
                                   allynet_error *err) {
    if (dst->directed != src->directed) {
        return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0,
                                 "cannot merge a directed graph with an undirected one");
    }
    return merge_into(dst, src, err);
}

allynet_status allynet_graph_undirected(const allynet_graph *g, allynet_graph **out,
                                        allynet_error *err) {
    *out = allynet_graph_new(false);
    if (*out == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    allynet_status st = merge_into(*out, g, err);
    if (st != ALLYNET_OK) {
        allynet_graph_free(*out);
        *out = NULL;
    }
    return st;
}
