/* report_folder.c — where a report is written: each snapshot's folder gets a safe, unique name
 * (two inputs a/x.json and b/x.json do not share one; `...json` does not climb out), and the
 * whole report is built in a temporary folder beside the target, then moved into place entry
 * by entry (each one replaced atomically), so a failure or a kill leaves no half-written report
 * and nothing of the target's other contents is touched. */
#include "report.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Names the report writes at its top level; a snapshot folder must not take one. */
static bool reserved(const char *s) {
    static const char *names[] = {"report.md",    "report.json",  "report.html",
                                  "timeline.svg", "timeline.png", NULL};
    for (size_t i = 0; names[i]; i++) {
        if (strcmp(s, names[i]) == 0) {
            return true;
        }
    }
    return strncmp(s, "changes-", 8) == 0;
}

/* A stem as a folder name: control bytes and '/' as '_', a leading '.' as '_', never empty. */
static char *safe_name(const char *stem) {
    char *s = strdup(*stem ? stem : "snapshot");
    for (char *p = s; p && *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x20 || c == 0x7f || c == '/' || (p == s && c == '.')) {
            *p = '_';
        }
    }
    return s;
}

static bool taken(char **names, size_t n, const char *s) {
    for (size_t i = 0; i < n; i++) {
        if (strcmp(names[i], s) == 0) {
            return true;
        }
    }
    return reserved(s);
}

char **allynet__report_stems(const allynet_report_item *items, size_t n) {
    char **names = calloc(n + 1, sizeof *names);
    for (size_t i = 0; names && i < n; i++) {
        char *base = safe_name(items[i].stem);
        char *name = base ? strdup(base) : NULL;
        for (int k = 2; name && taken(names, i, name); k++) {
            free(name);
            name = asprintf(&name, "%s-%d", base, k) < 0 ? NULL : name;
        }
        free(base);
        if (name == NULL) {
            allynet__report_stems_free(names, n);
            return NULL;
        }
        names[i] = name;
    }
    return names;
}

void allynet__report_stems_free(char **names, size_t n) {
    for (size_t i = 0; names && i < n; i++) {
        free(names[i]);
    }
    free(names);
}

/* The target without trailing slashes (the temporary folder goes beside it, not inside). */
static char *trim(const char *dir) {
    char *d = strdup(dir);
    for (size_t n = d ? strlen(d) : 0; n > 1 && d[n - 1] == '/'; n--) {
        d[n - 1] = '\0';
    }
    return d;
}

allynet_status allynet__report_folder_begin(const char *dir, char **tmp, allynet_error *err) {
    struct stat st;
    *tmp = NULL;
    if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
        return allynet_error_set(err, ALLYNET_E_USAGE, dir, 0, 0, "exists and is not a folder");
    }
    char *target = trim(dir);
    *tmp = target ? allynet__tmp_create(target, true, NULL) : NULL;
    int e = errno;
    free(target);
    if (*tmp == NULL) {
        return allynet_error_set(err, ALLYNET_E_IO, dir, 0, 0,
                                 "cannot create a folder beside it: %s", strerror(e));
    }
    chmod(*tmp, 0755);
    return ALLYNET_OK;
}

/* Moves tmp/name to dir/name: atomically swapped with what is there, which is then removed. */
static allynet_status move_entry(const char *tmp, const char *dir, const char *name,
                                 allynet_error *err) {
    char *from = NULL, *to = NULL;
    allynet_status st = ALLYNET_OK;
    if (asprintf(&from, "%s/%s", tmp, name) < 0 || asprintf(&to, "%s/%s", dir, name) < 0) {
        st = allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    } else if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE) == 0) {
        allynet__remove_tree(from); /* the replaced entry, now in the temporary folder */
    } else if (rename(from, to) != 0) {
        st = allynet_error_set(err, ALLYNET_E_IO, to, 0, 0, "cannot move into place: %s",
                               strerror(errno));
    }
    free(from);
    free(to);
    return st;
}

/* The names in a folder but . and .. (a NULL-terminated array; NULL when unreadable). */
static char **list(const char *dir) {
    DIR *d = opendir(dir);
    char **names = NULL;
    size_t n = 0, cap = 0;
    bool ok = d != NULL;
    for (struct dirent *e; ok && (e = readdir(d)) != NULL;) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            ok = allynet__grow((void **)&names, &cap, n + 2, sizeof *names, 16) &&
                 (names[n++] = strdup(e->d_name)) != NULL;
            names[n] = NULL;
        }
    }
    if (ok && names == NULL) {
        names = calloc(1, sizeof *names);
        ok = names != NULL;
    }
    if (d) {
        closedir(d);
    }
    for (size_t i = 0; !ok && names && names[i]; i++) {
        free(names[i]);
    }
    if (!ok) {
        free(names);
        names = NULL;
    }
    return names;
}

allynet_status allynet__report_folder_commit(char *tmp, const char *dir, allynet_error *err) {
    allynet_status st = ALLYNET_OK;
    if (rename(tmp, dir) != 0) { /* fails unless dir is missing or an empty folder */
        char **names = list(tmp);
        if (names == NULL) {
            st = allynet_error_set(err, ALLYNET_E_IO, dir, 0, 0, "cannot move into place: %s",
                                   strerror(errno));
        }
        for (size_t i = 0; names && names[i]; i++) {
            if (st == ALLYNET_OK) {
                st = move_entry(tmp, dir, names[i], err);
            }
            free(names[i]);
        }
        free(names);
    }
    allynet__report_folder_abort(tmp);
    return st;
}

void allynet__report_folder_abort(char *tmp) {
    if (tmp != NULL) {
        allynet__remove_tree(tmp);
        allynet__tmp_forget(tmp);
        free(tmp);
    }
}

allynet_status allynet_report_run(allynet_report_item *items, size_t n, const char *dir,
                                  allynet_error *err) {
    return allynet_report_run_with(items, n, dir, NULL, err);
}

allynet_status allynet_report_run_with(allynet_report_item *items, size_t n, const char *dir,
                                       const allynet_report_options *opt, allynet_error *err) {
    char *tmp = NULL, **stems = allynet__report_stems(items, n);
    if (stems == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    const char **given = calloc(n + 1, sizeof *given);
    allynet_status st = given
                            ? allynet__report_folder_begin(dir, &tmp, err)
                            : allynet_error_set(err, ALLYNET_E_NOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; st == ALLYNET_OK && i < n; i++) {
        given[i] = items[i].stem;
        items[i].stem = stems[i];
    }
    if (st == ALLYNET_OK) {
        st = allynet__report_build(items, n, tmp, opt, err);
        for (size_t i = 0; i < n; i++) {
            items[i].stem = given[i];
        }
    }
    if (st == ALLYNET_OK) {
        st = allynet__report_folder_commit(tmp, dir, err);
        for (size_t i = 0; st == ALLYNET_OK && i < n; i++) {
            free(items[i].dir); /* it named the temporary folder */
            if (asprintf(&items[i].dir, "%s/%s", dir, stems[i]) < 0) {
                items[i].dir = NULL;
            }
        }
    } else {
        allynet__report_folder_abort(tmp);
    }
    free(given);
    allynet__report_stems_free(stems, n);
    return st;
}
