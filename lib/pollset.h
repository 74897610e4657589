/*
 * A poll() set that answers as select() would.
 *
 * Plain C over plain descriptors, so that a C unit test can drive it: the
 * stream_select() glue adds each stream's descriptor to the read, write or
 * except list, waits once, then asks per descriptor and list what select()
 * would have reported. A descriptor added to several lists, or several
 * times, takes one pollfd.
 */
#ifndef FASTSOCK_POLLSET_H
#define FASTSOCK_POLLSET_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

typedef enum fastsock_poll_list {
	FASTSOCK_POLL_READ,
	FASTSOCK_POLL_WRITE,
	FASTSOCK_POLL_EXCEPT
} fastsock_poll_list;

typedef struct fastsock_pollset {
	struct pollfd *fds;     /* one per distinct descriptor, in order of first add */
	uint32_t *idents;       /* per fds entry: what it was first added for (fastsock_pollset_add_ident) */
	unsigned int *slots;    /* open addressing on the descriptor: index + 1 into fds, 0 free */
	size_t nfds;
	size_t capacity;        /* most distinct descriptors fds can hold */
	size_t slot_mask;
	int max_fd;             /* highest descriptor added, 0 when none: select()'s nfds - 1 */
	/* Entries from watch_from on are watches (fastsock_pollset_watch):
	 * polled but never counted or reported; watch_fired after a wait that
	 * one of them ended. */
	size_t watch_from;
	bool watch_fired;
} fastsock_pollset;

/* Bytes of memory fastsock_pollset_init() needs for up to `capacity` descriptors. */
size_t fastsock_pollset_bytes(size_t capacity);

/* `mem` is fastsock_pollset_bytes(capacity) bytes, aligned for struct pollfd. */
void fastsock_pollset_init(fastsock_pollset *set, void *mem, size_t capacity);

/* False when the set is full and `fd` is not in it yet. */
bool fastsock_pollset_add(fastsock_pollset *set, int fd, fastsock_poll_list list);
/* The same, noting for a new entry what it watches (epollset.h's identity;
 * 0: unknown). Returns the descriptor's entry, for fastsock_pollset_ready_at(),
 * or -1. */
long fastsock_pollset_add_ident(fastsock_pollset *set, int fd, fastsock_poll_list list, uint32_t ident);

/*
 * Waits until a descriptor is ready or `timeout` (NULL: no limit) passes, as
 * select() would: returns the number of (descriptor, list) pairs ready, 0 on
 * timeout, or -1 with errno set. select()'s own errors are kept: EINVAL for
 * a negative timeout, EBADF for a descriptor that is not open, EINTR.
 */
int fastsock_pollset_wait(fastsock_pollset *set, const struct timespec *timeout);

/* After a wait: would select() have left `fd` set in `list`? */
bool fastsock_pollset_ready(const fastsock_pollset *set, int fd, fastsock_poll_list list);
/* select()'s mapping, after Linux fs/select.c (POLLIN_SET, POLLOUT_SET,
 * POLLEX_SET), indexed by fastsock_poll_list: what a list asks poll()
 * for, and what counts as ready in it. A hang-up counts as readable but
 * not writable, an error as both, urgent data (POLLPRI) is the except list. */
static const short fastsock_poll_wanted[] = {
	POLLIN | POLLRDNORM | POLLRDBAND, POLLOUT | POLLWRNORM | POLLWRBAND, POLLPRI
};
static const short fastsock_poll_counted[] = {
	POLLIN | POLLRDNORM | POLLRDBAND | POLLHUP | POLLERR, POLLOUT | POLLWRNORM | POLLWRBAND | POLLERR, POLLPRI
};

/* The same for the entry fastsock_pollset_add_ident() returned, without the lookup. */
static inline bool fastsock_pollset_ready_at(const fastsock_pollset *set, long entry, fastsock_poll_list list)
{
	const struct pollfd *p = &set->fds[entry];

	return (p->events & fastsock_poll_wanted[list]) && (p->revents & fastsock_poll_counted[list]);
}

/*
 * Watches: descriptors the caller polls for itself alongside the script's
 * (a listener's connections still in their handshake). Added after every
 * fastsock_pollset_add(), into room the caller counted in the capacity; a
 * wait ends when one fires (0 with watch_fired set, when nothing counted is
 * ready). `ident` is what the watch is for, as with
 * fastsock_pollset_add_ident(). Returns the watch's index for
 * fastsock_pollset_watch_revents(), or -1 when the set is full.
 */
long fastsock_pollset_watch(fastsock_pollset *set, int fd, short events, uint32_t ident);
short fastsock_pollset_watch_revents(const fastsock_pollset *set, long index);
/* Removes every watch, for the next wait to add its own. */
void fastsock_pollset_unwatch(fastsock_pollset *set);

/* Sets what select() reports for a read-list descriptor after a wait (a
 * listener is readable only when an accept can return at once), or keeps
 * it out of the next wait (ignored). */
void fastsock_pollset_set_readable(fastsock_pollset *set, int fd, bool readable);
void fastsock_pollset_ignore(fastsock_pollset *set, int fd, bool ignored);

/* The (descriptor, list) pairs ready after a wait and any change made
 * with fastsock_pollset_set_readable(). */
int fastsock_pollset_count(const fastsock_pollset *set);

#endif
