/* congo.c — which Congo a bare "Congo" or "Congolese" means. The gazetteer reads them as the
 * Democratic Republic of the Congo (the usual sense in current news); a text that names the other
 * Congo unambiguously (Brazzaville, "Congo Republic", "Republic of Congo") and not the first one
 * since (Kinshasa, "DR Congo") means the Republic of the Congo. The latest unambiguous naming in
 * the sentence or the document so far decides. */
#include "extract_int.h"

#include <string.h>

static bool bare(const allynet__sent *x, const allynet__mention *mn) {
    static const char *const words[] = {"congo", "congolese", NULL};
    /* the mention may have taken the noun after it ("Congolese troops"); not "Congo-Kinshasa" */
    return allynet__tok_in_list(x->t, mn->first, words) &&
           (mn->first + 1 == x->s.last ||
            !allynet__same_word(allynet__tok_norm(x->t, mn->first + 1), "-"));
}

static bool is(const char *actor, const char *id) {
    return actor != NULL && allynet__same_word(actor, id);
}

void allynet__congo_resolve(allynet__sent *x, allynet__discourse *d) {
    const char *named = NULL; /* the latest unambiguous Congo of this sentence */
    bool any_bare = false;
    for (size_t j = 0; j < x->nm; j++) {
        const char *a = x->m[j].actors[0];
        if (!is(a, "COD") && !is(a, "COG")) {
            continue;
        }
        if (bare(x, &x->m[j])) {
            any_bare = true;
        } else {
            named = a;
        }
    }
    if (named != NULL) {
        d->congo = named;
    }
    if (!any_bare || d->congo == NULL || !is(d->congo, "COG")) {
        return;
    }
    for (size_t j = 0; j < x->nm; j++) {
        if (is(x->m[j].actors[0], "COD") && bare(x, &x->m[j])) {
            x->m[j].actors[0] = d->congo;
        }
    }
}
