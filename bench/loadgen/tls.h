/* TLS for the load generator's echo mode: one client SSL_CTX that offers
 * the last session it got, and read()/write()-like calls over SSL. */
#ifndef BENCH_LOADGEN_TLS_H
#define BENCH_LOADGEN_TLS_H

#include <stddef.h>
#include <sys/types.h>

#include <openssl/ssl.h>

/* An SSL for a connected, non-blocking socket, offering the last session
 * the server gave any connection (the client's session cache). */
SSL *tls_new(int fd);
/* Drives the handshake: 1 when done, 0 while it waits (*events is what for,
 * EPOLLIN or EPOLLOUT), -1 when it failed (*why says why). */
int tls_handshake(SSL *ssl, unsigned *events, const char **why);
/* As read() and write() on a non-blocking socket: -1 with errno EAGAIN
 * while TLS waits for the socket, 0 at the peer's close, -1 with errno
 * EPROTO on a TLS error. */
ssize_t tls_read(SSL *ssl, void *buf, size_t n);
ssize_t tls_write(SSL *ssl, const void *buf, size_t n);

#endif
