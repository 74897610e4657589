/*
 * stream_select() on poll() or a persistent epoll set: the stock semantics
 * without FD_SETSIZE.
 */
#ifndef FASTSOCK_SELECT_H
#define FASTSOCK_SELECT_H

#include "php.h"

void fastsock_stream_select(INTERNAL_FUNCTION_PARAMETERS);
/* The end of a request: its streams' registrations go (resource handles start again). */
void fastsock_select_shutdown(void);

/* A descriptor fastsock owns is about to close (fastsock_close_descriptor()). */
void fastsock_select_forget(int fd);

/* The identity of a new pending connection in the interest set. */
uint32_t fastsock_select_pending_ident(void);

/* A listening stream got its pipeline, or is closing: stream_select()
 * drives the pipelines of the listeners it is given. */
void fastsock_select_listener_opened(php_stream *stream);
void fastsock_select_listener_closed(php_stream *stream);
/* The module's end: the list of listeners goes. */
void fastsock_select_module_shutdown(void);

#endif
