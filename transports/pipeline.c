/*
 * What happens to a new connection, from the kernel's queue to the script.
 *
 *   kernel accept ──► PROXY header ──► TLS handshake ──► ready ──► stream_socket_accept()
 *   (accept4)         (trusted peers)   (ssl://, tls://)
 *
 * A plain listener has no stages: its accept op takes a connection from
 * the kernel and hands it out at once, as stock does. On a listener with
 * stages (a TLS listener, or one that expects PROXY headers) every new
 * connection is pending: it waits in its listener's pending set, without
 * blocking anyone, until each stage is done. A stage is one function over
 * the connection's state that finishes, fails or says "again" and names
 * what it waits for (readable, writable) and until when. Whoever the
 * script calls drives the set: stream_select() watches the pending
 * descriptors next to the script's own and reports the listener only when
 * an accept can return at once; stream_socket_accept() waits for the
 * first connection to become ready while stepping all of them. Only ready
 * connections become streams, so resource ids and everything a script can
 * see are those of stock; a handshake that failed is reported as stock's
 * accept would have reported it, by the accept that meets it.
 *
 * Pending connections belong to the process that accepted them: a process
 * forked from it lets go of its copies without touching them. Out of
 * descriptors (EMFILE, ENFILE) a listener rests: it is not reported or
 * accepted from again until fastsock closed a descriptor or REST_MS
 * passed, so neither a select loop nor an accept loop spins.
 */
#include "php.h"
#include "php_network.h"
#include "php_fastsock.h"

#include <netinet/tcp.h>
#include <poll.h>
#include <time.h>
#include <unistd.h>

#include "pipeline.h"
#include "graceful_stop.h"
#include "pending_set.h"
#include "process_id.h"
#include "select.h"
#include "context.h"
#include "proxy.h"
#include "tls.h"

/* What stock reports for an accept that timed out (main/network.c). */
#define FASTSOCK_ACCEPT_TIMEOUT ETIMEDOUT

/* How long a listener out of descriptors rests at most: warnings come at
 * most this often, and a client waits at most this long after a
 * descriptor fastsock does not see (a file, a pipe) was closed. */
#define REST_MS 100

/* Connections taken from the kernel per drive: a flood on one listener
 * leaves time for the rest of a stream_select(). */
#define INTAKE_BATCH 64

typedef enum stage {
	STAGE_PROXY,        /* a trusted peer's PROXY header */
	STAGE_PROXY_LOCAL,  /* after a LOCAL header: a first byte, or the close of a health check */
	STAGE_TLS,          /* the TLS handshake (tls/tls.h), step by step */
	STAGE_READY,        /* for the next accept */
	STAGE_FAILED,       /* a failed handshake, for the next accept to report as stock's */
	STAGE_GONE,         /* dropped; its entry is freed by sweep() */
} stage;

typedef struct pending {
	fastsock_sock *conn;
	php_sockaddr_storage peer;
	socklen_t peer_length;
	stage stage;
	short wants;                 /* POLLIN or POLLOUT: what the stage waits for */
	long watch;                  /* its descriptor's place in the current wait, -1 none */
	uint32_t ident;              /* what it is to stream_select()'s interest set */
	bool bounded;                /* false: a handshake without a timeout, as stock's can be */
	struct timespec deadline;    /* CLOCK_MONOTONIC: the stage ends by then */
	fastsock_proxy_reading *proxy;
	zend_resource *context;      /* the listener's, whose `ssl` options the handshake reads */
} pending;

typedef struct fastsock_pipeline {
	pid_t owner;
	bool staged;
	fastsock_pending_set set;
	/* A kernel accept failure met while stream_select() drove the set:
	 * the next accept reports it, as stock's accept would have. */
	int accept_error;
	bool resting;
	struct timespec rest_until;
	zend_long closes_at_rest;
} fastsock_pipeline;

/* ---- time ---- */

static struct timespec now(void)
{
	struct timespec ts = {0, 0};

	/* CLOCK_MONOTONIC cannot fail on Linux; a zero time only ends
	 * deadlines early. */
	(void) clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts;
}

static struct timespec after_ms(long long ms)
{
	struct timespec ts = now();

	ts.tv_sec += ms / 1000;
	ts.tv_nsec += (ms % 1000) * 1000000;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	return ts;
}

static bool before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

