/*
 * Unit test of lib/epollset.c: the persistent epoll set answers as the
 * pollset's poll() wait across calls, under descriptor reuse, a dup() that
 * keeps a closed descriptor's pipe open, a descriptor no longer watched,
 * and a regular file. Plain C on pipes; prints "N passed, N failed".
 */
#include "epollset.h"
#include "check.h"
#include "pipes.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const struct timespec no_wait = {0, 0};
static const struct timespec short_wait = {0, 50 * 1000 * 1000};

/* One call: the read list is fds[0..n) with their identities; the count. */
static int wait_read(fastsock_epollset *ep, const int *fds, const uint32_t *idents, size_t n,
		const struct timespec *timeout, fastsock_pollset *out)
{
	size_t bytes = fastsock_pollset_bytes(n);
	void *mem = malloc(bytes);
	int ready;

	if (!mem) {
		die("malloc");
	}
	fastsock_pollset_init(out, mem, n);
	for (size_t i = 0; i < n; i++) {
		fastsock_pollset_add_ident(out, fds[i], FASTSOCK_POLL_READ, idents[i]);
	}
	ready = fastsock_epollset_wait(ep, out, out->idents, timeout);
	return ready;
}

static int ready_count(fastsock_epollset *ep, const int *fds, const uint32_t *idents, size_t n,
		const struct timespec *timeout)
{
	fastsock_pollset set;
	int ready = wait_read(ep, fds, idents, n, timeout, &set);

	free(set.fds);
	return ready;
}

int main(void)
{
	fastsock_epollset ep;
	int a[2], b[2], c[2];
	uint32_t ident = 0;

	fastsock_epollset_init(&ep);

	/* Steady calls on one pipe, data or not. */
	make_pipe(a);
	{
		uint32_t id = ++ident;

		CHECK(ready_count(&ep, &a[0], &id, 1, &no_wait) == 0);
		put_byte(a[1]);
		CHECK(ready_count(&ep, &a[0], &id, 1, &no_wait) == 1);
		CHECK(ready_count(&ep, &a[0], &id, 1, &no_wait) == 1);
		take_byte(a[0]);
		CHECK(ready_count(&ep, &a[0], &id, 1, &short_wait) == 0);
	}

	/* Closed and reused by another pipe: watched for the new one. */
	close(a[0]);
	close(a[1]);
	make_pipe(b);
	{
		uint32_t id = ++ident;

		CHECK(ready_count(&ep, &b[0], &id, 1, &no_wait) == 0);
		put_byte(b[1]);
		CHECK(ready_count(&ep, &b[0], &id, 1, &short_wait) == 1);
		take_byte(b[0]);
	}

	/* Closed while a dup() keeps the pipe open, its number reused: the
	 * old registration's events are not the new pipe's. */
	{
		int kept = dup(b[0]);
		uint32_t id = ++ident;

		if (kept < 0) {
			die("dup");
		}
		close(b[0]);
		make_pipe(c);
		CHECK(c[0] == b[0]);
		put_byte(b[1]);
		CHECK(ready_count(&ep, &c[0], &id, 1, &short_wait) == 0);
		CHECK(ready_count(&ep, &c[0], &id, 1, &short_wait) == 0);
		put_byte(c[1]);
		CHECK(ready_count(&ep, &c[0], &id, 1, &no_wait) == 1);
		take_byte(c[0]);
		close(kept);
		close(b[1]);
	}

	/* No longer watched: its data does not end the wait of another. */
	make_pipe(a);
	{
		int both[2] = {a[0], c[0]};
		uint32_t ids[2] = {ident + 1, ident + 2};

		ident += 2;
		CHECK(ready_count(&ep, both, ids, 2, &no_wait) == 0);
		put_byte(a[1]);
		CHECK(ready_count(&ep, &both[1], &ids[1], 1, &short_wait) == 0);
		CHECK(ready_count(&ep, both, ids, 2, &no_wait) == 1);
	}

	/* A regular file, which epoll refuses: poll()'s answer. */
	{
		char path[] = "/tmp/fastsock-epollset-XXXXXX";
		int file = mkstemp(path);
		uint32_t id = ++ident;

		if (file < 0) {
			die("mkstemp");
		}
		unlink(path);
		CHECK(ready_count(&ep, &file, &id, 1, &no_wait) == 1);
		CHECK(ready_count(&ep, &file, &id, 1, &no_wait) == 1);
		close(file);
	}

	fastsock_epollset_destroy(&ep);
	return check_report();
}
