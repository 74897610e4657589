#include "tls_tickets.h"
#include "../core/tls_ticket_ring.h"

#include <limits.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

/* A ZTS build may run handshakes in several threads at once: the lock
 * keeps one from rotating (and wiping) a key another is copying. */
static pthread_mutex_t ring_lock = PTHREAD_MUTEX_INITIALIZER;
static fastsock_ticket_ring ring;
static long ring_lifetime; /* the shortest attached; 0 before attach and after shutdown */

static bool random_bytes(unsigned char *buf, size_t len)
{
	return len <= INT_MAX && RAND_bytes(buf, (int) len) == 1;
}

/* Under ring_lock. */
static bool ring_rotate(void)
{
	time_t now = time(NULL);

	return now != (time_t) -1
		&& fastsock_ticket_ring_rotate(&ring, (long long) now, ring_lifetime, random_bytes);
}

/* Copies out the key to encrypt with, or the one named `name` and whether
 * the ticket should be renewed: a copy, so the lock is not held while
 * OpenSSL uses it. */
static bool ring_key(const unsigned char *name, fastsock_ticket_key *out, bool *renew)
{
	const fastsock_ticket_key *key = NULL;

	if (pthread_mutex_lock(&ring_lock) != 0) {
		return false;
	}
	if (ring_rotate()) {
		key = name ? fastsock_ticket_ring_find(&ring, name, renew)
			: fastsock_ticket_ring_encrypt_key(&ring);
	}
	if (key) {
		*out = *key;
	}
	if (pthread_mutex_unlock(&ring_lock) != 0 && key) {
		OPENSSL_cleanse(out, sizeof(*out));
		return false;
	}
	return key != NULL;
}

static bool set_mac_key(EVP_MAC_CTX *mac, const fastsock_ticket_key *key)
{
	static char digest[] = "SHA256";
	OSSL_PARAM params[] = {
		OSSL_PARAM_construct_octet_string(OSSL_MAC_PARAM_KEY, (void *) key->hmac, sizeof(key->hmac)),
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
	const EVP_CIPHER *aes = EVP_aes_256_cbc();
	fastsock_ticket_key key;
	int rc = -1;

	if (!ring_key(NULL, &key, NULL)) {
		return 0;
	}
	if (RAND_bytes(iv, EVP_CIPHER_get_iv_length(aes)) == 1
		&& EVP_EncryptInit_ex(cipher, aes, NULL, key.aes, iv) == 1
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

	if (!ring_key(name, &key, &renew)) {
		return 0;
	}
	if (set_mac_key(mac, &key)
		&& EVP_DecryptInit_ex(cipher, EVP_aes_256_cbc(), NULL, key.aes, iv) == 1) {
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

bool fastsock_tls_tickets_attach(SSL_CTX *ctx, long lifetime)
{
	bool ok;

	if (lifetime <= 0 || pthread_mutex_lock(&ring_lock) != 0) {
		return false;
	}
	if (ring_lifetime == 0 || lifetime < ring_lifetime) {
		ring_lifetime = lifetime;
	}
	/* Keys made now: a broken random source shows here, not mid-handshake. */
	ok = ring_rotate();
	if (pthread_mutex_unlock(&ring_lock) != 0) {
		return false;
	}
	return ok && SSL_CTX_set_tlsext_ticket_key_evp_cb(ctx, ticket_key_cb) == 1;
}

void fastsock_tls_tickets_shutdown(void)
{
	/* MSHUTDOWN runs after the last handshake: the keys go even if the
	 * lock cannot be had. */
	bool locked = pthread_mutex_lock(&ring_lock) == 0;

	fastsock_ticket_ring_wipe(&ring);
	ring_lifetime = 0;
	if (locked) {
		(void) pthread_mutex_unlock(&ring_lock);
	}
}
