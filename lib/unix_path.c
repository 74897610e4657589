#include "unix_path.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

/* Is a socket bound to path? A datagram connect() answers without
 * reaching a stream server's accept queue: ECONNREFUSED when nobody is
 * bound there, EPROTOTYPE (or success, for a udg server) when somebody is.
 * Returns 1 when nobody is, 0 when somebody is, -1 when it cannot tell. */
static int nobody_bound(const char *path)
{
	struct sockaddr_un addr;
	int fd, rc, err;

	if (strlen(path) >= sizeof(addr.sun_path)) {
		return 0;
	}
	memset(&addr, 0, sizeof(addr));
	addr.sun_family = AF_UNIX;
	strcpy(addr.sun_path, path);

	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		return -1;
	}
	rc = connect(fd, (struct sockaddr *) &addr, sizeof(addr));
	err = errno;
	if (close(fd) != 0) {
		return -1;
	}
	return rc != 0 && err == ECONNREFUSED;
}

int fastsock_unix_bind(int fd, const struct sockaddr_un *addr, socklen_t addrlen, long mode)
{
	mode_t saved;
	int rc, err;

	if (mode < 0 || addr->sun_path[0] == '\0') {
		return bind(fd, (const struct sockaddr *) addr, addrlen);
	}
	/* Linux creates the file with 0777 & ~umask: exactly mode. */
	saved = umask(~(mode_t) mode & 0777);
	rc = bind(fd, (const struct sockaddr *) addr, addrlen);
	err = errno;
	umask(saved);
	errno = err;
	return rc;
}

int fastsock_unix_remove_stale(const char *path)
{
	struct stat st;
	int stale;

	if (path[0] == '\0' || lstat(path, &st) != 0) {
		return 0;
	}
	/* Another user's socket file is theirs: a root server leaves it, and
	 * bind() fails as in stock. */
	if (!S_ISSOCK(st.st_mode) || st.st_uid != geteuid()) {
		return 0;
	}
	stale = nobody_bound(path);
	if (stale <= 0) {
		return stale;
	}
	if (unlink(path) != 0) {
		return errno == ENOENT ? 0 : -1;
	}
	return 1;
}
