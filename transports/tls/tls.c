/*
 * TLS as fastsock serves it (see tls.h for the component's files): whether
 * this process can, the ssl://, tls:// and tlsv1.x:// transports, a
 * listener's TLS settings, and what fastsock_info() says of them.
 */
#include "php.h"
#include "php_network.h"
#include "php_fastsock.h"

#include <dlfcn.h>
#include <openssl/crypto.h>

#include "tls_connection.h"
#include "tls_cache.h"
#include "tls_context.h"
#include "tls_tickets.h"
#include "tls_tickets_report.h"
#include "tls_policy.h"

static bool library_usable;

void fastsock_tls_startup(void)
{
	/* A second libssl in the process (PHP linked to another one) would
	 * make sessions and objects cross libraries: serve no TLS then. */
	void *global = dlsym(RTLD_DEFAULT, "OpenSSL_version_num");

	library_usable = global == (void *) OpenSSL_version_num && fastsock_tls_context_startup();
	if (!library_usable) {
		php_error(E_NOTICE, "fastsock: TLS servers stay on PHP's own code: fastsock was built with %s, "
			"a different libssl than the one PHP runs with", OPENSSL_VERSION_TEXT);
		return;
	}
	fastsock_tls_tickets_report_startup();
}

void fastsock_tls_shutdown(void)
{
	if (library_usable) {
		fastsock_tls_tickets_shutdown();
	}
}

bool fastsock_tls_serves(void)
{
	return library_usable && FASTSOCK_G(tls)
		&& fastsock_stock_factory(FASTSOCK_TCP) != php_stream_generic_socket_factory;
}

const char *fastsock_tls_library(void)
{
	return library_usable ? OpenSSL_version(OPENSSL_VERSION) : NULL;
}

void fastsock_tls_ticket_keys_info(char *buf, size_t len)
{
	if (library_usable) {
		fastsock_tls_tickets_report_info(buf, len);
	} else {
		snprintf(buf, len, "none");
	}
}

void fastsock_tls_describe(fastsock_sock *sock, zval *out)
{
	const unsigned char *alpn = NULL;
	unsigned int alpn_len = 0;
	const char *sni;
	zval tls;

	/* A tcp:// listener shows its TLS side once a connection used it. */
	if (sock->kind != FASTSOCK_TCP || !fastsock_tls_serves() || (sock->role != FASTSOCK_CONNECTION
			&& (!sock->tls_server || (!sock->tls_server->enable_on_connect && !sock->tls_server->contexts_built)))) {
		add_assoc_null(out, "tls");
		return;
	}
	array_init(&tls);
	if (sock->role == FASTSOCK_CONNECTION) {
		if (!fastsock_tls_active(sock)) {
			zval_ptr_dtor(&tls);
			add_assoc_null(out, "tls");
			return;
		}
		add_assoc_string(&tls, "protocol", (char *) fastsock_tls_protocol_name(sock->tls->ssl));
		add_assoc_string(&tls, "cipher", (char *) SSL_CIPHER_get_name(SSL_get_current_cipher(sock->tls->ssl)));
		add_assoc_bool(&tls, "resumed", SSL_session_reused(sock->tls->ssl));
		SSL_get0_alpn_selected(sock->tls->ssl, &alpn, &alpn_len);
		if (alpn) {
			add_assoc_stringl(&tls, "alpn", (char *) alpn, alpn_len);
		} else {
			add_assoc_null(&tls, "alpn");
		}
		sni = SSL_get_servername(sock->tls->ssl, TLSEXT_NAMETYPE_host_name);
		if (sni) {
			add_assoc_string(&tls, "sni", (char *) sni);
		} else {
			add_assoc_null(&tls, "sni");
		}
	} else {
		fastsock_tls_server *server = sock->tls_server;

		add_assoc_long(&tls, "contexts_built", server ? server->contexts_built : 0);
		add_assoc_long(&tls, "contexts_reused", server ? server->contexts_reused : 0);
		add_assoc_bool(&tls, "session_cache", sock->options.tls_session_cache);
		add_assoc_bool(&tls, "tickets", sock->options.tls_tickets);
		add_assoc_string(&tls, "ticket_keys",
			(char *) (sock->options.tls_tickets ? fastsock_tls_tickets_report_source() : "none"));
		add_assoc_long(&tls, "session_timeout", sock->options.tls_session_timeout);
		add_assoc_long(&tls, "handshake_timeout", sock->options.tls_handshake_timeout);
	}
	add_assoc_zval(out, "tls", &tls);
}

