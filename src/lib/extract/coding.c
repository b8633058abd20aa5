/* coding.c — codes one sentence: for each cue, its source and targets (through the role finders
 * of roles.c: subjects, objects, passives, relative clauses, "X-backed"), the reported charges
 * ("Caracas called the seizure piracy"), shared stances, reactions without an object, nominal
 * events ("the Israeli incursion"), and emits the coded events. */
#include "roles.h"

#include <limits.h>
#include <string.h>

enum { MAX_ROLE = ALLYNET__MAX_ROLE };
typedef allynet__roles roles;

/* Reciprocal verbs whose object did not act ("X telephoned Y"): no reverse tie. */
static const char *const one_sided[] = {"consult", "telephone", "phone", "speak with",
                                        "discuss", "align",     NULL};

static const char *nm(const allynet__sent *x, size_t i) {
    return allynet__tok_norm(x->t, i);
}

typedef struct {
    const allynet__sentence_ctx *c;
    allynet__sent *x;
    roles subject;           /* the sources of the sentence's first coded cue */
    roles prev_src, prev_tg; /* the previous coded cue's roles */
    roles host;              /* who holds "talks between X and Y" (the parties are the roles) */
    size_t start, end;       /* the sentence's bytes */
    uint32_t sent_features;  /* FT_* bits of the sentence as a whole */
    bool ok;
} coder;

/* Emits source s -> target t; `feat` holds the features of the roles and the sentence (FT_*
 * bits); the confidence is the model's, set by the extractor. */
static void emit(coder *cd, const allynet__cue *cue, unsigned f, const char *s, const char *t,
                 uint32_t feat) {
    bool neg = (f & CF_NEG) != 0, demand = (f & CF_DEMAND) != 0;
    if (s == NULL || t == NULL || allynet__same_str(s, t) || !cd->ok) {
        return;
    }
    allynet__event ev = {s,   t, cue,       cue->cameo, cue->weight, cue->relation,
                         0.0, 0, cd->start, cd->end};
    if (neg) {
        ev.cameo = "12";
        ev.weight = -4.0;
        ev.relation = "rejection";
    } else if (demand) {
        ev.cameo = "10";
        ev.weight = -5.0;
        ev.relation = "demand";
    } else if (f & CF_HALT) {
        ev.cameo = "16"; /* "suspended the treaty with X", "cut aid to X" */
        ev.weight = -4.0;
        ev.relation = "reduce relations";
    } else if (f & CF_THREAT) {
        ev.cameo = "130"; /* "would strike if X ...": a threat */
        ev.weight = -4.4;
        ev.relation = "threat";
    } else if (f & CF_LIFT) {
        ev.cameo = "085"; /* "lifted the embargo on X" */
        ev.weight = 7.0;
        ev.relation = "cooperation";
    }
    if (f & CF_ASIDE) {
        ev.weight *= 0.5; /* "Iran, which backs Hamas,": a standing fact, not the news */
    }
    if ((f & CF_PAST) && ev.weight < 0) {
        ev.weight *= 0.1; /* history: it colours the tie but never outweighs today's events */
    }
    ev.features = feat | allynet__flag_features(f, ev.cameo);
    cd->ok = cd->c->emit(&ev, cd->c->emit_ctx);
}

/* A mention ending right before "-" + this cue: "Iran-backed", "US-sanctioned". */
static long compound(const allynet__sent *x, const allynet__lx_match *lm) {
    if (lm->first < x->s.first + 2 || strcmp(nm(x, lm->first - 1), "-") != 0) {
        return -1;
    }
    for (size_t j = 0; j < x->nm; j++) {
        if (x->m[j].last == lm->first - 1 && x->m[j].actors[0]) {
            return (long)j;
        }
    }
    return -1;
}

static size_t find_word(const allynet__sent *x, size_t from, size_t to, const char *const *list) {
    for (size_t k = to; k-- > from;) {
        if (allynet__tok_in_list(x->t, k, list)) {
            return k;
        }
    }
    return SIZE_MAX;
}

static bool cue_between(const allynet__sent *x, size_t from, size_t to) {
    for (size_t k = from; k < to; k++) {
        if (x->tok_cue[k - x->s.first]) {
            return true;
        }
    }
    return false;
}

/* Are the tokens [from, to) only auxiliaries and adverbs ("has also", "would")? */
static bool only_aux(const allynet__sent *x, size_t from, size_t to) {
    static const char *const aux[] = {"has",  "have",   "had",  "also",       "then",    "later",
                                      "will", "would",  "was",  "were",       "is",      "are",
                                      "did",  "could",  "may",  "might",      "quickly", "swiftly",
                                      "said", "openly", "even", "repeatedly", NULL};
    for (size_t k = from; k < to; k++) {
        if (!allynet__tok_in_list(x->t, k, aux)) {
            return false;
        }
    }
    return true;
}

/* "Brazil and Colombia joined Washington in calling on X": the subject of "joined" acts too. */
static void joined_in(const allynet__sent *x, long best, roles *src) {
    static const char *const join[] = {"joined", "join", "joins", "joining", NULL};
    if (best < 0) {
        return;
    }
    size_t b = x->m[best].first;
    if (b > x->s.first && strcmp(nm(x, b - 1), "the") == 0) {
        b--;
    }
    if (b > x->s.first && allynet__tok_in_list(x->t, b - 1, join)) {
        allynet__left_role(x, allynet__clause_start(x, b - 1), b - 1, src);
    }
}

/* Is verb cue lm the second of coordinated verbs ("boarded and seized", "hosts X and has
 * mediated")? Then its subject is the clause's first actor, or the relative's antecedent. */
