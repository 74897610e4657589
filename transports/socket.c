/*
 * The stream ops of fastsock's sockets. The table at the bottom names every
 * operation; bind and listen live in listen.c, accept in pipeline.c. A tcp
 * connection whose TLS is active has TLS's own table (tls/tls_ops.c),
 * which hands what TLS does not change back to this one.
 *
 * What a script can observe (return values, notices, eof, timed_out,
 * metadata) follows main/streams/xp_socket.c; the difference is the order
 * of a blocking read: recv() first, poll() only when it would block.
 */
#include "php.h"
#include "php_network.h"
#include "ext/standard/file.h"
#include "streams/php_streams_int.h"

#include "socket.h"
#include "listen.h"
#include "pipeline.h"
#include "select.h"
#include "tls.h"
#include "proxy.h"
#include "graceful_stop.h"

#ifndef MSG_DONTWAIT
# define MSG_DONTWAIT 0
#endif

bool fastsock_kind_is_stream(fastsock_kind kind)
{
	return kind == FASTSOCK_TCP || kind == FASTSOCK_UNIX;
}

bool fastsock_kind_is_unix(fastsock_kind kind)
{
	return kind == FASTSOCK_UNIX || kind == FASTSOCK_UDG;
}

const char *fastsock_kind_name(fastsock_kind kind)
{
	static const char *const names[] = {"tcp", "udp", "unix", "udg"};

	return names[kind];
}

static struct timeval *sock_timeout(php_netstream_data_t *net)
{
	return net->timeout.tv_sec == -1 ? NULL : &net->timeout;
}

/* Waits until the socket is readable or the stream's timeout passes; sets
 * timeout_event as stock does. */
static void wait_for_data(php_netstream_data_t *net)
{
	int ready;

	net->timeout_event = 0;
	do {
		ready = php_pollfd_for(net->socket, PHP_POLLREADABLE, sock_timeout(net));
		if (ready == 0) {
			net->timeout_event = 1;
		}
	} while (ready < 0 && php_socket_errno() == EINTR);
}

static ssize_t fastsock_op_write(php_stream *stream, const char *buf, size_t count)
{
	fastsock_sock *sock = stream->abstract;
	php_netstream_data_t *net = &sock->net;
	struct timeval *timeout = sock_timeout(net);
	ssize_t didwrite;
	int err;

	if (net->socket == -1) {
		return 0;
	}

	for (;;) {
		didwrite = send(net->socket, buf, count, (net->is_blocked && timeout) ? MSG_DONTWAIT : 0);
		if (didwrite > 0) {
			php_stream_notify_progress_increment(PHP_STREAM_CONTEXT(stream), didwrite, 0);
			return didwrite;
		}
		err = php_socket_errno();
		if (!PHP_IS_TRANSIENT_ERROR(err)) {
			break;
		}
		if (!net->is_blocked) {
			/* Not an error for a non-blocking stream: nothing was written. */
			return 0;
		}

		int ready;
		net->timeout_event = 0;
		do {
			ready = php_pollfd_for(net->socket, POLLOUT, timeout);
		} while (ready < 0 && (err = php_socket_errno()) == EINTR);
		if (ready == 0) {
			net->timeout_event = 1;
		}
		if (ready <= 0) {
			break;
		}
	}

	if (!(stream->flags & PHP_STREAM_FLAG_SUPPRESS_ERRORS)) {
		char *estr = php_socket_strerror(err, NULL, 0);
		php_error_docref(NULL, E_NOTICE, "Send of " ZEND_LONG_FMT " bytes failed with errno=%d %s",
			(zend_long) count, err, estr);
		efree(estr);
	}
	return didwrite;
}

/* A blocking read either waits first, as stock does, costing poll() and
 * recv(), or tries recv() first when data is probably there, costing one
 * recv(); only a wrong guess costs recv(), poll(), recv(). */
