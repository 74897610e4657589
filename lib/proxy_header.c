/*
 * The PROXY protocol header, versions 1 and 2, as HAProxy's
 * doc/proxy-protocol.txt defines them.
 *
 * Where the spec leaves a choice, this parser takes the stricter or the
 * simpler side:
 * - Each byte of a signature ("PROXY " or the 12 bytes of v2), and the v2
 *   version, command, family and transport, are checked as they arrive, so
 *   while they arrive INCOMPLETE asks for one more byte: the next one may
 *   already be wrong. Once the 16 fixed v2 bytes are in it asks for the
 *   whole header, which is decoded only when complete, as the spec says.
 * - A v1 line is decoded once its CRLF is in; before that only a CR or LF
 *   not forming that CRLF, and the 107-byte limit, reject it.
 * - v1 ports, like v1 IPv4 addresses (inet_pton() takes no leading zero
 *   there either), have no leading zeros: "Heading zeroes are not
 *   permitted", against octal readings. "0" alone is port 0.
 * - v2 LOCAL, and v2 PROXY with the UNSPEC family, make a local header
 *   whose bytes after the fixed 16 are skipped whole: the spec has the
 *   receiver discard that block, and with no family its addresses have no
 *   known size, so TLVs after them could not be told apart. Such a header
 *   has no TLVs (tlv_length 0).
 * - A family with the UNSPEC transport still has its addresses (and ports)
 *   read; socktype is then 0.
 * - AF_UNIX addresses keep all 108 bytes of each path, with address_length
 *   sizeof(struct sockaddr_un): a Linux abstract name (leading NUL) is its
 *   whole padded block. A pathname must end in a NUL within its block, so
 *   sun_path is always a terminated string.
 * - One CRC32C TLV at most: the spec knows one checksum field, and checking
 *   several would cost one pass over the header each.
 */
#include "proxy_header.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/un.h>

#define V1_SIGNATURE "PROXY "
#define V1_SIGNATURE_LENGTH (sizeof(V1_SIGNATURE) - 1)

static const unsigned char v2_signature[] = {
	0x0d, 0x0a, 0x0d, 0x0a, 0x00, 0x0d, 0x0a, 0x51, 0x55, 0x49, 0x54, 0x0a,
};

#define V2_SIGNATURE_LENGTH sizeof(v2_signature)
#define V2_FIXED_LENGTH 16
#define V2_COMMAND_LOCAL 0x0
#define V2_COMMAND_PROXY 0x1
#define V2_FAMILY_UNSPEC 0x0
#define V2_FAMILY_INET 0x1
#define V2_FAMILY_INET6 0x2
#define V2_FAMILY_UNIX 0x3
#define V2_TRANSPORT_STREAM 0x1
#define V2_TRANSPORT_DGRAM 0x2
#define V2_UNIX_PATH_LENGTH 108
#define TLV_HEADER_LENGTH 3
#define SSL_FIXED_LENGTH 5
#define UNIQUE_ID_MAX 128
#define CRC32C_LENGTH 4

_Static_assert(sizeof(((struct sockaddr_un *) 0)->sun_path) == V2_UNIX_PATH_LENGTH,
	"a v2 unix path is copied whole into sun_path");

/* The address block of each v2 family: two addresses, then for IP two ports. */
static const size_t v2_block_lengths[] = {
	[V2_FAMILY_UNSPEC] = 0,
	[V2_FAMILY_INET] = 2 * 4 + 2 * 2,
	[V2_FAMILY_INET6] = 2 * 16 + 2 * 2,
	[V2_FAMILY_UNIX] = 2 * V2_UNIX_PATH_LENGTH,
};

static fastsock_proxy_status incomplete(fastsock_proxy_header *out, size_t needed)
{
	out->length = needed;
	return FASTSOCK_PROXY_INCOMPLETE;
}

static fastsock_proxy_status invalid(fastsock_proxy_header *out, const char *error)
{
	out->error = error;
	return FASTSOCK_PROXY_INVALID;
}