static bool second_verb(const allynet__sent *x, const allynet__lx_match *lm, size_t start,
                        roles *src) {
    static const char *const aux[] = {"has",   "have", "had",   "also",    "then",
                                      "later", "will", "would", "was",     "were",
                                      "is",    "are",  "has",   "quickly", NULL};
    if (lm->cue->pos != LX_VERB) {
        return false;
    }
    size_t k = lm->first;
    while (k > start && allynet__tok_in_list(x->t, k - 1, aux)) {
        k--;
    }
    if (k == start || strcmp(nm(x, k - 1), "and") != 0) {
        return false;
    }
    if (start > x->s.first && allynet__antecedent(x, start - 1, src)) {
        return true;
    }
    for (size_t j = 0; j < x->nm; j++) {
        const allynet__mention *mn = &x->m[j];
        if (mn->first >= start && mn->last <= k && allynet__eligible_source(mn)) {
            allynet__add_role(src, mn);
            for (size_t i = j + 1; i < x->nm && allynet__coordinated(x, &x->m[i - 1], &x->m[i]);
                 i++) {
                allynet__add_role(src, &x->m[i]);
            }
            return true;
        }
    }
    return false;
}

/* The nationality right before a noun cue is its agent: "condemned the Israeli incursion",
 * "the Chinese seizure of the boats". Returns the mention or -1. */
static long noun_owner(const allynet__sent *x, const allynet__lx_match *lm) {
    if (lm->cue->pos != LX_NOUN) {
        return -1;
    }
    size_t k = lm->first;
    while (k > x->s.first && lm->first - k < 2 &&
           (allynet__tok_in_list(x->t, k - 1, allynet__modifiers) ||
            allynet__tok_in_list(x->t, k - 1, allynet__arms)) &&
           strcmp(nm(x, k - 1), "the") && strcmp(nm(x, k - 1), "a") && strcmp(nm(x, k - 1), "an")) {
        k--; /* "the Israeli tank shelling", "Russian drone attacks" */
    }
    for (size_t j = 0; j < x->nm; j++) {
        const allynet__mention *mn = &x->m[j];
        if (mn->last == k && (mn->flags & MN_ADJ) && mn->actors[0] && mn->actors[1] == NULL &&
            !(mn->flags & (MN_PLACE | MN_QUOTED | MN_IN | MN_FROM | MN_BOUND))) {
            return (long)j;
        }
        /* "six months into Israel's war with Hamas": a possessor owns the act whatever
         * preposition governs the phrase */
        if (mn->last == k && (mn->flags & MN_POSS) && (mn->flags & (MN_IN | MN_FROM)) &&
            mn->actors[0] && !(mn->flags & (MN_PLACE | MN_QUOTED | MN_BOUND | MN_PRON))) {
            return (long)j;
        }
    }
    return -1;
}

/* A noun cue inside a prepositional phrase ("in the face of growing pressure", "in support of")
 * has no subject of its own. */
static bool noun_after_prep(const allynet__sent *x, const allynet__lx_match *lm, bool *in) {
    static const char *const p[] = {"of",      "in",     "amid",  "despite", "under", "from",
                                    "into",    "during", "after", "before",  "with",  "for",
                                    "against", "on",     "about", "over",    "by",    NULL};
    static const char *const light[] = {"engaged",      "engage",        "engages", "engaging",
                                        "involved",     "participated",  "part",    "participate",
                                        "participates", "participating", NULL};
    if (lm->cue->pos != LX_NOUN) {
        return false;
    }
    size_t k = lm->first;
    for (int n = 0; n < 4 && k > x->s.first; n++, k--) {
        for (size_t j = 0; j < x->nm; j++) {
            if (x->m[j].last == k) {
                return false; /* "Moscow's solidarity", "his support" */
            }
        }
        const char *w = nm(x, k - 1);
        if (allynet__tok_in_list(x->t, k - 1, p)) {
            *in = strcmp(w, "in") == 0;
            /* "were engaged in ethnic cleansing", "took part in the raid": a light verb whose
             * noun is the act of the clause's subject */
            return !(*in && k - 1 > x->s.first && allynet__tok_in_list(x->t, k - 2, light));
        }
        if (!allynet__tok_in_list(x->t, k - 1, allynet__modifiers)) {
            return false;
        }
    }
    return false;
}

/* Where the object of cue lm starts: after the cue, or inside a gapped verb cue when an actor
 * sits in the gap ("summoned Niger's ambassador", "expelled Russian diplomats", "joined Russia
 * in voting"). */
static size_t inner_object(const allynet__sent *x, const allynet__lx_match *lm) {
    if (lm->cue->pos != LX_VERB || lm->last - lm->first < 3) {
        return lm->last;
    }
    for (size_t j = 0; j < x->nm; j++) {
        if (x->m[j].first > lm->first && x->m[j].last <= lm->last && x->m[j].actors[0] &&
            !(x->m[j].flags & (MN_THING | MN_PLACE | MN_IN | MN_QUOTED | MN_PRON))) {
            return x->m[j].first;
        }
    }
    return lm->last;
}

/* "Beijing said Washington's arms sales were a provocation": a charge after a copula in reported
 * speech; the speaker accuses the actor named between "said" and the copula. */
static bool reported_charge(const allynet__sent *x, const allynet__lx_match *lm, roles *src,
                            roles *tg) {
    static const char *const said[] = {"said", "says", "saying", "argued", "insisted", NULL};
    static const char *const copula[] = {"was",      "were",        "is",      "are",
                                         "amounted", "constituted", "amounts", NULL};
    size_t c = find_word(x, lm->first > 4 ? lm->first - 4 : x->s.first, lm->first, copula);
    if (c == SIZE_MAX) {
        return false;
    }
    size_t v = find_word(x, x->s.first, c, said);
    if (v == SIZE_MAX || allynet__left_role(x, x->s.first, v, src) < 0) {
        return false;
    }
    for (size_t j = 0; j < x->nm; j++) {
        const allynet__mention *mn = &x->m[j];
        if (mn->first > v && mn->last <= c && mn->actors[0] &&
            !(mn->flags & (MN_PLACE | MN_QUOTED | MN_IN | MN_FROM))) {
            allynet__add_role(tg, mn);
            return true;
        }
    }
    return false;
}