static ssize_t sock_recv(php_stream *stream, fastsock_sock *sock, char *buf, size_t count)
{
	php_netstream_data_t *net = &sock->net;
	bool recv_first = !net->is_blocked || sock->data_expected;
	ssize_t nr_bytes = -1;
	int err = EAGAIN;

	if (net->socket == -1) {
		return -1;
	}
	sock->data_expected = false;

	if (net->is_blocked) {
		net->timeout_event = 0;
	}
	if (recv_first) {
		nr_bytes = recv(net->socket, buf, count, MSG_DONTWAIT);
		err = php_socket_errno();
	}
	if (nr_bytes < 0 && PHP_IS_TRANSIENT_ERROR(err) && net->is_blocked) {
		wait_for_data(net);
		if (net->timeout_event) {
			return -1;
		}
		nr_bytes = recv(net->socket, buf, count, net->timeout.tv_sec != -1 ? MSG_DONTWAIT : 0);
		err = php_socket_errno();
	}

	if (nr_bytes < 0) {
		if (PHP_IS_TRANSIENT_ERROR(err)) {
			nr_bytes = 0;
		} else {
			stream->eof = 1;
		}
	} else if (nr_bytes == 0) {
		stream->eof = 1;
	} else {
		if ((size_t) nr_bytes == count && !sock->listening) {
			sock->data_expected = true;
		}
		php_stream_notify_progress_increment(PHP_STREAM_CONTEXT(stream), nr_bytes, 0);
	}
	return nr_bytes;
}

/* PHP fills its read buffer through this op too (fgets(), small reads). */
static bool is_buffer_fill(php_stream *stream, const char *buf)
{
	return stream->readbuf && buf >= (const char *) stream->readbuf
		&& buf < (const char *) stream->readbuf + stream->readbuflen;
}

/* A read smaller than a chunk, done as stock does it: fill the read buffer
 * with up to a chunk and hand out what was asked. What stays buffered is
 * exactly what stock would have buffered, so the script's next fread(),
 * stream_select() and unread_bytes see the same: reading only what was
 * asked would change unread_bytes, and a tail left in the buffer that
 * stock would not have makes the next fread() block to top it up. */
static ssize_t read_through_buffer(php_stream *stream, char *buf, size_t count)
{
	size_t n;

	if (php_stream_fill_read_buffer(stream, count) != SUCCESS) {
		return -1;
	}
	n = MIN(count, (size_t) (stream->writepos - stream->readpos));
	memcpy(buf, stream->readbuf + stream->readpos, n);
	stream->readpos += n;
	return (ssize_t) n;
}

/* With direct reads, PHP calls this op with the size the script asked for
 * once its buffer is drained. Stock would fill at most a chunk and return
 * all of it, leaving nothing buffered; a recv() of up to chunk_size into
 * the script's own string leaves nothing buffered either, and returns
 * more per call. */
static ssize_t fastsock_op_read(php_stream *stream, char *buf, size_t count)
{
	fastsock_sock *sock = stream->abstract;

	if (sock->direct_reads && !is_buffer_fill(stream, buf)) {
		if (count < stream->chunk_size) {
			return read_through_buffer(stream, buf, count);
		}
		count = MIN(count, (size_t) sock->options.chunk_size);
	}
	return sock_recv(stream, sock, buf, count);
}

static int fastsock_op_close(php_stream *stream, int close_handle)
{
	fastsock_sock *sock = stream->abstract;
	/* A handed-over connection's shell has no socket: stock's stream has it. */
	bool connection = sock->role == FASTSOCK_CONNECTION && sock->net.socket != -1;

	if (sock->pipeline) {
		fastsock_select_listener_closed(stream);
	}
	fastsock_pipeline_release(sock);
	fastsock_tls_close(sock, close_handle);
	fastsock_proxy_release(sock);
	if (close_handle && sock->net.socket != -1) {
		fastsock_close_descriptor(sock->net.socket);
		sock->net.socket = -1;
	}
	efree(sock);
	if (connection) {
		fastsock_graceful_stop_closed();
	}
	return 0;
}

static int fastsock_op_flush(php_stream *stream)
{
	return 0;
}

