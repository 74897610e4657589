/* echo mode: C persistent connections, each sends one message, waits for
 * its full echo, and repeats (with -a, only the first A of them in the
 * measured window; the others stay connected and silent). Every echoed
 * byte is checked against what was sent, so a server that loses,
 * reorders or mixes up data is caught. On an
 * ssl:// address each connection does a TLS handshake first (in the
 * warm-up) and the messages go over TLS. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "loadgen.h"
#include "tls.h"

/* How long after the measured window outstanding echoes may still arrive. */
#define DRAIN_S 2.0
/* Connecting and a first, unmeasured echo on every connection may take up
 * to the -W warm-up. The first echo proves the server accepted the connection: with a
 * full backlog and SYN cookies a client can believe it is connected while
 * the server never heard of it, until retransmits sort it out. */

enum state { CONNECTING, HANDSHAKE, BUSY, IDLE, DEAD };

struct conn {
	int fd;
	SSL *ssl;
	enum state state;
	unsigned events;
	size_t sent, got;
	unsigned long seq;
	double start;
};

struct echo {
	const struct opts *o;
	int epfd;
	struct conn *conns;
	unsigned char *pattern;  /* pattern[i] == i & 0xff, msg_size + 256 long */
	long connected, failed_connects, busy, resumed;
	unsigned long errors, corrupt, msgs;
	int measuring;
	double window_end, last_done;
	struct hist lat;
};

/* Message seq of connection id is the pattern from this offset, so every
 * message differs from its neighbours and from other connections'. */
static size_t msg_offset(long id, unsigned long seq)
{
	return ((size_t)id * 7 + seq * 13) & 0xff;
}

static void watch(struct echo *e, long id, unsigned events)
{
	struct conn *c = &e->conns[id];
	struct epoll_event ev = { .events = events, .data.u64 = (uint64_t)id };

	if (c->events == events)
		return;
	if (epoll_ctl(e->epfd, EPOLL_CTL_MOD, c->fd, &ev) != 0)
		die_errno("epoll_ctl MOD");
	c->events = events;
}

/* read() and write(), or their TLS versions on a TLS connection. */
static ssize_t conn_read(struct conn *c, void *buf, size_t n)
{
	return c->ssl ? tls_read(c->ssl, buf, n) : read(c->fd, buf, n);
}

static ssize_t conn_write(struct conn *c, const void *buf, size_t n)
{
	return c->ssl ? tls_write(c->ssl, buf, n) : write(c->fd, buf, n);
}

static void close_conn(struct echo *e, struct conn *c)
{
	if (c->ssl) {
		SSL_free(c->ssl);
		c->ssl = NULL;
	}
	if (close(c->fd) != 0)
		note_error(&e->errors, "close", errno);
}

static void kill_conn(struct echo *e, long id, const char *what, int err)
{
	struct conn *c = &e->conns[id];

	note_error(&e->errors, what, err);
	if (c->state == BUSY)
		e->busy--;
	if (c->state == CONNECTING || c->state == HANDSHAKE)
		e->failed_connects++;
	c->state = DEAD;
	close_conn(e, c);
	c->fd = -1;
}

static void send_more(struct echo *e, long id)
{
	struct conn *c = &e->conns[id];
	size_t size = (size_t)e->o->msg_size;
	const unsigned char *msg = e->pattern + msg_offset(id, c->seq);

	while (c->sent < size) {
		ssize_t n = conn_write(c, msg + c->sent, size - c->sent);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN) {
			watch(e, id, EPOLLIN | EPOLLOUT);
			return;
		}
		if (n < 0) {
			kill_conn(e, id, "write", errno);
			return;
		}
		c->sent += (size_t)n;
	}
	watch(e, id, EPOLLIN);
}

static void start_msg(struct echo *e, long id)
{
	struct conn *c = &e->conns[id];

	c->state = BUSY;
	e->busy++;
	c->sent = c->got = 0;
	c->start = now_s();
	send_more(e, id);
}

static void finish_msg(struct echo *e, long id)
{
	struct conn *c = &e->conns[id];
	double t = now_s();

	c->seq++;
	c->state = IDLE;
	e->busy--;
	if (!e->measuring)
		return;
	hist_add(&e->lat, t - c->start);
	e->msgs++;
	e->last_done = t;
	if (t < e->window_end)
		start_msg(e, id);
}

