/* blame.h — blame laid in reported speech and claimed attacks (blame.c). Private. */
#ifndef ALLYNET_BLAME_H
#define ALLYNET_BLAME_H

#include "roles.h"

typedef struct allynet__blame {
    const char *source, *target;
    const allynet__cue *cue; /* an accusation (CAMEO 112), or a claimed attack (180) */
} allynet__blame;

/* The charges of sentence x (at most cap) into out; returns their count. */
size_t allynet__blame_find(const allynet__sent *x, allynet__blame *out, size_t cap);

#endif
