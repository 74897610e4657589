/*
 * Session tickets under fastsock's keys instead of OpenSSL's, which are
 * random per SSL_CTX and never rotate: so a ticket from one context resumes
 * on another of the same session id context, in this process and in every
 * process forked after startup, which share the keys' page
 * (lib/tls_ticket_page.h). The keys are made by fastsock and rotated
 * (lib/tls_ticket_ring.h), or read from fastsock.tls_ticket_key_file
 * (lib/tls_ticket_file.h), which processes started apart can share. They
 * are never written anywhere nor shown.
 */
#ifndef FASTSOCK_TLS_TICKETS_H
#define FASTSOCK_TLS_TICKETS_H

#include <openssl/ssl.h>
#include <stdbool.h>

#include "tls_ticket_page.h"

typedef enum fastsock_ticket_keys {
	FASTSOCK_TICKET_KEYS_GENERATED, /* made by fastsock */
	FASTSOCK_TICKET_KEYS_FILE,      /* read from the key file */
	FASTSOCK_TICKET_KEYS_NONE,      /* a key file without good keys yet, or shut down */
} fastsock_ticket_keys;

/* A problem with the key file, found once; no key bytes in it. */
typedef struct fastsock_tls_tickets_problem {
	const char *path;
	fastsock_ticket_file_status status; /* UNREADABLE (error), NOT_REGULAR or BAD_SIZE (size) */
	int error;
	long long size;
	bool keys_kept; /* keys read before stay in use; false: no tickets */
} fastsock_tls_tickets_problem;

/*
 * MINIT, before any fork: maps the keys' page (*page says whether it is
 * shared) and, when key_file is not empty, reads that file (an absolute
 * path), whose keys then replace fastsock's own for every server of the
 * process and of those forked from it. A problem with it waits in
 * fastsock_tls_tickets_take_problem().
 */
void fastsock_tls_tickets_startup(const char *key_file, fastsock_ticket_page_status *page);

/*
 * Makes ctx issue and accept tickets with fastsock's keys; lifetime = the
 * session timeout in seconds (> 0; generated keys rotate every lifetime).
 * The keys are shared, so processes whose contexts have several timeouts
 * rotate with the shortest. Makes the keys at once if there are none yet
 * (not with a key file: its keys may come later). Returns false on failure
 * (bad lifetime, no page, no random bytes, OpenSSL refused the callback).
 * Whether tickets are sent at all stays with SSL_OP_NO_TICKET.
 */
bool fastsock_tls_tickets_attach(SSL_CTX *ctx, long lifetime);

/*
 * Whether a new connection of an attached context can be given a ticket:
 * false while the key file has given no good keys (it is looked at again,
 * at most once a second). Such a connection should be set
 * SSL_OP_NO_TICKET, so that it resumes through its process's session cache
 * (session ids, TLS 1.3 stateful tickets) instead of not at all.
 */
bool fastsock_tls_tickets_usable(void);

/* Where the keys come from now. */
fastsock_ticket_keys fastsock_tls_tickets_source(void);

/* Takes the key file problem found last and not yet taken, if any: for
 * the caller to report, once. */
bool fastsock_tls_tickets_take_problem(fastsock_tls_tickets_problem *out);

/* Wipes the keys (MSHUTDOWN; in a forked child, only lets go of them).
 * Contexts still attached then issue no tickets and resume none, until the
 * next startup. */
void fastsock_tls_tickets_shutdown(void);

#endif
