#include "hist.h"

#include <stdlib.h>

#include "../lib/net.h"

/* Values are nanoseconds. Below 2^(SUB_BITS+1) each value has its own
 * bucket; above, each power of two is split into 2^SUB_BITS buckets. */
#define SUB_BITS 9
#define SUB (1u << SUB_BITS)
#define MAX_MSB 62
#define NBUCKETS (2 * SUB + (MAX_MSB - SUB_BITS) * SUB)

static size_t bucket_of(uint64_t v)
{
	int msb, shift;

	if (v < 2 * SUB)
		return (size_t)v;
	msb = 63 - __builtin_clzll(v);
	if (msb > MAX_MSB)
		msb = MAX_MSB;
	shift = msb - SUB_BITS;
	return 2 * SUB + (size_t)(shift - 1) * SUB + (size_t)((v >> shift) - SUB);
}

/* Midpoint of a bucket, so a quantile is off by at most half a bucket. */
static uint64_t value_of(size_t b)
{
	int shift;
	uint64_t m;

	if (b < 2 * SUB)
		return b;
	shift = (int)((b - 2 * SUB) / SUB) + 1;
	m = (b - 2 * SUB) % SUB + SUB;
	return (m << shift) + ((uint64_t)1 << shift) / 2;
}

void hist_init(struct hist *h)
{
	h->counts = calloc(NBUCKETS, sizeof(*h->counts));
	if (!h->counts)
		die_errno("calloc histogram");
	h->total = 0;
	h->max_s = 0;
}

void hist_add(struct hist *h, double seconds)
{
	if (seconds < 0)
		seconds = 0;
	h->counts[bucket_of((uint64_t)(seconds * 1e9))]++;
	h->total++;
	if (seconds > h->max_s)
		h->max_s = seconds;
}

double hist_quantile(const struct hist *h, double q)
{
	uint64_t rank, seen = 0;
	size_t b;

	if (h->total == 0)
		return 0;
	rank = (uint64_t)(q * (double)h->total + 0.999999);
	if (rank < 1)
		rank = 1;
	for (b = 0; b < NBUCKETS; b++) {
		seen += h->counts[b];
		if (seen >= rank) {
			double v = (double)value_of(b) / 1e9;
			return v < h->max_s ? v : h->max_s;
		}
	}
	return h->max_s;
}

void hist_free(struct hist *h)
{
	free(h->counts);
	h->counts = NULL;
}
