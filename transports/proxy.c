#include "php.h"
#include "php_network.h"
#include "php_fastsock.h"

#include "proxy.h"
#include "context.h"
#include "proxy_header.h"
#include "proxy_sources.h"

typedef struct fastsock_proxy_trust {
	zend_string *from;              /* as written, for fastsock_info() */
	fastsock_proxy_source *sources;
	size_t count;
} fastsock_proxy_trust;

typedef struct fastsock_proxy_received {
	fastsock_proxy_header header;   /* its TLV offsets point into bytes */
	zend_string *bytes;
} fastsock_proxy_received;

/* Most headers (any v1, a v2 with addresses and a few TLVs) fit in one
 * peek this size; a longer v2 grows the buffer to the length it gives. */
#define FASTSOCK_PROXY_FIRST_PEEK 256

static fastsock_proxy_source *sources_parse(const char *text, size_t len, size_t *count)
{
	size_t capacity = fastsock_proxy_sources_capacity(text, len);
	fastsock_proxy_source *sources = safe_emalloc(capacity, sizeof(*sources), 0);
	const char *bad;
	size_t bad_length;

	if (!fastsock_proxy_sources_parse(text, len, sources, capacity, count, &bad, &bad_length)) {
		efree(sources);
		return NULL;
	}
	return sources;
}

bool fastsock_proxy_from_valid(const char *text, size_t len)
{
	size_t count;
	fastsock_proxy_source *sources = sources_parse(text, len, &count);

	if (!sources) {
		return false;
	}
	efree(sources);
	return true;
}

static zend_string *context_from(php_stream_context *context)
{
	zval *fastsock, *value;
	const fastsock_setting_spec *spec = fastsock_setting_get(FASTSOCK_SET_PROXY_FROM);

	if (!context) {
		return NULL;
	}
	fastsock = zend_hash_str_find_deref(Z_ARRVAL(context->options), "fastsock", sizeof("fastsock") - 1);
	if (!fastsock || Z_TYPE_P(fastsock) != IS_ARRAY) {
		return NULL;
	}
	value = zend_hash_str_find_deref(Z_ARRVAL_P(fastsock), "proxy_from", sizeof("proxy_from") - 1);
	if (!value) {
		return NULL;
	}
	if (Z_TYPE_P(value) == IS_STRING && fastsock_proxy_from_valid(Z_STRVAL_P(value), Z_STRLEN_P(value))) {
		return zend_string_copy(Z_STR_P(value));
	}
	if (Z_TYPE_P(value) == IS_STRING) {
		char shown[FASTSOCK_SHOWN_SIZE];

		fastsock_shown_value(Z_STRVAL_P(value), Z_STRLEN_P(value), shown, sizeof(shown));
		php_error_docref(NULL, E_WARNING,
			"Invalid fastsock context option \"proxy_from\": \"%s\" is not accepted, expected %s; "
			"the ini setting is used instead", shown, spec->accepted);
	} else {
		php_error_docref(NULL, E_WARNING,
			"Invalid fastsock context option \"proxy_from\": %s is not accepted, expected %s; "
			"the ini setting is used instead", zend_zval_type_name(value), spec->accepted);
	}
	return NULL;
}

void fastsock_proxy_server_setup(php_stream_context *context, fastsock_sock *server)
{
	fastsock_proxy_trust *trust;
	zend_string *from;

	if (!server->options.proxy_protocol || !fastsock_kind_is_stream(server->kind)) {
		return;
	}
	/* Any local user who can connect to a unix socket could claim any
	 * client address: only a server that opts in itself trusts them, never
	 * the ini setting alone. */
	if (fastsock_kind_is_unix(server->kind)
			&& !fastsock_context_sets_true(context, FASTSOCK_SET_PROXY_PROTOCOL)) {
		server->options.proxy_protocol = false;
		return;
	}
	from = context_from(context);
	if (!from) {
		const char *ini = FASTSOCK_G(proxy_from) ? FASTSOCK_G(proxy_from) : "";

		from = zend_string_init(ini, strlen(ini), 0);
	}
	trust = emalloc(sizeof(*trust));
	trust->from = from;
	trust->sources = sources_parse(ZSTR_VAL(from), ZSTR_LEN(from), &trust->count);
	/* Both sources were checked where they were set. */
	ZEND_ASSERT(trust->sources != NULL);
	server->proxy_trust = trust;
	if (trust->count == 0 && server->kind == FASTSOCK_TCP) {
		php_error_docref(NULL, E_WARNING,
			"fastsock.proxy_protocol is on but fastsock.proxy_from lists no source: "
			"no peer is trusted to send a PROXY header, every connection is served as direct");
	}
}

bool fastsock_proxy_expected(const fastsock_sock *server, const struct sockaddr *peer, socklen_t length)
{
	const fastsock_proxy_trust *trust = server->proxy_trust;

	if (!trust) {
		return false;
	}
	if (fastsock_kind_is_unix(server->kind)) {
		return true;
	}
	return fastsock_proxy_sources_match(trust->sources, trust->count, peer, length);
}

