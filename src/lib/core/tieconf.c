/* tieconf.c — a tie's confidence as attributes: "confidence_by_sign" ({"+": p, "-": p}, the
 * highest confidence any document gave the tie with that sign) and "confidence", the entry of
 * the tie's net sign. Merge keeps the higher value per sign and settles again, so merging the
 * snapshots of parts of a corpus gives what extracting the whole gives. */
#include "internal.h"

#include <string.h>

static const char *const BY_SIGN = "confidence_by_sign";

bool allynet__tieconf_set(json_t *attrs, double pos, double neg) {
    json_t *by = json_object();
    bool ok = by != NULL && json_object_set_new_nocheck(attrs, BY_SIGN, by) == 0;
    if (ok && pos >= 0) {
        ok = json_object_set_new_nocheck(by, "+", json_real(allynet__round3(pos))) == 0;
    }
    if (ok && neg >= 0) {
        ok = json_object_set_new_nocheck(by, "-", json_real(allynet__round3(neg))) == 0;
    }
    return ok;
}

/* The value of one sign in a "confidence_by_sign" object, or -1. */
static double sign_value(const json_t *by, const char *sign) {
    const json_t *v = json_object_get(by, sign);
    return json_is_number(v) ? json_number_value(v) : -1.0;
}

bool allynet__tieconf_merge(allynet_graph *g, size_t tie, const json_t *other_attrs) {
    allynet_tie *t = allynet_graph_tie_mut(g, tie);
    const json_t *theirs = json_object_get(other_attrs, BY_SIGN);
    if (!json_is_object(theirs)) {
        return true;
    }
    json_t *mine = t->attrs ? json_object_get(t->attrs, BY_SIGN) : NULL;
    double pos = sign_value(theirs, "+"), neg = sign_value(theirs, "-");
    if (json_is_object(mine)) {
        double p = sign_value(mine, "+"), n = sign_value(mine, "-");
        pos = p > pos ? p : pos;
        neg = n > neg ? n : neg;
    }
    if (t->attrs == NULL) {
        allynet__tie_take_attrs(g, tie, json_object());
    }
    return t->attrs != NULL && allynet__tieconf_set(t->attrs, pos, neg);
}

bool allynet__tieconf_settle(allynet_graph *g, size_t tie) {
    allynet_tie *t = allynet_graph_tie_mut(g, tie);
    const json_t *by = t->attrs ? json_object_get(t->attrs, BY_SIGN) : NULL;
    if (!json_is_object(by)) {
        return true;
    }
    double pos = sign_value(by, "+"), neg = sign_value(by, "-");
    double p = t->weight > 0 ? pos : t->weight < 0 ? neg : (pos > neg ? pos : neg);
    if (p < 0) {
        p = pos > neg ? pos : neg; /* no document of the net sign: the best there is */
    }
    return json_object_set_new_nocheck(t->attrs, "confidence", json_real(allynet__round3(p))) == 0;
}
