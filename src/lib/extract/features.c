/* features.c — what the sentence coder knows about an event, as the binary features of the
 * confidence model (FT_* in extract_int.h, weighed in confidence.c): the event's flags and CAMEO
 * family, the cue in its clause (a noun, a modal before it), the roles (coreference, how many
 * actors share them, a target not named in the clause) and the sentence as a whole. */
#include "roles.h"

/* The features that the event's flags and final CAMEO code give. */
uint32_t allynet__flag_features(unsigned f, const char *cameo) {
    uint32_t r = 0;
    static const struct {
        unsigned flag;
        unsigned ft;
    } map[] = {{CF_ASIDE, FT_ASIDE},   {CF_PAST, FT_PAST}, {CF_NEG, FT_NEGATED},
               {CF_DEMAND, FT_DEMAND}, {CF_HALT, FT_HALT}, {CF_THREAT, FT_THREAT},
               {CF_LIFT, FT_LIFT}};
    for (size_t i = 0; i < sizeof map / sizeof *map; i++) {
        r |= (f & map[i].flag) ? 1u << map[i].ft : 0;
    }
    int root = (cameo[0] - '0') * 10 + (cameo[1] ? cameo[1] - '0' : 0);
    r |= root >= 6 && root <= 8     ? 1u << FT_MATERIAL_COOP
         : root >= 9 && root <= 13  ? 1u << FT_VERBAL_CONFLICT
         : root >= 14 && root <= 20 ? 1u << FT_MATERIAL_CONFLICT
                                    : 0;
    return r;
}

static const char *const modals[] = {"would", "could", "should", "might", "may", "will",
                                     "can",   "must",  "shall",  "'d",    "'ll", NULL};
static const char *const reporting[] = {"said",    "says",      "say",   "told",
                                        "tells",   "according", "added", "stated",
                                        "claimed", "quoted",    NULL};

/* The features of a cue in its clause: a noun, a modal before it. */
uint32_t allynet__cue_features(const allynet__sent *x, const allynet__lx_match *lm) {
    uint32_t r = lm->cue->pos == LX_NOUN ? 1u << FT_NOUN : 0;
    for (size_t i = allynet__clause_start(x, lm->first); i < lm->first; i++) {
        if (allynet__tok_in_list(x->t, i, modals)) {
            r |= 1u << FT_MODAL;
            break;
        }
    }
    return r;
}

/* The features of the roles found for a cue. */
uint32_t allynet__role_features(const allynet__roles *src, const allynet__roles *tg,
                                bool implicit) {
    return (src->coref || tg->coref ? 1u << FT_COREF : 0) | (tg->weak ? 1u << FT_WEAK_TARGET : 0) |
           (src->n == 2 ? 1u << FT_SRC_PAIR : 0) | (src->n >= 3 ? 1u << FT_SRC_LIST : 0) |
           (tg->n == 2 ? 1u << FT_TG_PAIR : 0) | (tg->n >= 3 ? 1u << FT_TG_LIST : 0) |
           (implicit ? 1u << FT_IMPLICIT_TARGET : 0);
}

/* The features of the sentence as a whole: where it stands in the document, its length, quotes,
 * reporting and condition words, how many actors it names. */
uint32_t allynet__sentence_features(const allynet__sent *x, size_t index) {
    uint32_t r = (index < 2 ? 1u << FT_LEAD : 0) | (index >= 10 ? 1u << FT_LATE : 0) |
                 (x->s.last - x->s.first > 40 ? 1u << FT_LONG : 0) |
                 (x->nm >= 5 ? 1u << FT_CROWD : 0);
    /* the word lists are scanned only when the sentence's summary says a word may be there */
    bool rep = allynet__sent_may_have(x, reporting);
    bool cond = allynet__sent_may_have(x, allynet__conditions);
    for (size_t i = x->s.first; i < x->s.last; i++) {
        r |= (x->t->v[i].flags & TK_QUOTE) ? 1u << FT_QUOTE : 0;
        r |= rep && allynet__tok_in_list(x->t, i, reporting) ? 1u << FT_REPORTED : 0;
        r |= cond && allynet__tok_in_list(x->t, i, allynet__conditions) ? 1u << FT_CONDITION : 0;
    }
    return r;
}
