/*
 * Unit test of lib/tls_ticket_page.c with real processes: what a forked
 * child writes the parent reads; a child killed (exiting) while holding the
 * lock leaves it usable, wiping the keys only when it was writing them; a
 * child stopped while holding the lock costs the others at most the lock's
 * bound; a child's close leaves the keys, the creator's wipes them for the children
 * still running; without mmap (RLIMIT_AS) process memory serves. An alarm
 * bounds the whole run: a wedged lock fails it. Prints "N passed, N failed".
 */
#include "tls_ticket_page.h"
#include "check.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Runs fn in a forked child; returns its exit status (-1: it did not exit). */
static int in_child(int (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid < 0) {
		return -1;
	}
	if (pid == 0) {
		_exit(fn());
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) {
		return -1;
	}
	return WEXITSTATUS(status);
}

/* A key and a lifetime to find again. */
static int child_writes(void)
{
	fastsock_ticket_state *state = fastsock_ticket_page_lock();

	if (!state) {
		return 1;
	}
	state->lifetime = 42;
	state->ring.ready = true;
	state->ring.keys[0].live = true;
	memset(state->ring.keys[0].name, 7, sizeof(state->ring.keys[0].name));
	state->file.count = 1;
	state->file.status = FASTSOCK_TICKET_FILE_OK;
	memset(state->file.keys[0].aes, 9, sizeof(state->file.keys[0].aes));
	return fastsock_ticket_page_unlock() ? 0 : 2;
}

static bool written_keys_there(void)
{
	fastsock_ticket_state *state = fastsock_ticket_page_lock();
	bool there = state && state->ring.ready && state->ring.keys[0].name[0] == 7
		&& state->file.count == 1 && state->file.keys[0].aes[31] == 9;

	return fastsock_ticket_page_unlock() && there;
}

/* Dies with the lock held, reading. */
static int child_dies_reading(void)
{
	return fastsock_ticket_page_lock() ? 0 : 1;
}

/* Dies with the lock held, half way through a change. */
static int child_dies_writing(void)
{
	fastsock_ticket_state *state = fastsock_ticket_page_lock();

	if (!state) {
		return 1;
	}
	state->writing = true;
	state->ring.keys[1].name[0] = 3;
	return 0;
}

/* A stopped worker holding the lock (SIGSTOP, a debugger, a stuck file
 * system): the others get no lock within the bound, rather than wait. */
static void test_stopped_holder(void)
{
	struct timespec start, end;
	int status;
	pid_t pid = fork();
	long long waited_ms;

	if (pid == 0) {
		if (!fastsock_ticket_page_lock()) {
			_exit(1);
		}
		raise(SIGSTOP);
		_exit(0);
	}
	CHECK(pid > 0 && waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status));
	clock_gettime(CLOCK_MONOTONIC, &start);
	CHECK(fastsock_ticket_page_lock() == NULL);
	clock_gettime(CLOCK_MONOTONIC, &end);
	waited_ms = (end.tv_sec - start.tv_sec) * 1000LL + (end.tv_nsec - start.tv_nsec) / 1000000;
	CHECK(waited_ms >= FASTSOCK_TICKET_PAGE_LOCK_WAIT_MS - 5 && waited_ms < FASTSOCK_TICKET_PAGE_LOCK_WAIT_MS + 500);
	/* Killed, it leaves the lock usable, and the keys it was not writing. */
	CHECK(pid > 0 && kill(pid, SIGKILL) == 0 && waitpid(pid, &status, 0) == pid);
	CHECK(written_keys_there());
}

static int child_closes(void)
{
	fastsock_ticket_page_close();
	return 0;
}

static void test_shared(void)
{
	fastsock_ticket_page_status status;
	fastsock_ticket_state *state;

	fastsock_ticket_page_open(&status);
	CHECK(status.shared && status.failed_call == NULL && !status.dumpable);
	state = fastsock_ticket_page_lock();
	CHECK(state != NULL && check_all_zero(state, sizeof(*state)));
	CHECK(fastsock_ticket_page_unlock());
	/* A second open keeps the page. */
	fastsock_ticket_page_open(&status);
	CHECK(status.shared);

	CHECK(in_child(child_writes) == 0);
	CHECK(written_keys_there());
	state = fastsock_ticket_page_lock();
	CHECK(state != NULL && state->lifetime == 42);
	CHECK(fastsock_ticket_page_unlock());
}

