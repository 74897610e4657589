/*
 * Session tickets under fastsock's own rotating keys (core/tls_ticket_ring)
 * instead of OpenSSL's, which are random per SSL_CTX and never rotate: so
 * a ticket from one context resumes on another of the same session id
 * context, and no key outlives two session timeouts. One ring per
 * process, behind these two calls, so that it can move to a shared page.
 */
#ifndef FASTSOCK_TLS_TICKETS_H
#define FASTSOCK_TLS_TICKETS_H

#include <openssl/ssl.h>
#include <stdbool.h>

/*
 * Makes ctx issue and accept tickets with fastsock's rotating keys;
 * lifetime = the session timeout in seconds (> 0; keys rotate every
 * lifetime). The ring is shared, so a process whose contexts have several
 * timeouts rotates with the shortest. Makes the keys at once if there are
 * none yet. Returns false on failure (bad lifetime, no random bytes,
 * OpenSSL refused the callback). Whether tickets are sent at all stays
 * with SSL_OP_NO_TICKET.
 */
bool fastsock_tls_tickets_attach(SSL_CTX *ctx, long lifetime);

/* Wipes the keys (MSHUTDOWN). Contexts still attached then issue no
 * tickets and resume none, until a context is attached again. */
void fastsock_tls_tickets_shutdown(void);

#endif
