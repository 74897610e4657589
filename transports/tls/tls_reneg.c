/*
 * The renegotiation limiter (see tls_reneg.h). Its clock is the monotonic
 * one, in whole seconds as stock counts them.
 */
#include "php.h"
#include "php_network.h"

#include "tls_reneg.h"
#include "clock.h"

/* Stock's OPENSSL_DEFAULT_RENEG_LIMIT and _WINDOW. */
#define STOCK_RENEG_LIMIT 2
#define STOCK_RENEG_WINDOW 300

/* Past the limit: the script's callback decides, else stock's warning. */
static void limit_exceeded(fastsock_tls_reneg *bucket, php_stream *stream)
{
	php_stream_context *context = PHP_STREAM_CONTEXT(stream);
	zval *callback = context ? php_stream_context_get_option(context, "ssl", "reneg_limit_callback") : NULL;
	zval param, retval;

	bucket->should_close = true;
	if (!callback) {
		php_error_docref(NULL, E_WARNING, "SSL: client-initiated handshake rate limit exceeded by peer");
		return;
	}
	ZVAL_UNDEF(&retval);
	php_stream_to_zval(stream, &param);
	/* The callback must not close the stream under OpenSSL. */
	stream->flags |= PHP_STREAM_FLAG_NO_FCLOSE;
	if (call_user_function(NULL, NULL, callback, &retval, 1, &param) == FAILURE) {
		php_error(E_WARNING, "SSL: failed invoking reneg limit notification callback");
	}
	stream->flags ^= PHP_STREAM_FLAG_NO_FCLOSE;
	if (Z_TYPE(retval) == IS_TRUE) {
		bucket->should_close = false;
	}
	zval_ptr_dtor(&retval);
}

static void on_handshake(const SSL *ssl, int where, int ret)
{
	fastsock_sock *sock = fastsock_tls_sock_of(ssl);
	fastsock_tls_reneg *bucket;
	zend_long now, elapsed;

	(void) ret;
	if (!(where & SSL_CB_HANDSHAKE_START) || !sock || !sock->tls) {
		return;
	}
	bucket = &sock->tls->reneg;
	now = (zend_long) fastsock_clock_now().tv_sec;
	/* The first handshake is never limited. */
	if (bucket->prev_handshake == 0) {
		bucket->prev_handshake = now;
		return;
	}
	elapsed = now - bucket->prev_handshake;
	bucket->prev_handshake = now;
	/* Stock divides in integers; a window of 0 would divide by zero there. */
	bucket->tokens -= bucket->window ? (float) (elapsed * (bucket->limit / bucket->window)) : 0;
	if (bucket->tokens < 0) {
		bucket->tokens = 0;
	}
	bucket->tokens++;
	if (bucket->tokens > bucket->limit && sock->tls->stream) {
		limit_exceeded(bucket, sock->tls->stream);
	}
}

void fastsock_tls_reneg_init(struct fastsock_tls *tls, php_stream_context *context)
{
	zval *value;

	tls->reneg.limit = STOCK_RENEG_LIMIT;
	tls->reneg.window = STOCK_RENEG_WINDOW;
	if (context && (value = php_stream_context_get_option(context, "ssl", "reneg_limit"))) {
		tls->reneg.limit = zval_get_long(value);
	}
	if (tls->reneg.limit < 0) {
		return;
	}
	if (context && (value = php_stream_context_get_option(context, "ssl", "reneg_window"))) {
		tls->reneg.window = zval_get_long(value);
	}
	tls->reneg.on = true;
	SSL_set_info_callback(tls->ssl, on_handshake);
}

bool fastsock_tls_reneg_should_close(const struct fastsock_tls *tls)
{
	return tls->reneg.on && tls->reneg.should_close;
}
