/*
 * Unit test of transports/tls_tickets.c against OpenSSL, without sockets:
 * handshakes over an in-memory BIO pair show that
 * - a ticket from one attached SSL_CTX resumes on another with the same
 *   session id context, on TLS 1.2 and 1.3 (a new ticket on TLS 1.3, none
 *   on TLS 1.2 under the current key);
 * - keys made in a forked child serve the parent and a later child, and a
 *   child killed while holding the keys' lock stops nobody;
 * - with a key file, tickets are laid out as nginx lays them (checked by
 *   hand: name, IV, AES-CBC, HMAC-SHA256 with the key bytes where nginx
 *   takes them, for 80- and 48-byte keys); a ticket built by hand as nginx
 *   builds it under the second key resumes and is renewed under the first;
 *   a bad file gives no tickets and one problem; a file renamed over is
 *   read within the check interval, keys kept while it is bad.
 * Files go in a temp dir under $TMPDIR, removed at the end. An alarm
 * bounds the run. Prints "N passed, N failed".
 */
#include "tls_tickets.h"
#include "check.h"

#include <errno.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SESSION_TIMEOUT 300

static const unsigned char sid_context[] = "fastsock tickets test";
static const unsigned char other_sid_context[] = "another server";

static EVP_PKEY *server_key;
static X509 *server_cert;
static char dir[4096], key_path[4200], scratch_path[4200];

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
 * id context, and (when `attach`) fastsock's ticket keys; without them, no
 * tickets when `no_ticket`. */
static SSL_CTX *server_ctx_with(const unsigned char *context, size_t len, bool attach, bool no_ticket)
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
	if (no_ticket) {
		SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
	}
	return ctx;
}

static SSL_CTX *server_ctx(const unsigned char *context, size_t len, bool attach)
{
	return server_ctx_with(context, len, attach, false);
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

/* What one connection offers and what it gives back. */
typedef struct attempt {
	SSL_SESSION *session;         /* offered by the client, or NULL */
	const unsigned char *ticket;  /* sent instead of the session's (TLS 1.2) */
	size_t ticket_len;
	bool reused;
	SSL_SESSION *client_session;  /* out, when `keep`: the client's, after the tickets */
	SSL_SESSION *server_session;  /* out, when `keep`: the server's */
	bool keep;
} attempt;

/*
 * One connection from client to server over a BIO pair. Returns whether
 * the handshake completed; sets a->reused, and the sessions when a->keep
 * (the client's after it read what the server sent after the handshake:
 * TLS 1.3 tickets).
 */
static bool connect_with(SSL_CTX *server, SSL_CTX *client, attempt *a)
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
	if (a->session && SSL_set_session(c, a->session) != 1) {
		die("SSL_set_session");
	}
	if (a->ticket && SSL_set_session_ticket_ext(c, (void *) a->ticket, (int) a->ticket_len) != 1) {
		die("SSL_set_session_ticket_ext");
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
	a->reused = done && SSL_session_reused(c) && SSL_session_reused(s);
	/* Each side sends close_notify: a connection freed without it marks
	 * its session not resumable. */
	if (done && (SSL_shutdown(c) < 0 || SSL_shutdown(s) < 0)) {
		done = false;
	}
	if (a->keep) {
		a->client_session = SSL_get1_session(c);
		a->server_session = SSL_get1_session(s);
	}
	ERR_clear_error();
	SSL_free(c);
	SSL_free(s);
	return done;
}

static void attempt_free(attempt *a)
{
	SSL_SESSION_free(a->client_session);
	SSL_SESSION_free(a->server_session);
	a->client_session = a->server_session = NULL;
}

/* The earlier helper's shape: offer `session`, get the client's back. */
static bool connect_once(SSL_CTX *server, SSL_CTX *client, SSL_SESSION *session,
	bool *reused, SSL_SESSION **session_out)
{
	attempt a = {.session = session, .keep = session_out != NULL};
	bool done = connect_with(server, client, &a);

	*reused = a.reused;
	if (session_out) {
		*session_out = a.client_session;
		a.client_session = NULL;
	}
	attempt_free(&a);
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

static void startup(const char *key_file)
{
	fastsock_ticket_page_status page;

	fastsock_tls_tickets_startup(key_file, &page);
	CHECK(page.shared && !page.dumpable);
}

static void test_one_process(void)
{
	SSL_CTX *a, *b, *other_context, *openssl_keys, *client;
	SSL_SESSION *session = NULL, *fresh = NULL;
	bool reused, renewed;

	startup("");
	CHECK(fastsock_tls_tickets_source() == FASTSOCK_TICKET_KEYS_GENERATED);
	CHECK(fastsock_tls_tickets_usable());
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

	/* After shutdown no tickets, and no attach, until the next startup. */
	fastsock_tls_tickets_shutdown();
	CHECK(fastsock_tls_tickets_source() == FASTSOCK_TICKET_KEYS_NONE);
	CHECK(connect_once(b, client, session, &reused, &fresh) && !reused);
	CHECK(fresh != NULL && !SSL_SESSION_has_ticket(fresh));
	SSL_SESSION_free(fresh);
	CHECK(!fastsock_tls_tickets_attach(a, SESSION_TIMEOUT));
	startup(NULL);
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
}

/* --- processes ----------------------------------------------------------- */

/* Exit status of a child, or -1. */
static int wait_child(pid_t pid)
{
	int status;

	if (pid <= 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) {
		return -1;
	}
	return WEXITSTATUS(status);
}

static bool write_all(int fd, const unsigned char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);

		if (n <= 0) {
			return false;
		}
		buf += n;
		len -= (size_t) n;
	}
	return true;
}

