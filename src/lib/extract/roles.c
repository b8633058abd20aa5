/* roles.c — the role finders of one sentence: clause limits, the subject before a cue
 * (coordinated subjects, appositive names, a relative clause's antecedent), the objects after it
 * (prepositional objects, a cue's own closing preposition, military acts on a territory), the
 * agent of a passive. coding.c assigns them to each cue (see roles.h). */
#include "roles.h"

#include <assert.h>
#include <string.h>

enum { MAX_ROLE = ALLYNET__MAX_ROLE, LEFT_REACH = 30, RIGHT_REACH = 14 };
typedef allynet__roles roles;

static const char *const boundaries[] = {
    "but",    "while",   "whereas", "although", "though",  "despite", "after",
    "before", "because", "since",   "when",     "where",   "which",   "who",
    "whom",   "amid",    "if",      "unless",   "whether", "as",      "according",
    "said",   "says",    "saying",  "told",     "until",   "so",      NULL};
const char *const allynet__relatives[] = {"which", "who", "that", NULL};
const char *const allynet__conditions[] = {"if", "unless", NULL};
const char *const allynet__preps[] = {
    "with",    "to", "for",  "against", "on",   "toward",    "towards", "by",   "of", "about",
    "between", "at", "over", "than",    "like", "including", "among",   "upon", NULL};
static const char *const be[] = {"is", "are", "was", "were", "been", "being",
                                 "be", "get", "got", "gets", NULL};
/* Linking verbs that make a passive only with an agent ("remains designated ... by X"; "remain
 * aligned with X" is no passive). */
static const char *const linking[] = {"remain", "remains", "remained", "become", "became", NULL};
const char *const allynet__naming[] = {
    "called",     "calls",     "call",      "calling",   "branded",  "brands",
    "labelled",   "labeled",   "described", "describes", "termed",   "dubbed",
    "denounced",  "lists",     "listed",    "regards",   "regarded", "considers",
    "considered", "dismissed", "dismisses", "decried",   "decries",  NULL};
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
const char *const allynet__arms[] = {"missile", "missiles",  "drone",  "drones",  "tank",
                                     "tanks",   "artillery", "rocket", "rockets", "mortar",
                                     "naval",   "air",       "cyber",  "ground",  NULL};
static const char *const glue[] = {
    ",", "and", "the", "both", "or", "as", "well", "most", "other", "some", "several", "all",
    "fellow", "neighbouring", "neighboring",
    /* descriptors of armed groups: "the army and the paramilitary Rapid Support Forces" */
    "paramilitary", "militant", "rebel", "islamist", "jihadist", "separatist", "insurgent", "group",
    NULL};

static const char *nm(const allynet__sent *x, size_t i) {
    return allynet__tok_norm(x->t, i);
}

/* ---------------------------------------------------------------- clause limits */

