/*
 * A TLS server's SSL_CTX, built as stock PHP 8.2 builds one for each
 * connection (ext/openssl/xp_ssl.c): the same options read in the same
 * order, converted the same way, with the same warnings and failures. Two
 * things differ, both because the context is shared: callbacks get the
 * fastsock_tls_ctx or the connection's SSL, never a stream, and every
 * context has a session id context, the server session cache and
 * fastsock's ticket keys, so that sessions resume.
 */
#include "php.h"
#include "php_network.h"
#include "ext/standard/file.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "tls_context.h"
#include "tls_verify.h"
#include "tls_tickets.h"
#include "tls_policy.h"

/* Stock's default cipher list (ext/openssl/php_openssl.h): Debian builds PHP
 * without USE_OPENSSL_SYSTEM_CIPHERS, so servers get this unless the
 * `ciphers` option says otherwise. */
#define STOCK_DEFAULT_CIPHERS "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:" \
	"ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:" \
	"DHE-DSS-AES128-GCM-SHA256:kEDH+AESGCM:ECDHE-RSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA256:" \
	"ECDHE-RSA-AES128-SHA:ECDHE-ECDSA-AES128-SHA:ECDHE-RSA-AES256-SHA384:ECDHE-ECDSA-AES256-SHA384:" \
	"ECDHE-RSA-AES256-SHA:ECDHE-ECDSA-AES256-SHA:DHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA:" \
	"DHE-DSS-AES128-SHA256:DHE-RSA-AES256-SHA256:DHE-DSS-AES256-SHA:DHE-RSA-AES256-SHA:AES128-GCM-SHA256:" \
	"AES256-GCM-SHA384:AES128:AES256:HIGH:!SSLv2:!aNULL:!eNULL:!EXPORT:!DES:!MD5:!RC4:!ADH"

static int connection_index = -1;

int fastsock_tls_connection_index(void)
{
	return connection_index;
}

bool fastsock_tls_context_startup(void)
{
	if (connection_index < 0) {
		connection_index = SSL_get_ex_new_index(0, "fastsock connection", NULL, NULL, NULL);
	}
	return connection_index >= 0;
}

typedef struct build {
	php_stream_context *context;
	fastsock_tls_ctx *tctx;
	bool warned;
} build;

/* Every warning of a build goes through these, so that a build that said
 * anything is known and never shared. Stock uses both forms. */
#define WARN(b, ...) do { (b)->warned = true; php_error_docref(NULL, E_WARNING, __VA_ARGS__); } while (0)
#define WARN_PLAIN(b, ...) do { (b)->warned = true; php_error(E_WARNING, __VA_ARGS__); } while (0)

static zval *ssl_option(build *b, const char *name)
{
	return b->context ? php_stream_context_get_option(b->context, "ssl", name) : NULL;
}

/* As stock: converted in place, so the script sees the string afterwards. */
static const char *ssl_option_string(build *b, const char *name, size_t *len)
{
	zval *value = ssl_option(b, name);

	if (!value || !try_convert_to_string(value)) {
		return NULL;
	}
	if (len) {
		*len = Z_STRLEN_P(value);
	}
	return Z_STRVAL_P(value);
}

static bool ssl_option_is_false(build *b, const char *name)
{
	zval *value = ssl_option(b, name);

	return value && !zend_is_true(value);
}

static bool ssl_option_is_true(build *b, const char *name)
{
	zval *value = ssl_option(b, name);

	return value && zend_is_true(value);
}

/* Stock's path check for a file named by a context option: NUL bytes,
 * expand_filepath() and open_basedir, with its wording. */
static bool checked_path(build *b, const char *path, size_t len, const char *option, char *resolved)
{
	const char *problem = NULL;

	if (len == 0) {
		resolved[0] = '\0';
		return true;
	}
	if (memchr(path, '\0', len)) {
		problem = "must not contain any null bytes";
	} else if (expand_filepath(path, resolved) == NULL) {
		problem = "must be a valid file path";
	}
	if (problem) {
		WARN(b, "Path for %s option %s", option, problem);
		return false;
	}
	if (php_check_open_basedir(resolved)) {
		b->warned = true;
		return false;
	}
	return true;
}

