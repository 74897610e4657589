/*
 * Socket activation as sd_listen_fds(3) defines it: the descriptors a
 * parent (systemd, systemd-socket-activate, a launcher) passed from fd 3
 * on, and whether one of them is the socket a server asks for. Plain C
 * over environment strings, descriptors and socket addresses.
 */
#ifndef FASTSOCK_LISTEN_FDS_H
#define FASTSOCK_LISTEN_FDS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

#define FASTSOCK_LISTEN_FDS_START 3

/* How many descriptors were passed to process self: LISTEN_FDS when
 * LISTEN_PID names self, else 0 (the variables were meant for another
 * process, are missing or malformed). Never more than max, so that a
 * bogus count does not reach past the descriptors a process can have. */
int fastsock_listen_fds_count(const char *listen_pid, const char *listen_fds, long self, int max);

/* The index-th name of LISTEN_FDNAMES (names separated by ':'): a pointer
 * into names and its length. False when there is none (names NULL or too
 * few); an empty name is a name of length 0. */
bool fastsock_listen_fds_name(const char *names, int index, const char **name, size_t *len);

/* Whether two addresses are the same socket address: family, port and
 * address (IPv6: scope too), or for AF_UNIX the same path bytes (an
 * abstract name included). */
bool fastsock_sockaddr_same(const struct sockaddr *a, socklen_t alen, const struct sockaddr *b, socklen_t blen);

/* Whether fd is a socket of type (SOCK_STREAM, SOCK_DGRAM) bound to want,
 * and, for a stream socket, listening. */
bool fastsock_listen_fd_fits(int fd, int type, const struct sockaddr *want, socklen_t wantlen);

/* The address a server at host:port binds first, as PHP resolves it
 * (getaddrinfo, any family, the socket type). False when host does not
 * resolve; nothing is printed. */
bool fastsock_listen_address(const char *host, int port, int type, struct sockaddr_storage *out, socklen_t *outlen);

/* sd_notify(3)'s message to the socket NOTIFY_SOCKET names (a path, or
 * "@name" for an abstract one): one datagram. False when it could not be
 * sent; nothing is printed. */
bool fastsock_notify(const char *notify_socket, const char *message);

#endif
