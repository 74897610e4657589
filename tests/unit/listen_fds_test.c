/*
 * Unit test of lib/listen_fds.c: LISTEN_PID/LISTEN_FDS are read as
 * sd_listen_fds(3) reads them (another process's, malformed or missing
 * variables give 0), LISTEN_FDNAMES by index, and a passed socket fits a
 * server only with the same type, the same address and, for a stream
 * socket, when it listens; READY=1 reaches a NOTIFY_SOCKET.
 */
#include "listen_fds.h"
#include "check.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static void counts(void)
{
	CHECK(fastsock_listen_fds_count("42", "2", 42, 100) == 2);
	CHECK(fastsock_listen_fds_count("42", "2", 43, 100) == 0);   /* meant for another process */
	CHECK(fastsock_listen_fds_count(NULL, "2", 42, 100) == 0);
	CHECK(fastsock_listen_fds_count("42", NULL, 42, 100) == 0);
	CHECK(fastsock_listen_fds_count("42", "0", 42, 100) == 0);
	CHECK(fastsock_listen_fds_count("42", "-1", 42, 100) == 0);
	CHECK(fastsock_listen_fds_count("42", "2x", 42, 100) == 0);
	CHECK(fastsock_listen_fds_count("42", " 2", 42, 100) == 0);
	CHECK(fastsock_listen_fds_count("42x", "2", 42, 100) == 0);
	CHECK(fastsock_listen_fds_count("", "2", 42, 100) == 0);
	CHECK(fastsock_listen_fds_count("42", "99999999999999999999", 42, 100) == 0);
	CHECK(fastsock_listen_fds_count("42", "5000", 42, 100) == 100);   /* capped */
}

static bool name_is(const char *names, int index, const char *expected)
{
	const char *name;
	size_t len;

	if (!fastsock_listen_fds_name(names, index, &name, &len)) {
		return expected == NULL;
	}
	return expected && strlen(expected) == len && memcmp(name, expected, len) == 0;
}

static void names(void)
{
	CHECK(name_is("web:admin", 0, "web"));
	CHECK(name_is("web:admin", 1, "admin"));
	CHECK(name_is("web:admin", 2, NULL));
	CHECK(name_is("web::x", 1, ""));
	CHECK(name_is("web::x", 2, "x"));
	CHECK(name_is(NULL, 0, NULL));
	CHECK(name_is("", 0, ""));
	CHECK(name_is("web", -1, NULL));
}

static socklen_t in4(struct sockaddr_storage *ss, const char *ip, int port)
{
	struct sockaddr_in *a = (struct sockaddr_in *) ss;

	memset(ss, 0, sizeof(*ss));
	a->sin_family = AF_INET;
	a->sin_port = htons(port);
	inet_pton(AF_INET, ip, &a->sin_addr);
	return sizeof(*a);
}

static socklen_t in6(struct sockaddr_storage *ss, const char *ip, int port, unsigned scope)
{
	struct sockaddr_in6 *a = (struct sockaddr_in6 *) ss;

	memset(ss, 0, sizeof(*ss));
	a->sin6_family = AF_INET6;
	a->sin6_port = htons(port);
	a->sin6_scope_id = scope;
	inet_pton(AF_INET6, ip, &a->sin6_addr);
	return sizeof(*a);
}

static socklen_t un(struct sockaddr_storage *ss, const char *path, size_t len, bool with_nul)
{
	struct sockaddr_un *a = (struct sockaddr_un *) ss;

	memset(ss, 0, sizeof(*ss));
	a->sun_family = AF_UNIX;
	memcpy(a->sun_path, path, len);
	return (socklen_t) (offsetof(struct sockaddr_un, sun_path) + len + with_nul);
}

#define SA(x) ((struct sockaddr *) &(x))

