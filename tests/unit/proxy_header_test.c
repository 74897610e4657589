/*
 * Unit test of lib/proxy_header.c: the spec's examples and headers HAProxy
 * 2.6 really sent (v1 TCP4/TCP6; v2 INET with ALPN, AUTHORITY, UNIQUE_ID,
 * SSL and CRC32C; INET6; LOCAL), built v2 headers of every family and TLV,
 * every prefix of each valid header, and the malformed ones a receiver
 * must drop; prints "N passed, N failed".
 */
#include "proxy_header.h"
#include "check.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/un.h>

#define OK FASTSOCK_PROXY_OK
#define INCOMPLETE FASTSOCK_PROXY_INCOMPLETE
#define INVALID FASTSOCK_PROXY_INVALID

/* Parses a copy of exactly len bytes on the heap, so that a sanitizer
 * catches any read past them; the header keeps offsets, not pointers. */
static fastsock_proxy_status parse(const void *buf, size_t len, fastsock_proxy_header *h)
{
	unsigned char *copy = malloc(len ? len : 1);
	fastsock_proxy_status status;

	if (copy == NULL) {
		perror("malloc");
		exit(2);
	}
	memcpy(copy, buf, len);
	status = fastsock_proxy_parse(copy, len, h);
	free(copy);
	return status;
}

static fastsock_proxy_status parse_text(const char *text, fastsock_proxy_header *h)
{
	return parse(text, strlen(text), h);
}

/* Hex digits to bytes, blanks skipped. */
static size_t unhex(const char *hex, unsigned char *out)
{
	size_t n = 0;

	for (; *hex != '\0'; hex++) {
		unsigned digit;

		if (*hex == ' ') {
			continue;
		}
		digit = (unsigned) (*hex <= '9' ? *hex - '0' : (*hex | 0x20) - 'a' + 10);
		if (n % 2 == 0) {
			out[n / 2] = (unsigned char) (digit << 4);
		} else {
			out[n / 2] |= (unsigned char) digit;
		}
		n++;
	}
	return n / 2;
}

static bool is_inet(const struct sockaddr_storage *ss, const char *address, unsigned port)
{
	const struct sockaddr_in *in = (const struct sockaddr_in *) ss;
	char text[INET_ADDRSTRLEN];

	return in->sin_family == AF_INET && inet_ntop(AF_INET, &in->sin_addr, text, sizeof(text))
		&& strcmp(text, address) == 0 && ntohs(in->sin_port) == port;
}

static bool is_inet6(const struct sockaddr_storage *ss, const char *address, unsigned port)
{
	const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *) ss;
	char text[INET6_ADDRSTRLEN];

	return in6->sin6_family == AF_INET6 && inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof(text))
		&& strcmp(text, address) == 0 && ntohs(in6->sin6_port) == port
		&& in6->sin6_flowinfo == 0 && in6->sin6_scope_id == 0;
}

/* What INCOMPLETE must ask for after n bytes of a valid header of the
 * given length: one more byte while a signature or the fixed v2 bytes
 * could still turn out wrong, then the 16 fixed bytes, then the rest. */
static size_t expected_need(const unsigned char *buf, size_t n, size_t length)
{
	if (n == 0 || buf[0] == 'P' || n < 14) {
		return n + 1;
	}
	return n < 16 ? 16 : length;
}

/* Every prefix of a valid header is INCOMPLETE asking for the right
 * length, the header alone is OK, and bytes after it are not counted. */
static void check_feeding(const unsigned char *buf, size_t length)
{
	static unsigned char longer[FASTSOCK_PROXY_V2_MAX + 64];
	static const char after[] = "\x16\x03\x01\x02\x00GET / HTTP/1.1\r\n\r\n";
	fastsock_proxy_header h, whole;
	size_t wrong = 0;

	for (size_t n = 0; n < length; n++) {
		/* Big headers are parsed in place: copying each prefix would be
		 * quadratic. */
		fastsock_proxy_status status = length > 4096 ? fastsock_proxy_parse(buf, n, &h)
			: parse(buf, n, &h);

		if (status != INCOMPLETE || h.length != expected_need(buf, n, length)
			|| h.error != NULL) {
			if (wrong++ == 0) {
				printf("prefix %zu of %zu: status %d, length %zu\n", n, length,
					(int) status, h.length);
			}
		}
	}
	CHECK(wrong == 0);
	CHECK(parse(buf, length, &whole) == OK && whole.length == length && whole.error == NULL);
	memcpy(longer, buf, length);
	memcpy(longer + length, after, sizeof(after) - 1);
	CHECK(parse(longer, length + sizeof(after) - 1, &h) == OK);
	CHECK(memcmp(&h, &whole, sizeof(h)) == 0);
	/* Even a second header right behind it is the caller's to read. */
	if (2 * length <= sizeof(longer)) {
		memcpy(longer + length, buf, length);
		CHECK(parse(longer, 2 * length, &h) == OK && h.length == length);
	}
}

static void check_feeding_text(const char *text)
{
	check_feeding((const unsigned char *) text, strlen(text));
}

