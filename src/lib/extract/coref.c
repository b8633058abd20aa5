/* coref.c — coreference within a short window: pronouns (he, his, she, her, it, its), anaphors
 * ("the pair", "the two leaders", "both countries", "the country", "the Latin American
 * country"), and event anaphors ("the seizure", "the pressure campaign") that stand for the actor
 * of an earlier event. Reads and updates the discourse memory of the document. */
#include "extract_int.h"

#include <string.h>

enum { WINDOW = 3 }; /* sentences a pronoun may reach back */

static const char *const he[] = {"he", "his", "him", "she", "her", NULL};
static const char *const it[] = {"it", "its", NULL};
/* The first person plural: in a quotation, the speaker's side (quotes.c). */
static const char *const we[] = {"we", "us", "our", NULL};
static const char *const pair_nouns[] = {
    "pair",       "two",        "nations",     "countries", "leaders",  "sides",    "governments",
    "presidents", "neighbours", "neighbors",   "allies",    "partners", "capitals", "states",
    "ministers",  "peoples",    "delegations", "rivals",    NULL};
static const char *const country_nouns[] = {"country", "nation", NULL};
static const char *const group_words[] = {"they", "them", "their", NULL};
static const char *const group_nouns[] = {"leaders",     "allies",    "three",       "four",
                                          "five",        "six",       "seven",       "eight",
                                          "partners",    "powers",    "governments", "countries",
                                          "signatories", "europeans", "members",     NULL};
/* Words that open a restrictive relative clause after a group noun. */
static const char *const restrictive[] = {"that", "who", "which", "whose", NULL};
/* Nouns that stand for the latest event: "praised the move", "regretted the decision". */
static const char *const event_nouns[] = {
    "move",      "moves", "decision",   "step",    "measures",  "measure", "action", "announcement",
    "operation", "steps", "suspension", "downing", "exercises", "drills",  NULL};

/* State organs named without their state ("the foreign ministry said"): they stand for the
 * actor the text is about, like "it". */
static const char *const organ_mods[] = {"foreign",  "defence", "defense",  "interior",
                                         "commerce", "trade",   "military", NULL};
static const char *const organ_nouns[] = {"ministry", "junta", "regime", NULL};
/* People and bodies named by their title alone ("the foreign minister said"): the actor spoken
 * of, preferably the latest subject. */
static const char *const speaker_mods[] = {"foreign", "defence", "defense", "prime",    "senior",
                                           "top",     "deputy",  "chief",   "interior", NULL};
static const char *const speakers[] = {"minister",     "spokesman",  "spokeswoman", "official",
                                       "spokesperson", "government", "premier",     NULL};
/* Nouns that stand for the organization named last ("ECOWAS ... the bloc said"). */
static const char *const org_nouns[] = {"bloc", "grouping", NULL};
/* "the group", "the Iran-backed militia": the latest armed group named (see armed_group). */
static const char *const armed_nouns[] = {"group",      "militia",   "militias",
                                          "movement",   "militants", "rebels",
                                          "insurgents", "fighters",  NULL};
static const char *const armed_mods[] = {
    "militant",  "armed",     "rebel",   "islamist", "jihadist",  "separatist", "paramilitary",
    "extremist", "terrorist", "radical", "-",        "backed",    "aligned",    "allied",
    "supported", "led",       "run",     "based",    "insurgent", NULL};

/* The words an anaphor starts with. */
static const char *const heads[] = {"he",   "his",       "him",  "she",   "her", "it",
                                    "its",  "they",      "them", "their", "the", "a",
                                    "both", "officials", "we",   "us",    "our", NULL};

