/*
 * The fuzz harnesses' assertion: an invariant broken is a crash libFuzzer
 * reports with the input that broke it.
 */
#ifndef FASTSOCK_FUZZ_REQUIRE_H
#define FASTSOCK_FUZZ_REQUIRE_H

#include <stdio.h>
#include <stdlib.h>

#define REQUIRE(cond) do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: broken: %s\n", __FILE__, __LINE__, #cond); \
			abort(); \
		} \
	} while (0)

#endif
