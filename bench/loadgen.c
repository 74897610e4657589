/* loadgen: load generator for fastsock's benchmark. See README.md. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "loadgen/loadgen.h"

static void usage(void)
{
	fputs("usage: loadgen MODE ADDRESS [options]\n"
	      "  connect  -n conns -c concurrency      each connects and reads until EOF\n"
	      "  echo     -c conns -s bytes -d seconds  request/echo on persistent connections\n"
	      "           -W seconds: warm-up, connect and echo once unmeasured (default 5)\n"
	      "           -p pid: count that server's CPU time in the measured window\n"
	      "           -a conns: only that many echo in the measured window; the rest\n"
	      "           stay connected and silent after their warm-up echo (default: all)\n"
	      "  bulk     -b bytes[K|M|G]               stream bytes into one connection\n"
	      "  udp      -n datagrams -w window -s bytes\n"
	      "  -t seconds: hard deadline for the whole run (default 30)\n"
	      "ADDRESS: tcp://host:port, udp://host:port, unix:///path or /path;\n"
	      "         ssl://host:port for echo over TLS\n",
	      stderr);
	exit(2);
}

static double parse_num(const char *s, const char *flag)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || v < 0)
		die("%s: not a non-negative number: '%s'", flag, s);
	switch (*end) {
	case 'K': v *= 1024; end++; break;
	case 'M': v *= 1024 * 1024; end++; break;
	case 'G': v *= 1024.0 * 1024 * 1024; end++; break;
	}
	if (*end)
		die("%s: trailing characters in '%s'", flag, s);
	return v;
}

static long parse_count(const char *s, const char *flag)
{
	double v = parse_num(s, flag);

	if (v < 1 || v > 1e9)
		die("%s: must be 1..1e9: '%s'", flag, s);
	return (long)v;
}

void note_error(unsigned long *errors, const char *what, int err)
{
	if (++*errors > 3)
		return;
	if (err)
		fprintf(stderr, "loadgen: %s: %s\n", what, strerror(err));
	else
		fprintf(stderr, "loadgen: %s\n", what);
	if (*errors == 3)
		fputs("loadgen: (further errors only counted)\n", stderr);
}

void print_latency(const struct hist *h)
{
	printf(" p50_ms=%.3f p99_ms=%.3f max_ms=%.3f",
	       hist_quantile(h, 0.50) * 1e3, hist_quantile(h, 0.99) * 1e3, h->max_s * 1e3);
}

int main(int argc, char **argv)
{
	struct opts o = {
		.count = 1000, .concurrency = 10, .msg_size = 64, .window = 32,
		.bytes = 64ull << 20, .duration = 2, .warmup = 5, .deadline = 30,
	};
	const char *mode;
	int c;

	if (argc < 3)
		usage();
	mode = argv[1];
	endpoint_parse(argv[2], &o.ep);
	optind = 3;
	while ((c = getopt(argc, argv, "n:c:s:w:b:d:W:t:p:a:")) != -1) {
		switch (c) {
		case 'n': o.count = parse_count(optarg, "-n"); break;
		case 'c': o.concurrency = parse_count(optarg, "-c"); break;
		case 's': o.msg_size = parse_count(optarg, "-s"); break;
		case 'w': o.window = parse_count(optarg, "-w"); break;
		case 'b': o.bytes = (unsigned long long)parse_num(optarg, "-b"); break;
		case 'd': o.duration = parse_num(optarg, "-d"); break;
		case 'W': o.warmup = parse_num(optarg, "-W"); break;
		case 't': o.deadline = parse_num(optarg, "-t"); break;
		case 'p': o.server_pid = parse_count(optarg, "-p"); break;
		case 'a': o.active = parse_count(optarg, "-a"); break;
		default: usage();
		}
	}
	if (optind != argc)
		usage();
	if (o.ep.tls && strcmp(mode, "echo") != 0)
		die("mode '%s' has no TLS: ssl:// is for echo", mode);
	raise_nofile();
	/* Output goes to a pipe; line-buffer it so a killed run still shows
	 * what it printed. */
	setvbuf(stdout, NULL, _IOLBF, 0);

	if (strcmp(mode, "connect") == 0 && o.ep.socktype == SOCK_STREAM)
		return run_connect(&o);
	if (strcmp(mode, "echo") == 0 && o.ep.socktype == SOCK_STREAM)
		return run_echo(&o);
	if (strcmp(mode, "bulk") == 0 && o.ep.socktype == SOCK_STREAM)
		return run_bulk(&o);
	if (strcmp(mode, "udp") == 0 && o.ep.socktype == SOCK_DGRAM)
		return run_udp(&o);
	die("mode '%s' does not exist or does not fit address '%s'", mode, argv[2]);
}
