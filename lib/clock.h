/*
 * The one clock of fastsock's deadlines: CLOCK_MONOTONIC, so that a wall
 * clock set back or forward (NTP, an administrator) never stretches or
 * cuts a timeout. Plain C.
 */
#ifndef FASTSOCK_CLOCK_H
#define FASTSOCK_CLOCK_H

#include <stdbool.h>
#include <sys/time.h>
#include <time.h>

/* Now on CLOCK_MONOTONIC. Linux fails it only for a bad clock id or
 * pointer, neither of which fastsock passes; should it fail anyway, the
 * time reads as 0, so deadlines taken from it pass at once rather than
 * never. */
struct timespec fastsock_clock_now(void);

/* Milliseconds on the same clock. */
long long fastsock_clock_ms(void);

/* now + timeout. */
struct timespec fastsock_deadline_after(const struct timeval *timeout);

/* Time left until the deadline, as poll() and PHP take it; zero once it
 * passed. Returns false once it passed. */
bool fastsock_deadline_left(const struct timespec *deadline, struct timeval *left);

/* Time spent since start. */
struct timeval fastsock_clock_since(const struct timespec *start);

#endif
