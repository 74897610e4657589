/*
 * A directory's entries in name order, so that what is digested of a
 * directory (a capath) does not depend on the order readdir() gives.
 * Plain C, no Zend.
 */
#ifndef FASTSOCK_DIR_SORTED_H
#define FASTSOCK_DIR_SORTED_H

#include <stdbool.h>

/* Calls visit(arg, name, path) for each entry but "." and "..", sorted by
 * name (strcmp), path being dir/name. False, with errno, when the
 * directory cannot be read or memory runs out (then what was visited is
 * not the whole directory). */
bool fastsock_dir_each_sorted(const char *dir,
	void (*visit)(void *arg, const char *name, const char *path), void *arg);

#endif
