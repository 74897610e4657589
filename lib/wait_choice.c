/*
 * epoll set or poll() (see wait_choice.h).
 */
#include "wait_choice.h"

#define ONE 65536u
/* poll() from a quarter of the descriptors ready on average, the epoll
 * set again below one in sixteen. */
#define TO_POLL (ONE / 4)
#define TO_EPOLL (ONE / 16)
/* The average moves by an eighth of the distance to each call's share:
 * a few dozen calls decide, one call does not. */
#define WEIGHT_SHIFT 3

void fastsock_wait_choice_init(fastsock_wait_choice *choice)
{
	choice->share = 0;
	choice->polling = false;
}

bool fastsock_wait_choice_update(fastsock_wait_choice *choice, size_t ready, size_t watched)
{
	unsigned int now;

	if (watched == 0) {
		return false;
	}
	if (ready > watched) {
		ready = watched;
	}
	now = (unsigned int) ((unsigned long long) ready * ONE / watched);
	if (now >= choice->share) {
		choice->share += (now - choice->share) >> WEIGHT_SHIFT;
	} else {
		choice->share -= (choice->share - now) >> WEIGHT_SHIFT;
	}
	if (choice->polling) {
		if (choice->share < TO_EPOLL) {
			choice->polling = false;
		}
		return false;
	}
	if (choice->share >= TO_POLL) {
		choice->polling = true;
		return true;
	}
	return false;
}
