/*
 * Which wait serves stream_select(): the persistent epoll set or poll().
 *
 * The epoll set's work follows the ready descriptors, but each packet that
 * arrives costs it a wake-up; poll()'s work follows every descriptor
 * watched. When most of them are ready call after call (every client
 * busy), poll() does less; when few are (thousands of idle clients), the
 * set does far less. The share of ready descriptors is averaged over the
 * recent calls, and the choice moves only past a threshold on either side
 * of a wide margin, so that a loop does not switch back and forth. Plain C.
 */
#ifndef FASTSOCK_WAIT_CHOICE_H
#define FASTSOCK_WAIT_CHOICE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct fastsock_wait_choice {
	unsigned int share;  /* average share of ready descriptors, in 1/65536 */
	bool polling;        /* poll() serves; the epoll set is closed */
} fastsock_wait_choice;

/* A new choice: the epoll set, as if no descriptor had been ready. */
void fastsock_wait_choice_init(fastsock_wait_choice *choice);

/* After a wait that found `ready` of `watched` descriptors ready. Returns
 * true when the choice just moved to poll(): the caller closes its epoll
 * set, whose registrations would still cost a wake-up per packet. */
bool fastsock_wait_choice_update(fastsock_wait_choice *choice, size_t ready, size_t watched);

#endif