static void test_v1_spec_examples(void)
{
	const char *line = "PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\r\n";
	const char *request = "PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\r\n"
		"GET / HTTP/1.1\r\nHost: 192.168.0.11\r\n\r\n";
	const char *tcp4_max = "PROXY TCP4 255.255.255.255 255.255.255.255 65535 65535\r\n";
	const char *tcp6_max = "PROXY TCP6 ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"
		" ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff 65535 65535\r\n";
	const char *unknown_max = "PROXY UNKNOWN ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"
		" ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff 65535 65535\r\n";
	fastsock_proxy_header h;

	CHECK(parse_text(request, &h) == OK);
	CHECK(h.version == 1 && !h.local && h.family == AF_INET && h.socktype == SOCK_STREAM);
	CHECK(h.length == strlen(line));
	CHECK(is_inet(&h.source, "192.168.0.1", 56324));
	CHECK(is_inet(&h.destination, "192.168.0.11", 443));
	CHECK(h.address_length == sizeof(struct sockaddr_in));
	CHECK(h.tlv_length == 0 && h.error == NULL);
	check_feeding_text(line);

	CHECK(strlen(tcp4_max) == 56);
	CHECK(parse_text(tcp4_max, &h) == OK && h.length == 56);
	CHECK(is_inet(&h.source, "255.255.255.255", 65535));
	CHECK(is_inet(&h.destination, "255.255.255.255", 65535));
	check_feeding_text(tcp4_max);

	CHECK(strlen(tcp6_max) == 104);
	CHECK(parse_text(tcp6_max, &h) == OK && h.length == 104);
	CHECK(h.family == AF_INET6 && h.socktype == SOCK_STREAM);
	CHECK(h.address_length == sizeof(struct sockaddr_in6));
	CHECK(is_inet6(&h.source, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 65535));
	check_feeding_text(tcp6_max);

	CHECK(parse_text("PROXY UNKNOWN\r\n", &h) == OK && h.length == 15);
	CHECK(h.version == 1 && h.local && h.family == AF_UNSPEC && h.socktype == 0);
	CHECK(h.address_length == 0);
	check_feeding_text("PROXY UNKNOWN\r\n");

	/* The worst case: 107 bytes, and whatever follows UNKNOWN is ignored. */
	CHECK(strlen(unknown_max) == FASTSOCK_PROXY_V1_MAX);
	CHECK(parse_text(unknown_max, &h) == OK && h.length == FASTSOCK_PROXY_V1_MAX && h.local);
	check_feeding_text(unknown_max);
}

static void test_v1_haproxy(void)
{
	unsigned char buf[64];
	size_t n;
	fastsock_proxy_header h;

	/* HAProxy 2.6 "send-proxy", the client's first byte after the line. */
	n = unhex("50524f58592054435034203132372e302e302e31203132372e302e302e312034"
		"323731322031383430330d0a78", buf);
	CHECK(parse(buf, n, &h) == OK && h.length == n - 1);
	CHECK(is_inet(&h.source, "127.0.0.1", 42712) && is_inet(&h.destination, "127.0.0.1", 18403));
	n = unhex("50524f58592054435036203a3a31203a3a312033333838342031383430330d0a79", buf);
	CHECK(parse(buf, n, &h) == OK && h.length == n - 1 && h.family == AF_INET6);
	CHECK(is_inet6(&h.source, "::1", 33884) && is_inet6(&h.destination, "::1", 18403));
}

static void test_v1_valid_forms(void)
{
	fastsock_proxy_header h;

	CHECK(parse_text("PROXY TCP4 0.0.0.0 10.0.0.1 0 0\r\n", &h) == OK);
	CHECK(is_inet(&h.source, "0.0.0.0", 0) && is_inet(&h.destination, "10.0.0.1", 0));
	CHECK(parse_text("PROXY TCP6 ::ffff:1.2.3.4 2001:DB8::1 1 65535\r\n", &h) == OK);
	CHECK(is_inet6(&h.source, "::ffff:1.2.3.4", 1) && is_inet6(&h.destination, "2001:db8::1", 65535));
	CHECK(parse_text("PROXY TCP6 0001:0db8:0000:0000:0000:0000:0000:0001 :: 10 20\r\n", &h) == OK);
	CHECK(is_inet6(&h.source, "1:db8::1", 10) && is_inet6(&h.destination, "::", 20));
	/* UNKNOWN with anything after a space, even what TCP4 would reject. */
	CHECK(parse_text("PROXY UNKNOWN 999.1.2.3 x\r\n", &h) == OK && h.local);
	CHECK(parse_text("PROXY UNKNOWN \x01\xff\t\r\n", &h) == OK && h.local);
	CHECK(parse_text("PROXY UNKNOWN \r\n", &h) == OK && h.local);
}

static void check_invalid_text(const char *text, const char *why)
{
	fastsock_proxy_header h;
	fastsock_proxy_status status = parse_text(text, &h);

	if (status != INVALID || h.error == NULL) {
		printf("not rejected (%s): %s\n", why, text);
	}
	CHECK(status == INVALID && h.error != NULL);
	/* Nothing half-decoded is left behind. */
	CHECK(h.version == 0 && h.family == 0 && h.length == 0 && h.address_length == 0);
}

