/* interop.h — what the exchange formats share (library-internal): the typed columns a graph's
 * actors and ties are written as (GraphML keys, GEXF attributes, GML keys), the way typed values
 * read back become actors and ties, and libxml2's reading and writing set up so that it never
 * prints. GraphML and GEXF (graphml.c, gexf_read.c, gexf_write.c, gexf_dynamic.c), Pajek
 * (pajek.c) and GML (gml.c) use it. */
#ifndef ALLYNET_IO_INTEROP_H
#define ALLYNET_IO_INTEROP_H

#include "io_int.h"

#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

/* ---- typed columns (columns.c) */

typedef enum {
    ALLYNET__COL_STRING,
    ALLYNET__COL_LONG,
    ALLYNET__COL_DOUBLE,
    ALLYNET__COL_BOOL,
    ALLYNET__COL_JSON, /* any JSON value, written as its compact JSON text */
} allynet__coltype;

/* Which value a column holds: a field of the model or a key of the attributes. */
typedef enum {
    ALLYNET__FIELD_ATTR = 0,
    ALLYNET__FIELD_NAME,     /* actor name */
    ALLYNET__FIELD_KIND,     /* actor kind */
    ALLYNET__FIELD_WEIGHT,   /* tie weight, signed */
    ALLYNET__FIELD_SIGN,     /* tie sign: 1, -1 or 0 */
    ALLYNET__FIELD_RELATION, /* tie relation */
    ALLYNET__FIELD_EVENTS,   /* tie event count */
    ALLYNET__FIELD_EVIDENCE, /* tie evidence, JSON text */
} allynet__field;

typedef struct allynet__column {
    const char *name; /* borrowed: a literal or a key of the graph's attributes */
    allynet__coltype type;
    allynet__field field;
} allynet__column;

typedef struct allynet__columns {
    allynet__column *v;
    size_t n, cap;
} allynet__columns;

/* The columns of g's actors (ties when `ties`): the model's fields first, then every attribute
 * key in first-seen order, typed by its values (integers and reals mixed are DOUBLE; any other
 * mix, objects and arrays are JSON). The tie attribute "sign" is left out (the SIGN field
 * stands for it). Errors: NOMEM. Destroy with allynet__columns_destroy, also on error. */
allynet_status allynet__columns_of(const allynet_graph *g, bool ties, allynet__columns *out,
                                   allynet_error *err);
/* The columns of a JSON object's keys (graph metadata), typed by value; null values skipped. */
allynet_status allynet__columns_of_object(const json_t *obj, allynet__columns *out,
                                          allynet_error *err);
void allynet__columns_destroy(allynet__columns *c);

/* Column c's value for actor (tie when `tie`) i as new text in *out (free with free()); *out is
 * NULL when the item has no value there. Reals are written in the fewest digits that read
 * back exactly. Returns false when out of memory. */
bool allynet__column_text(const allynet_graph *g, bool tie, size_t i, const allynet__column *c,
                          char **out);
/* x in the fewest significant digits (15 to 17) that read back as the same double. */
void allynet__real_format(char buf[40], double x);
/* A JSON value as the text of a column of type t (new, free with free()); NULL when out of
 * memory or the value is null. */
char *allynet__value_text(const json_t *v, allynet__coltype t);

/* ---- typed values read back (columns.c) */

/* The value of text read from a column of type t: a new JSON value in *out. A JSON column's
 * text that does not parse stays a string. Errors: INPUT (a number that is not one, a
 * non-finite real, a boolean that is not true/false/1/0), with `what` naming the column. */
allynet_status allynet__typed_value(const char *text, allynet__coltype t, const char *what,
                                    json_t **out, allynet_error *err);

/* data[name] = the value of text in a column of type t (allynet__typed_value); errors carry
 * source and line. */
allynet_status allynet__set_typed(json_t *data, const char *name, const char *text,
                                  allynet__coltype t, const char *source, int line,
                                  allynet_error *err);
/* The XML type name of a column type (GraphML attr.type, GEXF type): long, double, boolean or
 * string (JSON columns are strings). */
const char *allynet__coltype_xml(allynet__coltype t);
/* The column type of a GraphML or GEXF type name (int, integer, long, short, byte, float,
 * double, bigdecimal, boolean; anything else is a string, or JSON when the key's id starts with
 * "json."). */