/* A session in DER, from a pipe the child closes after writing it. */
static SSL_SESSION *read_session(int fd)
{
	unsigned char buf[8192];
	const unsigned char *p = buf;
	size_t got = 0;
	ssize_t n;

	while (got < sizeof(buf) && (n = read(fd, buf + got, sizeof(buf) - got)) > 0) {
		got += (size_t) n;
	}
	return got > 0 ? d2i_SSL_SESSION(NULL, &p, (long) got) : NULL;
}

/* In a child: the first full handshake (which makes the keys, after the
 * fork), its session written to fd in DER. */
static int child_issues(int fd, int version)
{
	SSL_CTX *server = server_ctx(sid_context, sizeof(sid_context), true);
	SSL_CTX *client = client_ctx(version);
	SSL_SESSION *session = NULL;
	unsigned char *der = NULL;
	bool reused;
	int len;

	if (!connect_once(server, client, NULL, &reused, &session) || reused || session == NULL
		|| !SSL_SESSION_has_ticket(session)) {
		return 1;
	}
	len = i2d_SSL_SESSION(session, &der);
	return len > 0 && write_all(fd, der, (size_t) len) ? 0 : 2;
}

/* In a child: does `session` resume here? */
static int child_resumes(SSL_SESSION *session, int version)
{
	SSL_CTX *server = server_ctx(sid_context, sizeof(sid_context), true);
	SSL_CTX *client = client_ctx(version);
	bool reused;

	return connect_once(server, client, session, &reused, NULL) && reused ? 0 : 1;
}

