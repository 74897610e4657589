/*
 * A poll() set that answers as select() would (the mapping is in pollset.h).
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "pollset.h"

#include <errno.h>
#include <limits.h>
#include <string.h>

#define READ_WANTED   fastsock_poll_wanted[FASTSOCK_POLL_READ]

/* A timeout this long is no limit at all; it also keeps deadlines from overflowing time_t. */
#define FOREVER_SECONDS ((time_t) INT_MAX)

#define NSEC_PER_SEC 1000000000L

typedef struct wait_time {
	bool bounded;              /* false: wait until something is ready */
	struct timespec left;
	struct timespec deadline;  /* CLOCK_MONOTONIC, set when a bounded wait starts with time left */
} wait_time;

/* At most two thirds full, so that probing stays short. */
static size_t slot_count(size_t capacity)
{
	size_t slots = 1;

	while (slots < capacity + capacity / 2 + 1) {
		slots <<= 1;
	}
	return slots;
}

size_t fastsock_pollset_bytes(size_t capacity)
{
	/* Beyond what poll() could take anyway: make the allocation fail rather than overflow. */
	if (capacity > INT_MAX / 2) {
		return (size_t) -1;
	}
	return capacity * (sizeof(struct pollfd) + sizeof(uint32_t)) + slot_count(capacity) * sizeof(unsigned int);
}

void fastsock_pollset_init(fastsock_pollset *set, void *mem, size_t capacity)
{
	size_t slots = slot_count(capacity);

	set->fds = mem;
	set->idents = (uint32_t *) (set->fds + capacity);
	set->slots = (unsigned int *) (set->idents + capacity);
	memset(set->slots, 0, slots * sizeof(*set->slots));
	set->nfds = 0;
	set->capacity = capacity;
	set->slot_mask = slots - 1;
	set->max_fd = 0;
	set->watch_from = (size_t) -1;
	set->watch_fired = false;
}

/*
 * The kernel hands out the lowest free descriptor, so the descriptors of
 * one call are mostly dense and their low bits spread them over the table
 * without a hash function.
 */
static unsigned int *slot_of(const fastsock_pollset *set, int fd)
{
	size_t i = (unsigned int) fd & set->slot_mask;

	while (set->slots[i] && set->fds[set->slots[i] - 1].fd != fd) {
		i = (i + 1) & set->slot_mask;
	}
	return &set->slots[i];
}

long fastsock_pollset_add_ident(fastsock_pollset *set, int fd, fastsock_poll_list list, uint32_t ident)
{
	unsigned int *slot = slot_of(set, fd);

	if (!*slot) {
		if (fd < 0 || set->nfds == set->capacity) {
			return -1;
		}
		set->fds[set->nfds].fd = fd;
		set->fds[set->nfds].events = 0;
		set->fds[set->nfds].revents = 0;
		set->idents[set->nfds] = ident;
		*slot = (unsigned int) ++set->nfds;
		if (fd > set->max_fd) {
			set->max_fd = fd;
		}
	}
	set->fds[*slot - 1].events |= fastsock_poll_wanted[list];
	return (long) *slot - 1;
}

bool fastsock_pollset_add(fastsock_pollset *set, int fd, fastsock_poll_list list)
{
	return fastsock_pollset_add_ident(set, fd, list, 0) >= 0;
}

bool fastsock_pollset_ready(const fastsock_pollset *set, int fd, fastsock_poll_list list)
{
	unsigned int slot = *slot_of(set, fd);

	return slot && fastsock_pollset_ready_at(set, (long) slot - 1, list);
}

static bool timespec_is_zero(const struct timespec *ts)
{
	return ts->tv_sec == 0 && ts->tv_nsec == 0;
}

static int wait_time_start(wait_time *time, const struct timespec *timeout)
{
	struct timespec now;

	*time = (wait_time) {0};
	time->bounded = timeout && timeout->tv_sec < FOREVER_SECONDS;
	if (!time->bounded) {
		return 0;
	}
	time->left = *timeout;
	if (timespec_is_zero(timeout)) {
		return 0;
	}
	if (clock_gettime(CLOCK_MONOTONIC, &now) != 0) {
		return -1;
	}
	time->deadline.tv_sec = now.tv_sec + timeout->tv_sec;
	time->deadline.tv_nsec = now.tv_nsec + timeout->tv_nsec;
	if (time->deadline.tv_nsec >= NSEC_PER_SEC) {
		time->deadline.tv_sec++;
		time->deadline.tv_nsec -= NSEC_PER_SEC;
	}
	return 0;
}

/* 1 while time is left (or the wait is unbounded), 0 once the deadline passed, -1 on error. */
static int wait_time_update(wait_time *time)
{
	struct timespec now;

	if (!time->bounded) {
		return 1;
	}
	if (timespec_is_zero(&time->left)) {
		return 0;
	}
	if (clock_gettime(CLOCK_MONOTONIC, &now) != 0) {
		return -1;
	}
	time->left.tv_sec = time->deadline.tv_sec - now.tv_sec;
	time->left.tv_nsec = time->deadline.tv_nsec - now.tv_nsec;
	if (time->left.tv_nsec < 0) {
		time->left.tv_sec--;
		time->left.tv_nsec += NSEC_PER_SEC;
	}
	if (time->left.tv_sec < 0 || timespec_is_zero(&time->left)) {
		time->left.tv_sec = 0;
		time->left.tv_nsec = 0;
		return 0;
	}
	return 1;
}

