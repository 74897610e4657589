/*
 * The file of a unix socket server: created with its mode, a stale one of
 * the server's user replaced, a live one or another user's never touched.
 * Plain C over a path.
 */
#ifndef FASTSOCK_UNIX_PATH_H
#define FASTSOCK_UNIX_PATH_H

#include <sys/socket.h>
#include <sys/un.h>

/* bind() that creates the socket file with permission bits mode (0 to
 * 0777), whatever the umask: the umask is set to ~mode around bind() and
 * restored before returning, so no path is looked up after bind() (a
 * chmod() would follow whatever another user put at the path by then).
 * mode < 0, or an abstract address, binds under the umask as it is.
 * Returns bind()'s result, errno kept. */
int fastsock_unix_bind(int fd, const struct sockaddr_un *addr, socklen_t addrlen, long mode);

/* Removes path when it is a socket file owned by the effective user that
 * nobody accepts on (a crashed server's). Returns 1 when removed, 0 when
 * there was nothing to remove (no file, not a socket, another user's
 * socket, or a live server), -1 with errno on failure. */
int fastsock_unix_remove_stale(const char *path);

#endif