static bool passed(const struct timespec *deadline)
{
	struct timespec t = now();

	return !before(&t, deadline);
}

/* Milliseconds until the deadline, rounded up so that a wait never ends
 * before it; 0 once it passed. */
static int ms_until(const struct timespec *deadline)
{
	struct timespec t = now();
	long long ms;

	if (!before(&t, deadline)) {
		return 0;
	}
	ms = (long long) (deadline->tv_sec - t.tv_sec) * 1000 + (deadline->tv_nsec - t.tv_nsec + 999999) / 1000000;
	return ms > INT_MAX ? INT_MAX : (int) ms;
}

static void bring_forward(struct timespec *wake, const struct timespec *deadline)
{
	if ((wake->tv_sec == 0 && wake->tv_nsec == 0) || before(deadline, wake)) {
		*wake = *deadline;
	}
}

/* ---- connections ---- */

/* A connection shares its listener's settings, context and TLS server;
 * O_NONBLOCK is not inherited on Linux. */
static fastsock_sock *new_connection(php_stream *server_stream, fastsock_sock *server, int fd)
{
	fastsock_sock *conn = emalloc(sizeof(*conn));

	*conn = *server;
	conn->net.socket = fd;
	conn->net.is_blocked = 1;
	conn->role = FASTSOCK_CONNECTION;
	conn->listening = false;
	conn->data_expected = false;
	conn->direct_reads = false;
	conn->proxy_trust = NULL;
	conn->proxy = NULL;
	conn->pipeline = NULL;
	fastsock_tls_connection_init(conn);
	/* A pending connection is held: a graceful stop waits for it as for
	 * the script's own. */
	fastsock_graceful_stop_opened();

	if (conn->kind == FASTSOCK_TCP) {
		conn->options.tcp_nodelay = fastsock_context_tcp_nodelay(PHP_STREAM_CONTEXT(server_stream),
			server->options.tcp_nodelay);
		/* As on stock, a connection that cannot take it (already reset) is
		 * served without it, silently. */
		if (conn->options.tcp_nodelay
				&& setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &(int){1}, sizeof(int)) != 0) {
			conn->options.tcp_nodelay = false;
		}
	}
	return conn;
}

static void close_connection(fastsock_sock *conn)
{
	fastsock_tls_close(conn, false);
	fastsock_proxy_release(conn);
	fastsock_close_descriptor(conn->net.socket);
	efree(conn);
	fastsock_graceful_stop_closed();
}

/* Closes a pending connection without a word to its peer. */
static void drop(pending *p)
{
	fastsock_proxy_reading_free(&p->proxy);
	if (p->conn) {
		close_connection(p->conn);
		p->conn = NULL;
	}
	p->stage = STAGE_GONE;
}

static bool is_waiting(const void *entry)
{
	stage s = ((const pending *) entry)->stage;

	return s == STAGE_PROXY || s == STAGE_PROXY_LOCAL || s == STAGE_TLS;
}

static bool is_done(const pending *p)
{
	return p->stage == STAGE_READY || p->stage == STAGE_FAILED;
}

/* ---- the stages ---- */

static void tls_stepped(pending *p, fastsock_tls_step step)
{
	switch (step) {
		case FASTSOCK_TLS_DONE:
			p->stage = STAGE_READY;
			break;
		case FASTSOCK_TLS_WANT_READ:
			p->wants = POLLIN;
			break;
		case FASTSOCK_TLS_WANT_WRITE:
			p->wants = POLLOUT;
			break;
		case FASTSOCK_TLS_FAILED:
			p->stage = STAGE_FAILED;
			break;
	}
}

/* The handshake's own deadline: the stream's timeout capped by
 * tls_handshake_timeout, as stock's accept would have waited. */
static void start_tls(fastsock_sock *server, pending *p)
{
	p->stage = STAGE_TLS;
	tls_stepped(p, fastsock_tls_accept_start(server, p->conn, p->context));
	p->deadline = fastsock_tls_accept_deadline(p->conn);
	p->bounded = p->deadline.tv_sec != -1;
}

static void after_proxy(fastsock_sock *server, pending *p)
{
	if (fastsock_tls_enable_on_connect(server)) {
		start_tls(server, p);
	} else {
		p->stage = STAGE_READY;
	}
}

/* After a LOCAL (v2) or UNKNOWN (v1) header the balancer speaks for
 * itself: a health check closes, and never reaches the script. */
