/* plot.h — charts through gnuplot (plot.c), for the timeline (library-internal). */
#ifndef ALLYNET_PLOT_H
#define ALLYNET_PLOT_H

#include "core/internal.h"

/* The gnuplot terminal for an output path: "svg" for .svg, "pngcairo" for .png.
 * Errors: USAGE for any other extension. */
allynet_status allynet__plot_kind(const char *path, const char **terminal, allynet_error *err);

/* Runs gnuplot on `script` with `data` in a private temporary folder and writes the chart to
 * `path` atomically ("-": stdout). Before `script` runs, the gnuplot variables `datafile` and
 * `outfile` name the data file and the chart; the script sets the terminal, then
 * `set output outfile`, and plots. (Those paths never contain a quote: $TMPDIR is not used when
 * it has one.)
 * Errors: RUNTIME when gnuplot is missing or fails (with its first message); IO. */
allynet_status allynet__gnuplot(const char *script, const char *data, const char *path,
                                allynet_error *err);

#endif
