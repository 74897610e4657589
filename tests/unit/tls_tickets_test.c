/*
 * Unit test of transports/tls_tickets.c against OpenSSL, without sockets:
 * handshakes over an in-memory BIO pair show that a ticket from one
 * attached SSL_CTX resumes on another with the same session id context,
 * on TLS 1.2 and 1.3, and that a resumption brings a new ticket on TLS 1.3
 * but not on TLS 1.2 under the current key.
 * Prints "N passed, N failed".
 */
#include "tls_tickets.h"
#include "check.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SESSION_TIMEOUT 300

static const unsigned char sid_context[] = "fastsock tickets test";
static const unsigned char other_sid_context[] = "another server";

static EVP_PKEY *server_key;
static X509 *server_cert;

_Noreturn static void die(const char *call)
{
	fprintf(stderr, "%s failed\n", call);
	ERR_print_errors_fp(stderr);
	exit(2);
}

/* A self-signed certificate for CN=localhost, valid for a day. */
static void make_cert(void)
{
	X509_NAME *name;

	server_key = EVP_RSA_gen(2048);
	server_cert = X509_new();
	if (server_key == NULL || server_cert == NULL) {
		die("EVP_RSA_gen/X509_new");
	}
	name = X509_get_subject_name(server_cert);
	if (X509_set_version(server_cert, 2) != 1
		|| ASN1_INTEGER_set(X509_get_serialNumber(server_cert), 1) != 1
		|| X509_gmtime_adj(X509_getm_notBefore(server_cert), 0) == NULL
		|| X509_gmtime_adj(X509_getm_notAfter(server_cert), 86400) == NULL
		|| X509_set_pubkey(server_cert, server_key) != 1
		|| X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
			(const unsigned char *) "localhost", -1, -1, 0) != 1
		|| X509_set_issuer_name(server_cert, name) != 1
		|| X509_sign(server_cert, server_key, EVP_sha256()) == 0) {
		die("building the certificate");
	}
}

/* A server context as fastsock's shared one would be: the cert, a session
 * id context, and (when `attach`) fastsock's ticket keys. */
static SSL_CTX *server_ctx(const unsigned char *context, size_t len, bool attach)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());

	if (ctx == NULL
		|| SSL_CTX_use_certificate(ctx, server_cert) != 1
		|| SSL_CTX_use_PrivateKey(ctx, server_key) != 1
		|| SSL_CTX_set_session_id_context(ctx, context, (unsigned int) len) != 1) {
		die("server SSL_CTX");
	}
	SSL_CTX_set_timeout(ctx, SESSION_TIMEOUT);
	if (attach && !fastsock_tls_tickets_attach(ctx, SESSION_TIMEOUT)) {
		die("fastsock_tls_tickets_attach");
	}
	return ctx;
}

static SSL_CTX *client_ctx(int version)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());

	if (ctx == NULL
		|| SSL_CTX_set_min_proto_version(ctx, version) != 1
		|| SSL_CTX_set_max_proto_version(ctx, version) != 1) {
		die("client SSL_CTX");
	}
	return ctx;
}

static bool wants_more(SSL *ssl, int rc)
{
	int err = SSL_get_error(ssl, rc);

	return err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE;
}

/*
 * One connection from client to server over a BIO pair, offering
 * `session` (NULL: none). Returns whether the handshake completed; sets
 * *reused, and *session_out (when not NULL) to the client's session after
 * it read what the server sent after the handshake (TLS 1.3 tickets).
 */
static bool connect_once(SSL_CTX *server, SSL_CTX *client, SSL_SESSION *session,
	bool *reused, SSL_SESSION **session_out)
{
	SSL *s = SSL_new(server), *c = SSL_new(client);
	BIO *server_bio, *client_bio;
	bool done = false;
	unsigned char byte;

	if (s == NULL || c == NULL || BIO_new_bio_pair(&server_bio, 0, &client_bio, 0) != 1) {
		die("SSL_new/BIO_new_bio_pair");
	}
	SSL_set_bio(s, server_bio, server_bio);
	SSL_set_bio(c, client_bio, client_bio);
	SSL_set_accept_state(s);
	SSL_set_connect_state(c);
	if (session && SSL_set_session(c, session) != 1) {
		die("SSL_set_session");
	}
	for (int round = 0; round < 20 && !done; round++) {
		int rc_c = SSL_do_handshake(c), rc_s = SSL_do_handshake(s);

		if ((rc_c != 1 && !wants_more(c, rc_c)) || (rc_s != 1 && !wants_more(s, rc_s))) {
			break;
		}
		done = rc_c == 1 && rc_s == 1;
	}
	/* Nothing to read: the call only takes in the tickets. */
	if (done && SSL_read(c, &byte, 1) > 0) {
		done = false;
	}
	*reused = done && SSL_session_reused(c) && SSL_session_reused(s);
	/* Each side sends close_notify: a connection freed without it marks
	 * its session not resumable. */
	if (done && (SSL_shutdown(c) < 0 || SSL_shutdown(s) < 0)) {
		done = false;
	}
	if (session_out) {
		*session_out = SSL_get1_session(c);
	}
	ERR_clear_error();
	SSL_free(c);
	SSL_free(s);
	return done;
}

