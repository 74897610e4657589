/*
 * A persistent epoll interest set behind fastsock_pollset (epollset.h).
 *
 * poll() and epoll report the same bits on Linux (EPOLLIN == POLLIN, ...),
 * so an event's bits go into the pollset's revents unchanged and the
 * pollset's own select() mapping counts them. Two differences are left to
 * the poll() fallback rather than imitated: epoll always reports a hang-up
 * or an error, even where select() does not count it (the pollset mutes
 * such descriptors for the rest of its wait), and epoll refuses some
 * descriptors (regular files: EPERM; not open: EBADF, which poll() turns
 * into select()'s EBADF).
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "epollset.h"
#include "process_id.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#define NSEC_PER_SEC 1000000000L
#define FOREVER_SECONDS ((time_t) INT_MAX)

struct fastsock_epoll_entry {
	uint32_t events;      /* registered interest; 0: not registered */
	uint32_t generation;  /* in the registration's cookie */
	uint32_t ident;       /* the caller's identity of what was registered */
	uint32_t call;        /* the last wait that watched it */
	uint32_t index;       /* its pollfd in that wait */
};

void fastsock_epollset_init(fastsock_epollset *ep)
{
	memset(ep, 0, sizeof(*ep));
	ep->epfd = -1;
}

static void forget_registrations(fastsock_epollset *ep)
{
	if (ep->epfd >= 0) {
		close(ep->epfd);
		ep->epfd = -1;
	}
	if (ep->table) {
		memset(ep->table, 0, ep->table_len * sizeof(*ep->table));
	}
	ep->stale = false;
}

void fastsock_epollset_destroy(fastsock_epollset *ep)
{
	/* A forked child's epfd is a copy of its parent's: closing the copy
	 * leaves the parent's set alone. */
	forget_registrations(ep);
	free(ep->table);
	free(ep->events);
	fastsock_epollset_init(ep);
}

static bool ensure_open(fastsock_epollset *ep, const fastsock_pollset *set)
{
	pid_t pid = fastsock_process_id();

	if (ep->epfd >= 0 && (ep->owner != pid || ep->stale)) {
		forget_registrations(ep);
	}
	if (ep->epfd < 0 && !ep->unusable) {
		ep->epfd = epoll_create1(EPOLL_CLOEXEC);
		if (ep->epfd < 0) {
			ep->unusable = true;
			return false;
		}
		ep->owner = pid;
		/* The lowest free number: one the script watches was closed
		 * behind its stream's back, which poll() reports (EBADF). */
		for (size_t i = 0; i < set->nfds; i++) {
			if (set->fds[i].fd == ep->epfd) {
				close(ep->epfd);
				ep->epfd = -1;
				return false;
			}
		}
	}
	return ep->epfd >= 0;
}

/* The pollset's max_fd is select()'s, of the script's descriptors only. */
static int highest_fd(const fastsock_pollset *set)
{
	int max_fd = set->max_fd;

	for (size_t i = set->watch_from; i < set->nfds; i++) {
		if (set->fds[i].fd > max_fd) {
			max_fd = set->fds[i].fd;
		}
	}
	return max_fd;
}

/* Room for descriptors up to max_fd and for an event per watched descriptor. */
static bool ensure_room(fastsock_epollset *ep, int max_fd, size_t nfds)
{
	if ((size_t) max_fd >= ep->table_len) {
		size_t len = ep->table_len ? ep->table_len : 64;
		fastsock_epoll_entry *table;

		while (len <= (size_t) max_fd) {
			len *= 2;
		}
		table = realloc(ep->table, len * sizeof(*table));
		if (!table) {
			return false;
		}
		memset(table + ep->table_len, 0, (len - ep->table_len) * sizeof(*table));
		ep->table = table;
		ep->table_len = len;
	}
	if (nfds > ep->events_len) {
		size_t len = nfds + nfds / 2 + 16;
		void *events = realloc(ep->events, len * sizeof(struct epoll_event));

		if (!events) {
			return false;
		}
		ep->events = events;
		ep->events_len = len;
	}
	return true;
}

static int control(fastsock_epollset *ep, int op, int fd, fastsock_epoll_entry *e, uint32_t events)
{
	struct epoll_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.events = events;
	ev.data.u64 = ((uint64_t) e->generation << 32) | (uint32_t) fd;
	return epoll_ctl(ep->epfd, op, fd, &ev);
}

