/* blame.c — blame laid in reported speech, which names no accusing verb: "Moscow said Kyiv was
 * behind the attack", "X claimed that it was organized by Y", "says the United States shares
 * blame for", "Y bears responsibility for"; and the claim of an attack: "Y claimed
 * responsibility for the attack in X" (Y attacked X). The speaker accuses the actor blamed
 * (CAMEO 112); a denied or negated charge codes nothing. */
#include "blame.h"

#include <string.h>

static const allynet__cue blamed = {"blame (reported)", "112", -2.0, "accusation", LX_VERB, 0};
static const allynet__cue claimed = {
    "claimed responsibility for an attack", "180", -9.0, "military", LX_NOUN, 0};

enum { REACH = 24 }; /* tokens from the reporting verb to the charge */

static const char *const reporting[] = {
    "said",       "says",    "say",      "claimed", "claims",   "claim",     "alleged",  "alleges",
    "insisted",   "insists", "believes", "believe", "suspects", "suspected", "charged",  "charges",
    "maintained", "argued",  "asserted", "asserts", "saying",   "claiming",  "alleging", NULL};
static const char *const copula[] = {"was", "were", "is", "are", "been", "be", NULL};
static const char *const carry[] = {"bears", "bear",   "bore",    "borne", "shares",
                                    "share", "shared", "bearing", NULL};
static const char *const done_by[] = {
    "organized",   "organised", "orchestrated", "planned",    "masterminded",
    "ordered",     "staged",    "sponsored",    "plotted",    "instigated",
    "perpetrated", "committed", "carried",      "engineered", NULL};
static const char *const negators[] = {"not", "never", "n't", "no", NULL};
static const char *const attacks[] = {"attack",   "attacks",  "bombing",   "bombings",  "assault",
                                      "massacre", "shooting", "explosion", "blast",     "raid",
                                      "strike",   "strikes",  "ambush",    "hijacking", NULL};

/* What one is blamed for: "responsible for the blast"; "responsible for security" is no charge. */
static const char *const harms[] = {
    "attack",   "attacks",       "bombing",    "bombings",    "killing",   "killings", "death",
    "deaths",   "explosion",     "explosions", "blast",       "blasts",    "strike",   "strikes",
    "massacre", "assassination", "downing",    "crash",       "violence",  "sabotage", "shelling",
    "incident", "hack",          "hacking",    "cyberattack", "poisoning", "shooting", "raid",
    "ambush",   "invasion",      "genocide",   "destruction", "coup",      "unrest",   "fire",
    "it",       "this",          "that",       "them",        "these",     "plot",     "murder",
    "war",      "atrocities",    "abduction",  "kidnapping",  "leak",      "blockade", NULL};

/* Does a harm follow token i within a few words ("behind the deadly attack", "for it")? */
static bool harm_after(const allynet__sent *x, size_t i) {
    for (size_t k = i; k < x->s.last && k < i + 5; k++) {
        if (allynet__tok_in_list(x->t, k, harms)) {
            return true;
        }
        if (x->t->v[k].flags & TK_PUNCT) {
            return false;
        }
    }
    return false;
}

static const char *w_at(const allynet__sent *x, size_t i) {
    return allynet__tok_norm(x->t, i);
}

static bool stop_here(const allynet__sent *x, size_t i) {
    return (x->t->v[i].flags & TK_END) || allynet__same_word(w_at(x, i), ";");
}

/* The actors of the first eligible mention in [from, to): the clause's subject. */
static bool subject_in(const allynet__sent *x, size_t from, size_t to, allynet__roles *r) {
    for (size_t j = 0; j < x->nm; j++) {
        const allynet__mention *mn = &x->m[j];
        if (mn->first >= from && mn->last <= to && mn->actors[0] &&
            !(mn->flags & (MN_PLACE | MN_QUOTED | MN_IN | MN_FROM | MN_THING | MN_EVENT))) {
            allynet__add_role(r, mn);
            return true;
        }
    }
    return false;
}

/* The mention that starts at token i (after "the"), as an agent, into r. */
static bool mention_at(const allynet__sent *x, size_t i, allynet__roles *r, bool places) {
    if (i < x->s.last && allynet__same_word(w_at(x, i), "the")) {
        i++;
    }
    for (size_t j = 0; j < x->nm; j++) {
        const allynet__mention *mn = &x->m[j];
        if (mn->first == i && mn->actors[0] && !(mn->flags & (MN_QUOTED | MN_THING)) &&
            (places || !(mn->flags & (MN_PLACE | MN_IN)))) {
            allynet__add_role(r, mn);
            return true;
        }
    }
    return false;
}

static bool negated(const allynet__sent *x, size_t i) {
    return i < x->s.last && allynet__tok_in_list(x->t, i, negators);
}

