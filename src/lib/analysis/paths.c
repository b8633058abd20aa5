/* paths.c — betweenness, closeness and harmonic centrality in one pass: one Dijkstra per source
 * on lengths 1/|w| (Brandes 2001 for betweenness), instead of igraph's three separate all-pairs
 * passes. Sources can be split over two processes (igraph in Debian is not thread-safe, and this
 * code shares nothing, so a fork is simple and safe).
 *
 * Path lengths are compared with a relative tolerance of 1e-10, as igraph does, so that
 * 1/3 + 1/6 and 1/2 count as the same length. Closeness and harmonic here are "out" (distances
 * from the source); undirected views give both directions. */
#include "analysis.h"
#include "heap.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct {
    size_t n;
    size_t *out_start, *out_to; /* forward CSR */
    double *out_len;
    size_t *in_start, *in_from; /* reverse CSR, for the dependency accumulation */
    double *in_len;
} csr;

static void csr_free(csr *c) {
    free(c->out_start);
    free(c->out_to);
    free(c->out_len);
    free(c->in_start);
    free(c->in_from);
    free(c->in_len);
}

/* Fills one CSR direction from edge ends a -> b (both ways when undirected). */
static void fill(const allynet__view *v, bool reverse, size_t *start, size_t *to, double *len) {
    igraph_integer_t m = igraph_ecount(&v->graph);
    size_t n = (size_t)igraph_vcount(&v->graph);
    memset(start, 0, (n + 2) * sizeof *start);
    for (int pass = 0; pass < 2; pass++) {
        for (igraph_integer_t e = 0; e < m; e++) {
            size_t a = (size_t)IGRAPH_FROM(&v->graph, e), b = (size_t)IGRAPH_TO(&v->graph, e);
            for (int dir = 0; dir < (v->directed ? 1 : 2); dir++) {
                size_t s = (dir != reverse) ? b : a, t = (dir != reverse) ? a : b;
                if (pass == 0) {
                    start[s + 2]++;
                } else {
                    size_t i = start[s + 1]++;
                    to[i] = t;
                    len[i] = VECTOR(v->length)[e];
                }
            }
        }
        for (size_t i = 0; pass == 0 && i < n; i++) {
            start[i + 2] += start[i + 1];
        }
    }
}

static bool csr_build(const allynet__view *v, csr *c) {
    size_t n = (size_t)igraph_vcount(&v->graph), m = (size_t)igraph_ecount(&v->graph) * 2 + 1;
    memset(c, 0, sizeof *c);
    c->n = n;
    c->out_start = malloc((n + 2) * sizeof *c->out_start);
    c->in_start = malloc((n + 2) * sizeof *c->in_start);
    c->out_to = malloc(m * sizeof *c->out_to);
    c->in_from = malloc(m * sizeof *c->in_from);
    c->out_len = malloc(m * sizeof *c->out_len);
    c->in_len = malloc(m * sizeof *c->in_len);
    if (!c->out_start || !c->in_start || !c->out_to || !c->in_from || !c->out_len || !c->in_len) {
        csr_free(c);
        return false;
    }
    fill(v, false, c->out_start, c->out_to, c->out_len);
    fill(v, true, c->in_start, c->in_from, c->in_len);
    return true;
}

/* ---- a binary min-heap of (distance, vertex) with lazy deletion */
typedef struct {
    double d;
    size_t v;
} item;

static bool closer(item a, item b) {
    return a.d < b.d;
}

ALLYNET__HEAP(heap, item, closer)

/* Sources timed before the cost estimate. */
#define CALIBRATE 8

static bool same(double a, double b) {
    return fabs(a - b) <= 1e-10 * fmax(fabs(a), fabs(b));
}

typedef struct {
    double *dist, *sigma, *delta;
    size_t *order;
    item *heap;
} work;

/* One source: Dijkstra, then the dependency accumulation into btw (w->delta keeps each vertex's
 * dependency on s); *clo and *har receive the closeness and harmonic centrality of s. */
