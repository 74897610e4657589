/*
 * Unit test of lib/proxy_sources.c: lists of addresses and CIDR ranges,
 * the bad entry pointed at, host bits cleared, and which peers match
 * (IPv4-mapped IPv6 ones included, unix ones never); prints
 * "N passed, N failed".
 */
#include "proxy_sources.h"
#include "check.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/un.h>

#define MAX_ENTRIES 16

static fastsock_proxy_source list[MAX_ENTRIES];
static size_t count;

static bool parse(const char *text)
{
	const char *bad;
	size_t bad_length;

	return fastsock_proxy_sources_parse(text, strlen(text), list, MAX_ENTRIES, &count,
		&bad, &bad_length);
}

/* Whether text is rejected with exactly the entry `entry` pointed at. */
static bool rejects(const char *text, const char *entry)
{
	const char *bad = NULL;
	size_t bad_length = 99;
	bool ok = fastsock_proxy_sources_parse(text, strlen(text), list, MAX_ENTRIES, &count,
		&bad, &bad_length);

	if (ok || bad == NULL || bad < text || bad + bad_length > text + strlen(text)
		|| bad_length != strlen(entry) || memcmp(bad, entry, bad_length) != 0) {
		printf("\"%s\": not rejected at \"%s\"\n", text, entry);
		return false;
	}
	return true;
}

static bool peer_matches(const char *address)
{
	struct sockaddr_in in = {.sin_family = AF_INET, .sin_port = htons(1234)};
	struct sockaddr_in6 in6 = {.sin6_family = AF_INET6, .sin6_port = htons(1234)};

	if (inet_pton(AF_INET, address, &in.sin_addr) == 1) {
		return fastsock_proxy_sources_match(list, count, (struct sockaddr *) &in, sizeof(in));
	}
	if (inet_pton(AF_INET6, address, &in6.sin6_addr) == 1) {
		return fastsock_proxy_sources_match(list, count, (struct sockaddr *) &in6, sizeof(in6));
	}
	printf("bad test address %s\n", address);
	return false;
}

static bool entry_is(size_t i, int family, const char *address, unsigned prefix)
{
	unsigned char bytes[16] = {0};

	inet_pton(family, address, bytes);
	return list[i].family == family && list[i].prefix == prefix
		&& memcmp(list[i].address, bytes, family == AF_INET ? 4 : 16) == 0;
}

static void test_capacity(void)
{
	CHECK(fastsock_proxy_sources_capacity("", 0) == 1);
	CHECK(fastsock_proxy_sources_capacity("a", 1) == 1);
	CHECK(fastsock_proxy_sources_capacity("a,b,,c", 6) == 4);
	CHECK(fastsock_proxy_sources_capacity(",,,", 3) == 4);
	/* Only the len bytes count. */
	CHECK(fastsock_proxy_sources_capacity("a,b", 1) == 1);
}

static void test_valid_lists(void)
{
	const char *bad = "untouched";
	size_t bad_length = 7;

	CHECK(fastsock_proxy_sources_parse("", 0, list, MAX_ENTRIES, &count, &bad, &bad_length));
	CHECK(count == 0 && bad == NULL && bad_length == 0);
	CHECK(parse(" \t ") && count == 0);
	CHECK(fastsock_proxy_sources_parse(NULL, 0, list, 0, &count, &bad, &bad_length) && count == 0);

	CHECK(parse("10.0.0.0/8, ::1") && count == 2);
	CHECK(entry_is(0, AF_INET, "10.0.0.0", 8) && entry_is(1, AF_INET6, "::1", 128));
	CHECK(parse("\t192.168.1.7 ,fd00::/8,0.0.0.0/0 , ::/0\t") && count == 4);
	CHECK(entry_is(0, AF_INET, "192.168.1.7", 32) && entry_is(1, AF_INET6, "fd00::", 8));
	CHECK(entry_is(2, AF_INET, "0.0.0.0", 0) && entry_is(3, AF_INET6, "::", 0));
	CHECK(parse("1.2.3.4/32,2001:db8::1/128,::ffff:127.0.0.0/104") && count == 3);
	CHECK(entry_is(2, AF_INET6, "::ffff:127.0.0.0", 104));
	/* The longest text form of an address there is. */
	CHECK(parse("0000:0000:0000:0000:0000:ffff:255.255.255.255/128") && count == 1);
	CHECK(entry_is(0, AF_INET6, "::ffff:255.255.255.255", 128));

	/* Host bits beyond the prefix are cleared, at and between byte edges. */
	CHECK(parse("10.1.2.3/8,10.1.2.3/12,10.255.255.255/9,10.1.2.3/0") && count == 4);
	CHECK(entry_is(0, AF_INET, "10.0.0.0", 8) && entry_is(1, AF_INET, "10.0.0.0", 12));
	CHECK(entry_is(2, AF_INET, "10.128.0.0", 9) && entry_is(3, AF_INET, "0.0.0.0", 0));
	CHECK(parse("2001:db8:ffff:ffff::1/35,fe80::ffff/127") && count == 2);
	CHECK(entry_is(0, AF_INET6, "2001:db8:e000::", 35) && entry_is(1, AF_INET6, "fe80::fffe", 127));
	CHECK(parse("1.2.3.4/31") && entry_is(0, AF_INET, "1.2.3.4", 31));
	CHECK(parse("1.2.3.5/31") && entry_is(0, AF_INET, "1.2.3.4", 31));
}

