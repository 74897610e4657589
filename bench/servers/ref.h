/* What the C reference servers share: one process, epoll, non-blocking
 * sockets, the largest backlog the kernel grants, TCP_NODELAY. They are the
 * ceiling one process can reach on each benchmark's protocol. */
#ifndef BENCH_REF_H
#define BENCH_REF_H

#include <stddef.h>
#include <stdint.h>
#include <sys/epoll.h>

#include "../lib/net.h"

/* Listens (or binds, for udp) on the address in argv[1], adds the socket
 * to a new epoll set, and prints "ready". */
struct ref_server {
	struct endpoint ep;
	int listen_fd;
	int epfd;
};

void ref_start(struct ref_server *s, int argc, char **argv);
/* Accepts one connection, non-blocking, with TCP_NODELAY on TCP; -1 when
 * none is pending. */
int ref_accept(struct ref_server *s);
void ref_watch(struct ref_server *s, int op, int fd, uint32_t events);
int ref_wait(struct ref_server *s, struct epoll_event *evs, int max);
/* The loop of the connection-oriented references: every pending connection
 * is accepted and watched for input; any other event goes to on_event. */
void ref_serve_connections(struct ref_server *s,
	void (*on_event)(struct ref_server *s, int fd, uint32_t events, void *arg), void *arg);
void ref_close(int fd);
/* Per-connection state lives in a table indexed by descriptor; this returns
 * the element for fd, growing the table (zero-filled) as needed. */
void *ref_slot(void **table, size_t *cap, int fd, size_t size);

/* A growable byte buffer for data that could not be written yet. */
struct buf {
	char *data;
	size_t len, cap;
};

void buf_append(struct buf *b, const char *p, size_t n);
void buf_consume(struct buf *b, size_t n);
/* Writes as much as the socket takes: 0 if all went, 1 if some is left,
 * -1 on error. */
int buf_flush(struct buf *b, int fd);

#endif
