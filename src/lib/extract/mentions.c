/* mentions.c — finds the actors a sentence mentions and what part they can play: titles folded
 * into one mention ("Russian President Vladimir Putin"), nationalities of things and firms
 * ("a British risk firm", "a Russian warplane"), locations ("in Lebanon", "off X's coast"),
 * datelines, cited sources ("according to the Kremlin"), and coreference within a short window
 * ("the pair", "his government", "the country", "the seizure"). */
#include "extract_int.h"

#include <string.h>

/* Words that separate two mentions rather than describe one. */
static const char *const function_words[] = {
    "and",    "or",    "but",  "with", "to",    "of",     "for",  "against", "on",    "by",
    "in",     "at",    "from", "said", "says",  "as",     "that", "which",   "who",   "is",
    "was",    "are",   "were", "has",  "have",  "had",    "will", "would",   "than",  "after",
    "before", "while", "not",  "its",  "their", "during", "amid", "since",   "until", NULL};

/* Nouns after a nationality that make it an acting state ("Russian officials"). */
static const char *const agent_nouns[] = {"government",
                                          "governments",
                                          "president",
                                          "leader",
                                          "leaders",
                                          "minister",
                                          "ministers",
                                          "ministry",
                                          "official",
                                          "officials",
                                          "forces",
                                          "force",
                                          "troops",
                                          "army",
                                          "navy",
                                          "military",
                                          "diplomat",
                                          "diplomats",
                                          "diplomacy",
                                          "authorities",
                                          "administration",
                                          "regime",
                                          "delegation",
                                          "envoy",
                                          "envoys",
                                          "ambassador",
                                          "spokesman",
                                          "spokeswoman",
                                          "spokesperson",
                                          "embassy",
                                          "counterpart",
                                          "people",
                                          "warplanes",
                                          "jets",
                                          "warships",
                                          "soldiers",
                                          "police",
                                          "parliament",
                                          "cabinet",
                                          "foreign",
                                          "prime",
                                          "defence",
                                          "defense",
                                          "security",
                                          "side",
                                          "sides",
                                          "state",
                                          "premier",
                                          "king",
                                          "emir",
                                          "crown",
                                          "chancellor",
                                          "secretary",
                                          "senate",
                                          "congress",
                                          "lawmakers",
                                          "legislature",
                                          "junta",
                                          "navy's",
                                          "air",
                                          "coast",
                                          "guard",
                                          "border",
                                          "intelligence",
                                          "president's",
                                          "militia",
                                          "militias",
                                          "rebels",
                                          "fighters",
                                          "gunmen",
                                          "negotiators",
                                          "team",
                                          "counterparts",
                                          "leadership",
                                          "nation",
                                          "state-run",
                                          "vice",
                                          "deputy",
                                          "top",
                                          "senior",
                                          "national",
                                          "federal",
                                          "interior",
                                          "energy",
                                          "trade",
                                          "finance",
                                          "economy",
                                          "economic",
                                          "commander",
                                          "commanders",
                                          "general",
                                          "generals",
                                          "admiral",
                                          "head",
                                          "chief",
                                          "monarch",
                                          "sultan",
                                          "allies",
                                          "ally",
                                          "officers",
                                          "authority",
                                          "agency",
                                          "helicopters",
                                          "tanks",
                                          "aircraft",
                                          "planes",
                                          "drones",
                                          "artillery",
                                          "gunboats",
                                          "submarines",
                                          "units",
                                          "battalions",
                                          "guards",
                                          "agents",
                                          "patrols",
                                          "commandos",
                                          "paratroopers",
                                          "marines",
                                          "warplane",
                                          "navies",
                                          "sailors",
                                          "pilots",
                                          "negotiator",
                                          "delegates",
                                          "representatives",
                                          "courts",
                                          "court",
                                          "judiciary",
                                          "prosecutors",
                                          "hackers",
                                          "spies",
                                          NULL};
