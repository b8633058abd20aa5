/* gexf_write.c — GEXF 1.3 (Gephi) written through libxml2: actors as nodes labelled by name,
 * with their kind and attributes as typed attributes, their diagram position and colour as
 * viz:position and viz:color; ties as edges with the signed weight, coloured by sign, and the
 * other fields as attributes (objects and arrays as JSON text, attribute ids "json.N"). The
 * dynamic writer (gexf_dynamic.c) adds spells and per-period values through a hook. */
#include "interop.h"

#include <stdlib.h>
#include <string.h>

#define NS_GEXF "http://gexf.net/1.3"
#define NS_VIZ "http://gexf.net/1.3/viz"

typedef struct {
    xmlTextWriter *w;
    const allynet_graph *g;
    const allynet__gexf_hook *hook;
    allynet__columns cols[2]; /* actors, ties */
    bool bad, nomem;
} gexf;

/* Whether column c is written as an attvalue: the name is the label, the weight an XML
 * attribute, x, y and colour are viz elements, and a dynamic file gives the sign per period. */
static bool as_attvalue(const gexf *x, bool tie, const allynet__column *c) {
    if (tie) {
        return c->field != ALLYNET__FIELD_WEIGHT && !(x->hook && c->field == ALLYNET__FIELD_SIGN);
    }
    if (c->field == ALLYNET__FIELD_NAME) {
        return false;
    }
    bool number = c->type == ALLYNET__COL_LONG || c->type == ALLYNET__COL_DOUBLE;
    return !(c->field == ALLYNET__FIELD_ATTR &&
             (((strcmp(c->name, "x") == 0 || strcmp(c->name, "y") == 0) && number) ||
              (strcmp(c->name, "color") == 0 && c->type == ALLYNET__COL_STRING)));
}

static void attr_id(char *buf, size_t len, size_t j, const allynet__column *c) {
    snprintf(buf, len, "%s%zu", c->type == ALLYNET__COL_JSON ? "json." : "", j);
}

static int declare(gexf *x, bool tie) {
    xmlTextWriter *w = x->w;
    const allynet__columns *c = &x->cols[tie];
    int rc = xmlTextWriterStartElement(w, BAD_CAST "attributes");
    rc = rc < 0 ? rc
                : xmlTextWriterWriteAttribute(w, BAD_CAST "class", BAD_CAST(tie ? "edge" : "node"));
    for (size_t j = 0; j < c->n && rc >= 0; j++) {
        char id[32];
        if (!as_attvalue(x, tie, &c->v[j])) {
            continue;
        }
        attr_id(id, sizeof id, j, &c->v[j]);
        rc = xmlTextWriterStartElement(w, BAD_CAST "attribute");
        rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id);
        rc = rc < 0 ? rc : allynet__xml_put(w, "title", c->v[j].name, &x->bad);
        rc = rc < 0 ? rc
                    : xmlTextWriterWriteAttribute(w, BAD_CAST "type",
                                                  BAD_CAST allynet__coltype_xml(c->v[j].type));
        rc = rc < 0 ? rc : xmlTextWriterEndElement(w);
    }
    return rc < 0 ? rc : xmlTextWriterEndElement(w);
}

static int attvalues(gexf *x, bool tie, size_t i) {
    const allynet__columns *c = &x->cols[tie];
    int rc = xmlTextWriterStartElement(x->w, BAD_CAST "attvalues");
    for (size_t j = 0; j < c->n && rc >= 0; j++) {
        char *text = NULL, id[32];
        if (!as_attvalue(x, tie, &c->v[j])) {
            continue;
        }
        if (!allynet__column_text(x->g, tie, i, &c->v[j], &text)) {
            x->nomem = true;
            return -1;
        }
        if (text) {
            attr_id(id, sizeof id, j, &c->v[j]);
            rc = xmlTextWriterStartElement(x->w, BAD_CAST "attvalue");
            rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(x->w, BAD_CAST "for", BAD_CAST id);
            rc = rc < 0 ? rc : allynet__xml_put(x->w, "value", text, &x->bad);
            rc = rc < 0 ? rc : xmlTextWriterEndElement(x->w);
        }
        free(text);
    }
    if (rc >= 0 && x->hook) {
        rc = x->hook->item(x->w, tie, i, 0, x->hook->ctx);
    }
    return rc < 0 ? rc : xmlTextWriterEndElement(x->w);
}