/* Skips a time adjunct right after a verb ("demanded on Friday that X", "warned Saturday"). */
static size_t skip_time(const allynet__sent *x, size_t i) {
    static const char *const days[] = {"monday",    "tuesday",  "wednesday", "thursday",
                                       "friday",    "saturday", "sunday",    "today",
                                       "yesterday", "tonight",  NULL};
    size_t k = i;
    if (k + 1 < x->s.last && strcmp(nm(x, k), "on") == 0) {
        k++;
    }
    if (k < x->s.last && allynet__tok_in_list(x->t, k, days)) {
        if (k + 1 < x->s.last && strcmp(nm(x, k + 1), "that") == 0) {
            return k + 2; /* "demanded on Friday that X": the clause's subject is the object */
        }
        return k + 1;
    }
    return i;
}

/* "Russia said Sudan must return the helicopter": a demand in reported speech, from the speaker
 * to the subject of the modal. Outside reported speech it codes nothing. */
static bool reported_demand(const allynet__sent *x, const allynet__lx_match *lm, roles *src,
                            roles *tg) {
    static const char *const said[] = {"said",     "says",     "saying",     "insisted",
                                       "declared", "declares", "reiterated", "stressed",
                                       "added",    "told",     "warned",     NULL};
    size_t v = find_word(x, x->s.first, lm->first, said);
    if (v == SIZE_MAX || allynet__left_role(x, x->s.first, v, src) < 0) {
        return false;
    }
    size_t from = v + 1;
    if (from < lm->first && strcmp(nm(x, from), "that") == 0) {
        from++;
    }
    return allynet__left_role(x, skip_time(x, from), lm->first, tg) >= 0;
}

/* "talks between X and Y", "a truce between X and Y": the parties are X and Y, whoever the
 * subject of the verb before is ("Qatar mediated the talks between Israel and Hamas"). */
static bool between_parties(const allynet__sent *x, size_t k, roles *r) {
    const allynet__lx_match *lm = &x->cue[k];
    if (lm->cue->pos != LX_NOUN || !(lm->cue->hints & LH_WITH)) {
        return false;
    }
    for (size_t i = lm->last; i < x->s.last && i < lm->last + 4; i++) {
        if (strcmp(nm(x, i), "between") == 0) {
            roles pr = {0};
            allynet__right_role(x, lm->cue, i + 1, allynet__right_stop(x, k, i + 1), &pr);
            if (pr.n < 2) {
                return false;
            }
            *r = pr;
            return true;
        }
        if ((x->t->v[i].flags & TK_PUNCT) || x->tok_cue[i - x->s.first]) {
            return false;
        }
    }
    return false;
}

/* "mediated talks between X and Y", "hosted a summit between X and Y": a verb with no object of
 * its own whose object is a reciprocal event acts on that event's parties. */
static void event_parties(const allynet__sent *x, size_t k, const roles *src, roles *tg) {
    static const char *const event_mods[] = {"weeks",  "of",       "earlier", "previous", "several",
                                             "rounds", "round",    "direct",  "indirect", "secret",
                                             "months", "landmark", "two",     "three",    NULL};
    const allynet__lx_match *lm = &x->cue[k];
    if (tg->n > 0 || lm->cue->pos != LX_VERB || (lm->cue->hints & LH_SYM)) {
        return;
    }
    for (size_t i = lm->last; i < x->s.last && i < lm->last + 4; i++) {
        unsigned c = x->tok_cue[i - x->s.first];
        if (c) {
            if (c - 1 != k && between_parties(x, c - 1, tg)) {
                allynet__drop_roles(tg, src);
            }
            return;
        }
        if (!allynet__tok_in_list(x->t, i, allynet__modifiers) &&
            !allynet__tok_in_list(x->t, i, event_mods)) {
            return;
        }
    }
}

/* "Qatar, together with Egypt, mediated": co-agents in the clause act with the subject. */
static void add_coagents(const allynet__sent *x, size_t start, size_t stop, roles *src) {
    for (size_t j = 0; j < x->nm && src->n > 0; j++) {
        if ((x->m[j].flags & MN_COAGENT) && x->m[j].first >= start && x->m[j].last <= stop) {
            allynet__add_role(src, &x->m[j]);
        }
    }
}

/* "South Africa's accusation that Israel was committing genocide": the subject of the clause after
 * a noun of disapproval or accusation (CAMEO 11) is its target. */
static void that_target(const allynet__sent *x, const allynet__lx_match *lm, const roles *src,
                        roles *tg) {
    if (tg->n > 0 || lm->cue->pos != LX_NOUN || strncmp(lm->cue->cameo, "11", 2) != 0 ||
        lm->last + 1 >= x->s.last || strcmp(nm(x, lm->last), "that") != 0) {
        return;
    }
    size_t from = lm->last + 1;
    allynet__right_role_but(x, lm->cue, from, from + 3, src, tg);
}

/* Finds the agent after "from" in a judged noun ("criticism from X"). */
static const allynet__cue judged_source = {"from", "01", 0.0, "", LX_NOUN, LH_FROM};

/* "condemned Israel's strikes", "rejected the Chinese blockade": a judged event noun's agent is
 * only its possessor right before it. */
static bool judged_agent(const allynet__sent *x, const allynet__lx_match *lm, roles *src) {
    if (lm->last + 1 < x->s.last &&
        (strcmp(nm(x, lm->last), "from") == 0 || strcmp(nm(x, lm->last), "by") == 0)) {
        /* "rejected criticism from Washington" */
        return allynet__right_role(x, &judged_source, lm->last + 1, lm->last + 4, src);
    }
    for (size_t j = 0; j < x->nm; j++) {
        const allynet__mention *mn = &x->m[j];
        if ((mn->flags & MN_POSS) && mn->last <= lm->first && mn->last + 2 >= lm->first &&
            allynet__eligible_source(mn)) {
            allynet__add_role(src, mn);
            return true;
        }
    }
    return false;
}

