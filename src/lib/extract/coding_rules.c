/* coding_rules.c — the sentence coder's construction rules, each finding roles for one cue in
 * one kind of sentence: compounds ("Iran-backed"), owners ("Moscow's war"), coordinated and
 * joined subjects, reported charges and demands ("called the seizure piracy", "said X must"),
 * the parties of talks and events, co-agents, and the targets of conditions, complaints and
 * judgements. assign (coding.c) tries them in turn. */
#include "coding_rules.h"

#include <limits.h>
#include <string.h>

enum { MAX_ROLE = ALLYNET__MAX_ROLE };
typedef allynet__roles roles;

static const char *nm(const allynet__sent *x, size_t i) {
    return allynet__tok_norm(x->t, i);
}

/* A mention ending right before "-" + this cue: "Iran-backed", "US-sanctioned". */
long allynet__compound(const allynet__sent *x, const allynet__lx_match *lm) {
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

/* "strengthening US-Vietnam ties", "the China-Russia partnership": two mentions joined by a
 * hyphen or a dash inside a reciprocal cue's phrase or right before its noun are its two
 * parties, whoever else the clause names. */
bool allynet__pair_compound(const allynet__sent *x, const allynet__lx_match *lm, roles *a,
                            roles *b) {
    if (!(lm->cue->hints & LH_SYM)) {
        return false;
    }
    size_t from = lm->first >= x->s.first + 3 ? lm->first - 3 : x->s.first;
    for (size_t j = 0; j + 1 < x->nm; j++) {
        const allynet__mention *p = &x->m[j], *q = &x->m[j + 1];
        const char *dash = p->last < x->s.last ? nm(x, p->last) : "";
        bool joined = q->first == p->last + 1 &&
                      (strcmp(dash, "-") == 0 || strcmp(dash, "\xe2\x80\x93") == 0 ||
                       strcmp(dash, "\xe2\x80\x94") == 0 || strcmp(dash, "/") == 0);
        bool near = p->first >= from && q->last <= lm->last &&
                    (q->last <= lm->first ? lm->first - q->last <= 2 : p->first > lm->first);
        if (joined && near && p->actors[0] && q->actors[0] && !(p->flags & MN_BOUND) &&
            !allynet__same_str(p->actors[0], q->actors[0])) {
            a->n = b->n = 0;
            allynet__add_role(a, p);
            allynet__add_role(b, q);
            return true;
        }
    }
    return false;
}

/* "Egypt and Iran were invited to join BRICS", "Sweden was admitted into NATO": with no agent
 * named, the organisation joined is the one that invites or admits. */
bool allynet__invited_to(const allynet__sent *x, const allynet__lx_match *lm, roles *src) {
    static const char *const verbs[] = {"invite", "admit", "accept", NULL};
    static const char *const joins[] = {"join", "enter", "become", "into", "to", NULL};
    if (!allynet__in_list(lm->cue->lemma, verbs)) {
        return false;
    }
    for (size_t i = lm->last; i < x->s.last && i < lm->last + 4; i++) {
        if (!allynet__tok_in_list(x->t, i, joins)) {
            continue;
        }
        for (size_t j = 0; j < x->nm; j++) {
            const allynet__mention *mn = &x->m[j];
            if (mn->first > i && mn->first <= i + 4 && (mn->flags & MN_ORG) && mn->actors[0]) {
                allynet__add_role(src, mn);
                return true;
            }
        }
    }
    return false;
}

size_t allynet__find_word(const allynet__sent *x, size_t from, size_t to, const char *const *list) {
    for (size_t k = to; k-- > from;) {
        if (allynet__tok_in_list(x->t, k, list)) {
            return k;
        }
    }
    return SIZE_MAX;
}

bool allynet__cue_between(const allynet__sent *x, size_t from, size_t to) {
    for (size_t k = from; k < to; k++) {
        if (x->tok_cue[k - x->s.first]) {
            return true;
        }
    }
    return false;
}

/* Are the tokens [from, to) only auxiliaries and adverbs ("has also", "would")? */
bool allynet__only_aux(const allynet__sent *x, size_t from, size_t to) {
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
void allynet__joined_in(const allynet__sent *x, long best, roles *src) {
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
bool allynet__second_verb(const allynet__sent *x, const allynet__lx_match *lm, size_t start,
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
/* "Russia's invasion of Ukraine", "America's strong commitment to Manila": a possessor a few
 * modifiers before a noun cue whose object follows in a prepositional phrase is its agent,
 * whoever the clause's subject is. Returns the mention or -1. */
static long possessive_agent(const allynet__sent *x, const allynet__lx_match *lm) {
    static const char *const preps[] = {"of",   "on", "against", "toward", "towards",
                                        "into", "to", "for",     "with",   NULL};
    if (lm->last >= x->s.last || !allynet__tok_in_list(x->t, lm->last, preps)) {
        return -1;
    }
    size_t k = lm->first;
    while (k > x->s.first && lm->first - k < 4 && !(x->t->v[k - 1].flags & (TK_CAP | TK_POSS)) &&
           ((x->t->v[k - 1].flags & TK_WORD) || strcmp(nm(x, k - 1), "-") == 0) &&
           x->tok_cue[k - 1 - x->s.first] == 0) {
        k--; /* "Russia's full-scale invasion", "America's strong commitment" */
    }
    for (size_t j = 0; j < x->nm; j++) {
        const allynet__mention *mn = &x->m[j];
        if (mn->last == k && (mn->flags & MN_POSS) && mn->actors[0] &&
            !(mn->flags & (MN_PLACE | MN_QUOTED | MN_BOUND | MN_PRON | MN_THING))) {
            return (long)j;
        }
    }
    return -1;
}

long allynet__noun_owner(const allynet__sent *x, const allynet__lx_match *lm) {
    if (lm->cue->pos != LX_NOUN) {
        return -1;
    }
    long agent = possessive_agent(x, lm);
    if (agent >= 0) {
        return agent;
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
/* Is there a verb of travel in the clause before token i ("arrived in Moscow for")? */
static bool journey_before(const allynet__sent *x, size_t i) {
    static const char *const travel[] = {"arrived", "arrives", "arriving", "travelled", "traveled",
                                         "travels", "flew",    "flies",    "headed",    "heads",
                                         "landed",  "went",    "came",     "comes",     NULL};
    for (size_t k = i; k-- > x->s.first && i - k <= 8;) {
        if (allynet__hard_punct(x, k)) {
            return false;
        }
        if (allynet__tok_in_list(x->t, k, travel)) {
            return true;
        }
    }
    return false;
}

bool allynet__noun_after_prep(const allynet__sent *x, const allynet__lx_match *lm, bool *in) {
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
        if (x->t->v[k - 1].flags & TK_QUOTE) {
            continue; /* scare quotes: recalled for "consultations" */
        }
        for (size_t j = 0; j < x->nm; j++) {
            if (x->m[j].last == k) {
                return false; /* "Moscow's solidarity", "his support" */
            }
        }
        const char *w = nm(x, k - 1);
        if (allynet__tok_in_list(x->t, k - 1, p)) {
            *in = strcmp(w, "in") == 0;
            if (strcmp(w, "for") == 0 && journey_before(x, k - 1)) {
                return false; /* "arrived in Moscow for talks with Putin": the traveller's */
            }
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
size_t allynet__inner_object(const allynet__sent *x, const allynet__lx_match *lm) {
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
bool allynet__reported_charge(const allynet__sent *x, const allynet__lx_match *lm, roles *src,
                              roles *tg) {
    static const char *const said[] = {"said", "says", "saying", "argued", "insisted", NULL};
    static const char *const copula[] = {"was",      "were",        "is",      "are",
                                         "amounted", "constituted", "amounts", NULL};
    size_t c = allynet__find_word(x, lm->first > 4 ? lm->first - 4 : x->s.first, lm->first, copula);
    if (c == SIZE_MAX) {
        return false;
    }
    size_t v = allynet__find_word(x, x->s.first, c, said);
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
size_t allynet__skip_time(const allynet__sent *x, size_t i) {
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
bool allynet__reported_demand(const allynet__sent *x, const allynet__lx_match *lm, roles *src,
                              roles *tg) {
    static const char *const said[] = {"said",     "says",     "saying",     "insisted",
                                       "declared", "declares", "reiterated", "stressed",
                                       "added",    "told",     "warned",     NULL};
    size_t v = allynet__find_word(x, x->s.first, lm->first, said);
    if (v == SIZE_MAX || allynet__left_role(x, x->s.first, v, src) < 0) {
        return false;
    }
    size_t from = v + 1;
    if (from < lm->first && strcmp(nm(x, from), "that") == 0) {
        from++;
    }
    return allynet__left_role(x, allynet__skip_time(x, from), lm->first, tg) >= 0;
}

/* "talks between X and Y", "a truce between X and Y": the parties are X and Y, whoever the
 * subject of the verb before is ("Qatar mediated the talks between Israel and Hamas"). */
bool allynet__between_parties(const allynet__sent *x, size_t k, roles *r) {
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
void allynet__event_parties(const allynet__sent *x, size_t k, const roles *src, roles *tg) {
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
            if (c - 1 != k && allynet__between_parties(x, c - 1, tg)) {
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
void allynet__add_coagents(const allynet__sent *x, size_t start, size_t stop, roles *src) {
    for (size_t j = 0; j < x->nm && src->n > 0; j++) {
        if ((x->m[j].flags & MN_COAGENT) && x->m[j].first >= start && x->m[j].last <= stop) {
            allynet__add_role(src, &x->m[j]);
        }
    }
}

/* "South Africa's accusation that Israel was committing genocide": the subject of the clause after
 * a noun of disapproval or accusation (CAMEO 11) is its target. */
void allynet__that_target(const allynet__sent *x, const allynet__lx_match *lm, const roles *src,
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
bool allynet__judged_agent(const allynet__sent *x, const allynet__lx_match *lm, roles *src) {
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
void allynet__condition_target(const allynet__sent *x, size_t k, const roles *src, roles *tg) {
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
void allynet__complaint_about(const allynet__sent *x, const allynet__lx_match *lm, const roles *src,
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
void allynet__from_agent(const allynet__sent *x, const allynet__lx_match *lm, roles *src,
                         roles *tg) {
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
void allynet__where_host(const allynet__sent *x, const allynet__lx_match *lm, size_t start,
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

/* "among its allies", "their partners": a relation noun owned by a pronoun with no partner named
 * right after it relates its owner to others left unnamed, not to the actors around it. */
bool allynet__unnamed_partners(const allynet__sent *x, const allynet__lx_match *lm) {
    static const char *const owners[] = {"its", "their", "his", "her", "our", NULL};
    static const char *const nouns[] = {"ally", "allies", "partner", "partners", NULL};
    if (lm->cue->pos != LX_NOUN || lm->first == x->s.first ||
        !allynet__tok_in_list(x->t, lm->first - 1, owners) ||
        !allynet__tok_in_list(x->t, lm->last - 1, nouns)) {
        return false;
    }
    for (size_t j = 0; j < x->nm; j++) {
        if (x->m[j].first >= lm->last && x->m[j].first <= lm->last + 2) {
            return false; /* "its ally Belarus", "their partners, Japan and ..." */
        }
    }
    return true;
}

/* "Helsinki's shift drew a warning from the Kremlin", "the move sparked condemnation from
 * Beijing": a hostile act a subject drew from someone is that one's act on the subject. */
bool allynet__drawn_from(const allynet__sent *x, const allynet__lx_match *lm, size_t start,
                         allynet__roles *src, allynet__roles *tg) {
    static const char *const draws[] = {"drew",     "drawn",   "draw",      "draws",
                                        "drawing",  "sparked", "triggered", "provoked",
                                        "prompted", "earned",  "brought",   NULL};
    if (lm->cue->weight >= 0 || allynet__find_word(x, lm->first > start + 4 ? lm->first - 4 : start,
                                                   lm->first, draws) == SIZE_MAX) {
        return false;
    }
    size_t from =
        allynet__find_word(x, lm->last, lm->last + 5 < x->s.last ? lm->last + 5 : x->s.last,
                           (const char *const[]){"from", NULL});
    allynet__roles who = {0}, whom = {0};
    if (from == SIZE_MAX || !allynet__right_role(x, &judged_source, from + 1, from + 4, &who)) {
        return false;
    }
    allynet__left_role(x, start, lm->first, &whom);
    allynet__drop_roles(&whom, &who);
    if (whom.n == 0 && x->nm > 0 && x->m[0].first <= x->s.first + 2 &&
        allynet__eligible_source(&x->m[0])) {
        allynet__add_role(&whom,
                          &x->m[0]); /* "X's shift ... has doubled ... and drawn a warning" */
        allynet__drop_roles(&whom, &who);
    }
    if (whom.n == 0) {
        return false;
    }
    *src = who;
    *tg = whom;
    return true;
}

bool allynet__object_noun(const allynet__sent *x, const allynet__lx_match *lm) {
    static const char *const dets[] = {"the", "our", "their", "those", "these", NULL};
    static const char *const mutual[] = {"war", "wars", "battle", "battles", "conflict", NULL};
    size_t k = lm->last;
    return lm->cue->pos == LX_VERB && k + 1 < x->s.last && allynet__tok_in_list(x->t, k, dets) &&
           (x->t->v[k + 1].flags & TK_WORD) && !allynet__tok_in_list(x->t, k + 1, mutual);
}
