/*
 * One TLS server's contexts: the SSL_CTX built from a connection's `ssl`
 * options is kept under the fingerprint of those options (the values as
 * the build converts them, and the identity of each file it reads) and
 * given to every later connection with the same fingerprint. A renewed
 * certificate or changed options give another fingerprint, so a new build;
 * a build that warned is never kept, so its warnings repeat as on stock.
 */
#ifndef FASTSOCK_TLS_CACHE_H
#define FASTSOCK_TLS_CACHE_H

#include "php.h"

#include "tls_context.h"

/* Alternating configurations (a script switching certificates) each stay built. */
#define FASTSOCK_TLS_CACHE_ENTRIES 4

typedef struct fastsock_tls_cache_entry {
	unsigned char id[FASTSOCK_TLS_ID_SIZE];
	fastsock_tls_ctx *tctx;
	uint64_t used;
} fastsock_tls_cache_entry;

/* Shared by a listener and its connections, which may outlive it. */
typedef struct fastsock_tls_server {
	uint32_t refcount;
	/* ssl://, tls://, tlsv1.x://: the handshake runs in accept, with this method. */
	bool enable_on_connect;
	int method;
	fastsock_tls_cache_entry entries[FASTSOCK_TLS_CACHE_ENTRIES];
	uint64_t clock;
	zend_long contexts_built;
	zend_long contexts_reused;
} fastsock_tls_server;

fastsock_tls_server *fastsock_tls_server_new(bool enable_on_connect, int method);
fastsock_tls_server *fastsock_tls_server_addref(fastsock_tls_server *server);
void fastsock_tls_server_release(fastsock_tls_server *server);

/* The SSL_CTX for the current `ssl` options of context: a kept one, or a
 * new build (kept when it may be). *out holds a reference for the caller. */
fastsock_tls_build_result fastsock_tls_server_context(fastsock_tls_server *server, php_stream_context *context,
		int method_flags, const fastsock_options *options, fastsock_tls_ctx **out);

#endif
