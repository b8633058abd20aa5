/* columns.c — actors and ties as typed columns for the exchange formats (GraphML keys, GEXF
 * attributes, GML keys), and typed values read back into actors and ties. */
#include "interop.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool push(allynet__columns *c, const char *name, allynet__coltype t, allynet__field f) {
    if (!allynet__grow((void **)&c->v, &c->cap, c->n + 1, sizeof *c->v, 8)) {
        return false;
    }
    c->v[c->n++] = (allynet__column){name, t, f};
    return true;
}

/* The column type of one JSON value; false for null (no value). */
static bool type_of(const json_t *v, allynet__coltype *out) {
    switch (json_typeof(v)) {
    case JSON_STRING:
        *out = ALLYNET__COL_STRING;
        return true;
    case JSON_INTEGER:
        *out = ALLYNET__COL_LONG;
        return true;
    case JSON_REAL:
        *out = ALLYNET__COL_DOUBLE;
        return true;
    case JSON_TRUE:
    case JSON_FALSE:
        *out = ALLYNET__COL_BOOL;
        return true;
    case JSON_NULL:
        return false;
    default:
        *out = ALLYNET__COL_JSON;
        return true;
    }
}

static allynet__coltype join(allynet__coltype a, allynet__coltype b) {
    if (a == b) {
        return a;
    }
    bool num_a = a == ALLYNET__COL_LONG || a == ALLYNET__COL_DOUBLE;
    bool num_b = b == ALLYNET__COL_LONG || b == ALLYNET__COL_DOUBLE;
    return num_a && num_b ? ALLYNET__COL_DOUBLE : ALLYNET__COL_JSON;
}

/* Adds (or widens) the column of each key of attrs. */
static bool add_attr_columns(allynet__columns *c, size_t first, const json_t *attrs, bool ties) {
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)attrs, k, v) {
        allynet__coltype t;
        if ((ties && strcmp(k, "sign") == 0) || !type_of(v, &t)) {
            continue;
        }
        size_t j = first;
        while (j < c->n && strcmp(c->v[j].name, k) != 0) {
            j++;
        }
        if (j < c->n) {
            c->v[j].type = join(c->v[j].type, t);
        } else if (!push(c, k, t, ALLYNET__FIELD_ATTR)) {
            return false;
        }
    }
    return true;
}

allynet_status allynet__columns_of(const allynet_graph *g, bool ties, allynet__columns *out,
                                   allynet_error *err) {
    memset(out, 0, sizeof *out);
    bool ok;
    if (ties) {
        ok = push(out, "weight", ALLYNET__COL_DOUBLE, ALLYNET__FIELD_WEIGHT) &&
             push(out, "sign", ALLYNET__COL_LONG, ALLYNET__FIELD_SIGN) &&
             push(out, "relation", ALLYNET__COL_STRING, ALLYNET__FIELD_RELATION) &&
             push(out, "events", ALLYNET__COL_LONG, ALLYNET__FIELD_EVENTS) &&
             push(out, "evidence", ALLYNET__COL_JSON, ALLYNET__FIELD_EVIDENCE);
    } else {
        ok = push(out, "name", ALLYNET__COL_STRING, ALLYNET__FIELD_NAME) &&
             push(out, "kind", ALLYNET__COL_STRING, ALLYNET__FIELD_KIND);
    }
    size_t first = out->n;
    size_t n = ties ? allynet_graph_tie_count(g) : allynet_graph_actor_count(g);
    for (size_t i = 0; i < n && ok; i++) {
        const json_t *attrs =
            ties ? allynet_graph_tie(g, i)->attrs : allynet_graph_actor(g, i)->attrs;
        ok = attrs == NULL || add_attr_columns(out, first, attrs, ties);
    }
    return ok ? ALLYNET_OK : allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}

allynet_status allynet__columns_of_object(const json_t *obj, allynet__columns *out,
                                          allynet_error *err) {
    memset(out, 0, sizeof *out);
    return add_attr_columns(out, 0, obj, false)
               ? ALLYNET_OK
               : allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}

void allynet__columns_destroy(allynet__columns *c) {
    free(c->v);
    memset(c, 0, sizeof *c);
}

void allynet__real_format(char buf[40], double x) {
    for (int p = 15; p <= 17; p++) {
        snprintf(buf, 40, "%.*g", p, x);
        if (strtod(buf, NULL) == x) {
            break;
        }
    }
}

static char *real_text(double x) {
    char buf[40];
    allynet__real_format(buf, x);
    return strdup(buf);
}

char *allynet__value_text(const json_t *v, allynet__coltype t) {
    char buf[32];
    switch (t) {
    case ALLYNET__COL_STRING:
        return json_is_string(v) ? strdup(json_string_value(v)) : NULL;
    case ALLYNET__COL_LONG:
        snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return json_is_integer(v) ? strdup(buf) : NULL;
    case ALLYNET__COL_DOUBLE:
        return json_is_number(v) ? real_text(json_number_value(v)) : NULL;
    case ALLYNET__COL_BOOL:
        return json_is_boolean(v) ? strdup(json_is_true(v) ? "true" : "false") : NULL;
    default:
        return json_is_null(v)
                   ? NULL
                   : json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | ALLYNET__JSON_FLAGS);
    }
}