/* Recognises an anaphor at token i; returns its length in tokens (0 if none) and its kind. */
static size_t anaphor(const allynet__tokens *t, size_t i, size_t last, int *kind) {
    if (!allynet__tok_in_list(t, i, heads)) {
        return 0; /* one test, which most words fail (this is asked of nearly every token) */
    }
    if (allynet__tok_in_list(t, i, we)) {
        *kind = 10;
        return 1;
    }
    const char *w = allynet__tok_norm(t, i);
    if (w[0] == 'o' || w[0] == 'a') { /* only "officials" and "a [senior] official" */
        if (strcmp(w, "officials") == 0 && !(i > 0 && (t->v[i - 1].flags & TK_CAP))) {
            *kind = 8; /* "officials said": the actor spoken of */
            return 1;
        }
        if (w[1] != '\0') {
            return 0;
        }
    }
    if ((w[0] == 't' || w[0] == 'a') && (strcmp(w, "the") == 0 || strcmp(w, "a") == 0) &&
        i + 1 < last) {
        size_t k = i + 1; /* "the foreign minister", "a senior official", "the spokesman" */
        while (k < last && k < i + 3 && allynet__tok_in_list(t, k, speaker_mods)) {
            k++;
        }
        if (k < last && allynet__tok_in_list(t, k, speakers) &&
            !(k + 1 < last && (strcmp(allynet__tok_norm(t, k + 1), "of") == 0 ||
                               (t->v[k].flags & TK_POSS) || (t->v[k + 1].flags & TK_CAP)))) {
            *kind = 8;
            return k + 1 - i;
        }
    }
    if (allynet__tok_in_list(t, i, he)) {
        *kind = 1;
        return 1;
    }
    if (allynet__tok_in_list(t, i, it)) {
        *kind = 2;
        return 1;
    }
    if (allynet__tok_in_list(t, i, group_words)) {
        *kind = 6;
        return 1;
    }
    if (strcmp(w, "the") == 0 && i + 1 < last && allynet__tok_in_list(t, i + 1, group_nouns)) {
        size_t n = 2; /* the three [European] powers */
        while (i + n < last && n < 5 &&
               (allynet__tok_in_list(t, i + n, group_nouns) || (t->v[i + n].flags & TK_CAP))) {
            n++;
        }
        if (i + n < last && allynet__tok_in_list(t, i + n, restrictive)) {
            return 0; /* "the countries that backed the text": described, not referred back to */
        }
        *kind = 6;
        return n;
    }
    if (strcmp(w, "the") == 0 && i + 1 < last) {
        size_t k = i + 1; /* "the bloc", "the regional bloc", "the 27-nation bloc" */
        while (k < last && k < i + 4 && !(t->v[k].flags & TK_CAP) &&
               !allynet__tok_in_list(t, k, org_nouns) &&
               ((t->v[k].flags & TK_WORD) || strcmp(allynet__tok_norm(t, k), "-") == 0)) {
            k++;
        }
        if (k < last && allynet__tok_in_list(t, k, org_nouns)) {
            *kind = 7;
            return k + 1 - i;
        }
    }
    if (strcmp(w, "the") == 0 && i + 1 < last) {
        size_t k = i + 1; /* "the group", "the militant group", "the Iran-backed movement" */
        while (k < last && k < i + 5 && !allynet__tok_in_list(t, k, armed_nouns) &&
               (allynet__tok_in_list(t, k, armed_mods) ||
                ((t->v[k].flags & TK_CAP) && k + 1 < last &&
                 strcmp(allynet__tok_norm(t, k + 1), "-") == 0))) {
            k++;
        }
        if (k < last && allynet__tok_in_list(t, k, armed_nouns) &&
            !(k + 1 < last && (strcmp(allynet__tok_norm(t, k + 1), "of") == 0 ||
                               (t->v[k + 1].flags & TK_CAP) || (t->v[k].flags & TK_POSS)))) {
            *kind = 9;
            return k + 1 - i;
        }
    }
    if (strcmp(w, "the") == 0 && i + 1 < last) {
        size_t k = i + 1; /* "the foreign ministry", "the junta": the actor spoken of */
        while (k < last && k < i + 3 && allynet__tok_in_list(t, k, organ_mods)) {
            k++;
        }
        if (k < last && allynet__tok_in_list(t, k, organ_nouns) &&
            (k > i + 1 || strcmp(allynet__tok_norm(t, k), "ministry") != 0) &&
            !(k + 1 < last &&
              (strcmp(allynet__tok_norm(t, k + 1), "of") == 0 || (t->v[k].flags & TK_POSS)))) {
            *kind = 2;
            return k + 1 - i;
        }
    }
    if ((strcmp(w, "the") == 0 || strcmp(w, "both") == 0) && i + 1 < last) {
        const char *n1 = allynet__tok_norm(t, i + 1);
        if (strcmp(w, "both") == 0 && allynet__tok_in_list(t, i + 1, pair_nouns)) {
            *kind = 3;
            return 2;
        }
        if (strcmp(n1, "pair") == 0 || strcmp(n1, "two") == 0) {
            size_t n = 2;
            if (i + 2 < last && allynet__tok_in_list(t, i + 2, pair_nouns)) {
                n = 3;
            }
            *kind = 3;
            return n;
        }
        if (allynet__tok_in_list(t, i + 1, event_nouns) && strcmp(w, "the") == 0) {
            *kind = 5;
            return 2;
        }
        /* the [Capitalised words] country */
        size_t k = i + 1;
        while (k < last && k < i + 4 && (t->v[k].flags & TK_CAP)) {
            k++;
        }
        if (k < last && allynet__tok_in_list(t, k, country_nouns) &&
            !(k + 1 < last && strcmp(allynet__tok_norm(t, k + 1), "of") == 0)) {
            *kind = 4;
            return k + 1 - i;
        }
    }
    return 0;
}