/* Readable while no echo is awaited: bytes nobody asked for, or EOF. */
static void check_idle(struct echo *e, long id)
{
	unsigned char byte;
	ssize_t n = conn_read(&e->conns[id], &byte, 1);

	if (n > 0) {
		e->corrupt++;
		kill_conn(e, id, "server sent bytes nobody asked for", 0);
	} else if (n == 0) {
		kill_conn(e, id, "server closed an idle connection", 0);
	} else if (errno != EAGAIN && errno != EINTR) {
		kill_conn(e, id, "read", errno);
	}
}

static void on_readable(struct echo *e, long id)
{
	struct conn *c = &e->conns[id];
	size_t size = (size_t)e->o->msg_size;
	unsigned char buf[65536];

	while (c->state == BUSY) {
		const unsigned char *want = e->pattern + msg_offset(id, c->seq) + c->got;
		size_t room = size - c->got < sizeof(buf) ? size - c->got : sizeof(buf);
		ssize_t n = conn_read(c, buf, room);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return;
		if (n < 0) {
			kill_conn(e, id, "read", errno);
			return;
		}
		if (n == 0) {
			kill_conn(e, id, "server closed the connection mid-message", 0);
			return;
		}
		if (memcmp(buf, want, (size_t)n) != 0) {
			e->corrupt++;
			kill_conn(e, id, "echoed bytes differ from those sent", 0);
			return;
		}
		c->got += (size_t)n;
		if (c->got == size)
			finish_msg(e, id);
	}
	if (c->state == IDLE)
		check_idle(e, id);
}

