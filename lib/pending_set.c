#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include <string.h>

#include "pending_set.h"

void fastsock_pending_set_init(fastsock_pending_set *set, void **slots, size_t limit)
{
	set->slots = slots;
	set->count = 0;
	set->limit = limit;
}

bool fastsock_pending_set_add(fastsock_pending_set *set, void *entry)
{
	if (set->count >= set->limit) {
		return false;
	}
	set->slots[set->count++] = entry;
	return true;
}

long fastsock_pending_set_oldest(const fastsock_pending_set *set, bool (*is_waiting)(const void *entry))
{
	for (size_t i = 0; i < set->count; i++) {
		if (is_waiting(set->slots[i])) {
			return (long) i;
		}
	}
	return -1;
}

void fastsock_pending_set_remove(fastsock_pending_set *set, size_t index)
{
	if (index >= set->count) {
		return;
	}
	memmove(&set->slots[index], &set->slots[index + 1], (set->count - index - 1) * sizeof(set->slots[0]));
	set->count--;
}
