/* fuzz_write_svg.c — libFuzzer target for the SVG diagram (allynet_render): a snapshot with
 * arbitrary ids, names, kinds, relations and title (fuzzgraph.h) is drawn with the layout and
 * label options the input picks, and the SVG is parsed by libxml2 (no network, no entities
 * substituted, no DTD loaded). It must be well-formed, hold only the elements and attributes
 * Graphviz writes for allynet (no script, no event handler, no link outside the page), and show
 * every actor once: a node titled with its encoded id, labelled with its name or id. */
#include "fuzzgraph.h"

#include "io/io_int.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Graphviz, fontconfig and GLib keep memory for the process's life (tests/lsan-fast.supp). */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void) {
    return "leak:libgvc.so\nleak:libfontconfig.so\nleak:libglib-2.0.so\n";
}

static const char *const elements[] = {
    "svg",  "g", "title",          "polygon",        "polyline", "ellipse", "path",
    "text", "a", "linearGradient", "radialGradient", "stop",     "defs",    NULL};
static const char *const attributes[] = {"width",
                                         "height",
                                         "viewBox",
                                         "id",
                                         "class",
                                         "transform",
                                         "fill",
                                         "stroke",
                                         "stroke-width",
                                         "stroke-dasharray",
                                         "points",
                                         "cx",
                                         "cy",
                                         "rx",
                                         "ry",
                                         "d",
                                         "x",
                                         "y",
                                         "text-anchor",
                                         "font-family",
                                         "font-size",
                                         "font-weight",
                                         "font-style",
                                         "href",
                                         "title",
                                         "fill-opacity",
                                         "stroke-opacity",
                                         "x1",
                                         "y1",
                                         "x2",
                                         "y2",
                                         "offset",
                                         "style",
                                         "gradientUnits",
                                         "r",
                                         "fx",
                                         "fy",
                                         "stop-color",
                                         "stop-opacity",
                                         "text-decoration",
                                         "baseline-shift",
                                         NULL};

static bool listed(const char *const *list, const char *s) {
    for (; *list; list++) {
        if (strcmp(*list, s) == 0) {
            return true;
        }
    }
    return false;
}

static char first_error[256];

static void on_error(void *ctx, xmlError *e) {
    (void)ctx;
    if (first_error[0] == '\0' && e && e->message) {
        snprintf(first_error, sizeof first_error, "line %d: %s", e->line, e->message);
    }
}

/* Every element and attribute is one allynet's diagrams use; links stay inside the page. */
static void check_tree(xmlNode *n) {
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) {
            continue;
        }
        if (!listed(elements, (const char *)n->name)) {
            fuzz_fail("an element allynet does not write", (const char *)n->name);
        }
        for (xmlAttr *a = n->properties; a; a = a->next) {
            const char *k = (const char *)a->name;
            if (!listed(attributes, k) || strncasecmp(k, "on", 2) == 0) {
                fuzz_fail("an attribute allynet does not write", k);
            }
            xmlChar *v = xmlNodeGetContent((xmlNode *)a);
            if (strcmp(k, "href") == 0 && (v == NULL || v[0] != '#')) {
                fuzz_fail("a link out of the page", (const char *)v);
            }
            xmlFree(v);
        }
        check_tree(n->children);
    }
}

/* The text with control bytes, runs of spaces and no-break spaces (Graphviz writes a second
 * space as &#160;) as one space, trimmed, and U+FFFE and U+FFFF (which XML forbids) as U+FFFD:
 * how a label shows. */
static char *shown(const char *s) {
    char *out = malloc(strlen(s) + 1), *q = out;
    for (const unsigned char *p = (const unsigned char *)s; out && *p; p++) {
        bool nbsp = p[0] == 0xC2 && p[1] == 0xA0;
        if (*p <= 0x20 || *p == 0x7f || nbsp) {
            p += nbsp;
            if (q > out && q[-1] != ' ') {
                *q++ = ' ';
            }
        } else if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) {
            memcpy(q, "\xef\xbf\xbd", 3);
            q += 3;
            p += 2;
        } else {
            *q++ = (char)*p;
        }
    }
    if (out) {
        q -= q > out && q[-1] == ' ';
        *q = '\0';
    }
    return out;
}

static xmlNode *child(xmlNode *n, const char *name) {
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0) {
            return c;
        }
    }
    return NULL;
}

/* The text of the first <text> under n, depth first; NULL when none. */
static xmlNode *first_text(xmlNode *n) {
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next) {
        xmlNode *t = c->type != XML_ELEMENT_NODE                  ? NULL
                     : strcmp((const char *)c->name, "text") == 0 ? c
                                                                  : first_text(c);
        if (t) {
            return t;
        }
    }
    return NULL;
}

