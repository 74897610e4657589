/*
 * The accept pipeline: what happens to a new connection between the
 * kernel's queue and the script (pipeline.c tells it in order).
 */
#ifndef FASTSOCK_PIPELINE_H
#define FASTSOCK_PIPELINE_H

#include "socket.h"
#include "pollset.h"

/* At listen: every stream listener gets one. On a TLS listener, and on a
 * listener that expects PROXY headers, connections pass stages before the
 * script may have them. */
void fastsock_pipeline_attach(fastsock_sock *server);
/* At the listener's close: its pending connections are closed, by the
 * process that accepted them; a forked copy only lets go of its copies. */
void fastsock_pipeline_release(fastsock_sock *server);

/* The listener's descriptor stays non-blocking whatever the script sets:
 * its blocking mode is only what accept waits for. */
bool fastsock_pipeline_staged(const fastsock_sock *server);

/* The accept op: the first connection ready within the timeout. */
int fastsock_accept(php_stream *stream, fastsock_sock *server, php_stream_xport_param *xparam STREAMS_DC);

/*
 * stream_select() on a listener, in three calls around each wait.
 * room: how many watches it may add to a wait. ready: an accept can
 * return at once (the wait need not block). watch: adds the descriptors
 * of its connections in a stage, keeps the listener out of the wait while
 * it rests, and brings *wake (CLOCK_MONOTONIC, {0, 0}: none) forward to
 * the first deadline. drive: after the wait, takes the kernel's new
 * connections, steps those whose descriptor fired and ends the late ones;
 * true when an accept can return at once.
 */
size_t fastsock_pipeline_room(const fastsock_sock *server);
bool fastsock_pipeline_ready(fastsock_sock *server);
void fastsock_pipeline_watch(fastsock_sock *server, fastsock_pollset *set, struct timespec *wake);
bool fastsock_pipeline_drive(php_stream *stream, fastsock_sock *server, fastsock_pollset *set,
	bool listener_readable);

/* fastsock_info(): how many connections this process holds in a stage
 * (done ones not yet taken included), or -1 where none are staged. */
zend_long fastsock_pipeline_pending(const fastsock_sock *server);

/* A descriptor of this process was closed: a listener resting after
 * EMFILE may accept again. */
void fastsock_pipeline_descriptor_closed(void);

#endif