static void one_source(const csr *c, size_t s, work *w, double *btw, double *clo, double *har) {
    size_t n = c->n, settled = 0, hl = 0;
    for (size_t i = 0; i < n; i++) {
        w->dist[i] = INFINITY;
        w->sigma[i] = 0;
        w->delta[i] = 0;
    }
    w->dist[s] = 0;
    w->sigma[s] = 1;
    heap_push(w->heap, &hl, (item){0, s});
    double sum = 0, inv = 0;
    while (hl > 0) {
        item it = heap_pop(w->heap, &hl);
        size_t u = it.v;
        if (it.d > w->dist[u] || w->sigma[u] < 0) {
            continue; /* stale entry, or already settled */
        }
        w->order[settled++] = u;
        sum += w->dist[u];
        inv += u == s ? 0 : 1 / w->dist[u];
        double su = w->sigma[u];
        w->sigma[u] = -su; /* mark settled; restored below */
        for (size_t e = c->out_start[u]; e < c->out_start[u + 1]; e++) {
            size_t t = c->out_to[e];
            double alt = w->dist[u] + c->out_len[e];
            if (w->sigma[t] < 0) {
                continue;
            }
            if (w->dist[t] == INFINITY || (alt < w->dist[t] && !same(alt, w->dist[t]))) {
                w->dist[t] = alt;
                w->sigma[t] = su;
                heap_push(w->heap, &hl, (item){alt, t});
            } else if (same(alt, w->dist[t])) {
                w->sigma[t] += su;
            }
        }
    }
    for (size_t i = 0; i < settled; i++) {
        w->sigma[w->order[i]] = -w->sigma[w->order[i]];
    }
    for (size_t i = settled; i-- > 1;) {
        size_t t = w->order[i];
        double f = (1 + w->delta[t]) / w->sigma[t];
        for (size_t e = c->in_start[t]; e < c->in_start[t + 1]; e++) {
            size_t u = c->in_from[e];
            if (w->dist[u] != INFINITY && same(w->dist[u] + c->in_len[e], w->dist[t])) {
                w->delta[u] += w->sigma[u] * f;
            }
        }
        btw[t] += w->delta[t];
    }
    *clo = settled > 1 ? (double)(settled - 1) / sum : NAN;
    *har = n > 1 ? inv / (double)(n - 1) : NAN;
}

/* Distances only, along the out lists (dir 0), the in lists (1) or both (2), into w->dist;
 * w->order receives the settled vertices. Returns how many were settled. */
static size_t distances(const csr *c, size_t s, int dir, work *w) {
    size_t settled = 0, hl = 0;
    for (size_t i = 0; i < c->n; i++) {
        w->dist[i] = INFINITY;
        w->sigma[i] = 0; /* 1 once settled */
    }
    w->dist[s] = 0;
    heap_push(w->heap, &hl, (item){0, s});
    while (hl > 0) {
        item it = heap_pop(w->heap, &hl);
        size_t u = it.v;
        if (w->sigma[u] != 0 || it.d > w->dist[u]) {
            continue;
        }
        w->sigma[u] = 1;
        w->order[settled++] = u;
        for (int side = 0; side < 2; side++) {
            if (dir != 2 && dir != side) {
                continue;
            }
            const size_t *start = side ? c->in_start : c->out_start;
            const size_t *to = side ? c->in_from : c->out_to;
            const double *len = side ? c->in_len : c->out_len;
            for (size_t e = start[u]; e < start[u + 1]; e++) {
                double alt = w->dist[u] + len[e];
                if (alt < w->dist[to[e]]) {
                    w->dist[to[e]] = alt;
                    heap_push(w->heap, &hl, (item){alt, to[e]});
                }
            }
        }
    }
    return settled;
}

/* A sampled source p: Brandes' dependencies delta_p(v) summed into sum[0..n) and their squares
 * into sum[n..2n); then the distances closeness reads (job->reach), summed per reached vertex
 * v != p into sum[2n..3n) (distance), sum[3n..4n) (count) and sum[4n..5n) (1/distance). */
static void one_pivot(const csr *c, const allynet__paths_job *job, size_t p, work *w, double *sum) {
    size_t n = c->n;
    double clo = 0, har = 0;
    one_source(c, p, w, sum, &clo, &har); /* p's own closeness is not what is estimated */
    for (size_t v = 0; v < n; v++) {
        sum[n + v] += v == p ? 0 : w->delta[v] * w->delta[v]; /* p's own is not counted */
    }
    size_t settled = job->reach == 0 ? 0 : distances(c, p, job->reach, w);
    if (job->reach == 0) { /* the forward distances one_source left */
        for (size_t v = 0; v < n; v++) {
            w->order[settled] = v;
            settled += w->dist[v] != INFINITY;
        }
    }
    for (size_t i = 0; i < settled; i++) {
        size_t v = w->order[i];
        if (v != p) {
            sum[2 * n + v] += w->dist[v];
            sum[3 * n + v] += 1;
            sum[4 * n + v] += 1 / w->dist[v];
        }
    }
}

/* The job's sources from, from + step, ... (positions in its list); out holds 3n exact values
 * or 5n sampled sums (see allynet__paths_run), zeroed by the caller. `report`: this process
 * tells the progress handler and the job's `first` hook. */
