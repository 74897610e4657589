/*
 * ext/openssl registers stock's tcp transport itself, so any stock tcp
 * connection can call stream_socket_enable_crypto() later (STARTTLS,
 * ReactPHP's SecureServer). A fastsock connection asked for TLS that
 * fastsock leaves to stock (a client handshake, or any TLS when fastsock
 * does not serve it) becomes such a stream: ext/openssl's factory makes an
 * unconnected tcp stream, the connection's socket state is moved into it,
 * and the two streams swap their ops and data. The script keeps its
 * resource, now served by stock code in everything, TLS included; the
 * emptied shell is freed through fastsock's close op.
 */
#include "php.h"
#include "php_network.h"
#include "ext/standard/file.h"

#include "crypto_handover.h"

bool fastsock_crypto_handover(php_stream *stream, fastsock_sock *sock)
{
	php_stream_transport_factory tcp = fastsock_stock_factory(FASTSOCK_TCP);
	/* ext/openssl keeps it for client handshakes, as it would from the server. */
	struct timeval timeout = {FG(default_socket_timeout), 0};
	const php_stream_ops *ops;
	php_stream *shell;

	if (tcp == php_stream_generic_socket_factory) {
		return false;
	}
	shell = tcp("tcp", 3, "", 0, NULL, 0, 0, &timeout, NULL STREAMS_CC);
	if (!shell) {
		return false;
	}
	/* ext/openssl's stream data starts with the stock socket state, as
	 * fastsock's does: what stock's accept would have copied there. */
	*(php_netstream_data_t *) shell->abstract = sock->net;
	sock->net.socket = -1;
	if (sock->direct_reads) {
		stream->flags &= ~PHP_STREAM_FLAG_NO_BUFFER;
	}

	ops = stream->ops;
	stream->ops = shell->ops;
	stream->abstract = shell->abstract;
	shell->ops = ops;
	shell->abstract = sock;
	php_stream_free(shell, PHP_STREAM_FREE_CLOSE);
	return true;
}

int fastsock_crypto_handover_option(php_stream *stream, fastsock_sock *sock, php_stream_xport_crypto_param *cparam)
{
	if (sock->kind != FASTSOCK_TCP || !fastsock_crypto_handover(stream, sock)) {
		return PHP_STREAM_OPTION_RETURN_NOTIMPL;
	}
	/* sock is gone: the stream is stock's now, and answers itself. */
	return stream->ops->set_option(stream, PHP_STREAM_OPTION_CRYPTO_API, 0, cparam);
}
