/*
 * fastsock: a faster backend for PHP's stream servers.
 *
 * Module globals (the ini settings and the process counters) and the
 * declarations shared by fastsock.c and transports/.
 */
#ifndef PHP_FASTSOCK_H
#define PHP_FASTSOCK_H

#include "php.h"
#include "epollset.h"

extern zend_module_entry fastsock_module_entry;
#define phpext_fastsock_ptr &fastsock_module_entry

#define PHP_FASTSOCK_VERSION "0.5.0"

typedef struct fastsock_counters {
	zend_long servers_created;
	zend_long connections_accepted;
	zend_long accept_errors;
	zend_long tls_handshakes_full;
	zend_long tls_handshakes_resumed;
	zend_long tls_handshakes_failed;
	zend_long tls_contexts_built;
	zend_long tls_contexts_reused;
	zend_long proxy_headers;   /* PROXY headers that gave a client's addresses */
	zend_long proxy_local;     /* LOCAL (v2) and UNKNOWN (v1): served as direct */
	zend_long proxy_rejected;  /* trusted peers dropped: bad header, closed or silent */
	zend_long proxy_timeouts;  /* of those, the silent ones */
	zend_long proxy_health_checks;  /* trusted peers that closed after a LOCAL header or none */
	zend_long pending_dropped; /* pushed out of a full pending set (pending_limit) */
	zend_long accept_backoffs; /* accepts out of descriptors (EMFILE, ENFILE): the listener rests */
} fastsock_counters;

ZEND_BEGIN_MODULE_GLOBALS(fastsock)
	bool enable;
	bool select;
	bool select_epoll;
	zend_long backlog;
	zend_long rcvbuf;
	zend_long sndbuf;
	zend_long udp_rcvbuf;
	zend_long chunk_size;
	bool tcp_nodelay;
	bool reuseport;
	bool tls;
	bool tls_session_cache;
	zend_long tls_session_timeout;
	bool tls_tickets;
	char *tls_ticket_key_file;
	zend_long tls_handshake_timeout;
	bool proxy_protocol;
	zend_long proxy_timeout;
	bool graceful_stop;
	char *proxy_from;
	zend_long pending_limit;
	fastsock_counters counters;
	/* Descriptors fastsock closed: a listener resting after EMFILE tries
	 * again as soon as this moves. */
	zend_long descriptors_closed;
	/* stream_select()'s interest set, kept across calls for the request. */
	fastsock_epollset select_set;
	/* The identity of the latest connection pending in a pipeline, for
	 * the interest set (its high bit keeps it apart from resource handles). */
	uint32_t pending_ident;
	/* This process's listening streams that have a pipeline (select.c). */
	void **select_listeners;
	size_t select_listener_count;
	size_t select_listener_room;
	bool select_listeners_incomplete;
ZEND_END_MODULE_GLOBALS(fastsock)

ZEND_EXTERN_MODULE_GLOBALS(fastsock)
#define FASTSOCK_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(fastsock, v)

#if defined(ZTS) && defined(COMPILE_DL_FASTSOCK)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

#endif
