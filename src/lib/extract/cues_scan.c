/* cues_scan.c — scanning a sentence for actor mentions, relation cues and anaphors (the flags
 * each cue then gets are cues.c). */
#include "extract_int.h"

#include <string.h>

/* Words that make a following "war" a name or a domestic conflict, not an event between the
 * actors around it: "a Cold War mentality", "years of civil war", "since World War Two". */
static const char *const idiom_heads[] = {"cold", "civil", "world", NULL};

static const char *nm(const allynet__sent *x, size_t i) {
    return allynet__tok_norm(x->t, i);
}

/* ---------------------------------------------------------------- scanning */

static void add_cue(allynet__sent *x, const allynet__lx_match *lm) {
    if (x->nc == ALLYNET__MAX_CUE) {
        return;
    }
    x->cue[x->nc] = *lm;
    x->cue_flags[x->nc] = 0;
    for (size_t k = lm->first; k < lm->last; k++) {
        x->tok_cue[k - x->s.first] = (unsigned char)(x->nc + 1);
    }
    x->nc++;
}

static void add_mention(allynet__sent *x, size_t i, const allynet__gz_match *g) {
    if (x->nm == ALLYNET__MAX_MN) {
        return;
    }
    if (i > x->s.first && g->type != GZ_NAME && strcmp(nm(x, i - 1), "former") == 0) {
        return; /* "former U.S. President X", "a former German colony": not the state today */
    }
    static const char *const prefixes[] = {"non", "ex", "anti", "pro", "post", "pre", NULL};
    if (i >= x->s.first + 2 && strcmp(nm(x, i - 1), "-") == 0 &&
        allynet__tok_in_list(x->t, i - 2, prefixes)) {
        return; /* "a major non-NATO ally", "ex-Soviet states", "pro-Russian separatists" */
    }
    allynet__mention *mn = &x->m[x->nm++];
    *mn = (allynet__mention){.first = i, .last = i + g->ntok, .actors = {g->actor, NULL}};
    if (x->t->v[i + g->ntok - 1].flags & TK_POSS) {
        mn->flags |= MN_POSS;
    }
    if (g->type == GZ_ADJECTIVE) {
        mn->flags |= MN_ADJ;
    }
    if (g->type == GZ_LEADER) {
        mn->flags |= MN_LEADER;
    }
    if (g->type == GZ_ORG_NAME) {
        mn->flags |= MN_ORG;
    }
}

/* An event noun after "the"/"this" that refers back to an event ("the seizure"). */
static bool event_anaphor(allynet__sent *x, const allynet__sentence_ctx *c,
                          const allynet__lx_match *lm) {
    size_t i = lm->first;
    if (lm->cue->pos != LX_NOUN || i == x->s.first || x->nm == ALLYNET__MAX_MN) {
        return false;
    }
    static const char *const dets[] = {"the", "this", "that", "these", "those", "both", NULL};
    if (!allynet__tok_in_list(x->t, i - 1, dets) || !allynet__coref_event(c->dis, lm->cue)) {
        return false;
    }
    allynet__mention *mn = &x->m[x->nm++];
    *mn = (allynet__mention){.first = i - 1, .last = lm->last};
    allynet__coref_event_mention(c->dis, lm->cue, mn);
    return true;
}

static bool after_det(const allynet__sent *x, size_t i) {
    static const char *const det[] = {"a", "an", "the", "this", "these", "those", "any", NULL};
    return i > x->s.first && allynet__tok_in_list(x->t, i - 1, det);
}

/* Is token i right after a possessive ("Russia's arms", "their support")? */
static bool after_possessive(const allynet__sent *x, size_t i) {
    static const char *const poss[] = {"his", "her", "its", "their", "our", NULL};
    return i > x->s.first &&
           ((x->t->v[i - 1].flags & TK_POSS) || allynet__tok_in_list(x->t, i - 1, poss));
}

/* Does the cue name what an actor is rather than what it does: "opposition group",
 * "opposition leader", "Charge d'Affaires"? */
