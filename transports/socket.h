/*
 * fastsock's socket streams: one per listening server and one per accepted
 * connection, for tcp, udp, unix and udg.
 */
#ifndef FASTSOCK_SOCKET_H
#define FASTSOCK_SOCKET_H

#include "php.h"
#include "php_network.h"

#include "options.h"

typedef enum fastsock_kind {
	FASTSOCK_TCP,
	FASTSOCK_UDP,
	FASTSOCK_UNIX,
	FASTSOCK_UDG,
} fastsock_kind;

typedef enum fastsock_role {
	FASTSOCK_UNBOUND,     /* made by the factory, not yet bound */
	FASTSOCK_SERVER,      /* bound (and for stream kinds listening) */
	FASTSOCK_CONNECTION,  /* accepted */
} fastsock_role;

typedef struct fastsock_sock {
	/* First, so that code reading a socket stream's abstract as the stock
	 * php_netstream_data_t finds the descriptor, blocking mode and timeout. */
	php_netstream_data_t net;
	fastsock_kind kind;
	fastsock_role role;
	fastsock_options options;
	bool listening;
	/* A server that adopted a socket passed by socket activation: 1 + its
	 * index among them (0: bound here), and what it asked for that the
	 * socket's owner had set already (FASTSOCK_NOT_APPLIED_*). */
	int inherited;
	unsigned not_applied;
	/* Data is probably waiting (stream_select() said so, or the last read
	 * filled its buffer): the next blocking read tries recv() before poll().
	 */
	bool data_expected;
	/* fastsock turned off PHP's read buffer so that an fread() larger than
	 * the stream's chunk reaches recv() with its own size; reads smaller
	 * than a chunk still go through the buffer, as on stock. Off for good
	 * once the script sets the chunk size or the read buffer itself. */
	bool direct_reads;
	/* TCP only. The listener's TLS settings and context cache, shared with
	 * its connections; a connection's TLS state once crypto is set up. */
	struct fastsock_tls_server *tls_server;
	struct fastsock_tls *tls;
	/* A server's sources trusted to send PROXY headers (proxy_protocol on);
	 * a connection's header, once read. */
	struct fastsock_proxy_trust *proxy_trust;
	struct fastsock_proxy_received *proxy;
	/* A stream listener's new connections on their way to the script
	 * (pipeline.c). */
	struct fastsock_pipeline *pipeline;
} fastsock_sock;

/* The factory PHP has registered under the kind's stock name (ext/openssl's
 * for tcp), or PHP's generic socket factory when there is none. */
php_stream_transport_factory fastsock_stock_factory(fastsock_kind kind);
/* The same for a transport name (ssl, tls, ...); NULL when none. */
php_stream_transport_factory fastsock_stock_factory_named(const char *name);

/* At install: learns which labels the stock transports give their streams. */
void fastsock_socket_startup(void);

php_stream *fastsock_transport_factory(const char *proto, size_t protolen,
		const char *resourcename, size_t resourcenamelen,
		const char *persistent_id, int options, int flags,
		struct timeval *timeout,
		php_stream_context *context STREAMS_DC);

/* The plain ops of a kind; TLS's ops hand what they do not change to these. */
const php_stream_ops *fastsock_socket_ops(fastsock_kind kind);

/* The stream's fastsock data, or NULL for any other stream. */
fastsock_sock *fastsock_sock_from_stream(php_stream *stream);

/* The cast of fastsock's socket streams without TLS: for select() it
 * hands out net.socket and does nothing else. */
extern int (*const fastsock_plain_socket_cast)(php_stream *stream, int castas, void **ret);

/* The stream of a socket; a connection whose TLS handshake finished gets
 * TLS's ops. */
php_stream *fastsock_stream_alloc(fastsock_sock *sock STREAMS_DC);

/* An accepted connection's stream: fread() beyond the stream's chunk size
 * returns up to options.chunk_size at once. */
void fastsock_enable_direct_reads(php_stream *stream, fastsock_sock *sock);

/* stream_select() found the stream readable; any other stream is ignored. */
void fastsock_expect_data(php_stream *stream);

/* Closes a descriptor fastsock owns. stream_select()'s interest set
 * forgets it first (a stream closed during a call must fail its wait with
 * EBADF, as stock's select() does), and a listener resting for want of
 * descriptors may try again. */
void fastsock_close_descriptor(php_socket_t fd);

bool fastsock_kind_is_stream(fastsock_kind kind);
bool fastsock_kind_is_unix(fastsock_kind kind);
const char *fastsock_kind_name(fastsock_kind kind);

#endif
