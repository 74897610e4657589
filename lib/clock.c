/*
 * CLOCK_MONOTONIC deadlines (see clock.h).
 */
#include "clock.h"

#define NSEC_PER_SEC 1000000000L

struct timespec fastsock_clock_now(void)
{
	struct timespec now;

	if (clock_gettime(CLOCK_MONOTONIC, &now) != 0) {
		now.tv_sec = 0;
		now.tv_nsec = 0;
	}
	return now;
}

long long fastsock_clock_ms(void)
{
	struct timespec now = fastsock_clock_now();

	return (long long) now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

struct timespec fastsock_deadline_after(const struct timeval *timeout)
{
	struct timespec deadline = fastsock_clock_now();

	deadline.tv_sec += timeout->tv_sec;
	deadline.tv_nsec += (long) timeout->tv_usec * 1000;
	if (deadline.tv_nsec >= NSEC_PER_SEC) {
		deadline.tv_sec++;
		deadline.tv_nsec -= NSEC_PER_SEC;
	}
	return deadline;
}

/* end - start, never negative. */
static struct timeval difference(const struct timespec *end, const struct timespec *start)
{
	long long ns = (long long) (end->tv_sec - start->tv_sec) * NSEC_PER_SEC + (end->tv_nsec - start->tv_nsec);
	struct timeval tv = {0, 0};

	if (ns > 0) {
		tv.tv_sec = (time_t) (ns / NSEC_PER_SEC);
		tv.tv_usec = (suseconds_t) ((ns % NSEC_PER_SEC) / 1000);
	}
	return tv;
}

bool fastsock_deadline_left(const struct timespec *deadline, struct timeval *left)
{
	struct timespec now = fastsock_clock_now();

	*left = difference(deadline, &now);
	return left->tv_sec > 0 || left->tv_usec > 0;
}

struct timeval fastsock_clock_since(const struct timespec *start)
{
	struct timespec now = fastsock_clock_now();

	return difference(&now, start);
}
