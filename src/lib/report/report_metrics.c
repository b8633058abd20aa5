/* report_metrics.c — the report's per-snapshot "metrics" section (the leading actors by a few
 * centralities, with their weight treatment) and "communities" section (the two signed blocs and
 * the Leiden communities, with signed modularity). */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { TOP = 5 };

static const struct {
    const char *key, *title;
} shown[] = {
    {"pagerank", "PageRank (+)"},
    {"betweenness", "betweenness (+, 1/w)"},
    {"harmonic", "harmonic (+, 1/w)"},
    {"pn", "PN (signed)"},
    {"signed_eigenvector", "signed eigenvector"},
};
enum { N_SHOWN = sizeof shown / sizeof *shown };

static void cell(FILE *md, const allynet_graph *g, const allynet_metrics *m, const size_t *order,
                 size_t rank, const char *key) {
    double v = NAN;
    if (rank < m->n) {
        allynet_metrics_value(&m->actors[order[rank]], key, &v);
    }
    if (rank < m->n && isfinite(v)) {
        fprintf(md, " %s %.3g |", allynet__md(allynet_graph_actor(g, order[rank])->id), v);
    } else {
        fprintf(md, " – |");
    }
}

static allynet_status metrics_table(FILE *md, const allynet_graph *g, const allynet_metrics *m,
                                    allynet_error *err) {
    size_t *order[N_SHOWN] = {0};
    allynet_status st = ALLYNET_OK;
    for (size_t k = 0; k < N_SHOWN && st == ALLYNET_OK; k++) {
        st = allynet_metrics_order(g, m, shown[k].key, &order[k], err);
    }
    if (st == ALLYNET_OK) {
        fprintf(md, "| rank |");
        for (size_t k = 0; k < N_SHOWN; k++) {
            fprintf(md, " %s |", shown[k].title);
        }
        fprintf(md, "\n|---:|");
        for (size_t k = 0; k < N_SHOWN; k++) {
            fprintf(md, "---|");
        }
        for (size_t r = 0; r < TOP && r < m->n; r++) {
            fprintf(md, "\n| %zu |", r + 1);
            for (size_t k = 0; k < N_SHOWN; k++) {
                cell(md, g, m, order[k], r, shown[k].key);
            }
        }
        fprintf(md, "\n\n(+): cooperative ties only; 1/w: tie weight read as a length. PN and "
                    "the signed eigenvector read every tie with its sign; opposite signs of the "
                    "signed eigenvector mean opposite sides. Full table: `allynet metrics`.\n\n");
    }
    for (size_t k = 0; k < N_SHOWN; k++) {
        free(order[k]);
    }
    return st;
}

allynet_status allynet__report_metrics(const allynet_report_item *it, json_t *out, FILE *md,
                                       allynet_error *err) {
    allynet_metrics *m = NULL;
    allynet_status st = allynet_metrics_compute(it->graph, NULL, &m, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    json_t *j = allynet_metrics_to_json(it->graph, m, NULL);
    if (j == NULL || json_object_set_new(out, "metrics", j) != 0) {
        st = allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    } else if (m->n == 0) {
        fprintf(md, "No actors.\n\n");
    } else {
        st = metrics_table(md, it->graph, m, err);
    }
    allynet_metrics_free(m);
    return st;
}

static void groups_md(FILE *md, const json_t *c) {
    json_t *grp, *id;
    size_t i, k;
    json_array_foreach(json_object_get(c, "groups"), i, grp) {
        fprintf(md, "- group %zu:", i);
        json_array_foreach(json_object_get(grp, "members"), k, id) {
            fprintf(md, " %s", allynet__md(json_string_value(id)));
        }
        fputc('\n', md);
    }
    fputc('\n', md);
}

/* Runs one method; an input the method cannot take becomes a note, not a failure. */
static allynet_status one(const allynet_report_item *it, allynet_comm_method method,
                          const char *key, const char *title, json_t *out, FILE *md,
                          allynet_error *err) {
    allynet_communities_options o;
    allynet_communities_options_init(&o);
    o.method = method;
    allynet_communities *c = NULL;
    allynet_error e = {0};
    allynet_status st = allynet_communities_compute(it->graph, &o, &c, &e);
    if (st == ALLYNET_E_INPUT) {
        fprintf(md, "%s: not computed (%s).\n\n", title, allynet__md(e.text));
        return ALLYNET_OK;
    }
    if (st != ALLYNET_OK) {
        return allynet_error_set(err, st, NULL, 0, 0, "%s", e.text);
    }
    json_t *j = allynet_communities_to_json(it->graph, c);
    if (j == NULL || json_object_set_new(out, key, j) != 0) {
        allynet_communities_free(c);
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    fprintf(md, "%s: %zu group%s, signed modularity of these groups %.3f", title, c->count,
            c->count == 1 ? "" : "s", c->signed_modularity);
    if (method == ALLYNET_COMM_BLOCS) {
        fprintf(md,
                ", criterion %.3g (α = %.2f). This partition is not the report's split: the "
                "opposing blocs used by the overview, the balance and the alignment sections "
                "and report.html are the frustration bipartition (Structural balance)",
                c->criterion, c->alpha);
    } else {
        fprintf(md,
                "; modularity of the cooperative ties %.3f (the \"modularity\" of the "
                "timeline and the comparisons)",
                c->modularity);
    }
    fprintf(md, ".\n\n");
    groups_md(md, j);
    allynet_communities_free(c);
    return ALLYNET_OK;
}

allynet_status allynet__report_communities(const allynet_report_item *it, json_t *out, FILE *md,
                                           allynet_error *err) {
    allynet_status st = one(it, ALLYNET_COMM_BLOCS, "communities",
                            "Doreian–Mrvar partition into two groups", out, md, err);
    if (st == ALLYNET_OK) {
        st = one(it, ALLYNET_COMM_LEIDEN, "communities_leiden",
                 "Leiden communities of cooperative ties", out, md, err);
    }
    return st;
}
