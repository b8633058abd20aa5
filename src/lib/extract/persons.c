/* persons.c — people a story introduces by title and name ("Irish prime minister Simon Harris",
 * "the secretary general of the Islamic Jihad, Ziad Al-Nakhala,", "Simon Harris, the Irish prime
 * minister,") stand for their actor wherever their surname comes back ("Harris said"), and before
 * any person of the gazetteer who shares it (a surname alone is the gazetteer's riskiest alias).
 * Runs on a sentence's mentions before they are classified (mentions.c). */
#include "extract_int.h"

#include <string.h>

/* Words of a title between an actor and a name. */
static const char *const title_words[] = {"president",  "prime",
                                          "minister",   "foreign",
                                          "defence",    "defense",
                                          "secretary",  "general",
                                          "chief",      "leader",
                                          "spokesman",  "spokeswoman",
                                          "official",   "ambassador",
                                          "envoy",      "commander",
                                          "deputy",     "vice",
                                          "head",       "premier",
                                          "chancellor", "spokesperson",
                                          "senator",    "negotiator",
                                          "interior",   "affairs",
                                          "state",      "top",
                                          "senior",     "army",
                                          "military",   "opposition",
                                          "finance",    "-",
                                          "king",       "emir",
                                          "crown",      "prince",
                                          "diplomat",   "representative",
                                          "speaker",    "mayor",
                                          "governor",   "director",
                                          "chairman",   "envoy",
                                          NULL};

/* The title words that name a person ("minister"; "foreign" or "ministry" do not). */
static const char *const person_words[] = {
    "president", "minister",   "secretary",      "general",    "chief",
    "leader",    "spokesman",  "spokeswoman",    "official",   "ambassador",
    "envoy",     "commander",  "premier",        "chancellor", "spokesperson",
    "senator",   "negotiator", "head",           "king",       "emir",
    "prince",    "diplomat",   "representative", "speaker",    "mayor",
    "governor",  "director",   "chairman",       NULL};

/* Title words from token k (at most 5): their count, 0 unless one names a person. */
static size_t title_at(const allynet__tokens *t, size_t k, size_t last) {
    size_t n = 0;
    bool person = false;
    while (k + n < last && n < 5 && allynet__tok_in_list(t, k + n, title_words)) {
        person |= allynet__tok_in_list(t, k + n, person_words);
        n++;
    }
    return person ? n : 0;
}

static bool cap_word(const allynet__tokens *t, size_t i) {
    return (t->v[i].flags & (TK_WORD | TK_CAP)) == (TK_WORD | TK_CAP) &&
           !allynet__tok_in_list(t, i, title_words);
}

/* The mention covering token i, or -1. */
static long covering(const allynet__sent *x, size_t i) {
    for (size_t j = 0; j < x->nm; j++) {
        if (x->m[j].first <= i && i < x->m[j].last) {
            return (long)j;
        }
    }
    return -1;
}

/* Particles inside a name: "Abdel Fattah al-Sisi", "Abdullah bin Zayed". */
static const char *const particles[] = {"al",  "el",  "bin", "ibn", "abu", "de", "da",
                                        "van", "von", "der", "la",  "le",  NULL};

/* A name of one to four capitalised words (joined by hyphens and particles too) at token i:
 * returns its end, or i when none. Words of another actor's mention are no name, except a
 * person of the gazetteer (a namesake: "Simon Harris" is not Kamala Harris). */
static size_t name_at(const allynet__sent *x, size_t i) {
    size_t k = i, words = 0;
    while (k < x->s.last && words < 4) {
        if (words > 0 && allynet__tok_in_list(x->t, k, particles) && k + 2 < x->s.last &&
            (cap_word(x->t, k + 1) ||
             (allynet__same_word(allynet__tok_norm(x->t, k + 1), "-") && cap_word(x->t, k + 2)))) {
            k += allynet__same_word(allynet__tok_norm(x->t, k + 1), "-") ? 2 : 1;
        }
        if (!cap_word(x->t, k)) {
            break;
        }
        long c = covering(x, k);
        if (c >= 0 && !(x->m[c].flags & MN_LEADER)) {
            break;
        }
        words++;
        k++;
        if (k + 1 < x->s.last && allynet__same_word(allynet__tok_norm(x->t, k), "-") &&
            cap_word(x->t, k + 1)) {
            k++;
        }
    }
    return words >= 2 || (words == 1 && k - i > 1) ? k : i;
}

