/* colours.c — stable group colours over a series, so the eye can follow a bloc through time.
 *
 * Each colour remembers the members it had when last used, and each actor the colour it last
 * had. In every snapshot (in order), a group of two or more actors keeps a colour when it holds
 * more than half of that colour's remembered members that are present (one group at most can,
 * so a colour never splits; a group that could keep several keeps the one it holds the largest
 * share of, the lower colour on a tie). A group that keeps none takes the free colour most of its
 * known members last had, else the free colour unused longest. A group of one is left grey. */
#include "html.h"

#include <stdlib.h>

typedef struct {
    json_t *last[ALLYNET__COLOURS]; /* id -> true: the members when last used */
    long used[ALLYNET__COLOURS];    /* snapshot index of the last use, -1 never */
    json_t *memory;                 /* id -> the colour the actor last had */
} palette;

static json_t *members(const json_t *grp) {
    return json_object_get(grp, "members");
}

/* The share of colour c's remembered members present in `present` that `grp` holds. */
static double share(const palette *p, int c, const json_t *grp, const json_t *present) {
    size_t kept = 0, there = 0, i;
    const char *id;
    json_t *v, *m;
    json_object_foreach(p->last[c], id, v) {
        there += json_object_get(present, id) != NULL;
    }
    json_array_foreach(members(grp), i, m) {
        kept += json_object_get(p->last[c], json_string_value(m)) != NULL;
    }
    return there ? (double)kept / (double)there : 0;
}

/* Step one: groups keep the colours they hold a majority of, best share first. */
static void keep(palette *p, const json_t *groups, const json_t *present, int *colour,
                 bool *taken) {
    size_t ng = json_array_size(groups);
    for (;;) {
        double best = 0.5;
        long bg = -1, bc = -1;
        for (size_t g = 0; g < ng; g++) {
            for (int c = 0; colour[g] < 0 && c < ALLYNET__COLOURS; c++) {
                double s = taken[c] || json_array_size(members(json_array_get(groups, g))) < 2
                               ? 0
                               : share(p, c, json_array_get(groups, g), present);
                if (s > best) {
                    best = s, bg = (long)g, bc = c;
                }
            }
        }
        if (bg < 0) {
            return;
        }
        colour[bg] = (int)bc;
        taken[bc] = true;
    }
}

/* Steps two and three for one group: the free colour most of its members last had, else the
 * free colour unused longest; -1 when every colour is taken. */
static int adopt(const palette *p, const json_t *grp, const bool *taken) {
    size_t votes[ALLYNET__COLOURS] = {0}, i;
    json_t *m;
    json_array_foreach(members(grp), i, m) {
        json_t *c = json_object_get(p->memory, json_string_value(m));
        if (c != NULL && !taken[json_integer_value(c)]) {
            votes[json_integer_value(c)]++;
        }
    }
    int best = -1;
    for (int c = 0; c < ALLYNET__COLOURS; c++) {
        if (!taken[c] && votes[c] > 0 && (best < 0 || votes[c] > votes[best])) {
            best = c;
        }
    }
    if (best >= 0) {
        return best;
    }
    for (int c = 0; c < ALLYNET__COLOURS; c++) {
        if (!taken[c] && (best < 0 || p->used[c] < p->used[best])) {
            best = c;
        }
    }
    return best;
}

/* Remembers the colours given in one snapshot. Returns false when out of memory. */
static bool remember(palette *p, const json_t *groups, const int *colour, long t) {
    for (size_t g = 0; g < json_array_size(groups); g++) {
        if (colour[g] < 0) {
            continue;
        }
        json_t *set = json_object(), *m;
        size_t i;
        json_array_foreach(members(json_array_get(groups, g)), i, m) {
            if (set == NULL || json_object_set(set, json_string_value(m), json_true()) != 0 ||
                json_object_set_new(p->memory, json_string_value(m), json_integer(colour[g]))) {
                json_decref(set);
                return false;
            }
        }
        json_decref(p->last[colour[g]]);
        p->last[colour[g]] = set;
        p->used[colour[g]] = t;
    }
    return true;
}

/* Every actor of the snapshot, as a set. */
static json_t *present_set(const json_t *split) {
    json_t *set = json_object(), *m, *grp;
    size_t i, k;
    json_array_foreach(json_object_get(split, "groups"), k, grp) {
        json_array_foreach(members(grp), i, m) {
            json_object_set(set, json_string_value(m), json_true());
        }
    }
    return set;
}

static bool one(palette *p, json_t *split, long t) {
    json_t *groups = json_object_get(split, "groups"), *present = present_set(split);
    size_t ng = json_array_size(groups);
    int *colour = malloc((ng + 1) * sizeof *colour);
    bool taken[ALLYNET__COLOURS] = {false}, ok = present && colour;
    for (size_t g = 0; ok && g < ng; g++) {
        colour[g] = -1;
    }
    if (ok) {
        keep(p, groups, present, colour, taken);
    }
    for (size_t g = 0; ok && g < ng; g++) {
        if (colour[g] < 0 && json_array_size(members(json_array_get(groups, g))) >= 2) {
            colour[g] = adopt(p, json_array_get(groups, g), taken);
            if (colour[g] >= 0) {
                taken[colour[g]] = true;
            }
        }
    }
    for (size_t g = 0; ok && g < ng; g++) {
        ok = json_object_set_new(json_array_get(groups, g), "colour", json_integer(colour[g])) == 0;
    }
    ok = ok && remember(p, groups, colour, t);
    free(colour);
    json_decref(present);
    return ok;
}

allynet_status allynet__colours_assign(json_t *snaps, allynet_error *err) {
    palette p = {.memory = json_object()};
    bool ok = p.memory != NULL;
    for (int c = 0; c < ALLYNET__COLOURS; c++) {
        p.used[c] = -1;
        p.last[c] = json_object();
        ok = ok && p.last[c] != NULL;
    }
    for (size_t t = 0; ok && t < json_array_size(snaps); t++) {
        ok = one(&p, json_object_get(json_array_get(snaps, t), "split"), (long)t);
    }
    for (int c = 0; c < ALLYNET__COLOURS; c++) {
        json_decref(p.last[c]);
    }
    json_decref(p.memory);
    return ok ? ALLYNET_OK : allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
}