/* <viz:color r g b/> from "#rrggbb"; nothing for anything else. */
static int viz_color(xmlTextWriter *w, const char *hex) {
    unsigned r, g, b;
    char tail;
    if (hex == NULL || strlen(hex) != 7 || sscanf(hex, "#%2x%2x%2x%c", &r, &g, &b, &tail) != 3) {
        return 0;
    }
    int rc = xmlTextWriterStartElementNS(w, BAD_CAST "viz", BAD_CAST "color", NULL);
    rc = rc < 0 ? rc : xmlTextWriterWriteFormatAttribute(w, BAD_CAST "r", "%u", r);
    rc = rc < 0 ? rc : xmlTextWriterWriteFormatAttribute(w, BAD_CAST "g", "%u", g);
    rc = rc < 0 ? rc : xmlTextWriterWriteFormatAttribute(w, BAD_CAST "b", "%u", b);
    return rc < 0 ? rc : xmlTextWriterEndElement(w);
}

static int viz_node(xmlTextWriter *w, const allynet_actor *a) {
    json_t *jx = json_object_get(a->attrs, "x"), *jy = json_object_get(a->attrs, "y");
    int rc = viz_color(w, json_string_value(json_object_get(a->attrs, "color")));
    if (rc >= 0 && json_is_number(jx) && json_is_number(jy)) {
        rc = xmlTextWriterStartElementNS(w, BAD_CAST "viz", BAD_CAST "position", NULL);
        rc = rc < 0 ? rc
                    : xmlTextWriterWriteFormatAttribute(w, BAD_CAST "x", "%.17g",
                                                        json_number_value(jx));
        rc = rc < 0 ? rc
                    : xmlTextWriterWriteFormatAttribute(w, BAD_CAST "y", "%.17g",
                                                        json_number_value(jy));
        rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, BAD_CAST "z", BAD_CAST "0.0");
        rc = rc < 0 ? rc : xmlTextWriterEndElement(w);
    }
    return rc;
}

static int write_node(gexf *x, size_t i) {
    const allynet_actor *a = allynet_graph_actor(x->g, i);
    int rc = xmlTextWriterStartElement(x->w, BAD_CAST "node");
    rc = rc < 0 ? rc : allynet__xml_put(x->w, "id", a->id, &x->bad);
    rc = rc < 0 ? rc : allynet__xml_put(x->w, "label", a->name ? a->name : a->id, &x->bad);
    rc = rc < 0 ? rc : attvalues(x, false, i);
    rc = rc < 0 || !x->hook ? rc : x->hook->item(x->w, false, i, 1, x->hook->ctx);
    rc = rc < 0 ? rc : viz_node(x->w, a);
    return rc < 0 ? rc : xmlTextWriterEndElement(x->w);
}

static int write_edge(gexf *x, size_t i) {
    const allynet_tie *t = allynet_graph_tie(x->g, i);
    char *weight = NULL;
    allynet__column wcol = {"weight", ALLYNET__COL_DOUBLE, ALLYNET__FIELD_WEIGHT};
    if (!allynet__column_text(x->g, true, i, &wcol, &weight)) {
        x->nomem = true;
        return -1;
    }
    int rc = xmlTextWriterStartElement(x->w, BAD_CAST "edge");
    rc = rc < 0 ? rc : xmlTextWriterWriteFormatAttribute(x->w, BAD_CAST "id", "%zu", i);
    rc = rc < 0
             ? rc
             : allynet__xml_put(x->w, "source", allynet_graph_actor(x->g, t->source)->id, &x->bad);
    rc = rc < 0
             ? rc
             : allynet__xml_put(x->w, "target", allynet_graph_actor(x->g, t->target)->id, &x->bad);
    rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(x->w, BAD_CAST "weight", BAD_CAST weight);
    free(weight);
    rc = rc < 0 ? rc : attvalues(x, true, i);
    rc = rc < 0 || !x->hook ? rc : x->hook->item(x->w, true, i, 1, x->hook->ctx);
    /* the diagrams' colours: blue cooperation, vermillion conflict, grey zero */
    rc = rc < 0 ? rc
                : viz_color(x->w, t->weight > 0   ? "#0072b2"
                                  : t->weight < 0 ? "#d55e00"
                                                  : "#999999");
    return rc < 0 ? rc : xmlTextWriterEndElement(x->w);
}

