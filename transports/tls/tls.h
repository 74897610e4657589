/*
 * TLS on fastsock's tcp streams, as one component (transports/tls/):
 * the handshake of ssl://, tls:// and tlsv1.x:// servers, driven step by
 * step without blocking or in one blocking call, stream_socket_enable_crypto()
 * on an accepted connection, and the stream ops of a connection whose TLS
 * is active. What a script can observe is stock PHP's (ext/openssl/xp_ssl.c);
 * the SSL_CTX behind it is shared (tls_cache.c).
 *
 *   tls.c             this interface: startup, the transports, info
 *   tls_handshake.c   a connection's TLS state, setup and handshake
 *   tls_ops.c         the stream ops table of an active connection
 *   tls_wait.c        the one deadline loop
 *   tls_errors.c      the one reading of OpenSSL results
 *   tls_warnings.c    warnings held back during a step, replayed later
 *   tls_reneg.c       the renegotiation limiter
 *   tls_context.c     an SSL_CTX built from the `ssl` options
 *   tls_cache.c       contexts kept by fingerprint
 *   tls_verify.c      peer verification and capture
 *   tls_tickets_report.c  the session ticket keys' Zend side (lib/tls_tickets.c)
 *   tls_none.c        all of the above when built without OpenSSL 3
 */
#ifndef FASTSOCK_TLS_H
#define FASTSOCK_TLS_H

#include "php.h"
#include "php_network.h"

#include <time.h>

#include "socket.h"

/* MINIT: whether fastsock can serve TLS in this process; says why not once. */
void fastsock_tls_startup(void);
void fastsock_tls_shutdown(void);
/* Built with OpenSSL, the same libssl as PHP's, ext/openssl loaded, and
 * fastsock.tls on. */
bool fastsock_tls_serves(void);
/* The OpenSSL fastsock runs with, for phpinfo(); NULL without TLS. */
const char *fastsock_tls_library(void);
/* Where the session ticket keys come from, who shares them and whether
 * core dumps may hold them, for phpinfo(): "none" without TLS. Never a key
 * byte. */
void fastsock_tls_ticket_keys_info(char *buf, size_t len);

/* A tcp listener's TLS settings (enable_on_connect: ssl://, tls://,
 * tlsv1.x://, whose accept runs the handshake with method); none while
 * fastsock does not serve TLS. */
void fastsock_tls_server_attach(fastsock_sock *sock, bool enable_on_connect, int method);
/* An accepted connection shares its listener's; its own TLS starts empty. */
void fastsock_tls_connection_init(fastsock_sock *conn);
bool fastsock_tls_enable_on_connect(const fastsock_sock *listener);

/* The factory of fast+ssl, fast+tls and fast+tlsv1.0 ... fast+tlsv1.3. */
php_stream *fastsock_tls_transport_factory(const char *proto, size_t protolen,
		const char *resourcename, size_t resourcenamelen,
		const char *persistent_id, int options, int flags,
		struct timeval *timeout,
		php_stream_context *context STREAMS_DC);

/* PHP_STREAM_OPTION_CRYPTO_API on a fastsock tcp stream. */
int fastsock_tls_crypto_api(php_stream *stream, fastsock_sock *sock, php_stream_xport_crypto_param *cparam);

bool fastsock_tls_active(const fastsock_sock *sock);
/* The ops of a stream whose TLS is active (tls_ops.c): its own table, as
 * xp_ssl.c has; NULL when built without TLS. */
const php_stream_ops *fastsock_tls_ops(void);
/* A connection whose handshake finished gets its stream: the stream takes
 * TLS's ops and reads as stock's TLS streams read (PHP's buffer). */
void fastsock_tls_stream_attach(php_stream *stream, fastsock_sock *sock);
/* Close: TLS shutdown when active, then the connection's TLS state and its
 * share of the listener's. Safe to call more than once. */
void fastsock_tls_close(fastsock_sock *sock, bool close_handle);

/*
 * The server handshake of an accepted connection of an ssl://, tls:// or
 * tlsv1.x:// listener, step by step. The connection may have no stream yet
 * (a bare fastsock_sock, as the accept pipeline keeps it): everything the
 * handshake reads comes from the listener's context, held by the
 * connection. No step blocks or warns: the warnings stock would give
 * (setup errors, "SSL operation failed with code ...", verification,
 * "SSL: Handshake timed out") are recorded on the connection and issued by
 * fastsock_tls_accept_report(), from the stream_socket_accept() call that
 * stock would have warned in.
 *
 *   step = fastsock_tls_accept_start(listener, conn, listener_stream->ctx);
 *   while step is WANT_READ or WANT_WRITE:
 *       wait for the descriptor as asked, until fastsock_tls_accept_deadline();
 *       deadline passed: fastsock_tls_accept_expire(conn); step = FAILED; break
 *       step = fastsock_tls_accept_continue(conn);
 *   DONE:   make the stream (fastsock_stream_alloc(), which attaches TLS)
 *   FAILED: fastsock_tls_accept_report(conn) in stream_socket_accept(),
 *           which then fails as stock's ("Accept failed: Success")
 *
 * After DONE the descriptor is blocking again and the connection is what
 * stock's accept returns (crypto metadata, tls counters, timeouts); the
 * warnings a finished setup gave (rsa_key_size, security_level -1) are
 * issued when fastsock_stream_alloc() attaches the stream. The OpenSSL
 * handle points at conn: it must stay at its address from start to close.
 */
typedef enum fastsock_tls_step {
	FASTSOCK_TLS_DONE,
	FASTSOCK_TLS_WANT_READ,
	FASTSOCK_TLS_WANT_WRITE,
	FASTSOCK_TLS_FAILED,
} fastsock_tls_step;

/* Sets up the server side from the listener's shared context (built or
 * reused from its cache, with the options of listener_context: the
 * listener stream's ->ctx, may be NULL, referenced until the connection
 * closes) and tries the handshake a first time; starts its clock. */
fastsock_tls_step fastsock_tls_accept_start(fastsock_sock *listener, fastsock_sock *conn,
		zend_resource *listener_context);
/* One more try, when the descriptor is ready as the last step asked. */
fastsock_tls_step fastsock_tls_accept_continue(fastsock_sock *conn);
/* When the handshake must be over, on CLOCK_MONOTONIC (lib/clock.h): the
 * stream's timeout capped by fastsock.tls_handshake_timeout (or the
 * server's tls_handshake_timeout), from the start. tv_sec is -1 when it
 * has none (timeout -1 or 0 and no cap: stock then waits without limit). */
struct timespec fastsock_tls_accept_deadline(const fastsock_sock *conn);
/* Records what stock reports for a handshake that timed out. */
void fastsock_tls_accept_expire(fastsock_sock *conn);
/* Issues the failure's warnings as stock's stream_socket_accept() would
 * have (text, order, the calling function's name), then "Failed to enable
 * crypto"; counts it and frees the connection's TLS state (its share of
 * the listener's goes with fastsock_tls_close()). */
void fastsock_tls_accept_report(fastsock_sock *conn);

/* The blocking accept of today: the steps above driven in one loop on the
 * client's stream; false after stock's warnings (the caller closes it). */
bool fastsock_tls_accept_handshake(fastsock_sock *listener, php_stream *client);

/* fastsock_info()'s `tls` entry. */
void fastsock_tls_describe(fastsock_sock *sock, zval *out);

#endif
