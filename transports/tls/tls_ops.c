/*
 * The stream ops of a connection whose TLS is active, as xp_ssl.c's own
 * table: read, write, close, cast and set_option each read as stock's TLS
 * stream; whatever TLS does not change (names, shutdown, blocking mode,
 * timeouts) goes to the socket's ops. The table is at the bottom.
 */
#include "php.h"
#include "php_network.h"
#include "ext/standard/file.h"

#include <openssl/err.h>

#include "tls_connection.h"
#include "tls_errors.h"
#include "tls_reneg.h"
#include "tls_wait.h"
#include "clock.h"

typedef struct tls_io {
	php_stream *stream;
	bool read;
	char *buf;
	int count;
	int done;
} tls_io;

/* One SSL_read() or SSL_write(). As stock, a call retries only while it
 * wants what its direction needs (a read that wants to write, during a
 * renegotiation, returns nothing for now). */
static fastsock_tls_step io_attempt(fastsock_sock *sock, void *arg)
{
	tls_io *io = arg;
	struct fastsock_tls *tls = sock->tls;
	fastsock_tls_outcome outcome;
	int n;

	ERR_clear_error();
	if (io->read) {
		n = SSL_read(tls->ssl, io->buf, io->count);
		if (fastsock_tls_reneg_should_close(tls)) {
			php_stream_xport_shutdown(io->stream, (stream_shutdown_t) SHUT_RDWR);
			io->stream->eof = 1;
			io->done = 0;
			return FASTSOCK_TLS_DONE;
		}
	} else {
		n = SSL_write(tls->ssl, io->buf, io->count);
	}
	if (n > 0) {
		io->done = n;
		return FASTSOCK_TLS_DONE;
	}
	io->done = 0;
	outcome = fastsock_tls_outcome_of(tls->ssl, n);
	if (outcome == FASTSOCK_TLS_OUT_WANT_READ || outcome == FASTSOCK_TLS_OUT_WANT_WRITE) {
		if (io->read) {
			io->stream->eof = 0;
		}
		if (io->read == (outcome == FASTSOCK_TLS_OUT_WANT_READ)) {
			return outcome == FASTSOCK_TLS_OUT_WANT_READ ? FASTSOCK_TLS_WANT_READ : FASTSOCK_TLS_WANT_WRITE;
		}
		return FASTSOCK_TLS_DONE;
	}
	if (io->read || outcome == FASTSOCK_TLS_OUT_EOF) {
		io->stream->eof = outcome == FASTSOCK_TLS_OUT_EOF || !SSL_pending(tls->ssl);
	}
	return FASTSOCK_TLS_FAILED;
}

/* As stock: a blocking stream is made non-blocking for the call and waits
 * within its timeout; a non-blocking one tries once. */
static ssize_t tls_io_run(php_stream *stream, fastsock_sock *sock, bool read, char *buf, size_t count)
{
	php_netstream_data_t *net = &sock->net;
	bool began_blocked = net->is_blocked;
	tls_io io = {stream, read, buf, count > INT_MAX ? INT_MAX : (int) count, 0};
	struct timespec deadline;
	bool has_deadline = false;
	fastsock_tls_step step;

	if (began_blocked && php_set_sock_blocking(net->socket, 0) == SUCCESS) {
		net->is_blocked = 0;
	}
	if (began_blocked && !net->is_blocked && (net->timeout.tv_sec > 0
			|| (net->timeout.tv_sec == 0 && net->timeout.tv_usec))) {
		has_deadline = true;
		deadline = fastsock_deadline_after(&net->timeout);
	}
	if (began_blocked) {
		step = fastsock_tls_drive(sock, io_attempt, &io, has_deadline ? &deadline : NULL);
	} else {
		step = io_attempt(sock, &io);
	}
	if (began_blocked && php_set_sock_blocking(net->socket, 1) == SUCCESS) {
		net->is_blocked = 1;
	}
	if (began_blocked && (step == FASTSOCK_TLS_WANT_READ || step == FASTSOCK_TLS_WANT_WRITE)) {
		net->timeout_event = 1;
		return -1;
	}
	if (io.done > 0) {
		php_stream_notify_progress_increment(PHP_STREAM_CONTEXT(stream), io.done, 0);
	}
	return io.done;
}

static ssize_t tls_op_read(php_stream *stream, char *buf, size_t count)
{
	return tls_io_run(stream, stream->abstract, true, buf, count);
}

static ssize_t tls_op_write(php_stream *stream, const char *buf, size_t count)
{
	return tls_io_run(stream, stream->abstract, false, (char *) buf, count);
}

static int tls_op_close(php_stream *stream, int close_handle)
{
	return fastsock_socket_ops(FASTSOCK_TCP)->close(stream, close_handle);
}

static int tls_op_flush(php_stream *stream)
{
	return 0;
}

