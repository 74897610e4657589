/*
 * The options resolver: ini defaults, then the server's `fastsock` context
 * options, then the standard `socket` options, which keep their stock
 * meaning and win.
 */
#ifndef FASTSOCK_CONTEXT_H
#define FASTSOCK_CONTEXT_H

#include "php.h"
#include "socket.h"

/* The socket context's tcp_nodelay when it has one. Stock reads it at each
 * accept, so a context changed after the server was made counts. */
bool fastsock_context_tcp_nodelay(php_stream_context *context, bool otherwise);

/* Whether the server's own `fastsock` context option sets this boolean
 * setting on (a valid value, not the ini default). */
bool fastsock_context_sets_true(php_stream_context *context, fastsock_setting which);

void fastsock_options_resolve(php_stream_context *context, fastsock_kind kind, fastsock_options *out);

#endif