/* "threatened to halt the talks if Washington deployed missiles", "warned of retaliation unless
 * X withdraws": a threat or warning (CAMEO 13) with no target of its own is aimed at the subject
 * of its condition. */
static void condition_target(const allynet__sent *x, size_t k, const roles *src, roles *tg) {
    const allynet__lx_match *lm = &x->cue[k];
    if (tg->n > 0 || (strncmp(lm->cue->cameo, "13", 2) != 0 && !(x->cue_flags[k] & CF_THREAT))) {
        return;
    }
    for (size_t i = lm->last; i < x->s.last && i < lm->last + 12; i++) {
        if ((x->t->v[i].flags & TK_END) || strcmp(nm(x, i), ";") == 0) {
            return;
        }
        if (allynet__tok_in_list(x->t, i, allynet__conditions)) {
            allynet__right_role_but(x, lm->cue, i + 1, i + 5, src, tg);
            return;
        }
    }
}

/* "Lebanon complained to the United Nations over Israeli air raids": a complaint (CAMEO 114) about
 * an act owned by a nationality or a possessive is aimed at that owner; an organization it was
 * made to is only the addressee. */
static void complaint_about(const allynet__sent *x, const allynet__lx_match *lm, const roles *src,
                            roles *tg) {
    static const char *const about[] = {"over", "about", "against", NULL};
    if (strncmp(lm->cue->cameo, "114", 3) != 0) {
        return;
    }
    for (size_t i = lm->last; i + 1 < x->s.last && i < lm->last + 10; i++) {
        if ((x->t->v[i].flags & TK_END) || strcmp(nm(x, i), ";") == 0) {
            return;
        }
        if (!allynet__tok_in_list(x->t, i, about)) {
            continue;
        }
        for (size_t j = 0; j < x->nm; j++) {
            const allynet__mention *mn = &x->m[j];
            if (mn->first > i && mn->first <= i + 3 && (mn->flags & (MN_ADJ | MN_POSS)) &&
                mn->actors[0] && mn->actors[1] == NULL && !(mn->flags & (MN_QUOTED | MN_PRON)) &&
                (!(mn->flags & MN_PLACE) || (mn->flags & MN_ADJ))) { /* "over Israeli air ..." */
                roles owner = {0};
                allynet__add_role(&owner, mn);
                allynet__drop_roles(&owner, src);
                if (owner.n == 0) {
                    return;
                }
                for (size_t t = 0; t < x->nm; t++) {
                    if (x->m[t].first >= lm->last && x->m[t].first < i &&
                        (x->m[t].flags & MN_ORG)) {
                        roles org = {0};
                        allynet__add_role(&org, &x->m[t]);
                        allynet__drop_roles(tg, &org); /* "to the United Nations" */
                    }
                }
                roles keep = *tg;
                allynet__drop_roles(&keep, &owner);
                *tg = keep;
                if (tg->n < ALLYNET__MAX_ROLE) {
                    tg->a[tg->n++] = owner.a[0];
                }
                return;
            }
        }
        return;
    }
}

/* "Russia faces new sanctions from the European Union": a noun cue whose source follows "from"
 * (hint `from`) right after it is the act of that actor on the clause's subject ("a tariff on
 * goods from X" names an origin, not an agent). */
static void from_agent(const allynet__sent *x, const allynet__lx_match *lm, roles *src, roles *tg) {
    size_t i = lm->last;
    if (!(lm->cue->hints & LH_FROM) || lm->cue->pos != LX_NOUN || src->n == 0 ||
        i + 1 >= x->s.last || !allynet__same_word(nm(x, i), "from")) {
        return;
    }
    size_t at = i + 1 + (i + 2 < x->s.last && allynet__same_word(nm(x, i + 1), "the"));
    for (size_t j = 0; j < x->nm; j++) {
        if (x->m[j].first == at && x->m[j].actors[0] &&
            !(x->m[j].flags & (MN_QUOTED | MN_PRON | MN_THING))) {
            roles agent = {0};
            allynet__add_role(&agent, &x->m[j]);
            allynet__drop_roles(src, &agent);
            *tg = *src; /* the subject suffers it; empty when the agent was the subject */
            *src = agent;
            return;
        }
    }
}

/* "He flew on to Vietnam, where he met President To Lam": a cooperative act with no object of its
 * own in a "where" clause is done with the place's state ("the war in Yemen, where a coalition
 * fought the Houthis" names a battleground, not a party). */
static void where_host(const allynet__sent *x, const allynet__lx_match *lm, size_t start,
                       const roles *src, roles *tg) {
    if (tg->n > 0 || src->n == 0 || lm->cue->weight <= 0 || start < x->s.first + 3 ||
        !allynet__same_word(nm(x, start - 1), "where") || strcmp(nm(x, start - 2), ",") != 0) {
        return;
    }
    for (size_t j = 0; j < x->nm; j++) {
        const allynet__mention *mn = &x->m[j];
        if (mn->last == start - 2 && mn->actors[0] && mn->actors[1] == NULL &&
            !(mn->flags & (MN_QUOTED | MN_PRON | MN_ADJ))) {
            allynet__add_role(tg, mn);
            allynet__drop_roles(tg, src);
            return;
        }
    }
}