static void open_conn(struct echo *e, long id)
{
	struct conn *c = &e->conns[id];
	struct epoll_event ev = { .events = EPOLLOUT, .data.u64 = (uint64_t)id };

	c->fd = socket(e->o->ep.family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (c->fd < 0) {
		c->state = DEAD;
		note_error(&e->errors, "socket", errno);
		return;
	}
	c->state = CONNECTING;
	if (e->o->ep.family != AF_UNIX && set_nodelay(c->fd) != 0)
		die_errno("setsockopt TCP_NODELAY");
	if (connect(c->fd, (struct sockaddr *)&e->o->ep.addr, e->o->ep.len) != 0 && errno != EINPROGRESS) {
		kill_conn(e, id, "connect", errno);
		return;
	}
	if (epoll_ctl(e->epfd, EPOLL_CTL_ADD, c->fd, &ev) != 0)
		die_errno("epoll_ctl ADD");
	c->events = EPOLLOUT;
}

static void on_handshake(struct echo *e, long id)
{
	struct conn *c = &e->conns[id];
	const char *why = NULL;
	unsigned events = 0;

	switch (tls_handshake(c->ssl, &events, &why)) {
	case 0:
		watch(e, id, events);
		return;
	case -1:
		kill_conn(e, id, why, 0);
		return;
	}
	if (SSL_session_reused(c->ssl))
		e->resumed++;
	c->state = IDLE;
	e->connected++;
	start_msg(e, id);
}

static void on_connected(struct echo *e, long id)
{
	struct conn *c = &e->conns[id];
	int err = 0;
	socklen_t len = sizeof(err);

	if (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
		die_errno("getsockopt SO_ERROR");
	if (err) {
		kill_conn(e, id, "connect", err);
		return;
	}
	if (e->o->ep.tls) {
		c->ssl = tls_new(c->fd);
		c->state = HANDSHAKE;
		on_handshake(e, id);
		return;
	}
	c->state = IDLE;
	e->connected++;
	start_msg(e, id);
}

/* Runs the event loop until cond() is false or the time is up. */
static void loop(struct echo *e, double until, int (*cond)(const struct echo *))
{
	struct epoll_event evs[256];

	while (cond(e)) {
		double left = until - now_s();
		int n, k;

		if (left <= 0)
			return;
		n = epoll_wait(e->epfd, evs, 256, (int)(left * 1000) + 1);
		if (n < 0 && errno != EINTR)
			die_errno("epoll_wait");
		for (k = 0; k < n; k++) {
			long id = (long)evs[k].data.u64;
			struct conn *c = &e->conns[id];

			if (c->state == CONNECTING)
				on_connected(e, id);
			else if (c->state == HANDSHAKE)
				on_handshake(e, id);
			else if (c->state != DEAD && (evs[k].events & EPOLLOUT) && c->sent < (size_t)e->o->msg_size)
				send_more(e, id);
			if (c->state == BUSY || (c->state == IDLE && (evs[k].events & (EPOLLIN | EPOLLHUP | EPOLLERR))))
				on_readable(e, id);
		}
	}
}

static long pending_connects(const struct echo *e)
{
	return e->o->concurrency - e->connected - e->failed_connects;
}

static int warming_up(const struct echo *e)
{
	return pending_connects(e) > 0 || e->busy > 0;
}

static int busy(const struct echo *e)
{
	return e->busy > 0;
}

int run_echo(const struct opts *o)
{
	struct echo e = { .o = o };
	double t0 = now_s(), end = t0 + o->deadline, tstart, elapsed;
	long id, size = o->msg_size, stuck = 0, cold = 0, cpu0 = -1, cpu1 = -1;
	long active = o->active && o->active < o->concurrency ? o->active : o->concurrency;

	e.conns = calloc((size_t)o->concurrency, sizeof(*e.conns));
	e.pattern = malloc((size_t)size + 256);
	if (!e.conns || !e.pattern)
		die_errno("malloc");
	for (id = 0; id < size + 256; id++)
		e.pattern[id] = (unsigned char)id;
	hist_init(&e.lat);
	e.epfd = epoll_create1(EPOLL_CLOEXEC);
	if (e.epfd < 0)
		die_errno("epoll_create1");

	for (id = 0; id < o->concurrency; id++)
		open_conn(&e, id);
	loop(&e, t0 + o->warmup < end ? t0 + o->warmup : end, warming_up);
	for (id = 0; id < o->concurrency; id++) {
		enum state st = e.conns[id].state;
		if (st == CONNECTING || st == HANDSHAKE || st == BUSY) {
			kill_conn(&e, id, "no echo within the warm-up", 0);
			cold++;
		}
	}
	if (cold)
		fprintf(stderr, "loadgen: %ld connections got no echo within %.0f s of starting\n",
			cold, o->warmup);
	e.measuring = 1;

	/* Measure from the moment every connection is up to the last echo
	 * of a message sent within the window. The server's CPU time is
	 * counted over the same span: the warm-up's connects and accepts
	 * (seconds of a select loop at thousands of clients) stay out. */
	if (o->server_pid)
		cpu0 = proc_cpu_ticks(o->server_pid);
	tstart = e.last_done = now_s();
	e.window_end = tstart + o->duration < end ? tstart + o->duration : end;
	for (id = 0; id < active; id++)
		if (e.conns[id].state == IDLE)
			start_msg(&e, id);
	loop(&e, e.window_end + DRAIN_S < end ? e.window_end + DRAIN_S : end, busy);
	if (cpu0 >= 0)
		cpu1 = proc_cpu_ticks(o->server_pid);
	elapsed = e.last_done > tstart ? e.last_done - tstart : 1e-9;

	for (id = 0; id < o->concurrency; id++) {
		struct conn *c = &e.conns[id];
		if (c->state == CONNECTING || c->state == HANDSHAKE || c->state == BUSY)
			stuck++;
		if (c->state != DEAD)
			close_conn(&e, c);
	}
	if (stuck)
		fprintf(stderr, "loadgen: %ld connections never got their echo\n", stuck);
	e.errors += (unsigned long)stuck;

	printf("RESULT mode=echo conns=%ld connected=%ld active=%ld msg_bytes=%ld msgs_per_s=%.1f msgs=%lu",
	       o->concurrency, e.connected, active, size, (double)e.msgs / elapsed, e.msgs);
	if (cpu1 >= 0)
		printf(" server_window_ticks=%ld", cpu1 - cpu0);
	print_latency(&e.lat);
	if (o->ep.tls)
		printf(" tls=1 resumed=%ld", e.resumed);
	printf(" corrupt=%lu errors=%lu\n", e.corrupt, e.errors);
	printf("echo: %ld connections (%ld connected, %ld echoing), %ld-byte messages, %.2f s: %.0f msgs/s, "
	       "p50 %.3f ms, p99 %.3f ms, max %.3f ms, %lu corrupt, %lu errors\n",
	       o->concurrency, e.connected, active, size, elapsed, (double)e.msgs / elapsed,
	       hist_quantile(&e.lat, 0.5) * 1e3, hist_quantile(&e.lat, 0.99) * 1e3,
	       e.lat.max_s * 1e3, e.corrupt, e.errors);
	hist_free(&e.lat);
	free(e.conns);
	free(e.pattern);
	if (close(e.epfd) != 0)
		die_errno("close epoll");
	return e.errors ? 1 : 0;
}
