/*
 * burst: opens N TCP connections to one server all at once and reads each
 * one until the server closes it. Used by scripts/demo against
 * examples/time_tcp.php (which writes one line and closes).
 *
 *   burst HOST PORT [N] [DEADLINE_S]      (defaults: N=1000, DEADLINE_S=15)
 *
 * Every socket is non-blocking and watched by one epoll instance; the
 * latency of a connection is measured from just before its connect() to
 * the EOF of the server's reply. A connection whose SYN was dropped by a
 * full listen queue is retried by the kernel after 1 s, so it shows up as
 * a latency of 1 s or more. Nothing is left running past the deadline.
 *
 * Output, one line on stdout:
 *   n=.. ok=.. failed=.. unfinished=.. elapsed_ms=.. conns_per_s=..
 *   p50_ms=.. p99_ms=.. max_ms=.. slow_1s=..
 * (on one line). "ok" = connected, got at least one byte, then EOF;
 * "failed" = refused/reset; "unfinished" = still waiting at the deadline.
 * elapsed_ms runs from the first connect() to the last EOF, conns_per_s is
 * ok over that time, the latency figures are over the ok connections, and
 * slow_1s counts ok connections that took 1 s or more plus unfinished ones.
 * Exit status: 0 when the run completed (whatever the numbers), 1 on a
 * usage or system error.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum state { CONNECTING, READING, DONE, FAILED };

struct conn {
	int fd;
	enum state state;
	double start;    /* seconds, CLOCK_MONOTONIC, just before connect() */
	size_t bytes;    /* reply bytes read */
};

static double now(void)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0) {
		perror("burst: clock_gettime");
		exit(1);
	}
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long parse_long(const char *s, const char *what, long min, long max)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min || v > max) {
		fprintf(stderr, "burst: %s must be an integer in [%ld, %ld], got '%s'\n", what, min, max, s);
		exit(1);
	}
	return v;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Closes c's socket and records the outcome; the fd leaves the epoll set on close. */
static void finish(struct conn *c, enum state outcome, int *open_count)
{
	if (close(c->fd) != 0) {
		perror("burst: close");
		exit(1);
	}
	c->fd = -1;
	c->state = outcome;
	(*open_count)--;
}

int main(int argc, char **argv)
{
	if (argc < 3 || argc > 5) {
		fprintf(stderr, "usage: %s HOST PORT [N] [DEADLINE_S]\n", argv[0]);
		return 1;
	}
	struct sockaddr_in addr;
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_port = htons((unsigned short)parse_long(argv[2], "PORT", 1, 65535));
	if (inet_pton(AF_INET, argv[1], &addr.sin_addr) != 1) {
		fprintf(stderr, "burst: HOST must be an IPv4 address, got '%s'\n", argv[1]);
		return 1;
	}
	int n = argc > 3 ? (int)parse_long(argv[3], "N", 1, 1000000) : 1000;
	double deadline_s = argc > 4 ? (double)parse_long(argv[4], "DEADLINE_S", 1, 3600) : 15.0;

	struct conn *conns = calloc((size_t)n, sizeof *conns);
	double *lat = calloc((size_t)n, sizeof *lat);
	struct epoll_event *events = calloc(256, sizeof *events);
	if (!conns || !lat || !events) {
		perror("burst: calloc");
		return 1;
	}
	int ep = epoll_create1(EPOLL_CLOEXEC);
	if (ep < 0) {
		perror("burst: epoll_create1");
		return 1;
	}

	int open_count = 0, failed = 0;
	double t0 = now(), deadline = t0 + deadline_s;

	/* The burst: every connect() is issued before anything is read. */
	for (int i = 0; i < n; i++) {
		struct conn *c = &conns[i];
		c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
		if (c->fd < 0) {
			perror("burst: socket (raise ulimit -n?)");
			return 1;
		}
		open_count++;
		c->start = now();
		c->state = CONNECTING;
		if (connect(c->fd, (struct sockaddr *)&addr, sizeof addr) != 0 && errno != EINPROGRESS) {
			fprintf(stderr, "burst: connect #%d: %s\n", i, strerror(errno));
			finish(c, FAILED, &open_count);
			failed++;
			continue;
		}
		struct epoll_event ev = { .events = EPOLLOUT | EPOLLIN | EPOLLRDHUP, .data.u32 = (uint32_t)i };
		if (epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &ev) != 0) {
			perror("burst: epoll_ctl ADD");
			return 1;
		}
	}

	char buf[4096];
	int done = 0;
	double last_done = t0;
	while (open_count > 0) {
		double left_ms = (deadline - now()) * 1000.0;
		if (left_ms <= 0) {
			break;
		}
		int k = epoll_wait(ep, events, 256, (int)left_ms + 1);
		if (k < 0) {
			if (errno == EINTR) {
				continue;
			}
			perror("burst: epoll_wait");
			return 1;
		}
		for (int e = 0; e < k; e++) {
			struct conn *c = &conns[events[e].data.u32];
			if (c->fd < 0) {
				continue;
			}
			if (c->state == CONNECTING) {
				int err = 0;
				socklen_t len = sizeof err;
				if (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0) {
					perror("burst: getsockopt SO_ERROR");
					return 1;
				}
				if (err != 0) {
					if (err != EINPROGRESS) {
						finish(c, FAILED, &open_count);
						failed++;
					}
					continue;
				}
				c->state = READING;
				struct epoll_event ev = { .events = EPOLLIN | EPOLLRDHUP, .data.u32 = events[e].data.u32 };
				if (epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev) != 0) {
					perror("burst: epoll_ctl MOD");
					return 1;
				}
			}
			/* Read what is there; EOF completes the connection. */
			for (;;) {
				ssize_t r = read(c->fd, buf, sizeof buf);
				if (r > 0) {
					c->bytes += (size_t)r;
					continue;
				}
				if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
					break;
				}
				if (r < 0 && errno == EINTR) {
					continue;
				}
				/* EOF, or a read error such as ECONNRESET. */
				if (r == 0 && c->bytes > 0) {
					last_done = now();
					lat[done++] = last_done - c->start;
					finish(c, DONE, &open_count);
				} else {
					finish(c, FAILED, &open_count);
					failed++;
				}
				break;
			}
		}
	}

	int unfinished = open_count;
	for (int i = 0; i < n; i++) {
		if (conns[i].fd >= 0 && close(conns[i].fd) != 0) {
			perror("burst: close");
			return 1;
		}
	}
	if (close(ep) != 0) {
		perror("burst: close epoll");
		return 1;
	}

	qsort(lat, (size_t)done, sizeof *lat, cmp_double);
	int slow = 0;
	for (int i = 0; i < done; i++) {
		slow += lat[i] >= 1.0;
	}
	/* Unfinished connections waited at least until the deadline. */
	slow += unfinished;
	/* Throughput while serving: completed connections over the time from the
	 * first connect() to the last EOF (unfinished ones are reported apart). */
	double elapsed = last_done - t0;
	double p50 = done ? lat[(done - 1) / 2] : 0, p99 = done ? lat[(int)((done - 1) * 0.99)] : 0;
	double max = done ? lat[done - 1] : 0;
	printf("n=%d ok=%d failed=%d unfinished=%d elapsed_ms=%.1f conns_per_s=%.0f "
	       "p50_ms=%.1f p99_ms=%.1f max_ms=%.1f slow_1s=%d\n",
	       n, done, failed, unfinished, elapsed * 1000, elapsed > 0 ? done / elapsed : 0,
	       p50 * 1000, p99 * 1000, max * 1000, slow);
	free(conns);
	free(lat);
	free(events);
	return 0;
}