static void step_local(fastsock_sock *server, pending *p)
{
	char byte;
	ssize_t n;

	do {
		n = recv(p->conn->net.socket, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
	} while (n < 0 && errno == EINTR);
	if (n > 0) {
		after_proxy(server, p);
	} else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
		p->wants = POLLIN;
	} else {
		FASTSOCK_G(counters).proxy_health_checks++;
		drop(p);
	}
}

static void step_proxy(fastsock_sock *server, pending *p)
{
	switch (fastsock_proxy_read(p->conn, &p->proxy)) {
		case FASTSOCK_PROXY_STEP_AGAIN:
			p->wants = POLLIN;
			return;
		case FASTSOCK_PROXY_STEP_BAD:
			drop(p);
			return;
		case FASTSOCK_PROXY_STEP_CLOSED:
			FASTSOCK_G(counters).proxy_health_checks++;
			drop(p);
			return;
		case FASTSOCK_PROXY_STEP_DONE:
			break;
	}
	fastsock_proxy_reading_free(&p->proxy);
	if (fastsock_proxy_local(p->conn)) {
		p->stage = STAGE_PROXY_LOCAL;
		p->bounded = true;
		p->deadline = after_ms(server->options.proxy_timeout * 1000LL);
		step_local(server, p);
	} else {
		after_proxy(server, p);
	}
}

static void step(fastsock_sock *server, pending *p)
{
	switch (p->stage) {
		case STAGE_PROXY:
			step_proxy(server, p);
			break;
		case STAGE_PROXY_LOCAL:
			step_local(server, p);
			break;
		case STAGE_TLS:
			tls_stepped(p, fastsock_tls_accept_continue(p->conn));
			break;
		default:
			break;
	}
}

/* The stage's deadline passed. */
static void expire(fastsock_sock *server, pending *p)
{
	switch (p->stage) {
		case STAGE_PROXY:
			fastsock_proxy_expire(&p->proxy);
			drop(p);
			break;
		case STAGE_PROXY_LOCAL:
			/* The balancer's own connection, silent: served as a direct one. */
			after_proxy(server, p);
			break;
		case STAGE_TLS:
			fastsock_tls_accept_expire(p->conn);
			p->stage = STAGE_FAILED;
			break;
		default:
			break;
	}
}

/* ---- the pending set ---- */

static pending *entry_at(const fastsock_pipeline *pl, size_t i)
{
	return pl->set.slots[i];
}

static void sweep(fastsock_pipeline *pl)
{
	for (size_t i = pl->set.count; i-- > 0;) {
		pending *p = entry_at(pl, i);

		if (p->stage == STAGE_GONE) {
			fastsock_pending_set_remove(&pl->set, i);
			efree(p);
		}
	}
}

static void expire_late(fastsock_sock *server, fastsock_pipeline *pl)
{
	struct timespec t = now();

	for (size_t i = 0; i < pl->set.count; i++) {
		pending *p = entry_at(pl, i);

		if (is_waiting(p) && p->bounded && !before(&t, &p->deadline)) {
			expire(server, p);
		}
	}
}

static long first_done(const fastsock_pipeline *pl)
{
	for (size_t i = 0; i < pl->set.count; i++) {
		if (is_done(entry_at(pl, i))) {
			return (long) i;
		}
	}
	return -1;
}

/* Room for one more: in a full set the connection pending longest is
 * dropped; a set full of ready ones takes no more (the kernel's queue
 * keeps them). With evict false, only says whether there would be. */
static bool make_room(fastsock_pipeline *pl, bool evict)
{
	long oldest;

	if (pl->set.count < pl->set.limit) {
		return true;
	}
	oldest = fastsock_pending_set_oldest(&pl->set, is_waiting);
	if (oldest < 0) {
		return false;
	}
	if (evict) {
		pending *p = entry_at(pl, (size_t) oldest);

		drop(p);
		fastsock_pending_set_remove(&pl->set, (size_t) oldest);
		efree(p);
		FASTSOCK_G(counters).pending_dropped++;
	}
	return true;
}

/* ---- out of descriptors ---- */

static void start_rest(fastsock_pipeline *pl)
{
	pl->resting = true;
	pl->rest_until = after_ms(REST_MS);
	pl->closes_at_rest = FASTSOCK_G(descriptors_closed);
	FASTSOCK_G(counters).accept_backoffs++;
}