static uint16_t read_u16(const unsigned char *p)
{
	return (uint16_t) (p[0] << 8 | p[1]);
}

static uint32_t read_u32(const unsigned char *p)
{
	return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8 | p[3];
}

/* Whether the bytes held agree with the signature as far as both go. */
static bool agrees_with(const unsigned char *buf, size_t len, const void *signature,
	size_t signature_length)
{
	return memcmp(buf, signature, len < signature_length ? len : signature_length) == 0;
}

/* port in host order, stored in network order as in a real sockaddr. */
static void set_ip_address(struct sockaddr_storage *to, int family, const unsigned char *address,
	uint16_t port)
{
	if (family == AF_INET) {
		struct sockaddr_in *in = (struct sockaddr_in *) to;

		in->sin_family = AF_INET;
		memcpy(&in->sin_addr, address, sizeof(in->sin_addr));
		in->sin_port = htons(port);
	} else {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *) to;

		in6->sin6_family = AF_INET6;
		memcpy(&in6->sin6_addr, address, sizeof(in6->sin6_addr));
		in6->sin6_port = htons(port);
	}
}

static socklen_t ip_address_length(int family)
{
	return family == AF_INET ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6);
}

/* Finds the CRLF that ends a v1 line, setting out->length to the line's
 * length with it. A lone CR or LF anywhere is wrong, not only at the end:
 * the line is "one line", and an UNKNOWN line's free text ends at the
 * first CRLF. */
static fastsock_proxy_status v1_line_end(const unsigned char *buf, size_t len,
	fastsock_proxy_header *out)
{
	size_t held = len < FASTSOCK_PROXY_V1_MAX ? len : FASTSOCK_PROXY_V1_MAX;

	for (size_t i = 0; i < held; i++) {
		if (buf[i] == '\n') {
			return invalid(out, "v1 LF without CR");
		}
		if (buf[i] != '\r') {
			continue;
		}
		if (i + 2 > FASTSOCK_PROXY_V1_MAX) {
			return invalid(out, "v1 line too long");
		}
		if (i + 1 == len) {
			return incomplete(out, len + 1);
		}
		if (buf[i + 1] != '\n') {
			return invalid(out, "v1 CR without LF");
		}
		out->length = i + 2;
		return FASTSOCK_PROXY_OK;
	}
	if (len >= FASTSOCK_PROXY_V1_MAX) {
		return invalid(out, "v1 line too long");
	}
	return incomplete(out, len + 1);
}

typedef struct v1_field {
	const unsigned char *start;
	size_t length;
} v1_field;

/* Splits what follows "TCP4 " or "TCP6 " into exactly four non-empty
 * fields, one space between each and none at the end. */
static bool v1_split(const unsigned char *p, const unsigned char *end, v1_field fields[4])
{
	for (int i = 0; i < 4; i++) {
		const unsigned char *space = memchr(p, ' ', (size_t) (end - p));
		const unsigned char *stop = space != NULL ? space : end;

		if (stop == p || (space == NULL) != (i == 3)) {
			return false;
		}
		fields[i].start = p;
		fields[i].length = (size_t) (stop - p);
		p = stop + (space != NULL);
	}
	return true;
}

static bool v1_address(const v1_field *field, int family, unsigned char *address)
{
	char text[INET6_ADDRSTRLEN];

	/* inet_pton() would stop at a NUL and take what came before it. */
	if (field->length >= sizeof(text) || memchr(field->start, '\0', field->length) != NULL) {
		return false;
	}
	memcpy(text, field->start, field->length);
	text[field->length] = '\0';
	return inet_pton(family, text, address) == 1;
}

/* A field v1_split() found, so never empty. */
static bool v1_port(const v1_field *field, uint16_t *port)
{
	unsigned long value = 0;

	if (field->length > 5 || (field->start[0] == '0' && field->length > 1)) {
		return false;
	}
	for (size_t i = 0; i < field->length; i++) {
		if (field->start[i] < '0' || field->start[i] > '9') {
			return false;
		}
		value = value * 10 + (unsigned long) (field->start[i] - '0');
	}
	if (value > 65535) {
		return false;
	}
	*port = (uint16_t) value;
	return true;
}

