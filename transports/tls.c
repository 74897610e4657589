/*
 * TLS on fastsock's tcp connections, with stock PHP's observable behaviour
 * (ext/openssl/xp_ssl.c): return values of setup and enable (0 while a
 * non-blocking handshake wants I/O), warnings and their order, the timeout
 * of handshakes and I/O, EOF, metadata, casts and liveness. The context
 * comes from the server's cache; the handshake waits at most
 * fastsock.tls_handshake_timeout.
 */
#include "php.h"
#include "php_network.h"
#include "php_fastsock.h"
#include "ext/standard/file.h"

#include "zend_smart_str.h"

#include <dlfcn.h>
#include <openssl/err.h>
#include <openssl/crypto.h>

#include "tls.h"
#include "tls_cache.h"
#include "tls_context.h"
#include "tls_tickets.h"
#include "tls_tickets_report.h"
#include "tls_verify.h"
#include "tls_policy.h"
#include "crypto_handover.h"

/* Stock's OPENSSL_DEFAULT_RENEG_LIMIT and _WINDOW. */
#define STOCK_RENEG_LIMIT 2
#define STOCK_RENEG_WINDOW 300

/* Client-initiated renegotiations, as a leaky bucket (stock's rule). */
typedef struct reneg_bucket {
	zend_long prev_handshake;
	zend_long limit;
	zend_long window;
	float tokens;
	bool should_close;
} reneg_bucket;

struct fastsock_tls {
	SSL *ssl;
	fastsock_tls_ctx *tctx;
	bool active;
	bool state_set;
	bool reneg_on;
	reneg_bucket reneg;
};

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

bool fastsock_tls_active(const fastsock_sock *sock)
{
	return sock->tls && sock->tls->active;
}

/* Stock's reading of an OpenSSL error: whether to retry, with errno EAGAIN
 * when I/O is wanted, and its warnings word for word. */
