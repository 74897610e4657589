#include "tls_ticket_page.h"

#include <errno.h>
#include <pthread.h>
#include <time.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

typedef struct page {
	pthread_mutex_t lock;
	fastsock_ticket_state state;
} page;

static page *mapped;       /* the page in use; NULL before open and after close */
static size_t mapped_size; /* 0 when it is `private_page` */
static pid_t creator;
static page private_page = {.lock = PTHREAD_MUTEX_INITIALIZER};

static void wipe_keys(fastsock_ticket_state *state)
{
	fastsock_ticket_ring_wipe(&state->ring);
	fastsock_ticket_file_wipe(&state->file);
	state->writing = false;
}

/* Returns the call that failed (its error in *error), or NULL. */
static const char *init_shared_lock(pthread_mutex_t *lock, int *error)
{
	pthread_mutexattr_t attr;
	const char *failed = NULL;
	int rc = pthread_mutexattr_init(&attr);

	if (rc != 0) {
		*error = rc;
		return "pthread_mutexattr_init";
	}
	if ((rc = pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED)) != 0) {
		failed = "pthread_mutexattr_setpshared";
	} else if ((rc = pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST)) != 0) {
		failed = "pthread_mutexattr_setrobust";
	} else if ((rc = pthread_mutex_init(lock, &attr)) != 0) {
		failed = "pthread_mutex_init";
	}
	/* The attributes were copied into the mutex; destroying them cannot
	 * undo that. */
	(void) pthread_mutexattr_destroy(&attr);
	*error = rc;
	return failed;
}

/* Returns the call that failed (its error in *error), or NULL. */
static const char *map_shared(page **out, size_t *out_size, int *error)
{
	long pagesize = sysconf(_SC_PAGESIZE);
	const char *failed;
	size_t size;
	void *p;

	if (pagesize <= 0) {
		*error = pagesize < 0 ? errno : EINVAL;
		return "sysconf(_SC_PAGESIZE)";
	}
	size = (sizeof(page) + (size_t) pagesize - 1) / (size_t) pagesize * (size_t) pagesize;
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		*error = errno;
		return "mmap";
	}
	if ((failed = init_shared_lock(&((page *) p)->lock, error)) != NULL) {
		/* Unused and empty: nothing is lost if it stays mapped. */
		(void) munmap(p, size);
		return failed;
	}
	*out = p;
	*out_size = size;
	return NULL;
}

void fastsock_ticket_page_open(fastsock_ticket_page_status *status)
{
	memset(status, 0, sizeof(*status));
	if (mapped) {
		status->shared = mapped_size > 0;
		status->dumpable = !status->shared;
		return;
	}
	creator = getpid();
	status->failed_call = map_shared(&mapped, &mapped_size, &status->error);
	if (status->failed_call) {
		memset(&private_page.state, 0, sizeof(private_page.state));
		mapped = &private_page;
		mapped_size = 0;
		status->dumpable = true;
		return;
	}
	status->shared = true;
	status->dumpable = madvise(mapped, mapped_size, MADV_DONTDUMP) != 0;
}

fastsock_ticket_state *fastsock_ticket_page_lock(void)
{
	struct timespec deadline;
	int rc;

	if (!mapped) {
		return NULL;
	}
	if (clock_gettime(CLOCK_MONOTONIC, &deadline) != 0) {
		return NULL;
	}
	deadline.tv_nsec += FASTSOCK_TICKET_PAGE_LOCK_WAIT_MS * 1000000L;
	deadline.tv_sec += deadline.tv_nsec / 1000000000L;
	deadline.tv_nsec %= 1000000000L;
	rc = pthread_mutex_clocklock(&mapped->lock, CLOCK_MONOTONIC, &deadline);
	if (rc == EOWNERDEAD) {
		if (mapped->state.writing) {
			wipe_keys(&mapped->state);
		}
		rc = pthread_mutex_consistent(&mapped->lock);
		if (rc != 0) {
			/* Unlocked without consistent: the lock is then refused to
			 * every process, which go on without tickets. */
			(void) pthread_mutex_unlock(&mapped->lock);
			return NULL;
		}
	}
	return rc == 0 ? &mapped->state : NULL;
}

bool fastsock_ticket_page_is_open(void)
{
	return mapped != NULL;
}

bool fastsock_ticket_page_unlock(void)
{
	return mapped && pthread_mutex_unlock(&mapped->lock) == 0;
}

void fastsock_ticket_page_close(void)
{
	bool locked;

	if (!mapped) {
		return;
	}
	if (mapped_size == 0) {
		/* Process memory: this process's own keys, nobody else's. */
		locked = pthread_mutex_lock(&mapped->lock) == 0;
		fastsock_ticket_wipe(&mapped->state, sizeof(mapped->state));
	} else if (getpid() == creator) {
		/* After this process's last handshake: the keys go even when the
		 * lock cannot be had. The lifetime stays for forked processes that
		 * outlive this one; they make new keys. */
		locked = fastsock_ticket_page_lock() != NULL;
		wipe_keys(&mapped->state);
	} else {
		locked = false;
	}
	if (locked) {
		(void) fastsock_ticket_page_unlock();
	}
	/* The mutex is never destroyed: other processes may hold the page. A
	 * failed munmap changes nothing that matters: the mapping goes with
	 * the process. */
	if (mapped_size > 0) {
		(void) munmap(mapped, mapped_size);
	}
	mapped = NULL;
	mapped_size = 0;
}