static bool resting(fastsock_pipeline *pl)
{
	if (pl->resting && (FASTSOCK_G(descriptors_closed) != pl->closes_at_rest || passed(&pl->rest_until))) {
		pl->resting = false;
	}
	return pl->resting;
}

void fastsock_pipeline_descriptor_closed(void)
{
	FASTSOCK_G(descriptors_closed)++;
}

static bool out_of_descriptors(int error)
{
	return error == EMFILE || error == ENFILE;
}

/* ---- kernel accept ---- */

/* A new connection enters the first stage it owes, and is stepped at once:
 * its header or ClientHello may be there already. */
static void enter(php_stream *stream, fastsock_sock *server, fastsock_pipeline *pl, int fd,
		const php_sockaddr_storage *sa, socklen_t sl)
{
	pending *p = ecalloc(1, sizeof(*p));

	p->conn = new_connection(stream, server, fd);
	memcpy(&p->peer, sa, sizeof(p->peer));
	p->peer_length = sl;
	p->watch = -1;
	p->ident = fastsock_select_pending_ident();
	p->context = stream->ctx;
	make_room(pl, true);
	fastsock_pending_set_add(&pl->set, p);
	if (fastsock_proxy_expected(server, (const struct sockaddr *) sa, sl)) {
		p->stage = STAGE_PROXY;
		p->bounded = true;
		p->deadline = after_ms(server->options.proxy_timeout * 1000LL);
		step_proxy(server, p);
	} else {
		after_proxy(server, p);
	}
}

/* Takes what the kernel has queued, without waiting. A failure other than
 * "nothing queued" is kept for the next accept to report. */
static void intake(php_stream *stream, fastsock_sock *server, fastsock_pipeline *pl)
{
	for (int i = 0; i < INTAKE_BATCH && !pl->accept_error && !resting(pl) && make_room(pl, false); i++) {
		/* Zeroed: an unnamed unix peer leaves sun_path unwritten. */
		php_sockaddr_storage sa = {0};
		socklen_t sl = sizeof(sa);
		int fd = accept4(server->net.socket, (struct sockaddr *) &sa, &sl, SOCK_CLOEXEC | SOCK_NONBLOCK);

		if (fd < 0) {
			if (!PHP_IS_TRANSIENT_ERROR(errno) && errno != EINTR) {
				pl->accept_error = errno;
				if (out_of_descriptors(errno)) {
					start_rest(pl);
				}
			}
			return;
		}
		enter(stream, server, pl, fd, &sa, sl);
	}
}

/* ---- hand-out ---- */

static int failed(php_stream_xport_param *xparam, int error)
{
	xparam->outputs.error_code = error;
	/* A timeout, a signal, or a connection another worker of a forked
	 * server took first, is no fault of the server's. */
	if (error != FASTSOCK_ACCEPT_TIMEOUT && error != EINTR && !PHP_IS_TRANSIENT_ERROR(error)) {
		FASTSOCK_G(counters).accept_errors++;
	}
	if (xparam->want_errortext) {
		xparam->outputs.error_text = php_socket_error_str(error);
	}
	return -1;
}

/* The connection becomes the script's stream, named as stock names it:
 * by the client a PROXY header named, else by its peer. */
static int hand_out(php_stream *stream, pending *p, php_stream_xport_param *xparam STREAMS_DC)
{
	fastsock_sock *conn = p->conn;
	php_stream *client;
	const struct sockaddr *peer;
	socklen_t sl = p->peer_length;

	p->conn = NULL;
	xparam->outputs.error_code = 0;
	client = fastsock_stream_alloc(conn STREAMS_REL_CC);
	if (!client) {
		close_connection(conn);
		return -1;
	}
	/* Held by its stream from now on (counted when it was made). */
	fastsock_graceful_stop_closed();
	fastsock_enable_direct_reads(client, conn);
	client->ctx = stream->ctx;
	if (client->ctx) {
		GC_ADDREF(client->ctx);
	}
	peer = fastsock_proxy_peer(conn, &sl);
	php_network_populate_name_from_sockaddr(peer ? (struct sockaddr *) peer : (struct sockaddr *) &p->peer, sl,
		xparam->want_textaddr ? &xparam->outputs.textaddr : NULL,
		xparam->want_addr ? &xparam->outputs.addr : NULL,
		xparam->want_addr ? &xparam->outputs.addrlen : NULL);
	xparam->outputs.client = client;
	FASTSOCK_G(counters).connections_accepted++;
	return 0;
}