static bool describes_actor(const allynet__sent *x, const allynet__lx_match *lm) {
    static const char *const kinds[] = {
        "group",       "groups",   "leader",    "leaders",   "party",    "parties",   "forces",
        "figure",      "figures",  "coalition", "candidate", "lawmaker", "lawmakers", "politician",
        "politicians", "movement", "fighters",  "activists", "member",   "members",   "media",
        "supporters",  "camp",     "bloc",      NULL};
    const char *next = lm->last < x->s.last ? nm(x, lm->last) : "";
    if (strcmp(lm->cue->lemma, "opposition") == 0) {
        /* "the Venezuelan opposition", "opposition leader": the group; "opposition to X" acts */
        bool named = lm->first > x->s.first && x->nm > 0 && x->m[x->nm - 1].last == lm->first;
        return allynet__tok_in_list(x->t, lm->last, kinds) ||
               (named && strcmp(next, "to") != 0 && strcmp(next, "against") != 0);
    }
    if (strcmp(lm->cue->lemma, "alliance") == 0) {
        /* "the US-led alliance's border", "the alliance's summit": the organisation itself */
        bool led = lm->first > x->s.first + 1 && strcmp(nm(x, lm->first - 1), "led") == 0;
        return led || (x->t->v[lm->last - 1].flags & TK_POSS);
    }
    if (strcmp(lm->cue->lemma, "charge") == 0) {
        return strcmp(next, "d") == 0 || strncmp(next, "d'", 2) == 0 ||
               strncmp(next, "d\xe2\x80\x99", 4) == 0 || strcmp(next, "d\xe2\x80\x99") == 0;
    }
    return false;
}

/* Is token i, a verb cue's -s form, a plural noun here: after a verb ("showed signs of",
 * "buying arms"), a number or quantifier ("60 targets", "no signs") or a preposition ("supply of
 * arms")? */
static bool plural_noun(const allynet__sent *x, size_t i, const allynet__lx_match *lm) {
    static const char *const before[] = {"of",   "for",  "with", "no",    "any",   "some",
                                         "many", "more", "few",  "fewer", "first", NULL};
    const char *w = nm(x, i), *p = i > x->s.first ? nm(x, i - 1) : "";
    size_t n = strlen(w), np = strlen(p);
    if (lm->cue->pos != LX_VERB || lm->last != lm->first + 1 || n < 3 || w[n - 1] != 's' ||
        strcmp(w, lm->cue->lemma) == 0 || i == x->s.first || (x->t->v[i - 1].flags & TK_CAP)) {
        return false;
    }
    return allynet__tok_in_list(x->t, i - 1, before) || (x->t->v[i - 1].flags & TK_NUM) ||
           (np > 4 && (strcmp(p + np - 3, "ing") == 0 || strcmp(p + np - 2, "ed") == 0));
}

/* Does the word before token i make a noun reading likelier (a determiner, an adjective, a
 * preposition other than the infinitive "to", a possessive)? */
static bool noun_context(const allynet__sent *x, size_t i) {
    if (i == x->s.first) {
        return false;
    }
    const char *w = nm(x, i - 1);
    if (x->nm > 0 && x->m[x->nm - 1].last == i && (x->m[x->nm - 1].flags & MN_ADJ)) {
        return true; /* "the Israeli strikes" */
    }
    if (allynet__tok_in_list(x->t, i - 1, allynet__arms) && i - 1 > x->s.first && x->nm > 0 &&
        x->m[x->nm - 1].last == i - 1 && (x->m[x->nm - 1].flags & MN_ADJ)) {
        return true; /* "the Russian drone attacks" */
    }
    return after_det(x, i) || allynet__tok_in_list(x->t, i - 1, allynet__modifiers) ||
           (allynet__tok_in_list(x->t, i - 1, allynet__preps) && strcmp(w, "to") != 0) ||
           (x->t->v[i - 1].flags & TK_POSS) || strcmp(w, "his") == 0 || strcmp(w, "its") == 0 ||
           strcmp(w, "their") == 0 || strcmp(w, "her") == 0;
}

