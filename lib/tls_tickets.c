#include "tls_tickets.h"

#include <errno.h>
#include <limits.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

/* A replaced key file is seen within this; the check is one stat(). */
#define FILE_CHECK_INTERVAL_MS 1000

/* The key file of this process; empty: fastsock makes the keys. */
static char key_file[PATH_MAX];
static bool use_file;

/* A problem found and not yet reported: this process's, since the process
 * that finds it is the one to say so. */
static pthread_mutex_t problem_lock = PTHREAD_MUTEX_INITIALIZER;
static fastsock_tls_tickets_problem problem;
static bool problem_pending;

static bool random_bytes(unsigned char *buf, size_t len)
{
	return len <= INT_MAX && RAND_bytes(buf, (int) len) == 1;
}

static void note_problem(fastsock_ticket_file_status status, int error, long long size, bool keys_kept)
{
	if (pthread_mutex_lock(&problem_lock) != 0) {
		return;
	}
	problem.path = key_file;
	problem.status = status;
	problem.error = error;
	problem.size = size;
	problem.keys_kept = keys_kept;
	problem_pending = true;
	(void) pthread_mutex_unlock(&problem_lock);
}

/* Under the page lock. */
static bool ring_rotate(fastsock_ticket_state *state)
{
	time_t now = time(NULL);
	bool ok;

	if (now == (time_t) -1) {
		return false;
	}
	state->writing = true;
	ok = fastsock_ticket_ring_rotate(&state->ring, (long long) now, state->lifetime, random_bytes);
	state->writing = false;
	return ok;
}

/* Under the page lock: the key file looked at again when it is due. */
static void refresh_file(fastsock_ticket_state *state)
{
	struct timespec now;
	fastsock_ticket_file_event event;
	fastsock_ticket_file *file = &state->file;

	/* Without a clock the keys in hand stay. */
	if (!key_file[0] || clock_gettime(CLOCK_MONOTONIC, &now) != 0) {
		return;
	}
	state->writing = true;
	event = fastsock_ticket_file_refresh(file, key_file,
		(long long) now.tv_sec * 1000 + now.tv_nsec / 1000000, FILE_CHECK_INTERVAL_MS);
	state->writing = false;
	if (event == FASTSOCK_TICKET_FILE_PROBLEM) {
		note_problem(file->status, file->error, file->size, file->count > 0);
	}
}

/* Under the page lock: the key to encrypt with (name NULL) or the one
 * named, brought up to date first. */
static const fastsock_ticket_key *find_key(fastsock_ticket_state *state, const unsigned char *name, bool *renew)
{
	if (use_file) {
		refresh_file(state);
		return name ? fastsock_ticket_file_find(&state->file, name, renew)
			: fastsock_ticket_file_encrypt_key(&state->file);
	}
	if (!ring_rotate(state)) {
		return NULL;
	}
	return name ? fastsock_ticket_ring_find(&state->ring, name, renew)
		: fastsock_ticket_ring_encrypt_key(&state->ring);
}

/* Copies out the key to encrypt with, or the one named `name` and whether
 * the ticket should be renewed: a copy, so the lock is not held while
 * OpenSSL uses it. */
static bool copy_key(const unsigned char *name, fastsock_ticket_key *out, bool *renew)
{
	fastsock_ticket_state *state = fastsock_ticket_page_lock();
	const fastsock_ticket_key *key;

	if (!state) {
		return false;
	}
	key = find_key(state, name, renew);
	if (key) {
		*out = *key;
	}
	if (!fastsock_ticket_page_unlock() && key) {
		OPENSSL_cleanse(out, sizeof(*out));
		return false;
	}
	return key != NULL;
}

/* An nginx 48-byte key is AES-128 with a 16-byte HMAC key; the others
 * AES-256 with a 32-byte one. HMAC-SHA256 for both, as nginx. */
static const EVP_CIPHER *cipher_of(const fastsock_ticket_key *key)
{
	return key->aes128 ? EVP_aes_128_cbc() : EVP_aes_256_cbc();
}

static bool set_mac_key(EVP_MAC_CTX *mac, const fastsock_ticket_key *key)
{
	static char digest[] = "SHA256";
	OSSL_PARAM params[] = {
		OSSL_PARAM_construct_octet_string(OSSL_MAC_PARAM_KEY, (void *) key->hmac,
			key->aes128 ? 16 : sizeof(key->hmac)),
		OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
		OSSL_PARAM_construct_end(),
	};

	return EVP_MAC_CTX_set_params(mac, params) == 1;
}

/* Return values as SSL_CTX_set_tlsext_ticket_key_evp_cb(3) defines them:
 * 0 goes on without a ticket (encrypting) or with a full handshake
 * (decrypting), -1 fails the handshake. */