static void test_bad_lists(void)
{
	CHECK(rejects("10.0.0.0/33", "10.0.0.0/33"));
	CHECK(rejects("::1/129", "::1/129"));
	CHECK(rejects("1.2.3.4/", "1.2.3.4/"));
	CHECK(rejects("/8", "/8"));
	CHECK(rejects("1.2.3.4/08", "1.2.3.4/08"));
	CHECK(rejects("1.2.3.4/00", "1.2.3.4/00"));
	CHECK(rejects("1.2.3.4/+8", "1.2.3.4/+8"));
	CHECK(rejects("1.2.3.4/-8", "1.2.3.4/-8"));
	CHECK(rejects("1.2.3.4/ 8", "1.2.3.4/ 8"));
	CHECK(rejects("1.2.3.4 /8", "1.2.3.4 /8"));
	CHECK(rejects("1.2.3.4/8/8", "1.2.3.4/8/8"));
	CHECK(rejects("1.2.3.4/0x8", "1.2.3.4/0x8"));
	CHECK(rejects("1.2.3.4/1000", "1.2.3.4/1000"));
	CHECK(rejects("1.2.3.4/1a", "1.2.3.4/1a"));
	/* Longer than the longest address inet_pton() takes. */
	CHECK(rejects("0000:0000:0000:0000:0000:ffff:255.255.255.2555/128",
		"0000:0000:0000:0000:0000:ffff:255.255.255.2555/128"));
	CHECK(rejects("fe80::1%eth0", "fe80::1%eth0"));
	CHECK(rejects("fe80::1%eth0/64", "fe80::1%eth0/64"));
	CHECK(rejects("1.2.3", "1.2.3"));
	CHECK(rejects("10.1", "10.1"));
	CHECK(rejects("01.2.3.4", "01.2.3.4"));
	CHECK(rejects("localhost", "localhost"));
	CHECK(rejects("[::1]", "[::1]"));
	CHECK(rejects("1.2.3.4:80", "1.2.3.4:80"));
	CHECK(rejects("1.2.3.4 5.6.7.8", "1.2.3.4 5.6.7.8"));
	CHECK(rejects("1.2.3.4;5.6.7.8", "1.2.3.4;5.6.7.8"));
	CHECK(rejects("1.2.3.4\n", "1.2.3.4\n"));
	/* The bad entry among good ones, trimmed; empty entries anywhere. */
	CHECK(rejects("10.0.0.0/8, bogus , ::1", "bogus"));
	CHECK(rejects("a,,b", "a"));
	CHECK(rejects("10.0.0.1,,::1", ""));
	CHECK(rejects("10.0.0.1, ,::1", ""));
	CHECK(rejects(",10.0.0.1", ""));
	CHECK(rejects("10.0.0.1,", ""));
	CHECK(rejects(" , ", ""));
	CHECK(rejects("::1, 1.2.3.4/33", "1.2.3.4/33"));
}

