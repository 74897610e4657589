/*
 * Accept: one accepted connection becomes one fastsock stream.
 */
#ifndef FASTSOCK_ACCEPT_H
#define FASTSOCK_ACCEPT_H

#include "socket.h"

int fastsock_accept(php_stream *stream, fastsock_sock *server, php_stream_xport_param *xparam STREAMS_DC);

#endif
