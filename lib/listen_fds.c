#include "listen_fds.h"

#include <errno.h>
#include <limits.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/un.h>
#include <unistd.h>

/* A whole decimal number in 1..max; -1 otherwise. */
static long parse_positive(const char *text, long max)
{
	char *end;
	long value;

	if (!text || *text < '0' || *text > '9') {
		return -1;
	}
	errno = 0;
	value = strtol(text, &end, 10);
	if (errno != 0 || *end != '\0' || value < 1 || value > max) {
		return -1;
	}
	return value;
}

int fastsock_listen_fds_count(const char *listen_pid, const char *listen_fds, long self, int max)
{
	long pid = parse_positive(listen_pid, LONG_MAX);
	long count;

	if (pid != self) {
		return 0;
	}
	count = parse_positive(listen_fds, INT_MAX - FASTSOCK_LISTEN_FDS_START);
	if (count < 1) {
		return 0;
	}
	return count > max ? max : (int) count;
}

bool fastsock_listen_fds_name(const char *names, int index, const char **name, size_t *len)
{
	const char *end;

	if (!names || index < 0) {
		return false;
	}
	for (; index > 0; index--) {
		names = strchr(names, ':');
		if (!names) {
			return false;
		}
		names++;
	}
	end = strchr(names, ':');
	*name = names;
	*len = end ? (size_t) (end - names) : strlen(names);
	return true;
}

bool fastsock_sockaddr_same(const struct sockaddr *a, socklen_t alen, const struct sockaddr *b, socklen_t blen)
{
	if (alen < sizeof(sa_family_t) || blen < sizeof(sa_family_t) || a->sa_family != b->sa_family) {
		return false;
	}
	switch (a->sa_family) {
		case AF_INET: {
			const struct sockaddr_in *x = (const void *) a, *y = (const void *) b;

			return alen >= sizeof(*x) && blen >= sizeof(*y) && x->sin_port == y->sin_port
				&& x->sin_addr.s_addr == y->sin_addr.s_addr;
		}
		case AF_INET6: {
			const struct sockaddr_in6 *x = (const void *) a, *y = (const void *) b;

			return alen >= sizeof(*x) && blen >= sizeof(*y) && x->sin6_port == y->sin6_port
				&& x->sin6_scope_id == y->sin6_scope_id
				&& memcmp(&x->sin6_addr, &y->sin6_addr, sizeof(x->sin6_addr)) == 0;
		}
		case AF_UNIX: {
			size_t offset = offsetof(struct sockaddr_un, sun_path);
			const char *x = ((const struct sockaddr_un *) a)->sun_path;
			const char *y = ((const struct sockaddr_un *) b)->sun_path;
			size_t xlen = alen - offset, ylen = blen - offset;

			if (alen <= offset || blen <= offset) {
				return false;   /* unnamed sockets are nobody's address */
			}
			/* A path's length may or may not count its NUL; an abstract
			 * name's bytes are all significant. */
			if (x[0] != '\0') {
				xlen = strnlen(x, xlen);
			}
			if (y[0] != '\0') {
				ylen = strnlen(y, ylen);
			}
			return xlen == ylen && memcmp(x, y, xlen) == 0;
		}
		default:
			return false;
	}
}

static bool int_option(int fd, int option, int *value)
{
	socklen_t len = sizeof(*value);

	return getsockopt(fd, SOL_SOCKET, option, value, &len) == 0 && len == sizeof(*value);
}

bool fastsock_listen_fd_fits(int fd, int type, const struct sockaddr *want, socklen_t wantlen)
{
	struct sockaddr_storage have;
	socklen_t havelen = sizeof(have);
	int have_type, listening;

	if (!int_option(fd, SO_TYPE, &have_type) || have_type != type) {
		return false;
	}
	if (type == SOCK_STREAM && (!int_option(fd, SO_ACCEPTCONN, &listening) || !listening)) {
		return false;
	}
	if (getsockname(fd, (struct sockaddr *) &have, &havelen) != 0 || havelen > sizeof(have)) {
		return false;
	}
	return fastsock_sockaddr_same((struct sockaddr *) &have, havelen, want, wantlen);
}

bool fastsock_listen_address(const char *host, int port, int type, struct sockaddr_storage *out, socklen_t *outlen)
{
	struct addrinfo hints, *res;
	bool found = false;

	if (port < 1 || port > 65535) {
		return false;   /* port 0 is "any": never an inherited socket's */
	}
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = type;
	if (getaddrinfo(host, NULL, &hints, &res) != 0) {
		return false;
	}
	if (res && res->ai_addrlen <= sizeof(*out)
			&& (res->ai_family == AF_INET || res->ai_family == AF_INET6)) {
		memcpy(out, res->ai_addr, res->ai_addrlen);
		*outlen = res->ai_addrlen;
		if (res->ai_family == AF_INET) {
			((struct sockaddr_in *) out)->sin_port = htons((unsigned short) port);
		} else {
			((struct sockaddr_in6 *) out)->sin6_port = htons((unsigned short) port);
		}
		found = true;
	}
	freeaddrinfo(res);
	return found;
}

bool fastsock_notify(const char *notify_socket, const char *message)
{
	struct sockaddr_un addr;
	size_t len = notify_socket ? strlen(notify_socket) : 0;
	ssize_t sent;
	int fd;

	if (len < 2 || len >= sizeof(addr.sun_path) || (notify_socket[0] != '/' && notify_socket[0] != '@')) {
		return false;
	}
	memset(&addr, 0, sizeof(addr));
	addr.sun_family = AF_UNIX;
	memcpy(addr.sun_path, notify_socket, len);
	if (addr.sun_path[0] == '@') {
		addr.sun_path[0] = '\0';
	}
	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		return false;
	}
	sent = sendto(fd, message, strlen(message), MSG_NOSIGNAL, (struct sockaddr *) &addr,
		(socklen_t) (offsetof(struct sockaddr_un, sun_path) + len));
	close(fd);
	return sent == (ssize_t) strlen(message);
}