static void test_forked(int version)
{
	SSL_CTX *server, *client;
	SSL_SESSION *session;
	bool reused;
	int fds[2];
	pid_t pid;

	/* A fresh page, no keys yet: the child makes them. */
	startup("");
	if (pipe(fds) != 0) {
		die("pipe");
	}
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		_exit(child_issues(fds[1], version));
	}
	close(fds[1]);
	session = read_session(fds[0]);
	close(fds[0]);
	CHECK(wait_child(pid) == 0);
	CHECK(session != NULL);
	if (session == NULL) {
		fastsock_tls_tickets_shutdown();
		return;
	}
	/* The parent, and a second child forked after, read it. */
	server = server_ctx(sid_context, sizeof(sid_context), true);
	client = client_ctx(version);
	CHECK(connect_once(server, client, session, &reused, NULL) && reused);
	pid = fork();
	if (pid == 0) {
		_exit(child_resumes(session, version));
	}
	CHECK(wait_child(pid) == 0);

	/* A child's shutdown leaves the keys to the others. */
	pid = fork();
	if (pid == 0) {
		fastsock_tls_tickets_shutdown();
		_exit(0);
	}
	CHECK(wait_child(pid) == 0);
	CHECK(connect_once(server, client, session, &reused, NULL) && reused);

	/* A child killed while it holds the keys' lock stops nobody. */
	{
		int ready[2];
		char byte;

		if (pipe(ready) != 0) {
			die("pipe");
		}
		pid = fork();
		if (pid == 0) {
			close(ready[0]);
			if (fastsock_ticket_page_lock() == NULL || write(ready[1], "x", 1) != 1) {
				_exit(1);
			}
			pause();
			_exit(2);
		}
		close(ready[1]);
		CHECK(read(ready[0], &byte, 1) == 1);
		close(ready[0]);
		CHECK(kill(pid, SIGKILL) == 0);
		CHECK(waitpid(pid, NULL, 0) == pid);
		CHECK(connect_once(server, client, session, &reused, NULL) && reused);
	}

	SSL_SESSION_free(session);
	SSL_CTX_free(client);
	SSL_CTX_free(server);
	fastsock_tls_tickets_shutdown();
}

/* --- key files ------------------------------------------------------------- */

/* Renames a file of these bytes over the key file, as an operator should. */
static void install_keys(const unsigned char *keys, size_t len)
{
	FILE *f = fopen(scratch_path, "wb");

	if (f == NULL || (len > 0 && fwrite(keys, 1, len, f) != len) || fclose(f) != 0
		|| rename(scratch_path, key_path) != 0) {
		die("writing the key file");
	}
}

/* Where nginx takes each part of a key (ngx_ssl_session_ticket_keys). */
typedef struct nginx_key {
	const unsigned char *name, *aes, *hmac;
	int hmac_len;
	const EVP_CIPHER *cipher;
} nginx_key;

static nginx_key nginx_layout(const unsigned char *key, size_t size)
{
	nginx_key k = {key, NULL, NULL, 0, NULL};

	if (size == 80) {
		k.hmac = key + 16;
		k.hmac_len = 32;
		k.aes = key + 48;
		k.cipher = EVP_aes_256_cbc();
	} else {
		k.aes = key + 16;
		k.hmac = key + 32;
		k.hmac_len = 16;
		k.cipher = EVP_aes_128_cbc();
	}
	return k;
}

/* Is the session's ticket name | IV | AES-CBC(session) | HMAC-SHA256 of
 * all before it, under that key? */
static bool ticket_opens(const SSL_SESSION *session, const unsigned char *key_bytes, size_t size)
{
	nginx_key key = nginx_layout(key_bytes, size);
	const unsigned char *ticket, *p;
	unsigned char mac[EVP_MAX_MD_SIZE], plain[8192];
	unsigned int mac_len = 0;
	EVP_CIPHER_CTX *aes;
	SSL_SESSION *inside;
	size_t len;
	int n = 0, last = 0;
	bool ok;

	SSL_SESSION_get0_ticket(session, &ticket, &len);
	if (len < 16 + 16 + 16 + 32 || len - 64 > sizeof(plain) || memcmp(ticket, key.name, 16) != 0) {
		return false;
	}
	if (HMAC(EVP_sha256(), key.hmac, key.hmac_len, ticket, len - 32, mac, &mac_len) == NULL
		|| mac_len != 32 || memcmp(mac, ticket + len - 32, 32) != 0) {
		return false;
	}
	aes = EVP_CIPHER_CTX_new();
	ok = aes != NULL && EVP_DecryptInit_ex(aes, key.cipher, NULL, key.aes, ticket + 16) == 1
		&& EVP_DecryptUpdate(aes, plain, &n, ticket + 32, (int) (len - 64)) == 1
		&& EVP_DecryptFinal_ex(aes, plain + n, &last) == 1;
	EVP_CIPHER_CTX_free(aes);
	p = plain;
	inside = ok ? d2i_SSL_SESSION(NULL, &p, n + last) : NULL;
	SSL_SESSION_free(inside);
	return inside != NULL;
}

