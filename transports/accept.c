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

static php_stream *connection_stream(php_stream *server_stream, fastsock_sock *server, int fd STREAMS_DC)
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

int fastsock_accept(php_stream *stream, fastsock_sock *server, php_stream_xport_param *xparam STREAMS_DC)
{
	/* Zeroed: an unnamed unix peer leaves sun_path unwritten, and stock
	 * would read whatever the stack held there. */
	php_sockaddr_storage sa = {0};
	socklen_t sl;
	int fd, error;

	xparam->outputs.client = NULL;

	fd = accept_within(server, xparam->inputs.timeout, &sa, &sl, &error);
	xparam->outputs.error_code = error;
	if (fd < 0) {
		/* A timeout or a signal is no fault of the server's. */
		if (error != FASTSOCK_ACCEPT_TIMEOUT && error != EINTR) {
			FASTSOCK_G(counters).accept_errors++;
		}
		if (xparam->want_errortext) {
			xparam->outputs.error_text = php_socket_error_str(error);
		}
		return -1;
	}

	php_network_populate_name_from_sockaddr((struct sockaddr *) &sa, sl,
		xparam->want_textaddr ? &xparam->outputs.textaddr : NULL,
		xparam->want_addr ? &xparam->outputs.addr : NULL,
		xparam->want_addr ? &xparam->outputs.addrlen : NULL);

	xparam->outputs.client = connection_stream(stream, server, fd STREAMS_REL_CC);
	if (!xparam->outputs.client) {
		closesocket(fd);
		return -1;
	}
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