static void test_v1_malformed(void)
{
	static const char *const lines[] = {
		"PROXY TCP4 1.2.3.4 5.6.7.8 1 2\n",
		"PROXY TCP4 1.2.3.4 5.6.7.8 1 2\r\r\n",
		"PROXY TCP4 1.2.3.4 5.6.7.8 1 2\rX",
		"PROXY TCP4 1.2.3.4\r5.6.7.8 1 2\r\n",
		"PROXY TCP4 1.2.3.4\n5.6.7.8 1 2\r\n",
		"PROXY UNKNOWN \n\r\n",
		"PROXY UNKNOWN \r \r\n",
		"PROXY TCP4  1.2.3.4 5.6.7.8 1 2\r\n",
		"PROXY TCP4 1.2.3.4  5.6.7.8 1 2\r\n",
		"PROXY TCP4 1.2.3.4 5.6.7.8 1  2\r\n",
		"PROXY TCP4 1.2.3.4 5.6.7.8 1 2 \r\n",
		"PROXY  TCP4 1.2.3.4 5.6.7.8 1 2\r\n",
		"PROXY TCP4\t1.2.3.4 5.6.7.8 1 2\r\n",
		"PROXY TCP4 1.2.3.4 5.6.7.8 1\t2\r\n",
		"PROXY TCP4 1.2.3.4 5.6.7.8 1\r\n",
		"PROXY TCP4 1.2.3.4 5.6.7.8 1 2 3\r\n",
		"PROXY TCP4 1.2.3.4 5.6.7.8\r\n",
		"PROXY TCP4\r\n",
		"PROXY TCP4 \r\n",
		"PROXY \r\n",
		"PROXY\r\n",
		"PROXY TCP5 1.2.3.4 5.6.7.8 1 2\r\n",
		"PROXY tcp4 1.2.3.4 5.6.7.8 1 2\r\n",
		"PROXY UDP4 1.2.3.4 5.6.7.8 1 2\r\n",
		"PROXY UNKNOWNX\r\n",
		"PROXY unknown\r\n",
		"proxy TCP4 1.2.3.4 5.6.7.8 1 2\r\n",
		/* Addresses not of the line's family, or not canonical. */
		"PROXY TCP4 ::1 ::1 1 2\r\n",
		"PROXY TCP4 1.2.3.4 ::1 1 2\r\n",
		"PROXY TCP6 1.2.3.4 5.6.7.8 1 2\r\n",
		"PROXY TCP6 ::1 5.6.7.8 1 2\r\n",
		"PROXY TCP4 01.2.3.4 5.6.7.8 1 2\r\n",
		"PROXY TCP4 1.2.3 5.6.7.8 1 2\r\n",
		"PROXY TCP4 1.2.3.4.5 5.6.7.8 1 2\r\n",
		"PROXY TCP4 256.2.3.4 5.6.7.8 1 2\r\n",
		"PROXY TCP4 localhost 5.6.7.8 1 2\r\n",
		"PROXY TCP6 fe80::1%eth0 ::1 1 2\r\n",
		"PROXY TCP6 1::2::3 ::1 1 2\r\n",
		"PROXY TCP6 00001:: ::1 1 2\r\n",
		"PROXY TCP6 ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255:1 ::1 1 2\r\n",
		/* Ports. */
		"PROXY TCP4 1.2.3.4 5.6.7.8 65536 2\r\n",
		"PROXY TCP4 1.2.3.4 5.6.7.8 1 99999\r\n",
		"PROXY TCP4 1.2.3.4 5.6.7.8 123456 2\r\n",
		"PROXY TCP4 1.2.3.4 5.6.7.8 +1 2\r\n",
		"PROXY TCP4 1.2.3.4 5.6.7.8 -1 2\r\n",
		"PROXY TCP4 1.2.3.4 5.6.7.8 01 2\r\n",
		"PROXY TCP4 1.2.3.4 5.6.7.8 1 00\r\n",
		"PROXY TCP4 1.2.3.4 5.6.7.8 0x1 2\r\n",
		"PROXY TCP4 1.2.3.4 5.6.7.8 1a 2\r\n",
		"PROXY TCP4 1.2.3.4 5.6.7.8 1 2a\r\n",
		/* Not a PROXY header at all. */
		"GET / HTTP/1.1\r\n",
		"SSH-2.0-OpenSSH\r\n",
		"\x16\x03\x01\x02\x00\x01",
		"PROXZ",
		"G",
	};

	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		check_invalid_text(lines[i], "malformed v1");
	}
}

static void test_v1_nul_in_fields(void)
{
	static const char address[] = "PROXY TCP4 1.2.3.4\0 5.6.7.8 1 2\r\n";
	static const char port[] = "PROXY TCP4 1.2.3.4 5.6.7.8 1\0 2\r\n";
	fastsock_proxy_header h;

	/* inet_pton() would stop at the NUL and see a good address. */
	CHECK(parse(address, sizeof(address) - 1, &h) == INVALID);
	CHECK(parse(port, sizeof(port) - 1, &h) == INVALID);
}

static void test_v1_lengths(void)
{
	char line[FASTSOCK_PROXY_V1_MAX + 8];
	fastsock_proxy_header h;

	/* An UNKNOWN line of exactly 107 bytes, then one byte too long. */
	memset(line, 'x', sizeof(line));
	memcpy(line, "PROXY UNKNOWN ", 14);
	memcpy(line + 105, "\r\n", 2);
	CHECK(parse(line, 107, &h) == OK && h.length == 107);
	memset(line + 105, 'x', 2);
	memcpy(line + 106, "\r\n", 2);
	CHECK(parse(line, 108, &h) == INVALID);
	/* The CR arrives as the 107th byte: the LF could only be the 108th. */
	CHECK(parse(line, 107, &h) == INVALID);
	CHECK(parse(line, 106, &h) == INCOMPLETE && h.length == 107);
	/* 107 bytes without CRLF, and more. */
	memset(line + 14, 'x', sizeof(line) - 14);
	CHECK(parse(line, 106, &h) == INCOMPLETE && h.length == 107);
	CHECK(parse(line, 107, &h) == INVALID && h.error != NULL);
	CHECK(parse(line, sizeof(line), &h) == INVALID);

	CHECK(parse_text("PROXY UNKNOWN\r", &h) == INCOMPLETE && h.length == 15);
	CHECK(parse_text("PROXY TCP4 1.2.3.4 5.6.7.8 1 2", &h) == INCOMPLETE && h.length == 31);
	/* A bad line is only decoded, and so only rejected, with its CRLF. */
	CHECK(parse_text("PROXY TCP9 ", &h) == INCOMPLETE && h.length == 12);
}