static void learn(allynet__discourse *d, const allynet__tokens *t, size_t last_tok,
                  const char *actor) {
    const char *s = allynet__tok_norm(t, last_tok);
    if (strlen(s) >= sizeof d->persons[0].name || strlen(s) < 3) {
        return;
    }
    uint32_t h = t->v[last_tok].hash;
    for (size_t k = 0; k < d->n_persons; k++) {
        if (d->persons[k].hash == h && strcmp(d->persons[k].name, s) == 0) {
            d->persons[k].actor = actor; /* the latest introduction wins */
            return;
        }
    }
    size_t n = d->n_persons; /* a new name; the oldest makes room when the list is full */
    if (n == ALLYNET__MAX_PERSONS) {
        n = d->persons_next++ % ALLYNET__MAX_PERSONS;
        memset(&d->persons_seen, 0, sizeof d->persons_seen); /* the filter is rebuilt below */
        for (size_t k = 0; k < d->n_persons; k++) {
            if (k != n) {
                allynet__bloom_add(&d->persons_seen, d->persons[k].hash);
            }
        }
    } else {
        d->n_persons++;
    }
    strcpy(d->persons[n].name, s);
    d->persons[n].hash = h;
    d->persons[n].actor = actor;
    allynet__bloom_add(&d->persons_seen, h);
}

/* Does the gazetteer know the whole name [from, to) as a person of another actor ("Prime Minister
 * Benjamin Netanyahu, Emirati Foreign Minister ...")? Then it is not this actor's person. */
static bool known_elsewhere(const allynet__sent *x, size_t from, size_t to, const char *actor) {
    for (size_t j = 0; j < x->nm; j++) {
        const allynet__mention *mn = &x->m[j];
        if (mn->first >= from && mn->last <= to && (mn->flags & MN_LEADER) &&
            mn->last - mn->first >= 2 && mn->actors[0] &&
            !allynet__same_str(mn->actors[0], actor)) {
            return true;
        }
    }
    return false;
}

/* Gives the mentions over tokens [from, to) the person's actor. */
static void assign(allynet__sent *x, size_t from, size_t to, const char *actor) {
    for (size_t j = 0; j < x->nm; j++) {
        allynet__mention *mn = &x->m[j];
        if (mn->first >= from && mn->last <= to && (mn->flags & MN_LEADER)) {
            mn->actors[0] = actor;
            mn->actors[1] = NULL;
        }
    }
}

/* Does mention mn name an actor a person may hold a title of? */
static bool holder(const allynet__mention *mn) {
    return mn->actors[0] && mn->actors[1] == NULL &&
           !(mn->flags & (MN_PRON | MN_EVENT | MN_LEADER | MN_PLACE));
}

