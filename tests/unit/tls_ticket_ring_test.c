/*
 * Unit test of lib/tls_ticket_ring.c: the session ticket key ring, driven
 * by a fake clock and a fake random source; prints "N passed, N failed".
 */
#include "tls_ticket_ring.h"
#include "check.h"

#include <string.h>

#define LIFETIME 300

static unsigned char counter;
static int random_calls_left = -1; /* < 0: never fails */

/* Distinct, predictable bytes, or a failure once the budget runs out. */
static bool fake_random(unsigned char *buf, size_t len)
{
	if (random_calls_left == 0) {
		return false;
	}
	if (random_calls_left > 0) {
		random_calls_left--;
	}
	for (size_t i = 0; i < len; i++) {
		buf[i] = ++counter;
	}
	return true;
}

/* A copy of the key's name, to look it up after the ring moved on. */
static void name_of(const fastsock_ticket_key *key, unsigned char name[FASTSOCK_TICKET_NAME_SIZE])
{
	memcpy(name, key->name, FASTSOCK_TICKET_NAME_SIZE);
}

/* Is the key of that name in the ring, and with which renew answer? */
static bool found(const fastsock_ticket_ring *ring, const unsigned char *name, bool renew)
{
	bool got = !renew;
	const fastsock_ticket_key *key = fastsock_ticket_ring_find(ring, name, &got);

	return key != NULL && memcmp(key->name, name, FASTSOCK_TICKET_NAME_SIZE) == 0 && got == renew;
}

static bool missing(const fastsock_ticket_ring *ring, const unsigned char *name)
{
	bool renew = false;

	return fastsock_ticket_ring_find(ring, name, &renew) == NULL;
}

static void test_first_use(void)
{
	fastsock_ticket_ring ring;
	const fastsock_ticket_key *key;
	unsigned char zero_name[FASTSOCK_TICKET_NAME_SIZE] = {0};

	memset(&ring, 0, sizeof(ring));
	CHECK(fastsock_ticket_ring_encrypt_key(&ring) == NULL);
	CHECK(missing(&ring, zero_name));

	CHECK(fastsock_ticket_ring_rotate(&ring, 1000, LIFETIME, fake_random));
	key = fastsock_ticket_ring_encrypt_key(&ring);
	CHECK(key != NULL && key->live && key->created == 1000);
	CHECK(key != NULL && !check_all_zero(key->name, sizeof(key->name)));
	CHECK(key != NULL && !check_all_zero(key->hmac, sizeof(key->hmac)));
	CHECK(key != NULL && !check_all_zero(key->aes, sizeof(key->aes)));
	CHECK(key != NULL && found(&ring, key->name, false));
	/* The empty previous slot is all zero and must not match a zero name. */
	CHECK(missing(&ring, zero_name));

	/* Within the lifetime nothing moves. */
	CHECK(fastsock_ticket_ring_rotate(&ring, 1000 + LIFETIME - 1, LIFETIME, fake_random));
	CHECK(fastsock_ticket_ring_encrypt_key(&ring) == key);
	fastsock_ticket_ring_wipe(&ring);
}

static void test_rotation(void)
{
	fastsock_ticket_ring ring;
	unsigned char first[FASTSOCK_TICKET_NAME_SIZE], second[FASTSOCK_TICKET_NAME_SIZE];
	unsigned char third[FASTSOCK_TICKET_NAME_SIZE], unknown[FASTSOCK_TICKET_NAME_SIZE];
	const fastsock_ticket_key *key;
	int first_slot;

	memset(&ring, 0, sizeof(ring));
	CHECK(fastsock_ticket_ring_rotate(&ring, 0, LIFETIME, fake_random));
	name_of(fastsock_ticket_ring_encrypt_key(&ring), first);
	first_slot = ring.current;
	/* The next key exists already, and decrypts with a renewal. */
	name_of(&ring.keys[(ring.current + 1) % 3], second);
	CHECK(found(&ring, second, true));

	/* After a lifetime the next key encrypts, the old one decrypts. */
	CHECK(fastsock_ticket_ring_rotate(&ring, LIFETIME, LIFETIME, fake_random));
	key = fastsock_ticket_ring_encrypt_key(&ring);
	CHECK(memcmp(key->name, second, sizeof(second)) == 0 && key->created == LIFETIME);
	CHECK(found(&ring, second, false));
	CHECK(found(&ring, first, true));

	memset(unknown, 0xee, sizeof(unknown));
	CHECK(missing(&ring, unknown));

	/* Until the old key is two lifetimes old. */
	CHECK(fastsock_ticket_ring_rotate(&ring, 2 * LIFETIME - 1, LIFETIME, fake_random));
	CHECK(found(&ring, first, true));
	CHECK(fastsock_ticket_ring_rotate(&ring, 2 * LIFETIME, LIFETIME, fake_random));
	name_of(fastsock_ticket_ring_encrypt_key(&ring), third);
	CHECK(missing(&ring, first));
	CHECK(found(&ring, second, true));
	CHECK(found(&ring, third, false));
	/* Its slot now holds the new next key. */
	CHECK(ring.keys[first_slot].live && ring.keys[first_slot].created == 2 * LIFETIME);
	CHECK(memcmp(ring.keys[first_slot].name, first, sizeof(first)) != 0);
	fastsock_ticket_ring_wipe(&ring);
}

