/*
 * Bind and listen, or adopt the socket a parent passed for the address
 * (socket activation). Options are resolved once, at bind, from the ini
 * and the server's context; the buffers are set before listen() so that
 * the accepted sockets inherit them.
 */
#include "php.h"
#include "php_network.h"
#include "php_fastsock.h"

#include "listen.h"
#include "pipeline.h"
#include "select.h"
#include "address.h"
#include "context.h"
#include "sockopt.h"
#include "unix_path.h"
#include "proxy.h"
#include "activation.h"
#include "listen_fds.h"

/* Set on the listener, these reach every accepted socket without a system
 * call per connection: Linux copies them at accept. */
static void set_inherited_options(fastsock_sock *sock)
{
	int fd = sock->net.socket;
	long rcvbuf = fastsock_kind_is_stream(sock->kind) ? sock->options.rcvbuf : sock->options.udp_rcvbuf;

	if (rcvbuf > 0) {
		fastsock_sockopt_set(fd, SOL_SOCKET, SO_RCVBUF, "SO_RCVBUF", (int) rcvbuf);
	}
	if (sock->options.sndbuf > 0) {
		fastsock_sockopt_set(fd, SOL_SOCKET, SO_SNDBUF, "SO_SNDBUF", (int) sock->options.sndbuf);
	}
}

static long ip_sockopts(php_stream *stream, fastsock_sock *sock)
{
	php_stream_context *context = PHP_STREAM_CONTEXT(stream);
	long sockopts = STREAM_SOCKOP_NONE;
	zval *value;

	if (context && (value = php_stream_context_get_option(context, "socket", "ipv6_v6only")) != NULL
			&& Z_TYPE_P(value) != IS_NULL) {
		sockopts |= STREAM_SOCKOP_IPV6_V6ONLY;
		sockopts |= STREAM_SOCKOP_IPV6_V6ONLY_ENABLED * zend_is_true(value);
	}
	if (sock->options.reuseport) {
		sockopts |= STREAM_SOCKOP_SO_REUSEPORT;
	}
	if (sock->kind == FASTSOCK_UDP && context
			&& (value = php_stream_context_get_option(context, "socket", "so_broadcast")) != NULL
			&& zend_is_true(value)) {
		sockopts |= STREAM_SOCKOP_SO_BROADCAST;
	}
	return sockopts;
}

/* The socket a parent passed for this address, when there is one. What the
 * server asked for that only its binder could set is noted for
 * fastsock_info(); so_broadcast is the socket's own and is set here. */
static bool adopt_ip(php_stream *stream, fastsock_sock *sock, const char *host, int port)
{
	int type = sock->kind == FASTSOCK_UDP ? SOCK_DGRAM : SOCK_STREAM;
	struct sockaddr_storage want;
	socklen_t wantlen;
	long sockopts;

	if (!fastsock_activation_pending() || !fastsock_listen_address(host, port, type, &want, &wantlen)
			|| !fastsock_activation_adopt(sock, (struct sockaddr *) &want, wantlen)) {
		return false;
	}
	sockopts = ip_sockopts(stream, sock);
	if (sockopts & STREAM_SOCKOP_SO_REUSEPORT) {
		sock->not_applied |= FASTSOCK_NOT_APPLIED_REUSEPORT;
	}
	if (sockopts & STREAM_SOCKOP_IPV6_V6ONLY) {
		sock->not_applied |= FASTSOCK_NOT_APPLIED_IPV6_V6ONLY;
	}
	if (sockopts & STREAM_SOCKOP_SO_BROADCAST) {
		fastsock_sockopt_set(sock->net.socket, SOL_SOCKET, SO_BROADCAST, "SO_BROADCAST", 1);
	}
	return true;
}

static int bind_ip(php_stream *stream, fastsock_sock *sock, php_stream_xport_param *xparam)
{
	zend_string **err = xparam->want_errortext ? &xparam->outputs.error_text : NULL;
	int port, error_code;
	char *host;

	host = fastsock_parse_ip_address(xparam->inputs.name, xparam->inputs.namelen, &port,
		xparam->want_errortext, &xparam->outputs.error_text);
	if (!host) {
		return -1;
	}
	if (!adopt_ip(stream, sock, host, port)) {
		sock->net.socket = php_network_bind_socket_to_local_addr(host, port,
			sock->kind == FASTSOCK_UDP ? SOCK_DGRAM : SOCK_STREAM,
			ip_sockopts(stream, sock), err, &error_code);
	}
	efree(host);
	return sock->net.socket == -1 ? -1 : 0;
}

