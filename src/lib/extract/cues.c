/* cues.c — flagging each cue of a sentence (its mentions, cues and anaphors found by
 * cues_scan.c): negated ("refused to", "no longer"), hypothetical ("claims that", "was weighing"),
 * absorbed by another ("threatened to strike"), an appeal that demands, a shared stance. */
#include "extract_int.h"

#include <string.h>

static const char *const negators[] = {"not",      "never",    "refused",  "refuses",   "refuse",
                                       "refusing", "declined", "declines", "declining", "decline",
                                       "denied",   "denies",   "deny",     "denying",   "without",
                                       "failed",   "fails",    "fail",     "failing",   NULL};
static const char *const shared_words[] = {"shared", "common", "joint", "mutual", NULL};

static const char *nm(const allynet__sent *x, size_t i) {
    return allynet__tok_norm(x->t, i);
}

/* ---------------------------------------------------------------- cue flags */

/* Is the cue inside a claim someone else makes or a mere possibility ("rejected claims that it
 * was considering arming X", "was weighing support")? Then it codes nothing. */
/* Is cue lm the scope of a pact or a rule ("the treaty covers armed attacks on X", "a pact
 * against aggression")? Then no such act took place. */
static bool scope_of(const allynet__sent *x, const allynet__lx_match *lm) {
    static const char *const cover[] = {"covers",    "cover", "covered", "covering",
                                        "applies",   "apply", "deter",   "deters",
                                        "prohibits", "bans",  NULL};
    if (!allynet__sent_may_have(x, cover)) {
        return false;
    }
    for (size_t k = lm->first, n = 0; k > x->s.first && n < 3; k--, n++) {
        if (allynet__tok_in_list(x->t, k - 1, cover)) {
            return true;
        }
        if (!(x->t->v[k - 1].flags & TK_WORD) || x->tok_cue[k - 1 - x->s.first]) {
            return false;
        }
    }
    return false;
}

static const char *const clause_joins[] = {"and", "but", "while", "or", NULL};

static bool hypothetical(const allynet__sent *x, const allynet__lx_match *lm) {
    static const char *const hedges[] = {
        "considering", "weighing", "mulling", "contemplating", "reportedly", "rumoured", "rumored",
        "wanted",      "wants",    "want",    "hopes",         "hoped",      NULL};
    static const char *const claims[] = {"claims",      "claim",       "allegations", "allegation",
                                         "accusations", "accusation",  "reports",     "rumours",
                                         "rumors",      "suggestions", "suggestion",  "charge",
                                         "charges",     "assertion",   NULL};
    static const char *const wishes[] = {"wanted", "wants", "want", "wished", "wishes", NULL};
    if (!(allynet__sent_may_have(x, hedges) || allynet__sent_may_have(x, wishes) ||
          allynet__sent_may_have(x, claims))) {
        return false; /* no such word in the sentence */
    }
    bool to = false; /* "wanted Kyiv to commit to peace talks": a wish, not an event */
    for (size_t k = lm->first, n = 0; k > x->s.first && n < 10; k--, n++) {
        const char *w = nm(x, k - 1);
        if (((x->t->v[k - 1].flags & TK_PUNCT) && n >= 4) ||
            (k - 1 > x->s.first && allynet__tok_in_list(x->t, k - 1, clause_joins) &&
             strcmp(nm(x, k - 2), ",") == 0)) {
            break; /* "denied reports that X ..., and condemned Y": a clause of its own */
        }
        to |= strcmp(w, "to") == 0;
        if ((n < 4 && allynet__tok_in_list(x->t, k - 1, hedges)) ||
            (to && n < 8 && allynet__tok_in_list(x->t, k - 1, wishes)) ||
            (strcmp(w, "that") == 0 && k - 1 > x->s.first &&
             allynet__tok_in_list(x->t, k - 2, claims))) {
            return true;
        }
    }
    return false;
}

