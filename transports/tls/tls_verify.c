/*
 * The peer checks of a TLS server, with stock PHP's rules and warnings
 * (ext/openssl/xp_ssl.c), reading the connection's stream context at the
 * moment they run.
 */
#include "php.h"

#include <arpa/inet.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "tls_verify.h"
#include "tls_connection.h"
#include "tls_policy.h"

/* Stock's OPENSSL_DEFAULT_STREAM_VERIFY_DEPTH. */
#define STOCK_VERIFY_DEPTH 9

static zval *ssl_option(php_stream_context *context, const char *name)
{
	return context ? php_stream_context_get_option(context, "ssl", name) : NULL;
}

int fastsock_tls_verify_callback(int preverify_ok, X509_STORE_CTX *store)
{
	SSL *ssl = X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx());
	fastsock_sock *sock = fastsock_tls_sock_of(ssl);
	php_stream_context *context = sock && sock->tls ? fastsock_tls_options_context(sock->tls) : NULL;
	int error = X509_STORE_CTX_get_error(store);
	int depth = X509_STORE_CTX_get_error_depth(store);
	zend_ulong allowed_depth = STOCK_VERIFY_DEPTH;
	zval *value;

	if (!sock) {
		return preverify_ok;
	}
	if (error == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT
			&& (value = ssl_option(context, "allow_self_signed")) && zend_is_true(value)) {
		preverify_ok = 1;
	}
	if ((value = ssl_option(context, "verify_depth")) != NULL) {
		allowed_depth = (zend_ulong) zval_get_long(value);
	}
	if ((zend_ulong) depth > allowed_depth) {
		preverify_ok = 0;
		X509_STORE_CTX_set_error(store, X509_V_ERR_CERT_CHAIN_TOO_LONG);
	}
	return preverify_ok;
}

/* The certificate's digest in lowercase hex compared, case-insensitively,
 * with what the script expects; an unknown algorithm warns as stock's
 * openssl_x509_fingerprint() does. */
static bool fingerprint_equals(X509 *peer, const char *algorithm, const char *expected)
{
	unsigned char digest[EVP_MAX_MD_SIZE];
	char hex[EVP_MAX_MD_SIZE * 2 + 1];
	const EVP_MD *md = EVP_get_digestbyname(algorithm);
	unsigned int len;

	if (!md) {
		php_error_docref(NULL, E_WARNING, "Unknown digest algorithm");
		return false;
	}
	if (!X509_digest(peer, md, digest, &len)) {
		php_error_docref(NULL, E_ERROR, "Could not generate signature");
		return false;
	}
	fastsock_tls_hex(digest, len, hex);
	return strcasecmp(expected, hex) == 0;
}

