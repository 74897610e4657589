/* The load generator's modes and what they share. */
#ifndef BENCH_LOADGEN_H
#define BENCH_LOADGEN_H

#include "../lib/net.h"
#include "hist.h"

struct opts {
	struct endpoint ep;
	long count;              /* -n: connections (connect) or datagrams (udp) */
	long concurrency;        /* -c: connections (echo), in flight (connect) */
	long active;             /* -a: of those, how many echo in the measured window (echo; 0: all) */
	long msg_size;           /* -s: bytes per message (echo, udp) */
	long window;             /* -w: datagrams in flight (udp) */
	unsigned long long bytes; /* -b: bytes to stream (bulk) */
	double duration;         /* -d: seconds of load (echo) */
	double warmup;           /* -W: seconds to connect and echo once (echo) */
	double deadline;         /* -t: hard limit on the whole run, seconds */
	long server_pid;         /* -p: the server, whose CPU time echo counts; 0: none */
};

/* Each returns the exit status: 0 if every operation succeeded, 1 if some
 * failed (the RESULT line says how many). */
int run_connect(const struct opts *o);
int run_echo(const struct opts *o);
int run_bulk(const struct opts *o);
int run_udp(const struct opts *o);

/* Counts an error and describes the first few on stderr, so a failing run
 * says why without flooding the log. */
void note_error(unsigned long *errors, const char *what, int err);

void print_latency(const struct hist *h);

/* User + system CPU time of process pid and its reaped children so far, in
 * clock ticks (sysconf(_SC_CLK_TCK)); -1 if it cannot be read (gone). */
long proc_cpu_ticks(long pid);

#endif