static bool starts_with(const unsigned char *p, const unsigned char *end, const char *word)
{
	size_t length = strlen(word);

	return (size_t) (end - p) >= length && memcmp(p, word, length) == 0;
}

/* Decodes a v1 line from after "PROXY " to before its CRLF. */
static fastsock_proxy_status v1_decode(const unsigned char *p, const unsigned char *end,
	fastsock_proxy_header *out)
{
	unsigned char source[16], destination[16];
	uint16_t source_port, destination_port;
	v1_field fields[4];
	int family;

	/* The receiver must ignore whatever follows UNKNOWN on the line. */
	if (starts_with(p, end, "UNKNOWN") && (end - p == 7 || p[7] == ' ')) {
		out->local = true;
		return FASTSOCK_PROXY_OK;
	}
	if (starts_with(p, end, "TCP4 ")) {
		family = AF_INET;
	} else if (starts_with(p, end, "TCP6 ")) {
		family = AF_INET6;
	} else {
		return invalid(out, "bad v1 protocol");
	}
	if (!v1_split(p + 5, end, fields)) {
		return invalid(out, "bad v1 field spacing or count");
	}
	if (!v1_address(&fields[0], family, source) || !v1_address(&fields[1], family, destination)) {
		return invalid(out, "bad v1 address");
	}
	if (!v1_port(&fields[2], &source_port) || !v1_port(&fields[3], &destination_port)) {
		return invalid(out, "bad v1 port");
	}
	out->family = family;
	out->socktype = SOCK_STREAM;
	set_ip_address(&out->source, family, source, source_port);
	set_ip_address(&out->destination, family, destination, destination_port);
	out->address_length = ip_address_length(family);
	return FASTSOCK_PROXY_OK;
}

static fastsock_proxy_status parse_v1(const unsigned char *buf, size_t len,
	fastsock_proxy_header *out)
{
	fastsock_proxy_status status;

	if (!agrees_with(buf, len, V1_SIGNATURE, V1_SIGNATURE_LENGTH)) {
		return invalid(out, "not a PROXY header");
	}
	status = v1_line_end(buf, len, out);
	if (status != FASTSOCK_PROXY_OK) {
		return status;
	}
	out->version = 1;
	return v1_decode(buf + V1_SIGNATURE_LENGTH, buf + out->length - 2, out);
}

/* What is wrong with the version, command, family and transport bytes, as
 * far as they are held; NULL when nothing is. */
static const char *v2_fixed_error(const unsigned char *buf, size_t len)
{
	if (len > 12 && buf[12] >> 4 != 2) {
		return "bad v2 version";
	}
	if (len > 12 && (buf[12] & 0x0f) > V2_COMMAND_PROXY) {
		return "bad v2 command";
	}
	/* LOCAL ignores the family byte, unassigned values included. */
	if (len > 13 && (buf[12] & 0x0f) == V2_COMMAND_PROXY
		&& (buf[13] >> 4 > V2_FAMILY_UNIX || (buf[13] & 0x0f) > V2_TRANSPORT_DGRAM)) {
		return "bad v2 family or transport";
	}
	return NULL;
}

/* A pathname must end within its block; an abstract name is the block. */
static bool v2_unix_address(const unsigned char *path, struct sockaddr_storage *to)
{
	struct sockaddr_un *un = (struct sockaddr_un *) to;

	if (path[0] != '\0' && memchr(path, '\0', V2_UNIX_PATH_LENGTH) == NULL) {
		return false;
	}
	un->sun_family = AF_UNIX;
	memcpy(un->sun_path, path, V2_UNIX_PATH_LENGTH);
	return true;
}

/* Fills the addresses from the block of a PROXY header of family
 * INET, INET6 or UNIX. */