/* bind() creating the file with mode, and when a crashed server's socket
 * file of our own user is in the way, bind() again after removing it.
 * Another server may bind the path between the two calls; then the second
 * bind() fails as stock's would. */
static int bind_replacing_stale(int fd, const struct sockaddr_un *addr, socklen_t addrlen, long mode)
{
	int removed;

	if (fastsock_unix_bind(fd, addr, addrlen, mode) == 0) {
		return 0;
	}
	if (errno != EADDRINUSE) {
		return -1;
	}
	removed = fastsock_unix_remove_stale(addr->sun_path);
	if (removed < 0) {
		php_error_docref(NULL, E_WARNING,
			"fastsock: could not remove the stale socket file \"%s\": %s", addr->sun_path, strerror(errno));
	}
	if (removed <= 0) {
		errno = EADDRINUSE;
		return -1;
	}
	return fastsock_unix_bind(fd, addr, addrlen, mode);
}

static int bind_unix(fastsock_sock *sock, php_stream_xport_param *xparam)
{
	int socktype = sock->kind == FASTSOCK_UNIX ? SOCK_STREAM : SOCK_DGRAM;
	struct sockaddr_un addr;
	socklen_t addrlen;

	addrlen = fastsock_unix_address(xparam->inputs.name, xparam->inputs.namelen, &addr);
	if (fastsock_activation_pending() && fastsock_activation_adopt(sock, (struct sockaddr *) &addr, addrlen)) {
		if (sock->options.mode >= 0) {
			sock->not_applied |= FASTSOCK_NOT_APPLIED_MODE;
		}
		return 0;
	}

	sock->net.socket = socket(PF_UNIX, socktype, 0);
	if (sock->net.socket == -1) {
		if (xparam->want_errortext) {
			xparam->outputs.error_text = strpprintf(0, "Failed to create unix%s socket %s",
				sock->kind == FASTSOCK_UNIX ? "" : "datagram", strerror(errno));
		}
		return -1;
	}

	/* The file is created with its mode: a chmod() after bind() would
	 * follow whatever another user put at the path by then. */
	if (bind_replacing_stale(sock->net.socket, &addr, addrlen, sock->options.mode) != 0) {
		/* Stock reports no text here: the script sees "Unknown error". */
		return -1;
	}
	return 0;
}

int fastsock_bind(php_stream *stream, fastsock_sock *sock, php_stream_xport_param *xparam)
{
	int rc;

	fastsock_options_resolve(PHP_STREAM_CONTEXT(stream), sock->kind, &sock->options);

	rc = fastsock_kind_is_unix(sock->kind) ? bind_unix(sock, xparam) : bind_ip(stream, sock, xparam);
	if (rc != 0) {
		return rc;
	}
	set_inherited_options(sock);
	fastsock_proxy_server_setup(PHP_STREAM_CONTEXT(stream), sock);
	sock->role = FASTSOCK_SERVER;
	FASTSOCK_G(counters).servers_created++;
	if (!fastsock_kind_is_stream(sock->kind)) {
		fastsock_activation_server_ready();
	}
	return 0;
}

int fastsock_listen(php_stream *stream, fastsock_sock *sock, int stock_backlog)
{
	php_stream_context *context = PHP_STREAM_CONTEXT(stream);

	/* The transport layer passes 32 unless the socket context set a backlog,
	 * which it has converted already (with stock's warning, once): that one
	 * wins over fastsock's. */
	if (sock->role != FASTSOCK_SERVER
			|| (context && php_stream_context_get_option(context, "socket", "backlog"))) {
		sock->options.backlog = stock_backlog;
	}
	/* An adopted stream socket listens already, with the backlog its
	 * binder gave it: a second listen() would change it for every process
	 * that shares the socket. */
	if (sock->inherited && fastsock_kind_is_stream(sock->kind)) {
		sock->not_applied |= FASTSOCK_NOT_APPLIED_BACKLOG;
	} else if (listen(sock->net.socket, (int) sock->options.backlog) != 0) {
		return -1;
	}
	sock->listening = true;
	if (sock->role == FASTSOCK_SERVER) {
		fastsock_activation_server_ready();
	}
	if (!sock->pipeline) {
		fastsock_pipeline_attach(sock);
		if (sock->pipeline) {
			fastsock_select_listener_opened(stream);
		}
	}
	return 0;
}
