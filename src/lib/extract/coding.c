/* coding.c — codes one sentence: for each cue, its source and targets (through the role finders
 * of roles.c: subjects, objects, passives, relative clauses, and the construction rules of
 * coding_rules.c: "X-backed", reported charges, the parties of talks, ...), shared stances,
 * reactions without an object, nominal events ("the Israeli incursion"), and emits the coded
 * events. */
#include "blame.h"
#include "coding_rules.h"

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
    size_t prev_k;           /* its index + 1 (0: none yet) */
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

/* Fills src and tg for cue k; returns false when the cue codes nothing. */
/* Is a partner introduced after reciprocal cue lm in its clause ("met with X", "talks with X",
 * "signed a deal with X", "between X and Y")? Coordinated subjects of a reciprocal cue act
 * among themselves unless one is. */
static bool with_partner(const allynet__sent *x, const allynet__lx_match *lm) {
    for (size_t i = lm->first; i < x->s.last && i < lm->last + 12; i++) {
        if (i >= lm->last && allynet__hard_punct(x, i)) {
            return false;
        }
        if (strcmp(nm(x, i), "with") == 0 || strcmp(nm(x, i), "between") == 0) {
            return true;
        }
    }
    return false;
}

/* The people a cue's last word may name: "summoned Niger's ambassador" acts on them. */
static const char *const people[] = {"ambassador", "ambassadors", "envoy",     "envoys",
                                     "diplomat",   "diplomats",   "minister",  "officials",
                                     "staff",      "citizens",    "nationals", NULL};

/* Is the cue's object "the other", "each other" or "one another"? */
static bool each_other(const allynet__sent *x, const allynet__lx_match *lm) {
    static const char *const firsts[] = {"the", "each", "one", NULL};
    for (size_t i = lm->last; i + 1 < x->s.last && i < lm->last + 3; i++) {
        const char *n = nm(x, i + 1);
        if (allynet__tok_in_list(x->t, i, firsts) &&
            (strcmp(n, "other") == 0 || strcmp(n, "another") == 0)) {
            return true;
        }
    }
    return false;
}

/* Keeps the targets that are organisations (the built-in dictionary's kind). */
static void org_targets(roles *tg) {
    size_t n = 0;
    for (size_t i = 0; i < tg->n; i++) {
        const allynet_actor_info *info = allynet_dict_lookup(tg->a[i]);
        if (info != NULL && info->kind != NULL && strcmp(info->kind, "organization") == 0) {
            tg->a[n++] = tg->a[i];
        }
    }
    tg->n = n;
}

/* Is verb cue k a participle that describes the event noun coded just before it ("an Israeli
 * attack on its soil targeting the group's leaders")? Only a short phrase without a comma, a
 * verb or a named actor lies between them. */
static bool participle_of_event(const coder *cd, size_t k) {
    const allynet__sent *x = cd->x;
    const allynet__lx_match *lm = &x->cue[k], *ev = k > 0 ? &x->cue[k - 1] : NULL;
    const char *w = nm(x, lm->first);
    size_t n = strlen(w);
    /* "targeting X", or a relative clause on the noun itself: "the attack that targeted X" */
    bool form = (n >= 5 && strcmp(w + n - 3, "ing") == 0) ||
                (ev != NULL && lm->first == ev->last + 1 &&
                 allynet__tok_in_list(x->t, ev->last, allynet__relatives));
    if (ev == NULL || cd->prev_k != k || cd->prev_src.n == 0 || lm->cue->pos != LX_VERB ||
        ev->cue->pos != LX_NOUN || !form || lm->first < ev->last || lm->first > ev->last + 4 ||
        (lm->cue->weight < 0) != (ev->cue->weight < 0)) {
        return false;
    }
    for (size_t i = ev->last; i < lm->first; i++) {
        if (allynet__hard_punct(x, i) || strcmp(nm(x, i), ",") == 0) {
            return false;
        }
    }
    return true;
}