/* Stock falls back to reading the cafile through PHP's stream wrappers
 * (file://, phar://) when OpenSSL cannot load it: each certificate block
 * between BEGIN and END lines is added to the store. */
static long load_cafile_through_wrappers(build *b, X509_STORE *store, const char *cafile)
{
	php_stream *file = php_stream_open_wrapper((char *) cafile, "rb", 0, NULL);
	BIO *pem = NULL;
	long added = 0;
	size_t len;
	char *line;

	if (!file) {
		WARN_PLAIN(b, "failed loading cafile stream: `%s'", cafile);
		return 0;
	}
	if (file->wrapper->is_url) {
		php_stream_close(file);
		WARN_PLAIN(b, "remote cafile streams are disabled for security purposes");
		return 0;
	}
	while ((line = php_stream_get_line(file, NULL, 0, &len)) != NULL) {
		if (!pem) {
			if (strcmp(line, "-----BEGIN CERTIFICATE-----\n") == 0
					|| strcmp(line, "-----BEGIN CERTIFICATE-----\r\n") == 0) {
				pem = BIO_new(BIO_s_mem());
			}
		}
		if (pem) {
			BIO_puts(pem, line);
			if (strcmp(line, "-----END CERTIFICATE-----") == 0
					|| strcmp(line, "-----END CERTIFICATE-----\n") == 0
					|| strcmp(line, "-----END CERTIFICATE-----\r\n") == 0) {
				X509 *cert = PEM_read_bio_X509(pem, NULL, NULL, NULL);

				if (cert && X509_STORE_add_cert(store, cert)) {
					added++;
				}
				X509_free(cert);
				BIO_free(pem);
				pem = NULL;
			}
		}
		efree(line);
	}
	BIO_free(pem);
	php_stream_close(file);
	if (added == 0) {
		WARN_PLAIN(b, "no valid certs found cafile stream: `%s'", cafile);
	}
	return added;
}

static const char *ini_path(const char *name, size_t len)
{
	const char *value = zend_ini_string((char *) name, len, 0);

	return value && *value ? value : NULL;
}

static bool enable_peer_verification(build *b, SSL_CTX *ctx)
{
	const char *cafile = ssl_option_string(b, "cafile", NULL);
	const char *capath = ssl_option_string(b, "capath", NULL);

	if (!cafile) {
		cafile = ini_path("openssl.cafile", sizeof("openssl.cafile") - 1);
	} else {
		/* A server sends the names of the CAs it accepts. */
		STACK_OF(X509_NAME) *names = SSL_load_client_CA_file(cafile);

		if (!names) {
			WARN_PLAIN(b, "SSL: failed loading CA names from cafile");
			return false;
		}
		SSL_CTX_set_client_CA_list(ctx, names);
	}
	if (!capath) {
		capath = ini_path("openssl.capath", sizeof("openssl.capath") - 1);
	}
	if ((cafile || capath) && !SSL_CTX_load_verify_locations(ctx, cafile, capath)) {
		ERR_clear_error();
		if (cafile && !load_cafile_through_wrappers(b, SSL_CTX_get_cert_store(ctx), cafile)) {
			return false;
		}
	}
	SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, fastsock_tls_verify_callback);
	return true;
}

/* As stock, the passphrase is read from the options when the key asks for
 * it; the callback's data is the build, cleared once the key is loaded. */
static int passphrase_callback(char *buf, int size, int rwflag, void *data)
{
	build *b = data;
	const char *passphrase;
	size_t len;

	(void) rwflag;
	if (!b || !(passphrase = ssl_option_string(b, "passphrase", &len))) {
		return 0;
	}
	if (len < (size_t) size - 1) {
		memcpy(buf, passphrase, len + 1);
		return (int) len;
	}
	return 0;
}

