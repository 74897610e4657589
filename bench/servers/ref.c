#define _GNU_SOURCE
#include "ref.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

void ref_start(struct ref_server *s, int argc, char **argv)
{
	int one = 1;

	if (argc != 2)
		die("usage: %s ADDRESS", argv[0]);
	raise_nofile();
	endpoint_parse(argv[1], &s->ep);
	s->listen_fd = socket(s->ep.family, s->ep.socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (s->listen_fd < 0)
		die_errno("socket");
	if (s->ep.family != AF_UNIX &&
	    setsockopt(s->listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) != 0)
		die_errno("setsockopt SO_REUSEADDR");
	if (bind(s->listen_fd, (struct sockaddr *)&s->ep.addr, s->ep.len) != 0)
		die("bind %s: %s", argv[1], strerror(errno));
	/* The kernel caps this at net.core.somaxconn. */
	if (s->ep.socktype == SOCK_STREAM && listen(s->listen_fd, 65535) != 0)
		die_errno("listen");
	s->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (s->epfd < 0)
		die_errno("epoll_create1");
	ref_watch(s, EPOLL_CTL_ADD, s->listen_fd, EPOLLIN);
	if (puts("ready") == EOF || fflush(stdout) == EOF)
		die_errno("writing ready");
}

int ref_accept(struct ref_server *s)
{
	for (;;) {
		int fd = accept4(s->listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);

		if (fd >= 0) {
			if (s->ep.family != AF_UNIX && set_nodelay(fd) != 0)
				die_errno("setsockopt TCP_NODELAY");
			return fd;
		}
		/* The client gave up before we got to it: not our problem. */
		if (errno == EINTR || errno == ECONNABORTED)
			continue;
		if (errno == EAGAIN)
			return -1;
		die_errno("accept4");
	}
}

void ref_watch(struct ref_server *s, int op, int fd, uint32_t events)
{
	struct epoll_event ev = { .events = events, .data.fd = fd };

	if (epoll_ctl(s->epfd, op, fd, &ev) != 0)
		die_errno("epoll_ctl");
}

int ref_wait(struct ref_server *s, struct epoll_event *evs, int max)
{
	int n = epoll_wait(s->epfd, evs, max, -1);

	if (n < 0 && errno != EINTR)
		die_errno("epoll_wait");
	return n < 0 ? 0 : n;
}

void ref_serve_connections(struct ref_server *s,
	void (*on_event)(struct ref_server *s, int fd, uint32_t events, void *arg), void *arg)
{
	struct epoll_event evs[256];

	for (;;) {
		int i, n = ref_wait(s, evs, 256);

		for (i = 0; i < n; i++) {
			int fd = evs[i].data.fd;

			if (fd == s->listen_fd) {
				int c;
				while ((c = ref_accept(s)) >= 0)
					ref_watch(s, EPOLL_CTL_ADD, c, EPOLLIN);
			} else {
				on_event(s, fd, evs[i].events, arg);
			}
		}
	}
}

/* Closing removes the descriptor from the epoll set. A failed close
 * still releases the descriptor, so there is nothing to undo. */
void ref_close(int fd)
{
	if (close(fd) != 0)
		fprintf(stderr, "close %d: %s\n", fd, strerror(errno));
}

void *ref_slot(void **table, size_t *cap, int fd, size_t size)
{
	if ((size_t)fd >= *cap) {
		size_t n = *cap ? *cap : 1024;
		char *t;

		while (n <= (size_t)fd)
			n *= 2;
		t = realloc(*table, n * size);
		if (!t)
			die_errno("realloc");
		memset(t + *cap * size, 0, (n - *cap) * size);
		*table = t;
		*cap = n;
	}
	return (char *)*table + (size_t)fd * size;
}

void buf_append(struct buf *b, const char *p, size_t n)
{
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		char *d;

		while (cap < b->len + n)
			cap *= 2;
		d = realloc(b->data, cap);
		if (!d)
			die_errno("realloc");
		b->data = d;
		b->cap = cap;
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
}

void buf_consume(struct buf *b, size_t n)
{
	memmove(b->data, b->data + n, b->len - n);
	b->len -= n;
}

int buf_flush(struct buf *b, int fd)
{
	while (b->len > 0) {
		ssize_t n = write(fd, b->data, b->len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return 1;
		if (n < 0)
			return -1;
		buf_consume(b, (size_t)n);
	}
	return 0;
}
