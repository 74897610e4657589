/*
 * The memory the session ticket keys live in: a page mapped MAP_SHARED at
 * MINIT, before any fork, so that worker processes forked later
 * (pcntl_fork(), PHP-FPM's children, php -S's workers) use one set of keys
 * and a ticket one of them issued resumes on another. A process-shared,
 * robust mutex guards it, so that a worker killed while holding it does not
 * wedge the others. Without a shared page (mmap or the mutex refused) the
 * keys stay in process memory, each process its own, as before.
 *
 * The page is kept out of core dumps. Plain C, no Zend, no OpenSSL.
 */
#ifndef FASTSOCK_TLS_TICKET_PAGE_H
#define FASTSOCK_TLS_TICKET_PAGE_H

#include <stdbool.h>

#include "tls_ticket_file.h"
#include "tls_ticket_ring.h"

/* What the page holds: read and written under fastsock_ticket_page_lock(). */
typedef struct fastsock_ticket_state {
	fastsock_ticket_ring ring; /* the keys fastsock makes */
	long lifetime;             /* the longest session timeout attached; 0: none yet */
	fastsock_ticket_file file; /* the keys of fastsock.tls_ticket_key_file */
	/* Set around every change of the keys, which is a copy in memory (the
	 * key file is read before the lock is taken): a holder that died with
	 * it set may have left keys half-written. */
	bool writing;
} fastsock_ticket_state;

typedef struct fastsock_ticket_page_status {
	bool shared;             /* false: process memory; failed_call and error say why */
	const char *failed_call; /* "mmap", "pthread_mutexattr_setrobust", ... */
	int error;
	bool dumpable;           /* the keys may show in a core dump (madvise refused, or process memory) */
} fastsock_ticket_page_status;

/* Maps the page, zeroed: no keys, no lifetime, the file unread. Never
 * fails: without a shared page, process memory is used. A second call
 * keeps the page there is. */
void fastsock_ticket_page_open(fastsock_ticket_page_status *status);

/* A holder that does not let go (a stopped or stuck worker) costs the
 * others this much per handshake, which then goes without a ticket. */
#define FASTSOCK_TICKET_PAGE_LOCK_WAIT_MS 100

/*
 * Locks the page and returns its state; NULL without a page or when the
 * lock cannot be had within FASTSOCK_TICKET_PAGE_LOCK_WAIT_MS. When the last holder died while writing, its keys are
 * wiped first (the ring is made again, the file read again, at next use);
 * the lifetime stays.
 */
fastsock_ticket_state *fastsock_ticket_page_lock(void);
/* Between open and close: a NULL lock is then a busy or broken lock. */
bool fastsock_ticket_page_is_open(void);
/* False when the lock was not ours (nothing was locked). */
bool fastsock_ticket_page_unlock(void);

/*
 * MSHUTDOWN: the process that opened the page wipes the keys, then unmaps
 * it. A process forked from it unmaps only: its parent and siblings may
 * still use the keys. Process memory is wiped in any process.
 */
void fastsock_ticket_page_close(void);

#endif
