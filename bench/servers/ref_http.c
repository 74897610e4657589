/* Reference for http_keepalive.php: the same response, written at once. */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "ref.h"

/* Same as the PHP script's, which keeps a partial request up to this size. */
#define MAX_REQUEST 65536

static const char response[] =
	"HTTP/1.1 200 OK\r\n"
	"Content-Type: text/plain\r\n"
	"Content-Length: 14\r\n"
	"\r\n"
	"Hello, world!\n";

struct conn {
	struct buf in, out;
};

static struct conn *conns;
static size_t nconns;

static void drop(struct conn *c, int fd)
{
	c->in.len = c->out.len = 0;
	ref_close(fd);
}

static void respond(struct conn *c)
{
	char *end;

	while ((end = memmem(c->in.data, c->in.len, "\r\n\r\n", 4)) != NULL) {
		buf_consume(&c->in, (size_t)(end + 4 - c->in.data));
		buf_append(&c->out, response, sizeof(response) - 1);
	}
}

static void serve(struct ref_server *s, int fd, uint32_t events)
{
	struct conn *c = ref_slot((void **)&conns, &nconns, fd, sizeof(*c));
	char data[16384];
	int rc;

	while (c->out.len == 0 && !(events & EPOLLOUT)) {
		ssize_t n = read(fd, data, sizeof(data));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return;
		if (n <= 0 || c->in.len + (size_t)n > MAX_REQUEST) {
			drop(c, fd);
			return;
		}
		buf_append(&c->in, data, (size_t)n);
		respond(c);
		rc = buf_flush(&c->out, fd);
		if (rc < 0) {
			drop(c, fd);
			return;
		}
		if (rc > 0) {
			ref_watch(s, EPOLL_CTL_MOD, fd, EPOLLOUT);
			return;
		}
	}
	/* Writable again after a full send buffer. */
	rc = buf_flush(&c->out, fd);
	if (rc < 0)
		drop(c, fd);
	else if (rc == 0)
		ref_watch(s, EPOLL_CTL_MOD, fd, EPOLLIN);
}

static void on_event(struct ref_server *s, int fd, uint32_t events, void *arg)
{
	(void) arg;
	serve(s, fd, events);
}

int main(int argc, char **argv)
{
	struct ref_server s;

	ref_start(&s, argc, argv);
	ref_serve_connections(&s, on_event, NULL);
}
