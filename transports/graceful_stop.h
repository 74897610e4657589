/*
 * fastsock.graceful_stop: SIGTERM ends the process once it holds no
 * accepted connection, so that a copy being replaced finishes the
 * connections it serves and leaves the queued ones to its successor.
 */
#ifndef FASTSOCK_GRACEFUL_STOP_H
#define FASTSOCK_GRACEFUL_STOP_H

/* At MINIT, with fastsock.graceful_stop on, in the CLI: the handler is
 * installed before the engine's signal layer saves the handlers, so that
 * a script's own pcntl_signal(SIGTERM, ...) replaces it. */
void fastsock_graceful_stop_startup(void);
void fastsock_graceful_stop_shutdown(void);

/* An accepted connection's stream was made, or closes. */
void fastsock_graceful_stop_opened(void);
void fastsock_graceful_stop_closed(void);

/* Around the accept op: from accept4() to the connection's stream, the
 * connection is held already. */
void fastsock_graceful_stop_accept_begin(void);
void fastsock_graceful_stop_accept_end(void);

#endif
