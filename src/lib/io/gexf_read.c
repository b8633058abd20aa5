/* gexf_read.c — GEXF (1.1 to 1.3, Gephi's format) read through libxml2: nodes become actors
 * (the label their name, attvalues their kind and attributes by attribute title, viz:position
 * and viz:color their "x", "y" and "color"), edges become ties (the weight attribute, attvalues
 * as in GraphML). A dynamic file reads as its static union: spells and time-bound attvalues are
 * left out. */
#include "interop.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    char *id, *title;
    allynet__coltype type;
    char *def;
} attribute;

typedef struct {
    const char *src;
    attribute *a[2]; /* node, edge */
    size_t n[2], cap[2];
} reader;

static void reader_destroy(reader *r) {
    for (int k = 0; k < 2; k++) {
        for (size_t i = 0; i < r->n[k]; i++) {
            xmlFree(r->a[k][i].id);
            xmlFree(r->a[k][i].title);
            xmlFree(r->a[k][i].def);
        }
        free(r->a[k]);
    }
}

static allynet_status read_attributes(reader *r, const xmlNode *el, allynet_error *err) {
    char *cls = allynet__xml_attr(el, "class");
    int k = cls && strcmp(cls, "edge") == 0 ? 1 : cls && strcmp(cls, "node") == 0 ? 0 : -1;
    xmlFree(cls);
    for (xmlNode *c = el->children; c && k >= 0; c = c->next) {
        if (!allynet__xml_is(c, "attribute")) {
            continue;
        }
        if (!allynet__grow((void **)&r->a[k], &r->cap[k], r->n[k] + 1, sizeof(attribute), 8)) {
            return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
        }
        attribute *a = &r->a[k][r->n[k]];
        memset(a, 0, sizeof *a);
        if ((a->id = allynet__xml_attr(c, "id")) == NULL) {
            return allynet_error_set(err, ALLYNET_E_INPUT, r->src, allynet__xml_line(c), 0,
                                     "an <attribute> has no id");
        }
        r->n[k]++;
        char *type = allynet__xml_attr(c, "type");
        a->title = allynet__xml_attr(c, "title");
        a->type = allynet__coltype_named(type, a->id);
        xmlFree(type);
        xmlNode *d = allynet__xml_child(c, "default");
        a->def = d ? (char *)xmlNodeGetContent(d) : NULL;
    }
    return ALLYNET_OK;
}

static allynet_status put(reader *r, json_t *data, const attribute *a, const char *text, int line,
                          allynet_error *err) {
    return allynet__set_typed(data, a->title ? a->title : a->id, text, a->type, r->src, line, err);
}

static allynet_status attvalue(reader *r, int k, const xmlNode *v, json_t *data,
                               allynet_error *err) {
    char *id = allynet__xml_attr(v, "for"), *text = allynet__xml_attr(v, "value");
    char *start = allynet__xml_attr(v, "start"), *end = allynet__xml_attr(v, "end");
    const attribute *a = NULL;
    for (size_t i = 0; id && i < r->n[k] && !a; i++) {
        a = strcmp(r->a[k][i].id, id) == 0 ? &r->a[k][i] : NULL;
    }
    allynet_status st = ALLYNET_OK;
    if (a == NULL) {
        st = allynet_error_set(err, ALLYNET_E_INPUT, r->src, allynet__xml_line(v), 0,
                               "<attvalue> refers to attribute \"%.100s\", which is not declared",
                               id ? id : "");
    } else if (start == NULL && end == NULL) { /* time-bound values belong to a dynamic view */
        st = put(r, data, a, text ? text : "", allynet__xml_line(v), err);
    }
    xmlFree(id);
    xmlFree(text);
    xmlFree(start);
    xmlFree(end);
    return st;
}

/* viz:position and viz:color as "x", "y" and "color". */
static allynet_status viz(const xmlNode *el, json_t *data, allynet_error *err) {
    xmlNode *p = allynet__xml_child(el, "position"), *c = allynet__xml_child(el, "color");
    bool ok = true;
    for (int i = 0; p && i < 2; i++) {
        char *s = allynet__xml_attr(p, i ? "y" : "x"), *end = NULL;
        double v = s ? strtod(s, &end) : 0;
        if (s && end != s && *end == '\0') {
            ok = ok && json_object_set_new(data, i ? "y" : "x", json_real(v)) == 0;
        }
        xmlFree(s);
    }
    if (c) {
        char *rgb[3] = {allynet__xml_attr(c, "r"), allynet__xml_attr(c, "g"),
                        allynet__xml_attr(c, "b")};
        if (rgb[0] && rgb[1] && rgb[2]) {
            char hex[8];
            snprintf(hex, sizeof hex, "#%02x%02x%02x", (unsigned)atoi(rgb[0]) & 255,
                     (unsigned)atoi(rgb[1]) & 255, (unsigned)atoi(rgb[2]) & 255);
            ok = ok && json_object_set_new(data, "color", json_string(hex)) == 0;
        }
        for (int i = 0; i < 3; i++) {
            xmlFree(rgb[i]);
        }
    }
    return ok ? ALLYNET_OK : allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}