static void introductions(allynet__sent *x, allynet__discourse *d) {
    const allynet__tokens *t = x->t;
    for (size_t j = 0; j < x->nm; j++) {
        const allynet__mention *mn = &x->m[j];
        if (!holder(mn)) {
            continue;
        }
        const char *actor = mn->actors[0];
        /* "Irish prime minister Simon Harris", "Russia's foreign minister Sergei Lavrov" */
        size_t titles = title_at(t, mn->last, x->s.last), k = mn->last + titles;
        size_t e = titles > 0 && k < x->s.last ? name_at(x, k) : k;
        if (titles > 0 && e > k && !known_elsewhere(x, k, e, actor)) {
            learn(d, t, e - 1, actor);
            assign(x, k, e, actor);
            continue;
        }
        /* "the secretary general of the Islamic Jihad, Ziad Al-Nakhala," */
        size_t o = mn->first;
        if (o >= x->s.first + 2 && allynet__same_word(allynet__tok_norm(t, o - 1), "the")) {
            o--;
        }
        if (o >= x->s.first + 2 && allynet__same_word(allynet__tok_norm(t, o - 1), "of") &&
            allynet__tok_in_list(t, o - 2, person_words) && mn->last + 1 < x->s.last &&
            allynet__same_word(allynet__tok_norm(t, mn->last), ",")) {
            size_t s = mn->last + 1, f = name_at(x, s);
            if (f > s && (f == x->s.last || allynet__same_word(allynet__tok_norm(t, f), ",")) &&
                !known_elsewhere(x, s, f, actor)) {
                learn(d, t, f - 1, actor);
                assign(x, s, f, actor);
                continue;
            }
        }
        /* "Simon Harris, the Irish prime minister," (the article: in "Benjamin Netanyahu,
         * Emirati Foreign Minister Abdullah bin Zayed" the title is the next person's) */
        size_t b = mn->first, ti = titles;
        if (b > x->s.first + 3 && ti > 0 &&
            (allynet__same_word(allynet__tok_norm(t, b - 1), "the") ||
             allynet__same_word(allynet__tok_norm(t, b - 1), "a")) &&
            allynet__same_word(allynet__tok_norm(t, b - 2), ",") &&
            !(mn->last + ti < x->s.last && cap_word(t, mn->last + ti))) {
            b--;
            size_t s = b - 1; /* the comma; the name ends there */
            size_t f = s;
            while (f > x->s.first && s - f < 4 &&
                   (cap_word(t, f - 1) || allynet__same_word(allynet__tok_norm(t, f - 1), "-"))) {
                f--;
            }
            if (f < s && name_at(x, f) == s && !known_elsewhere(x, f, s, actor)) {
                learn(d, t, s - 1, actor);
                assign(x, f, s, actor);
            }
        }
    }
}

/* Inserts a mention of `actor` over tokens [i, i + 1) in token order. */
static void insert(allynet__sent *x, size_t i, const char *actor) {
    if (x->nm == ALLYNET__MAX_MN) {
        return;
    }
    size_t at = 0;
    while (at < x->nm && x->m[at].first < i) {
        at++;
    }
    memmove(&x->m[at + 1], &x->m[at], (x->nm - at) * sizeof *x->m);
    x->m[at] = (allynet__mention){.first = i, .last = i + 1, .actors = {actor, NULL}};
    x->m[at].flags = MN_LEADER | ((x->t->v[i].flags & TK_POSS) ? MN_POSS : 0);
    x->nm++;
}

void allynet__persons_link(allynet__sent *x, allynet__discourse *d) {
    const allynet__tokens *t = x->t;
    for (size_t i = x->s.first; i < x->s.last && d->n_persons > 0; i++) {
        if (!(t->v[i].flags & TK_CAP) || !(t->v[i].flags & TK_WORD)) {
            continue;
        }
        uint32_t h = t->v[i].hash; /* a word compare per person is the cost: hash first */
        if (!allynet__bloom_has(&d->persons_seen, h)) {
            continue;
        }
        for (size_t k = 0; k < d->n_persons; k++) {
            if (d->persons[k].hash != h ||
                strcmp(d->persons[k].name, allynet__tok_norm(t, i)) != 0) {
                continue;
            }
            long c = covering(x, i);
            if (c < 0) {
                insert(x, i, d->persons[k].actor); /* "Al-Nakhala said" */
            } else if ((x->m[c].flags & MN_LEADER) && x->m[c].last == i + 1) {
                x->m[c].actors[0] = d->persons[k].actor; /* "Harris said": the one met here */
                x->m[c].actors[1] = NULL;
            }
            break;
        }
    }
    introductions(x, d);
}
