/* communities_json.c — scoring a partition (ordinary and signed modularity) and writing it as
 * JSON with members listed by id. */
#include "analysis.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Modularity of one sign's ties (as |w|, directed when g is); NaN without such ties. *total
 * receives their total weight. */
static allynet_status part_modularity(const allynet_graph *g, const size_t *membership,
                                      allynet_tie_select sel, double *q, double *total,
                                      allynet_error *err) {
    allynet__view v;
    allynet_status st = allynet__view_init(&v, g, sel, true, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    *total = igraph_vector_sum(&v.strength);
    *q = NAN;
    igraph_vector_int_t mem;
    if (igraph_vector_int_init(&mem, (igraph_integer_t)allynet_graph_actor_count(g)) !=
        IGRAPH_SUCCESS) {
        allynet__view_destroy(&v);
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t i = 0; i < allynet_graph_actor_count(g); i++) {
        VECTOR(mem)[i] = (igraph_integer_t)membership[i];
    }
    igraph_error_t rc = IGRAPH_SUCCESS;
    if (*total > 0) {
        rc = igraph_modularity(&v.graph, &mem, &v.strength, 1.0, v.directed, q);
    }
    igraph_vector_int_destroy(&mem);
    allynet__view_destroy(&v);
    return rc == IGRAPH_SUCCESS ? ALLYNET_OK : allynet__igraph_fail(rc, "modularity", err);
}

allynet_status allynet_signed_modularity(const allynet_graph *g, const size_t *membership,
                                         double *out, double *pos, allynet_error *err) {
    double qp, qn, wp, wn;
    allynet_status st = part_modularity(g, membership, ALLYNET_SELECT_POSITIVE, &qp, &wp, err);
    if (st == ALLYNET_OK) {
        st = part_modularity(g, membership, ALLYNET_SELECT_NEGATIVE, &qn, &wn, err);
    }
    if (st != ALLYNET_OK) {
        return st;
    }
    *pos = qp;
    if (wp + wn == 0) {
        *out = NAN;
    } else {
        *out = ((wp > 0 ? wp * qp : 0) - (wn > 0 ? wn * qn : 0)) / (wp + wn);
    }
    return ALLYNET_OK;
}

static json_t *number(double v) {
    return isfinite(v) ? json_real(v) : json_null();
}

static int by_id(const void *pa, const void *pb, void *data) {
    const allynet_graph *g = data;
    return strcmp(allynet_graph_actor(g, *(const size_t *)pa)->id,
                  allynet_graph_actor(g, *(const size_t *)pb)->id);
}

/* membership {id: group} and groups [{group, size, members}] in id order. */
static bool members_json(const allynet_graph *g, const allynet_communities *c, json_t *root) {
    size_t *order = malloc((c->n + 1) * sizeof *order);
    json_t *mem = json_object(), *groups = json_array();
    bool ok = order && mem && groups && json_object_set(root, "membership", mem) == 0 &&
              json_object_set(root, "groups", groups) == 0;
    for (size_t i = 0; ok && i < c->n; i++) {
        order[i] = i;
    }
    if (ok) {
        qsort_r(order, c->n, sizeof *order, by_id, (void *)g);
    }
    for (size_t k = 0; ok && k < c->count; k++) {
        ok = json_array_append_new(groups, json_pack("{s:I, s:I, s:[]}", "group", (json_int_t)k,
                                                     "size", (json_int_t)0, "members")) == 0;
    }
    for (size_t i = 0; ok && i < c->n; i++) {
        const char *id = allynet_graph_actor(g, order[i])->id;
        size_t k = c->membership[order[i]];
        json_t *grp = json_array_get(groups, k);
        ok = json_object_set_new(mem, id, json_integer((json_int_t)k)) == 0 &&
             json_array_append_new(json_object_get(grp, "members"), json_string(id)) == 0 &&
             json_object_set_new(
                 grp, "size", json_integer(json_integer_value(json_object_get(grp, "size")) + 1)) ==
                 0;
    }
    free(order);
    json_decref(mem);
    json_decref(groups);
    return ok;
}

json_t *allynet_communities_to_json(const allynet_graph *g, const allynet_communities *c) {
    const char *name = allynet_graph_name(g), *date = allynet_graph_date(g);
    json_t *root = json_pack(
        "{s:s*, s:s*, s:s, s:I, s:o, s:o, s:{s:f, s:o, s:f, s:f}, s:I}", "name", name, "date", date,
        "method", allynet_comm_method_name(c->method), "count", (json_int_t)c->count, "modularity",
        number(c->modularity), "signed_modularity", number(c->signed_modularity), "criterion",
        "alpha", c->alpha, "value", number(c->criterion), "neg_within", c->neg_within,
        "pos_between", c->pos_between, "seed", (json_int_t)c->seed);
    if (root == NULL) {
        return NULL;
    }
    bool ok = c->method != ALLYNET_COMM_BLOCS ||
              json_object_set_new(root, "optima", json_integer((json_int_t)c->optima)) == 0;
    ok = ok && json_object_set(root, "treatment", c->treatment) == 0 && members_json(g, c, root);
    if (!ok) {
        json_decref(root);
        return NULL;
    }
    return root;
}
