/* Reference for udp_echo.php: send every datagram back to its sender. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "ref.h"

static void echo_all(int fd)
{
	char data[65536];
	struct sockaddr_storage peer;

	for (;;) {
		socklen_t plen = sizeof(peer);
		ssize_t n = recvfrom(fd, data, sizeof(data), 0, (struct sockaddr *)&peer, &plen);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return;
		if (n < 0) {
			/* ICMP errors for earlier replies land here; UDP goes on. */
			fprintf(stderr, "recvfrom: %s\n", strerror(errno));
			continue;
		}
		/* A full send buffer drops the reply, as UDP may. */
		if (sendto(fd, data, (size_t)n, 0, (struct sockaddr *)&peer, plen) < 0 && errno != EAGAIN)
			fprintf(stderr, "sendto: %s\n", strerror(errno));
	}
}

int main(int argc, char **argv)
{
	struct ref_server s;
	struct epoll_event evs[1];

	ref_start(&s, argc, argv);
	for (;;) {
		ref_wait(&s, evs, 1);
		echo_all(s.listen_fd);
	}
}
