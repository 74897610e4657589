/*
 * The fingerprint of a TLS server's options, and the small cache of
 * contexts it keys. The fingerprint is a SHA-256 over every option the
 * build reads, encoded as the build will convert it (without converting
 * the script's values in place), and over the stat identity of every file
 * the build opens: a few microseconds and one stat per file, against the
 * milliseconds a build costs.
 */
#include "php.h"
#include "php_fastsock.h"

#include <sys/stat.h>

#include <openssl/evp.h>

#include "tls_cache.h"
#include "tls_options.h"
#include "dir_sorted.h"

typedef struct fingerprint {
	EVP_MD_CTX *md;
	php_stream_context *context;
	/* Something the encoding cannot pin (an array where a string is read,
	 * a path with a NUL): such options are built per connection, as stock. */
	bool uncacheable;
} fingerprint;

static void feed(fingerprint *f, const void *data, size_t len)
{
	/* The length first, so that concatenations cannot collide. */
	uint64_t n = len;

	EVP_DigestUpdate(f->md, &n, sizeof(n));
	EVP_DigestUpdate(f->md, data, len);
}

static void feed_long(fingerprint *f, long long value)
{
	feed(f, &value, sizeof(value));
}

/* The string a scalar converts to; anything else is not pinned. */
static zend_string *scalar_string(fingerprint *f, zval *value)
{
	switch (Z_TYPE_P(value)) {
		case IS_STRING:
			return zend_string_copy(Z_STR_P(value));
		case IS_LONG:
		case IS_DOUBLE:
		case IS_TRUE:
		case IS_FALSE:
		case IS_NULL:
			return zval_get_string(value);
		default:
			f->uncacheable = true;
			return NULL;
	}
}

static void feed_stat(fingerprint *f, const struct stat *st)
{
	feed_long(f, (long long) st->st_dev);
	feed_long(f, (long long) st->st_ino);
	feed_long(f, (long long) st->st_size);
	feed_long(f, (long long) st->st_mtim.tv_sec);
	feed_long(f, (long long) st->st_mtim.tv_nsec);
	feed_long(f, (long long) st->st_ctim.tv_sec);
	feed_long(f, (long long) st->st_ctim.tv_nsec);
}

/* Which file a path names now, and which version of it. A source that
 * cannot be stat'ed (a stream wrapper's URL, a file gone) has no identity
 * to notice a change by: stock reads it on every connection, and so does
 * fastsock then. */
static void feed_file_identity(fingerprint *f, const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		f->uncacheable = true;
		return;
	}
	feed_stat(f, &st);
}

static void feed_entry_identity(void *arg, const char *name, const char *path)
{
	fingerprint *f = arg;
	struct stat st;

	feed(f, name, strlen(name));
	if (stat(path, &st) == 0) {
		feed_stat(f, &st);
	} else {
		feed_long(f, -1);
	}
}

/* A CA directory: OpenSSL reads its files when a client needs them and
 * keeps what it read in the context's store, so the context is kept only
 * while every file in it is the same one, by name and identity: a CA
 * removed or replaced there gives a new build, as stock reads it anew. */
static void feed_directory_identity(fingerprint *f, const char *dir)
{
	if (!fastsock_dir_each_sorted(dir, feed_entry_identity, f)) {
		f->uncacheable = true;
	}
}

/* A path as the build resolves it (expand_filepath() for the certificate
 * options, as given for the others). */
static void feed_path(fingerprint *f, zend_string *path, bool expand)
{
	char resolved[MAXPATHLEN];

	feed(f, ZSTR_VAL(path), ZSTR_LEN(path));
	if (memchr(ZSTR_VAL(path), '\0', ZSTR_LEN(path))) {
		f->uncacheable = true;
		return;
	}
	if (!expand) {
		feed_file_identity(f, ZSTR_VAL(path));
	} else if (ZSTR_LEN(path) > 0 && expand_filepath(ZSTR_VAL(path), resolved)) {
		feed(f, resolved, strlen(resolved));
		feed_file_identity(f, resolved);
	}
}

