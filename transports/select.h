/*
 * stream_select() on poll(): the stock semantics without FD_SETSIZE.
 */
#ifndef FASTSOCK_SELECT_H
#define FASTSOCK_SELECT_H

#include "php.h"

void fastsock_stream_select(INTERNAL_FUNCTION_PARAMETERS);
/* The end of a request: its streams' registrations go (resource handles start again). */
void fastsock_select_shutdown(void);

#endif