/* Fills src and tg for cue k; returns false when the cue codes nothing. */
static bool assign(coder *cd, size_t k, roles *src, roles *tg) {
    bool in = false;
    long subj = -1;
    allynet__sent *x = cd->x;
    const allynet__lx_match *lm = &x->cue[k];
    size_t start = allynet__clause_start(x, lm->first);
    long cp = compound(x, lm);
    if (cp >= 0) {
        allynet__add_role(src, &x->m[cp]);
        size_t stop = lm->last + 3;
        for (size_t j = 0; j < x->nm; j++) {
            if (x->m[j].first >= lm->last && x->m[j].first < stop && (x->m[j].flags & MN_PRON)) {
                stop = x->m[j].first; /* "the Iran-backed group moves its fighters": not "its" */
            }
        }
        allynet__right_role(x, lm->cue, lm->last, stop, tg);
        return true;
    }
    if (between_parties(x, k, src)) {
        /* the parties among themselves; "the EU convened talks between X and Y": the EU too */
        long h = allynet__left_role(x, start, lm->first, &cd->host);
        if (h >= 0 && cue_between(x, x->m[h].last, lm->first)) {
            cd->host.n = 0; /* "Qatar mediated the talks": the verb codes Qatar's part */
        }
        allynet__drop_roles(&cd->host, src);
        return true;
    }
    if (lm->cue->hints & LH_ACCUSE) {
        size_t from = start;
        if (start > x->s.first + 1 && strcmp(nm(x, start - 1), "as") == 0) {
            from = allynet__clause_start(x, start - 1); /* "described the strikes as aggression" */
        }
        size_t v = find_word(x, from, lm->first, allynet__naming);
        if (v != SIZE_MAX) {
            allynet__left_role(x, allynet__clause_start(x, v), v, src);
            allynet__right_role(x, lm->cue, v + 1, lm->first, tg);
            return true;
        }
        if (strncmp(lm->cue->cameo, "10", 2) == 0 ||
            (strncmp(lm->cue->cameo, "13", 2) == 0 && lm->cue->pos == LX_VERB)) {
            return reported_demand(x, lm, src, tg); /* "said X must", "said X would pay a price" */
        }
        if (reported_charge(x, lm, src, tg)) {
            return true;
        }
        if (cue_between(x, start, lm->first)) {
            return false; /* "accused X of piracy": the verb codes it */
        }
    }
    long ap = allynet__appositive_possessor(x, lm);
    if (ap >= 0 && allynet__left_role(x, x->s.first, x->m[ap].first - 1, src) >= 0) {
        /* "Turkey, Azerbaijan's closest ally,": the head of the appositive to its possessor */
        allynet__add_role(tg, &x->m[ap]);
        allynet__drop_roles(tg, src);
        return tg->n > 0;
    }
    long own = noun_owner(x, lm);
    if (own >= 0) {
        allynet__cue ocue = *lm->cue;
        if (strncmp(ocue.cameo, "19", 2) == 0) {
            ocue.hints |= LH_SPATIAL; /* "Moscow's war in Ukraine": an owned war is fought there */
        }
        allynet__add_role(src, &x->m[own]);
        allynet__right_role_but(x, &ocue, lm->last, allynet__right_stop(x, k, lm->last), src, tg);
        that_target(x, lm, src, tg);
        return true;
    }
    bool by = lm->cue->pos == LX_NOUN && lm->last < x->s.last && strcmp(nm(x, lm->last), "by") == 0;
    if ((x->cue_flags[k] & CF_JUDGED) && !by) {
        if (!judged_agent(x, lm, src)) {
            return false;
        }
        allynet__right_role_but(x, lm->cue, lm->last, allynet__right_stop(x, k, lm->last), src, tg);
        that_target(x, lm, src, tg);
        return true;
    }
    if (by && allynet__by_agent(x, lm, src)) {
        size_t after = lm->last + 1; /* "the visit by X to Y" */
        for (size_t j = 0; j < x->nm; j++) {
            if (x->m[j].first >= after && x->m[j].first < after + 6 && x->m[j].last > after) {
                after = x->m[j].last;
                break;
            }
        }
        allynet__right_role(x, lm->cue, after, allynet__right_stop(x, k, after), tg);
        return true;
    }
    if (allynet__passive(x, lm)) {
        if (!allynet__by_agent(x, lm, src)) {
            return false;
        }
        if (allynet__left_role_as(x, start, lm->first, tg, true) < 0 && start > x->s.first) {
            allynet__antecedent(x, start - 1, tg);
        }
        allynet__drop_roles(tg, src);
        return true;
    }
    if (start > x->s.first && allynet__tok_in_list(x->t, start - 1, allynet__relatives) &&
        find_word(x, start, lm->first, (const char *const[]){",", NULL}) != SIZE_MAX) {
        /* "Poland, which had pressed Berlin, welcomed the move": the relative clause closed */
        if (!allynet__antecedent(x, start - 1, src)) {
            return false;
        }
    } else if (second_verb(x, lm, start, src)) {
        /* found */
    } else if (noun_after_prep(x, lm, &in) ||
               (subj = allynet__left_role(x, start, lm->first, src)) < 0) {
        if (src->n > 0) {
            /* found */
        } else if (noun_after_prep(x, lm, &in)) {
            if (cd->prev_src.n == 0 || lm->cue->weight <= 0 || !in) {
                return false;
            }
            *src = cd->prev_src; /* "expelled diplomats in solidarity with Britain" */
            src->coref = true;
        } else if (start > x->s.first && allynet__antecedent(x, start - 1, src)) {
            /* "The United States, which is leading a boycott" */
        } else if (x->cue_flags[k] & CF_SHARED) {
            for (size_t j = 0; j < cd->prev_src.n; j++) {
                src->a[src->n++] = cd->prev_src.a[j];
            }
            for (size_t j = 0; j < cd->prev_tg.n && src->n < MAX_ROLE; j++) {
                src->a[src->n++] = cd->prev_tg.a[j];
            }
        } else if (start > x->s.first && (allynet__comma_boundary(x, start - 1) ||
                                          strcmp(nm(x, start - 1), "and") == 0)) {
            *src = cd->subject; /* ", and ties with Iran", ", accusing it of" */
            src->coref = true;
        } else if (lm->cue->pos == LX_VERB && lm->first > start &&
                   strcmp(nm(x, lm->first - 1), "and") == 0 &&
                   allynet__left_role(x, x->s.first, start, src) >= 0) {
            src->coref = true; /* "Japan said the missiles had landed and lodged a protest" */
        } else if (lm->cue->pos == LX_VERB && start > x->s.first + 1 &&
                   strcmp(nm(x, start - 1), "but") == 0 && only_aux(x, start, lm->first) &&
                   allynet__left_role(x, x->s.first, start - 1, src) >= 0) {
            src->coref = true; /* "Iran said the matter was closed but warned Washington" */
        } else if ((lm->cue->hints & LH_WITH) && lm->cue->pos == LX_NOUN &&
                   allynet__left_role(x, x->s.first, start, src) >= 0) {
            src->coref = true; /* "X said ..., after a good conversation with Y" */
        }
    }
    joined_in(x, subj, src);
    size_t obj = skip_time(x, inner_object(x, lm));
    size_t stop = allynet__right_stop(x, k, obj);
    if (lm->cue->pos == LX_VERB) {
        size_t end = stop; /* "mediated the talks together with Egypt": to the clause's end */
        while (end < x->s.last && end < stop + 8 && !allynet__hard_punct(x, end)) {
            end++;
        }
        for (size_t i = lm->last; i < end; i++) {
            unsigned c = x->tok_cue[i - x->s.first];
            if (c && x->cue[c - 1].cue->pos == LX_VERB && c - 1 != k) {
                end = i; /* another verb has its own co-agents */
            }
        }
        add_coagents(x, start, end, src);
    }
    allynet__cue tcue = *lm->cue;
    if (lm->cue->pos == LX_NOUN && strncmp(lm->cue->cameo, "19", 2) == 0 &&
        lm->first > x->s.first && (x->t->v[lm->first - 1].flags & TK_POSS)) {
        tcue.hints |= LH_SPATIAL; /* "Moscow's war in Ukraine"; "the war in Yemen" is a place */
    }
    if (k + 1 < x->nc && (x->cue_flags[k + 1] & CF_ABSORBED) && x->cue[k + 1].first < stop) {
        tcue.hints |= x->cue[k + 1].cue->hints & LH_SPATIAL; /* "pledged investment in X" */
    }
    allynet__right_role_but(x, &tcue, obj, stop, src, tg);
    event_parties(x, k, src, tg);
    condition_target(x, k, src, tg);
    complaint_about(x, lm, src, tg);
    where_host(x, lm, start, src, tg);
    if (tg->n == 0 && k + 1 < x->nc && (x->cue_flags[k + 1] & CF_JUDGED) &&
        judged_agent(x, &x->cue[k + 1], tg)) {
        allynet__drop_roles(tg, src); /* "rejected criticism from Washington": at Washington */
    }
    if (tg->n == 0 && src->n > 0 && start > x->s.first && strcmp(nm(x, start - 1), "which") == 0 &&
        allynet__antecedent(x, start - 1, tg)) {
        /* "France, which it accuses of interfering": the relative is the object; "Qatar, which
         * hosts X, mediated": not when the antecedent is the subject itself */
        allynet__drop_roles(tg, src);
    }
    from_agent(x, lm, src, tg);
    return true;
}

