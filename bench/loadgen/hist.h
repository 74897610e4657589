/* Latency histogram: constant memory however many samples, ~0.2% precision. */
#ifndef BENCH_HIST_H
#define BENCH_HIST_H

#include <stdint.h>

struct hist {
	uint64_t *counts;
	uint64_t total;
	double max_s;
};

void hist_init(struct hist *h);
void hist_add(struct hist *h, double seconds);
/* Value at quantile q (0..1], in seconds; 0 when empty. */
double hist_quantile(const struct hist *h, double q);
void hist_free(struct hist *h);

#endif
