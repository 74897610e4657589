/*
 * Unit test of lib/tls_policy.c: stock's version range, ALPN wire format,
 * wildcard host names and hex, each rule as xp_ssl.c applies it; prints
 * "N passed, N failed".
 */
#include "tls_policy.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>

#define TLS_ANY (FASTSOCK_TLS_1_0 | FASTSOCK_TLS_1_1 | FASTSOCK_TLS_1_2 | FASTSOCK_TLS_1_3)
#define SSLV2 (1 << 1)
#define SSLV3 (1 << 2)

static void test_method_range(void)
{
	/* Unset min and max: the holes between the lowest and highest bit fill. */
	CHECK(fastsock_tls_method_range(TLS_ANY, 0, 0) == TLS_ANY);
	CHECK(fastsock_tls_method_range(FASTSOCK_TLS_1_0 | FASTSOCK_TLS_1_3, 0, 0) == TLS_ANY);
	CHECK(fastsock_tls_method_range(FASTSOCK_TLS_1_1 | FASTSOCK_TLS_1_2, 0, 0)
		== (FASTSOCK_TLS_1_1 | FASTSOCK_TLS_1_2));
	CHECK(fastsock_tls_method_range(FASTSOCK_TLS_1_2, 0, 0) == FASTSOCK_TLS_1_2);
	/* No TLS bit at all: both ends fall back to TLS1.3. */
	CHECK(fastsock_tls_method_range(0, 0, 0) == FASTSOCK_TLS_1_3);

	/* min and max as scripts pass them (STREAM_CRYPTO_METHOD_TLSv1_x_SERVER). */
	CHECK(fastsock_tls_method_range(TLS_ANY, FASTSOCK_TLS_1_2, 0)
		== (FASTSOCK_TLS_1_2 | FASTSOCK_TLS_1_3));
	CHECK(fastsock_tls_method_range(TLS_ANY, 0, FASTSOCK_TLS_1_1)
		== (FASTSOCK_TLS_1_0 | FASTSOCK_TLS_1_1));
	CHECK(fastsock_tls_method_range(TLS_ANY, FASTSOCK_TLS_1_1, FASTSOCK_TLS_1_2)
		== (FASTSOCK_TLS_1_1 | FASTSOCK_TLS_1_2));
	/* A range wider than the method: the method grows to it. */
	CHECK(fastsock_tls_method_range(FASTSOCK_TLS_1_2, FASTSOCK_TLS_1_0, FASTSOCK_TLS_1_3) == TLS_ANY);
	/* Only min set: max is the method's highest bit. */
	CHECK(fastsock_tls_method_range(FASTSOCK_TLS_1_2, FASTSOCK_TLS_1_0, 0)
		== (FASTSOCK_TLS_1_0 | FASTSOCK_TLS_1_1 | FASTSOCK_TLS_1_2));
	/* min above max: every TLS bit cleared. */
	CHECK(fastsock_tls_method_range(TLS_ANY, FASTSOCK_TLS_1_3, FASTSOCK_TLS_1_0) == 0);
	/* Unset max below a given min: the method's highest bit is lower. */
	CHECK(fastsock_tls_method_range(FASTSOCK_TLS_1_0, FASTSOCK_TLS_1_2, 0) == 0);

	/* Compared as numbers: a *_CLIENT min (bit0 set) is above its own bit. */
	CHECK(fastsock_tls_method_range(TLS_ANY, FASTSOCK_TLS_1_2 | FASTSOCK_TLS_IS_CLIENT, 0)
		== FASTSOCK_TLS_1_3);
	CHECK(fastsock_tls_method_range(TLS_ANY, 0, FASTSOCK_TLS_1_2 | FASTSOCK_TLS_IS_CLIENT)
		== (FASTSOCK_TLS_1_0 | FASTSOCK_TLS_1_1 | FASTSOCK_TLS_1_2));
	/* Values outside the known bits. */
	CHECK(fastsock_tls_method_range(FASTSOCK_TLS_1_2, SSLV2, 0)
		== (FASTSOCK_TLS_1_0 | FASTSOCK_TLS_1_1 | FASTSOCK_TLS_1_2));
	CHECK(fastsock_tls_method_range(FASTSOCK_TLS_1_2, 0, 1000)
		== (FASTSOCK_TLS_1_2 | FASTSOCK_TLS_1_3));
	CHECK(fastsock_tls_method_range(TLS_ANY, 128, 0) == 0);
	CHECK(fastsock_tls_method_range(TLS_ANY, TLS_ANY, 0) == 0);
	CHECK(fastsock_tls_method_range(FASTSOCK_TLS_1_3, -1, 0) == TLS_ANY);
	CHECK(fastsock_tls_method_range(TLS_ANY, 0, -1) == 0);
	/* Bits outside TLS1.0..1.3 pass through untouched, set or not. */
	CHECK(fastsock_tls_method_range(FASTSOCK_TLS_IS_CLIENT | SSLV2 | SSLV3 | FASTSOCK_TLS_1_2, 0, 0)
		== (FASTSOCK_TLS_IS_CLIENT | SSLV2 | SSLV3 | FASTSOCK_TLS_1_2));
	CHECK(fastsock_tls_method_range((1 << 7) | FASTSOCK_TLS_1_1, FASTSOCK_TLS_1_2, FASTSOCK_TLS_1_2)
		== ((1 << 7) | FASTSOCK_TLS_1_2));
	/* Only the low 32 bits of a long count, as in stock's int parameters. */
	if (sizeof(long) > 4) {
		long high = (long) 1 << 32;

		CHECK(fastsock_tls_method_range(FASTSOCK_TLS_1_2, high, 0) == FASTSOCK_TLS_1_2);
		CHECK(fastsock_tls_method_range(TLS_ANY, high | FASTSOCK_TLS_1_2, 0)
			== (FASTSOCK_TLS_1_2 | FASTSOCK_TLS_1_3));
	}
}