bool allynet__coref_scan(allynet__sent *x, size_t i, size_t *len) {
    int kind = 0;
    size_t n = anaphor(x->t, i, x->s.last, &kind);
    if (n == 0 || x->nm == ALLYNET__MAX_MN) {
        return false;
    }
    allynet__mention *mn = &x->m[x->nm++];
    *mn = (allynet__mention){.first = i, .last = i + n, .flags = MN_PRON | MN_COREF};
    const char *w = allynet__tok_norm(x->t, i);
    if (n == 1 && (strcmp(w, "his") == 0 || strcmp(w, "her") == 0 || strcmp(w, "its") == 0 ||
                   strcmp(w, "their") == 0 || strcmp(w, "our") == 0)) {
        mn->flags |= MN_THING; /* cleared when an agent noun follows ("his government") */
    }
    mn->target_of = kind == 1    ? "he"
                    : kind == 2  ? "it"
                    : kind == 3  ? "pair"
                    : kind == 5  ? "event"
                    : kind == 6  ? "group"
                    : kind == 7  ? "org"
                    : kind == 8  ? "official"
                    : kind == 9  ? "armed"
                    : kind == 10 ? "speaker"
                                 : "country";
    *len = n;
    return true;
}

/* The most recent event with the same cue word ("struck" for "the strikes"), else the most recent
 * whose cue has this relation, or NULL. */
static const char *event_source(const allynet__discourse *d, const allynet__cue *cue,
                                const char **target, size_t *at) {
    for (size_t k = d->n_recent; k-- > 0;) {
        if (allynet__same_word(d->recent[k].cue->lemma, cue->lemma)) {
            *target = d->recent[k].target;
            *at = k;
            return d->recent[k].source;
        }
    }
    for (size_t k = d->n_recent; k-- > 0;) {
        const allynet__cue *c = d->recent[k].cue;
        if (allynet__same_str(c->relation, cue->relation) ||
            strncmp(c->cameo, cue->cameo, 2) == 0) {
            *target = d->recent[k].target;
            *at = k;
            return d->recent[k].source;
        }
    }
    return NULL;
}