/* Heads that make a nationality mere description: never an actor. */
static const char *const firm_nouns[] = {
    "opposition",  "dissidents",   "protesters",   "exiles",     "firm",        "firms",
    "company",     "companies",    "newspaper",    "newspapers", "media",       "outlet",
    "bank",        "banks",        "broadcaster",  "tv",         "television",  "daily",
    "magazine",    "consultancy",  "insurer",      "think",      "analyst",     "analysts",
    "researcher",  "researchers",  "scholar",      "citizen",    "citizens",    "national",
    "nationals",   "tourist",      "tourists",     "journalist", "journalists", "businessman",
    "businessmen", "investor",     "investors",    "student",    "students",    "origin",
    "descent",     "expert",       "experts",      "writer",     "author",      "press",
    "news",        "organisation", "organization", "faction",    "factions",    "militants",
    "militia",     "militias",     "gunmen",       "insurgents", "terrorists",  NULL};
static const char *const places[] = {"in",     "at",         "off",    "near", "inside",
                                     "across", "throughout", "around", "via",  "outside",
                                     "within", "into",       "from",   "over", NULL};
static const char *const place_nouns[] = {"coast",   "coasts", "waters",   "shores",
                                          "shore",   "border", "airspace", "soil",
                                          "capital", "port",   "region",   NULL};
/* Waters named "of X": "the Gulf of Oman" is a place, not Oman ("conduct at sea" is no place of
 * the possessor: these count only before "of"). */
static const char *const water_nouns[] = {"gulf", "sea", "strait", "bay", NULL};

/* Capitalised heads that make a name before them part of a place name. */
static const char *const geo_heads[] = {"sea",   "strait", "straits", "peninsula", "gulf",
                                        "ocean", "basin",  "sea's",   NULL};

static const char *norm(const allynet__tokens *t, size_t i) {
    return allynet__tok_norm(t, i);
}

/* Is the mention at token i the object of "on" or "against" ("sanctions on Russian banks",
 * "a ban against Chinese firms")? */
static bool measure_on(const allynet__tokens *t, allynet__span s, size_t i) {
    if (i > s.first && strcmp(norm(t, i - 1), "the") == 0) {
        i--;
    }
    return i > s.first &&
           (strcmp(norm(t, i - 1), "on") == 0 || strcmp(norm(t, i - 1), "against") == 0);
}

/* Folds "Russian President Vladimir Putin" (same actor, only title words between) into one
 * mention, and drops a nationality that only describes another actor ("Lebanese armed group
 * Hezbollah"). */
static void fold(allynet__sent *x) {
    const allynet__tokens *t = x->t;
    size_t w = 0;
    for (size_t i = 0; i < x->nm; i++) {
        allynet__mention *cur = &x->m[i];
        if (w > 0) {
            allynet__mention *prev = &x->m[w - 1];
            size_t gap = cur->first - prev->last;
            if (gap == 0 && (prev->flags & MN_POSS) && prev->actors[0] && cur->actors[0] &&
                prev->actors[1] == NULL && strcmp(prev->actors[0], cur->actors[0]) != 0 &&
                (cur->flags & MN_ADJ) == 0) {
                *prev = *cur; /* "Yemen's Houthi movement": the country only locates the group */
                continue;
            }
            /* "Iranian sites during the war": an earlier event or a pronoun is described by no
             * nationality */
            bool words = gap <= 4 && !(prev->flags & MN_POSS) &&
                         !(cur->flags & (MN_EVENT | MN_PRON | MN_PARTIES));
            for (size_t k = prev->last; words && k < cur->first; k++) {
                words = (t->v[k].flags & TK_WORD) && !(t->v[k].flags & TK_POSS) &&
                        x->tok_cue[k - x->s.first] == 0 &&
                        !allynet__tok_in_list(t, k, function_words) &&
                        !allynet__tok_in_list(t, k, places);
            }
            if (words && prev->actors[1] == NULL && cur->actors[1] == NULL && prev->actors[0] &&
                cur->actors[0]) {
                if (strcmp(prev->actors[0], cur->actors[0]) == 0) {
                    prev->last = cur->last;
                    prev->flags = (prev->flags | cur->flags) & ~(unsigned)MN_ADJ;
                    continue;
                }
                if ((prev->flags & MN_ADJ) && gap <= 3) {
                    *prev = *cur; /* the nationality described the next actor */
                    continue;
                }
            }
        }
        if (w != i) {
            x->m[w] = *cur;
        }
        w++;
    }
    x->nm = w;
}

