/* render_metrics.c — the igraph centralities a diagram can size its nodes by: betweenness (who
 * stands between others, whatever the sign) and PageRank (who receives cooperation). */
#include "analysis/igraph_glue.h"
#include "render.h"

static allynet_status betweenness(const allynet_graph *g, igraph_vector_t *res,
                                  allynet_error *err) {
    igraph_t ig;
    allynet_status st = allynet__to_igraph(g, ALLYNET_TIES_ALL, false, true, &ig, NULL, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    igraph_error_t rc = igraph_betweenness(&ig, res, igraph_vss_all(), false, NULL);
    igraph_destroy(&ig);
    return rc == IGRAPH_SUCCESS ? ALLYNET_OK : allynet__igraph_fail(rc, "betweenness", err);
}

static allynet_status pagerank(const allynet_graph *g, igraph_vector_t *res, allynet_error *err) {
    igraph_t ig;
    igraph_vector_t w;
    if (igraph_vector_init(&w, 0) != IGRAPH_SUCCESS) {
        return allynet__igraph_fail(IGRAPH_ENOMEM, "PageRank", err);
    }
    allynet_status st = allynet__to_igraph(g, ALLYNET_TIES_POSITIVE, true, false, &ig, &w, err);
    if (st != ALLYNET_OK) {
        igraph_vector_destroy(&w);
        return st;
    }
    igraph_real_t value = 0;
    igraph_error_t rc = igraph_pagerank(&ig, IGRAPH_PAGERANK_ALGO_PRPACK, res, &value,
                                        igraph_vss_all(), true, 0.85, &w, NULL);
    igraph_destroy(&ig);
    igraph_vector_destroy(&w);
    return rc == IGRAPH_SUCCESS ? ALLYNET_OK : allynet__igraph_fail(rc, "PageRank", err);
}

allynet_status allynet__render_centrality(const allynet_graph *g, allynet_size_by which,
                                          double *out, allynet_error *err) {
    size_t n = allynet_graph_actor_count(g);
    igraph_vector_t res;
    if (igraph_vector_init(&res, 0) != IGRAPH_SUCCESS) {
        return allynet__igraph_fail(IGRAPH_ENOMEM, "centrality", err);
    }
    allynet_status st =
        which == ALLYNET_SIZE_PAGERANK ? pagerank(g, &res, err) : betweenness(g, &res, err);
    for (size_t i = 0; st == ALLYNET_OK && i < n; i++) {
        out[i] = VECTOR(res)[(igraph_integer_t)i];
    }
    igraph_vector_destroy(&res);
    return st;
}