/* A ticket for `session` built as nginx's callback has OpenSSL build it:
 * name | IV | AES-CBC(DER session) | HMAC-SHA256 of all before. */
static size_t nginx_ticket(SSL_SESSION *session, const unsigned char *key_bytes, size_t size,
	unsigned char *out, size_t out_size)
{
	nginx_key key = nginx_layout(key_bytes, size);
	unsigned char *der = NULL;
	unsigned int mac_len = 0;
	int der_len = i2d_SSL_SESSION(session, &der), n = 0, last = 0;
	EVP_CIPHER_CTX *aes = EVP_CIPHER_CTX_new();
	bool ok;

	ok = der_len > 0 && aes != NULL && (size_t) der_len + 16 + 64 <= out_size
		&& RAND_bytes(out + 16, 16) == 1
		&& EVP_EncryptInit_ex(aes, key.cipher, NULL, key.aes, out + 16) == 1
		&& EVP_EncryptUpdate(aes, out + 32, &n, der, der_len) == 1
		&& EVP_EncryptFinal_ex(aes, out + 32 + n, &last) == 1;
	EVP_CIPHER_CTX_free(aes);
	OPENSSL_free(der);
	if (!ok) {
		return 0;
	}
	memcpy(out, key.name, 16);
	if (HMAC(EVP_sha256(), key.hmac, key.hmac_len, out, (size_t) (32 + n + last), out + 32 + n + last,
		&mac_len) == NULL || mac_len != 32) {
		return 0;
	}
	return (size_t) (32 + n + last + 32);
}

static bool ticket_named(const SSL_SESSION *session, const unsigned char *name)
{
	const unsigned char *ticket;
	size_t len;

	SSL_SESSION_get0_ticket(session, &ticket, &len);
	return len >= 16 && memcmp(ticket, name, 16) == 0;
}

/* Offers `ticket` with a copy of `session` (the client stores the ticket
 * it sends in the session it offers). */
static bool offer_ticket(SSL_CTX *server, SSL_CTX *client, SSL_SESSION *session,
	const unsigned char *ticket, size_t ticket_len, attempt *out)
{
	SSL_SESSION *copy = SSL_SESSION_dup(session);
	bool done;

	attempt_free(out);
	*out = (attempt) {.session = copy, .ticket = ticket, .ticket_len = ticket_len, .keep = true};
	done = copy != NULL && connect_with(server, client, out);
	SSL_SESSION_free(copy);
	return done;
}

/* Two keys of `size` bytes in a file: the first encrypts, the second only
 * decrypts (and renews). */
