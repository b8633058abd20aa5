/* roles.c — who did what to whom in one sentence: finds mentions and cues, then for each cue the
 * source (the subject before it, coordinated subjects, a relative clause's antecedent, the agent
 * of a passive or of "X-backed"), the targets (objects and prepositional objects after it),
 * negation, reported charges ("Caracas called the seizure piracy"), shared stances, and emits
 * the coded events. */
#include "extract_int.h"

#include <string.h>

enum { MAX_ROLE = 8, LEFT_REACH = 30, RIGHT_REACH = 14 };

typedef struct {
    const char *a[MAX_ROLE];
    size_t n;
    bool coref, weak;
} roles;

static const char *const boundaries[] = {
    "but",    "while",   "whereas", "although", "though",  "despite", "after",
    "before", "because", "since",   "when",     "where",   "which",   "who",
    "whom",   "amid",    "if",      "unless",   "whether", "as",      "according",
    "said",   "says",    "saying",  "told",     "until",   "so",      NULL};
static const char *const relatives[] = {"which", "who", "that", NULL};
const char *const allynet__preps[] = {
    "with",    "to", "for",  "against", "on",   "toward",    "towards", "by",   "of", "about",
    "between", "at", "over", "than",    "like", "including", "among",   "upon", NULL};
static const char *const be[] = {"is", "are", "was", "were", "been", "being",
                                 "be", "get", "got", "gets", NULL};
/* Linking verbs that make a passive only with an agent ("remains designated ... by X"; "remain
 * aligned with X" is no passive). */
static const char *const linking[] = {"remain", "remains", "remained", "become", "became", NULL};
static const char *const naming[] = {"called", "calls",    "call",      "calling",   "branded",
                                     "brands", "labelled", "labeled",   "described", "describes",
                                     "termed", "dubbed",   "denounced", NULL};
static const char *const determiners[] = {"the",   "a",   "an",    "this", "that", "these",
                                          "those", "its", "their", "his",  "her",  "it",
                                          "they",  "he",  "she",   NULL};
/* Words between a preposition and a noun cue ("in the face of growing external pressure"). */
const char *const allynet__modifiers[] = {"the",           "a",        "an",        "growing",
                                          "increasing",    "mounting", "rising",    "external",
                                          "international", "military", "economic",  "diplomatic",
                                          "political",     "strong",   "close",     "new",
                                          "further",       "renewed",  "more",      "full",
                                          "total",         "firm",     "continued", "continuing",
                                          "unwavering",    "any",      "western",   "foreign",
                                          "fresh",         "heavy",    "massive",   "intense",
                                          "maximum",       NULL};
static const char *const glue[] = {
    ",",     "and",  "the",     "both", "or",     "as",           "well",        "most",
    "other", "some", "several", "all",  "fellow", "neighbouring", "neighboring", NULL};

/* Reciprocal verbs whose object did not act ("X telephoned Y"): no reverse tie. */
static const char *const one_sided[] = {"consult", "telephone", "phone", "speak with",
                                        "discuss", "align",     NULL};

static const char *nm(const allynet__sent *x, size_t i) {
    return allynet__tok_norm(x->t, i);
}

/* ---------------------------------------------------------------- clause limits */

static bool comma_boundary(const allynet__sent *x, size_t i) {
    if (nm(x, i)[0] != ',' || i + 1 >= x->s.last) {
        return false;
    }
    const char *n = nm(x, i + 1);
    size_t len = strlen(n);
    static const char *const verbs[] = {"has", "have", "had",   "is",   "was",  "were",
                                        "are", "will", "would", "said", "says", NULL};
    if (allynet__in_list(n, verbs)) {
        return true; /* "..., has drifted closer": the embedded clause ended */
    }
    if (strcmp(n, "and") == 0 && i + 2 < x->s.last) {
        /* ", and growing" continues a list; ", and ties", ", and Iran", ", and the" do not */
        const char *n2 = nm(x, i + 2);
        return (x->t->v[i + 2].flags & TK_CAP) || x->tok_cue[i + 2 - x->s.first] ||
               allynet__in_list(n2, determiners);
    }
    return allynet__in_list(n, boundaries) || strcmp(n, "but") == 0 ||
           (len > 4 && strcmp(n + len - 3, "ing") == 0);
}