/* A handshake that failed: stock's warnings, from this accept, and then
 * the error of an accept that worked: "Accept failed: Success". */
static int report_failure(pending *p, php_stream_xport_param *xparam)
{
	fastsock_tls_accept_report(p->conn);
	close_connection(p->conn);
	p->conn = NULL;
	xparam->outputs.error_code = 0;
	if (xparam->want_errortext) {
		xparam->outputs.error_text = php_socket_error_str(0);
	}
	return -1;
}

/* The oldest connection that is done leaves the set for the script. */
static int take_done(php_stream *stream, fastsock_sock *server, fastsock_pipeline *pl, long index,
		php_stream_xport_param *xparam STREAMS_DC)
{
	pending *p = entry_at(pl, (size_t) index);
	int result;

	fastsock_pending_set_remove(&pl->set, (size_t) index);
	if (p->stage == STAGE_FAILED) {
		result = report_failure(p, xparam);
		efree(p);
		return result;
	}
	/* Pending connections are non-blocking; the script's are blocking, as on stock. */
	if (php_set_sock_blocking(p->conn->net.socket, 1) != SUCCESS) {
		int error = errno;

		drop(p);
		efree(p);
		return failed(xparam, error);
	}
	result = hand_out(stream, p, xparam STREAMS_REL_CC);
	efree(p);
	return result;
}

/* ---- who owns the pending set ---- */

/* A forked process lets go of its copies of its parent's pending
 * connections: closing a copy neither sends nor ends anything, as the
 * parent still holds the connection. */
static void let_go(fastsock_pipeline *pl)
{
	for (size_t i = 0; i < pl->set.count; i++) {
		pending *p = entry_at(pl, i);

		drop(p);
		efree(p);
	}
	pl->set.count = 0;
	pl->accept_error = 0;
	pl->resting = false;
}

static fastsock_pipeline *owned(fastsock_sock *server)
{
	fastsock_pipeline *pl = server->pipeline;

	if (pl && pl->owner != fastsock_process_id()) {
		let_go(pl);
		pl->owner = fastsock_process_id();
	}
	return pl;
}

void fastsock_pipeline_attach(fastsock_sock *server)
{
	fastsock_pipeline *pl;

	if (!fastsock_kind_is_stream(server->kind)) {
		return;
	}
	pl = ecalloc(1, sizeof(*pl));
	pl->owner = fastsock_process_id();
	pl->staged = server->proxy_trust != NULL || fastsock_tls_enable_on_connect(server);
	/* Its intake must never block, whoever else (a forked worker) took
	 * the connection first; the script's blocking mode is kept in net. */
	if (pl->staged && php_set_sock_blocking(server->net.socket, 0) != SUCCESS) {
		pl->staged = false;
	}
	fastsock_pending_set_init(&pl->set,
		pl->staged ? safe_emalloc((size_t) server->options.pending_limit, sizeof(void *), 0) : NULL,
		pl->staged ? (size_t) server->options.pending_limit : 0);
	server->pipeline = pl;
}

void fastsock_pipeline_release(fastsock_sock *server)
{
	fastsock_pipeline *pl = server->pipeline;

	if (!pl) {
		return;
	}
	let_go(pl);
	if (pl->set.slots) {
		efree(pl->set.slots);
	}
	efree(pl);
	server->pipeline = NULL;
}

/* ---- stream_socket_accept() ---- */

/* Stock waits up to the accept timeout whatever the blocking mode. A
 * non-blocking server tries accept4() first, so a pending connection costs
 * one system call; a blocking one must poll first, or accept4() would
 * ignore the timeout. Returns the descriptor, or -1 with *error set. */
static int accept_within(fastsock_sock *server, struct timeval *timeout,
		php_sockaddr_storage *sa, socklen_t *sl, int *error)
{
	int fd = -1, ready;

	*sl = sizeof(*sa);
	if (!server->net.is_blocked) {
		fd = accept4(server->net.socket, (struct sockaddr *) sa, sl, SOCK_CLOEXEC);
		if (fd >= 0 || !PHP_IS_TRANSIENT_ERROR(errno)) {
			*error = fd >= 0 ? 0 : errno;
			return fd;
		}
	}

	ready = php_pollfd_for(server->net.socket, PHP_POLLREADABLE, timeout);
	if (ready == 0) {
		*error = FASTSOCK_ACCEPT_TIMEOUT;
		return -1;
	}
	if (ready < 0) {
		*error = php_socket_errno();
		return -1;
	}
	*sl = sizeof(*sa);
	fd = accept4(server->net.socket, (struct sockaddr *) sa, sl, SOCK_CLOEXEC);
	*error = fd >= 0 ? 0 : errno;
	return fd;
}

