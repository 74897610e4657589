/*
 * libFuzzer harness of lib/proxy_header.c: parses the input, walks every
 * TLV and SSL sub-TLV of an accepted header and reads its addresses, and
 * aborts when an answer breaks the interface's promises: its lengths, that
 * the header alone parses the same, and that one byte more never changes
 * an answer before the length INCOMPLETE asked for. Built and run by
 * tests/fuzz/run.
 */
#include "proxy_header.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/un.h>

#include "require.h"

/* Where reads go so that they are not optimized away. */
static volatile unsigned char sink;

static void touch(const void *p, size_t n)
{
	const unsigned char *bytes = p;
	unsigned char sum = 0;

	for (size_t i = 0; i < n; i++) {
		sum ^= bytes[i];
	}
	sink ^= sum;
}

/* Parses a heap copy of exactly len bytes, so that ASan sees any read
 * past them even when len is shorter than the fuzzer's input. */
static fastsock_proxy_status parse_copy(const unsigned char *data, size_t len,
	fastsock_proxy_header *h)
{
	unsigned char *copy = malloc(len ? len : 1);
	fastsock_proxy_status status;

	REQUIRE(copy != NULL);
	memcpy(copy, data, len);
	status = fastsock_proxy_parse(copy, len, h);
	free(copy);
	return status;
}

static bool same_header(const fastsock_proxy_header *a, const fastsock_proxy_header *b)
{
	return a->version == b->version && a->local == b->local && a->family == b->family
		&& a->socktype == b->socktype && a->address_length == b->address_length
		&& a->length == b->length && a->tlv_offset == b->tlv_offset
		&& a->tlv_length == b->tlv_length && a->error == b->error
		&& memcmp(&a->source, &b->source, sizeof(a->source)) == 0
		&& memcmp(&a->destination, &b->destination, sizeof(a->destination)) == 0;
}

static void walk_ssl(const fastsock_proxy_tlv *tlv)
{
	fastsock_proxy_ssl ssl;
	fastsock_proxy_tlv sub;
	size_t pos = 0;

	REQUIRE(fastsock_proxy_ssl_parse(tlv, &ssl));
	REQUIRE(ssl.subs == tlv->value + 5 && ssl.subs_length == tlv->length - 5);
	touch(&ssl.verify, sizeof(ssl.verify));
	while (fastsock_proxy_tlv_next(ssl.subs, ssl.subs_length, &pos, &sub)) {
		REQUIRE(sub.value + sub.length <= ssl.subs + ssl.subs_length);
		touch(sub.value, sub.length);
	}
	REQUIRE(pos == ssl.subs_length);
}

static void walk_tlvs(const unsigned char *data, const fastsock_proxy_header *h)
{
	const unsigned char *block = data + h->tlv_offset;
	fastsock_proxy_tlv tlv;
	size_t pos = 0;

	while (fastsock_proxy_tlv_next(block, h->tlv_length, &pos, &tlv)) {
		REQUIRE(tlv.value >= block + 3 && tlv.value + tlv.length <= block + h->tlv_length);
		touch(tlv.value, tlv.length);
		if (tlv.type == FASTSOCK_PROXY_TLV_SSL) {
			walk_ssl(&tlv);
		} else if (tlv.type == FASTSOCK_PROXY_TLV_UNIQUE_ID) {
			REQUIRE(tlv.length <= 128);
		} else if (tlv.type == FASTSOCK_PROXY_TLV_CRC32C) {
			REQUIRE(tlv.length == 4);
		}
	}
	/* All validated: the walk ends exactly at the end of the header. */
	REQUIRE(pos == h->tlv_length);
}

static void check_addresses(const fastsock_proxy_header *h)
{
	const struct sockaddr_storage *both[] = {&h->source, &h->destination};

	if (h->local) {
		REQUIRE(h->family == AF_UNSPEC && h->address_length == 0 && h->socktype == 0);
		return;
	}
	REQUIRE(h->socktype == 0 || h->socktype == SOCK_STREAM || h->socktype == SOCK_DGRAM);
	for (int i = 0; i < 2; i++) {
		REQUIRE(both[i]->ss_family == h->family);
		touch(both[i], h->address_length);
		if (h->family == AF_INET) {
			REQUIRE(h->address_length == sizeof(struct sockaddr_in));
		} else if (h->family == AF_INET6) {
			REQUIRE(h->address_length == sizeof(struct sockaddr_in6));
		} else {
			const struct sockaddr_un *un = (const struct sockaddr_un *) both[i];

			REQUIRE(h->family == AF_UNIX && h->version == 2);
			REQUIRE(h->address_length == sizeof(struct sockaddr_un));
			REQUIRE(memchr(un->sun_path, '\0', sizeof(un->sun_path)) != NULL);
		}
	}
}

static void check_ok(const unsigned char *data, size_t size, const fastsock_proxy_header *h)
{
	fastsock_proxy_header again;

	REQUIRE(h->error == NULL && h->length <= size);
	if (h->version == 1) {
		REQUIRE(h->length >= 15 && h->length <= FASTSOCK_PROXY_V1_MAX);
		REQUIRE(h->tlv_offset == 0 && h->tlv_length == 0);
	} else {
		REQUIRE(h->version == 2);
		REQUIRE(h->length >= 16 && h->length <= FASTSOCK_PROXY_V2_MAX);
		REQUIRE(h->tlv_offset >= 16 && h->tlv_offset + h->tlv_length == h->length);
		REQUIRE(!h->local || h->tlv_length == 0);
		walk_tlvs(data, h);
	}
	check_addresses(h);
	/* The header alone is the same header; a byte less asks for it. */
	REQUIRE(parse_copy(data, h->length, &again) == FASTSOCK_PROXY_OK);
	REQUIRE(same_header(&again, h));
	REQUIRE(parse_copy(data, h->length - 1, &again) == FASTSOCK_PROXY_INCOMPLETE);
	REQUIRE(again.length == h->length);
}

/* The answer for size bytes against the one for size - 1: an OK or INVALID
 * stays, and an INCOMPLETE that asked for more than size stays too. */
static void check_against_shorter(const unsigned char *data, size_t size,
	fastsock_proxy_status status, const fastsock_proxy_header *h)
{
	fastsock_proxy_header shorter;
	fastsock_proxy_status before = parse_copy(data, size - 1, &shorter);

	if (before == FASTSOCK_PROXY_OK) {
		REQUIRE(status == FASTSOCK_PROXY_OK && same_header(&shorter, h));
	} else if (before == FASTSOCK_PROXY_INVALID) {
		REQUIRE(status == FASTSOCK_PROXY_INVALID);
	} else if (shorter.length > size) {
		REQUIRE(status == FASTSOCK_PROXY_INCOMPLETE && h->length == shorter.length);
	} else {
		REQUIRE(shorter.length == size);
	}
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	fastsock_proxy_header h;
	fastsock_proxy_status status = fastsock_proxy_parse(data, size, &h);

	switch (status) {
	case FASTSOCK_PROXY_OK:
		check_ok(data, size, &h);
		break;
	case FASTSOCK_PROXY_INCOMPLETE:
		REQUIRE(h.error == NULL && h.length > size && h.length <= FASTSOCK_PROXY_V2_MAX);
		break;
	case FASTSOCK_PROXY_INVALID:
		REQUIRE(h.error != NULL && h.length == 0 && h.version == 0 && h.family == 0);
		break;
	default:
		REQUIRE(!"a status outside the enum");
	}
	if (size > 0) {
		check_against_shorter(data, size, status, &h);
	}
	return 0;
}