static int fastsock_op_stat(php_stream *stream, php_stream_statbuf *ssb)
{
	return zend_fstat(((fastsock_sock *) stream->abstract)->net.socket, &ssb->sb);
}

static int fastsock_op_cast(php_stream *stream, int castas, void **ret)
{
	fastsock_sock *sock = stream->abstract;
	php_netstream_data_t *net = &sock->net;

	switch (castas) {
		case PHP_STREAM_AS_STDIO:
			if (ret) {
				*(FILE **) ret = fdopen(net->socket, stream->mode);
				return *ret ? SUCCESS : FAILURE;
			}
			return SUCCESS;
		case PHP_STREAM_AS_FD_FOR_SELECT:
		case PHP_STREAM_AS_FD:
		case PHP_STREAM_AS_SOCKETD:
			if (ret) {
				*(php_socket_t *) ret = net->socket;
			}
			return SUCCESS;
		default:
			return FAILURE;
	}
}

/* feof() and persistent-socket checks: is the peer still there? */
static int check_liveness(php_stream *stream, php_netstream_data_t *net, int value)
{
	struct timeval tv;
	char byte;
	ssize_t ret;
	int err;

	if (net->socket == -1) {
		return PHP_STREAM_OPTION_RETURN_ERR;
	}
	if (value == -1) {
		if (net->timeout.tv_sec == -1) {
			tv.tv_sec = FG(default_socket_timeout);
			tv.tv_usec = 0;
		} else {
			tv = net->timeout;
		}
	} else {
		tv.tv_sec = value;
		tv.tv_usec = 0;
	}

	/* With a zero timeout a non-blocking peek answers without poll(). */
	if (!(value == 0 && !(stream->flags & PHP_STREAM_FLAG_NO_IO))
			&& php_pollfd_for(net->socket, PHP_POLLREADABLE | POLLPRI, &tv) <= 0) {
		return PHP_STREAM_OPTION_RETURN_OK;
	}
	ret = recv(net->socket, &byte, sizeof(byte), MSG_PEEK | MSG_DONTWAIT);
	err = php_socket_errno();
	if (ret == 0 || (ret < 0 && err != EWOULDBLOCK && err != EAGAIN && err != EMSGSIZE)) {
		return PHP_STREAM_OPTION_RETURN_ERR;
	}
	return PHP_STREAM_OPTION_RETURN_OK;
}

static void xport_send(fastsock_sock *sock, php_stream_xport_param *xparam)
{
	int flags = (xparam->inputs.flags & STREAM_OOB) == STREAM_OOB ? MSG_OOB : 0;
	ssize_t ret;

	if (xparam->inputs.addr) {
		ret = sendto(sock->net.socket, xparam->inputs.buf, xparam->inputs.buflen, flags,
			xparam->inputs.addr, xparam->inputs.addrlen);
	} else {
		ret = send(sock->net.socket, xparam->inputs.buf, xparam->inputs.buflen, flags);
	}
	xparam->outputs.returncode = ret < 0 ? -1 : (int) ret;
	if (ret < 0) {
		char *err = php_socket_strerror(php_socket_errno(), NULL, 0);
		php_error_docref(NULL, E_WARNING, "%s\n", err);
		efree(err);
	}
}

