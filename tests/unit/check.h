/*
 * The few lines every C unit test here shares: CHECK() counts, and
 * check_report() prints "N passed, N failed" and gives the exit status.
 */
#ifndef FASTSOCK_CHECK_H
#define FASTSOCK_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

static int passed, failed;

#define CHECK(cond) check((cond), #cond, __FILE__, __LINE__)

static void check(int ok, const char *what, const char *file, int line)
{
	if (ok) {
		passed++;
	} else {
		failed++;
		printf("FAIL %s:%d: %s\n", file, line, what);
	}
}

static int check_report(void)
{
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}

/* Whether len bytes are all zero: a wiped key, an empty slot. */
static inline bool check_all_zero(const void *buf, size_t len)
{
	const unsigned char *p = buf;

	for (size_t i = 0; i < len; i++) {
		if (p[i]) {
			return false;
		}
	}
	return true;
}

#endif
