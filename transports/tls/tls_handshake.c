/*
 * A connection's TLS state and its server handshake, as stock's
 * php_openssl_setup_crypto() and php_openssl_enable_crypto() do them: the
 * same return values, warnings and order. The accept handshake is a series
 * of steps that never block (tls.h); stream_socket_enable_crypto() and the
 * blocking accept drive the same steps through the one deadline loop.
 */
#include "php.h"
#include "php_network.h"
#include "php_fastsock.h"

#include <openssl/err.h>

#include "tls_connection.h"
#include "tls_cache.h"
#include "tls_errors.h"
#include "tls_reneg.h"
#include "tls_tickets.h"
#include "tls_tickets_report.h"
#include "tls_verify.h"
#include "tls_wait.h"
#include "tls_policy.h"
#include "clock.h"
#include "crypto_handover.h"

php_stream_context *fastsock_tls_options_context(const struct fastsock_tls *tls)
{
	if (tls->stream) {
		return PHP_STREAM_CONTEXT(tls->stream);
	}
	return tls->pending_context ? (php_stream_context *) tls->pending_context->ptr : NULL;
}

fastsock_sock *fastsock_tls_sock_of(const SSL *ssl)
{
	return ssl ? SSL_get_ex_data(ssl, fastsock_tls_connection_index()) : NULL;
}

bool fastsock_tls_active(const fastsock_sock *sock)
{
	return sock->tls && sock->tls->active;
}

