/*
 * Bind and listen: the server side of fastsock's sockets.
 */
#ifndef FASTSOCK_LISTEN_H
#define FASTSOCK_LISTEN_H

#include "socket.h"

int fastsock_bind(php_stream *stream, fastsock_sock *sock, php_stream_xport_param *xparam);
int fastsock_listen(php_stream *stream, fastsock_sock *sock, int stock_backlog);

#endif