/* The values of a node (k 0) or edge (k 1): defaults, attvalues, and for nodes viz. */
static allynet_status collect(reader *r, int k, const xmlNode *el, json_t **out,
                              allynet_error *err) {
    json_t *data = *out = json_object();
    allynet_status st =
        data ? ALLYNET_OK : allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < r->n[k] && st == ALLYNET_OK; i++) {
        if (r->a[k][i].def) {
            st = put(r, data, &r->a[k][i], r->a[k][i].def, allynet__xml_line(el), err);
        }
    }
    xmlNode *vals = allynet__xml_child(el, "attvalues");
    for (xmlNode *v = vals ? vals->children : NULL; v && st == ALLYNET_OK; v = v->next) {
        if (allynet__xml_is(v, "attvalue")) {
            st = attvalue(r, k, v, data, err);
        }
    }
    return st == ALLYNET_OK && k == 0 ? viz(el, data, err) : st;
}

static allynet_status read_node(reader *r, allynet_graph *g, const xmlNode *n, allynet_error *err) {
    int line = allynet__xml_line(n);
    if (allynet__xml_child(n, "nodes")) {
        return allynet_error_set(err, ALLYNET_E_INPUT, r->src, line, 0,
                                 "nested nodes are not supported");
    }
    json_t *data = NULL;
    allynet_status st = collect(r, 0, n, &data, err);
    char *id = allynet__xml_attr(n, "id"), *label = allynet__xml_attr(n, "label");
    if (st == ALLYNET_OK && label && (id == NULL || strcmp(label, id) != 0) &&
        !json_object_get(data, "name")) {
        json_object_set_new(data, "name", json_string(label));
    }
    if (st == ALLYNET_OK) {
        st = allynet__take_actor(g, id, data, r->src, line, err);
    } else {
        json_decref(data);
    }
    xmlFree(id);
    xmlFree(label);
    return st;
}

static allynet_status read_edge(reader *r, allynet_graph *g, const xmlNode *e, allynet_error *err) {
    json_t *data = NULL;
    allynet_status st = collect(r, 1, e, &data, err);
    char *w = allynet__xml_attr(e, "weight");
    if (st == ALLYNET_OK && w) {
        attribute wa = {.title = "weight", .type = ALLYNET__COL_DOUBLE};
        st = put(r, data, &wa, w, allynet__xml_line(e), err);
    }
    char *s = allynet__xml_attr(e, "source"), *t = allynet__xml_attr(e, "target");
    if (st == ALLYNET_OK) {
        st = allynet__take_tie(g, s, t, data, r->src, allynet__xml_line(e), err);
    } else {
        json_decref(data);
    }
    xmlFree(w);
    xmlFree(s);
    xmlFree(t);
    return st;
}

/* The name (description) and, from allynet's own files, the date (lastmodifieddate). */
static void read_meta(const xmlNode *root, allynet_graph *g) {
    xmlNode *meta = allynet__xml_child(root, "meta");
    xmlNode *desc = allynet__xml_child(meta, "description");
    xmlNode *creator = allynet__xml_child(meta, "creator");
    char *name = desc ? (char *)xmlNodeGetContent(desc) : NULL;
    char *who = creator ? (char *)xmlNodeGetContent(creator) : NULL;
    char *date = meta ? allynet__xml_attr(meta, "lastmodifieddate") : NULL;
    if (name && name[0]) {
        json_object_set_new(allynet_graph_meta(g), "name", json_string(name));
    }
    if (date && who && strncmp(who, "allynet", 7) == 0) {
        json_object_set_new(allynet_graph_meta(g), "date", json_string(date));
    }
    xmlFree(name);
    xmlFree(who);
    xmlFree(date);
}

static allynet_status read_graph(reader *r, const xmlNode *root, const xmlNode *gr,
                                 allynet_graph **out, allynet_error *err) {
    char *type = allynet__xml_attr(gr, "defaultedgetype");
    allynet_graph *g = allynet_graph_new(type && strcmp(type, "directed") == 0);
    xmlFree(type);
    if (g == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    read_meta(root, g);
    allynet_status st = ALLYNET_OK;
    for (xmlNode *c = gr->children; c && st == ALLYNET_OK; c = c->next) {
        if (allynet__xml_is(c, "attributes")) {
            st = read_attributes(r, c, err);
        }
    }
    xmlNode *nodes = allynet__xml_child(gr, "nodes"), *edges = allynet__xml_child(gr, "edges");
    for (xmlNode *c = nodes ? nodes->children : NULL; c && st == ALLYNET_OK; c = c->next) {
        st = allynet__xml_is(c, "node") ? read_node(r, g, c, err) : st;
    }
    for (xmlNode *c = edges ? edges->children : NULL; c && st == ALLYNET_OK; c = c->next) {
        st = allynet__xml_is(c, "edge") ? read_edge(r, g, c, err) : st;
    }
    if (st != ALLYNET_OK) {
        allynet_graph_free(g);
        g = NULL;
    }
    *out = g;
    return st;
}

allynet_status allynet_gexf_parse(const char *buf, size_t len, const char *source,
                                  allynet_graph **out, allynet_error *err) {
    *out = NULL;
    xmlDoc *doc = NULL;
    xmlNode *gr = NULL;
    allynet_status st = allynet__xml_graph(buf, len, source, "gexf", "GEXF", &doc, &gr, err);
    reader r = {.src = source};
    if (st == ALLYNET_OK) {
        st = read_graph(&r, gr->parent, gr, out, err);
    }
    reader_destroy(&r);
    xmlFreeDoc(doc);
    return st;
}