static const char *const auxiliaries[] = {"has",  "have", "had", "will", "would", "was",
                                          "were", "is",   "are", "did",  "also",  NULL};

/* Verbs of denial: "denied arming X" says X got no arms; it is no act towards X at all. */
static const char *const denials[] = {"denied", "denies", "deny", "denying", NULL};

/* 0 when the cue is not negated, 1 when it is ("refused to back X"), 2 when it is denied. */
static int negated(const allynet__sent *x, const allynet__lx_match *lm) {
    static const char *const no[] = {"no", NULL};
    if (strncmp(lm->cue->lemma, "not ", 4) == 0 || strncmp(lm->cue->lemma, "no ", 3) == 0 ||
        !(allynet__sent_may_have(x, denials) || allynet__sent_may_have(x, negators) ||
          allynet__sent_may_have(x, no))) {
        return 0; /* (no word of denial or negation in the sentence) */
    }
    for (size_t k = lm->first, n = 0; k > x->s.first && n < 6; k--, n++) {
        const char *w = nm(x, k - 1);
        if ((x->t->v[k - 1].flags & TK_PUNCT) || x->tok_cue[k - 1 - x->s.first] ||
            (n > 0 && allynet__tok_in_list(x->t, k - 1, clause_joins) &&
             allynet__tok_in_list(x->t, k, auxiliaries))) {
            break; /* "is not for sale and has accused X": a new clause */
        }
        if (allynet__tok_in_list(x->t, k - 1, denials)) {
            return 2;
        }
        if (allynet__tok_in_list(x->t, k - 1, negators) ||
            (strcmp(w, "longer") == 0 && k - 1 > x->s.first && strcmp(nm(x, k - 2), "no") == 0) ||
            (strcmp(w, "no") == 0 && n == 0)) {
            return 1;
        }
    }
    return 0;
}

static bool mention_between(const allynet__sent *x, size_t from, size_t to) {
    for (size_t j = 0; j < x->nm; j++) {
        if (x->m[j].first >= from && x->m[j].first < to) {
            return true;
        }
    }
    return false;
}

/* Verbs that end what their object names: a cooperative cue after them becomes a cut ("suspended
 * the water treaty with X", "halted aid to X"), a hostile one an easing ("lifted the embargo on
 * X"). The forms are listed because the verbs are not cues themselves, or are weaker ones. */
static const char *const halting[] = {
    "suspend",    "suspended",  "suspends",   "suspending", "halt",        "halted",   "halts",
    "halting",    "freeze",     "froze",      "frozen",     "freezes",     "freezing", "cut",
    "cuts",       "cutting",    "end",        "ended",      "ends",        "ending",   "terminate",
    "terminated", "terminates", "scrap",      "scrapped",   "scraps",      "cancel",   "cancelled",
    "canceled",   "cancels",    "stop",       "stopped",    "stops",       "stopping", "prohibit",
    "prohibited", "prohibits",  "withhold",   "withheld",   "withholds",   "abandon",  "abandoned",
    "abandons",   "quit",       "quits",      "revoke",     "revoked",     "revokes",  "break",
    "breaks",     "broke",      "broken",     "breaking",   "sever",       "severed",  "severs",
    "severing",   "downgrade",  "downgraded", "downgrades", "downgrading", NULL};
static const char *const lifting[] = {
    "lift",   "lifted",  "lifts",   "lifting", "ease",    "eased",   "eases",  "easing",
    "remove", "removed", "removes", "relax",   "relaxed", "relaxes", "scrap",  "scrapped",
    "drop",   "dropped", "drops",   "end",     "ended",   "ends",    "ending", NULL};

/* Is an actor other than a possessive pronoun ("its treaty") named in [from, to)? */
static bool actor_between(const allynet__sent *x, size_t from, size_t to) {
    static const char *const poss[] = {"its", "their", "his", "her", NULL};
    for (size_t j = 0; j < x->nm; j++) {
        if (x->m[j].first >= from && x->m[j].first < to && !(x->m[j].flags & MN_THING) &&
            !allynet__tok_in_list(x->t, x->m[j].first, poss)) { /* "their border war" */
            return true;
        }
    }
    return false;
}

