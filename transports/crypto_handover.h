/*
 * TLS that fastsock leaves to stock PHP on an accepted tcp connection (a
 * client handshake, or fastsock not serving TLS): the connection is handed
 * to the stock tcp transport.
 */
#ifndef FASTSOCK_CRYPTO_HANDOVER_H
#define FASTSOCK_CRYPTO_HANDOVER_H

#include "php.h"
#include "php_network.h"

#include "socket.h"

/* Turns the connection's stream, in place, into the stream stock's tcp
 * transport (ext/openssl's, with crypto) would have accepted; the script's
 * resource stays the same. false when the stock transport has no crypto
 * (PHP without ext/openssl): the stream is left as it was. */
bool fastsock_crypto_handover(php_stream *stream, fastsock_sock *sock);

/* The handover, then the crypto operation asked of the stream, on stock's
 * code; NOTIMPL (stock's "does not support SSL/crypto") when it cannot be. */
int fastsock_crypto_handover_option(php_stream *stream, fastsock_sock *sock, php_stream_xport_crypto_param *cparam);

#endif