bool allynet__coref_event(const allynet__discourse *d, const allynet__cue *cue) {
    const char *tg;
    size_t at;
    return event_source(d, cue, &tg, &at) != NULL;
}

void allynet__coref_event_mention(const allynet__discourse *d, const allynet__cue *cue,
                                  allynet__mention *mn) {
    const char *tg = NULL;
    size_t at = 0;
    mn->actors[0] = event_source(d, cue, &tg, &at);
    mn->actors[1] = NULL;
    if (mn->actors[0] != NULL && cue->weight < 0 && !(cue->hints & LH_SYM) &&
        d->recent[at].sources[1] != NULL && d->recent[at].sources[0] == mn->actors[0]) {
        /* "Britain and France bombed X ... supported the strikes": all of the strikers */
        memcpy(mn->actors, d->recent[at].sources, sizeof mn->actors);
    }
    mn->target_of = tg;
    mn->flags |= MN_EVENT | MN_COREF;
    if ((cue->hints & LH_SYM) && d->n_recent > 0 && d->recent[d->n_recent - 1].parties[1] &&
        d->recent[d->n_recent - 1].cue->hints & LH_SYM) {
        /* "criticised the meeting": a reciprocal event stands for all of its parties */
        memcpy(mn->actors, d->recent[d->n_recent - 1].parties, sizeof mn->actors);
        mn->target_of = NULL;
        mn->flags |= MN_PARTIES;
    }
}

/* The number an anaphor gives ("the three governments": 3, "both": 2), or 0. */
static size_t anaphor_count(const allynet__sent *x, const allynet__mention *mn) {
    static const char *const numbers[] = {"two", "three", "four",  "five",
                                          "six", "seven", "eight", NULL};
    for (size_t k = mn->first; k < mn->last; k++) {
        const char *w = allynet__tok_norm(x->t, k);
        for (size_t n = 0; numbers[n]; n++) {
            if (strcmp(w, numbers[n]) == 0) {
                return n + 2;
            }
        }
    }
    return 0;
}

static size_t count_of(const char *const *v) {
    size_t n = 0;
    while (n < ALLYNET__MAX_GROUP && v[n]) {
        n++;
    }
    return n;
}

/* Is one of the two actors v[0], v[1] named in this sentence before mention i? */
static bool seen_here(const allynet__sent *x, size_t i, const char *const *v) {
    for (size_t j = 0; j < i; j++) {
        const char *a = x->m[j].actors[0];
        if (a && (allynet__same_str(a, v[0]) || allynet__same_str(a, v[1]))) {
            return true;
        }
    }
    return false;
}

static size_t count_parties(const allynet__discourse *d) {
    size_t n = 0;
    while (n < ALLYNET__MAX_GROUP && d->parties[n]) {
        n++;
    }
    return n;
}

/* Is the cue a material act (CAMEO roots 06-08 and 14-20) rather than words about one? */
static bool material(const allynet__cue *c) {
    int root = (c->cameo[0] - '0') * 10 + (c->cameo[1] - '0');
    return (root >= 6 && root <= 8) || root >= 14;
}

/* The event "the move", "the decision" refers to: the latest material act with a target (the
 * reactions to it are words: "France regretted the decision; Israel praised the move"), else the
 * latest event with a target, else the latest. */
static size_t latest_act(const allynet__discourse *d) {
    for (size_t r = d->n_recent; r-- > 0;) {
        if (d->recent[r].target && material(d->recent[r].cue)) {
            return r;
        }
    }
    size_t r = d->n_recent - 1;
    while (r > 0 && d->recent[r].target == NULL) {
        r--;
    }
    return r;
}

