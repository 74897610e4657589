/*
 * The SSL_CTX of a TLS server, built from its stream's `ssl` context
 * options with the rules and warnings of stock PHP's ext/openssl, and
 * shared by reference with every connection whose options give the same
 * fingerprint (tls_cache.c).
 */
#ifndef FASTSOCK_TLS_CONTEXT_H
#define FASTSOCK_TLS_CONTEXT_H

#include "php.h"

#include <openssl/ssl.h>

#include "options.h"

#define FASTSOCK_TLS_ID_SIZE 32

typedef struct fastsock_tls_sni_entry {
	char *name;
	SSL_CTX *ctx;
} fastsock_tls_sni_entry;

/* An SSL_CTX with what its callbacks need, which must never point at one
 * connection since many share it. */
typedef struct fastsock_tls_ctx {
	uint32_t refcount;
	SSL_CTX *ctx;
	unsigned char *alpn;     /* wire format, or NULL */
	size_t alpn_len;
	fastsock_tls_sni_entry *sni;
	uint32_t sni_count;
	/* The fingerprint of the options it was built from; also its session
	 * id context, so sessions never cross configurations. */
	unsigned char id[FASTSOCK_TLS_ID_SIZE];
	/* Issues fastsock's tickets (tls_tickets.c). */
	bool tickets;
} fastsock_tls_ctx;

typedef enum fastsock_tls_build_result {
	FASTSOCK_TLS_BUILT,
	FASTSOCK_TLS_BUILD_FAILED,
	/* Stock fails SNI after it has made the connection's SSL handle: the
	 * caller makes it too, so that a retry behaves as stock's. */
	FASTSOCK_TLS_BUILD_SNI_FAILED,
} fastsock_tls_build_result;

/* Builds a server context as stock's setup does, in stock's order, with its
 * warnings. *warned is set when the build said anything: such a build must
 * not be shared, so that its warnings repeat on each connection. */
fastsock_tls_build_result fastsock_tls_ctx_build(php_stream_context *context, int method_flags,
		const fastsock_options *options, const unsigned char id[FASTSOCK_TLS_ID_SIZE],
		fastsock_tls_ctx **out, bool *warned);

fastsock_tls_ctx *fastsock_tls_ctx_addref(fastsock_tls_ctx *tctx);
void fastsock_tls_ctx_release(fastsock_tls_ctx *tctx);

/* ex_data of every SSL fastsock makes: the fastsock_sock it serves. */
int fastsock_tls_connection_index(void);
bool fastsock_tls_context_startup(void);

#endif