static bool hard_stop(const allynet__sent *x, size_t i) {
    if (!(x->t->v[i].flags & TK_PUNCT)) {
        return false;
    }
    const char *n = nm(x, i);
    return strcmp(n, ";") == 0 || strcmp(n, ":") == 0 || (x->t->v[i].flags & TK_END) ||
           strcmp(n, "\xe2\x80\x94") == 0 || strcmp(n, "(") == 0 || strcmp(n, ")") == 0;
}

/* The first token of the clause holding token i. */
static size_t clause_start(const allynet__sent *x, size_t i) {
    size_t k = i;
    while (k > x->s.first && i - k < LEFT_REACH) {
        if (hard_stop(x, k - 1) || allynet__in_list(nm(x, k - 1), boundaries) ||
            comma_boundary(x, k - 1)) {
            return k;
        }
        k--;
    }
    return k;
}

/* ---------------------------------------------------------------- roles */

static bool eligible_source(const allynet__mention *mn) {
    return mn->actors[0] != NULL && !(mn->flags & (MN_PLACE | MN_QUOTED | MN_WEAK | MN_IN |
                                                   MN_BOUND | MN_FROM | MN_PARTIES));
}

/* Is mn governed by a preposition that puts a military act on a territory ("strikes across
 * Syria", "troops inside Pakistan", "missiles into Israel")? */
static bool on_territory(const allynet__sent *x, const allynet__mention *mn) {
    static const char *const p[] = {"across", "inside", "into", "throughout", NULL};
    size_t b = mn->first;
    if (b > x->s.first && strcmp(nm(x, b - 1), "the") == 0) {
        b--;
    }
    return b > x->s.first && allynet__in_list(nm(x, b - 1), p);
}

static bool eligible_target_in(const allynet__sent *x, const allynet__mention *mn,
                               const allynet__cue *cue) {
    if (mn->actors[0] == NULL || (mn->flags & (MN_QUOTED | MN_BOUND | MN_THING))) {
        return false;
    }
    if (mn->flags & MN_PLACE) {
        return (cue->hints & LH_SPATIAL) && cue->weight < 0 && on_territory(x, mn);
    }
    return !(mn->flags & MN_IN) || (cue->hints & LH_SPATIAL);
}

static void add_role(roles *r, const allynet__mention *mn) {
    for (int k = 0; k < 4 && mn->actors[k]; k++) {
        bool dup = false;
        for (size_t j = 0; j < r->n; j++) {
            dup |= strcmp(r->a[j], mn->actors[k]) == 0;
        }
        if (!dup && r->n < MAX_ROLE) {
            r->a[r->n++] = mn->actors[k];
        }
    }
    r->coref |= (mn->flags & MN_COREF) != 0;
    r->weak |= (mn->flags & MN_WEAK) != 0;
}

/* Are mentions a (before) and b joined only by commas, "and", "the"? */
/* Is [from, to) ", Name Name ... ," (an appositive name: "Qatar's emir, Sheikh Tamim bin Hamad
 * Al Thani, and ...")? */
static bool appositive_name(const allynet__sent *x, size_t from, size_t to) {
    static const char *const particles[] = {"bin", "ibn", "al", "el",  "abu", "de", "da",
                                            "van", "von", "la", "del", "-",   NULL};
    if (to - from < 3 || to - from > 10 || nm(x, from)[0] != ',') {
        return false;
    }
    size_t k = from + 1;
    while (k < to && ((x->t->v[k].flags & TK_CAP) || allynet__in_list(nm(x, k), particles)) &&
           x->tok_cue[k - x->s.first] == 0) {
        k++;
    }
    if (k == from + 1 || k == to) {
        return false;
    }
    for (; k < to; k++) {
        if (!allynet__in_list(nm(x, k), glue)) {
            return false;
        }
    }
    return strcmp(nm(x, to - 1), "and") == 0;
}

/* "North Korea's missile launches and China's behaviour": two possessors of coordinated nouns. */
static bool possessive_pair(const allynet__sent *x, const allynet__mention *a,
                            const allynet__mention *b) {
    if (!(a->flags & MN_POSS) || !(b->flags & MN_POSS) || b->first - a->last > 5 ||
        strcmp(nm(x, b->first - 1), "and") != 0) {
        return false;
    }
    for (size_t k = a->last; k + 1 < b->first; k++) {
        if (!(x->t->v[k].flags & TK_WORD) || (x->t->v[k].flags & TK_CAP) ||
            x->tok_cue[k - x->s.first]) {
            return false;
        }
    }
    return true;
}