static bool set_local_cert(build *b, SSL_CTX *ctx)
{
	char resolved[MAXPATHLEN];
	const char *cert, *key;
	size_t cert_len, key_len;

	cert = ssl_option_string(b, "local_cert", &cert_len);
	if (!cert) {
		return true;
	}
	if (!checked_path(b, cert, cert_len, "local_cert in ssl stream context", resolved)) {
		WARN(b, "Unable to get real path of certificate file `%s'", cert);
		return false;
	}
	if (SSL_CTX_use_certificate_chain_file(ctx, resolved) != 1) {
		WARN(b, "Unable to set local cert chain file `%s'; Check that your cafile/capath "
			"settings include details of your certificate and its issuer", cert);
		return false;
	}
	/* Without local_pk the key is read from the certificate's file. */
	key = ssl_option_string(b, "local_pk", &key_len);
	if (key && !checked_path(b, key, key_len, "local_pk in ssl stream context", resolved)) {
		WARN(b, "Unable to get real path of private key file `%s'", key);
		return false;
	}
	if (SSL_CTX_use_PrivateKey_file(ctx, resolved, SSL_FILETYPE_PEM) != 1) {
		WARN(b, "Unable to set private key file `%s'", resolved);
		return false;
	}
	if (!SSL_CTX_check_private_key(ctx)) {
		WARN(b, "Private key does not match certificate!");
	}
	return true;
}

static bool set_dh_param(build *b, SSL_CTX *ctx)
{
	zval *path = ssl_option(b, "dh_param");
	EVP_PKEY *params;
	BIO *bio;

	if (!path) {
		return true;
	}
	if (!try_convert_to_string(path)) {
		b->warned = true;
		return false;
	}
	bio = BIO_new_file(Z_STRVAL_P(path), "r");
	if (!bio) {
		WARN(b, "Invalid dh_param");
		return false;
	}
	params = PEM_read_bio_Parameters(bio, NULL);
	BIO_free(bio);
	if (!params) {
		WARN(b, "Failed reading DH params");
		return false;
	}
	if (SSL_CTX_set0_tmp_dh_pkey(ctx, params) == 0) {
		WARN(b, "Failed assigning DH params");
		EVP_PKEY_free(params);
		return false;
	}
	return true;
}

/* Stock reads these only when the stream has a context at all. */
static bool set_server_options(build *b, SSL_CTX *ctx)
{
	/* Stock keeps the option word in a long here. */
	long options = (long) SSL_CTX_get_options(ctx);
	zval *value;

	if (ssl_option(b, "rsa_key_size")) {
		WARN(b, "rsa_key_size context option has been removed");
	}
	if (!set_dh_param(b, ctx)) {
		return false;
	}
	value = ssl_option(b, "single_dh_use");
	if (!value || zend_is_true(value)) {
		options |= SSL_OP_SINGLE_DH_USE;
	}
	value = ssl_option(b, "honor_cipher_order");
	if (!value || zend_is_true(value)) {
		options |= SSL_OP_CIPHER_SERVER_PREFERENCE;
	}
	SSL_CTX_set_options(ctx, options);
	return true;
}

static int alpn_select(SSL *ssl, const unsigned char **out, unsigned char *out_len,
		const unsigned char *in, unsigned int in_len, void *arg)
{
	fastsock_tls_ctx *tctx = arg;

	(void) ssl;
	if (SSL_select_next_proto((unsigned char **) out, out_len, tctx->alpn, (unsigned int) tctx->alpn_len,
			in, in_len) != OPENSSL_NPN_NEGOTIATED) {
		return SSL_TLSEXT_ERR_NOACK;
	}
	return SSL_TLSEXT_ERR_OK;
}