/* Remembers an actor as the most recent one. */
static void see(allynet__discourse *d, const allynet__mention *mn) {
    for (int k = 0; k < ALLYNET__MAX_GROUP && mn->actors[k]; k++) {
        const char *a = mn->actors[k];
        if (d->last_actor[0] == NULL || !allynet__same_str(d->last_actor[0], a)) {
            d->last_actor[1] = d->last_actor[0];
            d->last_actor[0] = a;
        }
    }
    if ((mn->flags & MN_LEADER) && mn->actors[0]) {
        d->last_leader = mn->actors[0];
        d->age_leader = 0;
    }
    if ((mn->flags & MN_ORG) && mn->actors[0]) {
        d->last_org = mn->actors[0];
        d->age_org = 0;
    }
    const allynet_actor_info *info = mn->actors[0] ? allynet_dict_lookup(mn->actors[0]) : NULL;
    if (info != NULL && info->kind != NULL && strcmp(info->kind, "armed_group") == 0) {
        d->last_armed = mn->actors[0];
        d->age_armed = 0;
    }
}

/* Are mentions a and b (b after a) joined only by commas and "and"? */
static bool joined(const allynet__sent *x, const allynet__mention *a, const allynet__mention *b) {
    if (b->first < a->last || b->first - a->last > 2 || b->first == a->last) {
        return false;
    }
    for (size_t k = a->last; k < b->first; k++) {
        const char *w = allynet__tok_norm(x->t, k);
        if (strcmp(w, ",") != 0 && strcmp(w, "and") != 0 && strcmp(w, "the") != 0) {
            return false;
        }
    }
    return true;
}

/* "France, Germany and Britain said they would": a coordination earlier in the sentence is the
 * group "they" stands for. */
static void local_group(const allynet__sent *x, size_t upto, allynet__discourse *d) {
    for (size_t i = upto; i-- > 1;) {
        if (!joined(x, &x->m[i - 1], &x->m[i]) || x->m[i].actors[0] == NULL) {
            continue;
        }
        const char *g[ALLYNET__MAX_GROUP] = {0};
        size_t n = 0, j = i + 1;
        while (j-- > 0 && n < ALLYNET__MAX_GROUP && x->m[j].actors[0] &&
               (j == i || joined(x, &x->m[j], &x->m[j + 1]))) {
            g[n++] = x->m[j].actors[0];
        }
        allynet__coref_group(d, g, n);
        d->age_group = 0;
        return;
    }
}

/* Is the pronoun at token i the subject of a clause reported by the speaker that mention sp
 * names right before the reporting verb ("Britain, the former colonial power, said it stood
 * with Guyana")? Only an appositive between commas may stand between the speaker and the verb. */
static bool reported_by(const allynet__sent *x, const allynet__mention *sp, size_t i) {
    static const char *const reporting[] = {"said",     "says",     "added",  "warned",
                                            "insisted", "declared", "stated", "announced",
                                            "argued",   "stressed", NULL};
    size_t k = i;
    if (k > x->s.first && allynet__same_word(allynet__tok_norm(x->t, k - 1), "that")) {
        k--;
    }
    if (k <= x->s.first || !allynet__tok_in_list(x->t, k - 1, reporting)) {
        return false;
    }
    size_t v = k - 1;
    if (sp->last == v) {
        return true;
    }
    if (sp->last + 2 > v || strcmp(allynet__tok_norm(x->t, sp->last), ",") != 0 ||
        strcmp(allynet__tok_norm(x->t, v - 1), ",") != 0) {
        return false;
    }
    for (size_t j = sp->last + 1; j + 1 < v; j++) {
        if (x->tok_cue[j - x->s.first] || (x->t->v[j].flags & TK_PUNCT)) {
            return false;
        }
    }
    return true;
}

/* Does the sentence open with "The" and a common noun that no mention starts at ("The resolution,
 * which the US drafted, authorized ...")? Its subject is then no actor. */
static bool thing_subject(const allynet__sent *x) {
    size_t f = x->s.first;
    return f + 1 < x->s.last && allynet__same_word(allynet__tok_norm(x->t, f), "the") &&
           (x->t->v[f + 1].flags & TK_WORD) && !(x->t->v[f + 1].flags & TK_CAP) &&
           (x->nm == 0 || x->m[0].first > f + 1);
}