static void test_early_rejection(void)
{
	fastsock_proxy_header h;

	CHECK(parse("", 0, &h) == INCOMPLETE && h.length == 1);
	CHECK(parse_text("P", &h) == INCOMPLETE && h.length == 2);
	CHECK(parse_text("PRO", &h) == INCOMPLETE && h.length == 4);
	CHECK(parse_text("PROXY", &h) == INCOMPLETE && h.length == 6);
	CHECK(parse_text("PROXY ", &h) == INCOMPLETE && h.length == 7);
	CHECK(parse_text("G", &h) == INVALID);
	CHECK(parse_text("PRX", &h) == INVALID);
	CHECK(parse_text("PROXY\t", &h) == INVALID);
	CHECK(parse("\x16", 1, &h) == INVALID);
	CHECK(parse("\x16\x03\x01", 3, &h) == INVALID);
	CHECK(parse("\0", 1, &h) == INVALID);
	CHECK(parse("\r", 1, &h) == INCOMPLETE && h.length == 2);
	CHECK(parse("\r\n\r\n\0", 5, &h) == INCOMPLETE && h.length == 6);
	CHECK(parse("\r\n\r\n\x01", 5, &h) == INVALID);
	CHECK(parse("\r\n\r\n\0\r\nQUIT", 11, &h) == INCOMPLETE && h.length == 12);
	CHECK(parse("\r\n\r\n\0\r\nQUIT\r", 12, &h) == INVALID);
	CHECK(parse("\r\n\r\n\0\r\nQUIT\n", 12, &h) == INCOMPLETE && h.length == 13);
	/* A bad version or command shows in the 13th byte, a PROXY's bad family
	 * in the 14th. */
	CHECK(parse("\r\n\r\n\0\r\nQUIT\n\x11", 13, &h) == INVALID);
	CHECK(parse("\r\n\r\n\0\r\nQUIT\n\x22", 13, &h) == INVALID);
	CHECK(parse("\r\n\r\n\0\r\nQUIT\n\x21", 13, &h) == INCOMPLETE && h.length == 14);
	CHECK(parse("\r\n\r\n\0\r\nQUIT\n\x21\x41", 14, &h) == INVALID);
	CHECK(parse("\r\n\r\n\0\r\nQUIT\n\x21\x11", 14, &h) == INCOMPLETE && h.length == 16);
	CHECK(parse("\r\n\r\n\0\r\nQUIT\n\x21\x11\x00", 15, &h) == INCOMPLETE && h.length == 16);
	/* The address block's length is checked as soon as it is read. */
	CHECK(parse("\r\n\r\n\0\r\nQUIT\n\x21\x11\x00\x0b", 16, &h) == INVALID);
	CHECK(parse("\r\n\r\n\0\r\nQUIT\n\x21\x11\x00\x0c", 16, &h) == INCOMPLETE && h.length == 28);
	CHECK(parse("\r\n\r\n\0\r\nQUIT\n\x21\x11\xff\xff", 16, &h) == INCOMPLETE
		&& h.length == FASTSOCK_PROXY_V2_MAX);
}

/* v2 headers as HAProxy 2.6 sent them ("send-proxy-v2 proxy-v2-options
 * ssl,cert-cn,ssl-cipher,cert-sig,cert-key,authority,crc32c,unique-id"),
 * each with the client's first bytes after it. */
static const char haproxy_plain[] =
	"0d0a0d0a000d0a515549540a2111001e7f0000017f000001d90847e103000423"
	"1d87da0500002000050000000000474554202f20485454502f312e300d0a0d0a";
static const char haproxy_tls_cert[] =
	"0d0a0d0a000d0a515549540a211100ae7f0000017f000001b52447e203000419"
	"1109a7010002683202000f7777772e6578616d706c652e636f6d05002e374630"
	"30303030313a423532345f37463030303030313a343745325f36423045343835"
	"465f303030313a373541432000500700000000210007544c5376312e3322000e"
	"636c69656e742e6578616d706c652500075253413230343824000a5253412d53"
	"4841323536230016544c535f4145535f3235365f47434d5f5348413338340a";
static const char haproxy_tls[] =
	"0d0a0d0a000d0a515549540a211100a37f0000017f000001b52647e203000465"
	"fcd764010008687474702f312e3102000f7777772e6578616d706c652e636f6d"
	"05002e37463030303030313a423532365f37463030303030313a343745325f36"
	"423045343835465f303030323a3735414320003f0100000000210007544c5376"
	"312e332500075253413230343824000a5253412d534841323536230016544c53"
	"5f4145535f3235365f47434d5f5348413338340a";
static const char haproxy_inet6[] =
	"0d0a0d0a000d0a515549540a2121002400000000000000000000000000000001"
	"00000000000000000000000000000001b7f247f57636";
/* A health check ("check-send-proxy"): LOCAL, UNSPEC, no addresses. */
static const char haproxy_local[] = "0d0a0d0a000d0a515549540a20000000";

static bool tlv_is(const fastsock_proxy_tlv *tlv, unsigned char type, const char *value)
{
	return tlv->type == type && tlv->length == strlen(value)
		&& memcmp(tlv->value, value, tlv->length) == 0;
}