/* Registers `fd` anew for what it belongs to now; false where epoll cannot watch it. */
static bool register_fd(fastsock_epollset *ep, int fd, fastsock_epoll_entry *e, uint32_t events, uint32_t ident)
{
	e->events = 0;
	e->generation = ++ep->generation;
	if (control(ep, EPOLL_CTL_ADD, fd, e, events) != 0) {
		/* The same open file description is registered under this number
		 * already (a second stream over the descriptor): take it over. */
		if (errno != EEXIST || control(ep, EPOLL_CTL_MOD, fd, e, events) != 0) {
			return false;
		}
	}
	e->events = events;
	e->ident = ident;
	return true;
}

/* Brings the registrations in line with the set, its revents cleared;
 * false when this wait must use poll(). */
static bool reconcile(fastsock_epollset *ep, const fastsock_pollset *set, const uint32_t *idents)
{
	uint32_t call = ++ep->call;

	for (size_t i = 0; i < set->nfds; i++) {
		int fd = set->fds[i].fd;
		uint32_t events = (uint16_t) set->fds[i].events, ident = idents[i];
		fastsock_epoll_entry *e = &ep->table[fd];

		set->fds[i].revents = 0;
		e->call = call;
		e->index = (uint32_t) i;
		if (e->events && e->ident == ident && ident != 0) {
			if (e->events != events) {
				if (control(ep, EPOLL_CTL_MOD, fd, e, events) != 0) {
					e->events = 0;
					return false;
				}
				e->events = events;
			}
		} else if (!register_fd(ep, fd, e, events, ident)) {
			return false;
		}
	}
	return true;
}

/*
 * Moves the events into the pollset's revents. Events of descriptors this
 * wait does not watch are removed from the set; one whose cookie is not
 * the table's belongs to an open file description no descriptor of ours
 * names any more, which only a new set gets rid of. Returns how many
 * events were for watched descriptors.
 */
static int collect(fastsock_epollset *ep, fastsock_pollset *set, const struct epoll_event *events, int n)
{
	int watched = 0;

	for (int i = 0; i < n; i++) {
		int fd = (int) (uint32_t) events[i].data.u64;
		uint32_t generation = (uint32_t) (events[i].data.u64 >> 32);
		fastsock_epoll_entry *e = (size_t) fd < ep->table_len ? &ep->table[fd] : NULL;

		if (!e || !e->events || e->generation != generation) {
			ep->stale = true;
			continue;
		}
		if (e->call != ep->call) {
			if (epoll_ctl(ep->epfd, EPOLL_CTL_DEL, fd, NULL) != 0) {
				ep->stale = true;
			}
			e->events = 0;
			continue;
		}
		set->fds[e->index].revents = (short) events[i].events;
		if (e->index >= set->watch_from) {
			set->watch_fired = true;
		}
		watched++;
	}
	return watched;
}

static int events_now(fastsock_epollset *ep)
{
	return epoll_wait(ep->epfd, ep->events, (int) ep->events_len, 0);
}

/*
 * collect() over a wait's n events, and, when they filled the buffer
 * (descriptors no longer watched may take room), over what more is ready
 * now: select() reports every ready descriptor. epoll hands level-triggered
 * ones out in turn, so a few rounds see them all; one seen twice only sets
 * its revents again.
 */
static int collect_all(fastsock_epollset *ep, fastsock_pollset *set, int n)
{
	int watched = collect(ep, set, ep->events, n);

	for (int round = 0; round < 4 && (size_t) n == ep->events_len; round++) {
		n = events_now(ep);
		if (n <= 0) {
			break;
		}
		watched += collect(ep, set, ep->events, n);
	}
	return watched;
}

static struct timespec time_left(const struct timespec *deadline)
{
	struct timespec now, left = {0, 0};

	if (clock_gettime(CLOCK_MONOTONIC, &now) != 0) {
		return left;
	}
	left.tv_sec = deadline->tv_sec - now.tv_sec;
	left.tv_nsec = deadline->tv_nsec - now.tv_nsec;
	if (left.tv_nsec < 0) {
		left.tv_sec--;
		left.tv_nsec += NSEC_PER_SEC;
	}
	if (left.tv_sec < 0) {
		left.tv_sec = 0;
		left.tv_nsec = 0;
	}
	return left;
}

