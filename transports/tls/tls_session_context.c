/*
 * The session id context, from what a session's trust rests on (see
 * tls_session_context.h). SHA-256 over length-prefixed fields, so that
 * concatenations cannot collide; OpenSSL keeps its first 32 bytes.
 */
#include "php.h"

#include <openssl/evp.h>
#include <openssl/x509.h>

#include "tls_session_context.h"
#include "tls_options.h"
#include "dir_sorted.h"

/* Stock's OPENSSL_DEFAULT_STREAM_VERIFY_DEPTH. */
#define STOCK_VERIFY_DEPTH 9

static void feed(EVP_MD_CTX *md, const void *data, size_t len)
{
	uint64_t n = len;

	EVP_DigestUpdate(md, &n, sizeof(n));
	EVP_DigestUpdate(md, data, len);
}

static void feed_long(EVP_MD_CTX *md, long long value)
{
	feed(md, &value, sizeof(value));
}

static void feed_certificate(EVP_MD_CTX *md, X509 *cert)
{
	unsigned char *der = NULL;
	int len = cert ? i2d_X509(cert, &der) : -1;

	if (len < 0) {
		feed_long(md, -1);
		return;
	}
	feed(md, der, (size_t) len);
	OPENSSL_free(der);
}

/* The CAs loaded into the store (cafile, through OpenSSL or a stream
 * wrapper), in the store's own order, which is sorted. */
static void feed_store(EVP_MD_CTX *md, X509_STORE *store)
{
	STACK_OF(X509_OBJECT) *objects = store ? X509_STORE_get0_objects(store) : NULL;

	for (int i = 0; i < sk_X509_OBJECT_num(objects); i++) {
		X509 *cert = X509_OBJECT_get0_X509(sk_X509_OBJECT_value(objects, i));

		if (cert) {
			feed_certificate(md, cert);
		}
	}
}

static bool feed_file(EVP_MD_CTX *md, const char *path)
{
	char buf[8192];
	size_t n;
	FILE *file = fopen(path, "rb");

	if (!file) {
		return false;
	}
	while ((n = fread(buf, 1, sizeof(buf), file)) > 0) {
		EVP_DigestUpdate(md, buf, n);
	}
	fclose(file);
	return true;
}

static void feed_entry(void *arg, const char *name, const char *path)
{
	EVP_MD_CTX *md = arg;

	feed(md, name, strlen(name));
	feed_long(md, feed_file(md, path));
}

/* A capath's CAs are looked up by OpenSSL when a client needs them, so
 * the directory's files, by name and content, stand for them. */
static void feed_directory(EVP_MD_CTX *md, const char *dir)
{
	if (!fastsock_dir_each_sorted(dir, feed_entry, md)) {
		feed_long(md, -1);
	}
}

static const char *capath_of(php_stream_context *context)
{
	zval *value = fastsock_tls_option_get(context, FASTSOCK_TLS_OPT_CAPATH);
	const char *ini;

	if (value && Z_TYPE_P(value) == IS_STRING) {
		return Z_STRVAL_P(value);
	}
	ini = zend_ini_string((char *) "openssl.capath", sizeof("openssl.capath") - 1, 0);
	return ini && *ini ? ini : NULL;
}

bool fastsock_tls_session_context_set(fastsock_tls_ctx *tctx, php_stream_context *context)
{
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	unsigned char id[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	bool verifies = SSL_CTX_get_verify_mode(tctx->ctx) & SSL_VERIFY_PEER;
	zval *value;
	bool ok;

	if (!md || EVP_DigestInit_ex(md, EVP_sha256(), NULL) != 1) {
		EVP_MD_CTX_free(md);
		return false;
	}
	feed(md, "fastsock session context 1", sizeof("fastsock session context 1") - 1);
	feed_certificate(md, SSL_CTX_get0_certificate(tctx->ctx));
	for (uint32_t i = 0; i < tctx->sni_count; i++) {
		feed(md, tctx->sni[i].name, strlen(tctx->sni[i].name));
		feed_certificate(md, SSL_CTX_get0_certificate(tctx->sni[i].ctx));
	}
	feed_long(md, verifies);
	if (verifies) {
		value = fastsock_tls_option_get(context, FASTSOCK_TLS_OPT_VERIFY_DEPTH);
		feed_long(md, value ? (long long) zval_get_long(value) : STOCK_VERIFY_DEPTH);
		value = fastsock_tls_option_get(context, FASTSOCK_TLS_OPT_ALLOW_SELF_SIGNED);
		feed_long(md, value && zend_is_true(value));
		feed_store(md, SSL_CTX_get_cert_store(tctx->ctx));
		if (capath_of(context)) {
			feed_directory(md, capath_of(context));
		}
	}
	ok = EVP_DigestFinal_ex(md, id, &len) == 1 && len >= SSL_MAX_SID_CTX_LENGTH;
	EVP_MD_CTX_free(md);
	if (!ok) {
		return false;
	}
	ok = SSL_CTX_set_session_id_context(tctx->ctx, id, SSL_MAX_SID_CTX_LENGTH) == 1;
	for (uint32_t i = 0; i < tctx->sni_count && ok; i++) {
		ok = SSL_CTX_set_session_id_context(tctx->sni[i].ctx, id, SSL_MAX_SID_CTX_LENGTH) == 1;
	}
	return ok;
}