/* "X and Y signed agreements to normalise relations with Z": a partner named later in the clause
 * means the coordinated subjects did not act on each other. */
static bool partner_after(const allynet__sent *x, size_t from, const roles *src) {
    for (size_t k = from; k < x->s.last && k < from + 12; k++) {
        if ((x->t->v[k].flags & TK_END) || strcmp(nm(x, k), ";") == 0) {
            return false;
        }
        if (strcmp(nm(x, k), "with") != 0) {
            continue;
        }
        for (size_t j = 0; j < x->nm; j++) {
            const allynet__mention *mn = &x->m[j];
            if ((mn->first == k + 1 || (mn->first == k + 2 && strcmp(nm(x, k + 1), "the") == 0)) &&
                mn->actors[0] && !(mn->flags & MN_PRON)) {
                roles one = {0};
                allynet__add_role(&one, mn);
                allynet__drop_roles(&one, src);
                return one.n > 0;
            }
        }
    }
    return false;
}

/* A truce between parties presupposes that they were fighting: "Israel and Hamas agreed to a
 * ceasefire" nets as hostile between them, the agreement being a pause in a war. */
static const allynet__cue fighting = {
    "fighting (before a truce)", "190", -10.0, "military", LX_NOUN, LH_SYM};

static void presupposed_war(coder *cd, unsigned f, const roles *src, const roles *tg,
                            uint32_t feat) {
    if (f & (CF_NEG | CF_HALT | CF_DEMAND | CF_LIFT)) {
        return;
    }
    const roles *a = src, *b = tg->n > 0 ? tg : src;
    for (size_t i = 0; i < a->n; i++) {
        for (size_t j = 0; j < b->n; j++) {
            emit(cd, &fighting, 0, a->a[i], b->a[j], feat | 1u << FT_PRESUPPOSED);
            if (b != a) {
                emit(cd, &fighting, 0, b->a[j], a->a[i], feat | 1u << FT_PRESUPPOSED);
            }
        }
    }
}

/* Military exercises held by several actors and no one else are held together. */
static const allynet__cue joint_drills = {"exercises together", "062",   7.4,
                                          "cooperation",        LX_NOUN, LH_SYM};

/* "Paris and Rome clashed over migration": governments at odds over an issue (CAMEO 110), not
 * fighting. Troops, rebels or a border keep the clash military. */
static const allynet__cue dispute = {
    "clash over (a dispute)", "110", -2.0, "opposition", LX_VERB, LH_SYM};