static int handle_ssl_error(php_stream *stream, fastsock_sock *sock, int result, bool is_init)
{
	SSL *ssl = sock->tls->ssl;
	int err = SSL_get_error(ssl, result);
	unsigned long code;
	smart_str messages = {0};
	char text[512];

	switch (err) {
		case SSL_ERROR_ZERO_RETURN:
			return 0;
		case SSL_ERROR_WANT_READ:
		case SSL_ERROR_WANT_WRITE:
			errno = EAGAIN;
			return is_init ? 1 : sock->net.is_blocked;
		case SSL_ERROR_SYSCALL:
			if (ERR_peek_error() == 0) {
				if (result == 0) {
					SSL_set_shutdown(ssl, SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
					stream->eof = 1;
				} else {
					char *message = php_socket_strerror(php_socket_errno(), NULL, 0);

					php_error_docref(NULL, E_WARNING, "SSL: %s", message);
					efree(message);
				}
				return 0;
			}
			ZEND_FALLTHROUGH;
		default:
			code = ERR_get_error();
			if (ERR_GET_REASON(code) == SSL_R_NO_SHARED_CIPHER) {
				php_error_docref(NULL, E_WARNING,
					"SSL_R_NO_SHARED_CIPHER: no suitable shared cipher could be used.  "
					"This could be because the server is missing an SSL certificate "
					"(local_cert context option)");
			} else {
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
			errno = 0;
			return 0;
	}
}

static void reneg_check(const SSL *ssl, int where, int ret)
{
	php_stream *stream = SSL_get_ex_data(ssl, fastsock_tls_stream_index());
	fastsock_sock *sock;
	reneg_bucket *bucket;
	struct timeval now;
	zend_long elapsed;
	zval *callback;

	(void) ret;
	if (!(where & SSL_CB_HANDSHAKE_START) || !stream || !(sock = fastsock_sock_from_stream(stream)) || !sock->tls) {
		return;
	}
	bucket = &sock->tls->reneg;
	gettimeofday(&now, NULL);
	/* The first handshake is never limited. */
	if (bucket->prev_handshake == 0) {
		bucket->prev_handshake = now.tv_sec;
		return;
	}
	elapsed = now.tv_sec - bucket->prev_handshake;
	bucket->prev_handshake = now.tv_sec;
	/* Stock divides in integers; a window of 0 would divide by zero there. */
	bucket->tokens -= bucket->window ? (float) (elapsed * (bucket->limit / bucket->window)) : 0;
	if (bucket->tokens < 0) {
		bucket->tokens = 0;
	}
	bucket->tokens++;
	if (bucket->tokens <= bucket->limit) {
		return;
	}
	bucket->should_close = true;
	callback = PHP_STREAM_CONTEXT(stream)
		? php_stream_context_get_option(PHP_STREAM_CONTEXT(stream), "ssl", "reneg_limit_callback") : NULL;
	if (!callback) {
		php_error_docref(NULL, E_WARNING, "SSL: client-initiated handshake rate limit exceeded by peer");
		return;
	}
	zval param, retval;

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

static void reneg_init(php_stream *stream, struct fastsock_tls *tls)
{
	php_stream_context *context = PHP_STREAM_CONTEXT(stream);
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
	tls->reneg_on = true;
	SSL_set_info_callback(tls->ssl, reneg_check);
}

static void copy_session(php_stream *session, SSL *ssl)
{
	fastsock_sock *from = fastsock_sock_from_stream(session);

	if (!from || from->kind != FASTSOCK_TCP) {
		php_error_docref(NULL, E_WARNING, "Supplied session stream must be an SSL enabled stream");
	} else if (!from->tls) {
		php_error_docref(NULL, E_WARNING, "Supplied SSL session stream is not initialized");
	} else {
		SSL_copy_session_id(ssl, from->tls->ssl);
	}
}

static int tls_setup(php_stream *stream, fastsock_sock *sock, php_stream_xport_crypto_param *cparam)
{
	fastsock_tls_build_result built;
	struct fastsock_tls *tls;
	fastsock_tls_ctx *tctx;
	SSL *ssl;

	if (sock->tls) {
		if (sock->net.is_blocked) {
			php_error_docref(NULL, E_WARNING, "SSL/TLS already set-up for this stream");
			return -1;
		}
		return 0;
	}
	ERR_clear_error();
	if (!sock->tls_server) {
		sock->tls_server = fastsock_tls_server_new(false, 0);
	}
	built = fastsock_tls_server_context(sock->tls_server, stream,
		cparam->inputs.method & ~FASTSOCK_TLS_IS_CLIENT, &sock->options, &tctx);
	if (built == FASTSOCK_TLS_BUILD_FAILED) {
		return -1;
	}
	ssl = SSL_new(tctx->ctx);
	if (!ssl) {
		php_error_docref(NULL, E_WARNING, "SSL handle creation failure");
		fastsock_tls_ctx_release(tctx);
		return -1;
	}
	SSL_set_ex_data(ssl, fastsock_tls_stream_index(), stream);
	/* No keys (a bad key file): session ids and TLS 1.3 stateful tickets
	 * still resume on this process. */
	if (tctx->tickets && !fastsock_tls_tickets_usable()) {
		SSL_set_options(ssl, SSL_OP_NO_TICKET);
	}
	fastsock_tls_tickets_report_problem();
	tls = ecalloc(1, sizeof(*tls));
	tls->ssl = ssl;
	tls->tctx = tctx;
	sock->tls = tls;
	if (!SSL_set_fd(ssl, sock->net.socket)) {
		handle_ssl_error(stream, sock, 0, true);
	}
	if (built == FASTSOCK_TLS_BUILD_SNI_FAILED) {
		return -1;
	}
	reneg_init(stream, tls);
	SSL_set_mode(ssl, SSL_MODE_RELEASE_BUFFERS);
	if (cparam->inputs.session) {
		copy_session(cparam->inputs.session, ssl);
	}
	return 0;
}

/* How long a server handshake may wait: the stream's timeout, capped by
 * fastsock.tls_handshake_timeout so that a silent peer cannot hold an
 * accept loop for a minute. */
static struct timeval handshake_timeout(const fastsock_sock *sock)
{
	struct timeval timeout = sock->net.timeout;
	long cap = sock->options.tls_handshake_timeout;

	if (cap > 0 && (timeout.tv_sec < 0 || timeout.tv_sec > cap || (timeout.tv_sec == cap && timeout.tv_usec > 0))) {
		timeout.tv_sec = cap;
		timeout.tv_usec = 0;
	}
	return timeout;
}

static struct timeval elapsed_since(const struct timeval *start)
{
	struct timeval now, diff;

	gettimeofday(&now, NULL);
	timersub(&now, start, &diff);
	return diff;
}

static void count_handshake(SSL *ssl, bool ok)
{
	fastsock_counters *counters = &FASTSOCK_G(counters);

	if (!ok) {
		counters->tls_handshakes_failed++;
	} else if (SSL_session_reused(ssl)) {
		counters->tls_handshakes_resumed++;
	} else {
		counters->tls_handshakes_full++;
	}
}

static int tls_handshake(php_stream *stream, fastsock_sock *sock)
{
	struct fastsock_tls *tls = sock->tls;
	php_netstream_data_t *net = &sock->net;
	bool blocked = net->is_blocked, has_timeout;
	struct timeval start, timeout, elapsed = {0, 0}, left = {0, 0};
	X509 *peer;
	int n, retry;

	if (!tls->state_set) {
		SSL_set_accept_state(tls->ssl);
		tls->state_set = true;
	}
	if (php_set_sock_blocking(net->socket, 0) == SUCCESS) {
		net->is_blocked = 0;
		SSL_set_mode(tls->ssl, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
	}
	timeout = handshake_timeout(sock);
	has_timeout = !net->is_blocked && (timeout.tv_sec > 0 || (timeout.tv_sec == 0 && timeout.tv_usec));
	gettimeofday(&start, NULL);

	do {
		ERR_clear_error();
		n = SSL_accept(tls->ssl);
		if (has_timeout) {
			elapsed = elapsed_since(&start);
			if (timercmp(&elapsed, &timeout, >)) {
				/* As stock, the descriptor stays non-blocking here. */
				php_error_docref(NULL, E_WARNING, "SSL: Handshake timed out");
				count_handshake(tls->ssl, false);
				return -1;
			}
		}
		if (n > 0) {
			break;
		}
		retry = handle_ssl_error(stream, sock, n, blocked);
		if (retry) {
			int want = SSL_get_error(tls->ssl, n);

			if (has_timeout) {
				timersub(&timeout, &elapsed, &left);
			}
			php_pollfd_for(net->socket, want == SSL_ERROR_WANT_READ ? (POLLIN | POLLPRI) : POLLOUT,
				has_timeout ? &left : NULL);
		}
	} while (retry);

	if (net->is_blocked != blocked && php_set_sock_blocking(net->socket, blocked) == SUCCESS) {
		net->is_blocked = blocked;
	}

	if (n == 1) {
		peer = SSL_get1_peer_certificate(tls->ssl);
		fastsock_tls_capture_peer(stream, tls->ssl, peer);
		if (!fastsock_tls_peer_policy(stream, tls->ssl, peer)) {
			SSL_shutdown(tls->ssl);
			n = -1;
		} else {
			tls->active = true;
			/* Stock's buffered reads from here on: records are not
			 * read beyond what PHP's buffer asks. */
			if (sock->direct_reads) {
				sock->direct_reads = false;
				stream->flags &= ~PHP_STREAM_FLAG_NO_BUFFER;
			}
		}
		X509_free(peer);
		count_handshake(tls->ssl, n == 1);
		return n;
	}
	if (errno == EAGAIN) {
		return 0;
	}
	/* The peer's certificate is captured even when the handshake failed. */
	peer = SSL_get1_peer_certificate(tls->ssl);
	fastsock_tls_capture_peer(stream, tls->ssl, peer);
	X509_free(peer);
	count_handshake(tls->ssl, false);
	return -1;
}

static int tls_enable(php_stream *stream, fastsock_sock *sock, php_stream_xport_crypto_param *cparam)
{
	if (!sock->tls) {
		return -1;
	}
	if (cparam->inputs.activate && !sock->tls->active) {
		return tls_handshake(stream, sock);
	}
	if (!cparam->inputs.activate && sock->tls->active) {
		SSL_shutdown(sock->tls->ssl);
		sock->tls->active = false;
	}
	return -1;
}

int fastsock_tls_crypto_api(php_stream *stream, fastsock_sock *sock, php_stream_xport_crypto_param *cparam)
{
	if (sock->kind != FASTSOCK_TCP) {
		return PHP_STREAM_OPTION_RETURN_NOTIMPL;
	}
	/* Client handshakes on an accepted stream, or TLS not served: the
	 * stream becomes the one stock would have, with stock's TLS. */
	if (!sock->tls && (!fastsock_tls_serves()
			|| (cparam->op == STREAM_XPORT_CRYPTO_OP_SETUP && (cparam->inputs.method & FASTSOCK_TLS_IS_CLIENT)))) {
		return fastsock_crypto_handover_option(stream, sock, cparam);
	}
	switch (cparam->op) {
		case STREAM_XPORT_CRYPTO_OP_SETUP:
			cparam->outputs.returncode = tls_setup(stream, sock, cparam);
			return PHP_STREAM_OPTION_RETURN_OK;
		case STREAM_XPORT_CRYPTO_OP_ENABLE:
			cparam->outputs.returncode = tls_enable(stream, sock, cparam);
			return PHP_STREAM_OPTION_RETURN_OK;
		default:
			return PHP_STREAM_OPTION_RETURN_NOTIMPL;
	}
}

static void wait_io(int fd, int want, bool read, struct timeval *left)
{
	int events;

	if (read) {
		events = want == SSL_ERROR_WANT_WRITE ? (POLLOUT | POLLPRI) : (POLLIN | POLLPRI);
	} else {
		events = want == SSL_ERROR_WANT_READ ? (POLLIN | POLLPRI) : (POLLOUT | POLLPRI);
	}
	php_pollfd_for(fd, events, left);
}

/* One SSL_read or SSL_write as stock does it: a blocking stream is made
 * non-blocking for the call and waits in poll() within its timeout. */
static ssize_t tls_io(php_stream *stream, fastsock_sock *sock, bool read, char *buf, size_t count)
{
	struct fastsock_tls *tls = sock->tls;
	php_netstream_data_t *net = &sock->net;
	bool began_blocked = net->is_blocked, has_timeout = false;
	struct timeval start, elapsed = {0, 0}, left = {0, 0};
	int n = 0, retry = 1;

	if (count > INT_MAX) {
		count = INT_MAX;
	}
	if (began_blocked && php_set_sock_blocking(net->socket, 0) == SUCCESS) {
		net->is_blocked = 0;
	}
	if (began_blocked && !net->is_blocked && (net->timeout.tv_sec > 0
			|| (net->timeout.tv_sec == 0 && net->timeout.tv_usec))) {
		has_timeout = true;
		gettimeofday(&start, NULL);
	}

	do {
		if (has_timeout) {
			elapsed = elapsed_since(&start);
			if (timercmp(&elapsed, &net->timeout, >)) {
				if (began_blocked) {
					php_set_sock_blocking(net->socket, 1);
					net->is_blocked = 1;
				}
				net->timeout_event = 1;
				return -1;
			}
		}
		ERR_clear_error();
		if (read) {
			n = SSL_read(tls->ssl, buf, (int) count);
			if (tls->reneg_on && tls->reneg.should_close) {
				php_stream_xport_shutdown(stream, (stream_shutdown_t) SHUT_RDWR);
				n = 0;
				stream->eof = 1;
				break;
			}
		} else {
			n = SSL_write(tls->ssl, buf, (int) count);
		}
		if (has_timeout) {
			timersub(&net->timeout, &elapsed, &left);
		}
		if (n <= 0) {
			int want = SSL_get_error(tls->ssl, n);

			retry = handle_ssl_error(stream, sock, n, false);
			if (errno == EAGAIN && ((want == SSL_ERROR_WANT_READ && read) || (want == SSL_ERROR_WANT_WRITE && !read))) {
				retry = 1;
			}
			if (read) {
				stream->eof = retry == 0 && errno != EAGAIN && !SSL_pending(tls->ssl);
			}
			if (!began_blocked) {
				break;
			}
			if (retry) {
				wait_io(net->socket, want, read, has_timeout ? &left : NULL);
			}
		} else {
			int want = SSL_get_error(tls->ssl, n);

			if (want == SSL_ERROR_NONE) {
				break;
			}
			if (began_blocked) {
				wait_io(net->socket, want, read, has_timeout ? &left : NULL);
			}
		}
	} while (retry);

	if (n > 0) {
		php_stream_notify_progress_increment(PHP_STREAM_CONTEXT(stream), n, 0);
	}
	if (began_blocked && php_set_sock_blocking(net->socket, 1) == SUCCESS) {
		net->is_blocked = 1;
	}
	return n < 0 ? 0 : n;
}

ssize_t fastsock_tls_read(php_stream *stream, fastsock_sock *sock, char *buf, size_t count)
{
	return tls_io(stream, sock, true, buf, count);
}

ssize_t fastsock_tls_write(php_stream *stream, fastsock_sock *sock, const char *buf, size_t count)
{
	return tls_io(stream, sock, false, (char *) buf, count);
}

int fastsock_tls_cast(php_stream *stream, fastsock_sock *sock, int castas, void **ret)
{
	size_t pending;

	switch (castas) {
		case PHP_STREAM_AS_FD_FOR_SELECT:
			/* Records OpenSSL has decrypted are not on the socket: move
			 * them into PHP's buffer, where select looks first. */
			if (ret && stream->writepos == stream->readpos
					&& (pending = (size_t) SSL_pending(sock->tls->ssl)) > 0) {
				php_stream_fill_read_buffer(stream, MIN(pending, stream->chunk_size));
			}
			if (ret) {
				*(php_socket_t *) ret = sock->net.socket;
			}
			return SUCCESS;
		default:
			/* No raw descriptor while TLS owns it (socket_import_stream). */
			return FAILURE;
	}
}

int fastsock_tls_check_liveness(php_stream *stream, fastsock_sock *sock, int value)
{
	php_netstream_data_t *net = &sock->net;
	bool began_blocked = net->is_blocked, has_timeout = false, alive = true;
	/* An accepted stream has no connect timeout: stock's is zero. */
	struct timeval tv = {0, 0}, start, elapsed = {0, 0}, left;
	char byte;
	int retry = 1;

	if (value == -1) {
		if (net->timeout.tv_sec == -1) {
			tv.tv_sec = FG(default_socket_timeout);
		}
	} else {
		tv.tv_sec = value;
	}
	if (net->socket == -1) {
		return PHP_STREAM_OPTION_RETURN_ERR;
	}
	if (php_pollfd_for(net->socket, PHP_POLLREADABLE | POLLPRI, &tv) <= 0) {
		return PHP_STREAM_OPTION_RETURN_OK;
	}
	if (began_blocked && php_set_sock_blocking(net->socket, 0) == SUCCESS) {
		net->is_blocked = 0;
	}
	if (began_blocked && !net->is_blocked && (tv.tv_sec > 0 || (tv.tv_sec == 0 && tv.tv_usec))) {
		has_timeout = true;
		gettimeofday(&start, NULL);
	}
	do {
		int n, err;

		if (has_timeout) {
			elapsed = elapsed_since(&start);
			if (timercmp(&elapsed, &tv, >)) {
				php_set_sock_blocking(net->socket, 1);
				net->is_blocked = 1;
				net->timeout_event = 1;
				return PHP_STREAM_OPTION_RETURN_ERR;
			}
		}
		n = SSL_peek(sock->tls->ssl, &byte, sizeof(byte));
		if (n > 0) {
			alive = true;
			break;
		}
		err = SSL_get_error(sock->tls->ssl, n);
		if (err == SSL_ERROR_SYSCALL) {
			retry = php_socket_errno() == EAGAIN;
		} else {
			retry = err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE;
		}
		if (!began_blocked || !has_timeout) {
			alive = retry;
			break;
		}
		if (retry) {
			timersub(&tv, &elapsed, &left);
			if (php_pollfd_for(net->socket, PHP_POLLREADABLE | POLLPRI | POLLOUT, &left) <= 0) {
				retry = 0;
				alive = false;
			}
		}
	} while (retry);
	if (began_blocked && !net->is_blocked) {
		php_set_sock_blocking(net->socket, 1);
		net->is_blocked = 1;
	}
	return alive ? PHP_STREAM_OPTION_RETURN_OK : PHP_STREAM_OPTION_RETURN_ERR;
}

static const char *protocol_name(const SSL *ssl)
{
	switch (SSL_version(ssl)) {
		case TLS1_3_VERSION: return "TLSv1.3";
		case TLS1_2_VERSION: return "TLSv1.2";
		case TLS1_1_VERSION: return "TLSv1.1";
		case TLS1_VERSION: return "TLSv1";
		default: return "UNKNOWN";
	}
}

void fastsock_tls_metadata(fastsock_sock *sock, zval *meta)
{
	const SSL_CIPHER *cipher;
	const unsigned char *alpn = NULL;
	unsigned int alpn_len = 0;
	zval crypto;

	if (!fastsock_tls_active(sock)) {
		return;
	}
	cipher = SSL_get_current_cipher(sock->tls->ssl);
	array_init(&crypto);
	add_assoc_string(&crypto, "protocol", (char *) protocol_name(sock->tls->ssl));
	add_assoc_string(&crypto, "cipher_name", (char *) SSL_CIPHER_get_name(cipher));
	add_assoc_long(&crypto, "cipher_bits", SSL_CIPHER_get_bits(cipher, NULL));
	add_assoc_string(&crypto, "cipher_version", (char *) SSL_CIPHER_get_version(cipher));
	SSL_get0_alpn_selected(sock->tls->ssl, &alpn, &alpn_len);
	if (alpn) {
		add_assoc_stringl(&crypto, "alpn_protocol", (char *) alpn, alpn_len);
	}
	add_assoc_zval(meta, "crypto", &crypto);
}

void fastsock_tls_close(fastsock_sock *sock, bool close_handle)
{
	struct fastsock_tls *tls = sock->tls;

	if (tls) {
		/* Only a completed handshake says goodbye; after a failed one the
		 * session is dropped, as stock drops it. */
		if (close_handle && tls->active) {
			SSL_shutdown(tls->ssl);
		}
		SSL_free(tls->ssl);
		fastsock_tls_ctx_release(tls->tctx);
		efree(tls);
		sock->tls = NULL;
	}
	fastsock_tls_server_release(sock->tls_server);
	sock->tls_server = NULL;
}

bool fastsock_tls_accept_handshake(fastsock_sock *listener, php_stream *client)
{
	int method = listener->tls_server->method & ~FASTSOCK_TLS_IS_CLIENT;

	if (php_stream_xport_crypto_setup(client, method, NULL) < 0
			|| php_stream_xport_crypto_enable(client, 1) < 0) {
		php_error_docref(NULL, E_WARNING, "Failed to enable crypto");
		return false;
	}
	return true;
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
		add_assoc_string(&tls, "protocol", (char *) protocol_name(sock->tls->ssl));
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
