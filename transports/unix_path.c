#include "unix_path.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

/* Would a client reach a server on path? Only "connection refused" says
 * for certain that nobody is there; anything else counts as alive. */
static int nobody_listens(const char *path, int socktype)
{
	struct sockaddr_un addr;
	int fd, rc, err;

	if (strlen(path) >= sizeof(addr.sun_path)) {
		return 0;
	}
	memset(&addr, 0, sizeof(addr));
	addr.sun_family = AF_UNIX;
	strcpy(addr.sun_path, path);

	/* Non-blocking, so that a live server with a full backlog answers
	 * EAGAIN at once instead of holding us up. */
	fd = socket(AF_UNIX, socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		return -1;
	}
	rc = connect(fd, (struct sockaddr *) &addr, sizeof(addr));
	err = errno;
	if (close(fd) != 0 && rc != 0) {
		errno = err;
	}
	return rc != 0 && err == ECONNREFUSED;
}

int fastsock_unix_remove_stale(const char *path, int socktype)
{
	struct stat st;
	int stale;

	if (path[0] == '\0' || lstat(path, &st) != 0) {
		return 0;
	}
	if (!S_ISSOCK(st.st_mode)) {
		return 0;
	}
	stale = nobody_listens(path, socktype);
	if (stale <= 0) {
		return stale;
	}
	if (unlink(path) != 0) {
		return errno == ENOENT ? 0 : -1;
	}
	return 1;
}