static void test_key_file_layout(size_t size)
{
	unsigned char keys[160], ticket[8192];
	SSL_CTX *server, *no_ticket, *client;
	attempt first = {.keep = true}, again = {.keep = true}, by_hand = {.keep = true};
	size_t ticket_len;

	if (RAND_bytes(keys, (int) (2 * size)) != 1) {
		die("RAND_bytes");
	}
	install_keys(keys, 2 * size);
	startup(key_path);
	CHECK(fastsock_tls_tickets_source() == FASTSOCK_TICKET_KEYS_FILE);
	CHECK(fastsock_tls_tickets_usable());
	server = server_ctx(sid_context, sizeof(sid_context), true);

	/* What the server issues opens with the first key as nginx reads it,
	 * on TLS 1.2 and 1.3; not with the second. */
	for (int version = TLS1_2_VERSION; version <= TLS1_3_VERSION; version++) {
		SSL_SESSION *session = NULL;
		bool reused;

		client = client_ctx(version);
		CHECK(connect_once(server, client, NULL, &reused, &session) && !reused && session != NULL);
		CHECK(session != NULL && ticket_opens(session, keys, size));
		CHECK(session != NULL && !ticket_opens(session, keys + size, size));
		CHECK(connect_once(server, client, session, &reused, NULL) && reused);
		SSL_SESSION_free(session);
		SSL_CTX_free(client);
	}

	/* A ticket made by hand under the second key, as nginx would: a client
	 * session without a ticket (from a server sending none) and the
	 * server's session, encrypted. It resumes, and a new ticket under the
	 * first key comes with it. */
	client = client_ctx(TLS1_2_VERSION);
	no_ticket = server_ctx_with(sid_context, sizeof(sid_context), false, true);
	CHECK(connect_with(no_ticket, client, &first) && first.client_session && first.server_session
		&& !SSL_SESSION_has_ticket(first.client_session));
	ticket_len = first.server_session ? nginx_ticket(first.server_session, keys + size, size, ticket, sizeof(ticket)) : 0;
	CHECK(ticket_len > 0);
	CHECK(offer_ticket(server, client, first.client_session, ticket, ticket_len, &by_hand) && by_hand.reused);
	CHECK(by_hand.client_session && ticket_named(by_hand.client_session, keys)
		&& ticket_opens(by_hand.client_session, keys, size));
	/* Controls: the same with a flipped MAC byte, or under a name not in
	 * the file, is a full handshake. */
	ticket[ticket_len - 1] ^= 1;
	CHECK(offer_ticket(server, client, first.client_session, ticket, ticket_len, &again) && !again.reused);
	attempt_free(&again);
	ticket[ticket_len - 1] ^= 1;
	ticket[0] ^= 1;
	CHECK(offer_ticket(server, client, first.client_session, ticket, ticket_len, &again) && !again.reused);
	ticket[0] ^= 1;
	CHECK(offer_ticket(server, client, first.client_session, ticket, ticket_len, &again) && again.reused);

	attempt_free(&again);
	attempt_free(&by_hand);
	attempt_free(&first);
	SSL_CTX_free(no_ticket);
	SSL_CTX_free(client);
	SSL_CTX_free(server);
	fastsock_tls_tickets_shutdown();
}

/* Waits (bounded) for a full handshake whose ticket is named `name`. */
static bool issues_under(SSL_CTX *server, SSL_CTX *client, const unsigned char *name)
{
	for (int i = 0; i < 40; i++) {
		SSL_SESSION *session = NULL;
		bool reused, named;

		named = connect_once(server, client, NULL, &reused, &session) && session != NULL
			&& ticket_named(session, name);
		SSL_SESSION_free(session);
		if (named) {
			return true;
		}
		nanosleep(&(struct timespec){0, 100 * 1000 * 1000}, NULL);
	}
	return false;
}

