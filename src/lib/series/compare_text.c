/* compare_text.c — a comparison document (see compare_json.c) for people: a plain-text summary
 * for the terminal, or Markdown for the report. */
#include "core/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static double num(const json_t *o, const char *key) {
    const json_t *v = json_object_get(o, key);
    return json_is_number(v) ? json_number_value(v) : NAN;
}

static const char *str(const json_t *o, const char *key) {
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

/* A value from input as the output needs it: escaped for Markdown, as it is for the terminal. */
static const char *text(bool md, const char *s) {
    return md ? allynet__md(s) : s;
}

static void side(FILE *f, bool md, const char *label, const json_t *s) {
    const char *name = str(s, "name"), *date = str(s, "date");
    fprintf(f, md ? "- **%s** %s" : "%s  %s", label, *name ? text(md, name) : "(unnamed)");
    if (*date) {
        fprintf(f, " (%s)", text(md, date));
    }
    fprintf(f, ": %lld actors, %lld ties\n", (long long)num(s, "actors"),
            (long long)num(s, "ties"));
}

static void label(FILE *f, bool md, const char *text) {
    fprintf(f, md ? "- **%s** " : "%-9s ", text);
}

static void summary(FILE *f, bool md, const json_t *cmp) {
    const json_t *s = json_object_get(cmp, "summary"), *t = json_object_get(cmp, "threshold");
    label(f, md, "actors");
    fprintf(f, "%lld in common, %lld entered, %lld left\n", (long long)num(s, "actors_common"),
            (long long)num(s, "actors_entered"), (long long)num(s, "actors_left"));
    label(f, md, "ties");
    fprintf(f,
            "%lld added, %lld removed, %lld sign-flipped, %lld strengthened, %lld "
            "weakened, %lld unchanged (threshold %g%s)\n",
            (long long)num(s, "added"), (long long)num(s, "removed"),
            (long long)num(s, "sign_flipped"), (long long)num(s, "strengthened"),
            (long long)num(s, "weakened"), (long long)num(s, "unchanged"),
            json_is_true(json_object_get(t, "relative")) ? 100 * num(t, "value") : num(t, "value"),
            json_is_true(json_object_get(t, "relative")) ? "%" : "");
    const json_t *d = json_object_get(cmp, "distance");
    label(f, md, "distance");
    fprintf(f,
            "Jaccard + %.3f, Jaccard − %.3f, weighted Jaccard %.3f, L1 %.3f "
            "(normalised %.3f), Frobenius %.3f (normalised %.3f)\n",
            num(d, "jaccard_pos"), num(d, "jaccard_neg"), num(d, "weighted_jaccard"), num(d, "l1"),
            num(d, "l1_normalized"), num(d, "frobenius"), num(d, "frobenius_normalized"));
}

static void figure_line(FILE *f, bool md, const json_t *net, const char *key) {
    double a = num(json_object_get(net, "a"), key), b = num(json_object_get(net, "b"), key);
    if (isnan(a) && isnan(b)) {
        return; /* not available */
    }
    fprintf(f, md ? "| %s | %.4g | %.4g | %+.4g |\n" : "  %-14s %10.4g %10.4g %+10.4g\n", key, a, b,
            b - a);
}

static void network(FILE *f, bool md, const json_t *cmp) {
    static const char *const keys[] = {"density",    "balance_ratio", "frustration",
                                       "modularity", "polarization",  "blocs"};
    const json_t *net = json_object_get(cmp, "network");
    fprintf(f,
            md ? "\n| figure | A | B | change |\n|---|---:|---:|---:|\n"
               : "\n  %-14s %10s %10s %10s\n",
            "figure", "A", "B", "change");
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        figure_line(f, md, net, keys[i]);
    }
    if (md) {
        fputs("\nmodularity: ordinary modularity of the Leiden communities of cooperative ties; "
              "blocs: their number; polarization: mean |profile alignment|.\n",
              f);
    }
}

static void communities(FILE *f, bool md, const json_t *cmp) {
    const json_t *c = json_object_get(cmp, "communities");
    fputc('\n', f);
    label(f, md, "blocs");
    fprintf(f, "%lld -> %lld (%s)", (long long)num(c, "blocs_a"), (long long)num(c, "blocs_b"),
            str(c, "method"));
    if (json_is_string(json_object_get(c, "reason"))) {
        fprintf(f, "; not compared: %s\n", text(md, str(c, "reason")));
        return;
    }
    fprintf(f, "; over %lld common actors: NMI %.3f, VI %.3f, adjusted Rand ",
            (long long)num(c, "common_actors"), num(c, "nmi"), num(c, "vi"));
    fprintf(f, isnan(num(c, "adjusted_rand")) ? "n/a" : "%.3f", num(c, "adjusted_rand"));
    fprintf(f, ", split-join %lld\n", (long long)num(c, "split_join"));
    const json_t *def = json_object_get(c, "defections");
    label(f, md, "defected");
    fprintf(f,
            "%zu (bloc changed after matching, or alignment changed sign; a bloc's pole never)%s",
            json_array_size(def), json_array_size(def) ? ":" : "\n");
    for (size_t i = 0; i < json_array_size(def); i++) {
        fprintf(f, " %s%s", text(md, json_string_value(json_array_get(def, i))),
                i + 1 < json_array_size(def) ? "," : "\n");
    }
}