static fastsock_proxy_status v2_addresses(const unsigned char *block, unsigned family,
	fastsock_proxy_header *out)
{
	size_t size;

	switch (family) {
	case V2_FAMILY_UNIX:
		if (!v2_unix_address(block, &out->source)
			|| !v2_unix_address(block + V2_UNIX_PATH_LENGTH, &out->destination)) {
			return invalid(out, "v2 unix path without NUL");
		}
		out->family = AF_UNIX;
		out->address_length = sizeof(struct sockaddr_un);
		return FASTSOCK_PROXY_OK;
	case V2_FAMILY_INET:
		out->family = AF_INET;
		size = 4;
		break;
	default:
		out->family = AF_INET6;
		size = 16;
		break;
	}
	set_ip_address(&out->source, out->family, block, read_u16(block + 2 * size));
	set_ip_address(&out->destination, out->family, block + size, read_u16(block + 2 * size + 2));
	out->address_length = ip_address_length(out->family);
	return FASTSOCK_PROXY_OK;
}

/* CRC32c (Castagnoli, reflected polynomial 0x82F63B78) one bit at a time:
 * headers are short, and at most one is summed per header. */
static uint32_t crc32c_update(uint32_t crc, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		crc ^= p[i];
		for (int bit = 0; bit < 8; bit++) {
			crc = (crc >> 1) ^ (0x82F63B78u & (0u - (crc & 1u)));
		}
	}
	return crc;
}

/* The sum of the whole header with the checksum field read as zeros. */
static bool crc32c_matches(const unsigned char *header, size_t length, const unsigned char *field)
{
	static const unsigned char zeros[CRC32C_LENGTH];
	size_t at = (size_t) (field - header);
	uint32_t crc = 0xffffffffu;

	crc = crc32c_update(crc, header, at);
	crc = crc32c_update(crc, zeros, CRC32C_LENGTH);
	crc = crc32c_update(crc, field + CRC32C_LENGTH, length - at - CRC32C_LENGTH);
	return ~crc == read_u32(field);
}

static const char *v2_ssl_error(const fastsock_proxy_tlv *tlv)
{
	fastsock_proxy_ssl ssl;
	fastsock_proxy_tlv sub;
	size_t pos = 0;

	if (!fastsock_proxy_ssl_parse(tlv, &ssl)) {
		return "v2 SSL TLV shorter than 5 bytes";
	}
	while (pos < ssl.subs_length) {
		if (!fastsock_proxy_tlv_next(ssl.subs, ssl.subs_length, &pos, &sub)) {
			return "v2 SSL sub-TLV runs past its TLV";
		}
	}
	return NULL;
}

/* Checks the TLVs of a complete header whose out->tlv_* are set. */
static fastsock_proxy_status v2_check_tlvs(const unsigned char *buf, fastsock_proxy_header *out)
{
	const unsigned char *block = buf + out->tlv_offset;
	bool summed = false;
	fastsock_proxy_tlv tlv;
	const char *error;
	size_t pos = 0;

	while (pos < out->tlv_length) {
		if (!fastsock_proxy_tlv_next(block, out->tlv_length, &pos, &tlv)) {
			return invalid(out, "v2 TLV runs past the header");
		}
		switch (tlv.type) {
		case FASTSOCK_PROXY_TLV_SSL:
			error = v2_ssl_error(&tlv);
			if (error != NULL) {
				return invalid(out, error);
			}
			break;
		case FASTSOCK_PROXY_TLV_UNIQUE_ID:
			if (tlv.length > UNIQUE_ID_MAX) {
				return invalid(out, "v2 UNIQUE_ID longer than 128 bytes");
			}
			break;
		case FASTSOCK_PROXY_TLV_CRC32C:
			if (summed || tlv.length != CRC32C_LENGTH) {
				return invalid(out, "v2 CRC32C TLV repeated or not 4 bytes");
			}
			if (!crc32c_matches(buf, out->length, tlv.value)) {
				return invalid(out, "v2 CRC32C mismatch");
			}
			summed = true;
			break;
		default:
			break;
		}
	}
	return FASTSOCK_PROXY_OK;
}

