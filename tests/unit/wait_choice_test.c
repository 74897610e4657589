/*
 * Unit test of lib/wait_choice.c: a loop whose descriptors are mostly
 * ready moves to poll() after some calls, not after one; mostly idle it
 * moves back; in between it stays where it is. Prints "N passed, N failed".
 */
#include "wait_choice.h"
#include "check.h"

/* Calls until the choice is `polling`, at most `limit`; -1 if it never is. */
static int calls_until(fastsock_wait_choice *c, size_t ready, size_t watched, bool polling, int limit)
{
	for (int i = 1; i <= limit; i++) {
		fastsock_wait_choice_update(c, ready, watched);
		if (c->polling == polling) {
			return i;
		}
	}
	return -1;
}

int main(void)
{
	fastsock_wait_choice c;
	int n, moved = 0;

	fastsock_wait_choice_init(&c);
	CHECK(!c.polling);
	/* One busy call moves nothing. */
	CHECK(!fastsock_wait_choice_update(&c, 100, 100) && !c.polling);
	/* Every descriptor ready: poll() within a few calls, reported once. */
	fastsock_wait_choice_init(&c);
	for (int i = 0; i < 50; i++) {
		moved += fastsock_wait_choice_update(&c, 100, 100);
	}
	CHECK(c.polling && moved == 1);
	/* Idle again (timeouts, one ready of thousands): back to the set. */
	n = calls_until(&c, 1, 10000, false, 100);
	CHECK(n > 1 && n < 100);
	/* A fifth ready stays on the set, and a tenth stays on poll(). */
	fastsock_wait_choice_init(&c);
	CHECK(calls_until(&c, 20, 100, true, 1000) == -1);
	CHECK(calls_until(&c, 100, 100, true, 100) > 0);
	CHECK(calls_until(&c, 10, 100, false, 1000) == -1);
	/* Nothing watched, and more ready than watched (a descriptor in two lists). */
	fastsock_wait_choice_init(&c);
	CHECK(!fastsock_wait_choice_update(&c, 5, 0) && c.share == 0);
	CHECK(calls_until(&c, 300, 100, true, 100) > 0);
	return check_report();
}