static void actors_by_status(FILE *f, bool md, const json_t *cmp, const char *status) {
    const json_t *arr = json_object_get(cmp, "actors");
    size_t k = 0;
    for (size_t i = 0; i < json_array_size(arr); i++) {
        const json_t *a = json_array_get(arr, i);
        if (strcmp(str(a, "status"), status) == 0) {
            if (k++ == 0) {
                label(f, md, status);
            }
            fprintf(f, "%s%s", k > 1 ? ", " : "", text(md, str(a, "id")));
        }
    }
    if (k) {
        fputc('\n', f);
    }
}

typedef struct {
    double key;
    size_t i;
} by_size;

static int larger_first(const void *x, const void *y) {
    const by_size *p = x, *q = y;
    return p->key > q->key ? -1 : p->key < q->key ? 1 : (p->i > q->i) - (p->i < q->i);
}

/* The indices of arr's entries by decreasing |value of key| (then in document order); NULL
 * when out of memory. */
static size_t *order_by(const json_t *arr, const json_t *(*get)(const json_t *), const char *key) {
    size_t n = json_array_size(arr);
    by_size *tmp = malloc((n + 1) * sizeof *tmp);
    size_t *idx = malloc((n + 1) * sizeof *idx);
    if (tmp && idx) {
        for (size_t i = 0; i < n; i++) {
            double v = num(get(json_array_get(arr, i)), key);
            tmp[i] = (by_size){isnan(v) ? -1 : fabs(v), i};
        }
        qsort(tmp, n, sizeof *tmp, larger_first);
        for (size_t i = 0; i < n; i++) {
            idx[i] = tmp[i].i;
        }
    }
    free(tmp);
    if (tmp == NULL) {
        free(idx);
        return NULL;
    }
    return idx;
}

static const json_t *itself(const json_t *o) {
    return o;
}

static void tie_line(FILE *f, bool md, const json_t *t, const char *arrow) {
    fprintf(f, md ? "- %s %s %s: " : "  %-6s %s %-6s ", text(md, str(t, "source")), arrow,
            text(md, str(t, "target")));
    double a = num(t, "weight_a"), b = num(t, "weight_b");
    if (isnan(a)) {
        fprintf(f, "%+.2f\n", b);
    } else if (isnan(b)) {
        fprintf(f, "was %+.2f\n", a);
    } else {
        fprintf(f, "%+.2f %s %+.2f\n", a, md ? "→" : "->", b);
    }
}

/* The ties of one kind of change, largest change of weight first. */
static void ties(FILE *f, bool md, const json_t *cmp, const char *key, const char *title,
                 size_t limit) {
    const json_t *arr = json_object_get(json_object_get(cmp, "edges"), key);
    size_t n = json_array_size(arr), *idx = order_by(arr, itself, "delta");
    if (n == 0 || idx == NULL) {
        free(idx);
        return;
    }
    fprintf(f, md ? "\n**%s** (%zu, largest change first)\n\n" : "\n%s (%zu, largest first):\n",
            title, n);
    const char *arrow =
        json_is_true(json_object_get(cmp, "directed")) ? (md ? "→" : "->") : (md ? "—" : "--");
    for (size_t i = 0; i < n && (limit == 0 || i < limit); i++) {
        tie_line(f, md, json_array_get(arr, idx[i]), arrow);
    }
    if (limit && n > limit) {
        fprintf(f, md ? "- … and %zu more\n" : "  ... and %zu more (--json lists all)\n",
                n - limit);
    }
    free(idx);
}

static const json_t *strength_pos(const json_t *actor) {
    return json_object_get(json_object_get(actor, "metrics"), "strength_pos");
}

/* The common actors whose positive strength changed most, with their rank moves. */
static void movers(FILE *f, bool md, const json_t *cmp, size_t limit) {
    const json_t *arr = json_object_get(cmp, "actors");
    size_t n = json_array_size(arr), *idx = order_by(arr, strength_pos, "delta"), shown = 0;
    for (size_t i = 0; idx && i < n && shown < (limit ? limit : n); i++) {
        const json_t *m = strength_pos(json_array_get(arr, idx[i]));
        if (isnan(num(m, "delta")) || num(m, "delta") == 0) {
            continue;
        }
        if (shown++ == 0) {
            fprintf(f, md ? "\n**largest moves in positive strength**\n\n"
                          : "\nlargest moves in positive strength:\n");
        }
        fprintf(f,
                md ? "- %s: %.2f → %.2f (rank %lld → %lld)\n"
                   : "  %-6s %8.2f -> %8.2f   rank %lld -> %lld\n",
                text(md, str(json_array_get(arr, idx[i]), "id")), num(m, "a"), num(m, "b"),
                (long long)num(m, "rank_a"), (long long)num(m, "rank_b"));
    }
    free(idx);
}

allynet_status allynet_compare_write_text(const json_t *cmp, FILE *f, bool md, size_t limit,
                                          allynet_error *err) {
    side(f, md, "A", json_object_get(cmp, "a"));
    side(f, md, "B", json_object_get(cmp, "b"));
    summary(f, md, cmp);
    actors_by_status(f, md, cmp, "entered");
    actors_by_status(f, md, cmp, "left");
    network(f, md, cmp);
    communities(f, md, cmp);
    movers(f, md, cmp, limit ? limit / 2 : 0);
    ties(f, md, cmp, "added", "added", limit);
    ties(f, md, cmp, "removed", "removed", limit);
    ties(f, md, cmp, "sign_flipped", "sign flipped", limit);
    ties(f, md, cmp, "strengthened", "strengthened", limit);
    ties(f, md, cmp, "weakened", "weakened", limit);
    if (md) {
        fputc('\n', f);
    }
    if (ferror(f)) {
        return allynet_error_set(err, ALLYNET_E_IO, NULL, 0, 0, "write error");
    }
    return ALLYNET_OK;
}
