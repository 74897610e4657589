/*
 * Unit test of transports/pollset.c: the poll() set that answers as
 * select() would. Plain C on real descriptors (pipes, socket pairs, a
 * loopback TCP connection); prints "N passed, N failed".
 */
#include "pollset.h"
#include "check.h"
#include "pipes.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>


/* A set with its own memory, for up to `capacity` descriptors. */
static fastsock_pollset *set_new(size_t capacity)
{
	fastsock_pollset *set = malloc(sizeof(*set));
	void *mem = malloc(fastsock_pollset_bytes(capacity));

	if (!set || !mem) {
		die("malloc");
	}
	fastsock_pollset_init(set, mem, capacity);
	return set;
}

static void set_free(fastsock_pollset *set)
{
	free(set->fds);
	free(set);
}

static const struct timespec no_wait = {0, 0};

static double now(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0) {
		die("clock_gettime");
	}
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double cpu_seconds(void)
{
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru) != 0) {
		die("getrusage");
	}
	return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static void test_duplicates_share_one_pollfd(void)
{
	fastsock_pollset *set = set_new(4);

	CHECK(fastsock_pollset_add(set, 7, FASTSOCK_POLL_READ));
	CHECK(fastsock_pollset_add(set, 7, FASTSOCK_POLL_READ));
	CHECK(fastsock_pollset_add(set, 7, FASTSOCK_POLL_WRITE));
	CHECK(fastsock_pollset_add(set, 5, FASTSOCK_POLL_EXCEPT));
	CHECK(set->nfds == 2);
	CHECK(set->fds[0].fd == 7 && (set->fds[0].events & POLLIN) && (set->fds[0].events & POLLOUT));
	CHECK(!(set->fds[0].events & POLLPRI));
	CHECK(set->fds[1].fd == 5 && set->fds[1].events == POLLPRI);
	CHECK(set->max_fd == 7);
	set_free(set);
}

static void test_full_set_refuses_new_descriptors(void)
{
	fastsock_pollset *set = set_new(2);

	CHECK(fastsock_pollset_add(set, 3, FASTSOCK_POLL_READ));
	CHECK(fastsock_pollset_add(set, 4, FASTSOCK_POLL_READ));
	CHECK(!fastsock_pollset_add(set, 5, FASTSOCK_POLL_READ));
	CHECK(fastsock_pollset_add(set, 3, FASTSOCK_POLL_WRITE));
	CHECK(!fastsock_pollset_add(set, -1, FASTSOCK_POLL_READ));
	CHECK(set->nfds == 2);
	set_free(set);
}

/* Descriptors that all land on the same slot are still told apart. */
static void test_colliding_descriptors(void)
{
	enum { N = 40 };
	fastsock_pollset *set = set_new(N);
	size_t stride = set->slot_mask + 1;
	int ok = 1;

	for (int i = 0; i < N; i++) {
		ok &= fastsock_pollset_add(set, 3 + i * (int) stride, i % 2 ? FASTSOCK_POLL_WRITE : FASTSOCK_POLL_READ);
	}
	for (int i = 0; i < N; i++) {
		ok &= fastsock_pollset_add(set, 3 + i * (int) stride, FASTSOCK_POLL_EXCEPT);
	}
	CHECK(ok);
	CHECK(set->nfds == N);
	for (int i = 0; i < N; i++) {
		ok &= set->fds[i].fd == 3 + i * (int) stride && (set->fds[i].events & POLLPRI);
	}
	CHECK(ok);
	CHECK(!fastsock_pollset_ready(set, 4, FASTSOCK_POLL_READ));
	set_free(set);
}

static void test_pipe_readiness(void)
{
	int p[2];
	fastsock_pollset *set = set_new(3);

	make_pipe(p);
	fastsock_pollset_add(set, p[0], FASTSOCK_POLL_READ);
	fastsock_pollset_add(set, p[1], FASTSOCK_POLL_WRITE);
	fastsock_pollset_add(set, p[1], FASTSOCK_POLL_READ);
	CHECK(fastsock_pollset_wait(set, &no_wait) == 1);
	CHECK(!fastsock_pollset_ready(set, p[0], FASTSOCK_POLL_READ));
	CHECK(fastsock_pollset_ready(set, p[1], FASTSOCK_POLL_WRITE));
	CHECK(!fastsock_pollset_ready(set, p[1], FASTSOCK_POLL_READ));
	CHECK(!fastsock_pollset_ready(set, p[0], FASTSOCK_POLL_WRITE));

	put_byte(p[1]);
	CHECK(fastsock_pollset_wait(set, NULL) == 2);
	CHECK(fastsock_pollset_ready(set, p[0], FASTSOCK_POLL_READ));
	CHECK(set->max_fd == (p[0] > p[1] ? p[0] : p[1]));
	close(p[0]);
	close(p[1]);
	set_free(set);
}

