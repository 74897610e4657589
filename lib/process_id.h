/*
 * This process's id without a system call each time.
 *
 * glibc no longer caches getpid(), and the select and accept paths ask on
 * every call whether a fork() made them a child that must let go of its
 * parent's pending connections and epoll set. The id is read once and
 * read again in every child fork() makes (pthread_atfork). Plain C.
 */
#ifndef FASTSOCK_PROCESS_ID_H
#define FASTSOCK_PROCESS_ID_H

#include <sys/types.h>

/* getpid(), as of the last fork(). */
pid_t fastsock_process_id(void);

#endif