static void test_bad_entry_position(void)
{
	static const char text[] = "10.0.0.1,,::1";
	static const char with_nul[] = "10.0.0.1\0junk";
	const char *bad;
	size_t bad_length;

	/* An empty entry is pointed at where it is, between the commas. */
	CHECK(!fastsock_proxy_sources_parse(text, strlen(text), list, MAX_ENTRIES, &count,
		&bad, &bad_length));
	CHECK(bad == text + 9 && bad_length == 0 && count == 1);
	/* inet_pton() would stop at the NUL and see a good address. */
	CHECK(!fastsock_proxy_sources_parse(with_nul, sizeof(with_nul) - 1, list, MAX_ENTRIES,
		&count, &bad, &bad_length));
	CHECK(bad == with_nul && bad_length == sizeof(with_nul) - 1);
	/* Only len bytes are read: the rest of the string is not the list. */
	CHECK(fastsock_proxy_sources_parse("10.0.0.1,junk", 8, list, MAX_ENTRIES, &count,
		&bad, &bad_length) && count == 1);
	/* A capacity too small stops at the entry that does not fit. */
	CHECK(!fastsock_proxy_sources_parse("1.1.1.1, 2.2.2.2", 16, list, 1, &count,
		&bad, &bad_length));
	CHECK(count == 1 && bad_length == 7 && memcmp(bad, "2.2.2.2", 7) == 0);
}

static void test_match(void)
{
	struct sockaddr_un un = {.sun_family = AF_UNIX, .sun_path = "/tmp/x"};
	struct sockaddr_in in = {.sin_family = AF_INET};
	struct sockaddr_in6 in6 = {.sin6_family = AF_INET6};

	CHECK(parse("10.0.0.0/8, 192.168.1.7, 2001:db8::/32, ::1"));
	CHECK(peer_matches("10.0.0.0") && peer_matches("10.255.255.255"));
	CHECK(!peer_matches("11.0.0.0") && !peer_matches("9.255.255.255"));
	CHECK(peer_matches("192.168.1.7") && !peer_matches("192.168.1.8"));
	CHECK(peer_matches("2001:db8::1") && peer_matches("2001:db8:ffff:ffff::"));
	CHECK(!peer_matches("2001:db9::1") && !peer_matches("::2"));
	CHECK(peer_matches("::1") && !peer_matches("127.0.0.1"));
	/* IPv4-mapped peers from a dual-stack socket match IPv4 entries. */
	CHECK(peer_matches("::ffff:10.1.2.3") && peer_matches("::ffff:192.168.1.7"));
	CHECK(!peer_matches("::ffff:11.1.2.3"));
	/* Not the IPv4-compatible form, nor NAT64 prefixes. */
	CHECK(!peer_matches("::10.1.2.3") && !peer_matches("64:ff9b::10.1.2.3"));

	/* A mapped IPv6 entry matches mapped peers, not AF_INET ones. */
	CHECK(parse("::ffff:127.0.0.0/104"));
	CHECK(peer_matches("::ffff:127.0.0.1") && !peer_matches("::ffff:128.0.0.1"));
	CHECK(!peer_matches("127.0.0.1"));

	/* Prefixes not on a byte edge. */
	CHECK(parse("172.16.0.0/12, fe80::/10"));
	CHECK(peer_matches("172.31.255.255") && !peer_matches("172.32.0.0"));
	CHECK(!peer_matches("172.15.255.255"));
	CHECK(peer_matches("febf::1") && !peer_matches("fec0::1") && !peer_matches("fe7f::1"));

	/* /0 takes its whole family, and only it. */
	CHECK(parse("0.0.0.0/0"));
	CHECK(peer_matches("1.2.3.4") && peer_matches("::ffff:1.2.3.4") && !peer_matches("::1"));
	CHECK(parse("::/0"));
	CHECK(peer_matches("::1") && peer_matches("::ffff:1.2.3.4") && !peer_matches("1.2.3.4"));

	/* Unix peers, short lengths and empty lists never match. */
	CHECK(!fastsock_proxy_sources_match(list, count, (struct sockaddr *) &un, sizeof(un)));
	CHECK(parse("0.0.0.0/0"));
	CHECK(fastsock_proxy_sources_match(list, count, (struct sockaddr *) &in, sizeof(in)));
	CHECK(!fastsock_proxy_sources_match(list, count, (struct sockaddr *) &in, sizeof(in) - 1));
	CHECK(!fastsock_proxy_sources_match(list, count, (struct sockaddr *) &in, 0));
	CHECK(parse("::/0"));
	CHECK(!fastsock_proxy_sources_match(list, count, (struct sockaddr *) &in6,
		sizeof(in6) - 1));
	CHECK(fastsock_proxy_sources_match(list, count, (struct sockaddr *) &in6, sizeof(in6)));
	CHECK(!fastsock_proxy_sources_match(list, 0, (struct sockaddr *) &in, sizeof(in)));
	CHECK(parse(""));
	CHECK(!peer_matches("1.2.3.4") && !peer_matches("::1"));
}

int main(void)
{
	test_capacity();
	test_valid_lists();
	test_bad_lists();
	test_bad_entry_position();
	test_match();
	return check_report();
}
