/* report_balance.c — the report's per-snapshot "balance" and "align" sections: structural
 * balance figures and the two blocs, then every actor's alignment toward those blocs. */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void md_list(FILE *md, const json_t *ids) {
    size_t i;
    json_t *id;
    json_array_foreach(ids, i, id) {
        fprintf(md, "%s%s", i ? ", " : "", allynet__md(json_string_value(id)));
    }
    if (json_array_size(ids) == 0) {
        fprintf(md, "(none)");
    }
}

/* A number with 3 decimals (and its sign when `plus`), or n/a for null. */
static void md_number(FILE *md, const json_t *x, bool plus) {
    if (json_is_number(x)) {
        fprintf(md, plus ? "%+.3f" : "%.3f", json_number_value(x));
    } else {
        fprintf(md, "n/a");
    }
}

static void md_frustration(FILE *md, const json_t *f) {
    const json_t *fw = json_object_get(f, "weighted");
    const json_t *blocs = json_object_get(f, "blocs"),
                 *ties = json_object_get(f, "frustrated_ties");
    fprintf(md, "Frustration index (line index): **%g**%s",
            json_number_value(json_object_get(f, "value")),
            json_is_true(json_object_get(f, "exact")) ? " (exact)" : "");
    if (!json_is_true(json_object_get(f, "exact"))) {
        fprintf(md, " (heuristic; lower bound %g)",
                json_number_value(json_object_get(f, "lower_bound")));
    }
    fprintf(md, "; weighted (least total |w|): %.2f%s.\n\n",
            json_number_value(json_object_get(fw, "value")),
            json_is_true(json_object_get(fw, "exact")) ? " (exact)" : " (heuristic)");
    for (size_t b = 0; b < 2; b++) {
        fprintf(md, "- Bloc %zu: ", b);
        md_list(md, json_array_get(blocs, b));
        fprintf(md, "\n");
    }
    fprintf(md, "\nTies that contradict the two blocs (%zu):%s", json_array_size(ties),
            json_array_size(ties) ? "" : " none.");
    size_t i;
    json_t *t;
    json_array_foreach(ties, i, t) {
        if (i == 20) {
            fprintf(md, " …");
            break;
        }
        fprintf(md, "%s %s–%s (%+.1f)", i ? "," : "",
                allynet__md(json_string_value(json_object_get(t, "source"))),
                allynet__md(json_string_value(json_object_get(t, "target"))),
                json_number_value(json_object_get(t, "weight")));
    }
    fprintf(md, "\n\n");
}

allynet_status allynet__report_balance(const allynet_report_item *it, json_t *out, FILE *md,
                                       allynet_error *err) {
    allynet_balance_options o;
    allynet_balance_options_init(&o);
    json_t *j = NULL;
    allynet_status st = allynet_balance_compute(it->graph, &o, &j, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    const json_t *tri = json_object_get(j, "triangles"), *tr = json_object_get(j, "treatment");
    fprintf(md, "| signed ties | triangles | balanced | balanced (weighted) | walk balance K |\n");
    fprintf(md, "|---:|---:|---:|---:|---:|\n");
    fprintf(md, "| %lld (+%lld / −%lld) | %lld | ",
            json_integer_value(json_object_get(tr, "edges")),
            json_integer_value(json_object_get(tr, "positive")),
            json_integer_value(json_object_get(tr, "negative")),
            json_integer_value(json_object_get(tri, "total")));
    md_number(md, json_object_get(tri, "ratio"), false);
    fprintf(md, " | ");
    md_number(md, json_object_get(json_object_get(tri, "weighted"), "ratio"), false);
    fprintf(md, " | ");
    md_number(md, json_object_get(j, "walk_balance"), false);
    fprintf(md, " |\n\n");
    if (json_integer_value(json_object_get(tr, "ambivalent")) > 0) {
        fprintf(md, "%lld pair(s) with opposite signs summing to 0 were left out.\n\n",
                json_integer_value(json_object_get(tr, "ambivalent")));
    }
    md_frustration(md, json_object_get(j, "frustration"));
    if (json_object_set_new(out, "balance", j) != 0) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    return ALLYNET_OK;
}

static double key(const json_t *actor, const char *name) {
    const json_t *x = json_object_get(actor, name);
    return json_is_number(x) ? json_number_value(x) : -INFINITY;
}

/* By alignment, then profile alignment (both descending), then id. */
static int by_alignment(const void *a, const void *b) {
    const json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
    const char *keys[2] = {"alignment", "profile_alignment"};
    for (int k = 0; k < 2; k++) {
        double vx = key(x, keys[k]), vy = key(y, keys[k]);
        if (vx != vy) {
            return vx > vy ? -1 : 1;
        }
    }
    return strcmp(json_string_value(json_object_get(x, "id")),
                  json_string_value(json_object_get(y, "id")));
}

static void md_alignment(FILE *md, const json_t *actors) {
    size_t n = json_array_size(actors);
    const json_t **rows = malloc((n + 1) * sizeof *rows);
    if (rows == NULL) {
        return;
    }
    for (size_t i = 0; i < n; i++) {
        rows[i] = json_array_get(actors, i);
    }
    qsort(rows, n, sizeof *rows, by_alignment);
    fprintf(md, "| actor | alignment | from | profile alignment | S to bloc 0 | S to bloc 1 |\n"
                "|---|---:|---|---:|---:|---:|\n");
    for (size_t i = 0; i < n; i++) {
        if (n > 40 && i == 20) {
            fprintf(md, "| … | | | | | |\n");
            i = n - 20;
        }
        fprintf(md, "| %s | ", allynet__md(json_string_value(json_object_get(rows[i], "id"))));
        md_number(md, json_object_get(rows[i], "alignment"), true);
        const char *basis = json_string_value(json_object_get(rows[i], "basis"));
        fprintf(md, " | %s | ", basis ? allynet__md(basis) : "–");
        md_number(md, json_object_get(rows[i], "profile_alignment"), true);
        fprintf(md, " | %.3f | %.3f |\n", json_number_value(json_object_get(rows[i], "s_a")),
                json_number_value(json_object_get(rows[i], "s_b")));
    }
    free(rows);
}

allynet_status allynet__report_align(const allynet_report_item *it, json_t *out, FILE *md,
                                     allynet_error *err) {
    allynet_align_options o;
    allynet_align_options_init(&o);
    json_t *j = NULL;
    allynet_status st = allynet_align_compute(it->graph, &o, &j, err);
    if (st != ALLYNET_OK) {
        return st;
    }
    const json_t *pol = json_object_get(j, "polarization"), *note = json_object_get(j, "note");
    fprintf(md, "Alignment toward the two blocs of the frustration bipartition (+1 = bloc 0, "
                "−1 = bloc 1): from the actor's own ties into the blocs (net signed weight), or "
                "from the distance of its tie profile to each bloc's mean profile when it has no "
                "such ties; the profile alignment grades actors within a bloc. See `allynet "
                "align --help`.\n\n");
    if (json_is_string(note)) {
        fprintf(md, "%s.\n\n", allynet__md(json_string_value(note)));
    } else {
        md_alignment(md, json_object_get(j, "actors"));
    }
    fprintf(md, "\nPolarization index (mean |profile alignment|): ");
    md_number(md, json_object_get(pol, "index"), false);
    fprintf(md, "; bloc fit: ");
    md_number(md, json_object_get(pol, "bloc_fit"), false);
    fprintf(md, ".\n\n");
    if (json_object_set_new(out, "align", j) != 0) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    return ALLYNET_OK;
}