static void test_dead_holder(void)
{
	fastsock_ticket_state *state;

	/* Killed while reading: the lock comes back, the keys stay. */
	CHECK(in_child(child_dies_reading) == 0);
	CHECK(written_keys_there());

	/* Killed while writing: the lock comes back, the keys are wiped, the
	 * lifetime stays. */
	CHECK(in_child(child_dies_writing) == 0);
	state = fastsock_ticket_page_lock();
	CHECK(state != NULL && check_all_zero(&state->ring, sizeof(state->ring))
		&& check_all_zero(&state->file, sizeof(state->file)) && !state->writing && state->lifetime == 42);
	CHECK(fastsock_ticket_page_unlock());
	/* And it stays usable, for this process and the next child. */
	CHECK(in_child(child_writes) == 0);
	CHECK(written_keys_there());
}

static void test_close(void)
{
	int go[2], status;
	char byte = 0;
	pid_t pid;

	/* A child's close leaves the keys to the others. */
	CHECK(in_child(child_closes) == 0);
	CHECK(written_keys_there());

	/* The creator's close wipes them under a child still running. */
	if (pipe(go) != 0) {
		CHECK(false);
		return;
	}
	pid = fork();
	if (pid == 0) {
		fastsock_ticket_state *state;
		bool wiped;

		close(go[1]);
		if (read(go[0], &byte, 1) != 1) {
			_exit(3);
		}
		state = fastsock_ticket_page_lock();
		wiped = state && check_all_zero(&state->ring, sizeof(state->ring))
			&& check_all_zero(&state->file, sizeof(state->file)) && state->lifetime == 42;
		_exit(fastsock_ticket_page_unlock() && wiped ? 0 : 1);
	}
	close(go[0]);
	fastsock_ticket_page_close();
	CHECK(fastsock_ticket_page_lock() == NULL);
	CHECK(!fastsock_ticket_page_unlock());
	CHECK(pid > 0 && write(go[1], &byte, 1) == 1);
	close(go[1]);
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* The address space this process has now, in bytes (0 if unknown). */
static rlim_t address_space(void)
{
	char buf[64] = {0};
	int fd = open("/proc/self/statm", O_RDONLY);
	ssize_t n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;

	if (fd >= 0) {
		close(fd);
	}
	return n > 0 ? (rlim_t) strtoull(buf, NULL, 10) * (rlim_t) sysconf(_SC_PAGESIZE) : 0;
}

/* No room for a new mapping: process memory, and it works. */
static int child_without_mmap(void)
{
	struct rlimit limit;
	fastsock_ticket_page_status status;
	fastsock_ticket_state *state;

	if (getrlimit(RLIMIT_AS, &limit) != 0 || (limit.rlim_cur = address_space()) == 0
		|| setrlimit(RLIMIT_AS, &limit) != 0) {
		return 10;
	}
	fastsock_ticket_page_open(&status);
	if (status.shared || status.failed_call == NULL || strcmp(status.failed_call, "mmap") != 0
		|| status.error != ENOMEM || !status.dumpable) {
		return 11;
	}
	if (child_writes() != 0 || !written_keys_there()) {
		return 12;
	}
	fastsock_ticket_page_close();
	/* Reopened: empty. */
	fastsock_ticket_page_open(&status);
	state = fastsock_ticket_page_lock();
	if (!state || !check_all_zero(state, sizeof(*state))) {
		return 13;
	}
	return fastsock_ticket_page_unlock() ? 0 : 14;
}

int main(void)
{
	alarm(30);
	test_shared();
	test_dead_holder();
	test_stopped_holder();
	test_close();
	CHECK(in_child(child_without_mmap) == 0);
	return check_report();
}
