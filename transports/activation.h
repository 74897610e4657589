/*
 * Socket activation: a server adopts the listening socket its parent
 * passed (LISTEN_FDS, LISTEN_PID, LISTEN_FDNAMES) when one is bound to
 * the address it asks for, instead of binding a new one.
 */
#ifndef FASTSOCK_ACTIVATION_H
#define FASTSOCK_ACTIVATION_H

#include "socket.h"

/* What a server asked for that an adopted socket could not be given: its
 * owner set it (fastsock_sock.not_applied). */
#define FASTSOCK_NOT_APPLIED_BACKLOG     (1u << 0)
#define FASTSOCK_NOT_APPLIED_REUSEPORT   (1u << 1)
#define FASTSOCK_NOT_APPLIED_MODE        (1u << 2)
#define FASTSOCK_NOT_APPLIED_IPV6_V6ONLY (1u << 3)

/* At MINIT: takes the descriptors passed to this process, marks them
 * close-on-exec as sd_listen_fds() does. The environment is left as it is
 * (scripts read it as on stock). */
void fastsock_activation_startup(void);
void fastsock_activation_shutdown(void);

/* Whether any passed socket is still to be adopted: servers pay for
 * matching only then. */
bool fastsock_activation_pending(void);

/* Adopts the first passed socket not yet adopted that fits the server's
 * kind and want: sock->net.socket becomes it, in blocking mode as a new
 * socket is. Each is adopted once per process; once closed, a server at
 * the same address binds anew. */
bool fastsock_activation_adopt(fastsock_sock *sock, const struct sockaddr *want, socklen_t wantlen);

/* A server is listening (or bound, for datagrams). Once every passed
 * socket has been adopted (at the first server when none was passed),
 * the service manager in NOTIFY_SOCKET, if any, is told READY=1: once
 * per process. */
void fastsock_activation_server_ready(void);

/* fastsock_info()'s "activated": null, or fd, name and not_applied. */
void fastsock_activation_describe(const fastsock_sock *sock, zval *out);

#endif
