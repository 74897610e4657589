/*
 * The sources trusted to send a PROXY protocol header: a comma-separated
 * list of addresses and CIDR ranges, IPv4 and IPv6, as in
 * "10.0.0.0/8, 192.168.1.7, ::1, fd00::/8". Plain C, no Zend.
 */
#ifndef FASTSOCK_PROXY_SOURCES_H
#define FASTSOCK_PROXY_SOURCES_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

typedef struct fastsock_proxy_source {
	int family;                 /* AF_INET or AF_INET6 */
	unsigned char address[16];  /* network order, host bits cleared; 4 bytes for AF_INET */
	unsigned prefix;            /* 0..32 or 0..128 */
} fastsock_proxy_source;

/* Enough entries for any list parsed from text: its commas plus one. */
size_t fastsock_proxy_sources_capacity(const char *text, size_t len);

/*
 * Parses the list into out (capacity entries), *count the entries written.
 * Blanks around entries are ignored; an empty or all-blank text is an
 * empty list. An entry is an address (a host: /32 or /128) or an address,
 * "/" and a decimal prefix length within its family; host bits beyond the
 * prefix are cleared. Rejected: empty entries between commas, IPv6 zone
 * ids, prefixes out of range or with signs or leading zeros, and anything
 * inet_pton() does not take. On a bad entry, returns false with *bad and
 * *bad_length set to it (blanks trimmed), for a warning.
 */
bool fastsock_proxy_sources_parse(const char *text, size_t len,
	fastsock_proxy_source *out, size_t capacity, size_t *count,
	const char **bad, size_t *bad_length);

/* Whether the peer address is in the list. An IPv4-mapped IPv6 peer
 * (::ffff:a.b.c.d, as on a dual-stack listener) matches IPv4 entries as
 * its IPv4 address. Other families never match. */
bool fastsock_proxy_sources_match(const fastsock_proxy_source *list, size_t count,
	const struct sockaddr *peer, socklen_t length);

#endif
