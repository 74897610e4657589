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
#include <time.h>

typedef enum fastsock_poll_list {
	FASTSOCK_POLL_READ,
	FASTSOCK_POLL_WRITE,
	FASTSOCK_POLL_EXCEPT
} fastsock_poll_list;

typedef struct fastsock_pollset {
	struct pollfd *fds;     /* one per distinct descriptor, in order of first add */
	unsigned int *slots;    /* open addressing on the descriptor: index + 1 into fds, 0 free */
	size_t nfds;
	size_t capacity;        /* most distinct descriptors fds can hold */
	size_t slot_mask;
	int max_fd;             /* highest descriptor added, 0 when none: select()'s nfds - 1 */
} fastsock_pollset;

/* Bytes of memory fastsock_pollset_init() needs for up to `capacity` descriptors. */
size_t fastsock_pollset_bytes(size_t capacity);

/* `mem` is fastsock_pollset_bytes(capacity) bytes, aligned for struct pollfd. */
void fastsock_pollset_init(fastsock_pollset *set, void *mem, size_t capacity);

/* False when the set is full and `fd` is not in it yet. */
bool fastsock_pollset_add(fastsock_pollset *set, int fd, fastsock_poll_list list);

/*
 * Waits until a descriptor is ready or `timeout` (NULL: no limit) passes, as
 * select() would: returns the number of (descriptor, list) pairs ready, 0 on
 * timeout, or -1 with errno set. select()'s own errors are kept: EINVAL for
 * a negative timeout, EBADF for a descriptor that is not open, EINTR.
 */
int fastsock_pollset_wait(fastsock_pollset *set, const struct timespec *timeout);

/* After a wait: would select() have left `fd` set in `list`? */
bool fastsock_pollset_ready(const fastsock_pollset *set, int fd, fastsock_poll_list list);

#endif
