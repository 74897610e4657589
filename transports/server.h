/*
 * fastsock's stream_socket_server(): routes tcp, udp, unix and udg servers
 * to the fastsock transports and everything else to stock PHP.
 */
#ifndef FASTSOCK_SERVER_H
#define FASTSOCK_SERVER_H

#include "php.h"

void fastsock_stream_socket_server(INTERNAL_FUNCTION_PARAMETERS);

/* The fast+ name to create a server at address with, or NULL when stock
 * PHP serves it. Plain C over the address, as the transport layer parses it. */
const char *fastsock_route(const char *address, size_t len, size_t *scheme_len);

#endif