static void test_versions(void)
{
	CHECK(fastsock_tls_min_version(TLS_ANY) == 0x0301);
	CHECK(fastsock_tls_max_version(TLS_ANY) == 0x0304);
	CHECK(fastsock_tls_min_version(FASTSOCK_TLS_1_1 | FASTSOCK_TLS_1_2) == 0x0302);
	CHECK(fastsock_tls_max_version(FASTSOCK_TLS_1_1 | FASTSOCK_TLS_1_2) == 0x0303);
	CHECK(fastsock_tls_min_version(FASTSOCK_TLS_1_3) == 0x0304);
	CHECK(fastsock_tls_max_version(FASTSOCK_TLS_1_0) == 0x0301);
	/* No TLS bit (min above max, or only SSL bits): TLS1.3 both ways. */
	CHECK(fastsock_tls_min_version(0) == 0x0304);
	CHECK(fastsock_tls_max_version(0) == 0x0304);
	CHECK(fastsock_tls_min_version(FASTSOCK_TLS_IS_CLIENT | SSLV2 | SSLV3) == 0x0304);
	CHECK(fastsock_tls_max_version(FASTSOCK_TLS_IS_CLIENT | SSLV2 | SSLV3) == 0x0304);
	CHECK(fastsock_tls_min_version(FASTSOCK_TLS_IS_CLIENT | FASTSOCK_TLS_1_2) == 0x0303);
	CHECK(fastsock_tls_max_version((1 << 7) | FASTSOCK_TLS_1_1) == 0x0302);
}

/* Converts `in` and compares with the expected wire bytes. */
static int alpn_is(const char *in, size_t len, const char *expect, size_t expect_len)
{
	unsigned char out[64];
	size_t out_len = 0;

	return fastsock_tls_alpn_wire(in, len, out, &out_len)
		&& out_len == expect_len && memcmp(out, expect, expect_len) == 0;
}

#define ALPN_IS(in, expect) alpn_is((in), sizeof(in) - 1, (expect), sizeof(expect) - 1)

/* A string of `count` elements of `element_len` 'a's, commas between. */
static char *alpn_elements(size_t count, size_t element_len, size_t *len)
{
	char *s;

	*len = count * element_len + count - 1;
	s = malloc(*len);
	if (s == NULL) {
		abort();
	}
	memset(s, 'a', *len);
	for (size_t i = 1; i < count; i++) {
		s[i * (element_len + 1) - 1] = ',';
	}
	return s;
}

static int alpn_converts(const char *in, size_t len)
{
	unsigned char *out = malloc(len + 1);
	size_t out_len = 0;
	bool ok;

	if (out == NULL) {
		abort();
	}
	ok = fastsock_tls_alpn_wire(in, len, out, &out_len) && out_len == len + 1;
	free(out);
	return ok;
}

