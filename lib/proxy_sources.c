/*
 * The sources trusted to send a PROXY header. Addresses are read by
 * inet_pton() alone, so only the full dotted quad and the standard IPv6
 * forms pass: no "10.1" shorthand (inet_aton()'s), no names, no zone ids.
 * An IPv6 entry such as ::ffff:10.0.0.0/104 is kept as IPv6 and matches
 * IPv4-mapped peers as they come from a dual-stack socket; an AF_INET
 * peer is compared with IPv4 entries only.
 */
#include "proxy_sources.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>

size_t fastsock_proxy_sources_capacity(const char *text, size_t len)
{
	size_t commas = 0;

	for (size_t i = 0; i < len; i++) {
		commas += text[i] == ',';
	}
	return commas + 1;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool all_blank(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (!is_blank(text[i])) {
			return false;
		}
	}
	return true;
}

static bool parse_address(const char *text, size_t len, fastsock_proxy_source *out)
{
	char copy[INET6_ADDRSTRLEN];

	/* inet_pton() would stop at a NUL and take what came before it. */
	if (len == 0 || len >= sizeof(copy) || memchr(text, '\0', len) != NULL) {
		return false;
	}
	memcpy(copy, text, len);
	copy[len] = '\0';
	if (inet_pton(AF_INET, copy, out->address) == 1) {
		out->family = AF_INET;
		return true;
	}
	if (inet_pton(AF_INET6, copy, out->address) == 1) {
		out->family = AF_INET6;
		return true;
	}
	return false;
}

/* Plain decimal digits only: "08" and "+8" are typos to point out, not
 * spellings of 8. */
static bool parse_prefix(const char *text, size_t len, unsigned max, unsigned *out)
{
	unsigned value = 0;

	if (len == 0 || len > 3 || (text[0] == '0' && len > 1)) {
		return false;
	}
	for (size_t i = 0; i < len; i++) {
		if (text[i] < '0' || text[i] > '9') {
			return false;
		}
		value = value * 10 + (unsigned) (text[i] - '0');
	}
	if (value > max) {
		return false;
	}
	*out = value;
	return true;
}

static void clear_host_bits(unsigned char *address, unsigned prefix, size_t size)
{
	for (size_t i = 0; i < size; i++) {
		unsigned kept = prefix > 8 * i ? prefix - 8 * (unsigned) i : 0;

		if (kept < 8) {
			address[i] &= (unsigned char) (0xff << (8 - kept));
		}
	}
}

/* One entry, blanks already trimmed. */
static bool parse_entry(const char *text, size_t len, fastsock_proxy_source *out)
{
	const char *slash = memchr(text, '/', len);
	size_t address_length = slash != NULL ? (size_t) (slash - text) : len;
	unsigned bits;

	memset(out, 0, sizeof(*out));
	if (!parse_address(text, address_length, out)) {
		return false;
	}
	bits = out->family == AF_INET ? 32 : 128;
	out->prefix = bits;
	if (slash != NULL && !parse_prefix(slash + 1, len - address_length - 1, bits, &out->prefix)) {
		return false;
	}
	clear_host_bits(out->address, out->prefix, bits / 8);
	return true;
}

bool fastsock_proxy_sources_parse(const char *text, size_t len,
	fastsock_proxy_source *out, size_t capacity, size_t *count,
	const char **bad, size_t *bad_length)
{
	size_t start = 0;

	*count = 0;
	*bad = NULL;
	*bad_length = 0;
	if (all_blank(text, len)) {
		return true;
	}
	for (;;) {
		const char *comma = memchr(text + start, ',', len - start);
		size_t end = comma != NULL ? (size_t) (comma - text) : len;
		size_t first = start, last = end;

		while (first < last && is_blank(text[first])) {
			first++;
		}
		while (last > first && is_blank(text[last - 1])) {
			last--;
		}
		/* A capacity short of fastsock_proxy_sources_capacity() is the
		 * caller's mistake; it still stops at the entry that did not fit. */
		if (*count == capacity || !parse_entry(text + first, last - first, &out[*count])) {
			*bad = text + first;
			*bad_length = last - first;
			return false;
		}
		(*count)++;
		if (comma == NULL) {
			return true;
		}
		start = end + 1;
	}
}

/* Whether address, of the family, is within the entry's range. */
static bool in_range(const fastsock_proxy_source *entry, int family, const unsigned char *address)
{
	unsigned whole = entry->prefix / 8, rest = entry->prefix % 8;

	if (entry->family != family || memcmp(entry->address, address, whole) != 0) {
		return false;
	}
	return rest == 0 || ((entry->address[whole] ^ address[whole]) & (0xff << (8 - rest)) & 0xff) == 0;
}

bool fastsock_proxy_sources_match(const fastsock_proxy_source *list, size_t count,
	const struct sockaddr *peer, socklen_t length)
{
	const unsigned char *ipv4 = NULL, *ipv6 = NULL;

	if (length < sizeof(peer->sa_family)) {
		return false;
	}
	if (peer->sa_family == AF_INET && length >= sizeof(struct sockaddr_in)) {
		ipv4 = (const unsigned char *) &((const struct sockaddr_in *) peer)->sin_addr;
	} else if (peer->sa_family == AF_INET6 && length >= sizeof(struct sockaddr_in6)) {
		const struct in6_addr *in6 = &((const struct sockaddr_in6 *) peer)->sin6_addr;

		ipv6 = (const unsigned char *) in6;
		if (IN6_IS_ADDR_V4MAPPED(in6)) {
			ipv4 = ipv6 + 12;
		}
	}
	for (size_t i = 0; i < count; i++) {
		if ((ipv4 != NULL && in_range(&list[i], AF_INET, ipv4))
			|| (ipv6 != NULL && in_range(&list[i], AF_INET6, ipv6))) {
			return true;
		}
	}
	return false;
}