static bool coordinated(const allynet__sent *x, const allynet__mention *a,
                        const allynet__mention *b) {
    if (b->first <= a->last) {
        return false;
    }
    if (b->first - a->last > 3) {
        return appositive_name(x, a->last, b->first) || possessive_pair(x, a, b);
    }
    for (size_t k = a->last; k < b->first; k++) {
        if (!allynet__in_list(nm(x, k), glue)) {
            return false;
        }
    }
    return true;
}

static bool after_prep(const allynet__sent *x, const allynet__mention *mn) {
    size_t b = mn->first;
    while (b > x->s.first &&
           (strcmp(nm(x, b - 1), "the") == 0 || (x->t->v[b - 1].flags & TK_CAP))) {
        b--;
    }
    return b > x->s.first && allynet__in_list(nm(x, b - 1), allynet__preps);
}

/* The mention nearest before token `end` and at or after `start`, preferring one not governed by
 * a preposition; with its coordinated neighbours. Returns the mention index or -1. */
static long left_role_as(const allynet__sent *x, size_t start, size_t end, roles *r, bool object) {
    long best = -1, fallback = -1;
    for (size_t j = x->nm; j-- > 0;) {
        const allynet__mention *mn = &x->m[j];
        bool ok = eligible_source(mn) || (object && (mn->flags & MN_PARTIES));
        if (mn->last > end || mn->first < start || !ok) {
            continue;
        }
        if (!after_prep(x, mn)) {
            best = (long)j;
            break;
        }
        if (fallback < 0) {
            fallback = (long)j;
        }
    }
    if (best < 0) {
        best = fallback;
    }
    if (best < 0) {
        return -1;
    }
    add_role(r, &x->m[best]);
    for (size_t j = (size_t)best; j > 0 && coordinated(x, &x->m[j - 1], &x->m[j]); j--) {
        if (eligible_source(&x->m[j - 1])) {
            add_role(r, &x->m[j - 1]);
        }
    }
    return best;
}

static long left_role(const allynet__sent *x, size_t start, size_t end, roles *r) {
    return left_role_as(x, start, end, r, false);
}

/* Removes from r the actors of `but` ("the deals were brokered by Turkey": not Turkey itself). */
static void drop_roles(roles *r, const roles *but) {
    size_t w = 0;
    for (size_t i = 0; i < r->n; i++) {
        bool dup = false;
        for (size_t j = 0; j < but->n; j++) {
            dup |= strcmp(r->a[i], but->a[j]) == 0;
        }
        if (!dup) {
            r->a[w++] = r->a[i];
        }
    }
    r->n = w;
}

/* Is the mention introduced by "with" or "between" ("with his Egyptian counterpart X")? */
static bool partner(const allynet__sent *x, const allynet__mention *mn) {
    static const char *const skip[] = {
        "the",          "his",         "her",          "its",
        "their",        "counterpart", "counterparts", "leaders",
        "leader",       "officials",   "both",         "new",
        "neighbouring", "neighboring", "of",           "representatives",
        "delegation",   "government",  "president",    "minister",
        "ministers",    NULL};
    size_t k = mn->first;
    for (int n = 0; n < 6 && k > x->s.first; n++, k--) {
        const char *w = nm(x, k - 1);
        if (strcmp(w, "with") == 0 || strcmp(w, "between") == 0 || strcmp(w, "among") == 0) {
            return true;
        }
        if (!allynet__in_list(w, skip) && !allynet__in_list(w, allynet__modifiers) &&
            !(x->t->v[k - 1].flags & TK_CAP)) {
            return false;
        }
    }
    return false;
}

/* The first eligible mention in [start, stop) and those coordinated with it. */
static bool is_role(const roles *r, const allynet__mention *mn) {
    for (size_t j = 0; r && j < r->n; j++) {
        if (strcmp(r->a[j], mn->actors[0]) == 0 && mn->actors[1] == NULL) {
            return true;
        }
    }
    return false;
}