static bool has_handle(const fastsock_sock *sock)
{
	return sock->tls && sock->tls->ssl;
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

static void copy_session(php_stream *session, SSL *ssl)
{
	fastsock_sock *from = fastsock_sock_from_stream(session);

	if (!from || from->kind != FASTSOCK_TCP) {
		php_error_docref(NULL, E_WARNING, "Supplied session stream must be an SSL enabled stream");
	} else if (!has_handle(from)) {
		php_error_docref(NULL, E_WARNING, "Supplied SSL session stream is not initialized");
	} else {
		SSL_copy_session_id(ssl, from->tls->ssl);
	}
}

static struct fastsock_tls *state_of(fastsock_sock *sock)
{
	if (!sock->tls) {
		sock->tls = ecalloc(1, sizeof(*sock->tls));
	}
	return sock->tls;
}

/* Stock's setup: 0, or -1 after its warnings. */
static int tls_setup(fastsock_sock *sock, int method, php_stream *session)
{
	struct fastsock_tls *tls = state_of(sock);
	php_stream_context *context = fastsock_tls_options_context(tls);
	fastsock_tls_build_result built;
	fastsock_tls_ctx *tctx;
	SSL *ssl;

	ERR_clear_error();
	if (!sock->tls_server) {
		sock->tls_server = fastsock_tls_server_new(false, 0);
	}
	built = fastsock_tls_server_context(sock->tls_server, context, method & ~FASTSOCK_TLS_IS_CLIENT,
		&sock->options, &tctx);
	if (built == FASTSOCK_TLS_BUILD_FAILED) {
		return -1;
	}
	ssl = SSL_new(tctx->ctx);
	if (!ssl) {
		php_error_docref(NULL, E_WARNING, "SSL handle creation failure");
		fastsock_tls_ctx_release(tctx);
		return -1;
	}
	SSL_set_ex_data(ssl, fastsock_tls_connection_index(), sock);
	/* No keys (a bad key file): session ids and TLS 1.3 stateful tickets
	 * still resume on this process. */
	if (tctx->tickets && !fastsock_tls_tickets_usable()) {
		SSL_set_options(ssl, SSL_OP_NO_TICKET);
	}
	fastsock_tls_tickets_report_problem();
	tls->ssl = ssl;
	tls->tctx = tctx;
	ERR_clear_error();
	if (!SSL_set_fd(ssl, sock->net.socket)) {
		fastsock_tls_outcome_of(ssl, 0);
	}
	if (built == FASTSOCK_TLS_BUILD_SNI_FAILED) {
		return -1;
	}
	fastsock_tls_reneg_init(tls, context);
	SSL_set_mode(ssl, SSL_MODE_RELEASE_BUFFERS);
	if (session) {
		copy_session(session, ssl);
	}
	return 0;
}

/* How long a server handshake may wait: the stream's timeout, capped by
 * fastsock.tls_handshake_timeout so that a silent peer cannot hold an
 * accept loop for a minute. */
static bool handshake_timeout(const fastsock_sock *sock, struct timeval *timeout)
{
	long cap = sock->options.tls_handshake_timeout;

	*timeout = sock->net.timeout;
	if (cap > 0 && (timeout->tv_sec < 0 || timeout->tv_sec > cap || (timeout->tv_sec == cap && timeout->tv_usec > 0))) {
		timeout->tv_sec = cap;
		timeout->tv_usec = 0;
	}
	return timeout->tv_sec > 0 || (timeout->tv_sec == 0 && timeout->tv_usec > 0);
}

/* The handshake's start: non-blocking for its length, as stock. */
static void handshake_begin(fastsock_sock *sock)
{
	struct fastsock_tls *tls = sock->tls;
	struct timeval timeout;

	if (!tls->state_set) {
		SSL_set_accept_state(tls->ssl);
		tls->state_set = true;
	}
	tls->began_blocked = sock->net.is_blocked;
	if (php_set_sock_blocking(sock->net.socket, 0) == SUCCESS) {
		sock->net.is_blocked = 0;
		SSL_set_mode(tls->ssl, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
	}
	tls->has_deadline = !sock->net.is_blocked && handshake_timeout(sock, &timeout);
	if (tls->has_deadline) {
		tls->deadline = fastsock_deadline_after(&timeout);
	}
}

static void handshake_end(fastsock_sock *sock)
{
	if (sock->net.is_blocked != sock->tls->began_blocked
			&& php_set_sock_blocking(sock->net.socket, sock->tls->began_blocked) == SUCCESS) {
		sock->net.is_blocked = sock->tls->began_blocked;
	}
}

/* The certificate the peer sent, kept where the options ask, and stock's
 * checks of it. */
static bool peer_accepted(fastsock_sock *sock, bool completed)
{
	struct fastsock_tls *tls = sock->tls;
	php_stream_context *context = fastsock_tls_options_context(tls);
	X509 *peer = SSL_get1_peer_certificate(tls->ssl);
	bool ok = completed;

	fastsock_tls_capture_peer(context, tls->ssl, peer);
	if (completed && !fastsock_tls_peer_policy(context, tls->ssl, peer)) {
		SSL_shutdown(tls->ssl);
		ok = false;
	}
	X509_free(peer);
	return ok;
}

/* One SSL_accept() and what it means. */
static fastsock_tls_step handshake_attempt(fastsock_sock *sock, void *arg)
{
	struct fastsock_tls *tls = sock->tls;
	fastsock_tls_outcome outcome;
	int n;

	(void) arg;
	ERR_clear_error();
	n = SSL_accept(tls->ssl);
	if (n == 1) {
		handshake_end(sock);
		if (!peer_accepted(sock, true)) {
			tls->failed = true;
			return FASTSOCK_TLS_FAILED;
		}
		tls->active = true;
		count_handshake(tls->ssl, true);
		return FASTSOCK_TLS_DONE;
	}
	outcome = fastsock_tls_outcome_of(tls->ssl, n);
	if (outcome == FASTSOCK_TLS_OUT_WANT_READ) {
		return FASTSOCK_TLS_WANT_READ;
	}
	if (outcome == FASTSOCK_TLS_OUT_WANT_WRITE) {
		return FASTSOCK_TLS_WANT_WRITE;
	}
	handshake_end(sock);
	/* The peer's certificate is captured even when the handshake failed. */
	peer_accepted(sock, false);
	tls->failed = true;
	return FASTSOCK_TLS_FAILED;
}

static void timed_out(fastsock_sock *sock)
{
	/* As stock, the descriptor stays non-blocking here. */
	php_error_docref(NULL, E_WARNING, "SSL: Handshake timed out");
	sock->tls->failed = true;
}

/* stream_socket_enable_crypto(): 1 done, 0 a non-blocking stream's
 * handshake wants I/O, -1 failed (after stock's warnings). */
static int tls_enable_blocking_or_not(php_stream *stream, fastsock_sock *sock)
{
	struct fastsock_tls *tls = sock->tls;
	fastsock_tls_step step;
	bool was_blocked = sock->net.is_blocked;

	handshake_begin(sock);
	if (!was_blocked) {
		step = handshake_attempt(sock, NULL);
	} else {
		step = fastsock_tls_drive(sock, handshake_attempt, NULL, tls->has_deadline ? &tls->deadline : NULL);
	}
	if (step == FASTSOCK_TLS_DONE) {
		fastsock_tls_stream_attach(stream, sock);
		return 1;
	}
	if (step != FASTSOCK_TLS_FAILED && !was_blocked) {
		return 0;
	}
	if (step != FASTSOCK_TLS_FAILED) {
		timed_out(sock);
	}
	count_handshake(tls->ssl, false);
	return -1;
}

static int tls_enable(php_stream *stream, fastsock_sock *sock, php_stream_xport_crypto_param *cparam)
{
	if (!has_handle(sock)) {
		return -1;
	}
	if (cparam->inputs.activate && !sock->tls->active) {
		return tls_enable_blocking_or_not(stream, sock);
	}
	if (!cparam->inputs.activate && sock->tls->active) {
		SSL_shutdown(sock->tls->ssl);
		sock->tls->active = false;
		stream->ops = fastsock_socket_ops(sock->kind);
	}
	return -1;
}

static int tls_setup_on_stream(php_stream *stream, fastsock_sock *sock, php_stream_xport_crypto_param *cparam)
{
	if (has_handle(sock)) {
		if (sock->net.is_blocked) {
			php_error_docref(NULL, E_WARNING, "SSL/TLS already set-up for this stream");
			return -1;
		}
		return 0;
	}
	state_of(sock)->stream = stream;
	return tls_setup(sock, cparam->inputs.method, cparam->inputs.session);
}

int fastsock_tls_crypto_api(php_stream *stream, fastsock_sock *sock, php_stream_xport_crypto_param *cparam)
{
	if (sock->kind != FASTSOCK_TCP) {
		return PHP_STREAM_OPTION_RETURN_NOTIMPL;
	}
	/* Client handshakes on an accepted stream, or TLS not served: the
	 * stream becomes the one stock would have, with stock's TLS. */
	if (!has_handle(sock) && (!fastsock_tls_serves()
			|| (cparam->op == STREAM_XPORT_CRYPTO_OP_SETUP && (cparam->inputs.method & FASTSOCK_TLS_IS_CLIENT)))) {
		return fastsock_crypto_handover_option(stream, sock, cparam);
	}
	switch (cparam->op) {
		case STREAM_XPORT_CRYPTO_OP_SETUP:
			cparam->outputs.returncode = tls_setup_on_stream(stream, sock, cparam);
			return PHP_STREAM_OPTION_RETURN_OK;
		case STREAM_XPORT_CRYPTO_OP_ENABLE:
			cparam->outputs.returncode = tls_enable(stream, sock, cparam);
			return PHP_STREAM_OPTION_RETURN_OK;
		default:
			return PHP_STREAM_OPTION_RETURN_NOTIMPL;
	}
}

fastsock_tls_step fastsock_tls_accept_start(fastsock_sock *listener, fastsock_sock *conn,
		zend_resource *listener_context)
{
	struct fastsock_tls *tls = state_of(conn);
	fastsock_tls_step step = FASTSOCK_TLS_FAILED;
	bool held;

	tls->pending_context = listener_context;
	if (listener_context) {
		GC_ADDREF(listener_context);
	}
	held = fastsock_tls_warnings_hold(&tls->warnings);
	if (tls_setup(conn, listener->tls_server->method, NULL) == 0) {
		handshake_begin(conn);
		step = handshake_attempt(conn, NULL);
	}
	fastsock_tls_warnings_resume(held);
	if (step == FASTSOCK_TLS_FAILED) {
		tls->failed = true;
	}
	return step;
}

fastsock_tls_step fastsock_tls_accept_continue(fastsock_sock *conn)
{
	struct fastsock_tls *tls = conn->tls;
	fastsock_tls_step step;
	bool held;

	if (!tls || !tls->ssl || tls->failed) {
		return FASTSOCK_TLS_FAILED;
	}
	held = fastsock_tls_warnings_hold(&tls->warnings);
	step = handshake_attempt(conn, NULL);
	fastsock_tls_warnings_resume(held);
	return step;
}

struct timespec fastsock_tls_accept_deadline(const fastsock_sock *conn)
{
	struct timespec none = {-1, 0};

	return conn->tls && conn->tls->has_deadline ? conn->tls->deadline : none;
}

void fastsock_tls_accept_expire(fastsock_sock *conn)
{
	struct fastsock_tls *tls = state_of(conn);
	bool held = fastsock_tls_warnings_hold(&tls->warnings);

	timed_out(conn);
	fastsock_tls_warnings_resume(held);
}

/* The connection's own TLS state; its share of the listener's stays. */
static void state_free(fastsock_sock *sock)
{
	struct fastsock_tls *tls = sock->tls;

	if (!tls) {
		return;
	}
	if (tls->ssl) {
		SSL_free(tls->ssl);
	}
	fastsock_tls_ctx_release(tls->tctx);
	if (tls->pending_context) {
		zend_list_delete(tls->pending_context);
	}
	fastsock_tls_warnings_free(&tls->warnings);
	efree(tls);
	sock->tls = NULL;
}

void fastsock_tls_accept_report(fastsock_sock *conn)
{
	if (conn->tls) {
		fastsock_tls_warnings_replay(&conn->tls->warnings);
	}
	php_error_docref(NULL, E_WARNING, "Failed to enable crypto");
	FASTSOCK_G(counters).tls_handshakes_failed++;
	state_free(conn);
}

bool fastsock_tls_accept_handshake(fastsock_sock *listener, php_stream *client)
{
	fastsock_sock *conn = fastsock_sock_from_stream(client);
	fastsock_tls_step step = fastsock_tls_accept_start(listener, conn, client->ctx);
	struct timespec deadline = fastsock_tls_accept_deadline(conn);

	while (step == FASTSOCK_TLS_WANT_READ || step == FASTSOCK_TLS_WANT_WRITE) {
		if (!fastsock_tls_wait(conn, step, deadline.tv_sec >= 0 ? &deadline : NULL)) {
			fastsock_tls_accept_expire(conn);
			step = FASTSOCK_TLS_FAILED;
			break;
		}
		step = fastsock_tls_accept_continue(conn);
	}
	if (step != FASTSOCK_TLS_DONE) {
		fastsock_tls_accept_report(conn);
		return false;
	}
	fastsock_tls_stream_attach(client, conn);
	return true;
}

void fastsock_tls_close(fastsock_sock *sock, bool close_handle)
{
	/* Only a completed handshake says goodbye; after a failed one the
	 * session is dropped, as stock drops it. */
	if (close_handle && fastsock_tls_active(sock)) {
		SSL_shutdown(sock->tls->ssl);
	}
	state_free(sock);
	fastsock_tls_server_release(sock->tls_server);
	sock->tls_server = NULL;
}
