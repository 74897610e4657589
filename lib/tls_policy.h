/*
 * The parts of stock's TLS server setup (ext/openssl/xp_ssl.c) that are
 * plain arithmetic over strings and ints: the protocol version range, the
 * ALPN wire format, wildcard host names, hex. Plain C, without PHP or
 * OpenSSL, so a C unit test pins each rule; the Zend and OpenSSL glue
 * converts zvals into these inputs and passes the outputs on.
 */
#ifndef FASTSOCK_TLS_POLICY_H
#define FASTSOCK_TLS_POLICY_H

#include <stdbool.h>
#include <stddef.h>

/* PHP's STREAM_CRYPTO_METHOD_* bits (main/streams/php_stream_transport.h):
 * bit0 client, bit1 SSLv2, bit2 SSLv3, bit3 TLS1.0, bit4 TLS1.1, bit5 TLS1.2,
 * bit6 TLS1.3 */
#define FASTSOCK_TLS_IS_CLIENT (1 << 0)
#define FASTSOCK_TLS_1_0 (1 << 3)
#define FASTSOCK_TLS_1_1 (1 << 4)
#define FASTSOCK_TLS_1_2 (1 << 5)
#define FASTSOCK_TLS_1_3 (1 << 6)

/* The versions as OpenSSL and the wire number them (TLS1_VERSION ...). */
#define FASTSOCK_TLS_VERSION_1_0 0x0301
#define FASTSOCK_TLS_VERSION_1_1 0x0302
#define FASTSOCK_TLS_VERSION_1_2 0x0303
#define FASTSOCK_TLS_VERSION_1_3 0x0304

/*
 * Stock's arithmetic on a build without SSLv3 and with TLS1.3 (Debian's):
 * the method bits TLS1.0..TLS1.3 inside [min_version, max_version] are set,
 * the others cleared; every other bit (client, SSLv2, SSLv3, higher bits)
 * is returned as it came. min_version and max_version are the context's
 * min_proto_version and max_proto_version as PHP longs: 0 is unset (the
 * lowest, or highest, TLS bit in method_flags, TLS1.3 when none is set);
 * otherwise they are compared as numbers with the bits, so a *_CLIENT
 * value (bit0 set) as min_version excludes its own version. Like stock,
 * which passes the longs to int parameters, only their low 32 bits count.
 */
int fastsock_tls_method_range(int method_flags, long min_version, long max_version);

/*
 * The protocol version (0x0301..0x0304) stock passes to
 * SSL_CTX_set_min_proto_version and _max_ for these flags: the lowest (or
 * highest) TLS bit set; TLS1.3 for both when no TLS bit is set.
 */
int fastsock_tls_min_version(int method_flags);
int fastsock_tls_max_version(int method_flags);

/*
 * ALPN protocol list, stock's comma-separated string to the wire format:
 * each element becomes a length byte and its bytes; an empty element
 * ("a,,b", "", a trailing comma) becomes a zero-length entry, as in stock.
 * Stock measures the string with strlen(), so the input ends at the first
 * NUL byte within len, if any. `out` must have room for len + 1 bytes; on
 * success *out_len is the used length + 1 (len + 1 without a NUL). Fails
 * where stock fails: a length of 65535 or more, or an element longer than
 * 255 bytes.
 */
bool fastsock_tls_alpn_wire(const char *in, size_t len, unsigned char *out, size_t *out_len);

/*
 * Does host name `subject` match `certname` (a SNI_server_certs key, or a
 * name from a certificate)? Stock's rule: equal ignoring ASCII case, or
 * certname has a '*' in its left-most label, the text before the star is a
 * prefix and the text after it a suffix of subject (ignoring case), and
 * the star stands for no '.' (it may stand for nothing). Only the first
 * star is special. Where the prefix and suffix would overlap in subject
 * (stock then reads past the subject), there is no match.
 */
bool fastsock_tls_name_matches(const char *subject, const char *certname);

/* Lowercase hex of len bytes, NUL-terminated; out has room for 2*len+1. */
void fastsock_tls_hex(const unsigned char *in, size_t len, char *out);

#endif
