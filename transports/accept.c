/*
 * accept4() with SOCK_CLOEXEC, and the connection's stream, which inherits
 * the server's context, timeout and options. The buffer sizes need no call
 * here (Linux copies the listener's to the accepted socket); TCP_NODELAY
 * is set per connection, since on the listener a script would see it.
 */
#include "php.h"
#include "php_network.h"
#include "php_fastsock.h"

#include <netinet/tcp.h>

#include "accept.h"
#include "context.h"
#include "tls.h"
#include "proxy.h"

#include <time.h>

/* What stock reports for an accept that timed out (main/network.c). */
#define FASTSOCK_ACCEPT_TIMEOUT ETIMEDOUT

static int accept_now(int server_fd, php_sockaddr_storage *sa, socklen_t *sl)
{
	*sl = sizeof(*sa);
	return accept4(server_fd, (struct sockaddr *) sa, sl, SOCK_CLOEXEC);
}

/* Stock waits up to the accept timeout whatever the blocking mode. A
 * non-blocking server tries accept4() first, so a pending connection costs
 * one system call; a blocking one must poll first, or accept4() would
 * ignore the timeout. Returns the descriptor, or -1 with *error set. */
static int accept_within(fastsock_sock *server, struct timeval *timeout,
		php_sockaddr_storage *sa, socklen_t *sl, int *error)
{
	int fd = -1, ready;

	if (!server->net.is_blocked) {
		fd = accept_now(server->net.socket, sa, sl);
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
	fd = accept_now(server->net.socket, sa, sl);
	*error = fd >= 0 ? 0 : errno;
	return fd;
}

static php_stream *connection_stream(php_stream *server_stream, fastsock_sock *server, int fd,
		struct fastsock_proxy_received *proxy STREAMS_DC)
{
	fastsock_sock *conn = emalloc(sizeof(*conn));
	php_stream *stream;

	*conn = *server;
	conn->net.socket = fd;
	/* O_NONBLOCK is not inherited on Linux. */
	conn->net.is_blocked = 1;
	conn->role = FASTSOCK_CONNECTION;
	conn->listening = false;
	conn->data_expected = false;
	conn->direct_reads = false;
	conn->proxy_trust = NULL;
	conn->proxy = proxy;
	fastsock_tls_connection_init(conn);

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

	stream = fastsock_stream_alloc(conn STREAMS_REL_CC);
	if (!stream) {
		fastsock_tls_close(conn, false);
		fastsock_proxy_release(conn);
		efree(conn);
		return NULL;
	}
	fastsock_enable_direct_reads(stream, conn);
	stream->ctx = server_stream->ctx;
	if (stream->ctx) {
		GC_ADDREF(stream->ctx);
	}
	return stream;
}

static struct timeval elapsed_since(const struct timespec *start)
{
	struct timespec now;
	struct timeval spent = {0, 0};

	if (clock_gettime(CLOCK_MONOTONIC, &now) == 0) {
		long long us = (long long) (now.tv_sec - start->tv_sec) * 1000000
			+ (now.tv_nsec - start->tv_nsec) / 1000;

		spent.tv_sec = us / 1000000;
		spent.tv_usec = us % 1000000;
	}
	return spent;
}

/*
 * After a dropped PROXY peer, accept goes on as if it had never come: it
 * waits for the next connection for what is left of its timeout (without
 * limit when it is infinite). A select-driven script asked only because
 * a connection was pending, so there the wait is cut to proxy_timeout
 * from the call's start, and the others it serves wait no longer.
 */
static struct timeval *wait_left(const fastsock_sock *server, bool select_driven,
		const struct timeval *timeout, const struct timespec *start, struct timeval *left)
{
	struct timeval spent = elapsed_since(start), limit;

	if (select_driven && (!timeout || timeout->tv_sec >= server->options.proxy_timeout)) {
		limit.tv_sec = server->options.proxy_timeout;
		limit.tv_usec = 0;
	} else if (timeout) {
		limit = *timeout;
	} else {
		return NULL;
	}
	if (timercmp(&spent, &limit, >=)) {
		timerclear(left);
	} else {
		timersub(&limit, &spent, left);
	}
	return left;
}

/* accept_within(), dropping connections from trusted sources that send no
 * valid PROXY header; *proxy is the accepted one's header, if any. */
static int accept_proxied(fastsock_sock *server, struct timeval *timeout, php_sockaddr_storage *sa,
		socklen_t *sl, int *error, struct fastsock_proxy_received **proxy)
{
	bool select_driven = server->data_expected;
	struct timespec start = {0, 0};
	struct timeval left, *wait = timeout;

	server->data_expected = false;
	if (server->proxy_trust && clock_gettime(CLOCK_MONOTONIC, &start) != 0) {
		*error = errno;
		return -1;
	}
	for (;;) {
		int fd = accept_within(server, wait, sa, sl, error);

		if (fd < 0 || !fastsock_proxy_expected(server, (struct sockaddr *) sa, *sl)
				|| fastsock_proxy_receive(server, fd, proxy)) {
			return fd;
		}
		closesocket(fd);
		memset(sa, 0, sizeof(*sa));
		wait = wait_left(server, select_driven, timeout, &start, &left);
	}
}

int fastsock_accept(php_stream *stream, fastsock_sock *server, php_stream_xport_param *xparam STREAMS_DC)
{
	/* Zeroed: an unnamed unix peer leaves sun_path unwritten, and stock
	 * would read whatever the stack held there. */
	php_sockaddr_storage sa = {0};
	socklen_t sl;
	int fd, error;
	struct fastsock_proxy_received *proxy = NULL;
	const struct sockaddr *peer;

	xparam->outputs.client = NULL;

	fd = accept_proxied(server, xparam->inputs.timeout, &sa, &sl, &error, &proxy);
	xparam->outputs.error_code = error;
	if (fd < 0) {
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

	xparam->outputs.client = connection_stream(stream, server, fd, proxy STREAMS_REL_CC);
	if (!xparam->outputs.client) {
		closesocket(fd);
		return -1;
	}
	/* The client a PROXY header named, else the peer. */
	peer = fastsock_proxy_peer(fastsock_sock_from_stream(xparam->outputs.client), &sl);
	php_network_populate_name_from_sockaddr(peer ? (struct sockaddr *) peer : (struct sockaddr *) &sa, sl,
		xparam->want_textaddr ? &xparam->outputs.textaddr : NULL,
		xparam->want_addr ? &xparam->outputs.addr : NULL,
		xparam->want_addr ? &xparam->outputs.addrlen : NULL);

	if (fastsock_tls_enable_on_connect(server)
			&& !fastsock_tls_accept_handshake(server, xparam->outputs.client)) {
		/* Stock's accept then fails with the error of an accept that
		 * worked: "Accept failed: Success". */
		php_stream_close(xparam->outputs.client);
		xparam->outputs.client = NULL;
		if (xparam->want_errortext) {
			xparam->outputs.error_text = php_socket_error_str(0);
		}
		return -1;
	}
	FASTSOCK_G(counters).connections_accepted++;
	return 0;
}