/* Does the session hold a ticket other than `before`'s? */
static bool new_ticket(const SSL_SESSION *after, const SSL_SESSION *before)
{
	const unsigned char *a, *b;
	size_t a_len, b_len;

	SSL_SESSION_get0_ticket(after, &a, &a_len);
	SSL_SESSION_get0_ticket(before, &b, &b_len);
	return a_len > 0 && (a_len != b_len || memcmp(a, b, a_len) != 0);
}

/* A full handshake on `server`, then the same client resuming on `other`.
 * Returns whether it resumed; *renewed = whether it got a new ticket. */
static bool resumes(SSL_CTX *server, SSL_CTX *other, int version, bool *renewed)
{
	SSL_CTX *client = client_ctx(version);
	SSL_SESSION *first = NULL, *second = NULL;
	bool reused = true, ok;

	ok = connect_once(server, client, NULL, &reused, &first) && !reused && first != NULL
		&& SSL_SESSION_has_ticket(first);
	ok = ok && connect_once(other, client, first, &reused, &second) && reused && second != NULL;
	*renewed = ok && new_ticket(second, first);
	SSL_SESSION_free(first);
	SSL_SESSION_free(second);
	SSL_CTX_free(client);
	return ok;
}

int main(void)
{
	SSL_CTX *a, *b, *other_context, *openssl_keys, *client;
	SSL_SESSION *session = NULL, *fresh = NULL;
	bool reused, renewed;

	make_cert();
	a = server_ctx(sid_context, sizeof(sid_context), true);
	b = server_ctx(sid_context, sizeof(sid_context), true);
	other_context = server_ctx(other_sid_context, sizeof(other_sid_context), true);
	openssl_keys = server_ctx(sid_context, sizeof(sid_context), false);

	/* Across two contexts, and on the one that issued the ticket. */
	CHECK(resumes(a, b, TLS1_2_VERSION, &renewed));
	CHECK(resumes(a, a, TLS1_2_VERSION, &renewed));
	/* The current key: no new ticket on TLS 1.2. */
	CHECK(!renewed);
	CHECK(resumes(b, a, TLS1_3_VERSION, &renewed));
	/* TLS 1.3 clients use a ticket once: the resumption brings a new one. */
	CHECK(renewed);

	/* Controls: a context with OpenSSL's own keys cannot read the ticket,
	 * and another session id context refuses the session; both then
	 * complete a full handshake. */
	client = client_ctx(TLS1_2_VERSION);
	CHECK(connect_once(a, client, NULL, &reused, &session) && !reused && session != NULL);
	CHECK(connect_once(openssl_keys, client, session, &reused, NULL) && !reused);
	CHECK(connect_once(other_context, client, session, &reused, NULL) && !reused);
	CHECK(connect_once(b, client, session, &reused, NULL) && reused);

	/* After shutdown no tickets, until a context is attached again. */
	fastsock_tls_tickets_shutdown();
	CHECK(connect_once(b, client, session, &reused, &fresh) && !reused);
	CHECK(fresh != NULL && !SSL_SESSION_has_ticket(fresh));
	SSL_SESSION_free(fresh);
	CHECK(!fastsock_tls_tickets_attach(a, 0));
	CHECK(!fastsock_tls_tickets_attach(a, -1));
	/* Then the keys are new: the old ticket gets a full handshake. */
	CHECK(fastsock_tls_tickets_attach(a, SESSION_TIMEOUT));
	CHECK(connect_once(a, client, session, &reused, NULL) && !reused);
	CHECK(resumes(a, b, TLS1_2_VERSION, &renewed));

	SSL_SESSION_free(session);
	SSL_CTX_free(client);
	SSL_CTX_free(a);
	SSL_CTX_free(b);
	SSL_CTX_free(other_context);
	SSL_CTX_free(openssl_keys);
	fastsock_tls_tickets_shutdown();
	X509_free(server_cert);
	EVP_PKEY_free(server_key);
	return check_report();
}
