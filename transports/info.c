#include "php.h"

#include <netinet/tcp.h>

#include "info.h"
#include "sockopt.h"
#include "tls.h"
#include "proxy.h"
#include "activation.h"
#include "pipeline.h"

static const char *role_name(const fastsock_sock *sock)
{
	switch (sock->role) {
		case FASTSOCK_SERVER: return "server";
		case FASTSOCK_CONNECTION: return "connection";
		default: return "unbound";
	}
}

static void add_granted(zval *kernel, const char *key, int fd, int level, int option)
{
	int value;

	if (fastsock_sockopt_get(fd, level, option, &value)) {
		add_assoc_long(kernel, key, value);
	} else {
		add_assoc_null(kernel, key);
	}
}

/* Read back from the kernel, so that a setting it capped or refused shows. */
static void describe_kernel(const fastsock_sock *sock, zval *out)
{
	int fd = sock->net.socket;
	zval kernel;

	array_init(&kernel);
	add_granted(&kernel, "so_rcvbuf", fd, SOL_SOCKET, SO_RCVBUF);
	add_granted(&kernel, "so_sndbuf", fd, SOL_SOCKET, SO_SNDBUF);
	if (!fastsock_kind_is_unix(sock->kind)) {
		add_granted(&kernel, "so_reuseport", fd, SOL_SOCKET, SO_REUSEPORT);
	}
	if (sock->kind == FASTSOCK_TCP) {
		add_granted(&kernel, "tcp_nodelay", fd, IPPROTO_TCP, TCP_NODELAY);
	}
	add_granted(&kernel, "so_acceptconn", fd, SOL_SOCKET, SO_ACCEPTCONN);
	add_assoc_zval(out, "kernel", &kernel);
}

void fastsock_info_describe(php_stream *stream, fastsock_sock *sock, zval *out)
{
	const fastsock_options *o = &sock->options;

	array_init(out);
	add_assoc_string(out, "transport", (char *) fastsock_kind_name(sock->kind));
	add_assoc_string(out, "role", (char *) role_name(sock));
	add_assoc_bool(out, "listening", sock->listening);
	add_assoc_long(out, "backlog", o->backlog);
	add_assoc_long(out, "rcvbuf", o->rcvbuf);
	add_assoc_long(out, "sndbuf", o->sndbuf);
	add_assoc_long(out, "udp_rcvbuf", o->udp_rcvbuf);
	add_assoc_long(out, "chunk_size", o->chunk_size);
	add_assoc_bool(out, "tcp_nodelay", o->tcp_nodelay);
	add_assoc_bool(out, "reuseport", o->reuseport);
	if (o->mode >= 0) {
		add_assoc_long(out, "mode", o->mode);
	} else {
		add_assoc_null(out, "mode");
	}
	add_assoc_long(out, "pending_limit", o->pending_limit);
	if (fastsock_pipeline_pending(sock) >= 0) {
		add_assoc_long(out, "pending", fastsock_pipeline_pending(sock));
	} else {
		add_assoc_null(out, "pending");
	}
	if (sock->net.socket != -1) {
		describe_kernel(sock, out);
	}
	fastsock_activation_describe(sock, out);
	fastsock_proxy_describe(sock, out);
	fastsock_tls_describe(sock, out);
}
