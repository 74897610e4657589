/* Reference for tls_https.php and tls_starttls.php: TLS on one shared
 * SSL_CTX, built once, with a session id context, the server session cache
 * and tickets (OpenSSL's own ticket keys), every handshake non-blocking on
 * the epoll loop. Each connection: handshake, read the request up to its
 * blank line (or the peer's close), write the same tiny response, close.
 * With "echo", the reference for select_echo.php on ssl:// instead: every
 * byte read is written back, and nothing is read while some is unsent.
 *
 *   ref_tls ADDRESS CERT KEY [echo]   (ADDRESS: ssl:// or tcp://host:port)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "ref.h"

/* The PHP scripts read header lines up to this much, then answer anyway. */
#define MAX_REQUEST 8192

static const char response[] =
	"HTTP/1.0 200 OK\r\n"
	"Content-Type: text/plain\r\n"
	"Content-Length: 14\r\n"
	"\r\n"
	"Hello, world!\n";

enum state { HANDSHAKE = 0, READ_REQUEST, WRITE_RESPONSE, ECHO };

struct conn {
	SSL *ssl;
	enum state state;
	size_t request_len;
	/* The last bytes read, to find "\r\n\r\n" across reads. */
	char tail[4];
	size_t tail_len;
	/* What epoll waits for on it: EPOLLIN from accept on. */
	uint32_t events;
	/* Echo that SSL_write has not taken yet. */
	struct buf out;
};

static SSL_CTX *ctx;
static int echo_mode;
static struct conn *conns;
static size_t nconns;