void fastsock_tls_server_attach(fastsock_sock *sock, bool enable_on_connect, int method)
{
	if (fastsock_tls_serves() && !sock->tls_server) {
		sock->tls_server = fastsock_tls_server_new(enable_on_connect, method);
	}
}

void fastsock_tls_connection_init(fastsock_sock *conn)
{
	conn->tls = NULL;
	if (conn->tls_server) {
		fastsock_tls_server_addref(conn->tls_server);
	}
}

bool fastsock_tls_enable_on_connect(const fastsock_sock *listener)
{
	return listener->tls_server && listener->tls_server->enable_on_connect;
}

/* The method stock's factory gives each TLS transport: ssl:// and tls://
 * take the context's crypto_method at creation. */
static bool transport_method(const char *scheme, size_t len, php_stream_context *context, int *method)
{
	static const struct { const char *name; int method; } fixed[] = {
		{"tlsv1.0", STREAM_CRYPTO_METHOD_TLSv1_0_CLIENT},
		{"tlsv1.1", STREAM_CRYPTO_METHOD_TLSv1_1_CLIENT},
		{"tlsv1.2", STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT},
		{"tlsv1.3", STREAM_CRYPTO_METHOD_TLSv1_3_CLIENT},
	};
	zval *value;

	if ((len == 3 && memcmp(scheme, "ssl", 3) == 0) || (len == 3 && memcmp(scheme, "tls", 3) == 0)) {
		*method = STREAM_CRYPTO_METHOD_TLS_ANY_CLIENT;
		if (context && (value = php_stream_context_get_option(context, "ssl", "crypto_method")) != NULL) {
			*method = (int) zval_get_long(value) | FASTSOCK_TLS_IS_CLIENT;
		}
		return true;
	}
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
		if (strlen(fixed[i].name) == len && memcmp(fixed[i].name, scheme, len) == 0) {
			*method = fixed[i].method;
			return true;
		}
	}
	return false;
}

php_stream *fastsock_tls_transport_factory(const char *proto, size_t protolen,
		const char *resourcename, size_t resourcenamelen,
		const char *persistent_id, int options, int flags,
		struct timeval *timeout,
		php_stream_context *context STREAMS_DC)
{
	static const char prefix[] = "fast+";
	const char *scheme = proto + sizeof(prefix) - 1;
	size_t len = protolen - (sizeof(prefix) - 1);
	php_stream_transport_factory stock;
	fastsock_sock *sock;
	php_stream *stream;
	char name[16];
	int method;

	if (protolen <= sizeof(prefix) - 1 || len >= sizeof(name) || !transport_method(scheme, len, context, &method)) {
		return NULL;
	}
	memcpy(name, scheme, len);
	name[len] = '\0';
	/* Clients are stock's, made by the transport ext/openssl registered. */
	if (!(flags & STREAM_XPORT_SERVER) || persistent_id || !fastsock_tls_serves()) {
		stock = fastsock_stock_factory_named(name);
		return stock ? stock(name, len, resourcename, resourcenamelen, persistent_id, options, flags,
			timeout, context STREAMS_REL_CC) : NULL;
	}
	stream = fastsock_transport_factory("fast+tcp", sizeof("fast+tcp") - 1, resourcename, resourcenamelen,
		persistent_id, options, flags, timeout, context STREAMS_REL_CC);
	if (stream && (sock = fastsock_sock_from_stream(stream)) != NULL) {
		sock->tls_server->enable_on_connect = true;
		sock->tls_server->method = method;
	}
	return stream;
}