allynet__coltype allynet__coltype_named(const char *t, const char *id);

/* Adds the actor `id` with the values in `data` (stolen, an object or NULL): "name" and "kind"
 * strings become its name and kind, the rest its attributes. Errors: INPUT (empty id, a
 * duplicate id), NOMEM; with source and line. */
allynet_status allynet__take_actor(allynet_graph *g, const char *id, json_t *data,
                                   const char *source, int line, allynet_error *err);
/* Adds the tie source_id -> target_id with the values in `data` (stolen): "weight" (a number,
 * default 1; a "sign" of -1 turns a positive weight negative; a bare sign is the weight),
 * "relation", "events" (a whole number >= 1), "evidence" (an array, or its JSON text), the rest
 * attributes ("relations" as JSON text becomes its object). Errors: INPUT (unknown endpoint,
 * self-tie, bad value), NOMEM; with source and line. */
allynet_status allynet__take_tie(allynet_graph *g, const char *source_id, const char *target_id,
                                 json_t *data, const char *source, int line, allynet_error *err);

/* ---- libxml2 (xmlio.c) */

/* Parses an XML document from memory without network access, entity substitution or printing.
 * Errors: INPUT with libxml2's message, line and column. Free *out with xmlFreeDoc. */
allynet_status allynet__xml_parse(const char *buf, size_t len, const char *source, xmlDoc **out,
                                  allynet_error *err);
/* The first child element of `parent` named `name` (any namespace), or NULL. */
xmlNode *allynet__xml_child(const xmlNode *parent, const char *name);
/* Whether node is an element named `name`. */
bool allynet__xml_is(const xmlNode *node, const char *name);
/* An attribute's value (new, free with xmlFree), or NULL. */
char *allynet__xml_attr(const xmlNode *node, const char *name);
/* The element's line, as an int for allynet_error. */
int allynet__xml_line(const xmlNode *node);

/* A writer on f, indented, its document begun (UTF-8). NULL when out of memory. Free with
 * xmlFreeTextWriter (which flushes). */
xmlTextWriter *allynet__xml_writer(FILE *f);
/* Whether s can be written in XML 1.0 (no control characters but tab, line feed and carriage
 * return; no U+FFFE, U+FFFF). s is valid UTF-8. */
bool allynet__xml_text_ok(const char *s);
/* Parses an XML graph file: the root element must be `root` and hold a <graph> (*graph).
 * Errors: INPUT naming `format`. Free *doc with xmlFreeDoc (NULL on error). */
allynet_status allynet__xml_graph(const char *buf, size_t len, const char *source, const char *root,
                                  const char *format, xmlDoc **doc, xmlNode **graph,
                                  allynet_error *err);
/* Writes the attribute name="value"; -1 when writing fails or (setting *bad) value holds what
 * XML 1.0 cannot carry. */
int allynet__xml_put(xmlTextWriter *w, const char *name, const char *value, bool *bad);
/* The status of a write that ended with libxml2's return code rc: st when already an error;
 * INPUT when text could not be carried (bad), NOMEM, IO when rc < 0 or f failed; else OK. */
allynet_status allynet__xml_finish(allynet_status st, int rc, bool bad, bool nomem, FILE *f,
                                   allynet_error *err);
/* Checks that every actor id, name, kind and relation of g can be written in XML. Errors:
 * INPUT naming the actor. */
allynet_status allynet__xml_check_graph(const allynet_graph *g, allynet_error *err);

/* ---- GEXF (gexf_write.c) */

/* What the dynamic writer adds to the static one: `graph` writes the <graph> element's time
 * attributes and any declarations (called right after its mode); `item` is called in each
 * node's (tie false) and edge's <attvalues> (phase 0) and after them (phase 1). Both return
 * libxml2's codes (< 0 on failure). */
typedef struct allynet__gexf_hook {
    int (*graph)(xmlTextWriter *w, void *ctx);
    int (*item)(xmlTextWriter *w, bool tie, size_t i, int phase, void *ctx);
    void *ctx;
} allynet__gexf_hook;

/* allynet_gexf_write with a hook (NULL: a static graph, mode="static"). */
allynet_status allynet__gexf_write(const allynet_graph *g, const allynet__gexf_hook *hook, FILE *f,
                                   allynet_error *err);

#endif