static int tls_op_stat(php_stream *stream, php_stream_statbuf *ssb)
{
	return fastsock_socket_ops(FASTSOCK_TCP)->stat(stream, ssb);
}

static int tls_op_cast(php_stream *stream, int castas, void **ret)
{
	fastsock_sock *sock = stream->abstract;
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

/* feof(): readable within the timeout, then one SSL_peek() that does not
 * wait; a record still arriving (WANT_READ) is a live peer, as on stock. */
static int check_liveness(php_stream *stream, fastsock_sock *sock, int value)
{
	php_netstream_data_t *net = &sock->net;
	bool began_blocked = net->is_blocked, alive;
	/* An accepted stream has no connect timeout: stock's is zero. */
	struct timeval tv = {0, 0};
	char byte;
	int n;

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
	ERR_clear_error();
	n = SSL_peek(sock->tls->ssl, &byte, sizeof(byte));
	if (n > 0) {
		alive = true;
	} else {
		switch (SSL_get_error(sock->tls->ssl, n)) {
			case SSL_ERROR_SYSCALL:
				alive = php_socket_errno() == EAGAIN;
				break;
			case SSL_ERROR_WANT_READ:
			case SSL_ERROR_WANT_WRITE:
				alive = true;
				break;
			default:
				alive = false;
		}
	}
	if (began_blocked && !net->is_blocked && php_set_sock_blocking(net->socket, 1) == SUCCESS) {
		net->is_blocked = 1;
	}
	return alive ? PHP_STREAM_OPTION_RETURN_OK : PHP_STREAM_OPTION_RETURN_ERR;
}

const char *fastsock_tls_protocol_name(const SSL *ssl)
{
	switch (SSL_version(ssl)) {
		case TLS1_3_VERSION: return "TLSv1.3";
		case TLS1_2_VERSION: return "TLSv1.2";
		case TLS1_1_VERSION: return "TLSv1.1";
		case TLS1_VERSION: return "TLSv1";
		default: return "UNKNOWN";
	}
}

/* The `crypto` entry, which stock puts first. */
static void add_crypto_metadata(fastsock_sock *sock, zval *meta)
{
	const SSL_CIPHER *cipher = SSL_get_current_cipher(sock->tls->ssl);
	const unsigned char *alpn = NULL;
	unsigned int alpn_len = 0;
	zval crypto;

	array_init(&crypto);
	add_assoc_string(&crypto, "protocol", (char *) fastsock_tls_protocol_name(sock->tls->ssl));
	add_assoc_string(&crypto, "cipher_name", (char *) SSL_CIPHER_get_name(cipher));
	add_assoc_long(&crypto, "cipher_bits", SSL_CIPHER_get_bits(cipher, NULL));
	add_assoc_string(&crypto, "cipher_version", (char *) SSL_CIPHER_get_version(cipher));
	SSL_get0_alpn_selected(sock->tls->ssl, &alpn, &alpn_len);
	if (alpn) {
		add_assoc_stringl(&crypto, "alpn_protocol", (char *) alpn, alpn_len);
	}
	add_assoc_zval(meta, "crypto", &crypto);
}

static int tls_op_set_option(php_stream *stream, int option, int value, void *ptrparam)
{
	fastsock_sock *sock = stream->abstract;

	switch (option) {
		case PHP_STREAM_OPTION_CHECK_LIVENESS:
			return check_liveness(stream, sock, value);
		case PHP_STREAM_OPTION_META_DATA_API:
			add_crypto_metadata(sock, (zval *) ptrparam);
			break;
		case PHP_STREAM_OPTION_CRYPTO_API:
			return fastsock_tls_crypto_api(stream, sock, (php_stream_xport_crypto_param *) ptrparam);
		default:
			break;
	}
	return fastsock_socket_ops(FASTSOCK_TCP)->set_option(stream, option, value, ptrparam);
}

static php_stream_ops tls_ops = {
	tls_op_write, tls_op_read,
	tls_op_close, tls_op_flush,
	"tcp_socket/ssl",
	NULL, /* seek */
	tls_op_cast,
	tls_op_stat,
	tls_op_set_option,
};

const php_stream_ops *fastsock_tls_ops(void)
{
	return &tls_ops;
}

void fastsock_tls_stream_attach(php_stream *stream, fastsock_sock *sock)
{
	struct fastsock_tls *tls = sock->tls;

	tls->stream = stream;
	if (tls->pending_context) {
		zend_list_delete(tls->pending_context);
		tls->pending_context = NULL;
	}
	stream->ops = &tls_ops;
	/* What a held step said on the way to a finished handshake (a setup
	 * warning that does not fail it), said now, as stock's accept would. */
	fastsock_tls_warnings_replay(&tls->warnings);
	/* Stock's buffered reads from here on: records are not read beyond
	 * what PHP's buffer asks. */
	if (sock->direct_reads) {
		sock->direct_reads = false;
		stream->flags &= ~PHP_STREAM_FLAG_NO_BUFFER;
	}
}