static int encrypt_ticket(unsigned char *name, unsigned char *iv, EVP_CIPHER_CTX *cipher,
	EVP_MAC_CTX *mac)
{
	fastsock_ticket_key key;
	int rc = -1;

	if (!copy_key(NULL, &key, NULL)) {
		return 0;
	}
	if (RAND_bytes(iv, EVP_CIPHER_get_iv_length(cipher_of(&key))) == 1
		&& EVP_EncryptInit_ex(cipher, cipher_of(&key), NULL, key.aes, iv) == 1
		&& set_mac_key(mac, &key)) {
		memcpy(name, key.name, sizeof(key.name));
		rc = 1;
	}
	OPENSSL_cleanse(&key, sizeof(key));
	return rc;
}

static int decrypt_ticket(SSL *ssl, const unsigned char *name, unsigned char *iv,
	EVP_CIPHER_CTX *cipher, EVP_MAC_CTX *mac)
{
	fastsock_ticket_key key;
	bool renew = false;
	int rc = -1;

	if (!copy_key(name, &key, &renew)) {
		return 0;
	}
	if (set_mac_key(mac, &key)
		&& EVP_DecryptInit_ex(cipher, cipher_of(&key), NULL, key.aes, iv) == 1) {
		/* 2 asks for a new ticket: under the current key, and on TLS 1.3
		 * always, where clients use each ticket once (as nginx does). */
		rc = (renew || SSL_version(ssl) == TLS1_3_VERSION) ? 2 : 1;
	}
	OPENSSL_cleanse(&key, sizeof(key));
	return rc;
}

static int ticket_key_cb(SSL *ssl, unsigned char *name, unsigned char *iv,
	EVP_CIPHER_CTX *cipher, EVP_MAC_CTX *mac, int enc)
{
	return enc ? encrypt_ticket(name, iv, cipher, mac) : decrypt_ticket(ssl, name, iv, cipher, mac);
}

void fastsock_tls_tickets_startup(const char *path, fastsock_ticket_page_status *page)
{
	fastsock_ticket_state *state;
	size_t len = path ? strlen(path) : 0;

	fastsock_ticket_page_open(page);
	use_file = len > 0;
	key_file[0] = '\0';
	if (len >= sizeof(key_file)) {
		/* Never cut short: that would name another file. */
		note_problem(FASTSOCK_TICKET_FILE_UNREADABLE, ENAMETOOLONG, 0, false);
		return;
	}
	if (!use_file) {
		return;
	}
	memcpy(key_file, path, len + 1);
	/* Read now, while the process may still read what its workers, once
	 * they dropped privileges, could not. */
	if ((state = fastsock_ticket_page_lock()) != NULL) {
		refresh_file(state);
		(void) fastsock_ticket_page_unlock();
	}
}

bool fastsock_tls_tickets_attach(SSL_CTX *ctx, long lifetime)
{
	fastsock_ticket_state *state;
	bool ok = true;

	if (lifetime <= 0 || (state = fastsock_ticket_page_lock()) == NULL) {
		return false;
	}
	if (state->lifetime == 0 || lifetime < state->lifetime) {
		state->lifetime = lifetime;
	}
	/* Keys made now: a broken random source shows here, not mid-handshake. */
	if (!use_file) {
		ok = ring_rotate(state);
	}
	if (!fastsock_ticket_page_unlock()) {
		return false;
	}
	return ok && SSL_CTX_set_tlsext_ticket_key_evp_cb(ctx, ticket_key_cb) == 1;
}

bool fastsock_tls_tickets_usable(void)
{
	fastsock_ticket_state *state;
	bool usable;

	if (!use_file) {
		return true;
	}
	if ((state = fastsock_ticket_page_lock()) == NULL) {
		return false;
	}
	refresh_file(state);
	usable = state->file.count > 0;
	return fastsock_ticket_page_unlock() && usable;
}

fastsock_ticket_keys fastsock_tls_tickets_source(void)
{
	fastsock_ticket_state *state = fastsock_ticket_page_lock();
	bool has_file_keys;

	if (!state) {
		return FASTSOCK_TICKET_KEYS_NONE;
	}
	has_file_keys = state->file.count > 0;
	(void) fastsock_ticket_page_unlock();
	if (!use_file) {
		return FASTSOCK_TICKET_KEYS_GENERATED;
	}
	return has_file_keys ? FASTSOCK_TICKET_KEYS_FILE : FASTSOCK_TICKET_KEYS_NONE;
}

bool fastsock_tls_tickets_take_problem(fastsock_tls_tickets_problem *out)
{
	bool taken;

	if (pthread_mutex_lock(&problem_lock) != 0) {
		return false;
	}
	taken = problem_pending;
	if (taken) {
		*out = problem;
		problem_pending = false;
	}
	(void) pthread_mutex_unlock(&problem_lock);
	return taken;
}

void fastsock_tls_tickets_shutdown(void)
{
	fastsock_ticket_page_close();
	use_file = false;
	key_file[0] = '\0';
	if (pthread_mutex_lock(&problem_lock) == 0) {
		problem_pending = false;
		(void) pthread_mutex_unlock(&problem_lock);
	}
}