static bool assign(coder *cd, size_t k, roles *src, roles *tg) {
    bool in = false;
    long subj = -1;
    allynet__sent *x = cd->x;
    const allynet__lx_match *lm = &x->cue[k];
    size_t start = allynet__clause_start(x, lm->first);
    if (allynet__drawn_from(x, lm, start, src, tg)) {
        return true;
    }
    if (participle_of_event(cd, k)) {
        *src = cd->prev_src; /* the event's agent acts through it */
        allynet__right_role_but(x, lm->cue, lm->last, allynet__right_stop(x, k, lm->last), src, tg);
        return true;
    }
    if (allynet__pair_compound(x, lm, src, tg)) {
        return true; /* "strengthening US-Vietnam ties" */
    }
    for (size_t j = 0; j < x->nm; j++) {
        const allynet__mention *mn = &x->m[j];
        if (mn->first > lm->first && mn->last < lm->last && (mn->flags & MN_POSS) &&
            mn->actors[0] && !(mn->flags & (MN_PRON | MN_PLACE)) && lm->cue->weight > 0 &&
            !allynet__tok_in_list(x->t, lm->last - 1, people)) {
            /* "to reaffirm America's strong commitment to its allies": the possessor in the
             * gap of a cue is its agent */
            allynet__add_role(src, mn);
            allynet__right_role_but(x, lm->cue, lm->last, allynet__right_stop(x, k, lm->last), src,
                                    tg);
            return true;
        }
    }
    long cp = allynet__compound(x, lm);
    if (cp >= 0) {
        allynet__add_role(src, &x->m[cp]);
        size_t stop =
            lm->cue->hints & LH_ORG ? lm->last + 1 : lm->last + 3; /* "Russian-led CSTO" */
        for (size_t j = 0; j < x->nm; j++) {
            if (x->m[j].first >= lm->last && x->m[j].first < stop && (x->m[j].flags & MN_PRON)) {
                stop = x->m[j].first; /* "the Iran-backed group moves its fighters": not "its" */
            }
        }
        allynet__right_role(x, lm->cue, lm->last, stop, tg);
        return true;
    }
    if (allynet__between_parties(x, k, src)) {
        /* the parties among themselves; "the EU convened talks between X and Y": the EU too */
        long h = allynet__left_role(x, start, lm->first, &cd->host);
        if (h >= 0 && allynet__cue_between(x, x->m[h].last, lm->first)) {
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
        size_t v = allynet__find_word(x, from, lm->first, allynet__naming);
        if (v != SIZE_MAX) {
            allynet__left_role(x, allynet__clause_start(x, v), v, src);
            allynet__right_role(x, lm->cue, v + 1, lm->first, tg);
            return true;
        }
        if (strncmp(lm->cue->cameo, "10", 2) == 0 ||
            (strncmp(lm->cue->cameo, "13", 2) == 0 && lm->cue->pos == LX_VERB)) {
            return allynet__reported_demand(x, lm, src,
                                            tg); /* "said X must", "said X would pay a price" */
        }
        if (allynet__reported_charge(x, lm, src, tg)) {
            return true;
        }
        if (allynet__cue_between(x, start, lm->first)) {
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
    long own = allynet__noun_owner(x, lm);
    if (own >= 0) {
        allynet__cue ocue = *lm->cue;
        if (strncmp(ocue.cameo, "19", 2) == 0) {
            ocue.hints |= LH_SPATIAL; /* "Moscow's war in Ukraine": an owned war is fought there */
        }
        allynet__add_role(src, &x->m[own]);
        allynet__right_role_but(x, &ocue, lm->last, allynet__right_stop(x, k, lm->last), src, tg);
        allynet__that_target(x, lm, src, tg);
        return true;
    }
    bool by = lm->cue->pos == LX_NOUN && lm->last < x->s.last && strcmp(nm(x, lm->last), "by") == 0;
    if ((x->cue_flags[k] & CF_JUDGED) && !by) {
        if (!allynet__judged_agent(x, lm, src)) {
            return false;
        }
        allynet__right_role_but(x, lm->cue, lm->last, allynet__right_stop(x, k, lm->last), src, tg);
        allynet__that_target(x, lm, src, tg);
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
        if (!allynet__by_agent(x, lm, src) && !allynet__invited_to(x, lm, src)) {
            return false;
        }
        bool on_event =
            k > 0 && x->cue[k - 1].cue->pos == LX_NOUN && x->cue[k - 1].last == lm->first;
        if (on_event) {
            /* "a deal mediated by Qatar": the deal's parties (see implicit_parties) */
        } else if (allynet__left_role_as(x, start, lm->first, tg, true) < 0 && start > x->s.first) {
            allynet__antecedent(x, start - 1, tg);
        }
        allynet__drop_roles(tg, src);
        return true;
    }
    if (start > x->s.first && allynet__tok_in_list(x->t, start - 1, allynet__relatives) &&
        allynet__find_word(x, start, lm->first, (const char *const[]){",", NULL}) != SIZE_MAX) {
        /* "Poland, which had pressed Berlin, welcomed the move": the relative clause closed */
        if (!allynet__antecedent(x, start - 1, src)) {
            return false;
        }
    } else if (allynet__second_verb(x, lm, start, src)) {
        /* found */
    } else if (allynet__noun_after_prep(x, lm, &in) ||
               (subj = allynet__left_role(x, start, lm->first, src)) < 0) {
        if (src->n > 0) {
            /* found */
        } else if (allynet__noun_after_prep(x, lm, &in)) {
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
            if (src->n == 0 && x->nm > 0 && x->m[0].first <= x->s.first + 2 &&
                allynet__eligible_source(&x->m[0])) {
                /* "X denied reports that ..., and condemned Y": the sentence's subject, when no
                 * cue coded before names it */
                allynet__add_role(src, &x->m[0]);
            }
            src->coref = true;
        } else if (lm->cue->pos == LX_VERB && lm->first > start &&
                   strcmp(nm(x, lm->first - 1), "and") == 0 &&
                   allynet__left_role(x, x->s.first, start, src) >= 0) {
            src->coref = true; /* "Japan said the missiles had landed and lodged a protest" */
        } else if (lm->cue->pos == LX_VERB && start > x->s.first + 1 &&
                   strcmp(nm(x, start - 1), "but") == 0 && allynet__only_aux(x, start, lm->first) &&
                   allynet__left_role(x, x->s.first, start - 1, src) >= 0) {
            src->coref = true; /* "Iran said the matter was closed but warned Washington" */
        } else if ((lm->cue->hints & LH_WITH) && lm->cue->pos == LX_NOUN &&
                   allynet__left_role(x, x->s.first, start, src) >= 0) {
            src->coref = true; /* "X said ..., after a good conversation with Y" */
        }
    }
    allynet__joined_in(x, subj, src);
    size_t obj = allynet__skip_time(x, allynet__inner_object(x, lm));
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
        allynet__add_coagents(x, start, end, src);
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
    allynet__event_parties(x, k, src, tg);
    allynet__condition_target(x, k, src, tg);
    allynet__complaint_about(x, lm, src, tg);
    allynet__where_host(x, lm, start, src, tg);
    if (tg->n == 0 && k + 1 < x->nc && (x->cue_flags[k + 1] & CF_JUDGED) &&
        allynet__judged_agent(x, &x->cue[k + 1], tg)) {
        allynet__drop_roles(tg, src); /* "rejected criticism from Washington": at Washington */
    }
    if (tg->n == 0 && src->n > 0 && start > x->s.first && strcmp(nm(x, start - 1), "which") == 0 &&
        allynet__antecedent(x, start - 1, tg)) {
        /* "France, which it accuses of interfering": the relative is the object; "Qatar, which
         * hosts X, mediated": not when the antecedent is the subject itself */
        allynet__drop_roles(tg, src);
    }
    allynet__from_agent(x, lm, src, tg);
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
    if (allynet__find_word(x, start, lm->first, armed) != SIZE_MAX) {
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
        if (allynet__find_word(x, from, to, meetings) == SIZE_MAX) {
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
    static const char *const owners[] = {"our", "its", "their", "his", "her", "my", NULL};
    if (i > lm->last && i < x->s.last && allynet__tok_in_list(x->t, i, owners)) {
        return true; /* "reaffirmed its commitment to our allies": an object, not an actor */
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
    if ((f & (CF_ABSORBED | CF_ANAPHOR)) || (f & CF_HYPO) || allynet__unnamed_partners(x, lm) ||
        !assign(cd, k, &src, &tg) || src.n == 0) {
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
    if (src.n >= 2 && each_other(x, lm)) {
        tg = src; /* "both sides agreed, but each warned the other": among themselves */
        tg.coref = true;
    }
    if (cue->hints & LH_ORG) {
        org_targets(&tg); /* "joined NATO"; "joining current members Brazil, Russia": no */
    }
    if (tg.n > 0 && src.n >= 2 && !src.coref && cue->pos == LX_VERB && (cue->hints & LH_SYM) &&
        !with_partner(x, lm)) {
        tg.n = 0; /* "US and Russian envoys will meet in Riyadh to end the Ukraine war" */
    }
    if (tg.n == 0 && src.n > 1 && !(cue->hints & LH_SYM) && !allynet__object_noun(x, lm)) {
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
        !(f & CF_JUDGED) &&
        !participle_of_event(
            cd, k)) { /* "Japan condemned North Korea's missile launch": no reply to Japan */
        /* a reaction with no object: "Moscow vowed to respond", "Kyiv thanked them" */
        const char *a = allynet__coref_implicit_target(cd->c->dis, src.a[0], cue);
        if (a == NULL && lm->cue->pos == LX_VERB) {
            a = allynet__coref_same_target(cd->c->dis, cue, src.a[0]);
        }
        if (a != NULL) {
            tg.a[tg.n++] = a;
            tg.coref = implicit = true;
        }
        if ((cue->hints & LH_ORG) && cue->pos != LX_VERB) {
            org_targets(
                &tg); /* "attacked the Saudi-led coalition": no alliance with the attacker */
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
    if (cd->subject.n == 0 && allynet__compound(x, lm) < 0) {
        cd->subject = src; /* not "the Russia-led CSTO": a description, not the clause's subject */
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
    if (lm->last < x->s.last && cue->weight < 0 &&
        (strcmp(nm(x, lm->last), "on") == 0 || strcmp(nm(x, lm->last), "against") == 0)) {
        back = false; /* "Russia's war on Ukraine", "a war against X": waged on the target */
    }
    /* "the truce between X and Y": the truce itself tells only that X and Y were fighting; the
     * verb that concluded it ("agreed to", "signed") codes the agreement */
    bool truce =
        strncmp(cue->cameo, "0871", 4) == 0 && !(f & (CF_NEG | CF_HALT | CF_DEMAND | CF_LIFT));
    if (tg.n == 0 && sym && src.n >= 2 && !truce && !partner_after(x, lm->last, &src) &&
        !allynet__object_noun(x, lm)) {
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
    cd->prev_k = k + 1;
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
    allynet__persons_link(&x, c->dis);
    allynet__mentions_classify(&x);
    allynet__congo_resolve(&x, c->dis);
    allynet__coref_resolve(&x, c->dis);
    allynet__quote_speakers(&x, c->dis);
    if (x.nc > 0) {
        allynet__sent_lists(&x); /* read only by the rules of cues_flag */
    } else {
        x.has_gen = UINT_MAX; /* unknown: a reader would take every list as present */
    }
    allynet__cues_flag(&x);
    for (size_t k = 0; k < x.nc; k++) {
        long cp = allynet__compound(&x, &x.cue[k]);
        if (cp >= 0 && !(x.cue[k].cue->hints & LH_ORG)) {
            x.m[cp].flags |= MN_BOUND; /* but "the Saudi-led coalition struck": Saudi acts */
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
    allynet__blame bl[8];
    size_t nb = allynet__blame_find(&x, bl, 8); /* blame.c */
    uint32_t feat =
        nb == 0 || x.nc ? cd.sent_features : allynet__sentence_features(&x, c->dis->sentence);
    for (size_t k = 0; k < nb; k++) {
        emit(&cd, bl[k].cue, 0, bl[k].source, bl[k].target, feat);
    }
    allynet__coref_next_sentence(c->dis);
    return cd.ok;
}
