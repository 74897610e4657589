#include "tls_ticket_ring.h"

#include <string.h>

#define RING_SIZE 3
#define NEXT(i) (((i) + 1) % RING_SIZE)
#define PREVIOUS(i) (((i) + RING_SIZE - 1) % RING_SIZE)

/* Through a volatile pointer: a plain memset of memory that is never read
 * again may be dropped by the compiler, leaving the key behind. */
void fastsock_ticket_wipe(void *buf, size_t len)
{
	volatile unsigned char *p = buf;

	while (len--) {
		*p++ = 0;
	}
}

static bool make_key(fastsock_ticket_key *key, long long now, fastsock_ticket_random random)
{
	if (!random(key->name, sizeof(key->name))
		|| !random(key->hmac, sizeof(key->hmac))
		|| !random(key->aes, sizeof(key->aes))) {
		fastsock_ticket_wipe(key, sizeof(*key));
		return false;
	}
	key->created = now;
	key->live = true;
	key->aes128 = false;
	return true;
}

static bool start(fastsock_ticket_ring *ring, long long now, fastsock_ticket_random random)
{
	fastsock_ticket_ring fresh;

	memset(&fresh, 0, sizeof(fresh));
	if (!make_key(&fresh.keys[0], now, random) || !make_key(&fresh.keys[1], now, random)) {
		fastsock_ticket_wipe(&fresh, sizeof(fresh));
		return false;
	}
	fresh.current = 0;
	fresh.ready = true;
	*ring = fresh;
	fastsock_ticket_wipe(&fresh, sizeof(fresh));
	return true;
}

/* The next key takes over; the previous slot is wiped and made the next. */
static bool advance(fastsock_ticket_ring *ring, long long now, fastsock_ticket_random random)
{
	fastsock_ticket_key fresh;
	int retired = PREVIOUS(ring->current);

	if (!make_key(&fresh, now, random)) {
		return false;
	}
	fastsock_ticket_wipe(&ring->keys[retired], sizeof(ring->keys[retired]));
	ring->keys[retired] = fresh;
	fastsock_ticket_wipe(&fresh, sizeof(fresh));
	ring->current = NEXT(ring->current);
	ring->keys[ring->current].created = now;
	return true;
}

bool fastsock_ticket_ring_rotate(fastsock_ticket_ring *ring, long long now, long lifetime,
	fastsock_ticket_random random)
{
	fastsock_ticket_key *previous;

	if (lifetime <= 0) {
		return false;
	}
	if (!ring->ready) {
		return start(ring, now, random);
	}
	if (now - ring->keys[ring->current].created >= lifetime && !advance(ring, now, random)) {
		return false;
	}
	/* Its last ticket was made before created + lifetime and expires a
	 * lifetime later. */
	previous = &ring->keys[PREVIOUS(ring->current)];
	if (previous->live && now - previous->created >= 2 * (long long) lifetime) {
		fastsock_ticket_wipe(previous, sizeof(*previous));
	}
	return true;
}

const fastsock_ticket_key *fastsock_ticket_ring_encrypt_key(const fastsock_ticket_ring *ring)
{
	return ring->ready ? &ring->keys[ring->current] : NULL;
}

const fastsock_ticket_key *fastsock_ticket_ring_find(const fastsock_ticket_ring *ring,
	const unsigned char name[FASTSOCK_TICKET_NAME_SIZE], bool *renew)
{
	if (!ring->ready) {
		return NULL;
	}
	for (int i = 0; i < RING_SIZE; i++) {
		const fastsock_ticket_key *key = &ring->keys[i];

		if (key->live && memcmp(key->name, name, FASTSOCK_TICKET_NAME_SIZE) == 0) {
			*renew = i != ring->current;
			return key;
		}
	}
	return NULL;
}

void fastsock_ticket_ring_wipe(fastsock_ticket_ring *ring)
{
	fastsock_ticket_wipe(ring, sizeof(*ring));
}