static bool set_alpn(build *b, SSL_CTX *ctx)
{
	size_t len, wire_len;
	const char *protocols = ssl_option_string(b, "alpn_protocols", &len);

	if (!protocols) {
		return true;
	}
	/* Stock measures the string with strlen(). */
	len = strlen(protocols);
	b->tctx->alpn = emalloc(len + 1);
	if (!fastsock_tls_alpn_wire(protocols, len, b->tctx->alpn, &wire_len)) {
		WARN(b, "Failed parsing comma-separated TLS ALPN protocol string");
		return false;
	}
	b->tctx->alpn_len = wire_len;
	SSL_CTX_set_alpn_select_cb(ctx, alpn_select, b->tctx);
	return true;
}

static int sni_select(SSL *ssl, int *alert, void *arg)
{
	fastsock_tls_ctx *tctx = arg;
	const char *name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);

	(void) alert;
	if (!name) {
		return SSL_TLSEXT_ERR_NOACK;
	}
	for (uint32_t i = 0; i < tctx->sni_count; i++) {
		if (fastsock_tls_name_matches(name, tctx->sni[i].name)) {
			SSL_set_SSL_CTX(ssl, tctx->sni[i].ctx);
			return SSL_TLSEXT_ERR_OK;
		}
	}
	return SSL_TLSEXT_ERR_NOACK;
}

/* Stock's SNI contexts carry a certificate and key only. */
static SSL_CTX *sni_context(build *b, const char *cert, const char *key)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());

	if (!ctx) {
		WARN(b, "SSL context creation failure");
		return NULL;
	}
	if (SSL_CTX_use_certificate_chain_file(ctx, cert) != 1) {
		WARN(b, "Failed setting local cert chain file `%s'; check that your cafile/capath "
			"settings include details of your certificate and its issuer", cert);
		SSL_CTX_free(ctx);
		return NULL;
	}
	if (SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) != 1) {
		WARN(b, "Failed setting private key from file `%s'", key);
		SSL_CTX_free(ctx);
		return NULL;
	}
	SSL_CTX_set_session_id_context(ctx, b->tctx->id, FASTSOCK_TLS_ID_SIZE);
	return ctx;
}

/* One file of an [local_cert, local_pk] SNI entry, checked with stock's
 * warnings; `failure` is stock's text for a path that fails the check. */
static bool sni_entry_file(build *b, zval *entry, const char *key, const char *failure, char *resolved)
{
	zval *item = zend_hash_str_find(Z_ARRVAL_P(entry), key, strlen(key));
	char option[64];
	zend_string *str;
	bool ok;

	if (!item) {
		WARN(b, "%s not present in the array", key);
		return false;
	}
	if (!(str = zval_try_get_string(item))) {
		b->warned = true;
		return false;
	}
	snprintf(option, sizeof(option), "SNI_server_certs %s in ssl stream context", key);
	ok = checked_path(b, ZSTR_VAL(str), ZSTR_LEN(str), option, resolved);
	if (!ok) {
		WARN(b, failure, ZSTR_VAL(str));
	}
	zend_string_release(str);
	return ok;
}

/* One SNI_server_certs entry: a path holding certificate and key, or
 * [local_cert, local_pk]. */
static SSL_CTX *sni_entry_context(build *b, zval *entry)
{
	char cert[MAXPATHLEN], key[MAXPATHLEN];

	if (Z_TYPE_P(entry) != IS_ARRAY && Z_TYPE_P(entry) != IS_STRING) {
		/* Stock reads such an entry as a string, whatever it holds. */
		WARN(b, "Failed setting local cert chain file `%s'; file not found", zend_zval_type_name(entry));
		return NULL;
	}
	if (Z_TYPE_P(entry) == IS_STRING) {
		if (!checked_path(b, Z_STRVAL_P(entry), Z_STRLEN_P(entry), "SNI_server_certs in ssl stream context", cert)) {
			WARN(b, "Failed setting local cert chain file `%s'; file not found", Z_STRVAL_P(entry));
			return NULL;
		}
		return sni_context(b, cert, cert);
	}
	if (!sni_entry_file(b, entry, "local_cert", "Failed setting local cert chain file `%s'; could not open file", cert)
			|| !sni_entry_file(b, entry, "local_pk", "Failed setting local private key file `%s';  could not open file", key)) {
		return NULL;
	}
	return sni_context(b, cert, key);
}

