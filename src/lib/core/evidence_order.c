/* evidence_order.c — which evidence spans of a tie to show first, wherever a tie is drawn (the
 * diagrams' tooltips, report.html): the most confident, then the heaviest (|weight|), then in
 * the order recorded. */
#include "internal.h"

#include <math.h>
#include <stdlib.h>

static double number(const json_t *span, const char *key) {
    const json_t *v = json_object_get(span, key);
    return json_is_number(v) ? json_number_value(v) : NAN;
}

typedef struct {
    const json_t *span;
    size_t at;
} ranked;

static int by_rank(const void *a, const void *b) {
    const ranked *x = a, *y = b;
    double cx = number(x->span, "confidence"), cy = number(y->span, "confidence");
    if (isfinite(cx) != isfinite(cy)) {
        return isfinite(cx) ? -1 : 1;
    }
    if (isfinite(cx) && cx != cy) {
        return cx > cy ? -1 : 1;
    }
    double wx = fabs(number(x->span, "weight")), wy = fabs(number(y->span, "weight"));
    wx = isfinite(wx) ? wx : -1, wy = isfinite(wy) ? wy : -1;
    if (wx != wy) {
        return wx > wy ? -1 : 1;
    }
    return x->at < y->at ? -1 : x->at > y->at;
}

size_t allynet__evidence_top(const json_t *evidence, const json_t **out, size_t k) {
    size_t n = json_array_size(evidence), m = 0;
    ranked *r = malloc((n + 1) * sizeof *r);
    if (r == NULL) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (json_is_object(json_array_get(evidence, i))) {
            r[m++] = (ranked){json_array_get(evidence, i), i};
        }
    }
    qsort(r, m, sizeof *r, by_rank);
    for (size_t i = 0; i < m && i < k; i++) {
        out[i] = r[i].span;
    }
    free(r);
    return m < k ? m : k;
}

json_t *allynet__tie_evidence_view(const allynet_tie *t, json_t **owned) {
    *owned = NULL;
    if (t->evidence == NULL && t->evidence_text != NULL) {
        *owned = json_loads(t->evidence_text, 0, NULL);
        return *owned;
    }
    return t->evidence;
}
