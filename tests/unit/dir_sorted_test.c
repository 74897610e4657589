/*
 * Unit test of lib/dir_sorted.c: every entry but "." and ".." (dot files
 * included), in strcmp order whatever order they were made in, with their
 * paths; an empty directory visits nothing; a missing one fails with errno.
 */
#include "dir_sorted.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

struct seen {
	char names[8][32];
	char paths[8][256];
	int count;
};

static void record(void *arg, const char *name, const char *path)
{
	struct seen *s = arg;

	if (s->count < 8) {
		snprintf(s->names[s->count], sizeof(s->names[0]), "%s", name);
		snprintf(s->paths[s->count], sizeof(s->paths[0]), "%s", path);
	}
	s->count++;
}

static void touch(const char *dir, const char *name)
{
	char path[256];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_CREAT | O_WRONLY, 0600);
	CHECK(fd >= 0);
	if (fd >= 0) {
		close(fd);
	}
}

int main(void)
{
	const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char dir[200], path[256];
	struct seen s = {0};
	static const char *made[] = {"b.0", ".hidden", "a.1", "a.0", "c"};
	static const char *sorted[] = {".hidden", "a.0", "a.1", "b.0", "c"};

	snprintf(dir, sizeof(dir), "%s/fastsock-dir-sorted-XXXXXX", tmp);
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}

	CHECK(fastsock_dir_each_sorted(dir, record, &s));
	CHECK(s.count == 0);

	for (size_t i = 0; i < sizeof(made) / sizeof(made[0]); i++) {
		touch(dir, made[i]);
	}
	CHECK(fastsock_dir_each_sorted(dir, record, &s));
	CHECK(s.count == 5);
	for (int i = 0; i < 5 && i < s.count; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, sorted[i]);
		CHECK(strcmp(s.names[i], sorted[i]) == 0);
		CHECK(strcmp(s.paths[i], path) == 0);
	}

	for (size_t i = 0; i < sizeof(made) / sizeof(made[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, made[i]);
		unlink(path);
	}
	rmdir(dir);

	s.count = 0;
	errno = 0;
	CHECK(!fastsock_dir_each_sorted(dir, record, &s));
	CHECK(errno == ENOENT);
	CHECK(s.count == 0);
	return check_report();
}