static bool political_clash(const allynet__sent *x, const allynet__lx_match *lm) {
    static const char *const armed[] = {
        "troops",  "soldiers",   "forces", "fighters", "militants", "rebels",   "militias",
        "militia", "police",     "army",   "gunmen",   "guards",    "warships", "navy",
        "units",   "insurgents", "jets",   "vessels",  NULL};
    static const char *const issue[] = {"over", "about", "on", NULL};
    static const char *const ground[] = {"border",   "frontier", "line",   "front", "ground",
                                         "boundary", "streets",  "island", "sea",   NULL};
    if (!allynet__same_word(lm->cue->lemma, "clash") &&
        !allynet__same_word(lm->cue->lemma, "clashes")) {
        return false;
    }
    size_t start = allynet__clause_start(x, lm->first);
    if (find_word(x, start, lm->first, armed) != SIZE_MAX) {
        return false; /* "Indian and Chinese troops clashed" */
    }
    for (size_t i = lm->last; i < x->s.last && i < lm->last + 8; i++) {
        if (x->t->v[i].flags & TK_END || allynet__tok_in_list(x->t, i, armed)) {
            return false; /* "clashed with rebels" */
        }
        if (allynet__tok_in_list(x->t, i, issue)) {
            size_t j = i + 1 + (i + 1 < x->s.last && allynet__same_word(nm(x, i + 1), "the"));
            return !allynet__same_word(nm(x, i), "on") || j >= x->s.last ||
                   !allynet__tok_in_list(x->t, j, ground);
        }
    }
    return false;
}

/* A mediator or host with no parties named ("in a deal mediated by Qatar", "talks hosted by
 * Canada", "Saudi Arabia hosted the ceremony") acts on the two parties of the latest reciprocal
 * event: of this sentence, or of the last two sentences. */
static bool implicit_parties(coder *cd, const allynet__lx_match *lm, const roles *src, roles *tg) {
    static const char *const meetings[] = {
        "talks",   "ceremony",  "summit",         "meeting",  "negotiations",  "signing",
        "round",   "rounds",    "conference",     "dialogue", "consultations", "exchange",
        "session", "mediation", "reconciliation", NULL};
    const allynet__discourse *d = cd->c->dis;
    const allynet__sent *x = cd->x;
    const allynet__cue *cue = lm->cue;
    if (strncmp(cue->cameo, "045", 3) != 0 && strncmp(cue->cameo, "043", 3) != 0) {
        return false;
    }
    if (strncmp(cue->cameo, "043", 3) == 0) { /* a host hosts a meeting, not any event */
        size_t from = lm->first > x->s.first + 3 ? lm->first - 3 : x->s.first;
        size_t to = lm->last + 4 < x->s.last ? lm->last + 4 : x->s.last;
        if (find_word(x, from, to, meetings) == SIZE_MAX) {
            return false;
        }
    }
    if (d->sym_pair[0] == NULL || d->sym_pair[1] == NULL || d->age_sym > 2) {
        return false;
    }
    tg->a[tg->n++] = d->sym_pair[0];
    tg->a[tg->n++] = d->sym_pair[1];
    allynet__drop_roles(tg, src);
    return tg->n == 2;
}

/* Does the cue name an object that is no actor ("Rabat's support for MAK", "backs Polisario")?
 * Then it is not a reaction to whoever acted last. */
static bool named_object(const allynet__sent *x, const allynet__lx_match *lm) {
    static const char *const preps[] = {"for", "to", "of", "with", NULL};
    size_t i = lm->last;
    if (i < x->s.last && allynet__tok_in_list(x->t, i, preps)) {
        i++;
    }
    if (i < x->s.last && allynet__same_word(nm(x, i), "the")) {
        i++;
    }
    if (i >= x->s.last || !(x->t->v[i].flags & TK_CAP)) {
        return false;
    }
    for (size_t j = 0; j < x->nm; j++) {
        if (x->m[j].first <= i && i < x->m[j].last) {
            return false;
        }
    }
    return true;
}

