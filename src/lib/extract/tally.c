/* tally.c — what extraction keeps per tie while it reads, in plain arrays: the first evidence
 * spans (up to the cap; the rest only counted) and the mix of relation categories. They become
 * the ties' evidence (as JSON text, allynet_tie.evidence_text) and attributes ("relations",
 * "evidence_dropped") once, when the graph is taken: building JSON event by event cost a sixth of
 * extraction's time, and jansson objects for the evidence took most of its memory (a kilobyte a
 * span, against about 130 bytes of text). The graph itself sums the weights and event counts. */
#include "extract_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    size_t doc; /* index into the tally's document ids */
    size_t start, end;
    const char *cue, *cameo; /* borrowed from the lexicon or static */
    double weight, confidence;
} tl_span;

typedef struct {
    const char *relation; /* borrowed */
    double sum;           /* summed |weight| */
} tl_share;

typedef struct {
    tl_span *span;
    size_t n_span, cap_span, dropped;
    tl_share *mix; /* in the order categories first appeared */
    size_t n_mix, cap_mix;
    double conf[2]; /* the highest confidence of a document's tie, + and - (-1: none) */
} tl_tie;

struct allynet__tally {
    tl_tie *tie;
    size_t n_tie;
    char **doc; /* owned copies of the document ids seen */
    size_t n_doc, cur_doc;
    size_t max_evidence;
};

allynet__tally *allynet__tally_new(size_t max_evidence) {
    allynet__tally *t = calloc(1, sizeof *t);
    if (t != NULL) {
        t->max_evidence = max_evidence;
        t->cur_doc = SIZE_MAX;
    }
    return t;
}

static void clear(allynet__tally *t) {
    for (size_t i = 0; i < t->n_tie; i++) {
        free(t->tie[i].span);
        free(t->tie[i].mix);
    }
    free(t->tie);
    for (size_t i = 0; i < t->n_doc; i++) {
        free(t->doc[i]);
    }
    free(t->doc);
    t->tie = NULL;
    t->doc = NULL;
    t->n_tie = t->n_doc = 0;
    t->cur_doc = SIZE_MAX;
}

void allynet__tally_free(allynet__tally *t) {
    if (t != NULL) {
        clear(t);
        free(t);
    }
}

bool allynet__tally_doc(allynet__tally *t, const char *doc) {
    if (t->cur_doc < t->n_doc && strcmp(t->doc[t->cur_doc], doc) == 0) {
        return true;
    }
    for (size_t i = 0; i < t->n_doc; i++) {
        if (strcmp(t->doc[i], doc) == 0) {
            t->cur_doc = i;
            return true;
        }
    }
    char **d = realloc(t->doc, (t->n_doc + 1) * sizeof *d);
    char *copy = strdup(doc);
    if (d != NULL) {
        t->doc = d;
    }
    if (d == NULL || copy == NULL) {
        free(copy);
        return false;
    }
    t->doc[t->n_doc] = copy;
    t->cur_doc = t->n_doc++;
    return true;
}

/* The tally of tie i, the ties up to it created empty. */
static tl_tie *tie_at(allynet__tally *t, size_t i) {
    if (i >= t->n_tie) {
        size_t n = t->n_tie ? t->n_tie : 64;
        while (n <= i) {
            n *= 2;
        }
        tl_tie *v = realloc(t->tie, n * sizeof *v);
        if (v == NULL) {
            return NULL;
        }
        memset(v + t->n_tie, 0, (n - t->n_tie) * sizeof *v);
        for (size_t k = t->n_tie; k < n; k++) {
            v[k].conf[0] = v[k].conf[1] = -1.0;
        }
        t->tie = v;
        t->n_tie = n;
    }
    return &t->tie[i];
}

static bool add_share(tl_tie *k, const char *relation, double amount) {
    for (size_t i = 0; i < k->n_mix; i++) {
        if (allynet__same_str(k->mix[i].relation, relation)) {
            k->mix[i].sum += amount;
            return true;
        }
    }
    if (!allynet__grow((void **)&k->mix, &k->cap_mix, k->n_mix + 1, sizeof *k->mix, 4)) {
        return false;
    }
    k->mix[k->n_mix++] = (tl_share){relation, amount};
    return true;
}

/* Keeps span s in tie k, or counts it as dropped past the cap. */
static bool add_span(const allynet__tally *t, tl_tie *k, tl_span s) {
    if (k->n_span >= t->max_evidence) {
        k->dropped++;
        return true;
    }
    if (!allynet__grow((void **)&k->span, &k->cap_span, k->n_span + 1, sizeof *k->span, 4)) {
        return false;
    }
    k->span[k->n_span++] = s;
    return true;
}

bool allynet__tally_add(allynet__tally *t, size_t tie, const allynet__event *ev, bool weighed) {
    tl_tie *k = tie_at(t, tie);
    if (k == NULL || t->cur_doc >= t->n_doc) {
        return false;
    }
    tl_span s = {t->cur_doc, ev->start,  ev->end,       ev->cue->lemma,
                 ev->cameo,  ev->weight, ev->confidence};
    return add_span(t, k, s) &&
           (!weighed || ev->relation == NULL || add_share(k, ev->relation, fabs(ev->weight)));
}