/* Words before a lifting verb that leave the hostile act standing ("to lift", "should ease"). */
static const char *const unrealised[] = {"to",  "should", "must", "would", "could",   "might",
                                         "may", "will",   "not",  "never", "refused", NULL};

/* "agreed to lift", "voted to ease": a decision, the lifting done. */
static const char *const decided[] = {"agreed", "agree", "agrees", "decided", "decides", "voted",
                                      "votes",  "moved", "began",  "started", NULL};

/* Is cue k the object of a halting or lifting verb at most six words before it, or a noun
 * that a verb after it ends ("talks between X and Y collapsed")? */
static void ended(allynet__sent *x, size_t k) {
    static const char *const failed[] = {"collapsed", "stalled", "broke", "faltered", NULL};
    const allynet__lx_match *lm = &x->cue[k];
    if (x->cue_flags[k] & CF_ABSORBED) {
        return; /* "revoked agreements with X": the verb codes it already */
    }
    bool fails = allynet__sent_may_have(x, failed);
    for (size_t j = lm->last; fails && j < x->s.last && j < lm->last + 8 && lm->cue->weight > 0 &&
                              lm->cue->pos == LX_NOUN;
         j++) {
        if (allynet__hard_punct(x, j) || (x->tok_cue[j - x->s.first] && j > lm->last)) {
            break;
        }
        if (allynet__tok_in_list(x->t, j, failed) &&
            (strcmp(nm(x, j), "broke") != 0 ||
             (j + 1 < x->s.last && strcmp(nm(x, j + 1), "down") == 0))) {
            x->cue_flags[k] |= CF_HALT;
            return;
        }
    }
    static const char *const stop[] = {",", "and", "to", "that", "but", NULL};
    bool withdrawal = false; /* a cut (CAMEO 16) in the sentence that may take a cooperative noun */
    for (size_t j = 0; j < x->nc && lm->cue->weight > 0 && lm->cue->pos == LX_NOUN; j++) {
        withdrawal |= strncmp(x->cue[j].cue->cameo, "16", 2) == 0;
    }
    if (!withdrawal && !(lm->cue->weight > 0 && allynet__sent_may_have(x, halting)) &&
        !(lm->cue->weight < 0 && allynet__sent_may_have(x, lifting))) {
        return; /* nothing in the sentence could end the cue */
    }
    for (size_t j = lm->first, n = 0; j > x->s.first && n < 6; j--, n++) {
        if (allynet__tok_in_list(x->t, j - 1, stop) || actor_between(x, j - 1, lm->first)) {
            return;
        }
        bool halt = lm->cue->weight > 0 && allynet__tok_in_list(x->t, j - 1, halting);
        bool lift = lm->cue->weight < 0 && allynet__tok_in_list(x->t, j - 1, lifting);
        if (lift && j >= x->s.first + 2 && allynet__tok_in_list(x->t, j - 2, unrealised) &&
            !(j >= x->s.first + 3 && strcmp(nm(x, j - 2), "to") == 0 &&
              allynet__tok_in_list(x->t, j - 3, decided))) {
            return; /* "pressed them to lift their block on Sweden": the block stands */
        }
        if (halt || lift) {
            x->cue_flags[k] |= halt ? CF_HALT : CF_LIFT;
            unsigned v = x->tok_cue[j - 1 - x->s.first];
            if (v && v - 1 != k) {
                x->cue_flags[v - 1] |= CF_ABSORBED; /* "suspend" is coded through its object */
            }
            return;
        }
        unsigned v = x->tok_cue[j - 1 - x->s.first];
        if (v && v - 1 != k && lm->cue->weight > 0 && lm->cue->pos == LX_NOUN &&
            strncmp(x->cue[v - 1].cue->cameo, "16", 2) == 0 && x->cue[v - 1].last + 4 > lm->first) {
            x->cue_flags[k] |= CF_ABSORBED; /* "pulled out of the nuclear deal with Iran": */
            return;                         /* the verb codes it, its object is the partner */
        }
        if (v) {
            return;
        }
    }
}

