/* udp mode: N numbered datagrams, at most W unanswered at a time. A datagram
 * unanswered for LOSS_S is given up on, so a lossy server cannot stall the
 * window; a reply that still comes later counts as received. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "loadgen.h"

#define LOSS_S 0.2

enum dstate { UNSENT, IN_FLIGHT, GIVEN_UP, ANSWERED };

struct udp {
	const struct opts *o;
	int fd;
	unsigned char *state;
	double *sent_at;
	unsigned char *buf;      /* msg_size + 1, to notice oversized replies */
	long next, oldest, in_flight, answered;
	unsigned long errors, corrupt, duplicates;
	double last_reply;
	struct hist lat;
};

/* Returns 0 when the socket buffer is full and sending must wait. */
static int send_one(struct udp *u)
{
	uint64_t seq = (uint64_t)u->next;
	ssize_t n;

	memset(u->buf, (int)(seq & 0xff), (size_t)u->o->msg_size);
	memcpy(u->buf, &seq, sizeof(seq));
	n = send(u->fd, u->buf, (size_t)u->o->msg_size, 0);
	if (n < 0 && (errno == EAGAIN || errno == ENOBUFS || errno == EINTR))
		return 0;
	if (n < 0)
		note_error(&u->errors, "send", errno);
	u->state[u->next] = IN_FLIGHT;
	u->sent_at[u->next] = now_s();
	u->in_flight++;
	u->next++;
	return 1;
}

static void on_reply(struct udp *u, ssize_t len)
{
	uint64_t seq;
	double t = now_s();

	memcpy(&seq, u->buf, sizeof(seq));
	if (len != u->o->msg_size || seq >= (uint64_t)u->o->count) {
		u->corrupt++;
		note_error(&u->errors, "reply is not a datagram that was sent", 0);
		return;
	}
	switch (u->state[seq]) {
	case IN_FLIGHT:
		u->in_flight--;
		/* fall through */
	case GIVEN_UP:
		u->state[seq] = ANSWERED;
		u->answered++;
		u->last_reply = t;
		hist_add(&u->lat, t - u->sent_at[seq]);
		break;
	default:
		u->duplicates++;
	}
}

static void receive_all(struct udp *u)
{
	for (;;) {
		ssize_t n = recv(u->fd, u->buf, (size_t)u->o->msg_size + 1, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return;
		if (n < 0) {
			/* e.g. ECONNREFUSED: an ICMP error for an earlier datagram. */
			note_error(&u->errors, "recv", errno);
			return;
		}
		on_reply(u, n);
	}
}

/* Gives up on the oldest datagrams that waited too long; returns how long
 * until the next one would be given up. */
static double expire(struct udp *u)
{
	double t = now_s();

	while (u->oldest < u->next) {
		if (u->state[u->oldest] == IN_FLIGHT) {
			double due = u->sent_at[u->oldest] + LOSS_S;
			if (due > t)
				return due - t;
			u->state[u->oldest] = GIVEN_UP;
			u->in_flight--;
		}
		u->oldest++;
	}
	return LOSS_S;
}

static void print_result(const struct udp *u, double t0)
{
	double elapsed = u->last_reply - t0;
	double rate = elapsed > 0 ? (double)u->answered / elapsed : 0;
	long lost = u->o->count - u->answered;

	printf("RESULT mode=udp datagrams=%ld window=%ld msg_bytes=%ld replies_per_s=%.1f",
	       u->o->count, u->o->window, u->o->msg_size, rate);
	print_latency(&u->lat);
	printf(" lost=%ld corrupt=%lu errors=%lu\n", lost, u->corrupt, u->errors);
	printf("udp: %ld datagrams of %ld bytes, window %ld: %.0f replies/s, p50 %.3f ms, "
	       "p99 %.3f ms, %ld lost, %lu corrupt, %lu errors\n",
	       u->o->count, u->o->msg_size, u->o->window, rate, hist_quantile(&u->lat, 0.5) * 1e3,
	       hist_quantile(&u->lat, 0.99) * 1e3, lost, u->corrupt, u->errors);
}

int run_udp(const struct opts *o)
{
	struct udp u = { .o = o };
	double t0, end;
	size_t n = (size_t)o->count;
	int blocked = 0;

	if (o->msg_size < (long)sizeof(uint64_t))
		die("-s: udp datagrams carry an 8-byte sequence number, so at least 8 bytes");
	u.state = calloc(n, 1);
	u.sent_at = calloc(n, sizeof(*u.sent_at));
	u.buf = malloc((size_t)o->msg_size + 1);
	if (!u.state || !u.sent_at || !u.buf)
		die_errno("malloc");
	hist_init(&u.lat);
	u.fd = socket(o->ep.family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (u.fd < 0)
		die_errno("socket");
	/* Connected, so only the server's replies arrive and ICMP errors show. */
	if (connect(u.fd, (struct sockaddr *)&o->ep.addr, o->ep.len) != 0)
		die_errno("connect");

	t0 = u.last_reply = now_s();
	end = t0 + o->deadline;
	while (u.next < o->count || u.in_flight > 0) {
		struct pollfd pfd = { .fd = u.fd, .events = POLLIN };
		double wait, left = end - now_s();

		if (left <= 0) {
			note_error(&u.errors, "deadline reached", 0);
			break;
		}
		blocked = 0;
		while (u.next < o->count && u.in_flight < o->window && !blocked)
			blocked = !send_one(&u);
		if (blocked)
			pfd.events |= POLLOUT;
		wait = expire(&u);
		if (wait > left)
			wait = left;
		if (poll(&pfd, 1, (int)(wait * 1000) + 1) < 0 && errno != EINTR)
			die_errno("poll");
		receive_all(&u);
	}
	if (close(u.fd) != 0)
		note_error(&u.errors, "close", errno);

	print_result(&u, t0);
	hist_free(&u.lat);
	free(u.state);
	free(u.sent_at);
	free(u.buf);
	return u.errors ? 1 : 0;
}
