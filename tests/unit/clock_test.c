/*
 * Unit test of lib/clock.c: deadlines on CLOCK_MONOTONIC, the time left
 * until them and the time since a start. Prints "N passed, N failed".
 */
#include "clock.h"
#include "check.h"

#include <unistd.h>

int main(void)
{
	struct timeval timeout = {0, 200000}, left, spent;
	struct timespec start = fastsock_clock_now();
	struct timespec deadline = fastsock_deadline_after(&timeout);
	struct timespec passed = fastsock_deadline_after(&(struct timeval){0, 0});
	long long ms = fastsock_clock_ms();

	CHECK(start.tv_sec > 0 || start.tv_nsec > 0);
	CHECK(deadline.tv_nsec >= 0 && deadline.tv_nsec < 1000000000L);
	CHECK(fastsock_deadline_left(&deadline, &left));
	CHECK(left.tv_sec == 0 && left.tv_usec > 100000 && left.tv_usec <= 200000);
	CHECK(!fastsock_deadline_left(&passed, &left) && left.tv_sec == 0 && left.tv_usec == 0);
	/* A microsecond count that carries into seconds. */
	timeout = (struct timeval){1, 999999};
	deadline = fastsock_deadline_after(&timeout);
	CHECK(deadline.tv_nsec < 1000000000L && fastsock_deadline_left(&deadline, &left) && left.tv_sec == 1);
	CHECK(usleep(50000) == 0);
	spent = fastsock_clock_since(&start);
	CHECK(spent.tv_sec == 0 && spent.tv_usec >= 50000 && spent.tv_usec < 900000);
	CHECK(fastsock_clock_ms() - ms >= 50);
	return check_report();
}