/* A string option as its encoding says; a value that is not a scalar
 * leaves the context unkept. */
static void feed_string_value(fingerprint *f, zval *value, fastsock_tls_encoding encoding)
{
	zend_string *str = scalar_string(f, value);

	if (!str) {
		return;
	}
	switch (encoding) {
		case FASTSOCK_TLS_DIRECTORY:
			feed(f, ZSTR_VAL(str), ZSTR_LEN(str));
			if (memchr(ZSTR_VAL(str), '\0', ZSTR_LEN(str))) {
				f->uncacheable = true;
			} else if (ZSTR_LEN(str) > 0) {
				feed_directory_identity(f, ZSTR_VAL(str));
			}
			break;
		case FASTSOCK_TLS_FILE:
		case FASTSOCK_TLS_FILE_EXPANDED:
			feed_path(f, str, encoding == FASTSOCK_TLS_FILE_EXPANDED);
			break;
		default:
			feed(f, ZSTR_VAL(str), ZSTR_LEN(str));
			break;
	}
	zend_string_release(str);
}

static void feed_ini_file(fingerprint *f, const char *name, size_t len, bool directory)
{
	const char *value = zend_ini_string((char *) name, len, 0);

	feed(f, value ? value : "", value ? strlen(value) : 0);
	if (value && *value) {
		if (directory) {
			feed_directory_identity(f, value);
		} else {
			feed_file_identity(f, value);
		}
	}
}

static void feed_sni(fingerprint *f, zval *certs)
{
	zval *entry, *item;
	zend_string *name, *str;
	zend_ulong index;

	if (Z_TYPE_P(certs) != IS_ARRAY) {
		/* The build warns, and is not kept. */
		feed_long(f, Z_TYPE_P(certs));
		return;
	}
	ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(certs), index, name, entry) {
		if (!name) {
			feed_long(f, (long long) index);
			continue;
		}
		feed(f, ZSTR_VAL(name), ZSTR_LEN(name));
		ZVAL_DEREF(entry);
		if (Z_TYPE_P(entry) == IS_STRING) {
			feed_path(f, Z_STR_P(entry), true);
			continue;
		}
		if (Z_TYPE_P(entry) != IS_ARRAY) {
			f->uncacheable = true;
			continue;
		}
		for (int i = 0; i < 2; i++) {
			const char *key = i == 0 ? "local_cert" : "local_pk";

			item = zend_hash_str_find(Z_ARRVAL_P(entry), key, strlen(key));
			feed_long(f, item != NULL);
			if (item && (str = scalar_string(f, item)) != NULL) {
				feed_path(f, str, true);
				zend_string_release(str);
			}
		}
	} ZEND_HASH_FOREACH_END();
}

/* One option of the table, by its encoding: its name, whether it is there,
 * and its value as the build converts it. */
static void feed_option(fingerprint *f, fastsock_tls_option which)
{
	const fastsock_tls_option_spec *spec = &fastsock_tls_options[which];
	zval *value = fastsock_tls_option_get(f->context, which);

	feed(f, spec->name, strlen(spec->name));
	feed_long(f, value != NULL);
	if (!value) {
		return;
	}
	switch (spec->encoding) {
		case FASTSOCK_TLS_TRUTH:
			feed_long(f, zend_is_true(value));
			break;
		case FASTSOCK_TLS_LONG:
			feed_long(f, (long long) zval_get_long(value));
			break;
		case FASTSOCK_TLS_SNI_MAP:
			feed_sni(f, value);
			break;
		default:
			feed_string_value(f, value, spec->encoding);
			break;
	}
}

/* Every input of fastsock_tls_ctx_build(), in one digest: the options of
 * the table, the server's own settings and PHP's ini CA locations. */