#ifdef HAVE_PPOLL
static int poll_once(fastsock_pollset *set, const wait_time *time)
{
	return ppoll(set->fds, set->nfds, time->bounded ? &time->left : NULL, NULL);
}
#else
/* Rounded up: select() never returns before its timeout, and neither may this. */
static int timespec_to_ms(const struct timespec *ts)
{
	long long ms = (long long) ts->tv_sec * 1000 + (ts->tv_nsec + 999999) / 1000000;

	return ms > INT_MAX ? INT_MAX : (int) ms;
}

/* A wait longer than INT_MAX ms ends early with 0; the caller's loop waits for the rest. */
static int poll_once(fastsock_pollset *set, const wait_time *time)
{
	return poll(set->fds, set->nfds, time->bounded ? timespec_to_ms(&time->left) : -1);
}
#endif

/* (descriptor, list) pairs select() would report, or -1 (EBADF) for a descriptor not open. */
static int count_ready(const fastsock_pollset *set)
{
	int ready = 0;

	for (size_t i = 0; i < set->nfds && i < set->watch_from; i++) {
		short revents = set->fds[i].revents;

		if (!revents) {
			continue;
		}
		if (revents & POLLNVAL) {
			errno = EBADF;
			return -1;
		}
		for (int list = FASTSOCK_POLL_READ; list <= FASTSOCK_POLL_EXCEPT; list++) {
			ready += fastsock_pollset_ready_at(set, (long) i, (fastsock_poll_list) list);
		}
	}
	return ready;
}

static bool watch_fired(const fastsock_pollset *set)
{
	for (size_t i = set->watch_from; i < set->nfds; i++) {
		if (set->fds[i].revents) {
			return true;
		}
	}
	return false;
}

/*
 * poll() always reports a hang-up or an error, select() only in the lists
 * that count it (a hang-up in the write or except list is not ready). Such
 * descriptors sit out the rest of the wait, as a negative fd, so that the
 * wait neither ends early nor spins.
 */
static bool mute_uncounted(fastsock_pollset *set)
{
	bool muted = false;

	for (size_t i = 0; i < set->nfds; i++) {
		if (set->fds[i].revents) {
			set->fds[i].fd = ~set->fds[i].fd;
			muted = true;
		}
	}
	return muted;
}

static void unmute(fastsock_pollset *set)
{
	for (size_t i = 0; i < set->nfds; i++) {
		if (set->fds[i].fd < 0) {
			set->fds[i].fd = ~set->fds[i].fd;
		}
	}
}

int fastsock_pollset_wait(fastsock_pollset *set, const struct timespec *timeout)
{
	wait_time time;
	bool muted = false;
	int n;

	/* select()'s own check, made before it looks at any descriptor */
	if (timeout && (timeout->tv_sec < 0 || timeout->tv_nsec < 0 || timeout->tv_nsec >= NSEC_PER_SEC)) {
		errno = EINVAL;
		return -1;
	}
	if (wait_time_start(&time, timeout) != 0) {
		return -1;
	}
	set->watch_fired = false;
	for (;;) {
		n = poll_once(set, &time);
		if (n > 0) {
			n = count_ready(set);
			if (n == 0 && watch_fired(set)) {
				set->watch_fired = true;
				break;
			}
		}
		if (n != 0) {
			break;
		}
		n = wait_time_update(&time);
		if (n <= 0) {
			break;
		}
		muted |= mute_uncounted(set);
	}
	if (muted) {
		unmute(set);
	}
	return n;
}

long fastsock_pollset_watch(fastsock_pollset *set, int fd, short events, uint32_t ident)
{
	if (set->nfds == set->capacity) {
		return -1;
	}
	if (set->watch_from > set->nfds) {
		set->watch_from = set->nfds;
	}
	set->fds[set->nfds].fd = fd;
	set->fds[set->nfds].events = events;
	set->fds[set->nfds].revents = 0;
	set->idents[set->nfds] = ident;
	return (long) set->nfds++;
}

short fastsock_pollset_watch_revents(const fastsock_pollset *set, long index)
{
	return set->fds[index].revents;
}

void fastsock_pollset_unwatch(fastsock_pollset *set)
{
	if (set->watch_from <= set->nfds) {
		set->nfds = set->watch_from;
	}
	set->watch_from = (size_t) -1;
}

void fastsock_pollset_set_readable(fastsock_pollset *set, int fd, bool readable)
{
	unsigned int slot = *slot_of(set, fd);

	if (slot) {
		struct pollfd *p = &set->fds[slot - 1];

		p->revents = (short) (readable ? p->revents | POLLIN : p->revents & ~fastsock_poll_counted[FASTSOCK_POLL_READ]);
	}
}

void fastsock_pollset_ignore(fastsock_pollset *set, int fd, bool ignored)
{
	unsigned int slot = *slot_of(set, fd);

	if (slot) {
		struct pollfd *p = &set->fds[slot - 1];

		p->events = (short) (ignored ? p->events & ~READ_WANTED : p->events | READ_WANTED);
	}
}

int fastsock_pollset_count(const fastsock_pollset *set)
{
	return count_ready(set);
}
