/* quotes.c — who speaks a quotation, and what its first person stands for: in "We will not
 * abandon Caracas," Lavrov said, "we" is Russia; "our government", "us" likewise. The speaker is
 * the actor named beside a reporting verb after the closing mark, or before the opening one
 * ("Lavrov told reporters: ..."); a sentence that is all quotation, attributed nowhere, keeps the
 * speaker of the sentence before it (the next quoted sentence of the same statement). */
#include "roles.h"

#include <string.h>

enum { REACH = 10 }; /* tokens between a quotation mark and its reporting verb */

static const char *const reporting[] = {
    "said",   "says",     "say",      "told",   "tells",  "added",     "stressed", "declared",
    "stated", "insisted", "warned",   "wrote",  "noted",  "explained", "asserted", "argued",
    "posted", "tweeted",  "remarked", "quoted", "saying", "telling",   NULL};

/* Is token i a double quotation mark, and does it open (1) or close (-1) a quotation? 0 when no
 * mark. Straight marks are read by their spacing: one attached to the next word and not to the
 * previous opens. */
static int mark(const allynet__tokens *t, size_t i, size_t first, size_t last) {
    if (!(t->v[i].flags & TK_QUOTE)) {
        return 0;
    }
    const char *w = allynet__tok_norm(t, i);
    if (strcmp(w, "\xe2\x80\x9c") == 0 || strcmp(w, "\xc2\xab") == 0) { /* “ « */
        return 1;
    }
    if (strcmp(w, "\xe2\x80\x9d") == 0 || strcmp(w, "\xc2\xbb") == 0) { /* ” » */
        return -1;
    }
    if (strcmp(w, "\"") != 0) {
        return 0; /* single marks are apostrophes as often as quotes */
    }
    bool to_prev = i > first && t->v[i - 1].end == t->v[i].start;
    bool to_next = i + 1 < last && t->v[i + 1].start == t->v[i].end;
    return to_next && !to_prev ? 1 : to_prev ? -1 : i == first ? 1 : -1;
}

/* The actor of the mention that names the speaker in tokens [from, to): the first one with an
 * actor that is no place, cited source or thing. */
static const char *speaker_in(const allynet__sent *x, size_t from, size_t to, bool nearest) {
    const char *found = NULL;
    for (size_t j = 0; j < x->nm; j++) {
        const allynet__mention *mn = &x->m[j];
        if (mn->first >= from && mn->last <= to && mn->actors[0] && mn->actors[1] == NULL &&
            !(mn->flags & (MN_PLACE | MN_IN | MN_QUOTED | MN_THING | MN_EVENT))) {
            found = mn->actors[0];
            if (!nearest) {
                return found;
            }
        }
    }
    return found;
}

/* Stops a search for the reporting verb: the end of a clause or another quotation. */
static bool barrier(const allynet__tokens *t, size_t i) {
    const char *w = allynet__tok_norm(t, i);
    return (t->v[i].flags & (TK_QUOTE | TK_END)) || strcmp(w, ";") == 0;
}

/* An organ of the state that speaks without naming it ("the ministry said"): the first actor of
 * the sentence before (its subject, as a rule), else the latest source. */
static const char *organ(const allynet__sent *x, size_t from, size_t to,
                         const allynet__discourse *d) {
    static const char *const organs[] = {
        "ministry",     "government", "office",  "spokesman", "spokeswoman",
        "spokesperson", "presidency", "embassy", "officials", NULL};
    const char *who = d->first[1]                              ? d->first[1]
                      : d->last_subject && d->age_subject <= 2 ? d->last_subject
                                                               : NULL;
    for (size_t k = from; k < to && k <= from + 4 && who; k++) {
        if (allynet__tok_in_list(x->t, k, organs)) {
            return who;
        }
    }
    return NULL;
}

/* The speaker of a quotation closed at c: "…," Lavrov said / "…," said Russia's minister / "…,"
 * the ministry said. */
static const char *after(const allynet__sent *x, size_t c, const allynet__discourse *d) {
    const allynet__tokens *t = x->t;
    for (size_t v = c + 1; v < x->s.last && v <= c + REACH && !barrier(t, v); v++) {
        if (allynet__tok_in_list(t, v, reporting)) {
            size_t e = v + 7 < x->s.last ? v + 7 : x->s.last;
            const char *s = speaker_in(x, c + 1, v, false);
            s = s ? s : speaker_in(x, v + 1, e, false);
            return s ? s : organ(x, c + 1, v, d);
        }
    }
    return NULL;
}