/* A hang-up is readable only; select() keeps sleeping on it elsewhere. */
static void test_hangup(void)
{
	int p[2];
	fastsock_pollset *set = set_new(1);
	const struct timespec wait = {0, 100 * 1000 * 1000};
	double start, cpu;

	make_pipe(p);
	close(p[1]);
	fastsock_pollset_add(set, p[0], FASTSOCK_POLL_WRITE);
	fastsock_pollset_add(set, p[0], FASTSOCK_POLL_EXCEPT);
	start = now();
	cpu = cpu_seconds();
	CHECK(fastsock_pollset_wait(set, &wait) == 0);
	CHECK(now() - start >= 0.1);
	CHECK(cpu_seconds() - cpu < 0.05);
	CHECK(set->fds[0].fd == p[0]);
	CHECK(!fastsock_pollset_ready(set, p[0], FASTSOCK_POLL_WRITE));

	fastsock_pollset_add(set, p[0], FASTSOCK_POLL_READ);
	CHECK(fastsock_pollset_wait(set, &wait) == 1);
	CHECK(fastsock_pollset_ready(set, p[0], FASTSOCK_POLL_READ));
	CHECK(!fastsock_pollset_ready(set, p[0], FASTSOCK_POLL_EXCEPT));
	close(p[0]);
	set_free(set);
}

/* An error (no reader left) is readable and writable, not exceptional. */
static void test_error(void)
{
	int p[2];
	fastsock_pollset *set = set_new(1);

	make_pipe(p);
	close(p[0]);
	fastsock_pollset_add(set, p[1], FASTSOCK_POLL_READ);
	fastsock_pollset_add(set, p[1], FASTSOCK_POLL_WRITE);
	fastsock_pollset_add(set, p[1], FASTSOCK_POLL_EXCEPT);
	CHECK(fastsock_pollset_wait(set, &no_wait) == 2);
	CHECK(fastsock_pollset_ready(set, p[1], FASTSOCK_POLL_READ));
	CHECK(fastsock_pollset_ready(set, p[1], FASTSOCK_POLL_WRITE));
	CHECK(!fastsock_pollset_ready(set, p[1], FASTSOCK_POLL_EXCEPT));
	close(p[1]);
	set_free(set);
}

static void test_errors_of_select(void)
{
	int p[2];
	fastsock_pollset *set = set_new(2);
	const struct timespec negative = {-1, 0};

	make_pipe(p);
	fastsock_pollset_add(set, p[0], FASTSOCK_POLL_READ);
	errno = 0;
	CHECK(fastsock_pollset_wait(set, &negative) == -1 && errno == EINVAL);

	close(p[1]);
	fastsock_pollset_add(set, p[1], FASTSOCK_POLL_WRITE);
	errno = 0;
	CHECK(fastsock_pollset_wait(set, NULL) == -1 && errno == EBADF);
	close(p[0]);
	set_free(set);
}

static void on_alarm(int sig)
{
	(void) sig;
}

static void test_interrupted(void)
{
	int p[2];
	fastsock_pollset *set = set_new(1);
	struct sigaction sa;
	struct itimerval timer = {{0, 0}, {0, 20 * 1000}};

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	if (sigaction(SIGALRM, &sa, NULL) != 0 || setitimer(ITIMER_REAL, &timer, NULL) != 0) {
		die("sigaction/setitimer");
	}
	make_pipe(p);
	fastsock_pollset_add(set, p[0], FASTSOCK_POLL_READ);
	errno = 0;
	CHECK(fastsock_pollset_wait(set, NULL) == -1 && errno == EINTR);
	close(p[0]);
	close(p[1]);
	set_free(set);
}

static int tcp_listener(struct sockaddr_in *addr)
{
	socklen_t len = sizeof(*addr);
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	memset(addr, 0, sizeof(*addr));
	addr->sin_family = AF_INET;
	addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || bind(fd, (struct sockaddr *) addr, sizeof(*addr)) != 0 || listen(fd, 1) != 0
			|| getsockname(fd, (struct sockaddr *) addr, &len) != 0) {
		die("tcp listener");
	}
	return fd;
}

/* Urgent data is the except list (POLLPRI). */
static void test_urgent_data(void)
{
	struct sockaddr_in addr;
	int server = tcp_listener(&addr);
	int client = socket(AF_INET, SOCK_STREAM, 0);
	int conn;
	fastsock_pollset *set = set_new(1);

	if (client < 0 || connect(client, (struct sockaddr *) &addr, sizeof(addr)) != 0) {
		die("connect");
	}
	conn = accept(server, NULL, NULL);
	if (conn < 0) {
		die("accept");
	}
	fastsock_pollset_add(set, conn, FASTSOCK_POLL_EXCEPT);
	CHECK(fastsock_pollset_wait(set, &no_wait) == 0);
	if (send(client, "!", 1, MSG_OOB) != 1) {
		die("send");
	}
	CHECK(fastsock_pollset_wait(set, NULL) == 1);
	CHECK(fastsock_pollset_ready(set, conn, FASTSOCK_POLL_EXCEPT));
	close(conn);
	close(client);
	close(server);
	set_free(set);
}