/* The actor blamed in the clause from `from` (after the reporting verb), into tg. */
static bool charge(const allynet__sent *x, size_t from, allynet__roles *tg) {
    for (size_t i = from; i < x->s.last && i < from + REACH && !stop_here(x, i); i++) {
        const char *w = w_at(x, i);
        if (i > from && (allynet__same_word(w, "behind") || allynet__same_word(w, "responsible"))) {
            /* "Kyiv was behind the attack", "Israel is directly responsible for the blast";
             * "was not behind" denies it */
            size_t c = i - 1;
            bool adverb = c > from && !allynet__tok_in_list(x->t, c, copula) &&
                          allynet__tok_in_list(x->t, c - 1, copula) && (x->t->v[c].flags & TK_WORD);
            c -= adverb ? 1 : 0;
            if (!allynet__tok_in_list(x->t, c, copula)) {
                continue;
            }
            return !(adverb && negated(x, c + 1)) && harm_after(x, i + 1) &&
                   subject_in(x, from, c, tg);
        }
        if (i > from &&
            (allynet__same_word(w, "blame") || allynet__same_word(w, "responsibility")) &&
            (allynet__tok_in_list(x->t, i - 1, carry) ||
             (i > from + 1 && allynet__same_word(w_at(x, i - 1), "the") &&
              allynet__tok_in_list(x->t, i - 2, carry)))) {
            size_t c = allynet__tok_in_list(x->t, i - 1, carry) ? i - 1 : i - 2;
            return !(c > from && negated(x, c - 1)) &&
                   (allynet__same_word(w, "blame") || harm_after(x, i + 1)) &&
                   subject_in(x, from, c, tg);
        }
        if (i > from && allynet__tok_in_list(x->t, i, done_by) &&
            allynet__tok_in_list(x->t, i - 1, copula) && !negated(x, i - 1)) {
            size_t k = i + 1; /* "it was organized by Ukraine", "carried out by" */
            if (k < x->s.last && allynet__same_word(w_at(x, k), "out")) {
                k++;
            }
            bool harm = false; /* what was done is a harm: "the summit was organized by" no */
            for (size_t h = from; h + 1 < i && !harm; h++) {
                harm = allynet__tok_in_list(x->t, h, harms);
            }
            return harm && k + 1 < x->s.last && allynet__same_word(w_at(x, k), "by") &&
                   mention_at(x, k + 1, tg, false);
        }
    }
    return false;
}

/* "Y claimed responsibility for the attack on|in|against X": Y and X. */
static bool claimed_attack(const allynet__sent *x, size_t v, allynet__roles *src,
                           allynet__roles *tg) {
    size_t i = v + 1;
    if (!(i + 2 < x->s.last && allynet__same_word(w_at(x, i), "responsibility") &&
          allynet__same_word(w_at(x, i + 1), "for"))) {
        return false;
    }
    for (size_t k = i + 2; k < x->s.last && k < i + 6; k++) {
        if (allynet__tok_in_list(x->t, k, attacks)) {
            static const char *const on[] = {"on", "in", "against", "near", NULL};
            for (size_t p = k + 1; p + 1 < x->s.last && p < k + 4; p++) {
                if (allynet__tok_in_list(x->t, p, on)) {
                    /* "the attack on a Moscow concert hall", "on the hall in Moscow": the
                     * first actor or place named after the preposition is the one hit */
                    bool hit = false;
                    for (size_t q = p + 1; q < x->s.last && q < p + 7 && !hit; q++) {
                        if (x->t->v[q].flags & TK_PUNCT) {
                            break;
                        }
                        hit = mention_at(x, q, tg, true);
                    }
                    return hit && allynet__left_role(x, allynet__clause_start(x, v), v, src) >= 0;
                }
            }
            return false;
        }
    }
    return false;
}

/* The words a charge needs: most sentences have none and are passed over in one scan. */
static const char *const triggers[] = {"behind",
                                       "responsible",
                                       "blame",
                                       "responsibility",
                                       "organized",
                                       "organised",
                                       "orchestrated",
                                       "planned",
                                       "masterminded",
                                       "ordered",
                                       "staged",
                                       "sponsored",
                                       "plotted",
                                       "instigated",
                                       "perpetrated",
                                       "committed",
                                       "carried",
                                       "engineered",
                                       NULL};

/* Adds the hash of every word of list to b. */
static void fill(allynet__bloom *b, const char *const *list) {
    for (size_t k = 0; list[k]; k++) {
        allynet__bloom_add(b, allynet__str_hash(list[k]));
    }
}

size_t allynet__blame_find(const allynet__sent *x, allynet__blame *out, size_t cap) {
    /* This scan sees every word of the text: a filter of the lists' hashes passes most words
     * over in a few instructions, and a sentence goes further only with a reporting verb and a
     * trigger after it (callgrind on a 3 MB corpus: 14M instructions with the word lists alone,
     * 4M this way). */
    static _Thread_local allynet__bloom reporting_f, triggers_f;
    static _Thread_local bool ready;
    if (!ready) {
        fill(&reporting_f, reporting);
        fill(&triggers_f, triggers);
        ready = true;
    }
    size_t n = 0, first = SIZE_MAX;
    bool any = false;
    for (size_t i = x->s.first; i < x->s.last && !any; i++) {
        uint32_t h = x->t->v[i].hash;
        if (first == SIZE_MAX) {
            if (allynet__bloom_has(&reporting_f, h) && allynet__tok_in_list(x->t, i, reporting)) {
                first = i;
            }
        } else {
            any = allynet__bloom_has(&triggers_f, h) && allynet__tok_in_list(x->t, i, triggers);
        }
    }
    if (!any) {
        return 0;
    }
    for (size_t v = first; v < x->s.last && n < cap; v++) {
        if (!allynet__bloom_has(&reporting_f, x->t->v[v].hash) ||
            !allynet__tok_in_list(x->t, v, reporting)) {
            continue;
        }
        allynet__roles src = {0}, tg = {0};
        bool attack = allynet__same_word(w_at(x, v), "claimed") && claimed_attack(x, v, &src, &tg);
        if (!attack) {
            size_t from = v + 1;
            if (from < x->s.last && allynet__same_word(w_at(x, from), "that")) {
                from++;
            }
            if (!charge(x, from, &tg) ||
                allynet__left_role(x, allynet__clause_start(x, v), v, &src) < 0) {
                continue;
            }
        }
        allynet__drop_roles(&tg, &src);
        for (size_t a = 0; a < src.n; a++) {
            for (size_t b = 0; b < tg.n && n < cap; b++) {
                out[n++] = (allynet__blame){src.a[a], tg.a[b], attack ? &claimed : &blamed};
            }
        }
    }
    return n;
}
