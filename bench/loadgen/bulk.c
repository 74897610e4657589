/* bulk mode: one connection streams B bytes, half-closes, and waits for the
 * server's reply (the byte count it read) or its close. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "loadgen.h"

#define CHUNK (1 << 20)
#define REPLY_MAX 64

/* Blocking I/O is simplest for one connection; the timeouts bound it. */
static void set_timeouts(int fd, double seconds)
{
	struct timeval tv = { .tv_sec = (time_t)seconds,
			      .tv_usec = (suseconds_t)((seconds - (double)(time_t)seconds) * 1e6) };

	if (setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)) != 0)
		die_errno("setsockopt SO_SNDTIMEO");
	if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) != 0)
		die_errno("setsockopt SO_RCVTIMEO");
}

static int send_all(int fd, unsigned long long total, double end, unsigned long *errors)
{
	char *buf = calloc(1, CHUNK);
	unsigned long long sent = 0;

	if (!buf)
		die_errno("calloc");
	while (sent < total) {
		size_t want = total - sent < CHUNK ? (size_t)(total - sent) : CHUNK;
		ssize_t n;

		if (now_s() > end) {
			note_error(errors, "deadline reached while sending", 0);
			break;
		}
		n = write(fd, buf, want);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			note_error(errors, "write", errno);
			break;
		}
		sent += (unsigned long long)n;
	}
	free(buf);
	return sent == total ? 0 : -1;
}

/* The reply is optional: a server may just close. If it sends a number, it
 * must be the number of bytes sent. */
static void check_reply(int fd, unsigned long long total, unsigned long *errors)
{
	char reply[REPLY_MAX + 1];
	size_t got = 0;

	for (;;) {
		ssize_t n = read(fd, reply + got, REPLY_MAX - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			note_error(errors, "read reply", errno);
			return;
		}
		if (n == 0 || (got += (size_t)n) == REPLY_MAX)
			break;
	}
	reply[got] = '\0';
	if (got > 0 && strtoull(reply, NULL, 10) != total) {
		fprintf(stderr, "loadgen: server counted '%.*s' bytes, %llu were sent\n",
			(int)strcspn(reply, "\r\n"), reply, total);
		note_error(errors, "byte count mismatch", 0);
	}
}

int run_bulk(const struct opts *o)
{
	double t0 = now_s(), end = t0 + o->deadline, elapsed;
	unsigned long errors = 0;
	int fd;

	fd = socket(o->ep.family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		die_errno("socket");
	set_timeouts(fd, o->deadline);
	if (connect(fd, (struct sockaddr *)&o->ep.addr, o->ep.len) != 0)
		die_errno("connect");
	t0 = now_s();
	if (send_all(fd, o->bytes, end, &errors) == 0) {
		if (shutdown(fd, SHUT_WR) != 0)
			note_error(&errors, "shutdown", errno);
		else
			check_reply(fd, o->bytes, &errors);
	}
	elapsed = now_s() - t0;
	if (close(fd) != 0)
		note_error(&errors, "close", errno);

	printf("RESULT mode=bulk bytes=%llu seconds=%.3f mb_per_s=%.1f errors=%lu\n",
	       o->bytes, elapsed, (double)o->bytes / 1e6 / elapsed, errors);
	printf("bulk: %.1f MB in %.2f s: %.1f MB/s, %lu errors\n",
	       (double)o->bytes / 1e6, elapsed, (double)o->bytes / 1e6 / elapsed, errors);
	return errors ? 1 : 0;
}