static bool raise_descriptor_limit(rlim_t want)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0) {
		die("getrlimit");
	}
	if (rl.rlim_cur >= want) {
		return true;
	}
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < want) {
		return false;
	}
	rl.rlim_cur = want;
	return setrlimit(RLIMIT_NOFILE, &rl) == 0;
}

/* Past FD_SETSIZE: 1,500 socket pairs, every other one with data. */
static void test_many_descriptors(void)
{
	enum { PAIRS = 1500 };
	int pairs[PAIRS][2];
	fastsock_pollset *set;
	int ok = 1;

	if (!raise_descriptor_limit(2 * PAIRS + 64)) {
		fprintf(stderr, "skip test_many_descriptors: RLIMIT_NOFILE hard limit too low\n");
		return;
	}
	set = set_new(PAIRS);
	for (int i = 0; i < PAIRS; i++) {
		if (socketpair(AF_UNIX, SOCK_STREAM, 0, pairs[i]) != 0) {
			die("socketpair");
		}
		if (i % 2) {
			put_byte(pairs[i][1]);
		}
		fastsock_pollset_add(set, pairs[i][0], FASTSOCK_POLL_READ);
	}
	CHECK(set->max_fd >= 2 * PAIRS);
	CHECK(fastsock_pollset_wait(set, &no_wait) == PAIRS / 2);
	for (int i = 0; i < PAIRS; i++) {
		ok &= fastsock_pollset_ready(set, pairs[i][0], FASTSOCK_POLL_READ) == (i % 2 == 1);
	}
	CHECK(ok);
	for (int i = 0; i < PAIRS; i++) {
		close(pairs[i][0]);
		close(pairs[i][1]);
	}
	set_free(set);
}

/* A watch ends a wait without counting; it never shows as a descriptor's
 * readiness, and unwatch leaves the counted set as it was. */
static void test_watches(void)
{
	fastsock_pollset *set = set_new(4);
	int counted[2], watched[2];
	long w;
	struct timespec second = {1, 0};
	double start;

	make_pipe(counted);
	make_pipe(watched);
	CHECK(fastsock_pollset_add(set, counted[0], FASTSOCK_POLL_READ));
	w = fastsock_pollset_watch(set, watched[0], POLLIN, 0);
	CHECK(w == 1);
	put_byte(watched[1]);
	start = now();
	CHECK(fastsock_pollset_wait(set, &second) == 0);
	CHECK(now() - start < 0.5);
	CHECK(set->watch_fired);
	CHECK(fastsock_pollset_watch_revents(set, w) & POLLIN);
	CHECK(!fastsock_pollset_ready(set, watched[0], FASTSOCK_POLL_READ));
	fastsock_pollset_unwatch(set);
	CHECK(set->nfds == 1);

	/* Both: the counted one is what the wait returns. */
	put_byte(counted[1]);
	w = fastsock_pollset_watch(set, watched[0], POLLIN, 0);
	CHECK(fastsock_pollset_wait(set, &no_wait) == 1);
	CHECK(!set->watch_fired);
	fastsock_pollset_unwatch(set);

	/* Told not readable, a ready descriptor counts no more; ignored, it is not waited for. */
	fastsock_pollset_set_readable(set, counted[0], false);
	CHECK(fastsock_pollset_count(set) == 0);
	fastsock_pollset_set_readable(set, counted[0], true);
	CHECK(fastsock_pollset_count(set) == 1);
	fastsock_pollset_ignore(set, counted[0], true);
	CHECK(fastsock_pollset_wait(set, &no_wait) == 0);
	fastsock_pollset_ignore(set, counted[0], false);
	CHECK(fastsock_pollset_wait(set, &no_wait) == 1);

	/* A full set takes no watch. */
	CHECK(fastsock_pollset_watch(set, watched[0], POLLIN, 0) == 1);
	CHECK(fastsock_pollset_watch(set, watched[0], POLLIN, 0) == 2);
	CHECK(fastsock_pollset_watch(set, watched[0], POLLIN, 0) == 3);
	CHECK(fastsock_pollset_watch(set, watched[0], POLLIN, 0) == -1);
	fastsock_pollset_unwatch(set);
	close(counted[0]);
	close(counted[1]);
	close(watched[0]);
	close(watched[1]);
	set_free(set);
}

int main(void)
{
	test_duplicates_share_one_pollfd();
	test_full_set_refuses_new_descriptors();
	test_colliding_descriptors();
	test_pipe_readiness();
	test_hangup();
	test_error();
	test_errors_of_select();
	test_interrupted();
	test_urgent_data();
	test_many_descriptors();
	test_watches();
	return check_report();
}