static SSL_CTX *make_ctx(const char *cert, const char *key)
{
	static const unsigned char sid_ctx[] = "fastsock-bench-ref_tls";
	SSL_CTX *c = SSL_CTX_new(TLS_server_method());

	if (!c)
		die("SSL_CTX_new failed");
	if (SSL_CTX_use_certificate_chain_file(c, cert) != 1)
		die("loading certificate %s failed", cert);
	if (SSL_CTX_use_PrivateKey_file(c, key, SSL_FILETYPE_PEM) != 1 || SSL_CTX_check_private_key(c) != 1)
		die("loading key %s failed", key);
	/* Without it a resumption attempt on a context that verifies peers is
	 * fatal; with it, sessions and tickets resume. The cache is
	 * OpenSSL's default server cache; tickets are on by default. */
	if (SSL_CTX_set_session_id_context(c, sid_ctx, sizeof(sid_ctx) - 1) != 1)
		die("SSL_CTX_set_session_id_context failed");
	SSL_CTX_set_session_cache_mode(c, SSL_SESS_CACHE_SERVER);
	SSL_CTX_set_verify(c, SSL_VERIFY_NONE, NULL);
	/* The echo writes what SSL_write takes and keeps the rest in a buffer
	 * that may move. */
	SSL_CTX_set_mode(c, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
	return c;
}

static void drop(struct conn *c, int fd)
{
	if (c->ssl)
		SSL_free(c->ssl);
	free(c->out.data);
	memset(c, 0, sizeof(*c));
	/* Errors of one connection must not show up on the next. */
	ERR_clear_error();
	ref_close(fd);
}

/* Sends close_notify once, without waiting for the peer's, and closes. */
static void finish(struct conn *c, int fd)
{
	SSL_shutdown(c->ssl);
	drop(c, fd);
}

/* Returns 1 once the blank line ending the request has been read. */
static int request_done(struct conn *c, const char *p, size_t n)
{
	char scan[4 + 4096];
	size_t k = c->tail_len;

	/* n is at most sizeof(scan) - 4: see read_request's buffer. */
	memcpy(scan, c->tail, k);
	memcpy(scan + k, p, n);
	k += n;
	if (memmem(scan, k, "\r\n\r\n", 4))
		return 1;
	c->tail_len = k < 3 ? k : 3;
	memcpy(c->tail, scan + k - c->tail_len, c->tail_len);
	return 0;
}

/* What the last SSL call wants: 1 to wait for readable, 2 for writable,
 * 0 if the connection is over (closed by the peer or failed). */
static int wants(struct conn *c, int rc)
{
	switch (SSL_get_error(c->ssl, rc)) {
	case SSL_ERROR_WANT_READ: return 1;
	case SSL_ERROR_WANT_WRITE: return 2;
	default: return 0;
	}
}

static void wait_for(struct ref_server *s, struct conn *c, int fd, int w)
{
	uint32_t ev = w == 2 ? EPOLLOUT : EPOLLIN;

	if (c->events != ev) {
		ref_watch(s, EPOLL_CTL_MOD, fd, ev);
		c->events = ev;
	}
}

/* Writes the unsent echo; returns 0 when all went, else what to wait for
 * (-1: the connection is over). */
static int flush_echo(struct conn *c)
{
	while (c->out.len > 0) {
		int rc = SSL_write(c->ssl, c->out.data, c->out.len > INT_MAX ? INT_MAX : (int)c->out.len);

		if (rc <= 0) {
			int w = wants(c, rc);
			return w ? w : -1;
		}
		buf_consume(&c->out, (size_t)rc);
	}
	return 0;
}

static void serve_echo(struct ref_server *s, struct conn *c, int fd)
{
	char data[16384];
	int rc;

	for (;;) {
		if ((rc = flush_echo(c)) != 0) {
			if (rc > 0)
				wait_for(s, c, fd, rc);
			else
				drop(c, fd);
			return;
		}
		rc = SSL_read(c->ssl, data, sizeof(data));
		if (rc <= 0) {
			int w = wants(c, rc);
			if (w)
				wait_for(s, c, fd, w);
			else
				drop(c, fd);
			return;
		}
		buf_append(&c->out, data, (size_t)rc);
	}
}

static void serve(struct ref_server *s, int fd)
{
	struct conn *c = ref_slot((void **)&conns, &nconns, fd, sizeof(*c));
	char data[4096];
	int rc, w;

	if (!c->ssl) {
		c->ssl = SSL_new(ctx);
		if (!c->ssl || SSL_set_fd(c->ssl, fd) != 1)
			die("SSL_new failed");
		c->events = EPOLLIN;
	}
	switch (c->state) {
	case HANDSHAKE:
		rc = SSL_accept(c->ssl);
		if (rc != 1) {
			/* A failed handshake: the client gave up or broke off. */
			if ((w = wants(c, rc)) != 0)
				wait_for(s, c, fd, w);
			else
				drop(c, fd);
			return;
		}
		if (echo_mode) {
			c->state = ECHO;
			serve_echo(s, c, fd);
			return;
		}
		/* The request may already be here. */
		c->state = READ_REQUEST;
		/* fall through */
	case READ_REQUEST:
		for (;;) {
			rc = SSL_read(c->ssl, data, sizeof(data));
			if (rc <= 0) {
				if ((w = wants(c, rc)) != 0) {
					wait_for(s, c, fd, w);
					return;
				}
				/* The peer closed without a request (s_time without
				 * -www): answered anyway, as the PHP script does. */
				ERR_clear_error();
				break;
			}
			c->request_len += (size_t)rc;
			if (request_done(c, data, (size_t)rc) || c->request_len >= MAX_REQUEST)
				break;
		}
		c->state = WRITE_RESPONSE;
		/* fall through */
	case WRITE_RESPONSE:
		rc = SSL_write(c->ssl, response, sizeof(response) - 1);
		if (rc <= 0 && (w = wants(c, rc)) != 0) {
			wait_for(s, c, fd, w);
			return;
		}
		/* Written, or the peer is gone: either way, done. */
		finish(c, fd);
		return;
	case ECHO:
		serve_echo(s, c, fd);
		return;
	}
}

static void on_event(struct ref_server *s, int fd, uint32_t events, void *arg)
{
	(void) events;
	(void) arg;
	serve(s, fd);
}

int main(int argc, char **argv)
{
	struct ref_server s;

	if (argc == 5 && strcmp(argv[4], "echo") == 0)
		echo_mode = 1;
	else if (argc != 4)
		die("usage: %s ADDRESS CERT KEY [echo]", argv[0]);
	/* Writes to a peer that has already closed must fail, not kill us. */
	signal(SIGPIPE, SIG_IGN);
	ctx = make_ctx(argv[2], argv[3]);
	/* ssl:// or tcp://: TLS either way. */
	ref_start(&s, 2, argv);
	ref_serve_connections(&s, on_event, NULL);
}
