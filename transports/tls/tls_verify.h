/*
 * What a TLS server checks of and keeps from its peer, per connection, as
 * stock PHP does: the verify callback (allow_self_signed, verify_depth),
 * the verification policy (verify_peer, verify_peer_name, peer_name,
 * peer_fingerprint) and capture_peer_cert(_chain). Each reads the connection's
 * context when it runs, never the shared SSL_CTX.
 */
#ifndef FASTSOCK_TLS_VERIFY_H
#define FASTSOCK_TLS_VERIFY_H

#include "php.h"

#include <openssl/ssl.h>

int fastsock_tls_verify_callback(int preverify_ok, X509_STORE_CTX *store);

/* Stock's policy for a server; false after its warning. */
bool fastsock_tls_peer_policy(php_stream_context *context, SSL *ssl, X509 *peer);

/* Writes peer_certificate and peer_certificate_chain into the
 * context when the options ask for them. */
void fastsock_tls_capture_peer(php_stream_context *context, SSL *ssl, X509 *peer);

#endif