static struct timespec deadline_of(const struct timeval *timeout)
{
	return after_ms((long long) timeout->tv_sec * 1000 + (timeout->tv_usec + 999) / 1000);
}

/* A resting listener's accept first waits out the rest, within its own
 * timeout; false with *error set when the timeout or a signal ends it. */
static bool wait_rest(fastsock_pipeline *pl, const struct timeval *timeout, struct timeval *left, int *error)
{
	struct timespec deadline, end;
	int ms;

	if (timeout) {
		*left = *timeout;
	}
	if (!resting(pl)) {
		return true;
	}
	end = pl->rest_until;
	if (timeout) {
		deadline = deadline_of(timeout);
		if (before(&deadline, &end)) {
			end = deadline;
		}
	}
	ms = ms_until(&end);
	if (ms > 0 && poll(NULL, 0, ms) < 0) {
		*error = errno;
		return false;
	}
	if (timeout) {
		ms = ms_until(&deadline);
		if (ms == 0 && resting(pl)) {
			*error = FASTSOCK_ACCEPT_TIMEOUT;
			return false;
		}
		left->tv_sec = ms / 1000;
		left->tv_usec = (ms % 1000) * 1000;
	}
	pl->resting = false;
	return true;
}

/* A listener without stages: straight from the kernel to the script. */
static int accept_direct(php_stream *stream, fastsock_sock *server, fastsock_pipeline *pl,
		php_stream_xport_param *xparam STREAMS_DC)
{
	pending p = {0};
	struct timeval left, *timeout = xparam->inputs.timeout;
	int fd, error;

	if (pl && !wait_rest(pl, timeout, &left, &error)) {
		return failed(xparam, error);
	}
	if (pl && timeout) {
		timeout = &left;
	}
	fd = accept_within(server, timeout, &p.peer, &p.peer_length, &error);
	if (fd < 0) {
		if (pl && out_of_descriptors(error)) {
			start_rest(pl);
		}
		return failed(xparam, error);
	}
	p.conn = new_connection(stream, server, fd);
	return hand_out(stream, &p, xparam STREAMS_REL_CC);
}

/* The descriptors of one wait: the listener first (-1 while it rests, so
 * poll() skips it), then every connection in a stage. */
static size_t accept_pollfds(fastsock_sock *server, fastsock_pipeline *pl, struct pollfd *fds,
		struct timespec *wake)
{
	size_t n = 1;

	fds[0].fd = resting(pl) ? -1 : server->net.socket;
	fds[0].events = POLLIN;
	fds[0].revents = 0;
	if (pl->resting) {
		bring_forward(wake, &pl->rest_until);
	}
	for (size_t i = 0; i < pl->set.count; i++) {
		pending *p = entry_at(pl, i);

		p->watch = -1;
		if (is_waiting(p)) {
			fds[n].fd = p->conn->net.socket;
			fds[n].events = p->wants;
			fds[n].revents = 0;
			p->watch = (long) n++;
			if (p->bounded) {
				bring_forward(wake, &p->deadline);
			}
		}
	}
	return n;
}

/*
 * A listener with stages: the first connection that becomes ready within
 * the timeout, stepping every pending one meanwhile. A signal ends the
 * wait as it ends stock's (EINTR, "Accept failed: Interrupted system call").
 */
