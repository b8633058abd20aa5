/* io.c — files: whole-file reads, atomic writes, and format dispatch by extension. */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

allynet_format allynet_format_from_path(const char *path) {
    const char *dot = strrchr(path, '.');
    if (dot == NULL || strchr(dot, '/') != NULL) {
        return ALLYNET_FORMAT_UNKNOWN;
    }
    if (strcasecmp(dot, ".json") == 0) {
        return ALLYNET_FORMAT_JSON;
    }
    if (strcasecmp(dot, ".dot") == 0 || strcasecmp(dot, ".gv") == 0) {
        return ALLYNET_FORMAT_DOT;
    }
    static const struct {
        const char *ext;
        allynet_format fmt;
    } more[] = {{".csv", ALLYNET_FORMAT_CSV},
                {".graphml", ALLYNET_FORMAT_GRAPHML},
                {".gexf", ALLYNET_FORMAT_GEXF},
                {".net", ALLYNET_FORMAT_PAJEK},
                {".gml", ALLYNET_FORMAT_GML}};
    for (size_t i = 0; i < sizeof more / sizeof *more; i++) {
        if (strcasecmp(dot, more[i].ext) == 0) {
            return more[i].fmt;
        }
    }
    return ALLYNET_FORMAT_UNKNOWN;
}

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

typedef struct {
    char *base;
    size_t dropped; /* bytes [0, dropped) have been released */
} mapping;

/* Drops pages the scan has moved past, so loading a large file keeps little of it resident. */
static void release_pages(void *ctx, size_t upto) {
    mapping *m = ctx;
    const size_t chunk = 4u << 20;
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t end = upto / page * page;
    if (end >= m->dropped + chunk) {
        madvise(m->base + m->dropped, end - m->dropped, MADV_DONTNEED);
        m->dropped = end;
    }
}

/* Loads a regular node-link JSON file through a read-only private mapping. Returns false (and
 * does nothing) when the file cannot be mapped, so the caller reads it instead. */
static bool load_mapped(const char *path, allynet_graph **out, allynet_error *err,
                        allynet_status *st) {
    int fd = open(path, O_RDONLY);
    struct stat sb;
    if (fd < 0 || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size < (1 << 20)) {
        if (fd >= 0) {
            close(fd);
        }
        return false;
    }
    size_t len = (size_t)sb.st_size;
    char *base = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (base == MAP_FAILED) {
        return false;
    }
    madvise(base, len, MADV_SEQUENTIAL);
    mapping m = {base, 0};
    *st = allynet__nodelink_parse_stream(base, len, path, release_pages, &m, out, err);
    munmap(base, len);
    return true;
}

allynet_status allynet_graph_load(const char *path, allynet_graph **out, allynet_error *err) {
    *out = NULL;
    allynet_format fmt =
        strcmp(path, "-") == 0 ? ALLYNET_FORMAT_JSON : allynet_format_from_path(path);
    if (fmt == ALLYNET_FORMAT_UNKNOWN) {
        return allynet_error_set(err, ALLYNET_E_USAGE, path, 0, 0,
                                 "unknown graph format (use .json, .dot, .gv, .csv, .graphml or "
                                 ".gexf)");
    }
    if (fmt == ALLYNET_FORMAT_PAJEK || fmt == ALLYNET_FORMAT_GML) {
        return allynet_error_set(err, ALLYNET_E_USAGE, path, 0, 0,
                                 "allynet writes %s but does not read it (read .json, .dot, .gv, "
                                 ".csv, .graphml or .gexf)",
                                 fmt == ALLYNET_FORMAT_GML ? "GML" : "Pajek");
    }
    allynet_status s;
    if (fmt == ALLYNET_FORMAT_JSON && strcmp(path, "-") != 0 && load_mapped(path, out, err, &s)) {
        return s;
    }
    char *buf;
    size_t len;
    s = allynet_file_read(path, &buf, &len, err);
    if (s != ALLYNET_OK) {
        return s;
    }
    const char *src = strcmp(path, "-") == 0 ? "<stdin>" : path;
    switch (fmt) {
    case ALLYNET_FORMAT_JSON:
        s = allynet_nodelink_parse(buf, len, src, out, err);
        break;
    case ALLYNET_FORMAT_DOT:
        s = allynet_dot_parse(buf, len, src, out, err);
        break;
    case ALLYNET_FORMAT_GRAPHML:
        s = allynet_graphml_parse(buf, len, src, out, err);
        break;
    case ALLYNET_FORMAT_GEXF:
        s = allynet_gexf_parse(buf, len, src, out, err);
        break;
    default:
        s = allynet_csv_parse(buf, len, src, out, err);
        break;
    }
    free(buf);
    return s;
}

typedef struct {
    const allynet_graph *g;
    allynet_format fmt;
} save_ctx;

static allynet_status save_writer(FILE *f, void *ctx, allynet_error *err) {
    save_ctx *c = ctx;
    switch (c->fmt) {
    case ALLYNET_FORMAT_DOT:
        return allynet_dot_write(c->g, f, err);
    case ALLYNET_FORMAT_CSV:
        return allynet_csv_write(c->g, f, err);
    case ALLYNET_FORMAT_GRAPHML:
        return allynet_graphml_write(c->g, f, err);
    case ALLYNET_FORMAT_GEXF:
        return allynet_gexf_write(c->g, f, err);
    case ALLYNET_FORMAT_PAJEK:
        return allynet_pajek_write(c->g, f, err);
    case ALLYNET_FORMAT_GML:
        return allynet_gml_write(c->g, f, err);
    default:
        return allynet_nodelink_write(c->g, f, err);
    }
}

allynet_status allynet_graph_save(const allynet_graph *g, const char *path, allynet_error *err) {
    allynet_format fmt =
        strcmp(path, "-") == 0 ? ALLYNET_FORMAT_JSON : allynet_format_from_path(path);
    if (fmt == ALLYNET_FORMAT_UNKNOWN) {
        return allynet_error_set(err, ALLYNET_E_USAGE, path, 0, 0,
                                 "unknown graph format (use .json, .dot, .gv, .csv, .graphml, "
                                 ".gexf, .net or .gml)");
    }
    save_ctx c = {g, fmt};
    return allynet_write_atomic(path, save_writer, &c, err);
}
