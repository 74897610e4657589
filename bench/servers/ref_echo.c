/* Reference for select_echo.php (tcp:// and unix://): echo every byte back.
 * While a connection has unsent echo, it is not read: the client's own
 * flow control then bounds the pending data. */
#define _GNU_SOURCE
#include <errno.h>
#include <unistd.h>

#include "ref.h"

static struct buf *pending;
static size_t npending;

static void drop(int fd)
{
	struct buf *b = ref_slot((void **)&pending, &npending, fd, sizeof(*b));

	b->len = 0;
	ref_close(fd);
}

/* Called when a connection that had unsent echo becomes writable. */
static void flush(struct ref_server *s, int fd)
{
	struct buf *b = ref_slot((void **)&pending, &npending, fd, sizeof(*b));
	int rc = buf_flush(b, fd);

	if (rc < 0)
		drop(fd);
	else if (rc == 0)
		ref_watch(s, EPOLL_CTL_MOD, fd, EPOLLIN);
}

static void echo(struct ref_server *s, int fd)
{
	struct buf *b = ref_slot((void **)&pending, &npending, fd, sizeof(*b));
	char data[65536];

	for (;;) {
		ssize_t n = read(fd, data, sizeof(data));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return;
		if (n <= 0) {
			drop(fd);
			return;
		}
		buf_append(b, data, (size_t)n);
		switch (buf_flush(b, fd)) {
		case -1:
			drop(fd);
			return;
		case 1:
			ref_watch(s, EPOLL_CTL_MOD, fd, EPOLLOUT);
			return;
		}
	}
}

static void on_event(struct ref_server *s, int fd, uint32_t events, void *arg)
{
	(void) arg;
	if (events & EPOLLOUT)
		flush(s, fd);
	else
		echo(s, fd);
}

int main(int argc, char **argv)
{
	struct ref_server s;

	ref_start(&s, argc, argv);
	ref_serve_connections(&s, on_event, NULL);
}
