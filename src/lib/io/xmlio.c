/* xmlio.c — libxml2 set up for the graph formats: documents parsed from memory without network,
 * entity substitution or printing (errors become allynet errors with line and column), element
 * and attribute lookups, an indented writer on a stream, and the check that text fits XML 1.0. */
#include "interop.h"

#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

/* libxml2 prints errors through its generic handler unless told otherwise: the library never
 * prints, so this handler drops them (the parser context keeps the last one). */
static void quiet(void *ctx, const char *msg, ...) {
    (void)ctx;
    (void)msg;
}

allynet_status allynet__xml_parse(const char *buf, size_t len, const char *source, xmlDoc **out,
                                  allynet_error *err) {
    *out = NULL;
    xmlInitParser();
    xmlSetGenericErrorFunc(NULL, quiet);
    if (len > (size_t)INT32_MAX) {
        return allynet_error_set(err, ALLYNET_E_INPUT, source, 0, 0,
                                 "XML files over 2 GiB are not supported");
    }
    xmlParserCtxt *ctx = xmlNewParserCtxt();
    if (ctx == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, source, 0, 0, "out of memory");
    }
    int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
    xmlDoc *doc = xmlCtxtReadMemory(ctx, buf, (int)len, source, NULL, opts);
    allynet_status st = ALLYNET_OK;
    if (doc == NULL || !ctx->wellFormed) {
        const xmlError *e = xmlCtxtGetLastError(ctx);
        char msg[300] = "not well-formed XML";
        if (e && e->message) {
            snprintf(msg, sizeof msg, "%s", e->message);
            msg[strcspn(msg, "\n")] = '\0';
        }
        st = allynet_error_set(err, ALLYNET_E_INPUT, source, e ? e->line : 0, e ? e->int2 : 0,
                               "XML: %s", msg);
        xmlFreeDoc(doc);
        doc = NULL;
    }
    xmlFreeParserCtxt(ctx);
    *out = doc;
    return st;
}

allynet_status allynet__xml_graph(const char *buf, size_t len, const char *source, const char *root,
                                  const char *format, xmlDoc **doc, xmlNode **graph,
                                  allynet_error *err) {
    *graph = NULL;
    allynet_status st = allynet__xml_parse(buf, len, source, doc, err);
    xmlNode *top = st == ALLYNET_OK ? xmlDocGetRootElement(*doc) : NULL;
    if (st == ALLYNET_OK && !allynet__xml_is(top, root)) {
        st = allynet_error_set(err, ALLYNET_E_INPUT, source, allynet__xml_line(top), 0,
                               "not %s: the root element is not <%s>", format, root);
    } else if (st == ALLYNET_OK && (*graph = allynet__xml_child(top, "graph")) == NULL) {
        st = allynet_error_set(err, ALLYNET_E_INPUT, source, allynet__xml_line(top), 0,
                               "%s without a <graph>", format);
    }
    if (st != ALLYNET_OK) {
        xmlFreeDoc(*doc);
        *doc = NULL;
    }
    return st;
}

bool allynet__xml_is(const xmlNode *node, const char *name) {
    return node && node->type == XML_ELEMENT_NODE && strcmp((const char *)node->name, name) == 0;
}

xmlNode *allynet__xml_child(const xmlNode *parent, const char *name) {
    for (xmlNode *c = parent ? parent->children : NULL; c; c = c->next) {
        if (allynet__xml_is(c, name)) {
            return c;
        }
    }
    return NULL;
}

char *allynet__xml_attr(const xmlNode *node, const char *name) {
    return (char *)xmlGetProp(node, (const xmlChar *)name);
}

int allynet__xml_line(const xmlNode *node) {
    long l = xmlGetLineNo(node);
    return l > 0 && l < INT32_MAX ? (int)l : 0;
}

xmlTextWriter *allynet__xml_writer(FILE *f) {
    xmlInitParser();
    xmlOutputBuffer *ob = xmlOutputBufferCreateFile(f, NULL);
    if (ob == NULL) {
        return NULL;
    }
    xmlTextWriter *w = xmlNewTextWriter(ob); /* owns ob from here */
    if (w == NULL) {
        xmlOutputBufferClose(ob);
        return NULL;
    }
    if (xmlTextWriterSetIndent(w, 1) < 0 || xmlTextWriterSetIndentString(w, BAD_CAST "  ") < 0 ||
        xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0) {
        xmlFreeTextWriter(w);
        return NULL;
    }
    return w;
}

bool allynet__xml_text_ok(const char *s) {
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
        if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') {
            return false;
        }
        /* U+FFFE and U+FFFF are EF BF BE and EF BF BF in UTF-8 */
        if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) {
            return false;
        }
    }
    return true;
}

allynet_status allynet__xml_check_graph(const allynet_graph *g, allynet_error *err) {
    for (size_t i = 0; i < allynet_graph_actor_count(g); i++) {
        const allynet_actor *a = allynet_graph_actor(g, i);
        if (!allynet__xml_text_ok(a->id) || !allynet__xml_text_ok(a->name) ||
            !allynet__xml_text_ok(a->kind)) {
            return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0,
                                     "actor %zu's id, name or kind holds a control character, "
                                     "which XML 1.0 cannot carry",
                                     i + 1);
        }
    }
    for (size_t i = 0; i < allynet_graph_tie_count(g); i++) {
        if (!allynet__xml_text_ok(allynet_graph_tie(g, i)->relation)) {
            return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0,
                                     "tie %zu's relation holds a control character, which XML 1.0 "
                                     "cannot carry",
                                     i + 1);
        }
    }
    return ALLYNET_OK;
}

int allynet__xml_put(xmlTextWriter *w, const char *name, const char *value, bool *bad) {
    if (!allynet__xml_text_ok(value)) {
        *bad = true;
        return -1;
    }
    return xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST value);
}

allynet_status allynet__xml_finish(allynet_status st, int rc, bool bad, bool nomem, FILE *f,
                                   allynet_error *err) {
    if (st != ALLYNET_OK) {
        return st;
    }
    if (bad) {
        return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0,
                                 "an id or attribute holds a control character, which XML 1.0 "
                                 "cannot carry");
    }
    if (nomem) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    if (rc < 0 || fflush(f) != 0 || ferror(f)) {
        return allynet_error_set(err, ALLYNET_E_IO, NULL, 0, 0, "cannot write the graph");
    }
    return ALLYNET_OK;
}