/* Does the sentence open with "In X," (X the first mention) before the official anaphor i? */
static bool opening_place(const allynet__sent *x, size_t i) {
    const allynet__mention *p = &x->m[0];
    return i > 0 && (p->flags & MN_IN) && p->actors[0] && p->actors[1] == NULL &&
           p->first == x->s.first + 1 && p->last < x->s.last &&
           strcmp(allynet__tok_norm(x->t, p->last), ",") == 0 && x->m[i].first <= p->last + 3;
}

void allynet__coref_resolve(allynet__sent *x, allynet__discourse *d) {
    const char *local = NULL, *local_leader = NULL; /* earlier in this sentence */
    const allynet__mention *latest = NULL;          /* the latest actor named in this sentence */
    d->thing_subject[0] = thing_subject(x);
    for (size_t i = 0; i < x->nm; i++) {
        allynet__mention *mn = &x->m[i];
        if (mn->flags & MN_PRON) {
            const char *k = mn->target_of;
            mn->target_of = NULL;
            if (strcmp(k, "speaker") == 0) {
                mn->target_of = k; /* resolved once the quotations' speakers are known */
                continue;
            }
            if (latest && (strcmp(k, "it") == 0 || strcmp(k, "country") == 0) &&
                reported_by(x, latest, mn->first)) {
                /* "X, the former power, said it would", "Israel's prime minister said the
                 * country would" */
                mn->actors[0] = latest->actors[0];
            } else if ((strcmp(k, "official") == 0 ||
                        (strcmp(k, "it") == 0 && mn->last - mn->first > 1)) &&
                       opening_place(x, i)) {
                mn->actors[0] = x->m[0].actors[0]; /* "In Moscow, the foreign ministry said" */
            } else if (strcmp(k, "he") == 0 && (local_leader || d->age_leader <= WINDOW)) {
                mn->actors[0] = local_leader ? local_leader : d->last_leader;
            } else if (strcmp(k, "it") == 0 && mn->first == x->s.first && d->thing_subject[1] &&
                       !(d->last_subject && d->age_subject == 0)) {
                /* "The resolution, which the US drafted, ... . It also reaffirmed": the thing */
            } else if (strcmp(k, "it") == 0 &&
                       (local || (d->last_subject && d->age_subject <= 1) || d->first[1])) {
                mn->actors[0] = local ? local
                                : (d->last_subject && d->age_subject <= 1)
                                    ? d->last_subject
                                    : d->first[1]; /* "Seoul was angry. It summoned ..." */
            } else if (strcmp(k, "official") == 0 &&
                       ((d->last_subject && d->age_subject <= 1) || local || d->first[1])) {
                mn->actors[0] = (d->last_subject && d->age_subject <= 1) ? d->last_subject
                                : local                                  ? local
                                                                         : d->first[1];
            } else if (strcmp(k, "pair") == 0 && d->sym_pair[0] && d->age_sym <= 2 * WINDOW &&
                       !seen_here(x, i, d->sym_pair)) {
                mn->actors[0] = d->sym_pair[0]; /* "hosted talks between the two sides" */
                mn->actors[1] = d->sym_pair[1];
            } else if (strcmp(k, "pair") == 0 && d->last_actor[1]) {
                mn->actors[0] = d->last_actor[0];
                mn->actors[1] = d->last_actor[1];
            } else if (anaphor_count(x, mn) >= 3 && d->age_parties <= WINDOW &&
                       count_parties(d) == anaphor_count(x, mn)) {
                memcpy(mn->actors, d->parties, sizeof mn->actors); /* the three governments */
            } else if (anaphor_count(x, mn) >= 3 && d->n_recent > 0 &&
                       d->sentence - d->recent[d->n_recent - 1].at <= 1 &&
                       count_of(d->recent[d->n_recent - 1].targets) == anaphor_count(x, mn)) {
                /* "expelled the envoys of five states. The five ...": the latest targets */
                memcpy(mn->actors, d->recent[d->n_recent - 1].targets, sizeof mn->actors);
            } else if (strcmp(k, "group") == 0 && (local_group(x, i, d), d->group[1]) &&
                       d->age_group <= (mn->last - mn->first > 1 ? 5 : 1)) {
                memcpy(mn->actors, d->group, sizeof mn->actors);
            } else if (strcmp(k, "event") == 0 && d->n_recent > 0) {
                size_t r = latest_act(d); /* "the decision": the latest act with a target */
                memcpy(mn->actors, d->recent[r].sources, sizeof mn->actors);
                mn->target_of = d->recent[r].target;
                mn->flags |= MN_EVENT;
            } else if (strcmp(k, "group") == 0 && mn->last - mn->first == 1 && local) {
                mn->actors[0] = local; /* "Palestinian leaders said they would boycott" */
            } else if (strcmp(k, "org") == 0) {
                mn->actors[0] = d->age_org <= 3 ? d->last_org : NULL;
            } else if (strcmp(k, "armed") == 0) {
                mn->actors[0] = d->age_armed <= 3 ? d->last_armed : NULL;
            } else if (strcmp(k, "country") == 0) {
                /* "Vietnam is at odds with China ... The country also has deepened ties with
                 * Russia": the state the story is about, the latest subject, before the latest
                 * name */
                mn->actors[0] =
                    d->last_subject && d->age_subject <= 2 ? d->last_subject : d->last_actor[0];
            }
            continue; /* an anaphor does not change who was mentioned last */
        }
        if (!(mn->flags & (MN_PLACE | MN_QUOTED | MN_EVENT | MN_WEAK | MN_IN))) {
            see(d, mn);
            if (local == NULL && mn->actors[1] == NULL && !(mn->flags & MN_POSS_OF)) {
                local = mn->actors[0]; /* "it" is the sentence's first actor */
                d->first[0] = local;
            }
            local_leader = (mn->flags & MN_LEADER) ? mn->actors[0] : local_leader;
            latest = mn->actors[1] == NULL && !(mn->flags & (MN_POSS_OF | MN_ADJ | MN_POSS))
                         ? mn
                         : latest;
        }
    }
}

