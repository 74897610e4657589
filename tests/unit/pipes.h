/*
 * Pipes for the poll set and epoll set unit tests: made, filled and
 * drained a byte at a time; a failed system call ends the test (exit 2).
 */
#ifndef FASTSOCK_TEST_PIPES_H
#define FASTSOCK_TEST_PIPES_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void die(const char *call)
{
	perror(call);
	exit(2);
}

static void make_pipe(int fds[2])
{
	if (pipe(fds) != 0) {
		die("pipe");
	}
}

static void put_byte(int fd)
{
	if (write(fd, "x", 1) != 1) {
		die("write");
	}
}

static inline void take_byte(int fd)
{
	char c;

	if (read(fd, &c, 1) != 1) {
		die("read");
	}
}

#endif