/* A nationality's head noun: acting state, weak (a thing), or nothing (a firm). */
static void classify_adjective(const allynet__tokens *t, allynet__span s, allynet__mention *mn,
                               bool *drop, size_t limit) {
    *drop = false;
    if (!(mn->flags & MN_ADJ)) {
        return;
    }
    bool agent = false;
    size_t from = mn->last;
    if (from + 1 < s.last && strcmp(norm(t, from), "-") == 0 &&
        (strcmp(norm(t, from + 1), "led") == 0 || strcmp(norm(t, from + 1), "run") == 0 ||
         strcmp(norm(t, from + 1), "controlled") == 0)) {
        from += 2; /* "Vietnamese-led forces" */
    }
    for (size_t k = from; k < limit && k < from + 4; k++) {
        const char *w = norm(t, k);
        if (!(t->v[k].flags & TK_WORD) || strcmp(w, "and") == 0 || strcmp(w, "or") == 0) {
            break;
        }
        if (allynet__tok_in_list(t, k, firm_nouns) &&
            !((t->v[k].flags & TK_CAP) && strcmp(w, "national") == 0)) {
            if (measure_on(t, s, mn->first)) {
                mn->flags |= MN_WEAK; /* "sanctions on Russian banks": aimed at the state */
                return;
            }
            *drop = true; /* "a French national", not "the French National Assembly" */
            return;
        }
        if (allynet__tok_in_list(t, k, agent_nouns)) {
            agent = true;
            if (strcmp(w, "leader") == 0 || strcmp(w, "president") == 0 ||
                strcmp(w, "minister") == 0 || strcmp(w, "diplomat") == 0 ||
                strcmp(w, "official") == 0 || strcmp(w, "counterpart") == 0) {
                mn->flags |= MN_LEADER;
            }
            mn->last = k + 1;
            continue;
        }
        if (t->v[k].flags & TK_CAP) {
            continue; /* "Venezuelan President Nicolas ..." */
        }
        if (agent) {
            break;
        }
    }
    while (agent && mn->last < limit && (t->v[mn->last].flags & TK_CAP) &&
           (t->v[mn->last].flags & TK_WORD)) {
        mn->last++; /* "Libyan leader Muammar Gaddafi": the name belongs to the mention */
    }
    if (!agent && (mn->last >= s.last || (t->v[mn->last].flags & TK_WORD))) {
        mn->flags |= MN_WEAK; /* a Russian warplane, Venezuelan territory */
    }
}