/* Does mn follow the cue's own closing preposition ("fired two shells at Seoul", "an incursion
 * into Syria")? Then it is the target, although such a preposition usually marks a place. */
static bool cue_object(const allynet__sent *x, size_t start, const allynet__mention *mn) {
    static const char *const closing[] = {"at", "on", "into", "against", "over", "to", NULL};
    if (start <= x->s.first || x->tok_cue[start - 1 - x->s.first] == 0 ||
        !allynet__in_list(nm(x, start - 1), closing) || mn->actors[0] == NULL ||
        (mn->flags & (MN_QUOTED | MN_BOUND | MN_THING))) {
        return false;
    }
    return mn->first == start || (mn->first == start + 1 && strcmp(nm(x, start), "the") == 0);
}

static bool right_role_but(const allynet__sent *x, const allynet__cue *cue, size_t start,
                           size_t stop, const roles *but, roles *r) {
    for (size_t j = 0; j < x->nm; j++) {
        const allynet__mention *mn = &x->m[j];
        bool own = cue_object(x, start, mn) ||
                   ((mn->flags & MN_FROM) && on_territory(x, mn) && eligible_target_in(x, mn, cue));
        if (mn->first < start || mn->first >= stop || !(own || eligible_target_in(x, mn, cue)) ||
            is_role(but, mn)) {
            continue; /* "offered its troops to Lebanon": not itself */
        }
        if ((mn->flags & MN_FROM) && !(cue->hints & LH_FROM) && !own) {
            continue;
        }
        if ((cue->hints & LH_WITH) && !partner(x, mn)) {
            continue; /* "talks ... on the sidelines of the BRICS summit" */
        }
        add_role(r, mn);
        for (size_t k = j + 1; k < x->nm && coordinated(x, &x->m[k - 1], &x->m[k]); k++) {
            if (eligible_target_in(x, &x->m[k], cue)) {
                add_role(r, &x->m[k]);
            }
        }
        return true;
    }
    return false;
}

static bool right_role(const allynet__sent *x, const allynet__cue *cue, size_t start, size_t stop,
                       roles *r) {
    return right_role_but(x, cue, start, stop, NULL, r);
}

/* Where the target search stops: the end of the clause or the next cue. */
static size_t right_stop(const allynet__sent *x, size_t cue, size_t from) {
    size_t k = from;
    while (k < x->s.last && k < from + RIGHT_REACH) {
        if (hard_stop(x, k) || comma_boundary(x, k) ||
            (k > from && nm(x, k)[0] == ',' && k + 1 < x->s.last &&
             (strcmp(nm(x, k + 1), "a") == 0 || strcmp(nm(x, k + 1), "an") == 0)) ||
            (k > from &&
             (allynet__in_list(nm(x, k), boundaries) || strcmp(nm(x, k), "that") == 0))) {
            break;
        }
        unsigned tc = x->tok_cue[k - x->s.first];
        if (tc && tc - 1 != cue && !(x->cue_flags[tc - 1] & CF_ABSORBED)) {
            break;
        }
        k++;
    }
    return k;
}

/* "by X" right after a participle: the agent. */
static bool by_agent(const allynet__sent *x, const allynet__lx_match *lm, roles *r) {
    for (size_t k = lm->last; k < x->s.last && k < lm->last + 5; k++) {
        if (hard_stop(x, k) || (k > lm->last && x->tok_cue[k - x->s.first])) {
            break;
        }
        if (strcmp(nm(x, k), "by") == 0) {
            return right_role(x, lm->cue, k + 1, right_stop(x, SIZE_MAX, k + 1), r);
        }
    }
    return false;
}

static bool passive(const allynet__sent *x, const allynet__lx_match *lm) {
    if (!lm->participle) {
        return false;
    }
    for (size_t k = lm->first, n = 0; k > x->s.first && n < 3; k--, n++) {
        if (allynet__in_list(nm(x, k - 1), be)) {
            return true;
        }
        if (allynet__in_list(nm(x, k - 1), linking)) {
            roles probe = {0};
            return by_agent(x, lm, &probe);
        }
        if (allynet__in_list(nm(x, k - 1), boundaries) || strcmp(nm(x, k - 1), "and") == 0 ||
            (x->t->v[k - 1].flags & TK_PUNCT)) {
            break; /* "was closed but warned X": the "was" belongs to another clause */
        }
    }
    return lm->last < x->s.last && strcmp(nm(x, lm->last), "by") == 0;
}

