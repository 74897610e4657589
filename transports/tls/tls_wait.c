/*
 * The TLS deadline loop (see tls_wait.h).
 */
#include "php.h"
#include "php_network.h"

#include "tls_wait.h"
#include "clock.h"

bool fastsock_tls_wait(fastsock_sock *sock, fastsock_tls_step want, const struct timespec *deadline)
{
	struct timeval left;

	if (deadline && !fastsock_deadline_left(deadline, &left)) {
		return false;
	}
	/* A signal or an error ends the poll early: the next attempt tells
	 * what the descriptor can do, and the deadline still holds. */
	php_pollfd_for(sock->net.socket, (want == FASTSOCK_TLS_WANT_READ ? POLLIN : POLLOUT) | POLLPRI,
		deadline ? &left : NULL);
	return true;
}

fastsock_tls_step fastsock_tls_drive(fastsock_sock *sock, fastsock_tls_attempt attempt, void *arg,
		const struct timespec *deadline)
{
	for (;;) {
		fastsock_tls_step step = attempt(sock, arg);

		if (step == FASTSOCK_TLS_DONE || step == FASTSOCK_TLS_FAILED || !fastsock_tls_wait(sock, step, deadline)) {
			return step;
		}
	}
}