/* Marks locations, datelines and cited sources. */
static void classify_place(const allynet__tokens *t, allynet__span s, allynet__mention *mn) {
    size_t b = mn->first;
    if (b > s.first && strcmp(norm(t, b - 1), "the") == 0) {
        b--;
    }
    static const char *const govs[] = {"government", "authorities",    "regime", "leadership",
                                       "officials",  "administration", "junta",  NULL};
    if (b > s.first && strcmp(norm(t, b - 1), "of") == 0) {
        mn->flags |= MN_POSS_OF;
    }
    if (b >= s.first + 2 && strcmp(norm(t, b - 1), "in") == 0 &&
        allynet__tok_in_list(t, b - 2, govs)) {
        return; /* "the government in Beijing" is Beijing's government */
    }
    static const char *const envoys[] = {
        "officials", "representatives", "delegates",   "delegation",   "envoys", "diplomats",
        "members",   "leaders",         "negotiators", "counterparts", NULL};
    if (b >= s.first + 2 && strcmp(norm(t, b - 1), "from") == 0 &&
        allynet__tok_in_list(t, b - 2, envoys)) {
        return; /* "met officials from Hamas": Hamas's people, not a place */
    }
    if (b > s.first && allynet__tok_in_list(t, b - 1, places)) {
        mn->flags |= strcmp(norm(t, b - 1), "in") == 0 ? MN_IN : MN_PLACE;
        if (strcmp(norm(t, b - 1), "from") == 0 || strcmp(norm(t, b - 1), "into") == 0) {
            mn->flags = (mn->flags & ~(unsigned)MN_PLACE) | MN_FROM;
        }
    }
    if (b >= s.first + 2 && strcmp(norm(t, b - 1), "of") == 0 &&
        (allynet__tok_in_list(t, b - 2, place_nouns) ||
         allynet__tok_in_list(t, b - 2, water_nouns))) {
        mn->flags |= MN_PLACE;
    }
    if ((mn->flags & MN_POSS) && mn->last < s.last) {
        size_t k = mn->last;
        while (k < s.last && k < mn->last + 3 && !allynet__tok_in_list(t, k, place_nouns) &&
               (t->v[k].flags & TK_WORD) && !(t->v[k].flags & TK_CAP)) {
            k++;
        }
        if (k < s.last && allynet__tok_in_list(t, k, place_nouns)) {
            mn->flags |= MN_PLACE;
        }
    }
    if (mn->last < s.last && (t->v[mn->last].flags & TK_CAP) &&
        allynet__tok_in_list(t, mn->last, geo_heads)) {
        mn->flags |= MN_PLACE; /* "the South China Sea", "the Taiwan Strait" */
    }
    if (b >= s.first + 2 && strcmp(norm(t, b - 1), "to") == 0 &&
        strcmp(norm(t, b - 2), "according") == 0) {
        mn->flags |= MN_QUOTED;
    }
    /* a dateline: CAPITAL, Date (Agency) - */
    if (mn->first == s.first && mn->last < s.last &&
        ((t->v[mn->first].flags & TK_UPPER) || strcmp(norm(t, mn->last), ",") == 0) &&
        mn->last + 2 < s.last && strcmp(norm(t, mn->last), ",") == 0 &&
        (t->v[mn->last + 1].flags & TK_CAP) && (t->v[mn->first].flags & TK_UPPER)) {
        mn->flags |= MN_PLACE;
    }
    /* "BRUSSELS: ...", "BRUSSELS (Reuters) - ...", "WASHINGTON" on a line of its own: a capital
     * written in capitals at the head of a sentence, before a colon, a bracket or a dash, or
     * alone, is where the story was filed */
    if (mn->first == s.first && (t->v[mn->first].flags & TK_UPPER) &&
        (mn->last == s.last || strcmp(norm(t, mn->last), ":") == 0 ||
         strcmp(norm(t, mn->last), "(") == 0 || strcmp(norm(t, mn->last), "-") == 0 ||
         strcmp(norm(t, mn->last), "\xe2\x80\x94") == 0 ||
         strcmp(norm(t, mn->last), "\xe2\x80\x93") == 0)) {
        mn->flags |= MN_PLACE;
    }
}

/* "Congo's government", "Turkey's parliament": the possessive and its organ are one mention. */
static void extend_possessive(allynet__sent *x, allynet__mention *mn) {
    if (!(mn->flags & MN_POSS)) {
        return;
    }
    size_t k = mn->last;
    while (k < x->s.last && k < mn->last + 3 && (x->t->v[k].flags & TK_WORD) &&
           x->tok_cue[k - x->s.first] == 0 && allynet__tok_in_list(x->t, k, agent_nouns) &&
           strcmp(norm(x->t, k), "allies") != 0 && strcmp(norm(x->t, k), "ally") != 0) {
        k++;
    }
    if (k > mn->last) {
        mn->last = k;
        mn->flags &= ~(unsigned)MN_POSS;
        if (x->t->v[k - 1].flags & TK_POSS) {
            mn->flags |= MN_POSS;
        }
    }
}

/* "Hungarian and Romanian officials": a nationality coordinated with an acting one acts too. */
static void share_heads(allynet__sent *x) {
    for (size_t i = x->nm; i-- > 1;) {
        allynet__mention *a = &x->m[i - 1], *b = &x->m[i];
        if ((a->flags & MN_ADJ) && (b->flags & MN_ADJ) && !(b->flags & MN_WEAK) &&
            b->first >= a->last && b->first - a->last == 1 &&
            (strcmp(norm(x->t, a->last), "and") == 0 || strcmp(norm(x->t, a->last), ",") == 0)) {
            a->flags = (a->flags & ~(unsigned)MN_WEAK) | (b->flags & MN_LEADER);
        }
    }
}

