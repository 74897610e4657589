#include "tls_policy.h"

#include <string.h>
#include <strings.h>

/* The method bits this build knows, lowest first: SSLv3 is compiled out of
 * Debian's OpenSSL, so stock's range starts at TLS1.0. */
static const struct {
	int bit;
	int version;
} known_versions[] = {
	{FASTSOCK_TLS_1_0, FASTSOCK_TLS_VERSION_1_0},
	{FASTSOCK_TLS_1_1, FASTSOCK_TLS_VERSION_1_1},
	{FASTSOCK_TLS_1_2, FASTSOCK_TLS_VERSION_1_2},
	{FASTSOCK_TLS_1_3, FASTSOCK_TLS_VERSION_1_3},
};

#define KNOWN_COUNT (sizeof(known_versions) / sizeof(known_versions[0]))

/* Index into known_versions of the lowest TLS bit set, or of TLS1.3 when
 * none is: stock's fallback. */
static size_t lowest_set(int method_flags)
{
	for (size_t i = 0; i < KNOWN_COUNT; i++) {
		if (method_flags & known_versions[i].bit) {
			return i;
		}
	}
	return KNOWN_COUNT - 1;
}

/* Index of the highest TLS bit set, or of TLS1.3 when none is. */
static size_t highest_set(int method_flags)
{
	for (size_t i = KNOWN_COUNT; i > 0; i--) {
		if (method_flags & known_versions[i - 1].bit) {
			return i - 1;
		}
	}
	return KNOWN_COUNT - 1;
}

int fastsock_tls_method_range(int method_flags, long min_version, long max_version)
{
	/* Stock hands the longs to int parameters, and only then tests for 0. */
	int min = (int) min_version;
	int max = (int) max_version;

	if (min == 0) {
		min = known_versions[lowest_set(method_flags)].bit;
	}
	if (max == 0) {
		max = known_versions[highest_set(method_flags)].bit;
	}
	for (size_t i = 0; i < KNOWN_COUNT; i++) {
		int bit = known_versions[i].bit;

		if (bit >= min && bit <= max) {
			method_flags |= bit;
		} else {
			method_flags &= ~bit;
		}
	}
	return method_flags;
}

int fastsock_tls_min_version(int method_flags)
{
	return known_versions[lowest_set(method_flags)].version;
}

int fastsock_tls_max_version(int method_flags)
{
	return known_versions[highest_set(method_flags)].version;
}

bool fastsock_tls_alpn_wire(const char *in, size_t len, unsigned char *out, size_t *out_len)
{
	size_t start = 0;

	len = strnlen(in, len);
	/* The length has to fit the unsigned short stock stores it in. */
	if (len >= 65535) {
		return false;
	}
	/* out[start] is the length byte of the element that begins at
	 * in[start]; each comma, and the end, closes one element. */
	for (size_t i = 0; i <= len; i++) {
		if (i < len && in[i] != ',') {
			out[i + 1] = (unsigned char) in[i];
			continue;
		}
		if (i - start > 255) {
			return false;
		}
		out[start] = (unsigned char) (i - start);
		start = i + 1;
	}
	*out_len = len + 1;
	return true;
}

bool fastsock_tls_name_matches(const char *subject, const char *certname)
{
	const char *star, *suffix;
	size_t prefix_len, suffix_len, subject_len;

	if (strcasecmp(subject, certname) == 0) {
		return true;
	}
	star = strchr(certname, '*');
	if (star == NULL) {
		return false;
	}
	prefix_len = (size_t) (star - certname);
	if (memchr(certname, '.', prefix_len) != NULL) {
		return false;
	}
	suffix = star + 1;
	suffix_len = strlen(suffix);
	subject_len = strlen(subject);
	if (prefix_len + suffix_len > subject_len) {
		return false;
	}
	if (strncasecmp(subject, certname, prefix_len) != 0
		|| strcasecmp(subject + subject_len - suffix_len, suffix) != 0) {
		return false;
	}
	/* What the star stands for stays inside one label. */
	return memchr(subject + prefix_len, '.', subject_len - suffix_len - prefix_len) == NULL;
}

void fastsock_tls_hex(const unsigned char *in, size_t len, char *out)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < len; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 0x0f];
	}
	out[2 * len] = '\0';
}
