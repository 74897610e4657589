/*
 * A stop that loses no connection. On stock, SIGTERM ends the process at
 * once, and the connection it was serving (accepted, not yet answered)
 * is cut. With fastsock.graceful_stop the process ends by the same
 * SIGTERM, with the same status, but only once it holds no accepted
 * connection: at once when it waits in accept, else when it closes its
 * last one (or its accept returns without one). A second SIGTERM ends it at once. Whoever stops it bounds the
 * wait (the launcher's grace period, systemd's TimeoutStopSec).
 */
#include "php.h"
#include "SAPI.h"

#include <signal.h>

#include "graceful_stop.h"

static volatile sig_atomic_t stop_requested;
/* Changed outside the handler only; read by it. An accept in progress
 * counts as a connection held: accept4() may have returned one that has
 * no stream yet. */
static volatile sig_atomic_t connections_open;
static volatile sig_atomic_t accepting;
static bool installed;

/* Async-signal-safe: the default action, unblocked, raised. */
static void end_by_sigterm(void)
{
	struct sigaction sa;
	sigset_t set;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	kill(getpid(), SIGTERM);
}

/* A SIGTERM that comes in the accept op before its poll() has begun does
 * not interrupt that poll(): an idle server would then wait for a
 * connection that may never come. SIGALRM, a second later and again
 * while the accept lasts, interrupts it; the accept then returns without
 * a connection and the process ends there. SIGALRM is taken over only
 * once the process is ending. */
static void on_sigalrm(int signo)
{
	(void) signo;
	if (connections_open <= 0 && !accepting) {
		end_by_sigterm();
	}
	if (accepting) {
		alarm(1);
	}
}

static void on_sigterm(int signo)
{
	struct sigaction sa;

	(void) signo;
	if (stop_requested || (connections_open <= 0 && !accepting)) {
		end_by_sigterm();
	}
	stop_requested = 1;
	if (accepting) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_sigalrm;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGALRM, &sa, NULL);
		alarm(1);
	}
}

void fastsock_graceful_stop_startup(void)
{
	struct sigaction sa;

	if (!sapi_module.name || strcmp(sapi_module.name, "cli") != 0) {
		return;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigterm;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGTERM, &sa, NULL) != 0) {
		php_error_docref(NULL, E_WARNING, "fastsock.graceful_stop: sigaction(SIGTERM): %s", strerror(errno));
		return;
	}
	installed = true;
}

void fastsock_graceful_stop_shutdown(void)
{
	struct sigaction sa, current;

	if (!installed) {
		return;
	}
	installed = false;
	/* Put the default back only where the handler is still ours. */
	if (sigaction(SIGTERM, NULL, &current) == 0 && current.sa_handler == on_sigterm) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = SIG_DFL;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGTERM, &sa, NULL);
	}
}

void fastsock_graceful_stop_opened(void)
{
	connections_open++;
}

/* When a stop was asked for: end now if nothing is held. */
static void end_if_idle(void)
{
	if (installed && stop_requested && connections_open <= 0 && !accepting) {
		end_by_sigterm();
	}
}

void fastsock_graceful_stop_closed(void)
{
	connections_open--;
	end_if_idle();
}

void fastsock_graceful_stop_accept_begin(void)
{
	accepting = 1;
}

/* An accept that a SIGTERM interrupted (EINTR) made no connection: the
 * process ends here, before the script sees the failed accept. */
void fastsock_graceful_stop_accept_end(void)
{
	accepting = 0;
	end_if_idle();
}