typedef struct fastsock_proxy_reading {
	unsigned char *buf;
	size_t cap;
	size_t have;    /* bytes of an incomplete header already taken */
} fastsock_proxy_reading;

/* Takes exactly count bytes that a peek has shown are there. */
static bool take(int fd, unsigned char *buf, size_t count)
{
	ssize_t got;

	do {
		got = recv(fd, buf, count, MSG_DONTWAIT);
	} while (got < 0 && errno == EINTR);
	return got >= 0 && (size_t) got == count;
}

static void keep_header(fastsock_sock *conn, const fastsock_proxy_reading *reading,
		const fastsock_proxy_header *header)
{
	fastsock_proxy_received *received = emalloc(sizeof(*received));

	if (header->local) {
		FASTSOCK_G(counters).proxy_local++;
	} else {
		FASTSOCK_G(counters).proxy_headers++;
	}
	received->header = *header;
	received->bytes = zend_string_init((const char *) reading->buf, header->length, 0);
	conn->proxy = received;
}

static fastsock_proxy_step rejected(void)
{
	FASTSOCK_G(counters).proxy_rejected++;
	return FASTSOCK_PROXY_STEP_BAD;
}

/*
 * Peeks at what has arrived and takes only the header's bytes, so what
 * follows it (a ClientHello, a request) stays for the script or the TLS
 * handshake. Bytes of a header not yet complete are taken as they come:
 * they belong to it whatever follows, and left unread they would make the
 * descriptor look readable while no more has come.
 */
fastsock_proxy_step fastsock_proxy_read(fastsock_sock *conn, fastsock_proxy_reading **state)
{
	fastsock_proxy_reading *reading = *state;
	int fd = conn->net.socket;

	if (!reading) {
		reading = *state = emalloc(sizeof(*reading));
		reading->cap = FASTSOCK_PROXY_FIRST_PEEK;
		reading->buf = emalloc(reading->cap);
		reading->have = 0;
	}
	for (;;) {
		ssize_t n = recv(fd, reading->buf + reading->have, reading->cap - reading->have,
			MSG_PEEK | MSG_DONTWAIT);
		fastsock_proxy_header header;

		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			return FASTSOCK_PROXY_STEP_AGAIN;
		}
		if (n <= 0) {
			/* Gone before a byte: what a balancer's connect check does. */
			return reading->have == 0 ? FASTSOCK_PROXY_STEP_CLOSED : rejected();
		}
		switch (fastsock_proxy_parse(reading->buf, reading->have + (size_t) n, &header)) {
			case FASTSOCK_PROXY_OK:
				if (!take(fd, reading->buf + reading->have, header.length - reading->have)) {
					return rejected();
				}
				keep_header(conn, reading, &header);
				return FASTSOCK_PROXY_STEP_DONE;
			case FASTSOCK_PROXY_INVALID:
				return rejected();
			case FASTSOCK_PROXY_INCOMPLETE:
				if (!take(fd, reading->buf + reading->have, (size_t) n)) {
					return rejected();
				}
				reading->have += (size_t) n;
				if (header.length > reading->cap) {
					reading->cap = header.length;
					reading->buf = erealloc(reading->buf, reading->cap);
				}
				break;
		}
	}
}

void fastsock_proxy_expire(fastsock_proxy_reading **state)
{
	FASTSOCK_G(counters).proxy_rejected++;
	FASTSOCK_G(counters).proxy_timeouts++;
	fastsock_proxy_reading_free(state);
}

void fastsock_proxy_reading_free(fastsock_proxy_reading **state)
{
	if (*state) {
		efree((*state)->buf);
		efree(*state);
		*state = NULL;
	}
}

bool fastsock_proxy_local(const fastsock_sock *conn)
{
	return conn->proxy && conn->proxy->header.local;
}

const struct sockaddr *fastsock_proxy_peer(const fastsock_sock *conn, socklen_t *length)
{
	const fastsock_proxy_received *received = conn->proxy;

	if (!received || received->header.local) {
		return NULL;
	}
	if (length) {
		*length = received->header.address_length;
	}
	return (const struct sockaddr *) &received->header.source;
}

static void add_address(zval *out, const char *key, const struct sockaddr_storage *sa, socklen_t length)
{
	zend_string *text = NULL;

	php_network_populate_name_from_sockaddr((struct sockaddr *) sa, length, &text, NULL, NULL);
	if (text) {
		add_assoc_str(out, key, text);
	} else {
		add_assoc_null(out, key);
	}
}

static const char *transport_name(const fastsock_proxy_header *header)
{
	bool stream = header->socktype == SOCK_STREAM;

	if (header->socktype != SOCK_STREAM && header->socktype != SOCK_DGRAM) {
		return NULL;
	}
	switch (header->family) {
		case AF_INET: return stream ? "tcp4" : "udp4";
		case AF_INET6: return stream ? "tcp6" : "udp6";
		case AF_UNIX: return stream ? "unix-stream" : "unix-dgram";
		default: return NULL;
	}
}

typedef struct tlv_name {
	unsigned char type;
	const char *key;
} tlv_name;

/* The first TLV of that type in a validated block: a TLV given twice
 * counts once. */
