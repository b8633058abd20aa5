/* report_overview.c — the report's opening "At a glance": one row per snapshot (size, the two
 * signed blocs, the most central actor and the one in most conflict, frustration and polarization)
 * and one line per consecutive pair (ties added, removed and turned, actors entered and left,
 * defections). It reads back the figures the sections already put in report.json, so it adds no
 * analysis of its own and cannot disagree with the sections below it. */
#include "report.h"

#include <math.h>
#include <string.h>

enum { MAX_LISTED = 8, MAX_FINDINGS = 20 };

static const json_t *at(const json_t *j, const char *a, const char *b) {
    return json_object_get(json_object_get(j, a), b);
}

/* The members of a bloc, up to MAX_LISTED, then "+N". */
static void put_members(FILE *md, const json_t *members) {
    size_t n = json_array_size(members);
    for (size_t i = 0; i < n && i < MAX_LISTED; i++) {
        fprintf(md, "%s%s", i ? " " : "",
                allynet__md(json_string_value(json_array_get(members, i))));
    }
    if (n > MAX_LISTED) {
        fprintf(md, " +%zu", n - MAX_LISTED);
    }
}

/* The snapshot's split (the one report.html shows): the two opposing blocs as "A B C vs D E",
 * or the number of communities when conflict does not divide the actors. */
static void put_blocs(FILE *md, const json_t *snap) {
    const json_t *split = json_object_get(snap, "split");
    const json_t *groups = json_object_get(split, "groups");
    const char *mode = json_string_value(json_object_get(split, "mode"));
    if (mode == NULL || strcmp(mode, "none") == 0) {
        fputs("–", md);
    } else if (strcmp(mode, "communities") == 0) {
        fprintf(md, "no opposing blocs (%s): %zu communities",
                json_string_value(json_object_get(split, "reason")), json_array_size(groups));
    } else {
        for (size_t g = 0; g < 2; g++) {
            fputs(g ? " **vs** " : "", md);
            put_members(md, json_object_get(json_array_get(groups, g), "members"));
        }
    }
}

/* The findings in sentences: the series', then each snapshot's (up to MAX_FINDINGS snapshots;
 * report.html has them all). */
static void put_findings(FILE *md, const json_t *root) {
    const json_t *snaps = json_object_get(root, "snapshots"), *f;
    size_t i, k;
    fputs("### Findings\n\n", md);
    json_array_foreach(json_object_get(root, "findings"), k, f) {
        fprintf(md, "- %s\n", allynet__md(json_string_value(json_object_get(f, "text"))));
    }
    for (i = 0; i < json_array_size(snaps) && i < MAX_FINDINGS; i++) {
        const json_t *snap = json_array_get(snaps, i);
        const char *name = json_string_value(at(snap, "info", "name"));
        fprintf(md, "- **%s**:",
                allynet__md(name ? name : json_string_value(json_object_get(snap, "stem"))));
        json_array_foreach(json_object_get(snap, "findings"), k, f) {
            fprintf(md, " %s", allynet__md(json_string_value(json_object_get(f, "text"))));
        }
        fputc('\n', md);
    }
    if (json_array_size(snaps) > MAX_FINDINGS) {
        fprintf(md, "- … the findings of the other %zu snapshots are in report.html.\n",
                json_array_size(snaps) - MAX_FINDINGS);
    }
    fputc('\n', md);
}

/* The actor with the largest (sign +1) or most negative (sign -1) value of a metric. */
static const char *top_actor(const json_t *snap, const char *metric, int sign) {
    const json_t *actors = at(snap, "metrics", "actors");
    const char *best = NULL;
    double top = 0;
    for (size_t i = 0; i < json_array_size(actors); i++) {
        const json_t *a = json_array_get(actors, i), *v = json_object_get(a, metric);
        double x = json_is_number(v) ? sign * json_number_value(v) : NAN;
        if (isfinite(x) && x > 0 && (best == NULL || x > top)) {
            best = json_string_value(json_object_get(a, "id"));
            top = x;
        }
    }
    return best ? allynet__md(best) : "–";
}

static void put_number(FILE *md, const json_t *v, int decimals) {
    if (json_is_number(v)) {
        fprintf(md, "%.*f", decimals, json_number_value(v));
    } else {
        fputs("–", md);
    }
}

