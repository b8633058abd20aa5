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

allynet_status allynet_write_atomic(const char *path, allynet_writer write, void *ctx,
                                    allynet_error *err) {
    if (strcmp(path, "-") == 0) {
        allynet_status s = write(stdout, ctx, err);
        if (s == ALLYNET_OK && fflush(stdout) != 0) {
            return allynet_error_set(err, ALLYNET_E_IO, "<stdout>", 0, 0, "write error: %s",
                                     strerror(errno));
        }
        return s;
    }
    size_t n = strlen(path);
    char *tmp = malloc(n + 16);
    char *dircopy = strdup(path);
    if (tmp == NULL || dircopy == NULL) {
        free(tmp);
        free(dircopy);
        return allynet_error_set(err, ALLYNET_E_NOMEM, path, 0, 0, "out of memory");
    }
    /* The temporary file sits beside the target so that rename() is atomic. */
    snprintf(tmp, n + 16, "%s.tmp.XXXXXX", path);
    allynet_status s = ALLYNET_OK;
    FILE *f = NULL;
    int fd = mkstemp(tmp);
    if (fd < 0) {
        s = allynet_error_set(err, ALLYNET_E_IO, path, 0, 0, "cannot write in %s: %s",
                              dirname(dircopy), strerror(errno));
        goto out;
    }
    fchmod(fd, 0644);
    f = fdopen(fd, "wb");
    if (f == NULL) {
        close(fd);
        s = allynet_error_set(err, ALLYNET_E_IO, path, 0, 0, "cannot write: %s", strerror(errno));
        goto cleanup;
    }
    s = write(f, ctx, err);
    if (s == ALLYNET_OK && (fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0)) {
        s = allynet_error_set(err, ALLYNET_E_IO, path, 0, 0, "write error: %s", strerror(errno));
    }
    if (fclose(f) != 0 && s == ALLYNET_OK) {
        s = allynet_error_set(err, ALLYNET_E_IO, path, 0, 0, "write error: %s", strerror(errno));
    }
    if (s == ALLYNET_OK && rename(tmp, path) != 0) {
        s = allynet_error_set(err, ALLYNET_E_IO, path, 0, 0, "cannot rename into place: %s",
                              strerror(errno));
    }
cleanup:
    if (s != ALLYNET_OK) {
        unlink(tmp);
    }
out:
    free(tmp);
    free(dircopy);
    return s;
}