static bool fingerprint_matches(X509 *peer, zval *expected)
{
	zend_string *algorithm;
	zval *hash;

	if (Z_TYPE_P(expected) == IS_STRING) {
		/* A bare string names its algorithm by its length. */
		switch (Z_STRLEN_P(expected)) {
			case 32: return fingerprint_equals(peer, "md5", Z_STRVAL_P(expected));
			case 40: return fingerprint_equals(peer, "sha1", Z_STRVAL_P(expected));
			default: return false;
		}
	}
	if (Z_TYPE_P(expected) != IS_ARRAY) {
		php_error_docref(NULL, E_WARNING,
			"Invalid peer_fingerprint value; fingerprint string or array of the form [algo => fingerprint] required");
		return false;
	}
	if (zend_hash_num_elements(Z_ARRVAL_P(expected)) == 0) {
		php_error_docref(NULL, E_WARNING, "Invalid peer_fingerprint array; [algo => fingerprint] form required");
		return false;
	}
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(expected), algorithm, hash) {
		if (!algorithm || Z_TYPE_P(hash) != IS_STRING) {
			php_error_docref(NULL, E_WARNING, "Invalid peer_fingerprint array; [algo => fingerprint] form required");
			return false;
		}
		if (!fingerprint_equals(peer, ZSTR_VAL(algorithm), Z_STRVAL_P(hash))) {
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}

/* An IPv6 address as stock writes both sides before comparing them. */
static void ipv6_expanded(const unsigned char *bytes, char *out, size_t size)
{
	snprintf(out, size, "%X:%X:%X:%X:%X:%X:%X:%X",
		bytes[0] << 8 | bytes[1], bytes[2] << 8 | bytes[3], bytes[4] << 8 | bytes[5],
		bytes[6] << 8 | bytes[7], bytes[8] << 8 | bytes[9], bytes[10] << 8 | bytes[11],
		bytes[12] << 8 | bytes[13], bytes[14] << 8 | bytes[15]);
}

static bool san_entry_matches(const GENERAL_NAME *san, const char *name, const char *name_ipv6)
{
	char ip[64];

	if (san->type == GEN_DNS) {
		unsigned char *dns = NULL;
		int len = ASN1_STRING_to_UTF8(&dns, san->d.dNSName);
		bool match = false;

		/* A name with a NUL inside is never believed. */
		if (len >= 0 && dns && (size_t) ASN1_STRING_length(san->d.dNSName) == strlen((char *) dns)) {
			size_t n = strlen((char *) dns);

			if (n && dns[n - 1] == '.') {
				dns[n - 1] = '\0';
			}
			match = fastsock_tls_name_matches(name, (char *) dns);
		}
		OPENSSL_free(dns);
		return match;
	}
	if (san->type == GEN_IPADD) {
		const unsigned char *bytes = ASN1_STRING_get0_data(san->d.iPAddress);

		if (ASN1_STRING_length(san->d.iPAddress) == 4) {
			snprintf(ip, sizeof(ip), "%d.%d.%d.%d", bytes[0], bytes[1], bytes[2], bytes[3]);
			return strcasecmp(name, ip) == 0;
		}
		if (ASN1_STRING_length(san->d.iPAddress) == 16 && name_ipv6) {
			ipv6_expanded(bytes, ip, sizeof(ip));
			return strcasecmp(name_ipv6, ip) == 0;
		}
	}
	return false;
}

static bool san_matches(X509 *peer, const char *name)
{
	GENERAL_NAMES *sans = X509_get_ext_d2i(peer, NID_subject_alt_name, NULL, NULL);
	char expanded[64];
	unsigned char ipv6[16];
	const char *name_ipv6 = NULL;
	bool match = false;

	if (inet_pton(AF_INET6, name, ipv6) == 1) {
		ipv6_expanded(ipv6, expanded, sizeof(expanded));
		name_ipv6 = expanded;
	}
	for (int i = 0; i < sk_GENERAL_NAME_num(sans) && !match; i++) {
		match = san_entry_matches(sk_GENERAL_NAME_value(sans, i), name, name_ipv6);
	}
	sk_GENERAL_NAME_pop_free(sans, GENERAL_NAME_free);
	return match;
}

static bool common_name_matches(X509 *peer, const char *name)
{
	char cn[1024];
	int len = X509_NAME_get_text_by_NID(X509_get_subject_name(peer), NID_commonName, cn, sizeof(cn));

	if (len == -1) {
		php_error_docref(NULL, E_WARNING, "Unable to locate peer certificate CN");
		return false;
	}
	if ((size_t) len != strlen(cn)) {
		php_error_docref(NULL, E_WARNING, "Peer certificate CN=`%.*s' is malformed", len, cn);
		return false;
	}
	if (fastsock_tls_name_matches(name, cn)) {
		return true;
	}
	php_error_docref(NULL, E_WARNING, "Peer certificate CN=`%.*s' did not match expected CN=`%s'", len, cn, name);
	return false;
}

bool fastsock_tls_peer_policy(php_stream_context *context, SSL *ssl, X509 *peer)
{
	/* On a server each check runs only when the script asks for it. */
	zval *verify_peer = ssl_option(context, "verify_peer");
	zval *verify_name = ssl_option(context, "verify_peer_name");
	zval *fingerprint = ssl_option(context, "peer_fingerprint");
	bool must_verify_peer = verify_peer && zend_is_true(verify_peer);
	bool must_verify_name = verify_name && zend_is_true(verify_name);
	zval *value;

	if ((must_verify_peer || must_verify_name || fingerprint) && !peer) {
		php_error_docref(NULL, E_WARNING, "Could not get peer certificate");
		return false;
	}
	if (must_verify_peer) {
		long result = SSL_get_verify_result(ssl);

		if (result != X509_V_OK && !(result == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT
				&& (value = ssl_option(context, "allow_self_signed")) && zend_is_true(value))) {
			php_error_docref(NULL, E_WARNING, "Could not verify peer: code:%d %s",
				(int) result, X509_verify_cert_error_string(result));
			return false;
		}
	}
	if (fingerprint) {
		if (Z_TYPE_P(fingerprint) != IS_STRING && Z_TYPE_P(fingerprint) != IS_ARRAY) {
			php_error_docref(NULL, E_WARNING, "Expected peer fingerprint must be a string or an array");
			return false;
		}
		if (!fingerprint_matches(peer, fingerprint)) {
			php_error_docref(NULL, E_WARNING, "peer_fingerprint match failure");
			return false;
		}
	}
	if (must_verify_name) {
		/* A server has no URL to take a name from: only peer_name. */
		value = ssl_option(context, "peer_name");
		if (!value || !try_convert_to_string(value)) {
			return false;
		}
		return san_matches(peer, Z_STRVAL_P(value)) || common_name_matches(peer, Z_STRVAL_P(value));
	}
	return true;
}

/* An OpenSSLCertificate object, made by ext/openssl itself from the PEM
 * text, since its object layout is not ours to fill. */
static bool certificate_object(X509 *cert, zval *out)
{
	BIO *bio = BIO_new(BIO_s_mem());
	zval function, pem;
	char *data;
	long len;
	bool ok;

	ZVAL_UNDEF(out);
	if (!bio || !PEM_write_bio_X509(bio, cert)) {
		BIO_free(bio);
		return false;
	}
	len = BIO_get_mem_data(bio, &data);
	ZVAL_STRINGL(&pem, data, len);
	BIO_free(bio);
	ZVAL_STRINGL(&function, "openssl_x509_read", sizeof("openssl_x509_read") - 1);
	ok = call_user_function(NULL, NULL, &function, out, 1, &pem) == SUCCESS && Z_TYPE_P(out) == IS_OBJECT;
	zval_ptr_dtor(&function);
	zval_ptr_dtor(&pem);
	if (!ok) {
		zval_ptr_dtor(out);
		ZVAL_UNDEF(out);
	}
	return ok;
}

void fastsock_tls_capture_peer(php_stream_context *context, SSL *ssl, X509 *peer)
{
	zval *value, object, chain_out;
	STACK_OF(X509) *chain;

	if (!context || !peer) {
		return;
	}
	if ((value = ssl_option(context, "capture_peer_cert")) && zend_is_true(value)
			&& certificate_object(peer, &object)) {
		php_stream_context_set_option(context, "ssl", "peer_certificate", &object);
		zval_ptr_dtor(&object);
	}
	if (!(value = ssl_option(context, "capture_peer_cert_chain")) || !zend_is_true(value)) {
		return;
	}
	chain = SSL_get_peer_cert_chain(ssl);
	if (chain && sk_X509_num(chain) > 0) {
		array_init(&chain_out);
		for (int i = 0; i < sk_X509_num(chain); i++) {
			if (certificate_object(sk_X509_value(chain, i), &object)) {
				add_next_index_zval(&chain_out, &object);
			}
		}
	} else {
		ZVAL_NULL(&chain_out);
	}
	php_stream_context_set_option(context, "ssl", "peer_certificate_chain", &chain_out);
	zval_ptr_dtor(&chain_out);
}
