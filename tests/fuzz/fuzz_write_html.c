/* fuzz_write_html.c — libFuzzer target for report.html: the report of snapshots with arbitrary
 * ids, names, relations, evidence and dates (fuzzgraph.h) is parsed with libxml2's HTML parser
 * (no network), and
 * - its elements and their attributes are those of the report of the input's neutral twin
 *   (plain strings in the same roles), in the same order: a value from input adds no element
 *   and no attribute;
 * - the only scripts are allynet's: one data element per snapshot and the metadata, each
 *   application/json, and the page's own script, whose text is allynet's; no attribute is an
 *   event handler (on...) and every link stays in the page or goes to report.md;
 * - the data round-trips: the metadata lists every actor id with its name and each snapshot's
 *   name and date, each snapshot's data its ties (ends, weight, relation, top evidence cue and
 *   note), and the overview table shows each snapshot's name and date as text. */
#include "fuzzreport.h"

#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void) {
    return "leak:libgvc.so\nleak:libfontconfig.so\nleak:libglib-2.0.so\n";
}

extern const char allynet__report_js[];

/* A string as report.html shows it: control bytes but line feed and tab as spaces, U+FFFE and
 * U+FFFF (EF BF BE, EF BF BF) as U+FFFD (EF BF BD). */
static char *as_shown(const char *s) {
    char *out = strdup(s ? s : "");
    for (unsigned char *p = (unsigned char *)out; p && *p; p++) {
        if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) {
            p[2] = 0xBD;
        }
        *p = *p < 0x20 && *p != '\n' && *p != '\t' ? ' ' : *p;
    }
    return out;
}

static bool same(const char *a, const char *b) {
    return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

static bool named(const xmlNode *n, const char *name) {
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* Walks the tree: writes each element with its attributes to sig, checks every attribute and
 * collects the <script> elements. */
static void walk(xmlNode *n, FILE *sig, xmlNode **scripts, size_t *n_scripts) {
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) {
            continue;
        }
        fprintf(sig, "<%s", (const char *)n->name);
        for (xmlAttr *a = n->properties; a; a = a->next) {
            xmlChar *v = xmlNodeGetContent((xmlNode *)a);
            const char *k = (const char *)a->name, *val = v ? (const char *)v : "";
            fprintf(sig, " %s=\"%s\"", k, val);
            if (strncasecmp(k, "on", 2) == 0) {
                fuzz_fail("an event handler attribute", k);
            }
            if (strcmp(k, "href") == 0 && val[0] != '#' && strcmp(val, "report.md") != 0) {
                fuzz_fail("a link out of the page", val);
            }
            xmlFree(v);
        }
        fputs(">\n", sig);
        if (named(n, "script") && *n_scripts < FUZZ_MAX_SNAPS + 2) {
            scripts[*n_scripts] = n;
        }
        *n_scripts += named(n, "script");
        walk(n->children, sig, scripts, n_scripts);
    }
}

static json_t *script_json(xmlNode *script, const char *id) {
    xmlChar *type = xmlGetProp(script, BAD_CAST "type"), *sid = xmlGetProp(script, BAD_CAST "id");
    if (!same((const char *)type, "application/json") || !same((const char *)sid, id)) {
        fuzz_fail("a script that is not allynet's data element", id);
    }
    xmlChar *text = xmlNodeGetContent(script);
    json_error_t e;
    json_t *j = json_loads(text ? (const char *)text : "", 0, &e);
    if (j == NULL) {
        fuzz_fail("a data element is not JSON", e.text);
    }
    xmlFree(type);
    xmlFree(sid);
    xmlFree(text);
    return j;
}

/* The metadata: every actor of the snapshots with its name, each snapshot's name and date. */
static void check_meta(const fuzz_series *s, const json_t *meta) {
    const json_t *ids = json_object_get(meta, "ids"), *names = json_object_get(meta, "names");
    for (size_t j = 0; j < s->n; j++) {
        const allynet_graph *g = s->g[j];
        const json_t *snap = json_array_get(json_object_get(meta, "snapshots"), j);
        if (!same(json_string_value(json_object_get(snap, "name")), allynet_graph_name(g)) ||
            !same(json_string_value(json_object_get(snap, "date")), allynet_graph_date(g))) {
            fuzz_fail("a snapshot's name or date changed", allynet_graph_name(g));
        }
        for (size_t i = 0; i < allynet_graph_actor_count(g); i++) {
            const allynet_actor *a = allynet_graph_actor(g, i);
            size_t k = 0;
            while (k < json_array_size(ids) &&
                   !same(json_string_value(json_array_get(ids, k)), a->id)) {
                k++;
            }
            if (k == json_array_size(ids) ||
                (a->name && !same(json_string_value(json_array_get(names, k)), a->name))) {
                fuzz_fail("an actor is missing from the metadata, or its name changed", a->id);
            }
        }
    }
}

