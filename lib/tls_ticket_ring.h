/*
 * The session ticket keys of a TLS server, as nginx rotates them: three
 * keys in a ring. The current key encrypts new tickets; the previous one
 * still decrypts (and the client is asked to take a new ticket); the next
 * one is made a lifetime ahead, so that a process which already moved to
 * it is understood by one that has not yet.
 *
 * Plain C over a fixed-size struct without pointers, so the ring can live
 * in a MAP_SHARED page, and without a clock or a random source of its own,
 * so a unit test drives both.
 */
#ifndef FASTSOCK_TLS_TICKET_RING_H
#define FASTSOCK_TLS_TICKET_RING_H

#include <stdbool.h>
#include <stddef.h>

#define FASTSOCK_TICKET_NAME_SIZE 16
#define FASTSOCK_TICKET_HMAC_SIZE 32
#define FASTSOCK_TICKET_AES_SIZE 32

typedef struct fastsock_ticket_key {
	unsigned char name[FASTSOCK_TICKET_NAME_SIZE]; /* sent in clear in each ticket */
	unsigned char hmac[FASTSOCK_TICKET_HMAC_SIZE];
	unsigned char aes[FASTSOCK_TICKET_AES_SIZE];
	long long created; /* when it began to encrypt (the next key: when made) */
	bool live;         /* false: an empty or wiped slot, never matched */
	/* An nginx 48-byte key (lib/tls_ticket_file.h): AES-128-CBC, and only
	 * the first 16 bytes of hmac and aes are key. The ring makes none. */
	bool aes128;
} fastsock_ticket_key;

typedef struct fastsock_ticket_ring {
	fastsock_ticket_key keys[3]; /* current, then next, then previous, mod 3 */
	int current;
	bool ready;
} fastsock_ticket_ring;

/* Fills buf with len cryptographically random bytes; false on failure. */
typedef bool (*fastsock_ticket_random)(unsigned char *buf, size_t len);

/*
 * Brings the ring to time `now` (seconds) for keys that rotate every
 * `lifetime` seconds (> 0), before each use. The first call makes the
 * current and next keys. Once the current key is `lifetime` old, the next
 * one takes over and a new next one is made; a key that stopped encrypting
 * at most `lifetime` after it started serves no ticket once it is two
 * lifetimes old, so it is wiped then. A clock that steps back delays
 * rotation by the step. Returns false, the ring unchanged, when `random`
 * fails or lifetime <= 0.
 */
bool fastsock_ticket_ring_rotate(fastsock_ticket_ring *ring, long long now, long lifetime,
	fastsock_ticket_random random);

/* The key new tickets are encrypted with; NULL before the first rotate. */
const fastsock_ticket_key *fastsock_ticket_ring_encrypt_key(const fastsock_ticket_ring *ring);

/* The live key of that name, or NULL; *renew is set to whether it is not
 * the current key, so the client should get a ticket under the current. */
const fastsock_ticket_key *fastsock_ticket_ring_find(const fastsock_ticket_ring *ring,
	const unsigned char name[FASTSOCK_TICKET_NAME_SIZE], bool *renew);

/* Wipes every key; the next rotate starts afresh. */
void fastsock_ticket_ring_wipe(fastsock_ticket_ring *ring);

/* Zeroes len bytes in a way the compiler cannot drop (key material that is
 * never read again). */
void fastsock_ticket_wipe(void *buf, size_t len);

#endif