static fastsock_proxy_status parse_v2(const unsigned char *buf, size_t len,
	fastsock_proxy_header *out)
{
	unsigned command, family;
	size_t block_length, total;
	fastsock_proxy_status status;
	const char *error;

	if (!agrees_with(buf, len, v2_signature, V2_SIGNATURE_LENGTH)) {
		return invalid(out, "not a PROXY header");
	}
	error = v2_fixed_error(buf, len);
	if (error != NULL) {
		return invalid(out, error);
	}
	if (len < 14) {
		return incomplete(out, len + 1);
	}
	if (len < V2_FIXED_LENGTH) {
		return incomplete(out, V2_FIXED_LENGTH);
	}
	command = buf[12] & 0x0f;
	family = buf[13] >> 4;
	block_length = command == V2_COMMAND_PROXY ? v2_block_lengths[family] : 0;
	total = V2_FIXED_LENGTH + (size_t) read_u16(buf + 14);
	if (total < V2_FIXED_LENGTH + block_length) {
		return invalid(out, "v2 length too short for its addresses");
	}
	if (len < total) {
		return incomplete(out, total);
	}
	out->version = 2;
	out->length = total;
	if (command == V2_COMMAND_LOCAL || family == V2_FAMILY_UNSPEC) {
		out->local = true;
		out->tlv_offset = total;
		return FASTSOCK_PROXY_OK;
	}
	switch (buf[13] & 0x0f) {
	case V2_TRANSPORT_STREAM:
		out->socktype = SOCK_STREAM;
		break;
	case V2_TRANSPORT_DGRAM:
		out->socktype = SOCK_DGRAM;
		break;
	default:
		break;
	}
	status = v2_addresses(buf + V2_FIXED_LENGTH, family, out);
	if (status != FASTSOCK_PROXY_OK) {
		return status;
	}
	out->tlv_offset = V2_FIXED_LENGTH + block_length;
	out->tlv_length = total - out->tlv_offset;
	return v2_check_tlvs(buf, out);
}

fastsock_proxy_status fastsock_proxy_parse(const unsigned char *buf, size_t len,
	fastsock_proxy_header *out)
{
	fastsock_proxy_status status;
	const char *error;

	memset(out, 0, sizeof(*out));
	if (len == 0) {
		return incomplete(out, 1);
	}
	if (buf[0] == V1_SIGNATURE[0]) {
		status = parse_v1(buf, len, out);
	} else if (buf[0] == v2_signature[0]) {
		status = parse_v2(buf, len, out);
	} else {
		status = invalid(out, "not a PROXY header");
	}
	/* Nothing decoded before the fault is left for a caller to trust. */
	if (status == FASTSOCK_PROXY_INVALID) {
		error = out->error;
		memset(out, 0, sizeof(*out));
		out->error = error;
	}
	return status;
}

bool fastsock_proxy_tlv_next(const unsigned char *block, size_t length, size_t *pos,
	fastsock_proxy_tlv *out)
{
	size_t value_length;

	if (*pos > length || length - *pos < TLV_HEADER_LENGTH) {
		return false;
	}
	value_length = read_u16(block + *pos + 1);
	if (value_length > length - *pos - TLV_HEADER_LENGTH) {
		return false;
	}
	out->type = block[*pos];
	out->value = block + *pos + TLV_HEADER_LENGTH;
	out->length = value_length;
	*pos += TLV_HEADER_LENGTH + value_length;
	return true;
}

bool fastsock_proxy_ssl_parse(const fastsock_proxy_tlv *tlv, fastsock_proxy_ssl *out)
{
	memset(out, 0, sizeof(*out));
	if (tlv->length < SSL_FIXED_LENGTH) {
		return false;
	}
	out->client = tlv->value[0];
	out->verify = read_u32(tlv->value + 1);
	out->subs = tlv->value + SSL_FIXED_LENGTH;
	out->subs_length = tlv->length - SSL_FIXED_LENGTH;
	return true;
}