/* "called on X to strengthen cooperation" stays an appeal (and absorbs the cooperation); "called
 * on X to step aside" is a demand. */
static void appeal(allynet__sent *x, size_t k) {
    static const char *const calm[] = {"restraint",  "calm",     "de-escalation", "de-escalate",
                                       "peacefully", "peaceful", "dialogue",      NULL};
    const allynet__lx_match *lm = &x->cue[k];
    for (size_t i = lm->last; i < x->s.last && i < lm->last + 11; i++) {
        if (allynet__tok_in_list(x->t, i, calm)) {
            x->cue_flags[k] |= CF_HYPO; /* "urged both sides to show restraint": no stance */
            return;
        }
    }
    for (size_t j = k + 1; j < x->nc && x->cue[j].first <= lm->last + 8; j++) {
        if (x->cue[j].cue->weight > 0) {
            x->cue_flags[j] |= CF_ABSORBED;
            if (strncmp(x->cue[j].cue->cameo, "08", 2) == 0) {
                x->cue_flags[k] |= CF_DEMAND; /* "urged X to withdraw its troops": a concession */
            }
            return;
        }
        if (x->cue[j].cue->weight < 0) {
            break;
        }
    }
    x->cue_flags[k] |= CF_DEMAND;
}

/* "accused X of arming Y", "blamed X for the attack": the act is the charge's content, a claim
 * and not an event; the accusation codes the tie. */
static void charged_act(allynet__sent *x, size_t k) {
    static const char *const of_[] = {"of", "for", NULL};
    static const char *const that[] = {"that", NULL};
    const allynet__lx_match *lm = &x->cue[k];
    if (lm->cue->pos != LX_VERB) {
        return;
    }
    /* "demanded that X release Y": what is demanded has not happened */
    const char *const *of = strncmp(lm->cue->cameo, "112", 3) == 0  ? of_
                            : strncmp(lm->cue->cameo, "10", 2) == 0 ? that
                                                                    : NULL;
    if (of == NULL) {
        return;
    }
    size_t i = lm->last;
    while (i < x->s.last && i < lm->last + 6 && !allynet__tok_in_list(x->t, i, of) &&
           !allynet__hard_punct(x, i) && x->tok_cue[i - x->s.first] == 0) {
        i++;
    }
    if (i >= x->s.last || !allynet__tok_in_list(x->t, i, of)) {
        return;
    }
    size_t end = i + 1;
    while (end < x->s.last && end < i + 9 && !allynet__hard_punct(x, end) &&
           !(end + 1 < x->s.last && allynet__tok_in_list(x->t, end, clause_joins) &&
             allynet__tok_in_list(x->t, end + 1, auxiliaries))) {
        end++; /* "insisted that X is not for sale and has accused Y": a new clause */
    }
    for (size_t j = k + 1; j < x->nc && x->cue[j].first < end; j++) {
        if (x->cue[j].first > i) {
            x->cue_flags[j] |= CF_HYPO;
        }
    }
}

/* "condemned the strikes on Syria", "rejected the blockade": an event noun that a verb of
 * disapproval or rejection (CAMEO 11, 12) takes as its object was done by someone else. */
static void judged_event(allynet__sent *x, size_t k) {
    const allynet__lx_match *lm = &x->cue[k];
    if (lm->cue->pos != LX_VERB || k + 1 >= x->nc || x->cue[k + 1].cue->pos != LX_NOUN ||
        (strncmp(lm->cue->cameo, "11", 2) != 0 && strncmp(lm->cue->cameo, "12", 2) != 0)) {
        return;
    }
    for (size_t i = lm->last; i < x->cue[k + 1].first; i++) {
        if (allynet__hard_punct(x, i) || i >= lm->last + 4) {
            return;
        }
    }
    x->cue_flags[k + 1] |= CF_JUDGED;
}

