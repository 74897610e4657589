/* connect mode: the time-server burst. A connect whose SYN was dropped by a
 * full listen backlog is retransmitted after 1 s, so "slow_1s" counts them.
 * Errors are also counted by kind: refused, reset, unanswered. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "loadgen.h"

struct slot {
	int fd;
	double start;
	size_t got;
};

struct burst {
	const struct opts *o;
	int epfd;
	struct slot *slots;
	long *free_slots, nfree;
	long started, finished, slow;
	unsigned long errors;
	/* Of the errors: connects refused (nothing listened), connections
	 * reset (a listener closed with them queued) and closed unanswered. */
	unsigned long refused, reset, unanswered;
	struct hist lat;
};

static void release(struct burst *b, long i)
{
	if (close(b->slots[i].fd) != 0)
		note_error(&b->errors, "close", errno);
	b->slots[i].fd = -1;
	b->free_slots[b->nfree++] = i;
	b->finished++;
}

static void start_one(struct burst *b)
{
	long i = b->free_slots[--b->nfree];
	struct slot *s = &b->slots[i];
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = (uint64_t)i };

	b->started++;
	s->got = 0;
	s->start = now_s();
	s->fd = socket(b->o->ep.family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (s->fd < 0) {
		note_error(&b->errors, "socket", errno);
		b->free_slots[b->nfree++] = i;
		b->finished++;
		return;
	}
	if (connect(s->fd, (struct sockaddr *)&b->o->ep.addr, b->o->ep.len) != 0 && errno != EINPROGRESS) {
		note_error(&b->errors, "connect", errno);
		release(b, i);
		return;
	}
	/* A failed connect shows up as EPOLLERR, and read() then names it. */
	if (epoll_ctl(b->epfd, EPOLL_CTL_ADD, s->fd, &ev) != 0)
		die_errno("epoll_ctl ADD");
}

static void on_readable(struct burst *b, long i)
{
	struct slot *s = &b->slots[i];
	char buf[4096];

	for (;;) {
		ssize_t n = read(s->fd, buf, sizeof(buf));
		if (n > 0) {
			s->got += (size_t)n;
			continue;
		}
		if (n < 0 && errno == EAGAIN)
			return;
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			b->refused += errno == ECONNREFUSED;
			b->reset += errno == ECONNRESET;
			note_error(&b->errors, "read", errno);
		} else if (s->got == 0) {
			b->unanswered++;
			note_error(&b->errors, "server closed without sending anything", 0);
		} else {
			double lat = now_s() - s->start;
			hist_add(&b->lat, lat);
			if (lat >= 1.0)
				b->slow++;
		}
		release(b, i);
		return;
	}
}

int run_connect(const struct opts *o)
{
	struct burst b = { .o = o };
	long conc = o->concurrency < o->count ? o->concurrency : o->count;
	double t0 = now_s(), end = t0 + o->deadline, elapsed;
	struct epoll_event evs[256];
	long i;

	b.slots = calloc((size_t)conc, sizeof(*b.slots));
	b.free_slots = calloc((size_t)conc, sizeof(*b.free_slots));
	if (!b.slots || !b.free_slots)
		die_errno("calloc");
	for (i = 0; i < conc; i++) {
		b.slots[i].fd = -1;
		b.free_slots[b.nfree++] = conc - 1 - i;
	}
	hist_init(&b.lat);
	b.epfd = epoll_create1(EPOLL_CLOEXEC);
	if (b.epfd < 0)
		die_errno("epoll_create1");

	while (b.finished < o->count) {
		double left = end - now_s();
		int n, k;

		if (left <= 0)
			break;
		while (b.nfree > 0 && b.started < o->count)
			start_one(&b);
		if (b.finished >= o->count)
			break;
		n = epoll_wait(b.epfd, evs, 256, (int)(left * 1000) + 1);
		if (n < 0 && errno != EINTR)
			die_errno("epoll_wait");
		for (k = 0; k < n; k++)
			on_readable(&b, (long)evs[k].data.u64);
	}
	elapsed = now_s() - t0;
	for (i = 0; i < conc; i++)
		if (b.slots[i].fd >= 0 && close(b.slots[i].fd) != 0)
			note_error(&b.errors, "close", errno);
	if (b.finished < o->count) {
		fprintf(stderr, "loadgen: deadline of %.0f s reached with %ld connections unfinished\n",
			o->deadline, o->count - b.finished);
		b.errors += (unsigned long)(o->count - b.finished);
	}

	printf("RESULT mode=connect conns=%ld concurrency=%ld conns_per_s=%.1f",
	       o->count, conc, (double)b.lat.total / elapsed);
	print_latency(&b.lat);
	printf(" slow_1s=%ld errors=%lu refused=%lu reset=%lu unanswered=%lu\n", b.slow, b.errors,
	       b.refused, b.reset, b.unanswered);
	printf("connect: %llu of %ld connections at concurrency %ld in %.2f s: %.0f conns/s, "
	       "p50 %.2f ms, p99 %.2f ms, max %.2f ms, %ld took >= 1 s, %lu errors\n",
	       (unsigned long long)b.lat.total, o->count, conc, elapsed,
	       (double)b.lat.total / elapsed, hist_quantile(&b.lat, 0.5) * 1e3,
	       hist_quantile(&b.lat, 0.99) * 1e3, b.lat.max_s * 1e3, b.slow, b.errors);
	hist_free(&b.lat);
	free(b.slots);
	free(b.free_slots);
	if (close(b.epfd) != 0)
		die_errno("close epoll");
	return b.errors ? 1 : 0;
}
