/*
 * The PROXY protocol on a server's accept path: which peers must start
 * with a header (the server's trusted sources), reading it within a bound
 * and never past its end, and what it said, for the peer's name and for
 * fastsock_info(). lib/proxy_header.c parses; this file does the I/O and
 * the Zend side.
 */
#ifndef FASTSOCK_PROXY_H
#define FASTSOCK_PROXY_H

#include "socket.h"

struct fastsock_proxy_received;

/* Whether text is a list fastsock.proxy_from accepts. */
bool fastsock_proxy_from_valid(const char *text, size_t len);

/* At bind, once the options are resolved: a tcp or unix server with
 * proxy_protocol on takes its trusted sources from the context's fastsock
 * "proxy_from", else from the ini. A bad context value warns and the ini
 * list is used, as for every fastsock option. */
void fastsock_proxy_server_setup(php_stream_context *context, fastsock_sock *server);

/* Whether a connection from that peer must start with a header: a tcp
 * peer in the trusted sources, or any peer of a unix server (whoever may
 * connect to its file is trusted). */
bool fastsock_proxy_expected(const fastsock_sock *server, const struct sockaddr *peer,
	socklen_t length);

/* Reading a header at the start of a new connection, a step at a time:
 * each call takes what has arrived and never waits. */
typedef struct fastsock_proxy_reading fastsock_proxy_reading;

typedef enum fastsock_proxy_step {
	FASTSOCK_PROXY_STEP_DONE,    /* the header is taken: conn->proxy holds it */
	FASTSOCK_PROXY_STEP_AGAIN,   /* call again once the connection is readable */
	FASTSOCK_PROXY_STEP_BAD,     /* not a header, or cut short: drop it (counted here) */
	FASTSOCK_PROXY_STEP_CLOSED,  /* closed before sending a byte: drop it */
} fastsock_proxy_step;

/* *reading starts NULL; fastsock_proxy_reading_free() once the stage ends. */
fastsock_proxy_step fastsock_proxy_read(fastsock_sock *conn, fastsock_proxy_reading **reading);
/* proxy_timeout passed before the header was complete (counted here). */
void fastsock_proxy_expire(fastsock_proxy_reading **reading);
void fastsock_proxy_reading_free(fastsock_proxy_reading **reading);
/* The header the connection sent is LOCAL (v2) or UNKNOWN (v1): the
 * balancer's own connection, most often a health check. */
bool fastsock_proxy_local(const fastsock_sock *conn);

/* The client's address the connection's header carried; NULL for a
 * direct connection or a LOCAL header. */
const struct sockaddr *fastsock_proxy_peer(const fastsock_sock *conn, socklen_t *length);

/* fastsock_info()'s proxy entries: the server's settings, and on a
 * connection "proxy", what its header said (null without one). */
void fastsock_proxy_describe(const fastsock_sock *sock, zval *out);

/* Frees what the server or connection holds. */
void fastsock_proxy_release(fastsock_sock *sock);

#endif
