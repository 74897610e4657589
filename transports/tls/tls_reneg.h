/*
 * Stock's limit on client-initiated renegotiation (reneg_limit,
 * reneg_window, reneg_limit_callback): a leaky bucket per connection,
 * filled by each handshake after the first.
 */
#ifndef FASTSOCK_TLS_RENEG_H
#define FASTSOCK_TLS_RENEG_H

#include "tls_connection.h"

/* Reads the connection's options and watches its handshakes. */
void fastsock_tls_reneg_init(struct fastsock_tls *tls, php_stream_context *context);

/* A read found the limit exceeded (and the callback did not forgive it):
 * the connection must close. */
bool fastsock_tls_reneg_should_close(const struct fastsock_tls *tls);

#endif