static bool find_tlv(const unsigned char *block, size_t length, unsigned char type, fastsock_proxy_tlv *out)
{
	size_t pos = 0;

	while (fastsock_proxy_tlv_next(block, length, &pos, out)) {
		if (out->type == type) {
			return true;
		}
	}
	return false;
}

/* Each named TLV's value as a string, null when the block has none. */
static void add_tlv_texts(const unsigned char *block, size_t length, const tlv_name *names, size_t count,
		zval *out)
{
	for (size_t i = 0; i < count; i++) {
		fastsock_proxy_tlv tlv;

		if (find_tlv(block, length, names[i].type, &tlv)) {
			add_assoc_stringl(out, names[i].key, (const char *) tlv.value, tlv.length);
		} else {
			add_assoc_null(out, names[i].key);
		}
	}
}

/* The SSL TLV: how the client reached the balancer. */
static void add_ssl(const unsigned char *tlvs, size_t length, zval *out)
{
	static const tlv_name subs[] = {
		{FASTSOCK_PROXY_SUBTLV_SSL_VERSION, "version"},
		{FASTSOCK_PROXY_SUBTLV_SSL_CN, "cn"},
		{FASTSOCK_PROXY_SUBTLV_SSL_CIPHER, "cipher"},
		{FASTSOCK_PROXY_SUBTLV_SSL_SIG_ALG, "sig_alg"},
		{FASTSOCK_PROXY_SUBTLV_SSL_KEY_ALG, "key_alg"},
	};
	fastsock_proxy_tlv tlv;
	fastsock_proxy_ssl ssl;
	zval info;

	if (!find_tlv(tlvs, length, FASTSOCK_PROXY_TLV_SSL, &tlv) || !fastsock_proxy_ssl_parse(&tlv, &ssl)) {
		add_assoc_null(out, "ssl");
		return;
	}
	array_init(&info);
	add_assoc_bool(&info, "client_ssl", ssl.client & FASTSOCK_PROXY_SSL_CLIENT_SSL);
	add_assoc_bool(&info, "client_cert_conn", ssl.client & FASTSOCK_PROXY_SSL_CLIENT_CERT_CONN);
	add_assoc_bool(&info, "client_cert_sess", ssl.client & FASTSOCK_PROXY_SSL_CLIENT_CERT_SESS);
	add_assoc_bool(&info, "verified", ssl.verify == 0);
	add_tlv_texts(ssl.subs, ssl.subs_length, subs, sizeof(subs) / sizeof(subs[0]), &info);
	add_assoc_zval(out, "ssl", &info);
}

static void describe_received(const fastsock_proxy_received *received, zval *out)
{
	static const tlv_name texts[] = {
		{FASTSOCK_PROXY_TLV_ALPN, "alpn"},
		{FASTSOCK_PROXY_TLV_AUTHORITY, "authority"},
		{FASTSOCK_PROXY_TLV_UNIQUE_ID, "unique_id"},
		{FASTSOCK_PROXY_TLV_NETNS, "netns"},
	};
	const fastsock_proxy_header *header = &received->header;
	/* v1 and v2 LOCAL headers have none: tlv_length is 0. */
	const unsigned char *tlvs = (const unsigned char *) ZSTR_VAL(received->bytes) + header->tlv_offset;
	const char *transport = transport_name(header);

	array_init(out);
	add_assoc_long(out, "version", header->version);
	add_assoc_bool(out, "local", header->local);
	if (header->local) {
		add_assoc_null(out, "source");
		add_assoc_null(out, "destination");
		add_assoc_null(out, "transport");
	} else {
		add_address(out, "source", &header->source, header->address_length);
		add_address(out, "destination", &header->destination, header->address_length);
		if (transport) {
			add_assoc_string(out, "transport", (char *) transport);
		} else {
			add_assoc_null(out, "transport");
		}
	}
	add_tlv_texts(tlvs, header->tlv_length, texts, sizeof(texts) / sizeof(texts[0]), out);
	add_ssl(tlvs, header->tlv_length, out);
}

void fastsock_proxy_describe(const fastsock_sock *sock, zval *out)
{
	zval proxy;

	add_assoc_bool(out, "proxy_protocol", sock->options.proxy_protocol);
	add_assoc_long(out, "proxy_timeout", sock->options.proxy_timeout);
	if (sock->proxy_trust) {
		add_assoc_str(out, "proxy_from", zend_string_copy(sock->proxy_trust->from));
	} else {
		add_assoc_null(out, "proxy_from");
	}
	if (sock->proxy) {
		describe_received(sock->proxy, &proxy);
		add_assoc_zval(out, "proxy", &proxy);
	} else {
		add_assoc_null(out, "proxy");
	}
}

void fastsock_proxy_release(fastsock_sock *sock)
{
	if (sock->proxy_trust) {
		zend_string_release(sock->proxy_trust->from);
		efree(sock->proxy_trust->sources);
		efree(sock->proxy_trust);
		sock->proxy_trust = NULL;
	}
	if (sock->proxy) {
		zend_string_release(sock->proxy->bytes);
		efree(sock->proxy);
		sock->proxy = NULL;
	}
}