static bool options_fingerprint(php_stream_context *context, int method_flags, const fastsock_options *options,
		unsigned char id[FASTSOCK_TLS_ID_SIZE])
{
	fingerprint f = {EVP_MD_CTX_new(), context, false};
	unsigned int len = 0;
	bool ok;

	if (!f.md || EVP_DigestInit_ex(f.md, EVP_sha256(), NULL) != 1) {
		EVP_MD_CTX_free(f.md);
		return false;
	}
	feed_long(&f, method_flags);
	feed_long(&f, f.context != NULL);
	feed_long(&f, options->tls_session_cache);
	feed_long(&f, options->tls_session_timeout);
	feed_long(&f, options->tls_tickets);

	for (int which = 0; which < FASTSOCK_TLS_OPT_COUNT; which++) {
		feed_option(&f, which);
	}
	feed_ini_file(&f, "openssl.cafile", sizeof("openssl.cafile") - 1, false);
	feed_ini_file(&f, "openssl.capath", sizeof("openssl.capath") - 1, true);

	ok = EVP_DigestFinal_ex(f.md, id, &len) == 1 && len == FASTSOCK_TLS_ID_SIZE && !f.uncacheable;
	EVP_MD_CTX_free(f.md);
	return ok;
}

fastsock_tls_server *fastsock_tls_server_new(bool enable_on_connect, int method)
{
	fastsock_tls_server *server = ecalloc(1, sizeof(*server));

	server->refcount = 1;
	server->enable_on_connect = enable_on_connect;
	server->method = method;
	return server;
}

fastsock_tls_server *fastsock_tls_server_addref(fastsock_tls_server *server)
{
	server->refcount++;
	return server;
}

void fastsock_tls_server_release(fastsock_tls_server *server)
{
	if (!server || --server->refcount > 0) {
		return;
	}
	for (int i = 0; i < FASTSOCK_TLS_CACHE_ENTRIES; i++) {
		fastsock_tls_ctx_release(server->entries[i].tctx);
	}
	efree(server);
}

static fastsock_tls_cache_entry *cache_find(fastsock_tls_server *server, const unsigned char *id)
{
	for (int i = 0; i < FASTSOCK_TLS_CACHE_ENTRIES; i++) {
		if (server->entries[i].tctx && memcmp(server->entries[i].id, id, FASTSOCK_TLS_ID_SIZE) == 0) {
			return &server->entries[i];
		}
	}
	return NULL;
}

static void cache_keep(fastsock_tls_server *server, fastsock_tls_ctx *tctx)
{
	fastsock_tls_cache_entry *victim = &server->entries[0];

	for (int i = 1; i < FASTSOCK_TLS_CACHE_ENTRIES && victim->tctx; i++) {
		if (!server->entries[i].tctx || server->entries[i].used < victim->used) {
			victim = &server->entries[i];
		}
	}
	fastsock_tls_ctx_release(victim->tctx);
	memcpy(victim->id, tctx->id, FASTSOCK_TLS_ID_SIZE);
	victim->tctx = fastsock_tls_ctx_addref(tctx);
	victim->used = ++server->clock;
}

fastsock_tls_build_result fastsock_tls_server_context(fastsock_tls_server *server, php_stream_context *context,
		int method_flags, const fastsock_options *options, fastsock_tls_ctx **out)
{
	unsigned char id[FASTSOCK_TLS_ID_SIZE] = {0};
	bool cacheable = options_fingerprint(context, method_flags, options, id);
	fastsock_tls_cache_entry *entry = cacheable ? cache_find(server, id) : NULL;
	fastsock_tls_build_result result;
	bool warned = false;

	if (entry) {
		entry->used = ++server->clock;
		server->contexts_reused++;
		FASTSOCK_G(counters).tls_contexts_reused++;
		*out = fastsock_tls_ctx_addref(entry->tctx);
		return FASTSOCK_TLS_BUILT;
	}
	result = fastsock_tls_ctx_build(context, method_flags, options, id, out, &warned);
	server->contexts_built++;
	FASTSOCK_G(counters).tls_contexts_built++;
	if (result == FASTSOCK_TLS_BUILT && cacheable && !warned) {
		cache_keep(server, *out);
	}
	return result;
}
