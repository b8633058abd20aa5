/* actors_file.c — `events --actors FILE`: extra actor dictionary rows, in graphs/actors.tsv's
 * format (id, iso2, cow_code, cow_abbr, name, kind, cameo, aliases_short; tab-separated, '#'
 * comments, one header line), looked up before the built-in dictionary, so a user adds codes
 * the tables use (or renames an actor) without rebuilding. */
#include "events_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { F_ID, F_ISO2, F_COW, F_COWABBR, F_NAME, F_KIND, F_CAMEO, F_ALIASES, N_F };

static allynet_status parse_row(allynet__actors *a, char *line, int lineno, const char *path,
                                allynet_error *err) {
    char *f[N_F] = {0};
    int n = 0;
    for (char *p = line; n < N_F; n++) {
        f[n] = p;
        char *tab = strchr(p, '\t');
        if (tab == NULL) {
            n++;
            break;
        }
        *tab = '\0';
        p = tab + 1;
    }
    long cow = -1;
    if (n < F_KIND + 1 || f[F_ID][0] == '\0') {
        return allynet_error_set(err, ALLYNET_E_INPUT, path, lineno, 1,
                                 "expected at least 6 tab-separated fields (id, iso2, cow_code, "
                                 "cow_abbr, name, kind) with an id");
    }
    if (f[F_COW][0] && (!allynet__parse_long(f[F_COW], &cow) || cow < 0 || cow > 99999)) {
        return allynet_error_set(err, ALLYNET_E_INPUT, path, lineno, 1,
                                 "cow_code must be a number, not '%.20s'", f[F_COW]);
    }
    if (!allynet__grow((void **)&a->rows, &a->cap, a->n + 1, sizeof *a->rows, 16) ||
        !allynet__grow((void **)&a->aliases, &a->cap_aliases, a->n + 1, sizeof *a->aliases, 16)) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    a->rows[a->n] = (allynet_actor_info){f[F_ID],
                                         f[F_ISO2],
                                         (int)cow,
                                         f[F_COWABBR],
                                         f[F_NAME][0] ? f[F_NAME] : f[F_ID],
                                         f[F_KIND][0] ? f[F_KIND] : "state",
                                         n > F_CAMEO ? f[F_CAMEO] : ""};
    a->aliases[a->n++] = n > F_ALIASES ? f[F_ALIASES] : "";
    return ALLYNET_OK;
}

allynet_status allynet__actors_load(const char *path, allynet__actors *a, allynet_error *err) {
    size_t len;
    allynet_status st = allynet_file_read(path, &a->text, &len, err);
    bool header = false;
    int lineno = 0;
    for (char *line = a->text, *next; st == ALLYNET_OK && line && *line; line = next) {
        next = strchr(line, '\n');
        if (next) {
            *next++ = '\0';
        }
        lineno++;
        line[strcspn(line, "\r")] = '\0';
        if (line[0] == '#' || line[0] == '\0') {
            continue;
        }
        if (!header) {
            header = true; /* id, iso2, cow_code, ... */
            continue;
        }
        st = parse_row(a, line, lineno, path, err);
    }
    return st;
}

/* Whether `code` is one of the comma-separated codes in list (case-insensitive). */
static bool in_list(const char *list, const char *code) {
    size_t n = strlen(code);
    for (const char *p = list; p && *p;) {
        const char *end = strchr(p, ',');
        size_t k = end ? (size_t)(end - p) : strlen(p);
        if (k == n && strncasecmp(p, code, n) == 0) {
            return true;
        }
        p = end ? end + 1 : NULL;
    }
    return false;
}

const allynet_actor_info *allynet__actors_find(const allynet__actors *a, const char *code) {
    long num;
    const char *era = strchr(code, ':'); /* "345:SRB": a COW number read by its year */
    bool numeric = !era && allynet__parse_long(code, &num);
    for (size_t i = a ? a->n : 0; i-- > 0;) { /* later rows win */
        const allynet_actor_info *r = &a->rows[i];
        if (era       ? strcasecmp(r->id, era + 1) == 0
            : numeric ? r->cow_code >= 0 && r->cow_code == num
                      : strcasecmp(r->id, code) == 0 || strcasecmp(r->iso2, code) == 0 ||
                            strcasecmp(r->cow_abbr, code) == 0 || strcasecmp(r->cameo, code) == 0 ||
                            in_list(a->aliases[i], code)) {
            return r;
        }
    }
    return NULL;
}

void allynet__actors_free(allynet__actors *a) {
    free(a->rows);
    free(a->aliases);
    free(a->text);
    memset(a, 0, sizeof *a);
}