static void test_v2_haproxy(void)
{
	unsigned char buf[256];
	fastsock_proxy_header h;
	fastsock_proxy_tlv tlv, sub;
	fastsock_proxy_ssl ssl;
	size_t n, length, caught = 0, pos = 0, subpos = 0;

	n = unhex(haproxy_plain, buf);
	CHECK(parse(buf, n, &h) == OK && h.length == 46 && h.version == 2 && !h.local);
	CHECK(h.family == AF_INET && h.socktype == SOCK_STREAM);
	CHECK(h.address_length == sizeof(struct sockaddr_in));
	CHECK(is_inet(&h.source, "127.0.0.1", 55560) && is_inet(&h.destination, "127.0.0.1", 18401));
	CHECK(h.tlv_offset == 28 && h.tlv_length == 18);
	CHECK(fastsock_proxy_tlv_next(buf + h.tlv_offset, h.tlv_length, &pos, &tlv));
	CHECK(tlv.type == FASTSOCK_PROXY_TLV_CRC32C && tlv.length == 4);
	CHECK(fastsock_proxy_tlv_next(buf + h.tlv_offset, h.tlv_length, &pos, &tlv));
	CHECK(tlv.type == FASTSOCK_PROXY_TLV_UNIQUE_ID && tlv.length == 0);
	CHECK(fastsock_proxy_tlv_next(buf + h.tlv_offset, h.tlv_length, &pos, &tlv));
	CHECK(tlv.type == FASTSOCK_PROXY_TLV_SSL && fastsock_proxy_ssl_parse(&tlv, &ssl));
	CHECK(ssl.client == 0 && ssl.verify == 0 && ssl.subs_length == 0);
	CHECK(!fastsock_proxy_tlv_next(buf + h.tlv_offset, h.tlv_length, &pos, &tlv));
	CHECK(pos == h.tlv_length);
	check_feeding(buf, h.length);
	/* HAProxy's checksum, verified: any bit flipped in the addresses or
	 * in the checksum itself is caught. */
	length = h.length;
	for (size_t at = 16; at < 35; at++) {
		for (int bit = 0; bit < 8 && (at < 28 || at > 30); bit++) {
			buf[at] ^= (unsigned char) (1 << bit);
			caught += parse(buf, length, &h) == INVALID;
			buf[at] ^= (unsigned char) (1 << bit);
		}
	}
	CHECK(caught == 16 * 8);
	CHECK(parse(buf, length, &h) == OK);

	n = unhex(haproxy_tls_cert, buf);
	CHECK(parse(buf, n, &h) == OK && h.length == 190 && n == 191);
	CHECK(is_inet(&h.source, "127.0.0.1", 46372) && is_inet(&h.destination, "127.0.0.1", 18402));
	pos = 0;
	CHECK(fastsock_proxy_tlv_next(buf + h.tlv_offset, h.tlv_length, &pos, &tlv));
	CHECK(tlv.type == FASTSOCK_PROXY_TLV_CRC32C);
	CHECK(fastsock_proxy_tlv_next(buf + h.tlv_offset, h.tlv_length, &pos, &tlv));
	CHECK(tlv_is(&tlv, FASTSOCK_PROXY_TLV_ALPN, "h2"));
	CHECK(fastsock_proxy_tlv_next(buf + h.tlv_offset, h.tlv_length, &pos, &tlv));
	CHECK(tlv_is(&tlv, FASTSOCK_PROXY_TLV_AUTHORITY, "www.example.com"));
	CHECK(fastsock_proxy_tlv_next(buf + h.tlv_offset, h.tlv_length, &pos, &tlv));
	CHECK(tlv_is(&tlv, FASTSOCK_PROXY_TLV_UNIQUE_ID, "7F000001:B524_7F000001:47E2_6B0E485F_0001:75AC"));
	CHECK(fastsock_proxy_tlv_next(buf + h.tlv_offset, h.tlv_length, &pos, &tlv));
	CHECK(tlv.type == FASTSOCK_PROXY_TLV_SSL && fastsock_proxy_ssl_parse(&tlv, &ssl));
	CHECK(ssl.client == (FASTSOCK_PROXY_SSL_CLIENT_SSL | FASTSOCK_PROXY_SSL_CLIENT_CERT_CONN
		| FASTSOCK_PROXY_SSL_CLIENT_CERT_SESS) && ssl.verify == 0);
	CHECK(fastsock_proxy_tlv_next(ssl.subs, ssl.subs_length, &subpos, &sub));
	CHECK(tlv_is(&sub, FASTSOCK_PROXY_SUBTLV_SSL_VERSION, "TLSv1.3"));
	CHECK(fastsock_proxy_tlv_next(ssl.subs, ssl.subs_length, &subpos, &sub));
	CHECK(tlv_is(&sub, FASTSOCK_PROXY_SUBTLV_SSL_CN, "client.example"));
	CHECK(fastsock_proxy_tlv_next(ssl.subs, ssl.subs_length, &subpos, &sub));
	CHECK(tlv_is(&sub, FASTSOCK_PROXY_SUBTLV_SSL_KEY_ALG, "RSA2048"));
	CHECK(fastsock_proxy_tlv_next(ssl.subs, ssl.subs_length, &subpos, &sub));
	CHECK(tlv_is(&sub, FASTSOCK_PROXY_SUBTLV_SSL_SIG_ALG, "RSA-SHA256"));
	CHECK(fastsock_proxy_tlv_next(ssl.subs, ssl.subs_length, &subpos, &sub));
	CHECK(tlv_is(&sub, FASTSOCK_PROXY_SUBTLV_SSL_CIPHER, "TLS_AES_256_GCM_SHA384"));
	CHECK(!fastsock_proxy_tlv_next(ssl.subs, ssl.subs_length, &subpos, &sub));
	CHECK(!fastsock_proxy_tlv_next(buf + h.tlv_offset, h.tlv_length, &pos, &tlv));
	check_feeding(buf, h.length);

	n = unhex(haproxy_tls, buf);
	CHECK(parse(buf, n, &h) == OK && h.length == n - 1);
	check_feeding(buf, h.length);

	n = unhex(haproxy_inet6, buf);
	CHECK(parse(buf, n, &h) == OK && h.length == 52 && n == 54);
	CHECK(h.family == AF_INET6 && h.socktype == SOCK_STREAM && h.tlv_length == 0);
	CHECK(h.address_length == sizeof(struct sockaddr_in6));
	CHECK(is_inet6(&h.source, "::1", 47090) && is_inet6(&h.destination, "::1", 18421));
	check_feeding(buf, h.length);

	n = unhex(haproxy_local, buf);
	CHECK(parse(buf, n, &h) == OK && h.length == 16 && h.version == 2);
	CHECK(h.local && h.family == AF_UNSPEC && h.socktype == 0 && h.address_length == 0);
	CHECK(h.tlv_offset == 16 && h.tlv_length == 0);
	check_feeding(buf, h.length);
}

/* The test's own CRC32c, table-driven, unlike the parser's. */
static uint32_t crc_table[256];

static void crc_init(void)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c = i;

		for (int k = 0; k < 8; k++) {
			c = c & 1 ? (c >> 1) ^ 0x82F63B78u : c >> 1;
		}
		crc_table[i] = c;
	}
}

static uint32_t crc32c(const unsigned char *p, size_t n)
{
	uint32_t c = 0xffffffffu;

	for (size_t i = 0; i < n; i++) {
		c = crc_table[(c ^ p[i]) & 0xff] ^ (c >> 8);
	}
	return ~c;
}

/* A v2 header under construction. */
static struct {
	unsigned char bytes[FASTSOCK_PROXY_V2_MAX + 64];
	size_t length;
	size_t crc_at;
} b;

static void put(const void *p, size_t n)
{
	memcpy(b.bytes + b.length, p, n);
	b.length += n;
}

static void put_u16(unsigned value)
{
	unsigned char be[2] = {(unsigned char) (value >> 8), (unsigned char) value};

	put(be, 2);
}

static void start(unsigned char ver_cmd, unsigned char family_transport)
{
	b.length = 0;
	b.crc_at = 0;
	put("\r\n\r\n\0\r\nQUIT\n", 12);
	put(&ver_cmd, 1);
	put(&family_transport, 1);
	put_u16(0);
}

static void put_tlv_header(unsigned char type, size_t length)
{
	put(&type, 1);
	put_u16((unsigned) length);
}

