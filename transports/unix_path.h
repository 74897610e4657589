/*
 * The file of a unix socket server: a stale one is replaced, a live one
 * never touched. Plain C over a path.
 */
#ifndef FASTSOCK_UNIX_PATH_H
#define FASTSOCK_UNIX_PATH_H

/* Removes path when it is a socket file that nobody accepts on (a crashed
 * server's). Returns 1 when removed, 0 when there was nothing to remove
 * (no file, not a socket, or a live server), -1 with errno on failure. */
int fastsock_unix_remove_stale(const char *path);

#endif
