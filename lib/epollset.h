/*
 * A persistent epoll interest set behind fastsock_pollset: the same
 * answers as its poll() wait, at a cost that follows what changed between
 * calls and what is ready rather than every descriptor watched.
 *
 * Each wait reconciles the pollset's descriptors with the registrations
 * kept from earlier waits (an fd-indexed table), so that a steady loop
 * makes no epoll_ctl() and one epoll_wait(). Registrations follow open
 * file descriptions, not descriptor numbers, so each carries a cookie
 * (descriptor and generation) and a caller's identity for the thing
 * watched (the stream's resource handle): a descriptor closed and reused
 * by another stream is registered anew, an event whose cookie no longer
 * matches (a description kept alive by dup() or a forked child) makes the
 * set be rebuilt, and a descriptor no longer watched is removed when it
 * reports. Whatever epoll cannot answer exactly falls back to the
 * pollset's own poll() wait for that call.
 */
#ifndef FASTSOCK_EPOLLSET_H
#define FASTSOCK_EPOLLSET_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "pollset.h"

typedef struct fastsock_epoll_entry fastsock_epoll_entry;

typedef struct fastsock_epollset {
	int epfd;                      /* -1: none yet, or epoll is unusable */
	pid_t owner;                   /* the process that made epfd: a forked child makes its own */
	fastsock_epoll_entry *table;   /* indexed by descriptor */
	size_t table_len;
	uint32_t call;                 /* stamps the entries the current wait watches */
	uint32_t generation;           /* of the latest registration */
	void *events;                  /* struct epoll_event[events_len], kept across calls */
	size_t events_len;
	bool stale;                    /* a registration could not be removed: rebuild before the next wait */
	bool unusable;                 /* epoll_create1() failed: poll() from now on */
} fastsock_epollset;

void fastsock_epollset_init(fastsock_epollset *ep);
/* Closes the set and frees its table (the end of a request, or a fork). */
void fastsock_epollset_destroy(fastsock_epollset *ep);

/*
 * fastsock_pollset_wait() through the persistent set: same result, same
 * errno, same revents left in `set` for fastsock_pollset_ready() and
 * fastsock_pollset_watch_revents(), watch_fired included. idents[i]
 * identifies what set->fds[i] belongs to, a watch included (never reused
 * within the set's life unless forgotten, 0 allowed for "unknown": such a
 * descriptor is registered anew each call).
 */
int fastsock_epollset_wait(fastsock_epollset *ep, fastsock_pollset *set, const uint32_t *idents,
	const struct timespec *timeout);

/* `fd` is about to be closed by whoever registered it: a later
 * registration under its number starts afresh, whatever its identity. */
void fastsock_epollset_forget(fastsock_epollset *ep, int fd);

#endif