static void test_alpn(void)
{
	char *s;
	size_t len;

	CHECK(ALPN_IS("h2,http/1.1", "\x02h2\x08http/1.1"));
	CHECK(ALPN_IS("h2", "\x02h2"));
	/* Empty elements are kept, as zero-length entries. */
	CHECK(ALPN_IS("", "\x00"));
	CHECK(ALPN_IS(",", "\x00\x00"));
	CHECK(ALPN_IS("a,,b", "\x01" "a\x00\x01" "b"));
	CHECK(ALPN_IS("a,", "\x01" "a\x00"));
	CHECK(ALPN_IS(",a", "\x00\x01" "a"));
	/* Stock's strlen() ends the string at a NUL byte. */
	CHECK(ALPN_IS("h2\0xx", "\x02h2"));

	s = alpn_elements(1, 255, &len);
	CHECK(alpn_converts(s, len));
	free(s);
	s = alpn_elements(1, 256, &len);
	CHECK(!alpn_converts(s, len));
	free(s);
	s = alpn_elements(2, 256, &len);
	s[0] = ',';
	/* ",aaa...(255),aaa...(256)": the last element is the long one. */
	CHECK(!alpn_converts(s, len));
	free(s);

	/* 65534 bytes of 255-byte elements (and a shorter last one) pass;
	 * 65535 bytes fail whatever the elements. */
	s = alpn_elements(256, 255, &len);
	CHECK(len == 65535);
	CHECK(!alpn_converts(s, len));
	CHECK(alpn_converts(s, len - 1));
	free(s);
}

static void test_names(void)
{
	/* Exact, ignoring case. */
	CHECK(fastsock_tls_name_matches("example.com", "example.com"));
	CHECK(fastsock_tls_name_matches("Example.COM", "eXample.com"));
	CHECK(!fastsock_tls_name_matches("example.com", "example.org"));
	CHECK(!fastsock_tls_name_matches("example.com", "example.com."));

	/* A star for the whole left-most label. */
	CHECK(fastsock_tls_name_matches("a.example.com", "*.example.com"));
	CHECK(fastsock_tls_name_matches("A.Example.Com", "*.EXAMPLE.com"));
	CHECK(!fastsock_tls_name_matches("a.b.example.com", "*.example.com"));
	CHECK(!fastsock_tls_name_matches("example.com", "*.example.com"));
	/* The star may stand for nothing, as in stock. */
	CHECK(fastsock_tls_name_matches(".example.com", "*.example.com"));

	/* A star after a prefix. */
	CHECK(fastsock_tls_name_matches("foo.example.com", "f*.example.com"));
	CHECK(fastsock_tls_name_matches("F.example.com", "f*.example.com"));
	CHECK(!fastsock_tls_name_matches("bar.example.com", "f*.example.com"));
	CHECK(!fastsock_tls_name_matches("f.a.example.com", "f*.example.com"));
	CHECK(fastsock_tls_name_matches("www1.example.com", "www*.example.com"));
	CHECK(fastsock_tls_name_matches("foo-bar.example.com", "foo*bar.example.com"));
	CHECK(!fastsock_tls_name_matches("foo.bar.example.com", "foo*bar.example.com"));

	/* "*" alone: any name without a dot, the empty one too. */
	CHECK(fastsock_tls_name_matches("localhost", "*"));
	CHECK(fastsock_tls_name_matches("", "*"));
	CHECK(!fastsock_tls_name_matches("a.b", "*"));

	/* A star outside the left-most label is only a character. */
	CHECK(!fastsock_tls_name_matches("a.b.example.com", "a.*.example.com"));
	CHECK(fastsock_tls_name_matches("a.*.example.com", "A.*.example.com"));
	/* Only the first star is special. */
	CHECK(!fastsock_tls_name_matches("a.b.com", "*.*.com"));
	CHECK(fastsock_tls_name_matches("a.*.com", "*.*.com"));

	/* Suffix longer than the subject. */
	CHECK(!fastsock_tls_name_matches("om", "*.com"));
	CHECK(!fastsock_tls_name_matches("a", "*a.example.com"));
	/* Prefix and suffix overlapping in the subject: no match. */
	CHECK(!fastsock_tls_name_matches("ab", "ab*b"));
	CHECK(fastsock_tls_name_matches("abb", "ab*b"));
	CHECK(!fastsock_tls_name_matches("a", "a*a"));
	/* A prefix longer than the subject. */
	CHECK(!fastsock_tls_name_matches("ab", "abc*"));
}

static void test_hex(void)
{
	const unsigned char bytes[] = {0x00, 0x01, 0x7f, 0x80, 0xab, 0xff};
	char out[2 * sizeof(bytes) + 1];

	memset(out, 'Z', sizeof(out));
	fastsock_tls_hex(bytes, sizeof(bytes), out);
	CHECK(strcmp(out, "00017f80abff") == 0);
	fastsock_tls_hex(bytes, 0, out);
	CHECK(out[0] == '\0');
}

int main(void)
{
	test_method_range();
	test_versions();
	test_alpn();
	test_names();
	test_hex();
	return check_report();
}