void allynet__coref_next_sentence(allynet__discourse *d) {
    d->age_leader++;
    d->age_subject++;
    d->age_group++;
    d->age_parties++;
    d->age_sym++;
    d->sentence++;
    d->age_org++;
    d->age_armed++;
    d->first[1] = d->first[0];
    d->first[0] = NULL;
    d->thing_subject[1] = d->thing_subject[0];
    d->thing_subject[0] = false;
}

void allynet__coref_sym_pair(allynet__discourse *d, const char *a, const char *b) {
    d->sym_pair[0] = a;
    d->sym_pair[1] = b;
    d->age_sym = 0;
}

void allynet__coref_remember(allynet__discourse *d, const allynet__cue *cue, const char *source,
                             const char *target) {
    size_t cap = sizeof d->recent / sizeof *d->recent;
    if (d->n_recent == cap) {
        memmove(d->recent, d->recent + 1, (cap - 1) * sizeof *d->recent);
        d->n_recent--;
    }
    d->recent[d->n_recent].cue = cue;
    d->recent[d->n_recent].source = source;
    d->recent[d->n_recent].target = target;
    memset(d->recent[d->n_recent].sources, 0, sizeof d->recent[d->n_recent].sources);
    memset(d->recent[d->n_recent].parties, 0, sizeof d->recent[d->n_recent].parties);
    memset(d->recent[d->n_recent].targets, 0, sizeof d->recent[d->n_recent].targets);
    d->recent[d->n_recent].targets[0] = target;
    d->recent[d->n_recent].at = d->sentence;
    d->recent[d->n_recent].sources[0] = source;
    d->n_recent++;
    if (source != NULL) {
        d->last_subject = source;
        d->age_subject = 0;
    }
}