bool allynet__comma_boundary(const allynet__sent *x, size_t i) {
    if (nm(x, i)[0] != ',' || i + 1 >= x->s.last) {
        return false;
    }
    const char *n = nm(x, i + 1);
    size_t len = strlen(n);
    static const char *const verbs[] = {"has", "have", "had",   "is",   "was",  "were",
                                        "are", "will", "would", "said", "says", NULL};
    if (allynet__tok_in_list(x->t, i + 1, verbs)) {
        return true; /* "..., has drifted closer": the embedded clause ended */
    }
    if (strcmp(n, "and") == 0 && i + 2 < x->s.last) {
        /* ", and growing" continues a list; ", and ties", ", and Iran", ", and the" do not */
        return (x->t->v[i + 2].flags & TK_CAP) || x->tok_cue[i + 2 - x->s.first] ||
               allynet__tok_in_list(x->t, i + 2, determiners);
    }
    return allynet__tok_in_list(x->t, i + 1, boundaries) || strcmp(n, "but") == 0 ||
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

/* How token i may end a clause: STOP_HARD (a hard stop or a comma boundary), STOP_WORD (a
 * boundary word: but, while, which, said...), both or neither; STOP_KNOWN marks the answer
 * remembered in x->stops. */
enum { STOP_KNOWN = 1, STOP_HARD = 2, STOP_WORD = 4 };
/* "designated as", "seen as", "such as": an "as" that opens no clause. */
static bool as_complement(const allynet__sent *x, size_t i) {
    if (i == x->s.first || strcmp(nm(x, i), "as") != 0) {
        return false;
    }
    const char *p = nm(x, i - 1);
    size_t n = strlen(p);
    return strcmp(p, "such") == 0 || (n > 4 && strcmp(p + n - 2, "ed") == 0) ||
           strcmp(p, "seen") == 0;
}

/* Do the tokens from j name actors and then a participle, with no comma before it ("the
 * Netherlands, US and Germany suspending", "Nicaragua now recalling")? */
static bool subjects_participle(const allynet__sent *x, size_t j) {
    static const char *const skip[] = {",",    "and", "the",     "now",        "also",
                                       "both", "all", "already", "reportedly", NULL};
    static const char *const not_verbs[] = {"during",     "including", "according", "regarding",
                                            "concerning", "following", NULL};
    size_t m = 0, actors = 0, from = j;
    while (j < x->s.last && j < from + 16) {
        while (m < x->nm && x->m[m].last <= j) {
            m++;
        }
        if (m < x->nm && x->m[m].first == j && x->m[m].actors[0] &&
            !(x->t->v[x->m[m].last - 1].flags & TK_POSS)) {
            actors++;
            j = x->m[m].last;
        } else if (allynet__tok_in_list(x->t, j, skip)) {
            j++;
        } else {
            break;
        }
    }
    const char *w = j < x->s.last ? nm(x, j) : "";
    size_t n = strlen(w);
    return actors > 0 && n > 4 && strcmp(w + n - 3, "ing") == 0 && nm(x, j - 1)[0] != ',' &&
           !allynet__tok_in_list(x->t, j, not_verbs);
}

/* Does "with" at token i open an absolute clause ("under pressure, with the Netherlands and
 * Germany suspending aid", "with Nicaragua now recalling its envoys")? Its actors are the
 * participle's subjects, not partners or objects of what came before. */
static bool absolute_with(const allynet__sent *x, size_t i) {
    return strcmp(nm(x, i), "with") == 0 && subjects_participle(x, i + 1);
}

static unsigned stop_of(const allynet__sent *x, size_t i) {
    return STOP_KNOWN | (hard_stop(x, i) || allynet__comma_boundary(x, i) ? STOP_HARD : 0) |
           ((allynet__tok_in_list(x->t, i, boundaries) && !as_complement(x, i)) ||
                    absolute_with(x, i)
                ? STOP_WORD
                : 0);
}
static unsigned clause_mark(const allynet__sent *x, size_t i) {
    unsigned char *m = &x->stops[i - x->s.first];
    if (*m == 0) {
        *m = (unsigned char)stop_of(x, i);
    }
#if defined(__SANITIZE_ADDRESS__)
    assert(*m == stop_of(x, i)); /* sanitizer builds check the memo is still right */
#endif
    return *m;
}

/* The first token of the clause holding token i. */
size_t allynet__clause_start(const allynet__sent *x, size_t i) {
    size_t k = i;
    while (k > x->s.first && i - k < LEFT_REACH) {
        if (clause_mark(x, k - 1) & (STOP_HARD | STOP_WORD)) {
            return k;
        }
        k--;
    }
    return k;
}

/* ---------------------------------------------------------------- roles */

bool allynet__eligible_source(const allynet__mention *mn) {
    return mn->actors[0] != NULL && !(mn->flags & (MN_PLACE | MN_QUOTED | MN_WEAK | MN_IN |
                                                   MN_BOUND | MN_FROM | MN_PARTIES | MN_COAGENT));
}

/* Is mn governed by a preposition that puts a military act on a territory ("strikes across
 * Syria", "troops inside Pakistan", "missiles into Israel")? */
static bool on_territory(const allynet__sent *x, const allynet__mention *mn) {
    static const char *const p[] = {"across", "inside", "into", "throughout", NULL};
    size_t b = mn->first;
    if (b > x->s.first && strcmp(nm(x, b - 1), "the") == 0) {
        b--;
    }
    return b > x->s.first && allynet__tok_in_list(x->t, b - 1, p);
}

/* Is mn inside a topic phrase ("on Chinese missile tests", "about Iranian drones")? */
static bool topic_of(const allynet__sent *x, const allynet__mention *mn) {
    static const char *const topic[] = {"on", "about", "over", "regarding", "concerning", NULL};
    size_t b = mn->first;
    if (b > x->s.first && strcmp(nm(x, b - 1), "the") == 0) {
        b--;
    }
    return b > x->s.first && allynet__tok_in_list(x->t, b - 1, topic);
}

static bool eligible_target_in(const allynet__sent *x, const allynet__mention *mn,
                               const allynet__cue *cue) {
    static const char *const land[] = {
        "territory", "soil",          "airspace",  "waters",         "border",
        "borders",   "forces",        "troops",    "bases",          "sites",
        "facility",  "facilities",    "positions", "grid",           "embassy",
        "consulate", "ships",         "vessels",   "soldiers",       "citizens",
        "diplomats", "installations", "ports",     "infrastructure", NULL};
    if ((mn->flags & MN_THING) && mn->actors[0] && (cue->hints & LH_SPATIAL) && cue->weight < 0) {
        for (size_t k = mn->last; k < x->s.last && k < mn->last + 3; k++) {
            if (allynet__tok_in_list(x->t, k, land)) {
                return true; /* "attacked its territory", "its nuclear sites": the owner is hit */
            }
            if (!(x->t->v[k].flags & TK_WORD) || x->tok_cue[k - x->s.first]) {
                break;
            }
        }
    }
    static const char *const others[] = {"neighbours", "neighbors", "allies", "partners",
                                         "rivals",     "enemies",   "foes",   NULL};
    if (mn->actors[0] == NULL || (mn->flags & (MN_QUOTED | MN_BOUND | MN_THING | MN_COAGENT))) {
        return false;
    }
    if ((mn->flags & MN_POSS) && mn->last < x->s.last &&
        allynet__tok_in_list(x->t, mn->last, others)) {
        return false; /* "support Syria's neighbours": others, named after it if at all */
    }
    if (mn->flags & MN_PLACE) {
        return (cue->hints & LH_SPATIAL) && cue->weight < 0 && on_territory(x, mn);
    }
    if (cue->weight > 0 && cue->pos == LX_NOUN && mn->first > x->s.first &&
        strcmp(nm(x, mn->first - 1 -
                         (mn->first - 1 > x->s.first && strcmp(nm(x, mn->first - 1), "the") == 0)),
               "against") == 0) {
        return false; /* "a key ally against Iran": the common adversary, not a partner */
    }
    if ((mn->flags & MN_WEAK) && cue->weight > 0 && topic_of(x, mn)) {
        return false; /* "share data on North Korean launches": the topic, not a partner */
    }
    return !(mn->flags & MN_IN) || (cue->hints & LH_SPATIAL);
}

void allynet__add_role(roles *r, const allynet__mention *mn) {
    for (int k = 0; k < ALLYNET__MAX_GROUP && mn->actors[k]; k++) {
        bool dup = false;
        for (size_t j = 0; j < r->n; j++) {
            dup |= allynet__same_str(r->a[j], mn->actors[k]);
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
    while (k < to && ((x->t->v[k].flags & TK_CAP) || allynet__tok_in_list(x->t, k, particles)) &&
           x->tok_cue[k - x->s.first] == 0) {
        k++;
    }
    if (k == from + 1 || k == to) {
        return false;
    }
    for (; k < to; k++) {
        if (!allynet__tok_in_list(x->t, k, glue)) {
            return false;
        }
    }
    return strcmp(nm(x, to - 1), "and") == 0;
}

/* Does possessive mention b, right after a comma, open an appositive noun phrase closed by
 * another ("Iran, Hamas's main backer, ...")? Only lower-case words between it and the comma. */
static bool possessive_appositive(const allynet__sent *x, const allynet__mention *b) {
    if (!(b->flags & MN_POSS) || b->first == x->s.first || strcmp(nm(x, b->first - 1), ",") != 0) {
        return false;
    }
    for (size_t k = b->last; k < x->s.last && k < b->last + 4; k++) {
        if (strcmp(nm(x, k), ",") == 0) {
            return k > b->last;
        }
        if (!(x->t->v[k].flags & TK_WORD) || (x->t->v[k].flags & TK_CAP) ||
            allynet__tok_in_list(x->t, k, glue)) {
            return false;
        }
    }
    return false;
}

/* Does ", and" before b open a new clause with b as its subject ("to Ukraine, and Biden said")? */
static bool new_subject(const allynet__sent *x, const allynet__mention *a,
                        const allynet__mention *b) {
    static const char *const verbs[] = {"said", "says",      "has",   "have",  "had",
                                        "is",   "was",       "were",  "would", "will",
                                        "told", "announced", "later", NULL};
    if (b->first < a->last + 2 || strcmp(nm(x, b->first - 1), "and") != 0 ||
        nm(x, b->first - 2)[0] != ',' || b->last >= x->s.last) {
        return false;
    }
    unsigned c = x->tok_cue[b->last - x->s.first];
    if (!allynet__tok_in_list(x->t, b->last, verbs) && !(c && x->cue[c - 1].cue->pos == LX_VERB)) {
        return false;
    }
    for (size_t k = allynet__clause_start(x, a->first); k < a->first; k++) {
        if (x->tok_cue[k - x->s.first]) {
            return true; /* a was an object: b starts the next clause */
        }
    }
    return false; /* "Russia, Iran, and Syria signed": a list of subjects */
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

bool allynet__coordinated(const allynet__sent *x, const allynet__mention *a,
                          const allynet__mention *b) {
    if (b->first <= a->last) {
        return false;
    }
    if (b->first - a->last > 3) {
        return appositive_name(x, a->last, b->first) || possessive_pair(x, a, b);
    }
    for (size_t k = a->last; k < b->first; k++) {
        if (!allynet__tok_in_list(x->t, k, glue)) {
            return possessive_pair(x, a, b); /* "North Korea's launches and China's" */
        }
        if (strcmp(nm(x, k), "as") == 0 && (k + 1 >= b->first || strcmp(nm(x, k + 1), "well"))) {
            return false; /* "Taiwan, as the Chinese government warned": a clause, not a list */
        }
    }
    if (!(a->flags & MN_POSS) && possessive_appositive(x, b)) {
        return false; /* "Iran, Hamas's main backer, ...": an appositive, not a second actor */
    }
    return !new_subject(x, a, b);
}

static bool after_prep(const allynet__sent *x, const allynet__mention *mn) {
    size_t b = mn->first;
    while (b > x->s.first &&
           (strcmp(nm(x, b - 1), "the") == 0 || (x->t->v[b - 1].flags & TK_CAP))) {
        b--;
    }
    return b > x->s.first && allynet__tok_in_list(x->t, b - 1, allynet__preps);
}

/* The mention nearest before token `end` and at or after `start`, preferring one not governed by
 * a preposition; with its coordinated neighbours. Returns the mention index or -1. */
/* Is b the leader of a in "a led by b" / "a, led by the b"? */
static bool led_by(const allynet__sent *x, const allynet__mention *a, const allynet__mention *b) {
    size_t k = a->last;
    if (k < x->s.last && nm(x, k)[0] == ',') {
        k++;
    }
    if (k + 2 > b->first || strcmp(nm(x, k), "led") != 0 || strcmp(nm(x, k + 1), "by") != 0) {
        return false;
    }
    return b->first == k + 2 || (b->first == k + 3 && strcmp(nm(x, k + 2), "the") == 0);
}

/* Is mention j inside an appositive that opens with an article after an earlier mention and its
 * comma ("Pakistan, a key U.S. ally in the war against terrorism, has refused")? */
static bool in_article_appositive(const allynet__sent *x, size_t j) {
    static const char *const articles[] = {"a", "an", NULL};
    const allynet__mention *mn = &x->m[j];
    for (size_t i = j; i-- > 0;) {
        const allynet__mention *head = &x->m[i];
        size_t c = head->last;
        if (c + 8 < mn->first) {
            return false; /* mentions come in order: the earlier ones are further still */
        }
        if (c + 2 > mn->first) {
            continue;
        }
        if (strcmp(nm(x, c), ",") != 0 || !allynet__tok_in_list(x->t, c + 1, articles)) {
            return false;
        }
        for (size_t k = c + 1; k < mn->first; k++) {
            if (x->t->v[k].flags & TK_PUNCT) {
                return false;
            }
        }
        return allynet__eligible_source(head);
    }
    return false;
}

long allynet__left_role_as(const allynet__sent *x, size_t start, size_t end, roles *r,
                           bool object) {
    long best = -1, fallback = -1;
    for (size_t j = x->nm; j-- > 0;) {
        const allynet__mention *mn = &x->m[j];
        bool ok = allynet__eligible_source(mn) || (object && (mn->flags & MN_PARTIES));
        if (mn->last > end || mn->first < start || !ok) {
            continue;
        }
        if (j > 0 && x->m[j - 1].last + 1 == mn->first && possessive_appositive(x, mn)) {
            continue; /* "Iran, Hamas's main backer, condemned": Iran is the subject */
        }
        if (in_article_appositive(x, j)) {
            continue; /* "Pakistan, a key U.S. ally in the war, refused": Pakistan */
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
    if (fallback > best && led_by(x, &x->m[best], &x->m[fallback])) {
        best = fallback; /* "Syrian rebels led by HTS captured Damascus": HTS acts */
    }
    allynet__add_role(r, &x->m[best]);
    for (size_t j = (size_t)best; j > 0 && allynet__coordinated(x, &x->m[j - 1], &x->m[j]); j--) {
        if (allynet__eligible_source(&x->m[j - 1])) {
            allynet__add_role(r, &x->m[j - 1]);
        }
    }
    return best;
}

long allynet__left_role(const allynet__sent *x, size_t start, size_t end, roles *r) {
    return allynet__left_role_as(x, start, end, r, false);
}

/* Removes from r the actors of `but` ("the deals were brokered by Turkey": not Turkey itself). */
void allynet__drop_roles(roles *r, const roles *but) {
    size_t w = 0;
    for (size_t i = 0; i < r->n; i++) {
        bool dup = false;
        for (size_t j = 0; j < but->n; j++) {
            dup |= allynet__same_str(r->a[i], but->a[j]);
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
        if (!allynet__tok_in_list(x->t, k - 1, skip) &&
            !allynet__tok_in_list(x->t, k - 1, allynet__modifiers) &&
            !(x->t->v[k - 1].flags & TK_CAP)) {
            return false;
        }
    }
    return false;
}

/* The first eligible mention in [start, stop) and those coordinated with it. */
static bool is_role(const roles *r, const allynet__mention *mn) {
    for (size_t j = 0; r && j < r->n; j++) {
        if (allynet__same_str(r->a[j], mn->actors[0]) && mn->actors[1] == NULL) {
            return true;
        }
    }
    return false;
}

/* Does mn follow the cue's own closing preposition ("fired two shells at Seoul", "an incursion
 * into Syria")? Then it is the target, although such a preposition usually marks a place. */
static bool cue_object(const allynet__sent *x, size_t start, const allynet__mention *mn) {
    static const char *const closing[] = {"at",   "on", "into", "against",
                                          "over", "to", "from", NULL};
    if (start <= x->s.first || x->tok_cue[start - 1 - x->s.first] == 0 ||
        !allynet__tok_in_list(x->t, start - 1, closing) || mn->actors[0] == NULL ||
        (mn->flags & (MN_QUOTED | MN_BOUND | MN_THING | MN_COAGENT))) {
        return false;
    }
    return mn->first == start || (mn->first == start + 1 && strcmp(nm(x, start), "the") == 0);
}

bool allynet__right_role_but(const allynet__sent *x, const allynet__cue *cue, size_t start,
                             size_t stop, const roles *but, roles *r) {
    for (size_t j = 0; j < x->nm; j++) {
        const allynet__mention *mn = &x->m[j];
        bool own = cue_object(x, start, mn) ||
                   ((mn->flags & MN_FROM) && on_territory(x, mn) && eligible_target_in(x, mn, cue));
        if (mn->first < start || mn->first >= stop || !(own || eligible_target_in(x, mn, cue)) ||
            is_role(but, mn)) {
            continue; /* "offered its troops to Lebanon": not itself */
        }
        if ((mn->flags & MN_FROM) && !(cue->hints & LH_FROM) && !own &&
            strcmp(cue->cameo, "161") != 0) {
            continue; /* but "recalled its ambassador from Madrid": the state left */
        }
        if ((cue->hints & LH_WITH) && !partner(x, mn)) {
            continue; /* "talks ... on the sidelines of the BRICS summit" */
        }
        allynet__add_role(r, mn);
        for (size_t k = j + 1; k < x->nm && allynet__coordinated(x, &x->m[k - 1], &x->m[k]) &&
                               !subjects_participle(x, x->m[k].first);
             k++) { /* but "aid to Yerevan and Greece cancelling": Greece starts a clause */
            if (eligible_target_in(x, &x->m[k], cue)) {
                allynet__add_role(r, &x->m[k]);
            }
        }
        return true;
    }
    return false;
}

bool allynet__right_role(const allynet__sent *x, const allynet__cue *cue, size_t start, size_t stop,
                         roles *r) {
    return allynet__right_role_but(x, cue, start, stop, NULL, r);
}

/* Where the target search stops: the end of the clause or the next cue. */
size_t allynet__right_stop(const allynet__sent *x, size_t cue, size_t from) {
    static const char *const preps[] = {"to", "in", "on", "at", "against", "with", "into", NULL};
    size_t k = from, reach = RIGHT_REACH;
    const allynet__lx_match *lm = cue < x->nc ? &x->cue[cue] : NULL;
    if (lm != NULL && from == lm->last && lm->last > lm->first + 1 &&
        !(lm->cue->hints & LH_APPEAL) && allynet__tok_in_list(x->t, lm->last - 1, preps)) {
        reach = 4; /* "travel to the summit": the object of its own preposition, not "was
                    * complicated by the ICC" further on (an appeal, "called on nations to
                    * stand against X", names its object later) */
    }
    while (k < x->s.last && k < from + reach) {
        if (nm(x, k)[0] == ',' && k + 1 < x->s.last &&
            allynet__same_word(nm(x, k + 1), "including")) {
            k += 2; /* "Syria's neighbours, including Jordan and Iraq": the object goes on */
            continue;
        }
        unsigned mark = clause_mark(x, k);
        /* a "with" that is a boundary word opens an absolute clause (stop_of): no object there,
         * even right after the cue */
        if ((mark & STOP_HARD) || ((mark & STOP_WORD) && strcmp(nm(x, k), "with") == 0) ||
            (strcmp(nm(x, k), "and") == 0 && subjects_participle(x, k + 1)) ||
            (k > from && nm(x, k)[0] == ',' && k + 1 < x->s.last &&
             (strcmp(nm(x, k + 1), "a") == 0 || strcmp(nm(x, k + 1), "an") == 0)) ||
            (k > from && ((mark & STOP_WORD) || strcmp(nm(x, k), "that") == 0))) {
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
bool allynet__by_agent(const allynet__sent *x, const allynet__lx_match *lm, roles *r) {
    for (size_t k = lm->last; k < x->s.last && k < lm->last + 5; k++) {
        if (hard_stop(x, k) || (k > lm->last && x->tok_cue[k - x->s.first])) {
            break;
        }
        if (strcmp(nm(x, k), "by") == 0) {
            return allynet__right_role(x, lm->cue, k + 1, allynet__right_stop(x, SIZE_MAX, k + 1),
                                       r);
        }
    }
    return false;
}

bool allynet__passive(const allynet__sent *x, const allynet__lx_match *lm) {
    if (!lm->participle) {
        return false;
    }
    for (size_t k = lm->first, n = 0; k > x->s.first && n < 3; k--, n++) {
        if (allynet__tok_in_list(x->t, k - 1, be)) {
            return true;
        }
        if (allynet__tok_in_list(x->t, k - 1, linking)) {
            roles probe = {0};
            return allynet__by_agent(x, lm, &probe);
        }
        if (allynet__tok_in_list(x->t, k - 1, boundaries) || strcmp(nm(x, k - 1), "and") == 0 ||
            (x->t->v[k - 1].flags & TK_PUNCT)) {
            break; /* "was closed but warned X": the "was" belongs to another clause */
        }
    }
    return lm->last < x->s.last && strcmp(nm(x, lm->last), "by") == 0;
}

/* The antecedent of a relative pronoun at token rel ("Hezbollah, which ..."). */
bool allynet__antecedent(const allynet__sent *x, size_t rel, roles *r) {
    if (rel == x->s.first || !allynet__tok_in_list(x->t, rel, allynet__relatives)) {
        return false;
    }
    size_t end = rel;
    if (strcmp(nm(x, end - 1), ",") == 0) {
        end--;
    }
    if (end > x->s.first + 1 && strcmp(nm(x, end - 1), ")") == 0) {
        /* "the Polisario Front (Popular Front for ...), which": skip the parenthesis */
        size_t k = end - 1;
        while (k > x->s.first && end - k < 16 && strcmp(nm(x, k), "(") != 0) {
            k--;
        }
        if (strcmp(nm(x, k), "(") == 0) {
            end = k;
        }
    }
    for (size_t j = x->nm; j-- > 0;) {
        if (x->m[j].last == end && allynet__eligible_source(&x->m[j])) {
            allynet__add_role(r, &x->m[j]);
            return true;
        }
    }
    return false;
}