/* The speaker of a quotation opened at o: Lavrov told reporters in Moscow: "…". */
static const char *before(const allynet__sent *x, size_t o) {
    const allynet__tokens *t = x->t;
    if (o == x->s.first) {
        return NULL;
    }
    for (size_t v = o; v-- > x->s.first && o - v <= REACH && !barrier(t, v);) {
        if (allynet__tok_in_list(t, v, reporting)) {
            return speaker_in(x, x->s.first, v, true);
        }
    }
    return NULL;
}

/* "Ireland, Norway and Spain are announcing that we recognise": a coordination of actors in
 * the quotation, named before the pronoun at mention w, that includes the speaker is what "we"
 * means (a run holding a pronoun is left alone: "we and Hamas ..., we will" is the speaker).
 * Copies it into mn and returns true, or returns false. */
static bool speaker_group(const allynet__sent *x, size_t from, size_t w, const char *who,
                          allynet__mention *mn) {
    size_t j = w; /* the last actor named in the quotation before mention w */
    while (j > 0 && x->m[j - 1].first > from &&
           (x->m[j - 1].actors[0] == NULL || x->m[j - 1].actors[1] != NULL ||
            (x->m[j - 1].flags & (MN_PRON | MN_PLACE | MN_IN | MN_EVENT)))) {
        j--;
    }
    if (j == 0 || x->m[j - 1].first <= from) {
        return false;
    }
    size_t start = j - 1; /* and the actors coordinated with it ("Ireland, Norway and Spain") */
    while (start > 0 && x->m[start - 1].first > from && x->m[start - 1].actors[0] &&
           x->m[start - 1].actors[1] == NULL && !(x->m[start - 1].flags & MN_PRON) &&
           allynet__coordinated(x, &x->m[start - 1], &x->m[start])) {
        start--;
    }
    bool has = false;
    for (size_t k = start; k < j; k++) {
        has |= allynet__same_str(x->m[k].actors[0], who);
    }
    if (j - start < 2 || !has) {
        return false;
    }
    for (size_t k = 0; k < ALLYNET__MAX_GROUP; k++) {
        mn->actors[k] = k < j - start ? x->m[start + k].actors[0] : NULL;
    }
    return true;
}

void allynet__quote_speakers(allynet__sent *x, allynet__discourse *d) {
    const allynet__tokens *t = x->t;
    const char *carried = d->speaker_age == 0 ? d->speaker : NULL;
    d->speaker_age++;
    size_t open = SIZE_MAX, spans = 0;
    struct {
        size_t first, last;
        const char *who;
    } q[8];
    for (size_t i = x->s.first; i < x->s.last && spans < 8; i++) {
        if (!(t->v[i].flags & TK_QUOTE)) {
            continue; /* most tokens: one test */
        }
        int m = mark(t, i, x->s.first, x->s.last);
        if (m > 0 && open == SIZE_MAX) {
            open = i;
        } else if (m < 0) {
            size_t o = open == SIZE_MAX ? x->s.first : open;
            const char *who = after(x, i, d);
            q[spans].first = o;
            q[spans].last = i;
            q[spans++].who = who ? who : open != SIZE_MAX ? before(x, open) : NULL;
            open = SIZE_MAX;
        }
    }
    if (open != SIZE_MAX && spans < 8) { /* the quotation goes on into the next sentence */
        q[spans].first = open;
        q[spans].last = x->s.last;
        q[spans++].who = before(x, open);
    }
    const char *said = NULL;
    for (size_t k = 0; k < spans; k++) {
        /* "…." alone, or the rest of a quotation the sentence before opened: that speaker */
        if (q[k].who == NULL && q[k].first == x->s.first) {
            q[k].who = carried;
        }
        for (size_t j = 0; j < x->nm && q[k].who; j++) {
            allynet__mention *mn = &x->m[j];
            if ((mn->flags & MN_PRON) && mn->actors[0] == NULL && mn->first >= q[k].first &&
                mn->last <= q[k].last && mn->target_of && strcmp(mn->target_of, "speaker") == 0) {
                if (!speaker_group(x, q[k].first, j, q[k].who, mn)) {
                    mn->actors[0] = q[k].who;
                }
                mn->flags |= MN_COREF;
            }
        }
        said = q[k].who ? q[k].who : said;
    }
    if (said != NULL) {
        d->speaker = said;
        d->speaker_age = 0;
    }
    for (size_t j = 0; j < x->nm; j++) {
        if (x->m[j].target_of && strcmp(x->m[j].target_of, "speaker") == 0) {
            x->m[j].target_of = NULL; /* unresolved: "we" with no speaker is nobody known */
        }
    }
}