static void put_tlv(unsigned char type, const void *value, size_t length)
{
	put_tlv_header(type, length);
	put(value, length);
}

static void put_crc_tlv(void)
{
	put_tlv_header(FASTSOCK_PROXY_TLV_CRC32C, 4);
	b.crc_at = b.length;
	put("\0\0\0\0", 4);
}

/* Sets the length field, then the checksum if there is a CRC32C TLV. */
static void finish(void)
{
	b.bytes[14] = (unsigned char) ((b.length - 16) >> 8);
	b.bytes[15] = (unsigned char) (b.length - 16);
	if (b.crc_at != 0) {
		uint32_t crc = crc32c(b.bytes, b.length);

		b.bytes[b.crc_at] = (unsigned char) (crc >> 24);
		b.bytes[b.crc_at + 1] = (unsigned char) (crc >> 16);
		b.bytes[b.crc_at + 2] = (unsigned char) (crc >> 8);
		b.bytes[b.crc_at + 3] = (unsigned char) crc;
	}
}

static void put_inet_block(void)
{
	put("\xc0\x00\x02\x01\xc6\x33\x64\x02\x04\xd2\x01\xbb", 12);
}

static void put_inet6_block(void)
{
	put("\x20\x01\x0d\xb8\0\0\0\0\0\0\0\0\0\0\0\x01", 16);
	put("\xfe\x80\0\0\0\0\0\0\0\0\0\0\0\0\0\x02", 16);
	put("\x00\x35\xff\xff", 4);
}

static void put_unix_path(const char *path, size_t length)
{
	unsigned char block[108] = {0};

	memcpy(block, path, length);
	put(block, sizeof(block));
}

static fastsock_proxy_status parse_built(fastsock_proxy_header *h)
{
	return parse(b.bytes, b.length, h);
}

static void check_built_invalid(const char *why)
{
	fastsock_proxy_header h;

	finish();
	if (parse_built(&h) != INVALID) {
		printf("not rejected: %s\n", why);
	}
	CHECK(parse_built(&h) == INVALID && h.error != NULL);
}

static void test_crc32c_vector(void)
{
	crc_init();
	CHECK(crc32c((const unsigned char *) "123456789", 9) == 0xE3069283u);
}

static void test_v2_families(void)
{
	fastsock_proxy_header h;
	const struct sockaddr_un *un;

	/* UDP over IPv4 and IPv6. */
	start(0x21, 0x12);
	put_inet_block();
	finish();
	CHECK(parse_built(&h) == OK && h.family == AF_INET && h.socktype == SOCK_DGRAM);
	CHECK(is_inet(&h.source, "192.0.2.1", 1234) && is_inet(&h.destination, "198.51.100.2", 443));
	check_feeding(b.bytes, b.length);
	start(0x21, 0x22);
	put_inet6_block();
	finish();
	CHECK(parse_built(&h) == OK && h.family == AF_INET6 && h.socktype == SOCK_DGRAM);
	CHECK(is_inet6(&h.source, "2001:db8::1", 53) && is_inet6(&h.destination, "fe80::2", 65535));
	check_feeding(b.bytes, b.length);
	/* The UNSPEC transport with a family: addresses read, no socktype. */
	start(0x21, 0x10);
	put_inet_block();
	finish();
	CHECK(parse_built(&h) == OK && h.family == AF_INET && h.socktype == 0 && !h.local);
	CHECK(is_inet(&h.source, "192.0.2.1", 1234));

	/* UNIX stream and datagram: both paths whole, terminated. */
	start(0x21, 0x31);
	put_unix_path("/run/client.sock", 16);
	put_unix_path("/run/server.sock", 16);
	finish();
	CHECK(parse_built(&h) == OK && h.family == AF_UNIX && h.socktype == SOCK_STREAM);
	CHECK(h.address_length == sizeof(struct sockaddr_un) && h.tlv_offset == 16 + 216);
	un = (const struct sockaddr_un *) &h.source;
	CHECK(un->sun_family == AF_UNIX && strcmp(un->sun_path, "/run/client.sock") == 0);
	un = (const struct sockaddr_un *) &h.destination;
	CHECK(un->sun_family == AF_UNIX && strcmp(un->sun_path, "/run/server.sock") == 0);
	check_feeding(b.bytes, b.length);
	start(0x21, 0x32);
	/* A 107-byte path and its NUL fill the block; an abstract name (a
	 * leading NUL) is the block as it is. */
	put("/", 1);
	memset(b.bytes + b.length, 'a', 106);
	b.length += 106;
	put("", 1);
	put_unix_path("\0abstract", 9);
	finish();
	CHECK(parse_built(&h) == OK && h.family == AF_UNIX && h.socktype == SOCK_DGRAM);
	un = (const struct sockaddr_un *) &h.source;
	CHECK(strlen(un->sun_path) == 107);
	un = (const struct sockaddr_un *) &h.destination;
	CHECK(un->sun_path[0] == '\0' && memcmp(un->sun_path + 1, "abstract", 9) == 0);
	/* A pathname of 108 bytes has no room for its NUL. */
	start(0x21, 0x31);
	put("/", 1);
	memset(b.bytes + b.length, 'a', 107);
	b.length += 107;
	put_unix_path("/x", 2);
	check_built_invalid("unix path without NUL");
	start(0x21, 0x31);
	put_unix_path("/x", 2);
	memset(b.bytes + b.length, 'a', 108);
	b.length += 108;
	check_built_invalid("unix destination path without NUL");

	/* LOCAL: the family and whatever follows are skipped, even values a
	 * PROXY header may not have. */
	start(0x20, 0x11);
	put_inet_block();
	put_tlv(FASTSOCK_PROXY_TLV_UNIQUE_ID, "x", 1);
	finish();
	CHECK(parse_built(&h) == OK && h.local && h.family == AF_UNSPEC && h.socktype == 0);
	CHECK(h.length == b.length && h.tlv_offset == b.length && h.tlv_length == 0);
	check_feeding(b.bytes, b.length);
	start(0x20, 0xff);
	put("\x01\x02\x03", 3);
	finish();
	CHECK(parse_built(&h) == OK && h.local && h.length == 19);
	start(0x20, 0x11);
	finish();
	CHECK(parse_built(&h) == OK && h.local && h.length == 16);

	/* PROXY with the UNSPEC family: local too, and what follows unread. */
	start(0x21, 0x00);
	finish();
	CHECK(parse_built(&h) == OK && h.local && h.family == AF_UNSPEC && h.length == 16);
	start(0x21, 0x01);
	put("\xff\xff", 2);
	finish();
	CHECK(parse_built(&h) == OK && h.local && h.length == 18 && h.tlv_length == 0);
	check_feeding(b.bytes, b.length);
}