static int write_meta(gexf *x) {
    const char *name = allynet_graph_name(x->g), *date = allynet_graph_date(x->g);
    int rc = xmlTextWriterStartElement(x->w, BAD_CAST "meta");
    if (rc >= 0 && date && strlen(date) == 10 && allynet__xml_text_ok(date)) {
        rc = xmlTextWriterWriteAttribute(x->w, BAD_CAST "lastmodifieddate", BAD_CAST date);
    }
    rc = rc < 0 ? rc
                : xmlTextWriterWriteElement(x->w, BAD_CAST "creator",
                                            BAD_CAST "allynet " ALLYNET_VERSION);
    if (rc >= 0 && name) {
        rc = allynet__xml_text_ok(name)
                 ? xmlTextWriterWriteElement(x->w, BAD_CAST "description", BAD_CAST name)
                 : (x->bad = true, -1);
    }
    return rc < 0 ? rc : xmlTextWriterEndElement(x->w);
}

static int write_graph(gexf *x) {
    xmlTextWriter *w = x->w;
    int rc = xmlTextWriterStartElementNS(w, NULL, BAD_CAST "gexf", BAD_CAST NS_GEXF);
    rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:viz", BAD_CAST NS_VIZ);
    rc = rc < 0 ? rc : xmlTextWriterWriteAttribute(w, BAD_CAST "version", BAD_CAST "1.3");
    rc = rc < 0 ? rc : write_meta(x);
    rc = rc < 0 ? rc : xmlTextWriterStartElement(w, BAD_CAST "graph");
    rc = rc < 0 ? rc
                : xmlTextWriterWriteAttribute(
                      w, BAD_CAST "defaultedgetype",
                      BAD_CAST(allynet_graph_directed(x->g) ? "directed" : "undirected"));
    rc = rc < 0 ? rc
                : xmlTextWriterWriteAttribute(w, BAD_CAST "mode",
                                              BAD_CAST(x->hook ? "dynamic" : "static"));
    rc = rc < 0 || !x->hook ? rc : x->hook->graph(w, x->hook->ctx);
    rc = rc < 0 ? rc : declare(x, false);
    rc = rc < 0 ? rc : declare(x, true);
    rc = rc < 0 ? rc : xmlTextWriterStartElement(w, BAD_CAST "nodes");
    for (size_t i = 0; i < allynet_graph_actor_count(x->g) && rc >= 0; i++) {
        rc = write_node(x, i);
    }
    rc = rc < 0 ? rc : xmlTextWriterEndElement(w);
    rc = rc < 0 ? rc : xmlTextWriterStartElement(w, BAD_CAST "edges");
    for (size_t i = 0; i < allynet_graph_tie_count(x->g) && rc >= 0; i++) {
        rc = write_edge(x, i);
    }
    return rc < 0 ? rc : xmlTextWriterEndDocument(w);
}

allynet_status allynet__gexf_write(const allynet_graph *g, const allynet__gexf_hook *hook, FILE *f,
                                   allynet_error *err) {
    gexf x = {.g = g, .hook = hook};
    allynet_status st = allynet__xml_check_graph(g, err);
    if (st == ALLYNET_OK) {
        st = allynet__columns_of(g, false, &x.cols[0], err);
    }
    if (st == ALLYNET_OK) {
        st = allynet__columns_of(g, true, &x.cols[1], err);
    }
    if (st == ALLYNET_OK && (x.w = allynet__xml_writer(f)) == NULL) {
        x.nomem = true;
    }
    int rc = st == ALLYNET_OK && x.w ? write_graph(&x) : 0;
    xmlFreeTextWriter(x.w);
    st = allynet__xml_finish(st, rc, x.bad, x.nomem, f, err);
    allynet__columns_destroy(&x.cols[0]);
    allynet__columns_destroy(&x.cols[1]);
    return st;
}

allynet_status allynet_gexf_write(const allynet_graph *g, FILE *f, allynet_error *err) {
    return allynet__gexf_write(g, NULL, f, err);
}
