/*
 * The hook: fastsock's stream_socket_server() and stream_select() handlers
 * and its transports, installed at MINIT and taken back at MSHUTDOWN.
 */
#ifndef FASTSOCK_HOOKS_H
#define FASTSOCK_HOOKS_H

#include "php.h"
#include "zend_smart_str.h"

void fastsock_hooks_install(bool with_select);
void fastsock_hooks_restore(void);

/* The transports registered now (fast+tcp, ..., fast+ssl, ...), ", " between
 * them; nothing while not installed. From the lists that register them. */
void fastsock_hooks_transport_names(smart_str *out);

bool fastsock_hooks_server_installed(void);
bool fastsock_hooks_select_installed(void);

/* The engine's own handlers, for what fastsock leaves to stock PHP. */
void fastsock_original_stream_socket_server(INTERNAL_FUNCTION_PARAMETERS);

/* fast+ssl, fast+tls, ... for a TLS scheme fastsock serves now; NULL otherwise. */
const char *fastsock_hooks_tls_route(const char *scheme, size_t len);

#endif
