/* graphml.c — GraphML (Gephi, Cytoscape, igraph, NetworkX) read and written through libxml2.
 * Actors are nodes (id = actor id) with "name" and "kind"; ties are edges with "weight" (signed),
 * "sign", "relation", "events", "evidence" and every attribute, each a typed key; objects and
 * arrays (the relation mix "relations", the evidence) are JSON text in keys whose id starts with
 * "json.", so reading them back restores the values. The graph's metadata are graph keys. */
#include "interop.h"

#include <stdlib.h>
#include <string.h>

#define NS_GRAPHML "http://graphml.graphdrawing.org/xmlns"

/* ------------------------------------------------------------------ writing */

/* The key id of column j of a domain ('g', 'n', 'e'). */
static void key_id(char *buf, size_t len, char domain, size_t j, const allynet__column *c) {
    snprintf(buf, len, "%s%c%zu", c->type == ALLYNET__COL_JSON ? "json." : "", domain, j);
}

static int write_keys(xmlTextWriter *w, char domain, const char *for_, const allynet__columns *c,
                      bool *bad) {
    char id[48];
    int rc = 0;
    for (size_t j = 0; j < c->n && rc >= 0; j++) {
        key_id(id, sizeof id, domain, j, &c->v[j]);
        rc = xmlTextWriterStartElement(w, BAD_CAST "key");
        rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id);
        rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, BAD_CAST "for", BAD_CAST for_);
        rc = rc < 0 ? rc : allynet__xml_put(w, "attr.name", c->v[j].name, bad);
        rc = rc < 0 ? rc
                    : xmlTextWriterWriteAttribute(w, BAD_CAST "attr.type",
                                                  BAD_CAST allynet__coltype_xml(c->v[j].type));
        rc = rc < 0 ? rc : xmlTextWriterEndElement(w);
    }
    return rc;
}

static int write_data(xmlTextWriter *w, char domain, size_t j, const allynet__column *c,
                      const char *text, bool *bad) {
    char id[48];
    if (!allynet__xml_text_ok(text)) {
        *bad = true;
        return -1;
    }
    key_id(id, sizeof id, domain, j, c);
    int rc = xmlTextWriterStartElement(w, BAD_CAST "data");
    rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST id);
    rc = rc < 0 ? rc : xmlTextWriterWriteString(w, BAD_CAST text);
    return rc < 0 ? rc : xmlTextWriterEndElement(w);
}

/* The data elements of actor or tie i. */
static int write_item_data(xmlTextWriter *w, const allynet_graph *g, bool tie, size_t i,
                           const allynet__columns *c, bool *bad, bool *nomem) {
    int rc = 0;
    for (size_t j = 0; j < c->n && rc >= 0; j++) {
        char *text;
        if (!allynet__column_text(g, tie, i, &c->v[j], &text)) {
            *nomem = true;
            return -1;
        }
        if (text) {
            rc = write_data(w, tie ? 'e' : 'n', j, &c->v[j], text, bad);
        }
        free(text);
    }
    return rc;
}

static int write_meta(xmlTextWriter *w, const json_t *meta, const allynet__columns *c, bool *bad,
                      bool *nomem) {
    int rc = 0;
    for (size_t j = 0; j < c->n && rc >= 0; j++) {
        char *text = allynet__value_text(json_object_get(meta, c->v[j].name), c->v[j].type);
        if (text == NULL) {
            *nomem = true;
            return -1;
        }
        rc = write_data(w, 'g', j, &c->v[j], text, bad);
        free(text);
    }
    return rc;
}

static int write_elements(xmlTextWriter *w, const allynet_graph *g, const allynet__columns *cols,
                          bool *bad, bool *nomem) {
    int rc = 0;
    for (size_t i = 0; i < allynet_graph_actor_count(g) && rc >= 0; i++) {
        rc = xmlTextWriterStartElement(w, BAD_CAST "node");
        rc = rc < 0 ? rc : allynet__xml_put(w, "id", allynet_graph_actor(g, i)->id, bad);
        rc = rc < 0 ? rc : write_item_data(w, g, false, i, &cols[1], bad, nomem);
        rc = rc < 0 ? rc : xmlTextWriterEndElement(w);
    }
    for (size_t i = 0; i < allynet_graph_tie_count(g) && rc >= 0; i++) {
        const allynet_tie *t = allynet_graph_tie(g, i);
        rc = xmlTextWriterStartElement(w, BAD_CAST "edge");
        rc =
            rc < 0 ? rc : allynet__xml_put(w, "source", allynet_graph_actor(g, t->source)->id, bad);
        rc =
            rc < 0 ? rc : allynet__xml_put(w, "target", allynet_graph_actor(g, t->target)->id, bad);
        rc = rc < 0 ? rc : write_item_data(w, g, true, i, &cols[2], bad, nomem);
        rc = rc < 0 ? rc : xmlTextWriterEndElement(w);
    }
    return rc;
}

