/*
 * The Zend side of the session ticket keys (tls_tickets.c, which knows no
 * PHP): starting them at MINIT with the notices that go with it, the key
 * file warnings, and what phpinfo() and fastsock_info() say of the keys.
 * Never a key byte.
 */
#ifndef FASTSOCK_TLS_TICKETS_REPORT_H
#define FASTSOCK_TLS_TICKETS_REPORT_H

#include <stddef.h>

/* MINIT, before any fork: the keys' page mapped, the key file read. */
void fastsock_tls_tickets_report_startup(void);

/* Warns of a key file problem found since the last call, once, by the
 * process that found it. Call outside OpenSSL callbacks: a user error
 * handler may run. */
void fastsock_tls_tickets_report_problem(void);

/* fastsock_info()'s ticket_keys: "generated", "file" or "none". */
const char *fastsock_tls_tickets_report_source(void);

/* phpinfo()'s row: where the keys come from, who shares them, whether
 * core dumps may hold them. */
void fastsock_tls_tickets_report_info(char *buf, size_t len);

#endif
