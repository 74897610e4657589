/*
 * fastsock built without OpenSSL: TLS servers stay on PHP's own code, and
 * an accepted tcp connection asked for crypto becomes the stream stock
 * would have made (crypto_handover.c).
 */
#include "php.h"
#include "php_network.h"

#include "tls.h"
#include "crypto_handover.h"

void fastsock_tls_startup(void)
{
	php_error(E_NOTICE, "fastsock: built without OpenSSL, TLS servers stay on PHP's own code");
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

ssize_t fastsock_tls_read(php_stream *stream, fastsock_sock *sock, char *buf, size_t count)
{
	return -1;
}

ssize_t fastsock_tls_write(php_stream *stream, fastsock_sock *sock, const char *buf, size_t count)
{
	return -1;
}

int fastsock_tls_cast(php_stream *stream, fastsock_sock *sock, int castas, void **ret)
{
	return FAILURE;
}

int fastsock_tls_check_liveness(php_stream *stream, fastsock_sock *sock, int value)
{
	return PHP_STREAM_OPTION_RETURN_ERR;
}

void fastsock_tls_metadata(fastsock_sock *sock, zval *meta)
{
}

void fastsock_tls_close(fastsock_sock *sock, bool close_handle)
{
}

bool fastsock_tls_accept_handshake(fastsock_sock *listener, php_stream *client)
{
	return false;
}

void fastsock_tls_describe(fastsock_sock *sock, zval *out)
{
	add_assoc_null(out, "tls");
}