static bool enable_sni(build *b, SSL_CTX *ctx)
{
	fastsock_tls_ctx *tctx = b->tctx;
	zend_string *name;
	zval *certs, *entry;

	if (ssl_option_is_false(b, "SNI_enabled") || !(certs = ssl_option(b, "SNI_server_certs"))) {
		return true;
	}
	if (Z_TYPE_P(certs) != IS_ARRAY) {
		WARN(b, "SNI_server_certs requires an array mapping host names to cert paths");
		return false;
	}
	if (zend_hash_num_elements(Z_ARRVAL_P(certs)) == 0) {
		WARN(b, "SNI_server_certs host cert array must not be empty");
		return false;
	}
	tctx->sni = ecalloc(zend_hash_num_elements(Z_ARRVAL_P(certs)), sizeof(*tctx->sni));
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(certs), name, entry) {
		SSL_CTX *sni;

		if (!name) {
			WARN(b, "SNI_server_certs array requires string host name keys");
			return false;
		}
		if (!(sni = sni_entry_context(b, entry))) {
			return false;
		}
		tctx->sni[tctx->sni_count].name = estrndup(ZSTR_VAL(name), ZSTR_LEN(name));
		tctx->sni[tctx->sni_count].ctx = sni;
		tctx->sni_count++;
	} ZEND_HASH_FOREACH_END();
	SSL_CTX_set_tlsext_servername_callback(ctx, sni_select);
	SSL_CTX_set_tlsext_servername_arg(ctx, tctx);
	return true;
}

/* What fastsock adds to stock's context: sessions that can resume. */
static void enable_resumption(build *b, SSL_CTX *ctx, const fastsock_options *options)
{
	bool tickets = options->tls_tickets && !ssl_option_is_true(b, "no_ticket")
		/* A ticket keeps no peer chain: capture_peer_cert_chain would
		 * come back null after a resumption. */
		&& !ssl_option_is_true(b, "capture_peer_cert_chain");

	SSL_CTX_set_session_id_context(ctx, b->tctx->id, FASTSOCK_TLS_ID_SIZE);
	/* Without the cache, sessions still get an id, as on stock (clients
	 * save and offer it); nothing is kept to resume them. */
	SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_SERVER
		| (options->tls_session_cache ? 0 : SSL_SESS_CACHE_NO_INTERNAL));
	SSL_CTX_set_timeout(ctx, options->tls_session_timeout);
	b->tctx->tickets = tickets && fastsock_tls_tickets_attach(ctx, options->tls_session_timeout);
	if (!b->tctx->tickets) {
		SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
	}
}

