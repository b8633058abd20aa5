/* doctie.c — a document's ties before they join the snapshot. A tie's confidence is judged per
 * document (the spans of its net sign, how many sentences say it), so extraction stages each
 * pair's events while the document is read and the extractor decides, when it ends, which pairs
 * join the snapshot (those whose confidence reaches --min-confidence). Deciding per document
 * keeps extraction a map over documents: parts of a corpus extracted apart and merged give what
 * the whole gives. Memory is per pair (sums and the capped spans), never per event.
 * The lead (the first two sentences: a headline and its first sentence) tells one story twice, so
 * an event the lead repeats (same pair, same CAMEO code) is weighed once, as event data's
 * one-a-day filter does for repeated reports; every span is kept as evidence. */
#include "extract_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { DT_SEEN = 8 };

typedef struct {
    const char *source, *target;
    double weight;
    long events;
    double miss[2];            /* product of (1 - p) over the spans of sign + and - */
    size_t sentences[2];       /* distinct sentences of those spans */
    size_t last_start[2];      /* the latest such sentence's first byte, SIZE_MAX before any */
    const char *seen[DT_SEEN]; /* CAMEO codes weighed for the pair in the lead (FT_LEAD) */
    size_t nseen;
} dt_pair;

struct allynet__doc_ties {
    dt_pair *v;
    size_t n, cap;
    size_t *slot; /* open addressing: 1 + pair index, 0 empty */
    size_t nslot;
    allynet__tally *spans; /* the pairs' spans and relation mixes, by pair index */
};

allynet__doc_ties *allynet__doc_ties_new(size_t max_evidence) {
    allynet__doc_ties *d = calloc(1, sizeof *d);
    if (d != NULL && (d->spans = allynet__tally_new(max_evidence)) == NULL) {
        free(d);
        d = NULL;
    }
    return d;
}

void allynet__doc_ties_free(allynet__doc_ties *d) {
    if (d != NULL) {
        allynet__tally_free(d->spans);
        free(d->v);
        free(d->slot);
        free(d);
    }
}

bool allynet__doc_ties_begin(allynet__doc_ties *d, const char *doc) {
    allynet__doc_ties_clear(d);
    return allynet__tally_doc(d->spans, doc);
}

static size_t pair_hash(const char *s, const char *t) {
    return (size_t)allynet__str_hash(s) * 31u + allynet__str_hash(t);
}

static bool rehash(allynet__doc_ties *d) {
    size_t n = d->nslot ? d->nslot * 2 : 64;
    size_t *slot = calloc(n, sizeof *slot);
    if (slot == NULL) {
        return false;
    }
    for (size_t i = 0; i < d->n; i++) {
        size_t h = pair_hash(d->v[i].source, d->v[i].target) & (n - 1);
        while (slot[h]) {
            h = (h + 1) & (n - 1);
        }
        slot[h] = i + 1;
    }
    free(d->slot);
    d->slot = slot;
    d->nslot = n;
    return true;
}

/* The index of pair s -> t, added when new; SIZE_MAX when out of memory. */
static size_t pair_index(allynet__doc_ties *d, const char *s, const char *t) {
    if ((d->n + 1) * 2 > d->nslot && !rehash(d)) {
        return SIZE_MAX;
    }
    size_t h = pair_hash(s, t) & (d->nslot - 1);
    for (; d->slot[h]; h = (h + 1) & (d->nslot - 1)) {
        const dt_pair *p = &d->v[d->slot[h] - 1];
        if (allynet__same_str(p->source, s) && allynet__same_str(p->target, t)) {
            return d->slot[h] - 1;
        }
    }
    if (!allynet__grow((void **)&d->v, &d->cap, d->n + 1, sizeof *d->v, 16)) {
        return SIZE_MAX;
    }
    d->v[d->n] = (dt_pair){s, t, 0.0, 0, {1.0, 1.0}, {0, 0}, {SIZE_MAX, SIZE_MAX}, {NULL}, 0};
    d->slot[h] = d->n + 1;
    return d->n++;
}

bool allynet__doc_ties_add(allynet__doc_ties *d, const allynet__event *ev) {
    size_t i = pair_index(d, ev->source, ev->target);
    if (i == SIZE_MAX) {
        return false;
    }
    dt_pair *p = &d->v[i];
    bool again = false, lead = (ev->features >> FT_LEAD) & 1u;
    for (size_t k = 0; k < p->nseen && !again && lead; k++) {
        again = strcmp(p->seen[k], ev->cameo) == 0;
    }
    if (lead && !again && p->nseen < DT_SEEN) {
        p->seen[p->nseen++] = ev->cameo;
    }
    int s = ev->weight < 0;
    if (!again) {
        p->weight += ev->weight; /* a headline restates its lead: one event, weighed once */
    }
    p->events++;
    p->miss[s] *= 1.0 - ev->confidence;
    if (p->last_start[s] != ev->start) {
        p->sentences[s]++;
        p->last_start[s] = ev->start;
    }
    return allynet__tally_add(d->spans, i, ev, !again);
}

size_t allynet__doc_ties_count(const allynet__doc_ties *d) {
    return d->n;
}

void allynet__doc_ties_get(const allynet__doc_ties *d, size_t i, const allynet__model *m,
                           allynet__doc_tie *out) {
    const dt_pair *p = &d->v[i];
    double c[2];
    for (int s = 0; s < 2; s++) {
        c[s] = p->sentences[s] ? allynet__model_tie(m, p->miss[s], p->sentences[s]) : 0.0;
    }
    *out = (allynet__doc_tie){p->source, p->target, p->weight, p->events,
                              p->weight > 0   ? c[0]
                              : p->weight < 0 ? c[1]
                                              : fmax(c[0], c[1])};
}

bool allynet__doc_ties_commit(allynet__doc_ties *d, size_t i, allynet__tally *to, size_t tie,
                              double confidence) {
    return allynet__tally_move(to, tie, d->spans, i, confidence, d->v[i].weight < 0);
}

void allynet__doc_ties_clear(allynet__doc_ties *d) {
    d->n = 0;
    if (d->slot != NULL) {
        memset(d->slot, 0, d->nslot * sizeof *d->slot);
    }
    if (d->spans != NULL) {
        allynet__tally_reset(d->spans);
    }
}