static void test_v2_fixed_bytes(void)
{
	static const unsigned char bad_ver_cmd[] = {0x00, 0x01, 0x11, 0x31, 0xf1, 0x22, 0x2f, 0x12};
	static const unsigned char bad_families[] = {0x41, 0xf1, 0x13, 0x1f, 0x03, 0x44};
	fastsock_proxy_header h;

	for (size_t i = 0; i < sizeof(bad_ver_cmd); i++) {
		start(bad_ver_cmd[i], 0x11);
		put_inet_block();
		check_built_invalid("bad version or command");
	}
	for (size_t i = 0; i < sizeof(bad_families); i++) {
		start(0x21, bad_families[i]);
		put_inet6_block();
		check_built_invalid("bad family or transport");
		/* The same under LOCAL is ignored. */
		start(0x20, bad_families[i]);
		put_inet6_block();
		finish();
		CHECK(parse_built(&h) == OK && h.local);
	}

	/* A length shorter than the family's address block. */
	start(0x21, 0x11);
	put_inet_block();
	b.length--;
	check_built_invalid("INET block of 11");
	start(0x21, 0x21);
	put_inet6_block();
	b.length--;
	check_built_invalid("INET6 block of 35");
	start(0x21, 0x11);
	check_built_invalid("INET block of 0");
	start(0x21, 0x31);
	put_unix_path("/a", 2);
	put_unix_path("/b", 2);
	b.length--;
	check_built_invalid("UNIX block of 215");
	/* The family's block given as INET6 but sized as INET. */
	start(0x21, 0x21);
	put_inet_block();
	check_built_invalid("INET6 with a 12-byte block");
}

static void test_v2_tlvs(void)
{
	unsigned char value[200];
	unsigned char ssl[64];
	fastsock_proxy_header h;
	fastsock_proxy_tlv tlv;
	size_t pos = 0, n = 0;

	memset(value, 'u', sizeof(value));
	/* Every kind, with a checksum, in one header. */
	start(0x21, 0x11);
	put_inet_block();
	put_tlv(FASTSOCK_PROXY_TLV_ALPN, "http/1.1", 8);
	put_tlv(FASTSOCK_PROXY_TLV_AUTHORITY, "example.org", 11);
	put_tlv(FASTSOCK_PROXY_TLV_NOOP, "", 0);
	put_tlv(FASTSOCK_PROXY_TLV_NOOP, "\0\0\0\0\0", 5);
	put_tlv(FASTSOCK_PROXY_TLV_UNIQUE_ID, value, 128);
	put_crc_tlv();
	put_tlv(FASTSOCK_PROXY_TLV_NETNS, "blue", 4);
	put_tlv(0xe0, "custom", 6);
	put_tlv(0xff, "", 0);
	memcpy(ssl, "\x05\x00\x00\x00\x2a", 5);
	memcpy(ssl + 5, "\x21\x00\x07TLSv1.2\x22\x00\x00", 13);
	put_tlv(FASTSOCK_PROXY_TLV_SSL, ssl, 18);
	finish();
	CHECK(parse_built(&h) == OK && h.length == b.length);
	CHECK(h.tlv_offset == 28 && h.tlv_length == b.length - 28);
	while (fastsock_proxy_tlv_next(b.bytes + h.tlv_offset, h.tlv_length, &pos, &tlv)) {
		n++;
		if (tlv.type == FASTSOCK_PROXY_TLV_SSL) {
			fastsock_proxy_ssl s;
			fastsock_proxy_tlv sub;
			size_t subpos = 0;

			CHECK(fastsock_proxy_ssl_parse(&tlv, &s) && s.client == 5 && s.verify == 42);
			CHECK(fastsock_proxy_tlv_next(s.subs, s.subs_length, &subpos, &sub));
			CHECK(tlv_is(&sub, FASTSOCK_PROXY_SUBTLV_SSL_VERSION, "TLSv1.2"));
			CHECK(fastsock_proxy_tlv_next(s.subs, s.subs_length, &subpos, &sub));
			CHECK(sub.type == FASTSOCK_PROXY_SUBTLV_SSL_CN && sub.length == 0);
			CHECK(!fastsock_proxy_tlv_next(s.subs, s.subs_length, &subpos, &sub));
		}
	}
	CHECK(n == 10 && pos == h.tlv_length);
	check_feeding(b.bytes, b.length);

	/* A wrong checksum, and one flipped bit with a right one. */
	b.bytes[b.crc_at + 3] ^= 1;
	CHECK(parse_built(&h) == INVALID);
	b.bytes[b.crc_at + 3] ^= 1;
	b.bytes[20] ^= 0x10;
	CHECK(parse_built(&h) == INVALID);
	b.bytes[20] ^= 0x10;
	CHECK(parse_built(&h) == OK);

	/* A checksum of a UNIX header, the TLV right after the block. */
	start(0x21, 0x31);
	put_unix_path("/a", 2);
	put_unix_path("/b", 2);
	put_crc_tlv();
	finish();
	CHECK(parse_built(&h) == OK && h.tlv_offset == 232 && h.tlv_length == 7);

	start(0x21, 0x11);
	put_inet_block();
	put_tlv(FASTSOCK_PROXY_TLV_CRC32C, "\0\0\0", 3);
	check_built_invalid("CRC32C of 3 bytes");
	start(0x21, 0x11);
	put_inet_block();
	put_tlv(FASTSOCK_PROXY_TLV_CRC32C, "\0\0\0\0\0", 5);
	check_built_invalid("CRC32C of 5 bytes");
	/* Two: the second is rejected as a repeat, not summed. */
	start(0x21, 0x11);
	put_inet_block();
	put_crc_tlv();
	put_tlv(FASTSOCK_PROXY_TLV_CRC32C, "\0\0\0\0", 4);
	check_built_invalid("two CRC32C");
	CHECK(parse_built(&h) == INVALID && strstr(h.error, "repeated") != NULL);

	start(0x21, 0x11);
	put_inet_block();
	put_tlv(FASTSOCK_PROXY_TLV_UNIQUE_ID, value, 129);
	check_built_invalid("UNIQUE_ID of 129 bytes");

	/* TLVs that do not fit the header. */
	start(0x21, 0x11);
	put_inet_block();
	put_tlv(FASTSOCK_PROXY_TLV_ALPN, "h2", 2);
	b.length--;
	check_built_invalid("TLV value past the end");
	start(0x21, 0x11);
	put_inet_block();
	put("\x01", 1);
	check_built_invalid("1 byte of a TLV");
	start(0x21, 0x11);
	put_inet_block();
	put("\x01\x00", 2);
	check_built_invalid("2 bytes of a TLV");
	start(0x21, 0x11);
	put_inet_block();
	put_tlv(FASTSOCK_PROXY_TLV_NOOP, "", 0);
	put_tlv_header(FASTSOCK_PROXY_TLV_ALPN, 0xffff);
	check_built_invalid("TLV of 65535 in a short header");

	/* SSL TLVs: the fixed 5 bytes, then sub-TLVs that fit it exactly. */
	for (size_t short_length = 0; short_length < 5; short_length++) {
		start(0x21, 0x11);
		put_inet_block();
		put_tlv(FASTSOCK_PROXY_TLV_SSL, "\x01\0\0\0\0", short_length);
		check_built_invalid("SSL TLV under 5 bytes");
	}
	start(0x21, 0x11);
	put_inet_block();
	put_tlv(FASTSOCK_PROXY_TLV_SSL, "\x01\0\0\0\0\x21\x00\x08TLSv1.3", 15);
	check_built_invalid("SSL sub-TLV past its TLV");
	start(0x21, 0x11);
	put_inet_block();
	put_tlv(FASTSOCK_PROXY_TLV_SSL, "\x01\0\0\0\0\x21\x00", 7);
	check_built_invalid("2 bytes of a sub-TLV");
	/* A sub-TLV running past the SSL TLV into the next TLV. */
	start(0x21, 0x11);
	put_inet_block();
	put_tlv(FASTSOCK_PROXY_TLV_SSL, "\x01\0\0\0\0\x22\x00\x04", 8);
	put_tlv(FASTSOCK_PROXY_TLV_NOOP, "", 0);
	check_built_invalid("sub-TLV into the next TLV");
}