static int write_document(xmlTextWriter *w, const allynet_graph *g, const json_t *meta,
                          const allynet__columns *cols, bool *bad, bool *nomem) {
    int rc = xmlTextWriterStartElementNS(w, NULL, BAD_CAST "graphml", BAD_CAST NS_GRAPHML);
    rc = rc < 0 ? rc : write_keys(w, 'g', "graph", &cols[0], bad);
    rc = rc < 0 ? rc : write_keys(w, 'n', "node", &cols[1], bad);
    rc = rc < 0 ? rc : write_keys(w, 'e', "edge", &cols[2], bad);
    rc = rc < 0 ? rc : xmlTextWriterStartElement(w, BAD_CAST "graph");
    rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST "G");
    rc = rc < 0 ? rc
                : xmlTextWriterWriteAttribute(
                      w, BAD_CAST "edgedefault",
                      BAD_CAST(allynet_graph_directed(g) ? "directed" : "undirected"));
    rc = rc < 0 ? rc : write_meta(w, meta, &cols[0], bad, nomem);
    rc = rc < 0 ? rc : write_elements(w, g, cols, bad, nomem);
    return rc < 0 ? rc : xmlTextWriterEndDocument(w);
}

allynet_status allynet_graphml_write(const allynet_graph *g, FILE *f, allynet_error *err) {
    allynet__columns cols[3] = {{0}};
    json_t *meta = json_deep_copy(allynet_graph_meta_const(g));
    xmlTextWriter *w = NULL;
    bool bad = false, nomem = meta == NULL;
    allynet_status st = allynet__xml_check_graph(g, err);
    if (meta) {
        json_object_del(meta, "_toplevel");
    }
    if (st == ALLYNET_OK && !nomem) {
        st = allynet__columns_of_object(meta, &cols[0], err);
    }
    if (st == ALLYNET_OK && !nomem) {
        st = allynet__columns_of(g, false, &cols[1], err);
    }
    if (st == ALLYNET_OK && !nomem) {
        st = allynet__columns_of(g, true, &cols[2], err);
    }
    if (st == ALLYNET_OK && !nomem && (w = allynet__xml_writer(f)) == NULL) {
        nomem = true;
    }
    int rc = st == ALLYNET_OK && !nomem ? write_document(w, g, meta, cols, &bad, &nomem) : 0;
    xmlFreeTextWriter(w);
    st = allynet__xml_finish(st, rc, bad, nomem, f, err);
    for (int k = 0; k < 3; k++) {
        allynet__columns_destroy(&cols[k]);
    }
    json_decref(meta);
    return st;
}

/* ------------------------------------------------------------------ reading */

typedef struct {
    char *id, *name;
    char domain; /* 'g', 'n', 'e', or 'a' for all */
    allynet__coltype type;
    char *def; /* default value text or NULL */
} key;

typedef struct {
    const char *src;
    key *keys;
    size_t n_keys, cap_keys;
} reader;

static void reader_destroy(reader *r) {
    for (size_t i = 0; i < r->n_keys; i++) {
        xmlFree(r->keys[i].id);
        xmlFree(r->keys[i].name);
        xmlFree(r->keys[i].def);
    }
    free(r->keys);
}

static allynet_status read_key(reader *r, const xmlNode *k, allynet_error *err) {
    if (!allynet__grow((void **)&r->keys, &r->cap_keys, r->n_keys + 1, sizeof *r->keys, 16)) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    key *y = &r->keys[r->n_keys];
    memset(y, 0, sizeof *y);
    y->id = allynet__xml_attr(k, "id");
    if (y->id == NULL) {
        return allynet_error_set(err, ALLYNET_E_INPUT, r->src, allynet__xml_line(k), 0,
                                 "a <key> has no id");
    }
    r->n_keys++;
    y->name = allynet__xml_attr(k, "attr.name");
    char *for_ = allynet__xml_attr(k, "for"), *type = allynet__xml_attr(k, "attr.type");
    y->domain = for_ == NULL || strcmp(for_, "all") == 0 ? 'a'
                : strcmp(for_, "graph") == 0             ? 'g'
                : strcmp(for_, "node") == 0              ? 'n'
                : strcmp(for_, "edge") == 0              ? 'e'
                                                         : '-';
    y->type = allynet__coltype_named(type, y->id);
    xmlNode *d = allynet__xml_child(k, "default");
    y->def = d ? (char *)xmlNodeGetContent(d) : NULL;
    xmlFree(for_);
    xmlFree(type);
    return ALLYNET_OK;
}

static const key *find_key(const reader *r, const char *id, char domain) {
    for (size_t i = 0; id && i < r->n_keys; i++) {
        if ((r->keys[i].domain == domain || r->keys[i].domain == 'a') &&
            strcmp(r->keys[i].id, id) == 0) {
            return &r->keys[i];
        }
    }
    return NULL;
}

