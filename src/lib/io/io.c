/* io.c — graph files: the format of a path by its extension, and loading and saving a snapshot
 * in any format (whole-file reads and atomic writes are core/file.c). */
#include "io_int.h"

#include <errno.h>
#include <fcntl.h>
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