static bool among(const char *const *v, size_t n, const char *a) {
    for (size_t k = 0; k < n && v[k]; k++) {
        if (allynet__same_str(v[k], a)) {
            return true;
        }
    }
    return false;
}

void allynet__coref_group(allynet__discourse *d, const char *const *actors, size_t n) {
    if (n < 2) {
        return;
    }
    memset(d->group, 0, sizeof d->group);
    for (size_t i = 0; i < n && i < ALLYNET__MAX_GROUP; i++) {
        d->group[i] = actors[i];
    }
    d->age_group = 0;
    /* the latest event was the group's when it is of this sentence and one of them did it (not
     * "X recalled its envoy to Y and Z. Y and Z had recalled their envoys": X did not) */
    if (d->n_recent > 0 && d->recent[d->n_recent - 1].at == d->sentence &&
        among(d->group, ALLYNET__MAX_GROUP, d->recent[d->n_recent - 1].source)) {
        memcpy(d->recent[d->n_recent - 1].sources, d->group, sizeof d->group);
    }
}

static void add_party(const char **v, size_t *n, const char *a) {
    for (size_t k = 0; k < *n; k++) {
        if (allynet__same_str(v[k], a)) {
            return;
        }
    }
    if (*n < ALLYNET__MAX_GROUP) {
        v[(*n)++] = a;
    }
}

void allynet__coref_parties(allynet__discourse *d, const char *const *src, size_t ns,
                            const char *const *tg, size_t nt) {
    const char *v[ALLYNET__MAX_GROUP] = {0};
    size_t n = 0;
    for (size_t k = 0; k < ns; k++) {
        add_party(v, &n, src[k]);
    }
    for (size_t k = 0; k < nt; k++) {
        add_party(v, &n, tg[k]);
    }
    if (n < 2) {
        return;
    }
    memcpy(d->parties, v, sizeof d->parties);
    d->age_parties = 0;
    if (d->n_recent > 0) {
        memcpy(d->recent[d->n_recent - 1].parties, v, sizeof v);
        for (size_t k = 0; k < nt && k < ALLYNET__MAX_GROUP; k++) {
            d->recent[d->n_recent - 1].targets[k] = tg[k];
        }
    }
}

const char *allynet__coref_implicit_target(const allynet__discourse *d, const char *actor,
                                           const allynet__cue *cue) {
    const char *found = NULL;
    for (size_t k = d->n_recent; k-- > 0 && d->sentence - d->recent[k].at <= 2;) {
        const char *s = d->recent[k].source;
        if (s == NULL || allynet__same_str(s, actor) ||
            among(d->recent[k].sources, ALLYNET__MAX_GROUP, actor) ||
            !among(d->recent[k].targets, ALLYNET__MAX_GROUP, actor) ||
            (cue->weight < 0 && d->recent[k].cue->weight > 0)) {
            continue; /* "the Iran-backed Houthis attacked ships": no hostile reply to a backer */
        }
        if (found && !allynet__same_str(found, s)) {
            return NULL; /* two actors acted on it: which one is meant is unclear */
        }
        found = s;
    }
    return found;
}

const char *allynet__coref_same_target(const allynet__discourse *d, const allynet__cue *cue,
                                       const char *actor) {
    for (size_t k = d->n_recent; k-- > 0 && d->sentence - d->recent[k].at <= 1;) {
        const char *s = d->recent[k].source, *t = d->recent[k].target;
        if (s && t && !allynet__same_str(s, actor) && !allynet__same_str(t, actor) &&
            material(cue) && allynet__same_str(d->recent[k].cue->relation, cue->relation) &&
            (d->recent[k].cue->weight > 0) == (cue->weight > 0)) {
            return t;
        }
    }
    return NULL;
}
