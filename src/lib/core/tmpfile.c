/* tmpfile.c — temporary files and folders beside their targets. Their names say whose they are
 * (`DIR/.BASE.allynet-PID-XXXXXX`), so a later run removes what a killed one left behind; while
 * they exist they sit in a registry that a caught signal empties (allynet_tmp_remove_all). */
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define TMP_SLOTS 64

/* Slot i holds a path when kind[i] != 0 (1: a file, 2: a folder). Written only outside signal
 * handlers; the handler reads. */
static char tmp_paths[TMP_SLOTS][PATH_MAX];
static volatile sig_atomic_t tmp_kind[TMP_SLOTS];

static void tmp_register(const char *path, int kind) {
    for (int i = 0; i < TMP_SLOTS; i++) {
        if (tmp_kind[i] == 0 && strlen(path) < PATH_MAX) {
            memcpy(tmp_paths[i], path, strlen(path) + 1);
            tmp_kind[i] = kind;
            return;
        }
    }
}

void allynet__tmp_forget(const char *path) {
    for (int i = 0; i < TMP_SLOTS; i++) {
        if (tmp_kind[i] != 0 && strcmp(tmp_paths[i], path) == 0) {
            tmp_kind[i] = 0;
            return;
        }
    }
}

/* Removes a folder tree with system calls only (async-signal-safe). */
static void remove_tree_at(int parent, const char *name, int depth) {
    if (unlinkat(parent, name, 0) == 0 || errno != EISDIR || depth > 16) {
        return;
    }
    int fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
    if (fd < 0) {
        return;
    }
    char buf[4096];
    long n;
    while ((n = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0) {
        for (long off = 0; off < n;) {
            struct dirent64 *d = (struct dirent64 *)(buf + off);
            off += d->d_reclen;
            if (strcmp(d->d_name, ".") != 0 && strcmp(d->d_name, "..") != 0) {
                remove_tree_at(fd, d->d_name, depth + 1);
            }
        }
    }
    close(fd);
    unlinkat(parent, name, AT_REMOVEDIR);
}

void allynet__remove_tree(const char *path) {
    remove_tree_at(AT_FDCWD, path, 0);
}

void allynet_tmp_remove_all(void) {
    for (int i = 0; i < TMP_SLOTS; i++) {
        if (tmp_kind[i] == 1) {
            unlink(tmp_paths[i]);
        } else if (tmp_kind[i] == 2) {
            remove_tree_at(AT_FDCWD, tmp_paths[i], 0);
        }
        tmp_kind[i] = 0;
    }
}

/* The folder and file name of a path ("." when it has no folder); *base points into path. */
static char *split(const char *path, const char **base) {
    const char *slash = strrchr(path, '/');
    *base = slash ? slash + 1 : path;
    if (slash == NULL) {
        return strdup(".");
    }
    return slash == path ? strdup("/") : strndup(path, (size_t)(slash - path));
}

/* A temporary name of a dead process: `.BASE.allynet-PID-` and six characters. */
static bool stale(const char *entry, const char *base) {
    size_t n = strlen(base);
    if (entry[0] != '.' || strncmp(entry + 1, base, n) != 0 ||
        strncmp(entry + 1 + n, ".allynet-", 9) != 0) {
        return false;
    }
    char *end;
    long pid = strtol(entry + n + 10, &end, 10);
    if (pid <= 0 || end[0] != '-' || strlen(end + 1) != 6 || pid == (long)getpid()) {
        return false;
    }
    return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

void allynet__tmp_remove_stale(const char *target) {
    const char *base;
    char *dir = split(target, &base);
    DIR *d = dir && *base ? opendir(dir) : NULL;
    for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
        if (stale(e->d_name, base)) {
            remove_tree_at(dirfd(d), e->d_name, 0);
        }
    }
    if (d) {
        closedir(d);
    }
    free(dir);
}

char *allynet__tmp_create(const char *target, bool folder, int *fd) {
    const char *base;
    char *dir = split(target, &base), *tmp = NULL;
    if (dir == NULL || asprintf(&tmp, "%s/.%s.allynet-%ld-XXXXXX", dir, base, (long)getpid()) < 0) {
        free(dir);
        return NULL;
    }
    free(dir);
    allynet__tmp_remove_stale(target);
    /* No signal between creating the file and registering it: a handler would miss it. */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    bool made = folder ? mkdtemp(tmp) != NULL : (*fd = mkstemp(tmp)) >= 0;
    int e = errno;
    if (made) {
        tmp_register(tmp, folder ? 2 : 1);
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (!made) {
        free(tmp);
        errno = e;
        return NULL;
    }
    return tmp;
}
