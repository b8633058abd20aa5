/* relmix.c — a tie's mix of relation categories: the summed |weight| of its events per category,
 * kept as the tie attribute "relations" ({"support": 12.4, "consult": 2.0}), and the tie's
 * relation settled as the category that weighs most (ties between categories go to the name
 * first in byte order, so the answer does not depend on the order events arrived in). Extraction
 * builds the mix in its tally (tally.c); merge sums two mixes, so merging parts equals the whole.
 */
#include "internal.h"

#include <math.h>
#include <string.h>

static const char *const MIX = "relations";

/* The tie's mix object, created when create is set; NULL when absent or out of memory. */
static json_t *mix_of(allynet_graph *g, size_t tie, bool create) {
    allynet_tie *t = allynet_graph_tie_mut(g, tie);
    json_t *mix = t->attrs ? json_object_get(t->attrs, MIX) : NULL;
    if (mix != NULL || !create) {
        return json_is_object(mix) ? mix : NULL;
    }
    if (t->attrs == NULL) {
        allynet__tie_take_attrs(g, tie, json_object());
    }
    mix = json_object();
    if (t->attrs == NULL || mix == NULL || json_object_set_new(t->attrs, MIX, mix) != 0) {
        return NULL;
    }
    return mix;
}

static bool add_to(json_t *mix, const char *relation, double amount) {
    json_t *v = json_object_get(mix, relation);
    if (json_is_number(v)) {
        return json_real_set(v, json_number_value(v) + amount) == 0 ||
               json_object_set_new(mix, relation, json_real(json_number_value(v) + amount)) == 0;
    }
    return json_object_set_new(mix, relation, json_real(amount)) == 0;
}

bool allynet__relmix_has(const allynet_graph *g, size_t tie) {
    const allynet_tie *t = allynet_graph_tie(g, tie);
    return t->attrs != NULL && json_is_object(json_object_get(t->attrs, MIX));
}

bool allynet__relmix_merge(allynet_graph *g, size_t tie, const json_t *other) {
    json_t *mix = mix_of(g, tie, true);
    const char *k;
    json_t *v;
    bool ok = mix != NULL;
    json_object_foreach((json_t *)other, k, v) {
        ok = ok && (!json_is_number(v) || add_to(mix, k, json_number_value(v)));
    }
    return ok;
}

bool allynet__relmix_settle(allynet_graph *g, size_t tie) {
    json_t *mix = mix_of(g, tie, false);
    const char *best = NULL, *k;
    double top = -1;
    json_t *v;
    json_object_foreach(mix, k, v) {
        double w = json_is_number(v) ? json_number_value(v) : -1;
        if (w > top || (w == top && best != NULL && strcmp(k, best) < 0)) {
            best = k;
            top = w;
        }
    }
    if (best == NULL) {
        return true;
    }
    bool ok = true;
    const char *interned = allynet__graph_intern(g, best, &ok);
    if (ok) {
        allynet_graph_tie_mut(g, tie)->relation = interned;
    }
    return ok;
}