static void expect_shown(xmlNode *text, const char *want, const char *what) {
    xmlChar *got = text ? xmlNodeGetContent(text) : NULL;
    char *a = shown(got ? (const char *)got : ""), *b = shown(want);
    if (a == NULL || b == NULL || strcmp(a, b) != 0) {
        fprintf(stderr, "shown \"%s\", expected \"%s\"\n", a ? a : "?", b ? b : "?");
        fuzz_fail(what, want);
    }
    free(a);
    free(b);
    xmlFree(got);
}

/* Graphviz writes a space that follows a space as U+00A0 in SVG text, so that XML keeps the run:
 * turns each such U+00A0 back into a space (in place). */
static void spaces_back(char *s) {
    char *q = s;
    bool after_space = false;
    for (const char *p = s; *p; p++) {
        if (after_space && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) {
            *q++ = ' ';
            p++;
            continue;
        }
        after_space = *p == ' ';
        *q++ = *p;
    }
    *q = '\0';
}

/* One node per actor, titled by its encoded id and labelled as the options say. */
static void check_node(const allynet_graph *g, bool by_id, xmlNode *n, bool *seen) {
    xmlChar *title = xmlNodeGetContent(child(n, "title"));
    char *id = title ? allynet__dot_unname((const char *)title) : NULL;
    if (id && allynet_graph_find_actor(g, id) < 0) {
        spaces_back(id);
    }
    long v = id ? allynet_graph_find_actor(g, id) : -1;
    if (v < 0 || seen[v]) {
        fuzz_fail("a node's title is no actor id, or one seen before", (const char *)title);
    }
    seen[v] = true;
    const allynet_actor *a = allynet_graph_actor(g, (size_t)v);
    expect_shown(first_text(n), !by_id && a->name ? a->name : a->id, "a label changed");
    free(id);
    xmlFree(title);
}

static size_t check_nodes(const allynet_graph *g, bool by_id, xmlNode *n, bool *seen) {
    size_t count = 0;
    for (; n; n = n->next) {
        xmlChar *cls = n->type == XML_ELEMENT_NODE ? xmlGetProp(n, BAD_CAST "class") : NULL;
        if (cls && strncmp((const char *)cls, "node", 4) == 0 && (cls[4] == ' ' || !cls[4])) {
            check_node(g, by_id, n, seen);
            count++;
        } else if (n->type == XML_ELEMENT_NODE) {
            count += check_nodes(g, by_id, n->children, seen);
        }
        xmlFree(cls);
    }
    return count;
}

static void check_svg(const allynet_graph *g, const allynet_render_options *o, const char *svg,
                      size_t len) {
    first_error[0] = '\0';
    xmlParserCtxt *ctx = xmlNewParserCtxt();
    xmlDoc *doc = ctx ? xmlCtxtReadMemory(ctx, svg, (int)len, "diagram.svg", NULL,
                                          XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)
                      : NULL;
    if (doc == NULL || !ctx->wellFormed) {
        fuzz_fail("the SVG is not well-formed XML", first_error);
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    check_tree(root);
    bool seen[FUZZ_MAX_ACTORS] = {false};
    if (check_nodes(g, o->label_by == ALLYNET_LABEL_ID, root, seen) !=
        allynet_graph_actor_count(g)) {
        fuzz_fail("not one node per actor", NULL);
    }
    const char *title = allynet_graph_name(g);
    if (o->legend) {
        expect_shown(first_text(root), title ? title : "allynet", "the title changed");
    }
    xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctx);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_series s;
    if (!fuzz_series_build(data, size, false, &s)) {
        return 0;
    }
    allynet_igraph_setup(42); /* allynet's igraph handlers, the generator seeded afresh */
    xmlSetStructuredErrorFunc(NULL, on_error);
    allynet_render_options o;
    allynet_render_options_init(&o);
    o.layout = (allynet_layout)((s.opts & 7) % 5);
    o.label_by = (s.opts & 8) ? ALLYNET_LABEL_ID : ALLYNET_LABEL_NAME;
    o.clusters = (s.opts & 16) != 0;
    allynet_render_result r = {0};
    allynet_error err = {0};
    if (allynet_render(s.g[0], &o, &r, &err) != ALLYNET_OK) {
        fuzz_fail("a snapshot was not drawn", err.text);
    }
    check_svg(s.g[0], &o, r.data, r.len);
    allynet_render_result_destroy(&r);
    fuzz_series_free(&s);
    return 0;
}
