/*
 * The session id context of a TLS server: what decides whether a session
 * may resume on it. Two servers resume each other's sessions (a ticket
 * key file shared by two hosts) exactly when they serve the same
 * certificates and would verify a client the same way; where the files
 * lie and when they were copied does not matter.
 */
#ifndef FASTSOCK_TLS_SESSION_CONTEXT_H
#define FASTSOCK_TLS_SESSION_CONTEXT_H

#include "php.h"

#include "tls_context.h"

/* Sets it on the context and its SNI contexts: a digest of the served
 * certificates, verify_peer, verify_depth, allow_self_signed and the CA
 * set's content (cafile's certificates, capath's files). False when it
 * cannot be made: sessions then do not resume. */
bool fastsock_tls_session_context_set(fastsock_tls_ctx *tctx, php_stream_context *context);

#endif
