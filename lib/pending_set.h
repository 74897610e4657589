/*
 * A listener's new connections, oldest first, at most `limit` of them.
 * The caller makes room in a full set by removing the oldest connection
 * still in its handshake (fastsock_pending_set_oldest()), so a flood of
 * silent peers costs bounded memory and never keeps a newer client out.
 *
 * Plain C over opaque pointers, so that a C unit test can drive it; the
 * caller owns the entries and the array (`slots`, room for `limit`).
 */
#ifndef FASTSOCK_PENDING_SET_H
#define FASTSOCK_PENDING_SET_H

#include <stdbool.h>
#include <stddef.h>

typedef struct fastsock_pending_set {
	void **slots;    /* slots[0] is the oldest */
	size_t count;
	size_t limit;
} fastsock_pending_set;

void fastsock_pending_set_init(fastsock_pending_set *set, void **slots, size_t limit);

/* Adds entry as the newest; false when the set is full. */
bool fastsock_pending_set_add(fastsock_pending_set *set, void *entry);

/* The index of the oldest entry for which is_waiting(entry) holds, or -1. */
long fastsock_pending_set_oldest(const fastsock_pending_set *set, bool (*is_waiting)(const void *entry));

/* Removes the entry at index; the order of the others is kept. */
void fastsock_pending_set_remove(fastsock_pending_set *set, size_t index);

#endif
