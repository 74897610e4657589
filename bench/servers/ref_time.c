/* Reference for time_tcp.php: write the time, close. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ref.h"

static void serve(int fd)
{
	char line[80];
	time_t t = time(NULL);
	struct tm tm;
	size_t n;
	ssize_t w;

	if (!localtime_r(&t, &tm))
		die_errno("localtime_r");
	n = strftime(line, sizeof(line), "The local time is %-m/%-d/%Y %-I:%M %P\n", &tm);
	/* A fresh socket's send buffer always has room for one short line. */
	w = write(fd, line, n);
	if (w != (ssize_t)n)
		fprintf(stderr, "write: %s\n", w < 0 ? strerror(errno) : "short write");
	ref_close(fd);
}

int main(int argc, char **argv)
{
	struct ref_server s;
	struct epoll_event evs[1];

	ref_start(&s, argc, argv);
	for (;;) {
		int fd;

		ref_wait(&s, evs, 1);
		while ((fd = ref_accept(&s)) >= 0)
			serve(fd);
	}
}
