/*
 * fastsock built without OpenSSL 3: TLS servers stay on PHP's own code, and
 * an accepted tcp connection asked for crypto becomes the stream stock
 * would have made (crypto_handover.c).
 */
#include "php.h"
#include "php_network.h"

#include "tls.h"
#include "crypto_handover.h"

void fastsock_tls_startup(void)
{
	php_error(E_NOTICE, "fastsock: built without OpenSSL 3, TLS servers stay on PHP's own code");
}

void fastsock_tls_shutdown(void)
{
}

bool fastsock_tls_serves(void)
{
	return false;
}

const char *fastsock_tls_library(void)
{
	return NULL;
}

void fastsock_tls_ticket_keys_info(char *buf, size_t len)
{
	snprintf(buf, len, "none");
}

void fastsock_tls_server_attach(fastsock_sock *sock, bool enable_on_connect, int method)
{
}

void fastsock_tls_connection_init(fastsock_sock *conn)
{
	conn->tls = NULL;
	conn->tls_server = NULL;
}

bool fastsock_tls_enable_on_connect(const fastsock_sock *listener)
{
	return false;
}

php_stream *fastsock_tls_transport_factory(const char *proto, size_t protolen,
		const char *resourcename, size_t resourcenamelen,
		const char *persistent_id, int options, int flags,
		struct timeval *timeout,
		php_stream_context *context STREAMS_DC)
{
	return NULL;
}

int fastsock_tls_crypto_api(php_stream *stream, fastsock_sock *sock, php_stream_xport_crypto_param *cparam)
{
	return fastsock_crypto_handover_option(stream, sock, cparam);
}

bool fastsock_tls_active(const fastsock_sock *sock)
{
	return false;
}

const php_stream_ops *fastsock_tls_ops(void)
{
	return NULL;
}

void fastsock_tls_stream_attach(php_stream *stream, fastsock_sock *sock)
{
}

void fastsock_tls_close(fastsock_sock *sock, bool close_handle)
{
}

/* No listener enables TLS on connect without TLS: these never run. */
fastsock_tls_step fastsock_tls_accept_start(fastsock_sock *listener, fastsock_sock *conn,
		zend_resource *listener_context)
{
	return FASTSOCK_TLS_FAILED;
}

fastsock_tls_step fastsock_tls_accept_continue(fastsock_sock *conn)
{
	return FASTSOCK_TLS_FAILED;
}

struct timespec fastsock_tls_accept_deadline(const fastsock_sock *conn)
{
	struct timespec none = {-1, 0};

	return none;
}

void fastsock_tls_accept_expire(fastsock_sock *conn)
{
}

void fastsock_tls_accept_report(fastsock_sock *conn)
{
	php_error_docref(NULL, E_WARNING, "Failed to enable crypto");
}

bool fastsock_tls_accept_handshake(fastsock_sock *listener, php_stream *client)
{
	return false;
}

void fastsock_tls_describe(fastsock_sock *sock, zval *out)
{
	add_assoc_null(out, "tls");
}
