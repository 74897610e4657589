/*
 * The settings of a fastsock server, and their validation.
 *
 * Plain C over plain inputs (strings and integers), so that the ini
 * handlers, the context resolver and a C unit test share one definition
 * of what each setting accepts.
 */
#ifndef FASTSOCK_OPTIONS_H
#define FASTSOCK_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum fastsock_setting {
	FASTSOCK_SET_BACKLOG,
	FASTSOCK_SET_RCVBUF,
	FASTSOCK_SET_SNDBUF,
	FASTSOCK_SET_UDP_RCVBUF,
	FASTSOCK_SET_CHUNK_SIZE,
	FASTSOCK_SET_TCP_NODELAY,
	FASTSOCK_SET_REUSEPORT,
	FASTSOCK_SET_MODE,
	FASTSOCK_SET_TLS_SESSION_CACHE,
	FASTSOCK_SET_TLS_SESSION_TIMEOUT,
	FASTSOCK_SET_TLS_TICKETS,
	FASTSOCK_SET_TLS_HANDSHAKE_TIMEOUT,
	FASTSOCK_SET_PROXY_PROTOCOL,
	FASTSOCK_SET_PROXY_TIMEOUT,
	FASTSOCK_SET_PROXY_FROM,
	FASTSOCK_SET_PENDING_LIMIT,
	FASTSOCK_SET_COUNT
} fastsock_setting;

typedef struct fastsock_setting_spec {
	const char *name;     /* as in the ini (after "fastsock.") and the context */
	bool is_bool;
	long min;
	long max;
	const char *accepted; /* for warnings: what a user may write */
	bool in_ini;          /* false: a per-server context option only */
	/* A text (proxy_from): checked by its own parser, not min and max. */
	bool is_text;
} fastsock_setting_spec;

/* The effective settings of one server; copied into each accepted stream. */
typedef struct fastsock_options {
	long backlog;      /* what listen() is given */
	long rcvbuf;       /* 0: leave the kernel's autotuning alone */
	long sndbuf;
	long udp_rcvbuf;   /* datagram servers: 0 keeps the kernel default */
	long chunk_size;   /* the most one fread() of a connection returns */
	bool tcp_nodelay;
	bool reuseport;
	long mode;         /* unix sockets: the file's mode at bind; -1: as umask makes it */
	bool tls_session_cache;
	long tls_session_timeout;    /* seconds a session (and a ticket key) lives */
	bool tls_tickets;
	long tls_handshake_timeout;  /* seconds; 0: the stream's timeout alone, as stock */
	/* Connections from the trusted sources (proxy_from, kept by the
	 * server) start with a PROXY protocol header, v1 or v2. */
	bool proxy_protocol;
	long proxy_timeout;          /* seconds a trusted peer has to send it */
	/* TLS and PROXY listeners: the most connections still in their
	 * handshake; a new one beyond pushes out the one pending longest. */
	long pending_limit;
} fastsock_options;

const fastsock_setting_spec *fastsock_setting_get(fastsock_setting which);
const fastsock_setting_spec *fastsock_setting_find(const char *name, size_t len);

/* "backlog, rcvbuf, ...": every setting's name, for a warning; static. */
const char *fastsock_setting_names(void);

/* Whole-string parses; false when the text is not entirely a value. */
bool fastsock_parse_long(const char *text, size_t len, long *out);
bool fastsock_parse_bool(const char *text, size_t len, bool *out);

/* The most characters of a rejected value a warning shows. */
#define FASTSOCK_SHOWN_MAX 64
/* Room for any shown value: each byte escaped as \xNN, "..." and the NUL. */
#define FASTSOCK_SHOWN_SIZE (FASTSOCK_SHOWN_MAX * 4 + 4)

/* A value from a user as a warning may show it: control and non-ASCII bytes
 * (a NUL, a newline) as \xNN escapes, quotes and backslashes escaped, and
 * at most FASTSOCK_SHOWN_MAX bytes of it, then "...". out has outsize
 * bytes, FASTSOCK_SHOWN_SIZE being always enough; the result is always
 * terminated and never longer than out. */
void fastsock_shown_value(const char *value, size_t len, char *out, size_t outsize);

bool fastsock_setting_in_range(const fastsock_setting_spec *spec, long value);

/* /proc/sys/net/core/somaxconn where it exists, else SOMAXCONN. */
long fastsock_system_backlog(void);

#endif