/* Is token i "armed" used as an adjective rather than "armed X" (gave X arms)? */
static bool armed_adjective(const allynet__sent *x, size_t i) {
    static const char *const object[] = {"the", "them",   "it",        "its",    "their",   "his",
                                         "her", "rebels", "militants", "groups", "proxies", NULL};
    if (strcmp(nm(x, i), "armed") != 0) {
        return false;
    }
    if (i + 1 >= x->s.last) {
        return true;
    }
    return !(x->t->v[i + 1].flags & TK_CAP) && !allynet__tok_in_list(x->t, i + 1, object);
}

/* Is lm a sharing cue whose gap names ground ("shares a border with", "share a coastline")? */
static bool shared_ground(const allynet__sent *x, const allynet__lx_match *lm) {
    static const char *const ground[] = {"border",    "borders",   "frontier", "boundary",
                                         "coastline", "coast",     "river",    "island",
                                         "sea",       "waterways", "basin",    NULL};
    if (!allynet__same_word(nm(x, lm->first), "share") &&
        !allynet__same_word(nm(x, lm->first), "shares") &&
        !allynet__same_word(nm(x, lm->first), "shared") &&
        !allynet__same_word(nm(x, lm->first), "sharing")) {
        return false;
    }
    for (size_t k = lm->first + 1; k < lm->last; k++) {
        if (allynet__tok_in_list(x->t, k, ground)) {
            return true;
        }
    }
    return false;
}

void allynet__cues_scan(allynet__sent *x, const allynet__sentence_ctx *c) {
    const allynet__tokens *t = x->t;
    size_t i = x->s.first, cue_end = 0; /* tokens inside a gapped cue start no other cue */
    while (i < x->s.last) {
        allynet__gz_match g;
        allynet__lx_match lm;
        size_t len;
        if (allynet__gazetteer_match(c->gz, t, i, x->s.last, c->date, &g)) {
            if (g.actor) { /* NULL: words the dictionary says name no actor */
                add_mention(x, i, &g);
            }
            i += g.ntok;
        } else if (i + 1 < x->s.last && strcmp(nm(x, i + 1), "war") == 0 &&
                   allynet__tok_in_list(x->t, i, idiom_heads)) {
            i += 2; /* "the Cold War", "years of civil war": not an event between actors */
        } else if (i >= cue_end && allynet__lexicon_starts(c->lx, t, i) &&
                   allynet__lexicon_match(c->lx, t, i, x->s.last, noun_context(x, i), &lm)) {
            cue_end = lm.last;
            if (lm.last < x->s.last && (strcmp(nm(x, lm.last), "-") == 0 ||
                                        (strcmp(nm(x, lm.last), "for") == 0 && i > x->s.first &&
                                         strcmp(nm(x, i - 1), "in") == 0))) {
                /* "war-torn", "US-led", "in exchange for", "in return for" */
                /* "war-torn", "US-led": part of a compound adjective */
            } else if (lm.cue->pos == LX_VERB && lm.last == lm.first + 1 &&
                       (after_det(x, i) ||
                        (after_possessive(x, i) && strcmp(nm(x, i), lm.cue->lemma) != 0))) {
                /* "its help" is help; "Russia's arms" are no arming */
                /* "a charge", "a sanctioned tanker": not a verb here */
            } else if (describes_actor(x, &lm)) {
                /* "the opposition group HTS", "the Charge d'Affaires": a title, no relation */
            } else if (plural_noun(x, i, &lm)) {
                /* "showed signs of", "buying arms": a plural noun, coded only as a noun cue
                 * ("hit with sanctions") */
                allynet__lx_match nlm;
                if (allynet__lexicon_match(c->lx, t, i, x->s.last, true, &nlm) &&
                    nlm.cue->pos == LX_NOUN && !event_anaphor(x, c, &nlm)) {
                    add_cue(x, &nlm);
                }
            } else if (armed_adjective(x, i)) {
                /* "armed with knives", "armed groups", "the armed forces" */
            } else if (shared_ground(x, &lm)) {
                /* "shares a long border with Niger": geography, not cooperation */
            } else if (!event_anaphor(x, c, &lm)) {
                add_cue(x, &lm);
            }
            i = lm.cue->pos == LX_NOUN ? lm.last : lm.first + 1;
        } else if (allynet__coref_scan(x, i, &len)) {
            i += len;
        } else {
            i++;
        }
    }
}