static void xport_recv(fastsock_sock *sock, php_stream_xport_param *xparam)
{
	int flags = 0;
	ssize_t ret;

	if ((xparam->inputs.flags & STREAM_OOB) == STREAM_OOB) {
		flags |= MSG_OOB;
	}
	if ((xparam->inputs.flags & STREAM_PEEK) == STREAM_PEEK) {
		flags |= MSG_PEEK;
	}

	if (xparam->want_textaddr || xparam->want_addr) {
		php_sockaddr_storage sa;
		socklen_t sl = sizeof(sa);
		const struct sockaddr *proxied;

		ret = recvfrom(sock->net.socket, xparam->inputs.buf, xparam->inputs.buflen, flags,
			(struct sockaddr *) &sa, &sl);
		/* A connected stream socket names no sender; a PROXY header did. */
		if (sl == 0 && ret >= 0 && (proxied = fastsock_proxy_peer(sock, &sl)) != NULL) {
			memcpy(&sa, proxied, sl);
		}
		if (sl) {
			php_network_populate_name_from_sockaddr((struct sockaddr *) &sa, sl,
				xparam->want_textaddr ? &xparam->outputs.textaddr : NULL,
				xparam->want_addr ? &xparam->outputs.addr : NULL,
				xparam->want_addr ? &xparam->outputs.addrlen : NULL);
		} else {
			if (xparam->want_textaddr) {
				xparam->outputs.textaddr = ZSTR_EMPTY_ALLOC();
			}
			if (xparam->want_addr) {
				xparam->outputs.addr = NULL;
				xparam->outputs.addrlen = 0;
			}
		}
	} else {
		ret = recv(sock->net.socket, xparam->inputs.buf, xparam->inputs.buflen, flags);
	}
	xparam->outputs.returncode = ret < 0 ? -1 : (int) ret;
}

static int xport_op(php_stream *stream, fastsock_sock *sock, php_stream_xport_param *xparam)
{
	static const int shutdown_how[] = {SHUT_RD, SHUT_WR, SHUT_RDWR};

	switch (xparam->op) {
		case STREAM_XPORT_OP_BIND:
			xparam->outputs.returncode = fastsock_bind(stream, sock, xparam);
			return PHP_STREAM_OPTION_RETURN_OK;
		case STREAM_XPORT_OP_LISTEN:
			xparam->outputs.returncode = fastsock_listen(stream, sock, xparam->inputs.backlog);
			return PHP_STREAM_OPTION_RETURN_OK;
		case STREAM_XPORT_OP_ACCEPT:
			fastsock_graceful_stop_accept_begin();
			xparam->outputs.returncode = fastsock_accept(stream, sock, xparam STREAMS_CC);
			fastsock_graceful_stop_accept_end();
			return PHP_STREAM_OPTION_RETURN_OK;
		case STREAM_XPORT_OP_GET_NAME:
			xparam->outputs.returncode = php_network_get_sock_name(sock->net.socket,
				xparam->want_textaddr ? &xparam->outputs.textaddr : NULL,
				xparam->want_addr ? &xparam->outputs.addr : NULL,
				xparam->want_addr ? &xparam->outputs.addrlen : NULL);
			return PHP_STREAM_OPTION_RETURN_OK;
		case STREAM_XPORT_OP_GET_PEER_NAME: {
			socklen_t sl;
			const struct sockaddr *peer = fastsock_proxy_peer(sock, &sl);

			if (peer) {
				php_network_populate_name_from_sockaddr((struct sockaddr *) peer, sl,
					xparam->want_textaddr ? &xparam->outputs.textaddr : NULL,
					xparam->want_addr ? &xparam->outputs.addr : NULL,
					xparam->want_addr ? &xparam->outputs.addrlen : NULL);
				xparam->outputs.returncode = 0;
				return PHP_STREAM_OPTION_RETURN_OK;
			}
			xparam->outputs.returncode = php_network_get_peer_name(sock->net.socket,
				xparam->want_textaddr ? &xparam->outputs.textaddr : NULL,
				xparam->want_addr ? &xparam->outputs.addr : NULL,
				xparam->want_addr ? &xparam->outputs.addrlen : NULL);
			return PHP_STREAM_OPTION_RETURN_OK;
		}
		case STREAM_XPORT_OP_SEND:
			xport_send(sock, xparam);
			return PHP_STREAM_OPTION_RETURN_OK;
		case STREAM_XPORT_OP_RECV:
			xport_recv(sock, xparam);
			return PHP_STREAM_OPTION_RETURN_OK;
		case STREAM_XPORT_OP_SHUTDOWN:
			xparam->outputs.returncode = shutdown(sock->net.socket, shutdown_how[xparam->how]);
			return PHP_STREAM_OPTION_RETURN_OK;
		default:
			return PHP_STREAM_OPTION_RETURN_NOTIMPL;
	}
}

