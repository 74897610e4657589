/*
 * fastsock_info(): a stream's effective settings and what the kernel
 * granted for them.
 */
#ifndef FASTSOCK_INFO_H
#define FASTSOCK_INFO_H

#include "socket.h"

void fastsock_info_describe(php_stream *stream, fastsock_sock *sock, zval *out);

#endif