static bool tie_text(const allynet_tie *t, const allynet__column *c, char **out) {
    char buf[32];
    switch (c->field) {
    case ALLYNET__FIELD_WEIGHT:
        return (*out = real_text(t->weight)) != NULL;
    case ALLYNET__FIELD_SIGN:
        snprintf(buf, sizeof buf, "%d", t->weight > 0 ? 1 : t->weight < 0 ? -1 : 0);
        return (*out = strdup(buf)) != NULL;
    case ALLYNET__FIELD_RELATION:
        return t->relation == NULL || (*out = strdup(t->relation)) != NULL;
    case ALLYNET__FIELD_EVENTS:
        snprintf(buf, sizeof buf, "%ld", t->events);
        return (*out = strdup(buf)) != NULL;
    case ALLYNET__FIELD_EVIDENCE:
        if (t->evidence_text) {
            return (*out = strdup(t->evidence_text)) != NULL;
        }
        return t->evidence == NULL ||
               (*out = json_dumps(t->evidence, JSON_COMPACT | ALLYNET__JSON_FLAGS)) != NULL;
    default: {
        json_t *v = t->attrs ? json_object_get(t->attrs, c->name) : NULL;
        return v == NULL || json_is_null(v) || (*out = allynet__value_text(v, c->type)) != NULL;
    }
    }
}

bool allynet__column_text(const allynet_graph *g, bool tie, size_t i, const allynet__column *c,
                          char **out) {
    *out = NULL;
    if (tie) {
        return tie_text(allynet_graph_tie(g, i), c, out);
    }
    const allynet_actor *a = allynet_graph_actor(g, i);
    const char *s = c->field == ALLYNET__FIELD_NAME   ? a->name
                    : c->field == ALLYNET__FIELD_KIND ? a->kind
                                                      : NULL;
    if (c->field != ALLYNET__FIELD_ATTR) {
        return s == NULL || (*out = strdup(s)) != NULL;
    }
    json_t *v = a->attrs ? json_object_get(a->attrs, c->name) : NULL;
    return v == NULL || json_is_null(v) || (*out = allynet__value_text(v, c->type)) != NULL;
}

static allynet_status bad_value(const char *text, const char *what, const char *expect,
                                allynet_error *err) {
    return allynet_error_set(err, ALLYNET_E_INPUT, NULL, 0, 0, "%s: \"%.60s\" is not %s", what,
                             text, expect);
}

static allynet_status number_value(const char *text, bool whole, const char *what, json_t **out,
                                   allynet_error *err) {
    char *end;
    errno = 0;
    if (whole) {
        long long v = strtoll(text, &end, 10);
        if (end == text || *end != '\0' || errno != 0) {
            return bad_value(text, what, "a whole number", err);
        }
        *out = json_integer(v);
    } else {
        double v = strtod(text, &end);
        if (end == text || *end != '\0' || !isfinite(v)) {
            return bad_value(text, what, "a finite number", err);
        }
        *out = json_real(v);
    }
    return ALLYNET_OK;
}

allynet_status allynet__typed_value(const char *text, allynet__coltype t, const char *what,
                                    json_t **out, allynet_error *err) {
    *out = NULL;
    allynet_status st = ALLYNET_OK;
    if (t == ALLYNET__COL_LONG || t == ALLYNET__COL_DOUBLE) {
        size_t n = strspn(text, " \t\r\n");
        st = number_value(text + n, t == ALLYNET__COL_LONG, what, out, err);
    } else if (t == ALLYNET__COL_BOOL) {
        bool yes = strcmp(text, "true") == 0 || strcmp(text, "1") == 0;
        if (!yes && strcmp(text, "false") != 0 && strcmp(text, "0") != 0) {
            return bad_value(text, what, "true or false", err);
        }
        *out = json_boolean(yes);
    } else if (t == ALLYNET__COL_JSON) {
        *out = json_loads(text, JSON_DECODE_ANY, NULL);
        if (*out == NULL) {
            *out = json_string(text);
        }
    } else {
        *out = json_string(text);
    }
    if (st == ALLYNET_OK && *out == NULL) {
        st = allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    return st;
}

allynet_status allynet__set_typed(json_t *data, const char *name, const char *text,
                                  allynet__coltype t, const char *source, int line,
                                  allynet_error *err) {
    json_t *v = NULL;
    allynet_error e = {0};
    if (allynet__typed_value(text, t, name, &v, &e) != ALLYNET_OK) {
        return allynet_error_set(err, e.code, source, line, 0, "%s", e.text);
    }
    return json_object_set_new(data, name, v) == 0
               ? ALLYNET_OK
               : allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}

const char *allynet__coltype_xml(allynet__coltype t) {
    switch (t) {
    case ALLYNET__COL_LONG:
        return "long";
    case ALLYNET__COL_DOUBLE:
        return "double";
    case ALLYNET__COL_BOOL:
        return "boolean";
    default:
        return "string";
    }
}

allynet__coltype allynet__coltype_named(const char *t, const char *id) {
    static const char *const longs[] = {"int", "integer", "long", "short", "byte", NULL};
    static const char *const reals[] = {"float", "double", "bigdecimal", NULL};
    for (int i = 0; t && longs[i]; i++) {
        if (strcmp(t, longs[i]) == 0) {
            return ALLYNET__COL_LONG;
        }
    }
    for (int i = 0; t && reals[i]; i++) {
        if (strcmp(t, reals[i]) == 0) {
            return ALLYNET__COL_DOUBLE;
        }
    }
    if (t && strcmp(t, "boolean") == 0) {
        return ALLYNET__COL_BOOL;
    }
    return strncmp(id, "json.", 5) == 0 ? ALLYNET__COL_JSON : ALLYNET__COL_STRING;
}