static void addresses(void)
{
	struct sockaddr_storage a, b;
	socklen_t al, bl;

	al = in4(&a, "127.0.0.1", 8000);
	bl = in4(&b, "127.0.0.1", 8000);
	CHECK(fastsock_sockaddr_same(SA(a), al, SA(b), bl));
	bl = in4(&b, "127.0.0.1", 8001);
	CHECK(!fastsock_sockaddr_same(SA(a), al, SA(b), bl));
	bl = in4(&b, "0.0.0.0", 8000);
	CHECK(!fastsock_sockaddr_same(SA(a), al, SA(b), bl));   /* the wildcard is another address */
	bl = in6(&b, "::ffff:127.0.0.1", 8000, 0);
	CHECK(!fastsock_sockaddr_same(SA(a), al, SA(b), bl));   /* another family */
	al = in6(&a, "::", 8000, 0);
	bl = in6(&b, "::", 8000, 0);
	CHECK(fastsock_sockaddr_same(SA(a), al, SA(b), bl));
	bl = in6(&b, "::", 8000, 2);
	CHECK(!fastsock_sockaddr_same(SA(a), al, SA(b), bl));
	CHECK(!fastsock_sockaddr_same(SA(a), 1, SA(b), bl));

	al = un(&a, "/run/app.sock", 13, true);
	bl = un(&b, "/run/app.sock", 13, false);
	CHECK(fastsock_sockaddr_same(SA(a), al, SA(b), bl));    /* the NUL counted or not */
	bl = un(&b, "/run/app.soc", 12, true);
	CHECK(!fastsock_sockaddr_same(SA(a), al, SA(b), bl));
	al = un(&a, "\0app", 4, false);
	bl = un(&b, "\0app", 4, false);
	CHECK(fastsock_sockaddr_same(SA(a), al, SA(b), bl));
	bl = un(&b, "\0app\0", 5, false);
	CHECK(!fastsock_sockaddr_same(SA(a), al, SA(b), bl));   /* abstract names: every byte */
	bl = un(&b, "app", 3, true);
	CHECK(!fastsock_sockaddr_same(SA(a), al, SA(b), bl));
	al = un(&a, "", 0, false);
	CHECK(!fastsock_sockaddr_same(SA(a), al, SA(a), al));   /* unnamed */
}

static int bound(int family, int type, const struct sockaddr *addr, socklen_t len, bool do_listen)
{
	int fd = socket(family, type, 0);

	if (fd < 0 || bind(fd, addr, len) != 0 || (do_listen && listen(fd, 4) != 0)) {
		perror("bound");
		exit(2);
	}
	return fd;
}