static void code_cue(coder *cd, size_t k) {
    allynet__sent *x = cd->x;
    const allynet__lx_match *lm = &x->cue[k];
    const allynet__cue *cue = lm->cue;
    unsigned f = x->cue_flags[k];
    roles src = {0}, tg = {0};
    bool implicit = false; /* the target was not named in the clause */
    cd->host.n = 0;
    if ((f & (CF_ABSORBED | CF_ANAPHOR)) || (f & CF_HYPO) || !assign(cd, k, &src, &tg) ||
        src.n == 0) {
        return;
    }
    bool neg = (f & CF_NEG) != 0;
    if (neg && cue->weight <= 0) {
        return; /* "denied attacking": no event */
    }
    if (f & CF_EXHORT) {
        /* "X said X and Y must deepen ties" exhorts; "X said Y must reach a deal" demands it of
         * Y, and the deal has not happened */
        roles self = tg;
        allynet__drop_roles(&self, &src);
        if (tg.n == 0 || self.n < tg.n) {
            return;
        }
        for (size_t j = k + 1; j < x->nc && x->cue[j].first < lm->last + 8; j++) {
            if (x->cue[j].cue->weight > 0) {
                x->cue_flags[j] |= CF_ABSORBED;
            }
        }
    }
    if (tg.n == 0 && src.n > 1 && !(cue->hints & LH_SYM)) {
        /* "The seven had demanded a review": the actor that acted on all of them */
        const char *a = allynet__coref_implicit_target(cd->c->dis, src.a[0], cue);
        for (size_t i = 1; i < src.n && a; i++) {
            const char *b = allynet__coref_implicit_target(cd->c->dis, src.a[i], cue);
            a = b && strcmp(a, b) == 0 ? a : NULL;
        }
        if (a != NULL) {
            tg.a[tg.n++] = a;
            tg.coref = implicit = true;
        }
    }
    if (tg.n == 0 && src.n == 1 && !(cue->hints & LH_SYM) && !named_object(x, lm) &&
        !(f & CF_JUDGED)) { /* "Japan condemned North Korea's missile launch": no reply to Japan */
        /* a reaction with no object: "Moscow vowed to respond", "Kyiv thanked them" */
        const char *a = allynet__coref_implicit_target(cd->c->dis, src.a[0], cue);
        if (a == NULL && lm->cue->pos == LX_VERB) {
            a = allynet__coref_same_target(cd->c->dis, cue, src.a[0]);
        }
        if (a != NULL) {
            tg.a[tg.n++] = a;
            tg.coref = implicit = true;
        }
    }
    if (tg.n == 0 && !neg && (f & CF_HALT) == 0 && implicit_parties(cd, lm, &src, &tg)) {
        tg.coref = implicit = true; /* "a deal mediated by Qatar", "Saudi Arabia hosted ..." */
    }
    if (!neg && (cue->hints & LH_SYM) && !(f & CF_HALT)) {
        if (src.n == 2 && tg.n == 0) {
            allynet__coref_sym_pair(cd->c->dis, src.a[0], src.a[1]); /* "X and Y agreed" */
        } else if (src.n == 1 && tg.n == 1) {
            allynet__coref_sym_pair(cd->c->dis, src.a[0], tg.a[0]); /* "X agreed with Y" */
        }
    }
    if (!neg) {
        allynet__coref_remember(cd->c->dis, cue, src.a[0], tg.n ? tg.a[0] : NULL);
        allynet__coref_parties(cd->c->dis, src.a, src.n, tg.a, tg.n);
        if (src.n >= 2) {
            allynet__coref_group(cd->c->dis, src.a, src.n);
        } else if (tg.n >= 2 && cue->weight > 0 && cue->weight < 5) {
            const char *all[MAX_ROLE + 1] = {src.a[0]};
            memcpy(all + 1, tg.a, tg.n * sizeof *tg.a);
            allynet__coref_group(cd->c->dis, all, tg.n + 1); /* hosted X and Y */
        }
    }
    if (cd->subject.n == 0) {
        cd->subject = src;
    }
    if (political_clash(x, lm)) {
        cue = &dispute;
    }
    if (strcmp(cue->cameo, "150") == 0 && tg.n == 0 && src.n >= 2) {
        cue = &joint_drills; /* "French and Egyptian warships began war games": together */
    }
    uint32_t conf = cd->sent_features | allynet__cue_features(x, lm) |
                    allynet__role_features(&src, &tg, implicit);
    bool sym = (cue->hints & LH_SYM) != 0, back = sym && (f & CF_HALT) == 0;
    if (cue->pos == LX_VERB && allynet__in_list(cue->lemma, one_sided)) {
        back = false; /* "X consulted Y", "X telephoned Y": Y did nothing */
    }
    /* "the truce between X and Y": the truce itself tells only that X and Y were fighting; the
     * verb that concluded it ("agreed to", "signed") codes the agreement */
    bool truce =
        strncmp(cue->cameo, "0871", 4) == 0 && !(f & (CF_NEG | CF_HALT | CF_DEMAND | CF_LIFT));
    if (tg.n == 0 && sym && src.n >= 2 && !truce && !partner_after(x, lm->last, &src)) {
        for (size_t a = 0; a < src.n; a++) {
            for (size_t b = 0; b < src.n; b++) {
                emit(cd, cue, f, src.a[a], src.a[b], conf | 1u << FT_AMONG_SUBJECTS);
            }
        }
    }
    for (size_t a = 0; a < src.n && !truce; a++) {
        for (size_t b = 0; b < tg.n; b++) {
            emit(cd, cue, f, src.a[a], tg.a[b], conf);
            if (back) {
                emit(cd, cue, f, tg.a[b], src.a[a], conf | 1u << FT_REVERSE);
            }
        }
    }
    for (size_t a = 0; a < cd->host.n && !(f & CF_NEG); a++) {
        for (size_t b = 0; b < src.n; b++) {
            emit(cd, cue, f, cd->host.a[a], src.a[b], conf | 1u << FT_HOST);
        }
    }
    if ((f & CF_TRUCE) || strncmp(cue->cameo, "0871", 4) == 0) {
        presupposed_war(cd, f, &src, &tg, conf);
    }
    cd->prev_src = src;
    cd->prev_tg = tg;
}

bool allynet__code_sentence(const allynet__sentence_ctx *c, const allynet__tokens *t,
                            allynet__span s) {
    if (s.last - s.first > ALLYNET__MAX_SENT) {
        s.last = s.first + ALLYNET__MAX_SENT;
    }
    allynet__sent x;
    x.t = t;
    x.s = s;
    x.nm = x.nc = 0;
    memset(x.tok_cue, 0, sizeof x.tok_cue);
    memset(x.stop_memo, 0, s.last - s.first);
    x.stops = x.stop_memo;
    allynet__cues_scan(&x, c);
    allynet__mentions_classify(&x);
    allynet__congo_resolve(&x, c->dis);
    allynet__coref_resolve(&x, c->dis);
    if (x.nc > 0) {
        allynet__sent_lists(&x); /* read only by the rules of cues_flag */
    } else {
        x.has_gen = UINT_MAX; /* unknown: a reader would take every list as present */
    }
    allynet__cues_flag(&x);
    for (size_t k = 0; k < x.nc; k++) {
        long cp = compound(&x, &x.cue[k]);
        if (cp >= 0) {
            x.m[cp].flags |= MN_BOUND;
        }
    }
    coder cd = {.c = c,
                .x = &x,
                .start = t->v[s.first].start,
                .end = t->v[s.last - 1].end,
                .sent_features = x.nc ? allynet__sentence_features(&x, c->dis->sentence) : 0,
                .ok = true};
    for (size_t k = 0; k < x.nc && cd.ok; k++) {
        code_cue(&cd, k);
    }
    allynet__coref_next_sentence(c->dis);
    return cd.ok;
}
