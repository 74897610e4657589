/*
 * The PROXY protocol header (HAProxy's spec, versions 1 and 2) that a load
 * balancer puts at the start of a connection to carry the real client's
 * addresses.
 *
 * Plain C over a byte buffer: no I/O, no allocation, no Zend. The caller
 * peeks at what has arrived, asks whether it is a complete header, and
 * reads exactly `length` bytes off the socket once it is, so the bytes
 * after the header (a TLS ClientHello, a request) stay unread.
 */
#ifndef FASTSOCK_PROXY_HEADER_H
#define FASTSOCK_PROXY_HEADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

/* The longest headers the spec allows: a v1 line with its CRLF, and a v2
 * header whose 16-bit length is at its maximum. */
#define FASTSOCK_PROXY_V1_MAX 107
#define FASTSOCK_PROXY_V2_MAX (16 + 65535)

/* v2 TLV types (section 2.2 of the spec). */
#define FASTSOCK_PROXY_TLV_ALPN 0x01
#define FASTSOCK_PROXY_TLV_AUTHORITY 0x02
#define FASTSOCK_PROXY_TLV_CRC32C 0x03
#define FASTSOCK_PROXY_TLV_NOOP 0x04
#define FASTSOCK_PROXY_TLV_UNIQUE_ID 0x05
#define FASTSOCK_PROXY_TLV_SSL 0x20
#define FASTSOCK_PROXY_SUBTLV_SSL_VERSION 0x21
#define FASTSOCK_PROXY_SUBTLV_SSL_CN 0x22
#define FASTSOCK_PROXY_SUBTLV_SSL_CIPHER 0x23
#define FASTSOCK_PROXY_SUBTLV_SSL_SIG_ALG 0x24
#define FASTSOCK_PROXY_SUBTLV_SSL_KEY_ALG 0x25
#define FASTSOCK_PROXY_TLV_NETNS 0x30

/* The SSL TLV's client field. */
#define FASTSOCK_PROXY_SSL_CLIENT_SSL 0x01
#define FASTSOCK_PROXY_SSL_CLIENT_CERT_CONN 0x02
#define FASTSOCK_PROXY_SSL_CLIENT_CERT_SESS 0x04

typedef enum fastsock_proxy_status {
	FASTSOCK_PROXY_INCOMPLETE, /* a valid beginning: wait for more bytes */
	FASTSOCK_PROXY_OK,
	FASTSOCK_PROXY_INVALID,    /* not a header, or a malformed one: drop the connection */
} fastsock_proxy_status;

typedef struct fastsock_proxy_header {
	int version;            /* 1 or 2 */
	/* The connection's own addresses stand: v2 LOCAL (health checks), v1
	 * UNKNOWN, or v2 PROXY with the UNSPEC family. */
	bool local;
	int family;             /* AF_INET, AF_INET6, AF_UNIX; AF_UNSPEC when local */
	int socktype;           /* SOCK_STREAM, SOCK_DGRAM; 0 when unspecified */
	/* family != AF_UNSPEC: the client (source) and the address it
	 * connected to (destination), ports in network byte order. */
	struct sockaddr_storage source;
	struct sockaddr_storage destination;
	socklen_t address_length; /* of each of the two */
	/* OK: the header's length in bytes, TLVs included.
	 * INCOMPLETE: the buffer must hold at least this many bytes before
	 * the answer can change (always more than it holds, and never more
	 * than FASTSOCK_PROXY_V2_MAX). */
	size_t length;
	/* OK and version 2: the TLVs, at buf + tlv_offset, all validated. */
	size_t tlv_offset;
	size_t tlv_length;
	/* INVALID: a short static reason ("bad v1 port", ...) for a log. */
	const char *error;
} fastsock_proxy_header;

/*
 * Looks at the first `len` bytes of a connection. INVALID as soon as the
 * bytes cannot begin a header (so a peer that is not a balancer is told
 * apart without waiting), for a v1 line longer than FASTSOCK_PROXY_V1_MAX,
 * and for anything the spec says a receiver must reject: unknown version
 * or command, a family or transport value not assigned, an address block
 * shorter than its family needs, a v1 address that is not one of its
 * family, a port above 65535, a TLV running past the header, an SSL TLV
 * whose sub-TLVs do not fit, a UNIQUE_ID longer than 128 bytes, a CRC32C
 * TLV that does not match. v2 LOCAL ignores the family and addresses, as
 * the spec says. out is always written.
 */
fastsock_proxy_status fastsock_proxy_parse(const unsigned char *buf, size_t len,
	fastsock_proxy_header *out);

typedef struct fastsock_proxy_tlv {
	unsigned char type;
	const unsigned char *value;
	size_t length;
} fastsock_proxy_tlv;

/* The TLV at *pos of a block fastsock_proxy_parse() validated (the
 * header's TLVs, or an SSL TLV's sub-TLVs), advancing *pos past it; false
 * at the end or if the TLV does not fit. Start with *pos = 0. */
bool fastsock_proxy_tlv_next(const unsigned char *block, size_t length, size_t *pos,
	fastsock_proxy_tlv *out);

typedef struct fastsock_proxy_ssl {
	unsigned char client;          /* FASTSOCK_PROXY_SSL_CLIENT_* bits */
	uint32_t verify;               /* 0: the client certificate was verified */
	const unsigned char *subs;     /* the sub-TLVs, for fastsock_proxy_tlv_next */
	size_t subs_length;
} fastsock_proxy_ssl;

/* Splits the value of an SSL TLV; false if it is shorter than 5 bytes. */
bool fastsock_proxy_ssl_parse(const fastsock_proxy_tlv *tlv, fastsock_proxy_ssl *out);

#endif
