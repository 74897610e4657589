#define _GNU_SOURCE
#include "net.h"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/un.h>
#include <time.h>

void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

void die_errno(const char *what)
{
	die("%s: %s", what, strerror(errno));
}

static void parse_unix(const char *path, struct endpoint *ep)
{
	struct sockaddr_un *sun = (struct sockaddr_un *)&ep->addr;
	size_t n = strlen(path);

	if (n == 0 || n >= sizeof(sun->sun_path))
		die("unix socket path must be 1..%zu bytes: '%s'", sizeof(sun->sun_path) - 1, path);
	sun->sun_family = AF_UNIX;
	memcpy(sun->sun_path, path, n + 1);
	ep->family = AF_UNIX;
	ep->socktype = SOCK_STREAM;
	ep->len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + 1);
}

/* "host:port" or "[v6host]:port"; numeric only, this is loopback benchmarking. */
static void parse_inet(const char *hostport, int socktype, struct endpoint *ep)
{
	const char *host = hostport, *colon;
	size_t hostlen;
	struct addrinfo hints = {0}, *res;
	char *h;
	int rc;

	if (*hostport == '[') {
		const char *end = strchr(hostport, ']');
		if (!end || end[1] != ':')
			die("bad address '%s': expected [v6addr]:port", hostport);
		host = hostport + 1;
		hostlen = (size_t)(end - host);
		colon = end + 1;
	} else {
		colon = strrchr(hostport, ':');
		if (!colon)
			die("bad address '%s': expected host:port", hostport);
		hostlen = (size_t)(colon - host);
	}
	h = strndup(host, hostlen);
	if (!h)
		die_errno("strndup");
	hints.ai_socktype = socktype;
	hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
	rc = getaddrinfo(h, colon + 1, &hints, &res);
	if (rc != 0)
		die("getaddrinfo '%s': %s", hostport, gai_strerror(rc));
	memcpy(&ep->addr, res->ai_addr, res->ai_addrlen);
	ep->len = res->ai_addrlen;
	ep->family = res->ai_family;
	ep->socktype = socktype;
	freeaddrinfo(res);
	free(h);
}

void endpoint_parse(const char *url, struct endpoint *ep)
{
	memset(ep, 0, sizeof(*ep));
	if (strncmp(url, "unix://", 7) == 0)
		parse_unix(url + 7, ep);
	else if (url[0] == '/')
		parse_unix(url, ep);
	else if (strncmp(url, "tcp://", 6) == 0)
		parse_inet(url + 6, SOCK_STREAM, ep);
	else if (strncmp(url, "ssl://", 6) == 0) {
		parse_inet(url + 6, SOCK_STREAM, ep);
		ep->tls = 1;
	}
	else if (strncmp(url, "udp://", 6) == 0)
		parse_inet(url + 6, SOCK_DGRAM, ep);
	else
		die("bad address '%s': expected tcp://, ssl://, udp://, unix:// or /path", url);
}

int set_nodelay(int fd)
{
	int one = 1;

	return setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
}

/* Thousands of connections need thousands of descriptors; the soft limit
 * is often 1024 while the hard limit allows more. */
void raise_nofile(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		die_errno("getrlimit RLIMIT_NOFILE");
	if (rl.rlim_cur == rl.rlim_max)
		return;
	rl.rlim_cur = rl.rlim_max;
	if (setrlimit(RLIMIT_NOFILE, &rl) != 0)
		fprintf(stderr, "setrlimit RLIMIT_NOFILE %llu: %s\n",
			(unsigned long long)rl.rlim_max, strerror(errno));
}

double now_s(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		die_errno("clock_gettime");
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