/* A snapshot's data: its ties, in order, with their ends, weight, relation and top evidence. */
static void check_snapshot(const allynet_graph *g, const json_t *ids, const json_t *view) {
    const json_t *ties = json_object_get(view, "ties");
    if (json_array_size(ties) != allynet_graph_tie_count(g)) {
        fuzz_fail("the page lists another number of ties", NULL);
    }
    for (size_t e = 0; e < allynet_graph_tie_count(g); e++) {
        const allynet_tie *t = allynet_graph_tie(g, e);
        const json_t *row = json_array_get(ties, e);
        const char *s = json_string_value(
            json_array_get(ids, (size_t)json_integer_value(json_array_get(row, 0))));
        const char *d = json_string_value(
            json_array_get(ids, (size_t)json_integer_value(json_array_get(row, 1))));
        if (!same(s, allynet_graph_actor(g, t->source)->id) ||
            !same(d, allynet_graph_actor(g, t->target)->id) ||
            json_number_value(json_array_get(row, 2)) != t->weight ||
            !same(json_string_value(json_array_get(row, 3)), t->relation)) {
            fuzz_fail("a tie changed on the page", allynet_graph_actor(g, t->source)->id);
        }
        const json_t *top = json_array_get(json_array_get(row, 7), 0), *span = NULL, *ev;
        size_t i;
        json_array_foreach(t->evidence, i, ev) {
            if (span == NULL && top &&
                json_equal(json_array_get(top, 1), json_object_get(ev, "cue")) &&
                json_equal(json_array_get(top, 6), json_object_get(ev, "note")
                                                       ? json_object_get(ev, "note")
                                                       : json_null())) {
                span = ev;
            }
        }
        if ((top == NULL) != (json_array_size(t->evidence) == 0) || (top && span == NULL)) {
            fuzz_fail("a tie's evidence changed on the page",
                      allynet_graph_actor(g, t->source)->id);
        }
    }
}

/* The overview's row of snapshot j shows its name (or stem) and date as text. */
static void check_glance(const fuzz_series *s, xmlNode *n) {
    for (; n; n = n->next) {
        xmlChar *snap = named(n, "tr") ? xmlGetProp(n, BAD_CAST "data-snap") : NULL;
        if (snap == NULL) {
            check_glance(s, n->type == XML_ELEMENT_NODE ? n->children : NULL);
            continue;
        }
        const allynet_graph *g = s->g[atoi((const char *)snap) % FUZZ_MAX_SNAPS];
        xmlNode *td = n->children, *td2 = td ? td->next : NULL;
        xmlChar *name = td ? xmlNodeGetContent(td) : NULL,
                *date = td2 ? xmlNodeGetContent(td2) : NULL;
        char stem[8];
        snprintf(stem, sizeof stem, "s%d", atoi((const char *)snap));
        char *want = as_shown(allynet_graph_name(g) ? allynet_graph_name(g) : stem);
        char *want_date = as_shown(allynet_graph_date(g));
        if (!same((const char *)name, want) || !same((const char *)date, want_date)) {
            fprintf(stderr, "shows \"%s\" \"%s\" for \"%s\" \"%s\"\n", name, date, want, want_date);
            fuzz_fail("the overview shows another name or date", want);
        }
        free(want);
        free(want_date);
        xmlFree(name);
        xmlFree(date);
        xmlFree(snap);
    }
}

/* Parses the page, checks it and returns its element signature (free with free()). */
static char *check(const fuzz_series *s, char *html) {
    htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), "report.html", "UTF-8",
                                    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    if (doc == NULL) {
        fuzz_fail("report.html does not parse", NULL);
    }
    char *sig = NULL;
    size_t len = 0, n_scripts = 0;
    xmlNode *scripts[FUZZ_MAX_SNAPS + 2];
    FILE *f = open_memstream(&sig, &len);
    if (f == NULL) {
        abort();
    }
    walk(xmlDocGetRootElement(doc), f, scripts, &n_scripts);
    fclose(f);
    if (n_scripts != s->n + 2) {
        fuzz_fail("another number of scripts than allynet writes", NULL);
    }
    json_t *meta = script_json(scripts[0], "meta0");
    check_meta(s, meta);
    for (size_t j = 0; j < s->n; j++) {
        char id[32];
        snprintf(id, sizeof id, "snap-%zu", j);
        json_t *view = script_json(scripts[j + 1], id);
        check_snapshot(s->g[j], json_object_get(meta, "ids"), view);
        json_decref(view);
    }
    xmlChar *js = xmlNodeGetContent(scripts[s->n + 1]);
    if (!same((const char *)js, allynet__report_js) ||
        xmlHasProp(scripts[s->n + 1], BAD_CAST "type")) {
        fuzz_fail("the page's script is not allynet's", NULL);
    }
    xmlFree(js);
    check_glance(s, xmlDocGetRootElement(doc));
    json_decref(meta);
    xmlFreeDoc(doc);
    return sig;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_report_against_twin(data, size, "report.html", check);
    return 0;
}
