/* Reference for bulk_sink.php: read to EOF, reply with the byte count. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ref.h"

#define CHUNK (1 << 20)

static unsigned long long *counts;
static size_t ncounts;

static void sink(int fd, char *data)
{
	unsigned long long *count = ref_slot((void **)&counts, &ncounts, fd, sizeof(*count));

	for (;;) {
		ssize_t n = read(fd, data, CHUNK);
		char reply[32];
		int len;

		if (n > 0) {
			*count += (unsigned long long)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return;
		if (n == 0) {
			/* The client half-closed, so its receive buffer is empty:
			 * the short reply fits without waiting. */
			len = snprintf(reply, sizeof(reply), "%llu\n", *count);
			if (write(fd, reply, (size_t)len) != len)
				fprintf(stderr, "write reply: %s\n", strerror(errno));
		}
		*count = 0;
		ref_close(fd);
		return;
	}
}

static void on_event(struct ref_server *s, int fd, uint32_t events, void *data)
{
	(void) s;
	(void) events;
	sink(fd, data);
}

int main(int argc, char **argv)
{
	struct ref_server s;
	char *data = malloc(CHUNK);

	if (!data)
		die_errno("malloc");
	ref_start(&s, argc, argv);
	ref_serve_connections(&s, on_event, data);
}