/* Is [from, to) one mention then "with" and modifiers ("Baghdad with very big")? The noun cue
 * after it is the verb's instrument, not an act of that mention. */
static bool instrument(const allynet__sent *x, size_t from, size_t to) {
    for (size_t j = 0; j < x->nm; j++) {
        if (x->m[j].first == from ||
            (x->m[j].first == from + 1 && strcmp(nm(x, from), "the") == 0)) {
            size_t k = x->m[j].last;
            if (k >= to || strcmp(nm(x, k), "with") != 0) {
                return false;
            }
            for (k++; k < to; k++) {
                if (!(x->t->v[k].flags & TK_WORD) || x->tok_cue[k - x->s.first]) {
                    return false;
                }
            }
            return true;
        }
    }
    return false;
}

/* Is token i a past form ("had", "waged", "fought")? */
static bool past_form(const allynet__sent *x, size_t i) {
    const char *w = nm(x, i);
    size_t n = strlen(w);
    return allynet__same_word(w, "had") || allynet__same_word(w, "fought") ||
           (n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd');
}

/* Is cue k, a hostile act, history told beside today's news? A past verb right after a subject
 * relative ("neighbours that fought a war", "who had waged"), a pluperfect outside reported
 * speech ("the two had clashed for years"; "said X had fired" is the news), the object of that
 * verb, or a hostility being ended ("ending the price war", "an end to the war"). */
static void background(allynet__sent *x, size_t k) {
    static const char *const adverbs[] = {
        "repeatedly", "previously", "once",     "long", "already", "earlier", "often",
        "twice",      "briefly",    "bitterly", "also", "first",   NULL};
    static const char *const reporting[] = {
        "said",      "says",   "saying",   "told",      "added",    "claimed", "alleged", "accused",
        "announced", "stated", "insisted", "confirmed", "reported", "warned",  "argued",  NULL};
    static const char *const enders[] = {"end", "ended", "ends", "ending", NULL};
    const allynet__lx_match *lm = &x->cue[k];
    if (lm->cue->weight >= 0) {
        return;
    }
    if (lm->cue->pos != LX_VERB) {
        for (size_t j = lm->first, n = 0; j > x->s.first && n < 5; j--, n++) {
            unsigned v = x->tok_cue[j - 1 - x->s.first];
            if (allynet__hard_punct(x, j - 1) || actor_between(x, j - 1, j)) {
                return;
            }
            if (j < lm->first && allynet__tok_in_list(x->t, j - 1, allynet__relatives) &&
                past_form(x, j)) {
                x->cue_flags[k] |= CF_PAST; /* "which waged a proxy war" */
                return;
            }
            if (allynet__tok_in_list(x->t, j - 1, enders) ||
                (v && v - 1 != k && (x->cue_flags[v - 1] & CF_PAST))) {
                x->cue_flags[k] |= CF_PAST; /* "ending the price war", "that fought a war" */
                if (k > 0 && (x->cue_flags[k - 1] & CF_ABSORBED) &&
                    (x->cue[k - 1].cue->hints & LH_EMBED) && x->cue[k - 1].cue->weight > 0 &&
                    x->cue[k - 1].last + 5 >= lm->first) {
                    x->cue_flags[k - 1] &= ~(unsigned)CF_ABSORBED; /* "agreed to end the war" */
                }
                return;
            }
        }
        return;
    }
    size_t i = lm->first;
    bool had = false;
    while (i > x->s.first && lm->first - i < 4) {
        if (allynet__same_word(nm(x, i - 1), "had")) {
            had = true;
        } else if (!allynet__tok_in_list(x->t, i - 1, adverbs)) {
            break;
        }
        i--;
    }
    if ((had || lm->participle) && i > x->s.first &&
        allynet__tok_in_list(x->t, i - 1, allynet__relatives)) {
        x->cue_flags[k] |= CF_PAST;
        return;
    }
    if (had) {
        for (size_t j = x->s.first; j < lm->first; j++) {
            if (allynet__tok_in_list(x->t, j, reporting)) {
                return;
            }
        }
        x->cue_flags[k] |= CF_PAST;
    }
}

/* Does a mention end right before the comma at token i? */
static bool mention_before_comma(const allynet__sent *x, size_t i) {
    if (i == x->s.first || strcmp(nm(x, i), ",") != 0) {
        return false;
    }
    for (size_t j = 0; j < x->nm; j++) {
        if (x->m[j].last == i && x->m[j].actors[0] && !(x->m[j].flags & (MN_PLACE | MN_QUOTED))) {
            return true;
        }
    }
    return false;
}

long allynet__appositive_possessor(const allynet__sent *x, const allynet__lx_match *lm) {
    if (lm->cue->pos != LX_NOUN) {
        return -1;
    }
    for (size_t j = 0; j < x->nm; j++) {
        const allynet__mention *mn = &x->m[j];
        if (!(mn->flags & MN_POSS) || mn->last > lm->first || mn->last + 2 < lm->first ||
            mn->first == x->s.first || !mention_before_comma(x, mn->first - 1)) {
            continue;
        }
        for (size_t k = mn->last; k < lm->first; k++) {
            if (!(x->t->v[k].flags & TK_WORD) || (x->t->v[k].flags & TK_CAP)) {
                return -1;
            }
        }
        return (long)j;
    }
    return -1;
}

/* Is cue k an aside on the actor before it: the verb of a non-restrictive relative clause
 * ("Iran, which backs Hamas, ..."; auxiliaries and adverbs may come between) or the noun of an
 * appositive ("Iran, a close ally of Syria, ...")? */
static void aside(allynet__sent *x, size_t k) {
    static const char *const fillers[] = {"has",   "have", "is",     "are",     "also", "long",
                                          "still", "now",  "openly", "largely", "been", NULL};
    static const char *const relatives[] = {"which", "who", NULL};
    static const char *const articles[] = {"a", "an", NULL};
    const allynet__lx_match *lm = &x->cue[k];
    size_t i = lm->first;
    if (x->cue_flags[k] & CF_PAST) {
        return; /* "Russia, which invaded Ukraine": history, weighed as such */
    }
    if (lm->cue->pos == LX_VERB) {
        if (!allynet__sent_may_have(x, relatives)) {
            return; /* no "which" or "who" in the sentence */
        }
        while (i > x->s.first && lm->first - i < 3 && allynet__tok_in_list(x->t, i - 1, fillers)) {
            i--;
        }
        if (i > x->s.first + 1 && allynet__tok_in_list(x->t, i - 1, relatives) &&
            mention_before_comma(x, i - 2)) {
            x->cue_flags[k] |= CF_ASIDE;
        }
        return;
    }
    while (i > x->s.first && lm->first - i < 3 &&
           allynet__tok_in_list(x->t, i - 1, allynet__modifiers) &&
           !allynet__tok_in_list(x->t, i - 1, articles)) {
        i--;
    }
    if ((i > x->s.first + 1 && allynet__tok_in_list(x->t, i - 1, articles) &&
         mention_before_comma(x, i - 2)) ||
        allynet__appositive_possessor(x, lm) >= 0) { /* "Turkey, Azerbaijan's closest ally," */
        x->cue_flags[k] |= CF_ASIDE;
    }
}

/* Is cue k inside a condition ("if Washington imposes tariffs", "unless Israel withdraws")? What
 * a condition names has not happened: it codes nothing (a threat made on it targets its subject,
 * see coding.c). */
static bool conditional(const allynet__sent *x, const allynet__lx_match *lm) {
    if (!allynet__sent_may_have(x, allynet__conditions)) {
        return false; /* no condition in the sentence */
    }
    for (size_t k = lm->first, n = 0; k > x->s.first && n < 8; k--, n++) {
        if (allynet__hard_punct(x, k - 1) || (n > 0 && x->tok_cue[k - 1 - x->s.first])) {
            return false;
        }
        if (allynet__tok_in_list(x->t, k - 1, allynet__conditions)) {
            return true;
        }
    }
    return false;
}

/* Is hostile verb cue lm promised on a condition: a modal before it and "if"/"unless" after it in
 * the same clause ("would strike hard if Hezbollah violated the truce")? */
static bool conditional_threat(const allynet__sent *x, const allynet__lx_match *lm) {
    static const char *const modals[] = {"would", "will", "could", NULL};
    if (lm->cue->pos != LX_VERB || lm->cue->weight >= 0 || strncmp(lm->cue->cameo, "13", 2) == 0 ||
        !allynet__sent_may_have(x, allynet__conditions) || !allynet__sent_may_have(x, modals)) {
        return false;
    }
    bool modal = false;
    for (size_t k = lm->first, n = 0; k > x->s.first && n < 3 && !modal; k--, n++) {
        modal = allynet__tok_in_list(x->t, k - 1, modals);
    }
    for (size_t k = lm->last; modal && k < x->s.last && k < lm->last + 10; k++) {
        if (allynet__hard_punct(x, k)) {
            return false;
        }
        if (allynet__tok_in_list(x->t, k, allynet__conditions)) {
            return true;
        }
    }
    return false;
}

/* "signed a defence cooperation agreement": the nouns of a cooperative verb's object are what
 * it acts on, not events of their own (the agreement is counted once, through the verb). */
static void absorb_object_nouns(allynet__sent *x, size_t k) {
    const allynet__lx_match *lm = &x->cue[k];
    if (lm->cue->pos != LX_VERB || lm->cue->weight <= 0) {
        return;
    }
    for (size_t j = k + 1; j < x->nc && x->cue[j].first <= lm->last + 5; j++) {
        const allynet__lx_match *o = &x->cue[j];
        if (o->cue->pos != LX_NOUN || o->cue->weight <= 0 ||
            mention_between(x, lm->last, o->first)) {
            return;
        }
        bool partner = o->last < x->s.last && (strcmp(nm(x, o->last), "with") == 0 ||
                                               strcmp(nm(x, o->last), "between") == 0);
        if (!partner && strcmp(nm(x, o->last - 1), "to") == 0 && o->first <= lm->last + 2) {
            x->cue_flags[k] |= CF_ABSORBED; /* "supplying weapons to X": the noun names it */
            return;
        }
        if (strcmp(o->cue->cameo, lm->cue->cameo) != 0 || partner) {
            continue; /* another act ("brokered a truce"), or it names the partner ("a deal with")
                       */
        }
        for (size_t i = lm->last; i < o->first; i++) {
            if (allynet__hard_punct(x, i)) {
                return;
            }
        }
        x->cue_flags[j] |= CF_ABSORBED;
    }
}

/* Is noun cue lm an indefinite noun phrase opening a clause ("the pledge that an attack on one
 * member shall be ...", "if a war breaks out"), or a predicate ("be considered an attack")? It
 * names a kind of event, not one that happened. */
static bool generic_subject(const allynet__sent *x, const allynet__lx_match *lm) {
    static const char *const articles[] = {"a", "an", NULL};
    static const char *const openers[] = {"that",    "if",     "when", "whether",
                                          "because", "unless", NULL};
    size_t a = lm->first;
    if (lm->cue->pos != LX_NOUN || a == x->s.first ||
        !allynet__tok_in_list(x->t, a - 1, articles)) {
        return false;
    }
    static const char *const predicates[] = {"considered", "deemed", "regarded", NULL};
    return a - 1 > x->s.first && (allynet__tok_in_list(x->t, a - 2, openers) ||
                                  allynet__tok_in_list(x->t, a - 2, predicates));
}

void allynet__cues_flag(allynet__sent *x) {
    for (size_t k = 0; k < x->nc; k++) {
        const allynet__lx_match *lm = &x->cue[k];
        int neg = negated(x, lm);
        if (neg == 2) {
            x->cue_flags[k] |= CF_HYPO; /* "denied arming the rebels": no event */
        } else if (neg == 1 ||
                   (k > 0 && (x->cue_flags[k - 1] & CF_NEG) && x->cue[k - 1].cue->pos == LX_VERB &&
                    lm->first <= x->cue[k - 1].last + 2 &&
                    !mention_between(x, x->cue[k - 1].last, lm->first))) {
            x->cue_flags[k] |= CF_NEG; /* "would not provide support": the object is negated */
        }
        if (conditional_threat(x, lm)) {
            x->cue_flags[k] |= CF_THREAT;
        }
        if (hypothetical(x, lm) || conditional(x, lm) || scope_of(x, lm) ||
            generic_subject(x, lm)) {
            x->cue_flags[k] |= CF_HYPO;
        }
        if (lm->first > x->s.first + 1 &&
            (allynet__tok_in_list(x->t, lm->first - 1, shared_words) ||
             allynet__tok_in_list(x->t, lm->first - 2, shared_words))) {
            x->cue_flags[k] |= CF_SHARED;
        }
        if (k + 1 < x->nc && (lm->cue->hints & LH_EMBED) && x->cue[k + 1].first <= lm->last + 5 &&
            lm->cue->weight < 0 && instrument(x, lm->last, x->cue[k + 1].first)) {
            x->cue_flags[k + 1] |= CF_ABSORBED; /* "threatened Baghdad with sanctions" */
        } else if (k + 1 < x->nc && (lm->cue->hints & LH_EMBED) &&
                   x->cue[k + 1].first <= lm->last + 5 &&
                   !mention_between(x, lm->last, x->cue[k + 1].first)) {
            if (lm->cue->weight > 0 && x->cue[k + 1].cue->weight < 0) {
                x->cue_flags[k] |= CF_ABSORBED; /* "pledged to expel": the act decides */
            } else {
                x->cue_flags[k + 1] |= CF_ABSORBED; /* "threatened to take military action" */
                if (strncmp(x->cue[k + 1].cue->cameo, "0871", 4) == 0) {
                    x->cue_flags[k] |= CF_TRUCE; /* "agreed to a ceasefire" */
                }
            }
        }
        absorb_object_nouns(x, k);
        if (k + 1 < x->nc && x->cue[k + 1].first == lm->last && lm->cue->pos == LX_NOUN &&
            x->cue[k + 1].cue->pos == LX_NOUN && strncmp(lm->cue->cameo, "0871", 4) == 0) {
            x->cue_flags[k] |= CF_ABSORBED; /* "truce talks", "ceasefire deal": a modifier */
        }
        if (lm->cue->hints & LH_APPEAL) {
            appeal(x, k);
        }
        if ((lm->cue->hints & LH_ACCUSE) && strncmp(lm->cue->cameo, "10", 2) == 0) {
            for (size_t j = k + 1; j < x->nc && x->cue[j].first < lm->last + 8; j++) {
                if (x->cue[j].cue->weight > 0) {
                    x->cue_flags[k] |= CF_EXHORT; /* "X and Y must deepen ties": see coding.c */
                    break;
                }
            }
        }
        if (k > 0 && lm->first > x->s.first && allynet__same_word(nm(x, lm->first - 1), "to") &&
            strncmp(lm->cue->cameo, "11", 2) == 0 && x->cue[k - 1].cue->pos == LX_VERB &&
            x->cue[k - 1].cue->weight < 0 && lm->first <= x->cue[k - 1].last + 6) {
            x->cue_flags[k] |= CF_ABSORBED; /* "summoned X's ambassador to protest": its purpose */
        }
        ended(x, k);
        background(x, k);
        aside(x, k);
        charged_act(x, k);
        judged_event(x, k);
    }
}