static void snapshot_row(FILE *md, const json_t *snap) {
    const json_t *info = json_object_get(snap, "info");
    const char *name = json_string_value(json_object_get(info, "name"));
    const char *date = json_string_value(json_object_get(snap, "date"));
    fprintf(md, "| %s | %s | %lld | %lld (%lld / %lld) | ",
            allynet__md(name ? name : json_string_value(json_object_get(snap, "stem"))),
            date ? allynet__md(date) : "–", json_integer_value(json_object_get(info, "actors")),
            json_integer_value(at(info, "ties", "total")),
            json_integer_value(at(info, "ties", "positive")),
            json_integer_value(at(info, "ties", "negative")));
    put_blocs(md, snap);
    fprintf(md, " | %s | %s | ", top_actor(snap, "pagerank", 1),
            top_actor(snap, "strength_neg", -1));
    put_number(md, at(json_object_get(snap, "balance"), "frustration", "value"), 0);
    fputs(" | ", md);
    const char *mode = json_string_value(at(snap, "split", "mode"));
    bool blocs = mode != NULL && strcmp(mode, "blocs") == 0; /* else no poles to measure */
    put_number(md, blocs ? at(json_object_get(snap, "align"), "polarization", "index") : NULL, 2);
    fputs(" |\n", md);
}

/* The ids of the compared actors with the given status (or defected, when status is NULL). */
static void put_actor_ids(FILE *md, const json_t *cmp, const char *status, const char *label) {
    const json_t *actors = json_object_get(cmp, "actors");
    size_t shown = 0, n = 0;
    for (size_t i = 0; i < json_array_size(actors); i++) {
        const json_t *a = json_array_get(actors, i);
        const char *st = json_string_value(json_object_get(a, "status"));
        bool hit = status ? st != NULL && strcmp(st, status) == 0
                          : json_is_true(json_object_get(a, "defected"));
        if (hit && shown < MAX_LISTED) {
            fprintf(md, "%s%s", shown ? " " : label,
                    allynet__md(json_string_value(json_object_get(a, "id"))));
            shown++;
        }
        n += hit;
    }
    if (n > shown) {
        fprintf(md, " +%zu", n - shown);
    }
}

static void change_line(FILE *md, const json_t *cmp) {
    const json_t *s = json_object_get(cmp, "summary");
    fprintf(md, "- **%s → %s**: %lld ties added, %lld removed, %lld turned sign",
            allynet__md(json_string_value(json_object_get(cmp, "from"))),
            allynet__md(json_string_value(json_object_get(cmp, "to"))),
            json_integer_value(json_object_get(s, "added")),
            json_integer_value(json_object_get(s, "removed")),
            json_integer_value(json_object_get(s, "sign_flipped")));
    put_actor_ids(md, cmp, "entered", "; entered: ");
    put_actor_ids(md, cmp, "left", "; left: ");
    put_actor_ids(md, cmp, NULL, "; changed bloc: ");
    fputs(".\n", md);
}

void allynet__report_overview(const json_t *root, FILE *md) {
    const json_t *snaps = json_object_get(root, "snapshots");
    if (json_array_size(snaps) == 0) {
        return;
    }
    fputs("## At a glance\n\n", md);
    put_findings(md, root);
    fputs(
        "| snapshot | date | actors | ties (+ / −) | opposing blocs, or communities | most central "
        "(PageRank +) "
        "| most conflict (strength −) | frustration | polarization |\n",
        md);
    fputs("|---|---|---:|---:|---|---|---|---:|---:|\n", md);
    for (size_t i = 0; i < json_array_size(snaps); i++) {
        snapshot_row(md, json_array_get(snaps, i));
    }
    fputs("\nFrustration: the fewest ties whose removal leaves two camps with only cooperation "
          "inside and only conflict between them (0: perfectly balanced). Polarization: the mean "
          "|profile alignment| of the actors outside the two poles (0: all midway between the two "
          "blocs' tie profiles, 1: each on one bloc's profile). Opposing blocs are the two camps "
          "of the frustration bipartition (the Structural balance section's), drawn only where a "
          "negative tie runs between two camps of two actors or more; actors whose ties never "
          "reach a conflict are in neither.\n\n",
          md);
    const json_t *cmps = json_object_get(root, "compare");
    for (size_t i = 0; i < json_array_size(cmps); i++) {
        change_line(md, json_array_get(cmps, i));
    }
    if (json_array_size(cmps) > 0) {
        fputs("\n\"Changed bloc\": actors in both snapshots whose community (Leiden, matched "
              "across the pair) did not carry over.\n\n",
              md);
    }
}
