/* TLS for the echo mode; see tls.h. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <sys/epoll.h>

#include <openssl/err.h>

#include "loadgen.h"
#include "tls.h"

static SSL_CTX *client_ctx;
static SSL_SESSION *last_session;

/* The client's session cache is the newest session (TLS 1.2 at the end of
 * the handshake, TLS 1.3 tickets after it): later connections offer it. */
static int keep_session(SSL *ssl, SSL_SESSION *sess)
{
	(void) ssl;
	if (last_session)
		SSL_SESSION_free(last_session);
	last_session = sess;
	return 1; /* we keep the reference */
}

static SSL_CTX *ctx(void)
{
	if (client_ctx)
		return client_ctx;
	client_ctx = SSL_CTX_new(TLS_client_method());
	if (!client_ctx)
		die("SSL_CTX_new failed");
	/* Loopback benchmarking against a self-signed certificate. */
	SSL_CTX_set_verify(client_ctx, SSL_VERIFY_NONE, NULL);
	SSL_CTX_set_mode(client_ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
	SSL_CTX_set_session_cache_mode(client_ctx, SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_NO_INTERNAL_STORE);
	SSL_CTX_sess_set_new_cb(client_ctx, keep_session);
	return client_ctx;
}

SSL *tls_new(int fd)
{
	SSL *ssl = SSL_new(ctx());

	if (!ssl || SSL_set_fd(ssl, fd) != 1)
		die("SSL_new failed");
	SSL_set_connect_state(ssl);
	if (last_session && SSL_set_session(ssl, last_session) != 1)
		die("SSL_set_session failed");
	return ssl;
}

int tls_handshake(SSL *ssl, unsigned *events, const char **why)
{
	int rc = SSL_do_handshake(ssl);

	if (rc == 1)
		return 1;
	switch (SSL_get_error(ssl, rc)) {
	case SSL_ERROR_WANT_READ:
		*events = EPOLLIN;
		return 0;
	case SSL_ERROR_WANT_WRITE:
		*events = EPOLLOUT;
		return 0;
	}
	*why = ERR_reason_error_string(ERR_peek_last_error());
	if (!*why)
		*why = "connection closed";
	ERR_clear_error();
	return -1;
}

/* After an SSL_read or SSL_write that returned rc <= 0. */
static ssize_t fail(SSL *ssl, int rc)
{
	unsigned long e;

	switch (SSL_get_error(ssl, rc)) {
	case SSL_ERROR_WANT_READ:
	case SSL_ERROR_WANT_WRITE:
		errno = EAGAIN;
		return -1;
	case SSL_ERROR_ZERO_RETURN:
		return 0;
	case SSL_ERROR_SYSCALL:
		ERR_clear_error();
		if (errno == 0)
			return 0;
		return -1;
	}
	e = ERR_peek_last_error();
	ERR_clear_error();
	/* A close without close_notify reads as the end, as on plain TCP. */
	if (ERR_GET_REASON(e) == SSL_R_UNEXPECTED_EOF_WHILE_READING)
		return 0;
	errno = EPROTO;
	return -1;
}

ssize_t tls_read(SSL *ssl, void *buf, size_t n)
{
	int rc;

	errno = 0;
	rc = SSL_read(ssl, buf, n > INT_MAX ? INT_MAX : (int)n);
	return rc > 0 ? rc : fail(ssl, rc);
}

ssize_t tls_write(SSL *ssl, const void *buf, size_t n)
{
	int rc;

	errno = 0;
	rc = SSL_write(ssl, buf, n > INT_MAX ? INT_MAX : (int)n);
	return rc > 0 ? rc : fail(ssl, rc);
}