static int fastsock_op_set_option(php_stream *stream, int option, int value, void *ptrparam)
{
	fastsock_sock *sock = stream->abstract;
	php_netstream_data_t *net = &sock->net;
	int oldmode;

	switch (option) {
		case PHP_STREAM_OPTION_CHECK_LIVENESS:
			return check_liveness(stream, net, value);

		case PHP_STREAM_OPTION_BLOCKING:
			oldmode = net->is_blocked;
			if (fastsock_pipeline_staged(sock)) {
				net->is_blocked = value;
				return oldmode;
			}
			if (php_set_sock_blocking(net->socket, value) == SUCCESS) {
				net->is_blocked = value;
				return oldmode;
			}
			return PHP_STREAM_OPTION_RETURN_ERR;

		case PHP_STREAM_OPTION_READ_TIMEOUT:
			net->timeout = *(struct timeval *) ptrparam;
			net->timeout_event = 0;
			return PHP_STREAM_OPTION_RETURN_OK;

		case PHP_STREAM_OPTION_SET_CHUNK_SIZE:
		case PHP_STREAM_OPTION_READ_BUFFER:
			/* The script sizes its reads itself from now on: stock's buffered
			 * reads; PHP's own handling below this op applies the setting. */
			if (sock->direct_reads) {
				sock->direct_reads = false;
				stream->flags &= ~PHP_STREAM_FLAG_NO_BUFFER;
			}
			return PHP_STREAM_OPTION_RETURN_NOTIMPL;

		case PHP_STREAM_OPTION_META_DATA_API:
			add_assoc_bool((zval *) ptrparam, "timed_out", net->timeout_event);
			add_assoc_bool((zval *) ptrparam, "blocked", net->is_blocked);
			add_assoc_bool((zval *) ptrparam, "eof", stream->eof);
			return PHP_STREAM_OPTION_RETURN_OK;

		case PHP_STREAM_OPTION_CRYPTO_API:
			return fastsock_tls_crypto_api(stream, sock, (php_stream_xport_crypto_param *) ptrparam);

		case PHP_STREAM_OPTION_XPORT_API:
			return xport_op(stream, sock, (php_stream_xport_param *) ptrparam);

		default:
			return PHP_STREAM_OPTION_RETURN_NOTIMPL;
	}
}

#define FASTSOCK_OPS(label) { \
	fastsock_op_write, fastsock_op_read, \
	fastsock_op_close, fastsock_op_flush, \
	label, \
	NULL, /* seek */ \
	fastsock_op_cast, \
	fastsock_op_stat, \
	fastsock_op_set_option, \
}

/* The labels are stock's, since scripts read them as stream_type. */
static php_stream_ops fastsock_ops[4] = {
	[FASTSOCK_TCP] = FASTSOCK_OPS("tcp_socket"),
	[FASTSOCK_UDP] = FASTSOCK_OPS("udp_socket"),
	[FASTSOCK_UNIX] = FASTSOCK_OPS("unix_socket"),
	[FASTSOCK_UDG] = FASTSOCK_OPS("udg_socket"),
};

php_stream_transport_factory fastsock_stock_factory_named(const char *name)
{
	return zend_hash_str_find_ptr(php_stream_xport_get_hash(), name, strlen(name));
}

php_stream_transport_factory fastsock_stock_factory(fastsock_kind kind)
{
	php_stream_transport_factory stock = fastsock_stock_factory_named(fastsock_kind_name(kind));

	return stock ? stock : php_stream_generic_socket_factory;
}

void fastsock_socket_startup(void)
{
	/* With ext/openssl, stock tcp streams are openssl's and say so. */
	fastsock_ops[FASTSOCK_TCP].label =
		fastsock_stock_factory(FASTSOCK_TCP) != php_stream_generic_socket_factory ? "tcp_socket/ssl" : "tcp_socket";
}

const php_stream_ops *fastsock_socket_ops(fastsock_kind kind)
{
	return &fastsock_ops[kind];
}

static bool has_plain_ops(const php_stream *stream)
{
	return stream->ops >= &fastsock_ops[0] && stream->ops < &fastsock_ops[sizeof(fastsock_ops) / sizeof(fastsock_ops[0])];
}

