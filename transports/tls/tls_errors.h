/*
 * The one reading of an OpenSSL result in fastsock, after stock's
 * php_openssl_handle_ssl_error(): what a call that returned result <= 0
 * means, with stock's warnings word for word for a failure. Every caller
 * clears the error queue (ERR_clear_error()) right before the SSL call
 * whose result it passes here, so that an old entry is never reported as
 * this call's.
 */
#ifndef FASTSOCK_TLS_ERRORS_H
#define FASTSOCK_TLS_ERRORS_H

#include <openssl/ssl.h>

typedef enum fastsock_tls_outcome {
	FASTSOCK_TLS_OUT_WANT_READ,
	FASTSOCK_TLS_OUT_WANT_WRITE,
	/* The peer closed TLS (close_notify). */
	FASTSOCK_TLS_OUT_CLOSED,
	/* The peer closed the connection without closing TLS: end of file. */
	FASTSOCK_TLS_OUT_EOF,
	/* Failed, after stock's warning. */
	FASTSOCK_TLS_OUT_FAILED,
} fastsock_tls_outcome;

fastsock_tls_outcome fastsock_tls_outcome_of(SSL *ssl, int result);

#endif