static void test_key_file_changes(void)
{
	unsigned char keys[3 * 80], rotated[2 * 80];
	fastsock_tls_tickets_problem problem;
	SSL_CTX *server, *client = client_ctx(TLS1_2_VERSION);
	SSL_SESSION *old = NULL, *fresh = NULL;
	bool reused, renewed;

	if (RAND_bytes(keys, sizeof(keys)) != 1) {
		die("RAND_bytes");
	}

	/* Bad at startup: one problem, no tickets, no keys. */
	install_keys(keys, 50);
	startup(key_path);
	CHECK(fastsock_tls_tickets_take_problem(&problem));
	CHECK(problem.status == FASTSOCK_TICKET_FILE_BAD_SIZE && problem.size == 50 && !problem.keys_kept
		&& strcmp(problem.path, key_path) == 0);
	CHECK(!fastsock_tls_tickets_take_problem(&problem));
	CHECK(fastsock_tls_tickets_source() == FASTSOCK_TICKET_KEYS_NONE);
	CHECK(!fastsock_tls_tickets_usable());
	server = server_ctx(sid_context, sizeof(sid_context), true);
	CHECK(connect_once(server, client, NULL, &reused, &fresh) && fresh && !SSL_SESSION_has_ticket(fresh));
	SSL_SESSION_free(fresh);
	fresh = NULL;

	/* Mended: used within the check interval. */
	install_keys(keys, 80);
	CHECK(issues_under(server, client, keys));
	CHECK(fastsock_tls_tickets_source() == FASTSOCK_TICKET_KEYS_FILE && fastsock_tls_tickets_usable());
	CHECK(!fastsock_tls_tickets_take_problem(&problem));
	CHECK(connect_once(server, client, NULL, &reused, &old) && old && ticket_named(old, keys));

	/* Rotated: a new first key, the old one after it. */
	memcpy(rotated, keys + 80, 80);
	memcpy(rotated + 80, keys, 80);
	install_keys(rotated, sizeof(rotated));
	CHECK(issues_under(server, client, keys + 80));
	CHECK(connect_once(server, client, old, &reused, &fresh) && reused && fresh
		&& new_ticket(fresh, old) && ticket_named(fresh, keys + 80));
	SSL_SESSION_free(fresh);
	fresh = NULL;

	/* Malformed, then gone: the keys in use stay, one problem each. */
	install_keys(keys, 81);
	for (int i = 0; i < 40 && !fastsock_tls_tickets_take_problem(&problem); i++) {
		nanosleep(&(struct timespec){0, 100 * 1000 * 1000}, NULL);
		(void) fastsock_tls_tickets_usable();
	}
	CHECK(problem.status == FASTSOCK_TICKET_FILE_BAD_SIZE && problem.size == 81 && problem.keys_kept);
	CHECK(connect_once(server, client, old, &reused, NULL) && reused);
	CHECK(fastsock_tls_tickets_source() == FASTSOCK_TICKET_KEYS_FILE);
	CHECK(unlink(key_path) == 0);
	problem.status = FASTSOCK_TICKET_FILE_OK;
	for (int i = 0; i < 40 && !fastsock_tls_tickets_take_problem(&problem); i++) {
		nanosleep(&(struct timespec){0, 100 * 1000 * 1000}, NULL);
		(void) fastsock_tls_tickets_usable();
	}
	CHECK(problem.status == FASTSOCK_TICKET_FILE_UNREADABLE && problem.error == ENOENT && problem.keys_kept);
	CHECK(connect_once(server, client, old, &reused, NULL) && reused);
	CHECK(!fastsock_tls_tickets_take_problem(&problem));

	/* The old key dropped from the file: its tickets no longer resume. */
	install_keys(keys + 80, 80);
	for (int i = 0; i < 40 && connect_once(server, client, old, &reused, NULL) && reused; i++) {
		nanosleep(&(struct timespec){0, 100 * 1000 * 1000}, NULL);
	}
	CHECK(connect_once(server, client, old, &reused, NULL) && !reused);
	CHECK(resumes(server, server, TLS1_3_VERSION, &renewed) && renewed);

	/* An empty file is a bad one too. */
	fastsock_tls_tickets_shutdown();
	install_keys(keys, 0);
	startup(key_path);
	CHECK(fastsock_tls_tickets_take_problem(&problem) && problem.status == FASTSOCK_TICKET_FILE_BAD_SIZE
		&& problem.size == 0);
	CHECK(fastsock_tls_tickets_source() == FASTSOCK_TICKET_KEYS_NONE);

	SSL_SESSION_free(old);
	SSL_CTX_free(server);
	SSL_CTX_free(client);
	fastsock_tls_tickets_shutdown();
}

int main(void)
{
	const char *tmp = getenv("TMPDIR");

	alarm(60);
	snprintf(dir, sizeof(dir), "%s/fastsock-tickets-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		die("mkdtemp");
	}
	snprintf(key_path, sizeof(key_path), "%s/ticket.key", dir);
	snprintf(scratch_path, sizeof(scratch_path), "%s/ticket.key.new", dir);
	make_cert();

	test_one_process();
	test_forked(TLS1_2_VERSION);
	test_forked(TLS1_3_VERSION);
	test_key_file_layout(80);
	test_key_file_layout(48);
	test_key_file_changes();

	unlink(key_path);
	unlink(scratch_path);
	CHECK(rmdir(dir) == 0);
	X509_free(server_cert);
	EVP_PKEY_free(server_key);
	return check_report();
}
