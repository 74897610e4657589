/* Helpers shared by the load generator and the C reference servers. */
#ifndef BENCH_NET_H
#define BENCH_NET_H

#include <stddef.h>
#include <sys/socket.h>

/* Where to connect or listen, parsed from "tcp://host:port",
 * "ssl://host:port" (TCP, with tls set), "udp://host:port", "unix:///path"
 * or a bare "/path" (unix). */
struct endpoint {
	int family;
	int socktype;
	int tls;
	struct sockaddr_storage addr;
	socklen_t len;
};

void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void die_errno(const char *what) __attribute__((noreturn));

void endpoint_parse(const char *url, struct endpoint *ep);
int set_nodelay(int fd);
void raise_nofile(void);
double now_s(void);

#endif