static void descriptors(void)
{
	struct sockaddr_storage want, have;
	socklen_t wantlen, havelen = sizeof(have);
	char path[] = "/tmp/fastsock-listen-fds-XXXXXX";
	char sock_path[64];
	int tcp, idle, udp, unix_fd, port;

	wantlen = in4(&want, "127.0.0.1", 0);
	tcp = bound(AF_INET, SOCK_STREAM, SA(want), wantlen, true);
	getsockname(tcp, SA(have), &havelen);
	port = ntohs(((struct sockaddr_in *) &have)->sin_port);
	wantlen = in4(&want, "127.0.0.1", port);
	CHECK(fastsock_listen_fd_fits(tcp, SOCK_STREAM, SA(want), wantlen));
	CHECK(!fastsock_listen_fd_fits(tcp, SOCK_DGRAM, SA(want), wantlen));
	wantlen = in4(&want, "127.0.0.1", port == 65535 ? 1 : port + 1);
	CHECK(!fastsock_listen_fd_fits(tcp, SOCK_STREAM, SA(want), wantlen));

	wantlen = in4(&want, "127.0.0.1", 0);
	idle = bound(AF_INET, SOCK_STREAM, SA(want), wantlen, false);
	havelen = sizeof(have);
	getsockname(idle, SA(have), &havelen);
	CHECK(!fastsock_listen_fd_fits(idle, SOCK_STREAM, SA(have), havelen));   /* bound, not listening */

	udp = bound(AF_INET, SOCK_DGRAM, SA(want), wantlen, false);
	havelen = sizeof(have);
	getsockname(udp, SA(have), &havelen);
	CHECK(fastsock_listen_fd_fits(udp, SOCK_DGRAM, SA(have), havelen));
	CHECK(!fastsock_listen_fd_fits(udp, SOCK_STREAM, SA(have), havelen));

	if (!mkdtemp(path)) {
		perror("mkdtemp");
		exit(2);
	}
	snprintf(sock_path, sizeof(sock_path), "%s/s", path);
	wantlen = un(&want, sock_path, strlen(sock_path), true);
	unix_fd = bound(AF_UNIX, SOCK_STREAM, SA(want), wantlen, true);
	CHECK(fastsock_listen_fd_fits(unix_fd, SOCK_STREAM, SA(want), wantlen));
	wantlen = un(&want, sock_path, strlen(sock_path) - 1, true);
	CHECK(!fastsock_listen_fd_fits(unix_fd, SOCK_STREAM, SA(want), wantlen));

	CHECK(!fastsock_listen_fd_fits(999, SOCK_STREAM, SA(have), havelen));   /* not open */
	wantlen = un(&want, sock_path, strlen(sock_path), true);
	{
		int pipefd[2];

		if (pipe(pipefd) == 0) {
			CHECK(!fastsock_listen_fd_fits(pipefd[0], SOCK_STREAM, SA(want), wantlen));
			close(pipefd[0]);
			close(pipefd[1]);
		}
	}
	close(tcp);
	close(idle);
	close(udp);
	close(unix_fd);
	unlink(sock_path);
	rmdir(path);
}

static void resolving(void)
{
	struct sockaddr_storage out, expected;
	socklen_t len = 0, elen;

	CHECK(fastsock_listen_address("127.0.0.1", 8000, SOCK_STREAM, &out, &len));
	elen = in4(&expected, "127.0.0.1", 8000);
	CHECK(fastsock_sockaddr_same(SA(out), len, SA(expected), elen));
	CHECK(fastsock_listen_address("::1", 8000, SOCK_DGRAM, &out, &len));
	elen = in6(&expected, "::1", 8000, 0);
	CHECK(fastsock_sockaddr_same(SA(out), len, SA(expected), elen));
	CHECK(!fastsock_listen_address("127.0.0.1", 0, SOCK_STREAM, &out, &len));   /* any port */
	CHECK(!fastsock_listen_address("127.0.0.1", 65536, SOCK_STREAM, &out, &len));
	CHECK(!fastsock_listen_address("not an address.invalid", 8000, SOCK_STREAM, &out, &len));
}

static void notify(void)
{
	char dir[] = "/tmp/fastsock-notify-XXXXXX", path[64], got[32] = "";
	struct sockaddr_storage addr;
	socklen_t len;
	ssize_t n;
	int fd;

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		exit(2);
	}
	snprintf(path, sizeof(path), "%s/notify", dir);
	len = un(&addr, path, strlen(path), true);
	fd = bound(AF_UNIX, SOCK_DGRAM, SA(addr), len, false);
	CHECK(fastsock_notify(path, "READY=1"));
	n = recv(fd, got, sizeof(got) - 1, MSG_DONTWAIT);
	CHECK(n == 7 && strcmp(got, "READY=1") == 0);
	CHECK(!fastsock_notify("relative/notify", "READY=1"));
	CHECK(!fastsock_notify(NULL, "READY=1"));
	CHECK(!fastsock_notify("/", "READY=1"));
	close(fd);
	unlink(path);
	CHECK(!fastsock_notify(path, "READY=1"));   /* nobody bound there */
	rmdir(dir);
}

int main(void)
{
	counts();
	names();
	addresses();
	descriptors();
	resolving();
	notify();
	return check_report();
}
