/*
 * libFuzzer harness of lib/proxy_sources.c: parses the input as a list
 * into exactly fastsock_proxy_sources_capacity() entries, matches a few
 * fixed peers, and aborts when an answer breaks the interface's promises:
 * the bad entry within the text and trimmed, entries of a known family
 * with their host bits cleared, a list that reads back the same once
 * written out, and IPv4-mapped peers matching whatever their IPv4 address
 * matches. Built and run by tests/fuzz/run.
 */
#include "proxy_sources.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/un.h>

#include "require.h"

static const char *const ipv4_peers[] = {"127.0.0.1", "10.1.2.3", "192.168.1.7", "0.0.0.0",
	"255.255.255.255"};
static const char *const ipv6_peers[] = {"::1", "2001:db8::1", "fe80::1", "::",
	"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "64:ff9b::a01:203"};

static bool match_ipv4(const fastsock_proxy_source *list, size_t count, const char *address)
{
	struct sockaddr_in in = {.sin_family = AF_INET};

	REQUIRE(inet_pton(AF_INET, address, &in.sin_addr) == 1);
	return fastsock_proxy_sources_match(list, count, (struct sockaddr *) &in, sizeof(in));
}

static bool match_ipv6(const fastsock_proxy_source *list, size_t count, const unsigned char *address)
{
	struct sockaddr_in6 in6 = {.sin6_family = AF_INET6};

	memcpy(&in6.sin6_addr, address, 16);
	return fastsock_proxy_sources_match(list, count, (struct sockaddr *) &in6, sizeof(in6));
}

static void check_peers(const fastsock_proxy_source *list, size_t count)
{
	struct sockaddr_un un = {.sun_family = AF_UNIX, .sun_path = "/run/balancer.sock"};

	for (size_t i = 0; i < sizeof(ipv4_peers) / sizeof(ipv4_peers[0]); i++) {
		unsigned char mapped[16] = {[10] = 0xff, [11] = 0xff};

		REQUIRE(inet_pton(AF_INET, ipv4_peers[i], mapped + 12) == 1);
		if (match_ipv4(list, count, ipv4_peers[i])) {
			REQUIRE(match_ipv6(list, count, mapped));
		}
	}
	for (size_t i = 0; i < sizeof(ipv6_peers) / sizeof(ipv6_peers[0]); i++) {
		unsigned char address[16];

		REQUIRE(inet_pton(AF_INET6, ipv6_peers[i], address) == 1);
		match_ipv6(list, count, address);
	}
	REQUIRE(!fastsock_proxy_sources_match(list, count, (struct sockaddr *) &un, sizeof(un)));
}

static void check_entry(const fastsock_proxy_source *entry)
{
	size_t size = entry->family == AF_INET ? 4 : 16;

	REQUIRE(entry->family == AF_INET || entry->family == AF_INET6);
	REQUIRE(entry->prefix <= 8 * size);
	for (size_t bit = entry->prefix; bit < 8 * size; bit++) {
		REQUIRE((entry->address[bit / 8] & (0x80 >> bit % 8)) == 0);
	}
	/* The range's own first address is in it. */
	if (entry->family == AF_INET) {
		char text[INET_ADDRSTRLEN];

		REQUIRE(inet_ntop(AF_INET, entry->address, text, sizeof(text)) != NULL);
		REQUIRE(match_ipv4(entry, 1, text));
	} else {
		REQUIRE(match_ipv6(entry, 1, entry->address));
	}
}

/* Writes the list out as text and parses it again: the same entries. */
static void check_round_trip(const fastsock_proxy_source *list, size_t count)
{
	char *text = malloc(count * (INET6_ADDRSTRLEN + 5) + 1);
	fastsock_proxy_source *again = malloc((count ? count : 1) * sizeof(*again));
	const char *bad;
	size_t length = 0, bad_length, count_again;

	REQUIRE(text != NULL && again != NULL);
	for (size_t i = 0; i < count; i++) {
		REQUIRE(inet_ntop(list[i].family, list[i].address, text + length, INET6_ADDRSTRLEN) != NULL);
		length += strlen(text + length);
		length += (size_t) sprintf(text + length, "/%u%s", list[i].prefix, i + 1 < count ? ", " : "");
	}
	REQUIRE(fastsock_proxy_sources_capacity(text, length) >= count);
	REQUIRE(fastsock_proxy_sources_parse(text, length, again, count, &count_again, &bad, &bad_length));
	REQUIRE(count_again == count);
	for (size_t i = 0; i < count; i++) {
		REQUIRE(again[i].family == list[i].family && again[i].prefix == list[i].prefix);
		REQUIRE(memcmp(again[i].address, list[i].address, 16) == 0);
	}
	free(text);
	free(again);
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	const char *text = (const char *) data;
	size_t capacity = fastsock_proxy_sources_capacity(text, size);
	fastsock_proxy_source *list = malloc(capacity * sizeof(*list));
	const char *bad;
	size_t count, bad_length;
	bool ok;

	REQUIRE(list != NULL && capacity >= 1 && capacity <= size + 1);
	ok = fastsock_proxy_sources_parse(text, size, list, capacity, &count, &bad, &bad_length);
	REQUIRE(count <= capacity);
	if (ok) {
		/* Every comma separates two entries; only a blank text has none. */
		REQUIRE(bad == NULL && bad_length == 0 && (count == capacity || count == 0));
		for (size_t i = 0; i < count; i++) {
			check_entry(&list[i]);
		}
		check_round_trip(list, count);
	} else {
		REQUIRE(bad != NULL && bad >= text && bad + bad_length <= text + size);
		REQUIRE(bad_length == 0 || (!is_blank(bad[0]) && !is_blank(bad[bad_length - 1])));
		REQUIRE(memchr(bad, ',', bad_length) == NULL);
	}
	check_peers(list, ok ? count : 0);
	free(list);
	return 0;
}
