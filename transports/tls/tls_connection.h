/*
 * One connection's TLS state, shared by the files of transports/tls/: the
 * handshake (tls_handshake.c), the stream ops that run once it finished
 * (tls_ops.c), the renegotiation limiter (tls_reneg.c) and the verify
 * callback (tls_verify.c), which finds it through the SSL handle.
 */
#ifndef FASTSOCK_TLS_CONNECTION_H
#define FASTSOCK_TLS_CONNECTION_H

#include "php.h"
#include "php_network.h"

#include <openssl/ssl.h>

#include "socket.h"
#include "tls.h"
#include "tls_context.h"
#include "tls_warnings.h"

/* Client-initiated renegotiations, as a leaky bucket (stock's rule). */
typedef struct fastsock_tls_reneg {
	bool on;
	zend_long prev_handshake;
	zend_long limit;
	zend_long window;
	float tokens;
	bool should_close;
} fastsock_tls_reneg;

struct fastsock_tls {
	SSL *ssl;
	fastsock_tls_ctx *tctx;
	/* The connection's stream, once it has one: an accepted connection
	 * handshakes before its stream exists. */
	php_stream *stream;
	/* Until then, the `ssl` options come from the listener's context,
	 * held here (a reference to the resource). */
	zend_resource *pending_context;
	bool active;
	bool state_set;
	/* The stream's blocking mode before the handshake made it non-blocking. */
	bool began_blocked;
	fastsock_tls_reneg reneg;
	/* The accept handshake: when it must be over, and what it will report
	 * if it fails. */
	struct timespec deadline;
	bool has_deadline;
	bool failed;
	fastsock_tls_warnings warnings;
};

/* The context whose `ssl` options apply to the connection now. */
php_stream_context *fastsock_tls_options_context(const struct fastsock_tls *tls);

/* "TLSv1.3" ... as stock names the protocol. */
const char *fastsock_tls_protocol_name(const SSL *ssl);

/* The connection behind an SSL handle fastsock made. */
fastsock_sock *fastsock_tls_sock_of(const SSL *ssl);

#endif
