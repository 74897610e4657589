/*
 * The sockets passed by socket activation, each adopted at most once per
 * process by a server bound to its address. A process forked after
 * startup keeps its own copy of the table, so the children of a forking
 * server can each adopt the socket, and share it as they share one they
 * inherit from a server made before the fork.
 */
#include "php.h"
#include "php_network.h"

#include <fcntl.h>
#include <sys/stat.h>

#include "activation.h"
#include "listen_fds.h"

typedef struct inherited_socket {
	int fd;
	char *name;    /* from LISTEN_FDNAMES; NULL when it gives none */
	bool adopted;
} inherited_socket;

static inherited_socket *inherited;
static int inherited_count;
static int pending;
static bool notified;

/* Only sockets: a descriptor the parent passed that is not one is left
 * alone, as is every descriptor when the variables are not ours. */
static bool is_socket(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode);
}

static bool set_cloexec(int fd)
{
	int flags = fcntl(fd, F_GETFD);

	return flags >= 0 && fcntl(fd, F_SETFD, flags | FD_CLOEXEC) == 0;
}

void fastsock_activation_startup(void)
{
	const char *names = getenv("LISTEN_FDNAMES");
	long max_fds = sysconf(_SC_OPEN_MAX);
	int count = fastsock_listen_fds_count(getenv("LISTEN_PID"), getenv("LISTEN_FDS"), (long) getpid(),
		max_fds > FASTSOCK_LISTEN_FDS_START && max_fds < INT_MAX ? (int) max_fds - FASTSOCK_LISTEN_FDS_START : 1024);

	if (count == 0) {
		return;
	}
	inherited = pecalloc(count, sizeof(*inherited), 1);
	for (int i = 0; i < count; i++) {
		int fd = FASTSOCK_LISTEN_FDS_START + i;
		const char *name;
		size_t len;

		if (!is_socket(fd)) {
			continue;
		}
		if (!set_cloexec(fd)) {
			php_error_docref(NULL, E_WARNING, "fastsock: socket activation: fcntl(%d, F_SETFD, FD_CLOEXEC): %s",
				fd, strerror(errno));
		}
		inherited[inherited_count].fd = fd;
		if (fastsock_listen_fds_name(names, i, &name, &len)) {
			inherited[inherited_count].name = pestrndup(name, len, 1);
		}
		inherited_count++;
	}
	pending = inherited_count;
}

void fastsock_activation_shutdown(void)
{
	for (int i = 0; i < inherited_count; i++) {
		if (inherited[i].name) {
			pefree(inherited[i].name, 1);
		}
	}
	if (inherited) {
		pefree(inherited, 1);
	}
	inherited = NULL;
	inherited_count = pending = 0;
}

bool fastsock_activation_pending(void)
{
	return pending > 0;
}

bool fastsock_activation_adopt(fastsock_sock *sock, const struct sockaddr *want, socklen_t wantlen)
{
	int type = fastsock_kind_is_stream(sock->kind) ? SOCK_STREAM : SOCK_DGRAM;

	for (int i = 0; i < inherited_count; i++) {
		inherited_socket *s = &inherited[i];

		if (s->adopted || !fastsock_listen_fd_fits(s->fd, type, want, wantlen)) {
			continue;
		}
		/* A socket made by socket() blocks; systemd passes its sockets
		 * non-blocking, and stream ops that believe they block would then
		 * see EAGAIN where stock waits. The flag is the open file's:
		 * processes that share the socket all get blocking mode. */
		if (php_set_sock_blocking(s->fd, 1) != SUCCESS) {
			php_error_docref(NULL, E_WARNING, "fastsock: socket activation: fcntl(%d, F_SETFL): %s",
				s->fd, strerror(errno));
			continue;
		}
		s->adopted = true;
		pending--;
		sock->net.socket = s->fd;
		sock->inherited = i + 1;
		return true;
	}
	return false;
}

void fastsock_activation_server_ready(void)
{
	const char *notify_socket;

	if (notified || pending > 0) {
		return;
	}
	notified = true;
	notify_socket = getenv("NOTIFY_SOCKET");
	if (notify_socket) {
		fastsock_notify(notify_socket, "READY=1");
	}
}

void fastsock_activation_describe(const fastsock_sock *sock, zval *out)
{
	static const struct { unsigned bit; const char *name; } settings[] = {
		{FASTSOCK_NOT_APPLIED_BACKLOG, "backlog"},
		{FASTSOCK_NOT_APPLIED_REUSEPORT, "reuseport"},
		{FASTSOCK_NOT_APPLIED_MODE, "mode"},
		{FASTSOCK_NOT_APPLIED_IPV6_V6ONLY, "ipv6_v6only"},
	};
	const inherited_socket *s;
	zval activated, not_applied;

	if (sock->role != FASTSOCK_SERVER || sock->inherited < 1 || sock->inherited > inherited_count) {
		add_assoc_null(out, "activated");
		return;
	}
	s = &inherited[sock->inherited - 1];
	array_init(&activated);
	add_assoc_long(&activated, "fd", s->fd);
	if (s->name) {
		add_assoc_string(&activated, "name", s->name);
	} else {
		add_assoc_null(&activated, "name");
	}
	array_init(&not_applied);
	for (size_t i = 0; i < sizeof(settings) / sizeof(settings[0]); i++) {
		if (sock->not_applied & settings[i].bit) {
			add_next_index_string(&not_applied, settings[i].name);
		}
	}
	add_assoc_zval(&activated, "not_applied", &not_applied);
	add_assoc_zval(out, "activated", &activated);
}
