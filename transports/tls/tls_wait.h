/*
 * The one wait of fastsock's TLS: an SSL call that wants I/O is tried
 * again once the descriptor is ready, until a deadline on the monotonic
 * clock. The handshake (accept and STARTTLS) and blocking reads and
 * writes all go through fastsock_tls_drive().
 */
#ifndef FASTSOCK_TLS_WAIT_H
#define FASTSOCK_TLS_WAIT_H

#include <time.h>

#include "socket.h"
#include "tls.h"

/* Waits for the descriptor to be ready as want asks, at most until the
 * deadline (NULL: none); false once it passed. */
bool fastsock_tls_wait(fastsock_sock *sock, fastsock_tls_step want, const struct timespec *deadline);

/* One try of an SSL call: DONE, FAILED, or what it waits for. */
typedef fastsock_tls_step (*fastsock_tls_attempt)(fastsock_sock *sock, void *arg);

/* Tries until the attempt is done or failed, waiting in between for what
 * it wanted; returns WANT_READ or WANT_WRITE only once the deadline (NULL:
 * none) passed. */
fastsock_tls_step fastsock_tls_drive(fastsock_sock *sock, fastsock_tls_attempt attempt, void *arg,
		const struct timespec *deadline);

#endif