/* The longest header there is: the 16-bit length at 65535. */
static void test_v2_largest(void)
{
	fastsock_proxy_header h;

	start(0x21, 0x11);
	put_inet_block();
	/* NOOP TLVs of 65535 - 12 bytes, the last one shorter. */
	while (b.length < FASTSOCK_PROXY_V2_MAX) {
		size_t room = FASTSOCK_PROXY_V2_MAX - b.length - 3;
		size_t take = room < 1000 ? room : 1000;

		put_tlv_header(FASTSOCK_PROXY_TLV_NOOP, take);
		memset(b.bytes + b.length, 0, take);
		b.length += take;
	}
	finish();
	CHECK(b.length == FASTSOCK_PROXY_V2_MAX);
	CHECK(parse_built(&h) == OK && h.length == FASTSOCK_PROXY_V2_MAX);
	check_feeding(b.bytes, b.length);
}

static void test_tlv_next(void)
{
	static const unsigned char block[] = {0x01, 0x00, 0x02, 'h', '2', 0x04, 0x00, 0x00, 0x05};
	fastsock_proxy_tlv tlv;
	size_t pos = 0;

	CHECK(fastsock_proxy_tlv_next(block, 5, &pos, &tlv) && pos == 5);
	CHECK(tlv.type == 1 && tlv.length == 2 && tlv.value == block + 3);
	CHECK(!fastsock_proxy_tlv_next(block, 5, &pos, &tlv) && pos == 5);
	CHECK(fastsock_proxy_tlv_next(block, 8, &pos, &tlv) && pos == 8 && tlv.length == 0);
	/* A trailing byte is no TLV, nor is a position past the end. */
	CHECK(!fastsock_proxy_tlv_next(block, 9, &pos, &tlv) && pos == 8);
	pos = 10;
	CHECK(!fastsock_proxy_tlv_next(block, 9, &pos, &tlv) && pos == 10);
	pos = 0;
	CHECK(!fastsock_proxy_tlv_next(block, 4, &pos, &tlv) && pos == 0);
	CHECK(!fastsock_proxy_tlv_next(block, 0, &pos, &tlv));
}

static void test_ssl_parse(void)
{
	fastsock_proxy_tlv tlv = {FASTSOCK_PROXY_TLV_SSL, (const unsigned char *) "\x07\x00\x00\x01\x02", 5};
	fastsock_proxy_ssl ssl;

	CHECK(fastsock_proxy_ssl_parse(&tlv, &ssl));
	CHECK(ssl.client == 7 && ssl.verify == 0x102 && ssl.subs_length == 0);
	CHECK(ssl.subs == tlv.value + 5);
	tlv.length = 4;
	CHECK(!fastsock_proxy_ssl_parse(&tlv, &ssl));
}

int main(void)
{
	test_v1_spec_examples();
	test_v1_haproxy();
	test_v1_valid_forms();
	test_v1_malformed();
	test_v1_nul_in_fields();
	test_v1_lengths();
	test_early_rejection();
	test_crc32c_vector();
	test_v2_haproxy();
	test_v2_families();
	test_v2_fixed_bytes();
	test_v2_tlvs();
	test_v2_largest();
	test_tlv_next();
	test_ssl_parse();
	return check_report();
}