static allynet_status set_value(reader *r, json_t *data, const key *k, const char *text, int line,
                                allynet_error *err) {
    return allynet__set_typed(data, k->name ? k->name : k->id, text, k->type, r->src, line, err);
}

/* The values of an element's <data> children (and its domain's defaults) in a new object. */
static allynet_status collect(reader *r, const xmlNode *el, char domain, json_t **out,
                              allynet_error *err) {
    json_t *data = *out = json_object();
    allynet_status st =
        data ? ALLYNET_OK : allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < r->n_keys && st == ALLYNET_OK; i++) {
        const key *k = &r->keys[i];
        if (k->def && (k->domain == domain || k->domain == 'a')) {
            st = set_value(r, data, k, k->def, allynet__xml_line(el), err);
        }
    }
    for (xmlNode *c = el->children; c && st == ALLYNET_OK; c = c->next) {
        if (!allynet__xml_is(c, "data")) {
            continue;
        }
        char *id = allynet__xml_attr(c, "key");
        const key *k = find_key(r, id, domain);
        if (k == NULL) {
            st = allynet_error_set(err, ALLYNET_E_INPUT, r->src, allynet__xml_line(c), 0,
                                   "<data> refers to key \"%.100s\", which is not declared for "
                                   "this element",
                                   id ? id : "");
        } else {
            char *text = (char *)xmlNodeGetContent(c);
            st = set_value(r, data, k, text ? text : "", allynet__xml_line(c), err);
            xmlFree(text);
        }
        xmlFree(id);
    }
    return st;
}

static allynet_status read_node(reader *r, allynet_graph *g, const xmlNode *n, allynet_error *err) {
    int line = allynet__xml_line(n);
    if (allynet__xml_child(n, "graph")) {
        return allynet_error_set(err, ALLYNET_E_INPUT, r->src, line, 0,
                                 "nested graphs are not supported");
    }
    json_t *data = NULL;
    allynet_status st = collect(r, n, 'n', &data, err);
    if (st != ALLYNET_OK) {
        json_decref(data);
        return st;
    }
    char *id = allynet__xml_attr(n, "id");
    st = allynet__take_actor(g, id, data, r->src, line, err);
    xmlFree(id);
    return st;
}

static allynet_status read_edge(reader *r, allynet_graph *g, const xmlNode *e, allynet_error *err) {
    json_t *data = NULL;
    allynet_status st = collect(r, e, 'e', &data, err);
    if (st != ALLYNET_OK) {
        json_decref(data);
        return st;
    }
    char *s = allynet__xml_attr(e, "source"), *t = allynet__xml_attr(e, "target");
    st = allynet__take_tie(g, s, t, data, r->src, allynet__xml_line(e), err);
    xmlFree(s);
    xmlFree(t);
    return st;
}

static allynet_status read_graph(reader *r, const xmlNode *gr, allynet_graph **out,
                                 allynet_error *err) {
    char *dflt = allynet__xml_attr(gr, "edgedefault");
    allynet_graph *g = allynet_graph_new(dflt == NULL || strcmp(dflt, "undirected") != 0);
    xmlFree(dflt);
    json_t *meta = NULL;
    allynet_status st = g ? collect(r, gr, 'g', &meta, err)
                          : allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    if (st == ALLYNET_OK) {
        json_object_update(allynet_graph_meta(g), meta);
    }
    json_decref(meta);
    for (xmlNode *c = gr->children; c && st == ALLYNET_OK; c = c->next) {
        if (allynet__xml_is(c, "node")) {
            st = read_node(r, g, c, err);
        } else if (allynet__xml_is(c, "hyperedge")) {
            st = allynet_error_set(err, ALLYNET_E_INPUT, r->src, allynet__xml_line(c), 0,
                                   "hyperedges are not supported");
        }
    }
    for (xmlNode *c = gr->children; c && st == ALLYNET_OK; c = c->next) {
        if (allynet__xml_is(c, "edge")) {
            st = read_edge(r, g, c, err);
        }
    }
    if (st != ALLYNET_OK) {
        allynet_graph_free(g);
        g = NULL;
    }
    *out = g;
    return st;
}

allynet_status allynet_graphml_parse(const char *buf, size_t len, const char *source,
                                     allynet_graph **out, allynet_error *err) {
    *out = NULL;
    xmlDoc *doc = NULL;
    xmlNode *gr = NULL;
    allynet_status st = allynet__xml_graph(buf, len, source, "graphml", "GraphML", &doc, &gr, err);
    reader r = {.src = source};
    for (xmlNode *c = gr ? gr->parent->children : NULL; c && st == ALLYNET_OK; c = c->next) {
        if (allynet__xml_is(c, "key")) {
            st = read_key(&r, c, err);
        }
    }
    if (st == ALLYNET_OK) {
        st = read_graph(&r, gr, out, err);
    }
    reader_destroy(&r);
    xmlFreeDoc(doc);
    return st;
}