/*
 * Waits until the set has events, or `timeout` (NULL: none) passes. The
 * wait is a ppoll() on the epoll descriptor rather than an epoll_wait():
 * after a stop and continue (SIGSTOP and SIGCONT, a debugger attaching)
 * the kernel restarts ppoll() as it restarts select(), while epoll_wait()
 * fails with EINTR, which a script would see as a failed
 * stream_select(). A signal handler that ran ends both with EINTR.
 */
static int wait_readable(const fastsock_epollset *ep, const struct timespec *timeout)
{
	struct pollfd p = {.fd = ep->epfd, .events = POLLIN};

	return ppoll(&p, 1, timeout, NULL);
}

/* What is ready now, which for a busy server is one system call; only
 * when nothing is, the wait, then what it found. */
static int wait_once(fastsock_epollset *ep, const struct timespec *timeout)
{
	int n = events_now(ep);

	if (n != 0 || (timeout && timeout->tv_sec == 0 && timeout->tv_nsec == 0)) {
		return n;
	}
	n = wait_readable(ep, timeout);
	return n > 0 ? events_now(ep) : n;
}

int fastsock_epollset_wait(fastsock_epollset *ep, fastsock_pollset *set, const uint32_t *idents,
		const struct timespec *timeout)
{
	struct timespec deadline = {0, 0}, left;
	bool bounded = timeout && timeout->tv_sec < FOREVER_SECONDS;
	int n;

	/* select()'s own checks and errors, descriptors not open included, are the pollset's. */
	if ((timeout && (timeout->tv_sec < 0 || timeout->tv_nsec < 0 || timeout->tv_nsec >= NSEC_PER_SEC))
			|| !ensure_open(ep, set) || !ensure_room(ep, highest_fd(set), set->nfds)
			|| !reconcile(ep, set, idents)) {
		return fastsock_pollset_wait(set, timeout);
	}
	set->watch_fired = false;
	if (bounded && (timeout->tv_sec != 0 || timeout->tv_nsec != 0)) {
		if (clock_gettime(CLOCK_MONOTONIC, &deadline) != 0) {
			return -1;
		}
		deadline.tv_sec += timeout->tv_sec;
		deadline.tv_nsec += timeout->tv_nsec;
		if (deadline.tv_nsec >= NSEC_PER_SEC) {
			deadline.tv_sec++;
			deadline.tv_nsec -= NSEC_PER_SEC;
		}
	}
	left = bounded ? *timeout : (struct timespec) {0, 0};
	for (;;) {
		n = wait_once(ep, bounded ? &left : NULL);
		if (n < 0) {
			return n;
		}
		if (n == 0) {
			/* Ready when polled and gone when taken (a shared listener
			 * another process accepted from): the wait goes on. */
			if (!bounded) {
				continue;
			}
			if (deadline.tv_sec != 0 || deadline.tv_nsec != 0) {
				left = time_left(&deadline);
				if (left.tv_sec != 0 || left.tv_nsec != 0) {
					continue;
				}
			}
			return 0;
		}
		if (collect_all(ep, set, n) > 0) {
			n = fastsock_pollset_count(set);
			if (n != 0 || set->watch_fired) {
				return n;
			}
			/* Only what select() does not count fired: the rest of the
			 * wait is poll()'s, which mutes such descriptors. */
			break;
		}
		if (ep->stale) {
			break;
		}
		/* Only descriptors no longer watched fired, and are removed now. */
		if (bounded) {
			if (deadline.tv_sec == 0 && deadline.tv_nsec == 0) {
				return 0;
			}
			left = time_left(&deadline);
		}
	}
	for (size_t i = 0; i < set->nfds; i++) {
		set->fds[i].revents = 0;
	}
	if (bounded && (deadline.tv_sec != 0 || deadline.tv_nsec != 0)) {
		left = time_left(&deadline);
		return fastsock_pollset_wait(set, &left);
	}
	return fastsock_pollset_wait(set, timeout);
}

void fastsock_epollset_forget(fastsock_epollset *ep, int fd)
{
	if (fd >= 0 && (size_t) fd < ep->table_len) {
		ep->table[fd].events = 0;
	}
}
