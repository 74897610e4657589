/*
 * TLS on fastsock's tcp streams: stream_socket_enable_crypto() on an
 * accepted connection, and the handshake of ssl://, tls:// and tlsv1.x://
 * servers in accept. What a script can observe is stock PHP's
 * (ext/openssl/xp_ssl.c); the context behind it is shared (tls_cache.c).
 */
#ifndef FASTSOCK_TLS_H
#define FASTSOCK_TLS_H

#include "php.h"
#include "php_network.h"

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
ssize_t fastsock_tls_read(php_stream *stream, fastsock_sock *sock, char *buf, size_t count);
ssize_t fastsock_tls_write(php_stream *stream, fastsock_sock *sock, const char *buf, size_t count);
int fastsock_tls_cast(php_stream *stream, fastsock_sock *sock, int castas, void **ret);
int fastsock_tls_check_liveness(php_stream *stream, fastsock_sock *sock, int value);
/* The `crypto` entry, which stock puts first. */
void fastsock_tls_metadata(fastsock_sock *sock, zval *meta);
/* Close: TLS shutdown when active, then the connection's TLS state. */
void fastsock_tls_close(fastsock_sock *sock, bool close_handle);

/* ssl://, tls://, tlsv1.x:// accept: the handshake on the new connection;
 * false after stock's warnings, the connection closed. */
bool fastsock_tls_accept_handshake(fastsock_sock *listener, php_stream *client);

/* fastsock_info()'s `tls` entry. */
void fastsock_tls_describe(fastsock_sock *sock, zval *out);

#endif