/* "a NATO member", "EU member states": one of the organization's members, not the organization. */
static bool member_of(const allynet__sent *x, const allynet__mention *mn) {
    static const char *const members[] = {"member", "members", "member-state", "member-states",
                                          NULL};
    return (mn->flags & MN_ORG) && mn->last < x->s.last &&
           allynet__tok_in_list(x->t, mn->last, members);
}

/* "Qatar, together with Egypt and the United States, mediated": a co-agent of the subject, not
 * a partner; those listed after it with "and" or a comma too. */
static void coagents(allynet__sent *x) {
    static const char *const with_words[] = {"together", "along", "jointly", "concert", NULL};
    for (size_t i = 0; i < x->nm; i++) {
        allynet__mention *mn = &x->m[i];
        size_t b = mn->first;
        if (b > x->s.first && strcmp(norm(x->t, b - 1), "the") == 0) {
            b--;
        }
        /* "fought alongside X" is a cue of its own, X its partner */
        bool co = b > x->s.first && strcmp(norm(x->t, b - 1), "alongside") == 0 &&
                  x->tok_cue[b - 1 - x->s.first] == 0;
        co |= b > x->s.first + 1 && strcmp(norm(x->t, b - 1), "with") == 0 &&
              allynet__tok_in_list(x->t, b - 2, with_words);
        if (!co && i > 0 && (x->m[i - 1].flags & MN_COAGENT) && b >= x->m[i - 1].last &&
            b - x->m[i - 1].last <= 1) {
            const char *w = b > x->m[i - 1].last ? norm(x->t, b - 1) : "";
            co = strcmp(w, "and") == 0 || strcmp(w, ",") == 0;
        }
        if (co) {
            mn->flags |= MN_COAGENT;
        }
    }
}

/* "the US diplomat", "Turkish Foreign Minister Hakan Fidan": a nationality on a person stands
 * for a person of that state, whom "he" and "she" may mean. */
static void person_of(allynet__sent *x, allynet__mention *mn) {
    static const char *const persons[] = {
        "diplomat",    "envoy",      "official", "minister", "president", "leader",     "spokesman",
        "spokeswoman", "ambassador", "lawmaker", "general",  "commander", "negotiator", "premier",
        "chancellor",  "secretary",  "senator",  "emissary", NULL};
    if (!(mn->flags & MN_ADJ)) {
        /* "a US diplomat", "the UN envoy": a name used as a nationality */
        if (!(mn->flags & MN_POSS) && mn->last < x->s.last &&
            allynet__tok_in_list(x->t, mn->last, persons)) {
            mn->flags |= MN_LEADER;
        }
        return;
    }
    for (size_t k = mn->last; k < x->s.last && k < mn->last + 3; k++) {
        if (allynet__tok_in_list(x->t, k, persons)) {
            mn->flags |= MN_LEADER;
            return;
        }
        if (!(x->t->v[k].flags & TK_WORD)) {
            return;
        }
    }
}

void allynet__mentions_classify(allynet__sent *x) {
    fold(x);
    for (size_t i = 0; i < x->nm; i++) {
        person_of(x, &x->m[i]);
    }
    for (size_t i = 0; i < x->nm; i++) {
        allynet__mention *mn = &x->m[i];
        if ((mn->flags & MN_THING) && mn->last < x->s.last &&
            allynet__tok_in_list(x->t, mn->last, agent_nouns)) {
            mn->flags &= ~(unsigned)MN_THING;
        }
    }
    for (size_t i = 0; i < x->nm; i++) {
        extend_possessive(x, &x->m[i]);
    }
    size_t w = 0;
    for (size_t i = 0; i < x->nm; i++) {
        bool drop;
        classify_adjective(x->t, x->s, &x->m[i], &drop,
                           i + 1 < x->nm ? x->m[i + 1].first : x->s.last);
        if (drop || member_of(x, &x->m[i])) {
            continue;
        }
        classify_place(x->t, x->s, &x->m[i]);
        if (w != i) {
            x->m[w] = x->m[i];
        }
        w++;
    }
    x->nm = w;
    share_heads(x);
    coagents(x);
}
