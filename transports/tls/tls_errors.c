/*
 * OpenSSL results read as stock reads them (see tls_errors.h).
 */
#include "php.h"
#include "php_network.h"
#include "zend_smart_str.h"

#include <openssl/err.h>

#include "tls_errors.h"

/* The queue's messages, one a line, after stock's opening words. */
static void warn_queue(int err, unsigned long code)
{
	smart_str messages = {0};
	char text[512];

	if (ERR_GET_REASON(code) == SSL_R_NO_SHARED_CIPHER) {
		php_error_docref(NULL, E_WARNING,
			"SSL_R_NO_SHARED_CIPHER: no suitable shared cipher could be used.  "
			"This could be because the server is missing an SSL certificate "
			"(local_cert context option)");
		return;
	}
	for (; code != 0; code = ERR_get_error()) {
		ERR_error_string_n(code, text, sizeof(text));
		if (messages.s) {
			smart_str_appendc(&messages, '\n');
		}
		smart_str_appends(&messages, text);
	}
	smart_str_0(&messages);
	php_error_docref(NULL, E_WARNING, "SSL operation failed with code %d. %s%s", err,
		messages.s ? "OpenSSL Error messages:\n" : "", messages.s ? ZSTR_VAL(messages.s) : "");
	smart_str_free(&messages);
}

fastsock_tls_outcome fastsock_tls_outcome_of(SSL *ssl, int result)
{
	int err = SSL_get_error(ssl, result);
	char *message;

	switch (err) {
		case SSL_ERROR_ZERO_RETURN:
			return FASTSOCK_TLS_OUT_CLOSED;
		case SSL_ERROR_WANT_READ:
			return FASTSOCK_TLS_OUT_WANT_READ;
		case SSL_ERROR_WANT_WRITE:
			return FASTSOCK_TLS_OUT_WANT_WRITE;
		case SSL_ERROR_SYSCALL:
			if (ERR_peek_error() == 0) {
				if (result == 0) {
					SSL_set_shutdown(ssl, SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
					return FASTSOCK_TLS_OUT_EOF;
				}
				message = php_socket_strerror(php_socket_errno(), NULL, 0);
				php_error_docref(NULL, E_WARNING, "SSL: %s", message);
				efree(message);
				return FASTSOCK_TLS_OUT_FAILED;
			}
			ZEND_FALLTHROUGH;
		default:
			warn_queue(err, ERR_get_error());
			return FASTSOCK_TLS_OUT_FAILED;
	}
}