static int accept_staged(php_stream *stream, fastsock_sock *server, fastsock_pipeline *pl,
		php_stream_xport_param *xparam STREAMS_DC)
{
	struct timespec deadline = {0, 0};
	bool bounded = xparam->inputs.timeout != NULL, listener_readable = true;
	struct pollfd *fds = safe_emalloc(pl->set.limit + 1, sizeof(*fds), 0);
	int result;

	if (bounded) {
		deadline = deadline_of(xparam->inputs.timeout);
	}
	for (;;) {
		struct timespec wake = {0, 0};
		long done;
		size_t nfds;
		int wait_ms, ready;

		if (listener_readable) {
			intake(stream, server, pl);
		}
		/* What ran out while nobody drove the set is reported now. */
		expire_late(server, pl);
		sweep(pl);
		if ((done = first_done(pl)) >= 0) {
			result = take_done(stream, server, pl, done, xparam STREAMS_REL_CC);
			break;
		}
		if (pl->accept_error) {
			result = failed(xparam, pl->accept_error);
			pl->accept_error = 0;
			break;
		}
		if (bounded && passed(&deadline)) {
			result = failed(xparam, FASTSOCK_ACCEPT_TIMEOUT);
			break;
		}
		nfds = accept_pollfds(server, pl, fds, &wake);
		wait_ms = bounded ? ms_until(&deadline) : -1;
		if (wake.tv_sec != 0 || wake.tv_nsec != 0) {
			int wake_ms = ms_until(&wake);

			wait_ms = wait_ms < 0 || wake_ms < wait_ms ? wake_ms : wait_ms;
		}
		ready = poll(fds, nfds, wait_ms);
		if (ready < 0) {
			result = failed(xparam, errno);
			break;
		}
		/* A rest that ended during the wait: the kernel's queue is worth asking. */
		listener_readable = fds[0].revents != 0 || (fds[0].fd < 0 && !resting(pl));
		for (size_t i = 0; i < pl->set.count; i++) {
			pending *p = entry_at(pl, i);

			if (p->watch >= 0 && fds[p->watch].revents) {
				step(server, p);
			}
		}
	}
	efree(fds);
	return result;
}

int fastsock_accept(php_stream *stream, fastsock_sock *server, php_stream_xport_param *xparam STREAMS_DC)
{
	fastsock_pipeline *pl = owned(server);

	xparam->outputs.client = NULL;
	if (pl && pl->staged) {
		return accept_staged(stream, server, pl, xparam STREAMS_REL_CC);
	}
	return accept_direct(stream, server, pl, xparam STREAMS_REL_CC);
}

/* ---- stream_select() ---- */

bool fastsock_pipeline_staged(const fastsock_sock *server)
{
	return server->pipeline && server->pipeline->staged;
}

size_t fastsock_pipeline_room(const fastsock_sock *server)
{
	return server->pipeline ? server->pipeline->set.limit : 0;
}

zend_long fastsock_pipeline_pending(const fastsock_sock *server)
{
	const fastsock_pipeline *pl = server->pipeline;

	if (!pl || !pl->staged) {
		return -1;
	}
	/* A forked copy has not taken its parent's yet: they are not its. */
	return pl->owner == fastsock_process_id() ? (zend_long) pl->set.count : 0;
}

bool fastsock_pipeline_ready(fastsock_sock *server)
{
	fastsock_pipeline *pl = owned(server);

	return pl && (first_done(pl) >= 0 || pl->accept_error);
}

void fastsock_pipeline_watch(fastsock_sock *server, fastsock_pollset *set, struct timespec *wake)
{
	fastsock_pipeline *pl = owned(server);

	if (!pl) {
		return;
	}
	fastsock_pollset_ignore(set, server->net.socket, resting(pl));
	if (pl->resting) {
		bring_forward(wake, &pl->rest_until);
	}
	for (size_t i = 0; i < pl->set.count; i++) {
		pending *p = entry_at(pl, i);

		p->watch = -1;
		if (is_waiting(p)) {
			p->watch = fastsock_pollset_watch(set, p->conn->net.socket, p->wants, p->ident);
			if (p->bounded) {
				bring_forward(wake, &p->deadline);
			}
		}
	}
}

bool fastsock_pipeline_drive(php_stream *stream, fastsock_sock *server, fastsock_pollset *set,
		bool listener_readable)
{
	fastsock_pipeline *pl = owned(server);

	if (!pl) {
		return listener_readable;
	}
	fastsock_pollset_ignore(set, server->net.socket, false);
	if (!pl->staged) {
		return listener_readable;
	}
	for (size_t i = 0; i < pl->set.count; i++) {
		pending *p = entry_at(pl, i);

		if (p->watch >= 0 && fastsock_pollset_watch_revents(set, p->watch)) {
			step(server, p);
		}
		p->watch = -1;
	}
	if (listener_readable) {
		intake(stream, server, pl);
	}
	expire_late(server, pl);
	sweep(pl);
	return first_done(pl) >= 0 || pl->accept_error;
}