/* The antecedent of a relative pronoun at token rel ("Hezbollah, which ..."). */
static bool antecedent(const allynet__sent *x, size_t rel, roles *r) {
    if (rel == x->s.first || !allynet__in_list(nm(x, rel), relatives)) {
        return false;
    }
    size_t end = rel;
    if (strcmp(nm(x, end - 1), ",") == 0) {
        end--;
    }
    for (size_t j = x->nm; j-- > 0;) {
        if (x->m[j].last == end && eligible_source(&x->m[j])) {
            add_role(r, &x->m[j]);
            return true;
        }
    }
    return false;
}

/* ---------------------------------------------------------------- coding */

typedef struct {
    const allynet__sentence_ctx *c;
    allynet__sent *x;
    roles subject;           /* the sources of the sentence's first coded cue */
    roles prev_src, prev_tg; /* the previous coded cue's roles */
    size_t start, end;       /* the sentence's bytes */
    bool ok;
} coder;

static void emit(coder *cd, const allynet__cue *cue, unsigned f, const char *s, const char *t,
                 double conf) {
    bool neg = (f & CF_NEG) != 0, demand = (f & CF_DEMAND) != 0;
    if (s == NULL || t == NULL || strcmp(s, t) == 0 || !cd->ok) {
        return;
    }
    allynet__event ev = {s,    t,         cue,    cue->cameo, cue->weight, cue->relation,
                         conf, cd->start, cd->end};
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
    } else if (f & CF_LIFT) {
        ev.cameo = "085"; /* "lifted the embargo on X" */
        ev.weight = 7.0;
        ev.relation = "cooperation";
    }
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
        if (allynet__in_list(nm(x, k), list)) {
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
        if (!allynet__in_list(nm(x, k), aux)) {
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
    if (b > x->s.first && allynet__in_list(nm(x, b - 1), join)) {
        left_role(x, clause_start(x, b - 1), b - 1, src);
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
    while (k > start && allynet__in_list(nm(x, k - 1), aux)) {
        k--;
    }
    if (k == start || strcmp(nm(x, k - 1), "and") != 0) {
        return false;
    }
    if (start > x->s.first && antecedent(x, start - 1, src)) {
        return true;
    }
    for (size_t j = 0; j < x->nm; j++) {
        const allynet__mention *mn = &x->m[j];
        if (mn->first >= start && mn->last <= k && eligible_source(mn)) {
            add_role(src, mn);
            for (size_t i = j + 1; i < x->nm && coordinated(x, &x->m[i - 1], &x->m[i]); i++) {
                add_role(src, &x->m[i]);
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
           allynet__in_list(nm(x, k - 1), allynet__modifiers) && strcmp(nm(x, k - 1), "the") &&
           strcmp(nm(x, k - 1), "a") && strcmp(nm(x, k - 1), "an")) {
        k--;
    }
    for (size_t j = 0; j < x->nm; j++) {
        const allynet__mention *mn = &x->m[j];
        if (mn->last == k && (mn->flags & MN_ADJ) && mn->actors[0] && mn->actors[1] == NULL &&
            !(mn->flags & (MN_PLACE | MN_QUOTED | MN_IN | MN_FROM | MN_BOUND))) {
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
        if (allynet__in_list(w, p)) {
            *in = strcmp(w, "in") == 0;
            return true;
        }
        if (!allynet__in_list(w, allynet__modifiers)) {
            return false;
        }
    }
    return false;
}

/* Where the object of cue lm starts: after the cue, or inside a gapped verb cue when an actor
 * sits in the gap ("summoned Niger's ambassador", "expelled Russian diplomats"). */
static size_t inner_object(const allynet__sent *x, const allynet__lx_match *lm) {
    if (lm->cue->pos != LX_VERB || lm->last - lm->first < 3) {
        return lm->last;
    }
    for (size_t j = 0; j < x->nm; j++) {
        if (x->m[j].first > lm->first && x->m[j].last <= lm->last &&
            (x->m[j].flags & (MN_POSS | MN_ADJ))) {
            return x->m[j].first;
        }
    }
    return lm->last;
}

/* Fills src and tg for cue k; returns false when the cue codes nothing. */
static bool assign(coder *cd, size_t k, roles *src, roles *tg) {
    bool in = false;
    long subj = -1;
    allynet__sent *x = cd->x;
    const allynet__lx_match *lm = &x->cue[k];
    size_t start = clause_start(x, lm->first);
    long cp = compound(x, lm);
    if (cp >= 0) {
        add_role(src, &x->m[cp]);
        right_role(x, lm->cue, lm->last, lm->last + 3, tg);
        return true;
    }
    if (lm->cue->hints & LH_ACCUSE) {
        size_t v = find_word(x, start, lm->first, naming);
        if (v != SIZE_MAX) {
            left_role(x, clause_start(x, v), v, src);
            right_role(x, lm->cue, v + 1, lm->first, tg);
            return true;
        }
        if (cue_between(x, start, lm->first)) {
            return false; /* "accused X of piracy": the verb codes it */
        }
    }
    long own = noun_owner(x, lm);
    if (own >= 0) {
        add_role(src, &x->m[own]);
        right_role_but(x, lm->cue, lm->last, right_stop(x, k, lm->last), src, tg);
        return true;
    }
    if (lm->cue->pos == LX_NOUN && lm->last < x->s.last && strcmp(nm(x, lm->last), "by") == 0 &&
        by_agent(x, lm, src)) {
        size_t after = lm->last + 1; /* "the visit by X to Y" */
        for (size_t j = 0; j < x->nm; j++) {
            if (x->m[j].first >= after && x->m[j].first < after + 6 && x->m[j].last > after) {
                after = x->m[j].last;
                break;
            }
        }
        right_role(x, lm->cue, after, right_stop(x, k, after), tg);
        return true;
    }
    if (passive(x, lm)) {
        if (!by_agent(x, lm, src)) {
            return false;
        }
        if (left_role_as(x, start, lm->first, tg, true) < 0 && start > x->s.first) {
            antecedent(x, start - 1, tg);
        }
        drop_roles(tg, src);
        return true;
    }
    if (start > x->s.first && allynet__in_list(nm(x, start - 1), relatives) &&
        find_word(x, start, lm->first, (const char *const[]){",", NULL}) != SIZE_MAX) {
        /* "Poland, which had pressed Berlin, welcomed the move": the relative clause closed */
        if (!antecedent(x, start - 1, src)) {
            return false;
        }
    } else if (second_verb(x, lm, start, src)) {
        /* found */
    } else if (noun_after_prep(x, lm, &in) || (subj = left_role(x, start, lm->first, src)) < 0) {
        if (src->n > 0) {
            /* found */
        } else if (noun_after_prep(x, lm, &in)) {
            if (cd->prev_src.n == 0 || lm->cue->weight <= 0 || !in) {
                return false;
            }
            *src = cd->prev_src; /* "expelled diplomats in solidarity with Britain" */
            src->coref = true;
        } else if (start > x->s.first && antecedent(x, start - 1, src)) {
            /* "The United States, which is leading a boycott" */
        } else if (x->cue_flags[k] & CF_SHARED) {
            for (size_t j = 0; j < cd->prev_src.n; j++) {
                src->a[src->n++] = cd->prev_src.a[j];
            }
            for (size_t j = 0; j < cd->prev_tg.n && src->n < MAX_ROLE; j++) {
                src->a[src->n++] = cd->prev_tg.a[j];
            }
        } else if (start > x->s.first &&
                   (comma_boundary(x, start - 1) || strcmp(nm(x, start - 1), "and") == 0)) {
            *src = cd->subject; /* ", and ties with Iran", ", accusing it of" */
            src->coref = true;
        } else if (lm->cue->pos == LX_VERB && lm->first > start &&
                   strcmp(nm(x, lm->first - 1), "and") == 0 &&
                   left_role(x, x->s.first, start, src) >= 0) {
            src->coref = true; /* "Japan said the missiles had landed and lodged a protest" */
        } else if (lm->cue->pos == LX_VERB && start > x->s.first + 1 &&
                   strcmp(nm(x, start - 1), "but") == 0 && only_aux(x, start, lm->first) &&
                   left_role(x, x->s.first, start - 1, src) >= 0) {
            src->coref = true; /* "Iran said the matter was closed but warned Washington" */
        } else if ((lm->cue->hints & LH_WITH) && lm->cue->pos == LX_NOUN &&
                   left_role(x, x->s.first, start, src) >= 0) {
            src->coref = true; /* "X said ..., after a good conversation with Y" */
        }
    }
    joined_in(x, subj, src);
    right_role_but(x, lm->cue, inner_object(x, lm), right_stop(x, k, lm->last), src, tg);
    if (tg->n == 0 && src->n > 0 && start > x->s.first && strcmp(nm(x, start - 1), "which") == 0 &&
        antecedent(x, start - 1, tg)) {
        /* "France, which it accuses of interfering": the relative is the object */
    }
    return true;
}

static void code_cue(coder *cd, size_t k) {
    allynet__sent *x = cd->x;
    const allynet__lx_match *lm = &x->cue[k];
    const allynet__cue *cue = lm->cue;
    unsigned f = x->cue_flags[k];
    roles src = {0}, tg = {0};
    if ((f & (CF_ABSORBED | CF_ANAPHOR)) || (f & CF_HYPO) || !assign(cd, k, &src, &tg) ||
        src.n == 0) {
        return;
    }
    bool neg = (f & CF_NEG) != 0;
    if (neg && cue->weight <= 0) {
        return; /* "denied attacking": no event */
    }
    if (tg.n == 0 && src.n == 1 && !(cue->hints & LH_SYM)) {
        /* a reaction with no object: "Moscow vowed to respond", "Kyiv thanked them" */
        const char *a = allynet__coref_implicit_target(cd->c->dis, src.a[0]);
        if (a == NULL && lm->cue->pos == LX_VERB) {
            a = allynet__coref_same_target(cd->c->dis, cue, src.a[0]);
        }
        if (a != NULL) {
            tg.a[tg.n++] = a;
            tg.coref = true;
        }
    }
    if (!neg) {
        allynet__coref_remember(cd->c->dis, cue, src.a[0], tg.n ? tg.a[0] : NULL);
        allynet__coref_parties(cd->c->dis, src.a, src.n, tg.a, tg.n);
        if (src.n >= 2) {
            allynet__coref_group(cd->c->dis, src.a, src.n);
        } else if (tg.n >= 2 && cue->weight > 0 && cue->weight < 5) {
            const char *all[4] = {src.a[0], tg.a[0], tg.a[1], tg.n > 2 ? tg.a[2] : NULL};
            allynet__coref_group(cd->c->dis, all, tg.n > 2 ? 4 : 3); /* hosted X and Y */
        }
    }
    if (cd->subject.n == 0) {
        cd->subject = src;
    }
    double conf = 0.9 - (src.coref || tg.coref ? 0.2 : 0) - (tg.weak ? 0.1 : 0);
    bool sym = (cue->hints & LH_SYM) != 0, back = sym && (f & CF_HALT) == 0;
    if (cue->pos == LX_VERB && allynet__in_list(cue->lemma, one_sided)) {
        back = false; /* "X consulted Y", "X telephoned Y": Y did nothing */
    }
    if (tg.n == 0 && sym && src.n >= 2) {
        for (size_t a = 0; a < src.n; a++) {
            for (size_t b = 0; b < src.n; b++) {
                emit(cd, cue, f, src.a[a], src.a[b], conf - 0.1);
            }
        }
    }
    for (size_t a = 0; a < src.n; a++) {
        for (size_t b = 0; b < tg.n; b++) {
            emit(cd, cue, f, src.a[a], tg.a[b], conf);
            if (back) {
                emit(cd, cue, f, tg.a[b], src.a[a], conf - 0.3);
            }
        }
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
    allynet__cues_scan(&x, c);
    allynet__mentions_classify(&x);
    allynet__coref_resolve(&x, c->dis);
    allynet__cues_flag(&x);
    for (size_t k = 0; k < x.nc; k++) {
        long cp = compound(&x, &x.cue[k]);
        if (cp >= 0) {
            x.m[cp].flags |= MN_BOUND;
        }
    }
    coder cd = {
        .c = c, .x = &x, .start = t->v[s.first].start, .end = t->v[s.last - 1].end, .ok = true};
    for (size_t k = 0; k < x.nc && cd.ok; k++) {
        code_cue(&cd, k);
    }
    allynet__coref_next_sentence(c->dis);
    return cd.ok;
}
