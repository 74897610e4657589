/*
 * Unit test of transports/unix_path.c: a socket file is created with the
 * requested mode whatever the umask, and the umask is restored; a stale
 * socket file of ours is removed; a live server's file, another user's
 * stale socket file, a regular file and a missing one are left alone.
 */
#include "unix_path.h"
#include "check.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

static int bound_socket(const char *path, int type, int do_listen)
{
	struct sockaddr_un addr = {.sun_family = AF_UNIX};
	int fd = socket(AF_UNIX, type, 0);

	strncpy(addr.sun_path, path, sizeof(addr.sun_path) - 1);
	if (fd < 0 || bind(fd, (struct sockaddr *) &addr, sizeof(addr)) != 0
			|| (do_listen && listen(fd, 4) != 0)) {
		perror("bound_socket");
		exit(2);
	}
	return fd;
}

/* fastsock_unix_bind() on a new stream socket at path; returns the fd, or
 * -1 with errno when bind() failed. */
static int bind_with_mode(const char *path, long mode)
{
	struct sockaddr_un addr = {.sun_family = AF_UNIX};
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);

	strncpy(addr.sun_path, path, sizeof(addr.sun_path) - 1);
	if (fd < 0) {
		perror("socket");
		exit(2);
	}
	if (fastsock_unix_bind(fd, &addr, sizeof(addr), mode) != 0) {
		int err = errno;

		close(fd);
		errno = err;
		return -1;
	}
	return fd;
}

static mode_t current_umask(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return mask;
}

static mode_t file_mode(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0 ? st.st_mode & 07777 : (mode_t) -1;
}

static int accept_pending(int listener)
{
	int fd;

	if (fcntl(listener, F_SETFL, O_NONBLOCK) != 0) {
		perror("fcntl");
		exit(2);
	}
	fd = accept4(listener, NULL, NULL, 0);

	if (fd >= 0) {
		close(fd);
		return 1;
	}
	return 0;
}

int main(void)
{
	char dir[] = "/tmp/fastsock-unit-XXXXXX";
	char path[128];
	struct stat st;
	int fd;

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 2;
	}
	snprintf(path, sizeof(path), "%s/s.sock", dir);

	/* The mode is the file's from bind() on, whatever the umask, and the
	 * umask is the caller's again afterwards. */
	umask(0077);
	fd = bind_with_mode(path, 0666);
	CHECK(fd >= 0);
	CHECK(file_mode(path) == 0666);
	CHECK(current_umask() == 0077);
	close(fd);
	unlink(path);

	umask(0);
	fd = bind_with_mode(path, 0640);
	CHECK(fd >= 0);
	CHECK(file_mode(path) == 0640);
	CHECK(current_umask() == 0);
	close(fd);
	unlink(path);

	umask(0022);
	fd = bind_with_mode(path, 0);
	CHECK(fd >= 0);
	CHECK(file_mode(path) == 0);
	CHECK(current_umask() == 0022);

	/* A failed bind() keeps its errno and restores the umask too. */
	CHECK(bind_with_mode(path, 0600) == -1 && errno == EADDRINUSE);
	CHECK(current_umask() == 0022);
	close(fd);
	unlink(path);

	/* Without a mode the umask decides, as in stock. */
	fd = bind_with_mode(path, -1);
	CHECK(fd >= 0);
	CHECK(file_mode(path) == 0755);
	CHECK(current_umask() == 0022);
	close(fd);
	unlink(path);

	CHECK(fastsock_unix_remove_stale(path) == 0);

	/* A live stream server: untouched, and no connection reached it. */
	fd = bound_socket(path, SOCK_STREAM, 1);
	CHECK(fastsock_unix_remove_stale(path) == 0);
	CHECK(stat(path, &st) == 0);
	CHECK(!accept_pending(fd));
	close(fd);

	/* Its owner gone, the file is stale. */
	CHECK(fastsock_unix_remove_stale(path) == 1);
	CHECK(stat(path, &st) != 0);

	/* A live datagram server, then stale. */
	fd = bound_socket(path, SOCK_DGRAM, 0);
	CHECK(fastsock_unix_remove_stale(path) == 0);
	close(fd);
	CHECK(fastsock_unix_remove_stale(path) == 1);

	/* A bound stream socket that does not listen is still somebody's. */
	fd = bound_socket(path, SOCK_STREAM, 0);
	CHECK(fastsock_unix_remove_stale(path) == 0);
	close(fd);
	CHECK(fastsock_unix_remove_stale(path) == 1);

	/* Another user's stale socket file is theirs: left alone even by root
	 * (who alone can make one here). Once it is ours, it is replaced. */
	if (geteuid() == 0) {
		fd = bound_socket(path, SOCK_STREAM, 1);
		close(fd);
		CHECK(chown(path, 65534, 65534) == 0);
		CHECK(fastsock_unix_remove_stale(path) == 0);
		CHECK(lstat(path, &st) == 0 && S_ISSOCK(st.st_mode) && st.st_uid == 65534);
		CHECK(chown(path, 0, 0) == 0);
		CHECK(fastsock_unix_remove_stale(path) == 1);
		CHECK(lstat(path, &st) != 0);
	} else {
		printf("not root: another user's stale socket not tested\n");
	}

	/* A regular file is never removed. */
	fd = open(path, O_CREAT | O_WRONLY, 0600);
	CHECK(fd >= 0);
	close(fd);
	CHECK(fastsock_unix_remove_stale(path) == 0);
	CHECK(stat(path, &st) == 0 && S_ISREG(st.st_mode));
	unlink(path);

	/* The abstract namespace has no file. */
	CHECK(fastsock_unix_remove_stale("") == 0);

	rmdir(dir);
	return check_report();
}