static bool sources(const csr *c, const allynet__paths_job *job, size_t from, size_t step,
                    bool report, double *out) {
    size_t n = c->n, m = c->out_start[n] + 1, count = job->sources ? job->count : n;
    work w = {malloc((n + 1) * sizeof(double)), malloc((n + 1) * sizeof(double)),
              malloc((n + 1) * sizeof(double)), malloc((n + 1) * sizeof(size_t)),
              malloc((2 * m + n + 1) * sizeof(item))};
    bool ok = w.dist && w.sigma && w.delta && w.order && w.heap;
    double t0 = allynet__seconds();
    for (size_t k = from; ok && k < count; k += step) {
        size_t s = job->sources ? job->sources[k] : k;
        if (job->sampled) {
            one_pivot(c, job, s, &w, out);
        } else {
            one_source(c, s, &w, out, out + n + s, out + 2 * n + s);
        }
        size_t done = (k - from) / step + 1; /* the estimate averages the first CALIBRATE */
        if (report && job->first &&
            (done == CALIBRATE || (done < CALIBRATE && k + step >= count))) {
            job->first(job, (allynet__seconds() - t0) / (double)done);
        }
        if (report && (k / step) % 16 == 0) {
            allynet__progress_tell(job->task, (double)k, (double)count);
        }
    }
    if (report) {
        allynet__progress_tell(job->task, (double)count, (double)count);
    }
    free(w.dist);
    free(w.sigma);
    free(w.delta);
    free(w.order);
    free(w.heap);
    return ok;
}

static bool write_all(int fd, const void *buf, size_t len) {
    for (size_t done = 0; done < len;) {
        ssize_t k = write(fd, (const char *)buf + done, len - done);
        if (k <= 0) {
            return false;
        }
        done += (size_t)k;
    }
    return true;
}

static bool read_all(int fd, void *buf, size_t len) {
    for (size_t done = 0; done < len;) {
        ssize_t k = read(fd, (char *)buf + done, len - done);
        if (k <= 0) {
            return false;
        }
        done += (size_t)k;
    }
    return true;
}

/* Odd positions in a child, even ones here; false when the child failed (then out is partial).
 * Exact values of a source come from the process that ran it; sampled sums add up. */
static bool two_processes(const csr *c, const allynet__paths_job *job, size_t width, double *out,
                          double *theirs) {
    int p[2];
    if (pipe(p) != 0) {
        return false;
    }
    size_t bytes = width * c->n * sizeof *out;
    pid_t pid = fork();
    if (pid < 0) {
        close(p[0]);
        close(p[1]);
        return false;
    }
    if (pid == 0) {
        close(p[0]);
        allynet__progress_mute();
        bool ok = sources(c, job, 1, 2, false, theirs) && write_all(p[1], theirs, bytes);
        _exit(ok ? 0 : 1);
    }
    close(p[1]);
    bool ok = sources(c, job, 0, 2, true, out) && read_all(p[0], theirs, bytes);
    close(p[0]);
    int status = 0;
    ok = waitpid(pid, &status, 0) == pid && ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    for (size_t i = 0; ok && job->sampled && i < width * c->n; i++) {
        out[i] += theirs[i];
    }
    for (size_t i = 0; ok && !job->sampled && i < c->n; i++) {
        out[i] += theirs[i];
        out[c->n + i] = (i % 2) ? theirs[c->n + i] : out[c->n + i];
        out[2 * c->n + i] = (i % 2) ? theirs[2 * c->n + i] : out[2 * c->n + i];
    }
    return ok;
}

bool allynet__paths_run(const allynet__paths_job *job, double *out) {
    const allynet__view *v = job->v;
    csr c;
    size_t n = (size_t)igraph_vcount(&v->graph), width = job->sampled ? 5 : 3;
    size_t count = job->sources ? job->count : n;
    if (!csr_build(v, &c)) {
        return false;
    }
    double *theirs = calloc(width * n + 1, sizeof *theirs);
    memset(out, 0, width * n * sizeof *out);
    bool ok = theirs != NULL;
    if (ok && job->workers > 1 && count > 200) {
        ok = two_processes(&c, job, width, out, theirs);
        if (!ok) { /* fall back to one process */
            memset(out, 0, width * n * sizeof *out);
            ok = sources(&c, job, 0, 1, true, out);
        }
    } else if (ok) {
        ok = sources(&c, job, 0, 1, true, out);
    }
    for (size_t i = 0; ok && !v->directed && i < n; i++) {
        out[i] /= 2;                        /* each unordered pair was counted from both ends */
        out[n + i] /= job->sampled ? 4 : 1; /* squares of the halved dependencies */
    }
    free(theirs);
    csr_free(&c);
    return ok;
}

bool allynet__paths(const allynet__view *v, int workers, double *out) {
    allynet__paths_job job = {
        .v = v, .workers = workers, .task = "shortest paths", .first = allynet__paths_exact_note};
    return allynet__paths_run(&job, out);
}