/* The main context, in stock's order; false when stock's setup fails. */
static bool build_main(build *b, SSL_CTX *ctx, int method_flags, const fastsock_options *options)
{
	zval *value;
	const char *ciphers;
	/* Stock builds the option word in an int: SSL_OP_ALL's bit 31 sign-extends. */
	int ctx_options = (int) SSL_OP_ALL;

	value = ssl_option(b, "min_proto_version");
	zend_long min = value ? zval_get_long(value) : 0;
	value = ssl_option(b, "max_proto_version");
	zend_long max = value ? zval_get_long(value) : 0;
	method_flags = fastsock_tls_method_range(method_flags, min, max);

	if (ssl_option_is_true(b, "no_ticket")) {
		ctx_options |= SSL_OP_NO_TICKET;
	}
	ctx_options &= ~SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS;
	ctx_options |= SSL_OP_IGNORE_UNEXPECTED_EOF;
	if (!ssl_option(b, "disable_compression") || ssl_option_is_true(b, "disable_compression")) {
		ctx_options |= SSL_OP_NO_COMPRESSION;
	}

	if (ssl_option_is_false(b, "verify_peer")) {
		SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
	} else if (!enable_peer_verification(b, ctx)) {
		return false;
	}

	if (ssl_option(b, "passphrase")) {
		SSL_CTX_set_default_passwd_cb(ctx, passphrase_callback);
		SSL_CTX_set_default_passwd_cb_userdata(ctx, b);
	}

	ciphers = ssl_option_string(b, "ciphers", NULL);
	if (SSL_CTX_set_cipher_list(ctx, ciphers ? ciphers : STOCK_DEFAULT_CIPHERS) != 1) {
		/* Stock fails here without a word of its own. */
		b->warned = true;
		return false;
	}

	if ((value = ssl_option(b, "security_level")) != NULL) {
		zend_long level = zval_get_long(value);

		if (level < 0 || level > 5) {
			WARN(b, "Security level must be between 0 and 5");
		}
		SSL_CTX_set_security_level(ctx, (int) level);
	}

	if (!set_alpn(b, ctx) || !set_local_cert(b, ctx)) {
		return false;
	}
	SSL_CTX_set_default_passwd_cb(ctx, NULL);
	SSL_CTX_set_default_passwd_cb_userdata(ctx, NULL);

	SSL_CTX_set_options(ctx, (uint64_t) (long) ctx_options);
	SSL_CTX_set_min_proto_version(ctx, fastsock_tls_min_version(method_flags));
	SSL_CTX_set_max_proto_version(ctx, fastsock_tls_max_version(method_flags));

	if (b->context && !set_server_options(b, ctx)) {
		return false;
	}
	enable_resumption(b, ctx, options);
	return true;
}

fastsock_tls_build_result fastsock_tls_ctx_build(php_stream_context *context, int method_flags,
		const fastsock_options *options, const unsigned char id[FASTSOCK_TLS_ID_SIZE],
		fastsock_tls_ctx **out, bool *warned)
{
	build b = {context, NULL, false};
	fastsock_tls_build_result result = FASTSOCK_TLS_BUILT;
	SSL_CTX *ctx;

	*out = NULL;
	ERR_clear_error();
	ctx = SSL_CTX_new(TLS_server_method());
	if (!ctx) {
		php_error_docref(NULL, E_WARNING, "SSL context creation failure");
		*warned = true;
		return FASTSOCK_TLS_BUILD_FAILED;
	}
	b.tctx = ecalloc(1, sizeof(*b.tctx));
	b.tctx->refcount = 1;
	b.tctx->ctx = ctx;
	memcpy(b.tctx->id, id, FASTSOCK_TLS_ID_SIZE);

	if (!build_main(&b, ctx, method_flags, options)) {
		result = FASTSOCK_TLS_BUILD_FAILED;
	} else if (!enable_sni(&b, ctx)) {
		result = FASTSOCK_TLS_BUILD_SNI_FAILED;
	}
	if (result == FASTSOCK_TLS_BUILD_FAILED) {
		fastsock_tls_ctx_release(b.tctx);
	} else {
		*out = b.tctx;
	}
	*warned = b.warned;
	return result;
}

fastsock_tls_ctx *fastsock_tls_ctx_addref(fastsock_tls_ctx *tctx)
{
	tctx->refcount++;
	return tctx;
}

void fastsock_tls_ctx_release(fastsock_tls_ctx *tctx)
{
	if (!tctx || --tctx->refcount > 0) {
		return;
	}
	for (uint32_t i = 0; i < tctx->sni_count; i++) {
		SSL_CTX_free(tctx->sni[i].ctx);
		efree(tctx->sni[i].name);
	}
	if (tctx->sni) {
		efree(tctx->sni);
	}
	if (tctx->alpn) {
		efree(tctx->alpn);
	}
	SSL_CTX_free(tctx->ctx);
	efree(tctx);
}