/* No handshake for a long time: at the next one the key that encrypted
 * last is older than two lifetimes, and goes at once. */
static void test_idle(void)
{
	fastsock_ticket_ring ring;
	unsigned char first[FASTSOCK_TICKET_NAME_SIZE], second[FASTSOCK_TICKET_NAME_SIZE];
	int first_slot;

	memset(&ring, 0, sizeof(ring));
	CHECK(fastsock_ticket_ring_rotate(&ring, 0, LIFETIME, fake_random));
	name_of(fastsock_ticket_ring_encrypt_key(&ring), first);
	first_slot = ring.current;
	CHECK(fastsock_ticket_ring_rotate(&ring, 2 * LIFETIME, LIFETIME, fake_random));
	name_of(fastsock_ticket_ring_encrypt_key(&ring), second);
	CHECK(missing(&ring, first));
	CHECK(found(&ring, second, false));
	CHECK(!ring.keys[first_slot].live && check_all_zero(&ring.keys[first_slot], sizeof(ring.keys[first_slot])));
	/* A new key starts a full lifetime from its first use. */
	CHECK(fastsock_ticket_ring_encrypt_key(&ring)->created == 2 * LIFETIME);
	CHECK(fastsock_ticket_ring_rotate(&ring, 3 * LIFETIME - 1, LIFETIME, fake_random));
	CHECK(found(&ring, second, false));
	fastsock_ticket_ring_wipe(&ring);
}

/* Field by field: a struct copy need not copy the padding. */
static bool same_ring(const fastsock_ticket_ring *a, const fastsock_ticket_ring *b)
{
	if (a->current != b->current || a->ready != b->ready) {
		return false;
	}
	for (int i = 0; i < 3; i++) {
		const fastsock_ticket_key *x = &a->keys[i], *y = &b->keys[i];

		if (memcmp(x->name, y->name, sizeof(x->name)) != 0
			|| memcmp(x->hmac, y->hmac, sizeof(x->hmac)) != 0
			|| memcmp(x->aes, y->aes, sizeof(x->aes)) != 0
			|| x->created != y->created || x->live != y->live) {
			return false;
		}
	}
	return true;
}

static void test_random_fails(void)
{
	fastsock_ticket_ring ring, before;

	/* At first use: the ring stays empty, nothing half made. */
	memset(&ring, 0, sizeof(ring));
	random_calls_left = 4; /* the current key's three fields, then the next's name */
	CHECK(!fastsock_ticket_ring_rotate(&ring, 0, LIFETIME, fake_random));
	CHECK(!ring.ready && fastsock_ticket_ring_encrypt_key(&ring) == NULL);
	CHECK(check_all_zero(&ring, sizeof(ring)));

	/* At rotation: the ring is left as it was. */
	random_calls_left = -1;
	CHECK(fastsock_ticket_ring_rotate(&ring, 0, LIFETIME, fake_random));
	before = ring;
	random_calls_left = 0;
	CHECK(!fastsock_ticket_ring_rotate(&ring, LIFETIME, LIFETIME, fake_random));
	CHECK(same_ring(&ring, &before));
	/* And works once the source does. */
	random_calls_left = -1;
	CHECK(fastsock_ticket_ring_rotate(&ring, LIFETIME, LIFETIME, fake_random));
	CHECK(ring.current != before.current);
	fastsock_ticket_ring_wipe(&before);
	fastsock_ticket_ring_wipe(&ring);
}

static void test_bad_lifetime(void)
{
	fastsock_ticket_ring ring;

	memset(&ring, 0, sizeof(ring));
	CHECK(!fastsock_ticket_ring_rotate(&ring, 0, 0, fake_random));
	CHECK(!fastsock_ticket_ring_rotate(&ring, 0, -1, fake_random));
	CHECK(!ring.ready);
}

static void test_wipe(void)
{
	fastsock_ticket_ring ring;
	unsigned char name[FASTSOCK_TICKET_NAME_SIZE];

	memset(&ring, 0, sizeof(ring));
	CHECK(fastsock_ticket_ring_rotate(&ring, 0, LIFETIME, fake_random));
	name_of(fastsock_ticket_ring_encrypt_key(&ring), name);
	fastsock_ticket_ring_wipe(&ring);
	CHECK(check_all_zero(&ring, sizeof(ring)));
	CHECK(missing(&ring, name));
	CHECK(fastsock_ticket_ring_encrypt_key(&ring) == NULL);
	/* Starts afresh, with new keys. */
	CHECK(fastsock_ticket_ring_rotate(&ring, 0, LIFETIME, fake_random));
	CHECK(missing(&ring, name));
	fastsock_ticket_ring_wipe(&ring);
}

int main(void)
{
	test_first_use();
	test_rotation();
	test_idle();
	test_random_fails();
	test_bad_lifetime();
	test_wipe();
	return check_report();
}
