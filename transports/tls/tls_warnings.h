/*
 * Warnings held back while a TLS step runs and given later. A pending
 * connection's handshake runs wherever the script handed fastsock control,
 * often inside stream_select(): a warning issued there would carry that
 * function's name and reach the script at the wrong call. While held,
 * every warning or notice (fastsock's, OpenSSL's as stock words them, and
 * PHP's own: open_basedir, a cafile stream wrapper) is recorded instead,
 * and replayed from the call stock would have warned in, in order, with
 * that call's name and the script's error handler and error_reporting of
 * that moment.
 */
#ifndef FASTSOCK_TLS_WARNINGS_H
#define FASTSOCK_TLS_WARNINGS_H

#include "php.h"

typedef struct fastsock_tls_warning {
	int type;
	/* Issued with php_error_docref(): replayed with the caller's name. */
	bool named;
	zend_string *message;
} fastsock_tls_warning;

typedef struct fastsock_tls_warnings {
	fastsock_tls_warning *items;
	uint32_t count;
} fastsock_tls_warnings;

/* From here until fastsock_tls_warnings_resume(), warnings go to *into.
 * Nested holds keep the outer one. Returns whether this call holds. */
bool fastsock_tls_warnings_hold(fastsock_tls_warnings *into);
void fastsock_tls_warnings_resume(bool held);

/* Issues the recorded warnings now, and forgets them. */
void fastsock_tls_warnings_replay(fastsock_tls_warnings *warnings);
void fastsock_tls_warnings_free(fastsock_tls_warnings *warnings);

#endif
