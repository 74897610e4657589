#include "dir_sorted.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

static void free_names(char **names, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(names[i]);
	}
	free(names);
}

/* The names, or NULL (errno set); *count may be 0 with a non-NULL list. */
static char **read_names(const char *dir, size_t *count)
{
	DIR *d = opendir(dir);
	struct dirent *entry;
	char **names = malloc(sizeof(*names));
	size_t n = 0, room = 1;

	if (!d || !names) {
		int error = errno;

		if (d) {
			closedir(d);
		}
		free(names);
		errno = error;
		return NULL;
	}
	while ((entry = readdir(d)) != NULL) {
		if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) {
			continue;
		}
		if (n == room) {
			char **grown = realloc(names, 2 * room * sizeof(*names));

			if (!grown) {
				break;
			}
			names = grown;
			room *= 2;
		}
		if ((names[n] = strdup(entry->d_name)) == NULL) {
			break;
		}
		n++;
	}
	if (entry != NULL) {
		free_names(names, n);
		closedir(d);
		errno = ENOMEM;
		return NULL;
	}
	closedir(d);
	qsort(names, n, sizeof(*names), compare_names);
	*count = n;
	return names;
}

bool fastsock_dir_each_sorted(const char *dir,
	void (*visit)(void *arg, const char *name, const char *path), void *arg)
{
	size_t count = 0, dir_len = strlen(dir);
	char **names = read_names(dir, &count);

	if (!names) {
		return false;
	}
	for (size_t i = 0; i < count; i++) {
		size_t len = dir_len + 1 + strlen(names[i]) + 1;
		char *path = malloc(len);

		if (!path) {
			free_names(names, count);
			errno = ENOMEM;
			return false;
		}
		snprintf(path, len, "%s/%s", dir, names[i]);
		visit(arg, names[i], path);
		free(path);
	}
	free_names(names, count);
	return true;
}
