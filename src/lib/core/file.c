/* file.c — files as every stage reads and writes them: whole-file reads (`-` is stdin) and
 * atomic writes (a temporary file beside the target, renamed into place; `-` is stdout). */
#include "internal.h"

#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static allynet_status read_stream(FILE *f, const char *path, char **out, size_t *out_len,
                                  allynet_error *err) {
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    while (buf != NULL) {
        size_t n = fread(buf + len, 1, cap - len - 1, f);
        len += n;
        if (n == 0) {
            break;
        }
        if (len + 1 == cap) {
            char *b = realloc(buf, cap * 2);
            if (b == NULL) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = b;
            cap *= 2;
        }
    }
    if (buf == NULL) {
        return allynet_error_set(err, ALLYNET_E_NOMEM, path, 0, 0,
                                 "out of memory reading the file");
    }
    if (ferror(f)) {
        free(buf);
        return allynet_error_set(err, ALLYNET_E_IO, path, 0, 0, "read error: %s", strerror(errno));
    }
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    return ALLYNET_OK;
}

allynet_status allynet_file_read(const char *path, char **out, size_t *out_len,
                                 allynet_error *err) {
    *out = NULL;
    *out_len = 0;
    if (strcmp(path, "-") == 0) {
        return read_stream(stdin, "<stdin>", out, out_len, err);
    }
    struct stat st;
    if (stat(path, &st) != 0) {
        return allynet_error_set(err, ALLYNET_E_INPUT, path, 0, 0, "cannot open: %s",
                                 strerror(errno));
    }
    if (S_ISDIR(st.st_mode)) {
        return allynet_error_set(err, ALLYNET_E_INPUT, path, 0, 0, "is a directory, not a file");
    }
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return allynet_error_set(err, ALLYNET_E_INPUT, path, 0, 0, "cannot open: %s",
                                 strerror(errno));
    }
    allynet_status s = read_stream(f, path, out, out_len, err);
    fclose(f);
    return s;
}

/* Replaces whatever err holds by an I/O error on path with the reason e (the first error a
 * writer recorded, "write error" with no path, says less than the stream's own). */
static allynet_status io_error(allynet_error *err, const char *path, const char *what, int e) {
    allynet_error_clear(err);
    return allynet_error_set(err, ALLYNET_E_IO, path, 0, 0, "%s: %s", what, strerror(e));
}

/* Runs write on f and checks that every byte left the process (and, for a regular file, reached
 * the disk); closes f. */
static allynet_status write_stream(FILE *f, const char *path, bool sync, allynet_writer write,
                                   void *ctx, allynet_error *err) {
    errno = 0;
    allynet_status s = write(f, ctx, err);
    int e = errno;
    if (ferror(f)) {
        s = io_error(err, path, "write error", e ? e : EIO);
    } else if (s == ALLYNET_OK && fflush(f) != 0) {
        s = io_error(err, path, "write error", errno);
    } else if (s == ALLYNET_OK && sync && fsync(fileno(f)) != 0) {
        s = io_error(err, path, "cannot sync", errno);
    }
    if (f != stdout && fclose(f) != 0 && s == ALLYNET_OK) {
        s = io_error(err, path, "write error", errno);
    }
    if (s != ALLYNET_OK && err != NULL && err->source[0] == '\0') {
        snprintf(err->source, sizeof err->source, "%s", path);
    }
    return s;
}

/* A FIFO, a device or a symbolic link is written through, as cp does: never replaced. */
static allynet_status write_in_place(const char *path, allynet_writer write, void *ctx,
                                     allynet_error *err) {
    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        return allynet_error_set(err, ALLYNET_E_IO, path, 0, 0, "cannot write: %s",
                                 strerror(errno));
    }
    struct stat st;
    bool regular = fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode);
    return write_stream(f, path, regular, write, ctx, err);
}

allynet_status allynet_write_atomic(const char *path, allynet_writer write, void *ctx,
                                    allynet_error *err) {
    if (strcmp(path, "-") == 0) {
        return write_stream(stdout, "<stdout>", false, write, ctx, err);
    }
    struct stat st;
    if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            return allynet_error_set(err, ALLYNET_E_USAGE, path, 0, 0, "is a folder, not a file");
        }
        return write_in_place(path, write, ctx, err);
    }
    /* The temporary file sits beside the target so that rename() is atomic. */
    int fd = -1;
    char *tmp = allynet__tmp_create(path, false, &fd);
    if (tmp == NULL) {
        char *dircopy = strdup(path);
        allynet_status s =
            allynet_error_set(err, ALLYNET_E_IO, path, 0, 0, "cannot write in %s: %s",
                              dircopy ? dirname(dircopy) : "its folder", strerror(errno));
        free(dircopy);
        return s;
    }
    fchmod(fd, 0644);
    FILE *f = fdopen(fd, "wb");
    allynet_status s;
    if (f == NULL) {
        close(fd);
        s = allynet_error_set(err, ALLYNET_E_IO, path, 0, 0, "cannot write: %s", strerror(errno));
    } else {
        s = write_stream(f, path, true, write, ctx, err);
    }
    if (s == ALLYNET_OK && rename(tmp, path) != 0) {
        s = allynet_error_set(err, ALLYNET_E_IO, path, 0, 0, "cannot rename into place: %s",
                              strerror(errno));
    }
    if (s != ALLYNET_OK) {
        unlink(tmp);
    }
    allynet__tmp_forget(tmp);
    free(tmp);
    return s;
}