fastsock_sock *fastsock_sock_from_stream(php_stream *stream)
{
	/* A tcp stream whose TLS is active has TLS's own ops (tls/tls_ops.c). */
	if (has_plain_ops(stream) || stream->ops == fastsock_tls_ops()) {
		return stream->abstract;
	}
	return NULL;
}

int (*const fastsock_plain_socket_cast)(php_stream *stream, int castas, void **ret) = fastsock_op_cast;

void fastsock_enable_direct_reads(php_stream *stream, fastsock_sock *sock)
{
	if (fastsock_kind_is_stream(sock->kind) && !fastsock_tls_active(sock)
			&& (size_t) sock->options.chunk_size > stream->chunk_size) {
		stream->flags |= PHP_STREAM_FLAG_NO_BUFFER;
		sock->direct_reads = true;
	}
}

void fastsock_close_descriptor(php_socket_t fd)
{
	fastsock_select_forget(fd);
	if (closesocket(fd) == 0) {
		fastsock_pipeline_descriptor_closed();
	}
}

void fastsock_expect_data(php_stream *stream)
{
	fastsock_sock *sock = fastsock_sock_from_stream(stream);

	if (sock) {
		sock->data_expected = true;
	}
}

php_stream *fastsock_stream_alloc(fastsock_sock *sock STREAMS_DC)
{
	php_stream *stream = php_stream_alloc_rel(&fastsock_ops[sock->kind], sock, NULL, "r+");

	/* A connection whose handshake finished before it had a stream. */
	if (stream && fastsock_tls_active(sock)) {
		fastsock_tls_stream_attach(stream, sock);
	}
	if (stream && sock->role == FASTSOCK_CONNECTION) {
		fastsock_graceful_stop_opened();
	}
	return stream;
}

static bool kind_from_proto(const char *proto, size_t len, fastsock_kind *kind)
{
	static const char prefix[] = "fast+";

	if (len <= sizeof(prefix) - 1 || memcmp(proto, prefix, sizeof(prefix) - 1) != 0) {
		return false;
	}
	proto += sizeof(prefix) - 1;
	len -= sizeof(prefix) - 1;
	for (int k = FASTSOCK_TCP; k <= FASTSOCK_UDG; k++) {
		if (strlen(fastsock_kind_name(k)) == len && memcmp(fastsock_kind_name(k), proto, len) == 0) {
			*kind = k;
			return true;
		}
	}
	return false;
}

php_stream *fastsock_transport_factory(const char *proto, size_t protolen,
		const char *resourcename, size_t resourcenamelen,
		const char *persistent_id, int options, int flags,
		struct timeval *timeout,
		php_stream_context *context STREAMS_DC)
{
	fastsock_kind kind;
	fastsock_sock *sock;
	php_stream *stream;

	if (!kind_from_proto(proto, protolen, &kind)) {
		return NULL;
	}

	/* fastsock serves servers; a client of fast+tcp:// gets the stream the
	 * stock transport makes (ext/openssl's for tcp, so it has crypto). */
	if (!(flags & STREAM_XPORT_SERVER) || persistent_id) {
		const char *name = fastsock_kind_name(kind);

		return fastsock_stock_factory(kind)(name, strlen(name), resourcename, resourcenamelen,
			persistent_id, options, flags, timeout, context STREAMS_REL_CC);
	}

	sock = ecalloc(1, sizeof(*sock));
	sock->kind = kind;
	sock->role = FASTSOCK_UNBOUND;
	sock->net.socket = -1;
	sock->net.is_blocked = 1;
	sock->net.timeout.tv_sec = FG(default_socket_timeout);
	sock->net.timeout.tv_usec = 0;

	if (kind == FASTSOCK_TCP) {
		fastsock_tls_server_attach(sock, false, 0);
	}
	stream = fastsock_stream_alloc(sock STREAMS_REL_CC);
	if (!stream) {
		fastsock_tls_close(sock, false);
		efree(sock);
	}
	return stream;
}
