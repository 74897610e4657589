/*
 * The options resolver: ini defaults, then the server's `fastsock` context
 * options, then the standard `socket` options, which keep their stock
 * meaning and win.
 */
#ifndef FASTSOCK_CONTEXT_H
#define FASTSOCK_CONTEXT_H

#include "php.h"
#include "socket.h"

void fastsock_options_resolve(php_stream_context *context, fastsock_kind kind, fastsock_options *out);

#endif