bool allynet__tally_move(allynet__tally *dst, size_t to, allynet__tally *src, size_t from,
                         double confidence, bool negative) {
    tl_tie *k = tie_at(dst, to);
    if (k == NULL || dst->cur_doc >= dst->n_doc || from >= src->n_tie) {
        return false;
    }
    tl_tie *f = &src->tie[from];
    for (size_t i = 0; i < f->n_span; i++) {
        tl_span s = f->span[i];
        s.doc = dst->cur_doc; /* the staging tally holds one document: the current one */
        if (!add_span(dst, k, s)) {
            return false;
        }
    }
    k->dropped += f->dropped;
    for (size_t i = 0; i < f->n_mix; i++) {
        if (!add_share(k, f->mix[i].relation, f->mix[i].sum)) {
            return false;
        }
    }
    double *c = &k->conf[negative];
    *c = confidence > *c ? confidence : *c;
    return true;
}

void allynet__tally_reset(allynet__tally *t) {
    for (size_t i = 0; i < t->n_tie; i++) {
        free(t->tie[i].span);
        free(t->tie[i].mix);
        t->tie[i] = (tl_tie){.conf = {-1.0, -1.0}};
    }
}

/* Where evidence text is written: one buffered writer over one memory stream, rewound for each
 * tie (the stream's buffer holds the largest tie's text, no more). */
typedef struct {
    allynet__outbuf o;
    FILE *f;
    char *buf;
    size_t size;
} tl_writer;

/* Tie k's evidence as the JSON text of [{"doc", "start", "end", "cue", "cameo", "weight",
 * "confidence"}...], written as allynet__outbuf_json would write the jansson array; NULL when out
 * of memory. */
static char *evidence_text(const allynet__tally *t, const tl_tie *k, tl_writer *w) {
    allynet__outbuf *o = &w->o;
    if (fseek(w->f, 0, SEEK_SET) != 0) {
        return NULL;
    }
    for (size_t i = 0; i < k->n_span; i++) {
        const tl_span *s = &k->span[i];
        allynet__outbuf_puts(o, i ? ", {\"doc\": " : "[{\"doc\": ");
        allynet__outbuf_string(o, t->doc[s->doc]);
        allynet__outbuf_puts(o, ", \"start\": ");
        allynet__outbuf_long(o, (long)s->start);
        allynet__outbuf_puts(o, ", \"end\": ");
        allynet__outbuf_long(o, (long)s->end);
        allynet__outbuf_puts(o, ", \"cue\": ");
        allynet__outbuf_string(o, s->cue);
        allynet__outbuf_puts(o, ", \"cameo\": ");
        allynet__outbuf_string(o, s->cameo);
        allynet__outbuf_puts(o, ", \"weight\": ");
        allynet__outbuf_real(o, s->weight);
        allynet__outbuf_puts(o, ", \"confidence\": ");
        allynet__outbuf_real(o, s->confidence);
        allynet__outbuf_write(o, "}", 1);
    }
    allynet__outbuf_write(o, "]", 1);
    if (!allynet__outbuf_flush(o) || fflush(w->f) != 0) {
        return NULL;
    }
    return strndup(w->buf, w->size); /* size: the stream's position, the text's end */
}

/* {"relations": {category: sum...}, "evidence_dropped": n, "confidence_by_sign": {"+": p, "-":
 * p}}, each key only when it has content; NULL with *ok kept when there is nothing. */
static json_t *attrs_json(const tl_tie *k, bool *ok) {
    if (k->n_mix == 0 && k->dropped == 0 && k->conf[0] < 0 && k->conf[1] < 0) {
        return NULL;
    }
    json_t *attrs = json_object(), *mix = k->n_mix ? json_object() : NULL;
    bool good = attrs != NULL &&
                (k->n_mix == 0 ||
                 (mix != NULL && json_object_set_new_nocheck(attrs, "relations", mix) == 0));
    if (good && (k->conf[0] >= 0 || k->conf[1] >= 0)) {
        good = allynet__tieconf_set(attrs, k->conf[0], k->conf[1]);
    }
    for (size_t i = 0; good && i < k->n_mix; i++) {
        good = json_object_set_new(mix, k->mix[i].relation, json_real(k->mix[i].sum)) == 0;
    }
    if (good && k->dropped) {
        good = json_object_set_new_nocheck(attrs, "evidence_dropped",
                                           json_integer((json_int_t)k->dropped)) == 0;
    }
    if (!good) {
        json_decref(attrs);
        *ok = false;
        return NULL;
    }
    return attrs;
}

bool allynet__tally_flush(allynet__tally *t, allynet_graph *g) {
    tl_writer *w = calloc(1, sizeof *w);
    if (w != NULL && (w->f = open_memstream(&w->buf, &w->size)) != NULL) {
        allynet__outbuf_init(&w->o, w->f);
    }
    bool ok = w != NULL && w->f != NULL;
    size_t n = allynet_graph_tie_count(g);
    for (size_t i = 0; ok && i < n && i < t->n_tie; i++) {
        tl_tie *k = &t->tie[i];
        allynet_tie *tie = allynet_graph_tie_mut(g, i);
        if (k->n_span) {
            char *ev = evidence_text(t, k, w);
            tie->evidence_text = ev; /* the graph never had any: the tally holds it all */
            ok = ev != NULL;
        }
        json_t *attrs = ok ? attrs_json(k, &ok) : NULL;
        allynet__tie_take_attrs(g, i, attrs);
        free(k->span); /* as the JSON grows, the arrays go: memory peaks no higher */
        free(k->mix);
        *k = (tl_tie){0};
        ok = ok && allynet__relmix_settle(g, i);  /* each tie's relation: its weightiest kind */
        ok = ok && allynet__tieconf_settle(g, i); /* and its confidence, for its net sign */
    }
    if (w != NULL && w->f != NULL) {
        fclose(w->f);
        free(w->buf);
    }
    free(w);
    clear(t);
    return ok;
}
