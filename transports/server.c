/*
 * The replacement of stream_socket_server(). Its arguments, return value,
 * $errno/$errstr and warning are stock's (ext/standard/streamsfuncs.c);
 * only the transport that creates the server differs.
 */
#include "php.h"
#include "php_network.h"
#include "ext/standard/file.h"

#include "server.h"
#include "hooks.h"
#include "tls.h"

static const struct { const char *scheme; const char *fast; } routes[] = {
	{"tcp", "fast+tcp"}, {"udp", "fast+udp"}, {"unix", "fast+unix"}, {"udg", "fast+udg"},
};

const char *fastsock_route(const char *address, size_t len, size_t *scheme_len)
{
	size_t n = 0;

	/* The scheme is found as php_stream_xport_create() finds it; no scheme
	 * means tcp there, and so here. */
	while (n < len && (isalnum((unsigned char) address[n]) || address[n] == '+'
			|| address[n] == '-' || address[n] == '.')) {
		n++;
	}
	if (n > 1 && len - n >= 3 && memcmp(address + n, "://", 3) == 0) {
		*scheme_len = n + 3;
	} else {
		*scheme_len = 0;
		return routes[0].fast;
	}
	for (size_t i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
		if (strlen(routes[i].scheme) == n && memcmp(routes[i].scheme, address, n) == 0) {
			return routes[i].fast;
		}
	}
	return fastsock_hooks_tls_route(address, n);
}

/* Where fastsock does not serve TLS (fastsock.tls=0, no OpenSSL), a tcp
 * server whose context carries ssl options stays on PHP's own path. */
static bool context_wants_crypto(php_stream_context *context)
{
	zval *ssl;

	if (!context || fastsock_tls_serves()) {
		return false;
	}
	ssl = zend_hash_str_find_deref(Z_ARRVAL(context->options), "ssl", sizeof("ssl") - 1);
	return ssl && Z_TYPE_P(ssl) == IS_ARRAY && zend_hash_num_elements(Z_ARRVAL_P(ssl)) > 0;
}

void fastsock_stream_socket_server(INTERNAL_FUNCTION_PARAMETERS)
{
	char *host;
	size_t host_len, scheme_len;
	zval *zerrno = NULL, *zerrstr = NULL, *zcontext = NULL;
	zend_long flags = STREAM_XPORT_BIND | STREAM_XPORT_LISTEN;
	php_stream_context *context;
	php_stream *stream;
	zend_string *errstr = NULL, *name;
	const char *fast;
	int err = 0;

	ZEND_PARSE_PARAMETERS_START(1, 5)
		Z_PARAM_STRING(host, host_len)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(zerrno)
		Z_PARAM_ZVAL(zerrstr)
		Z_PARAM_LONG(flags)
		Z_PARAM_RESOURCE_OR_NULL(zcontext)
	ZEND_PARSE_PARAMETERS_END();

	fast = fastsock_route(host, host_len, &scheme_len);
	context = php_stream_context_from_zval(zcontext, flags & PHP_FILE_NO_DEFAULT_CONTEXT);
	if (!fast || context_wants_crypto(context)) {
		fastsock_original_stream_socket_server(INTERNAL_FUNCTION_PARAM_PASSTHRU);
		return;
	}

	if (zerrno) {
		ZEND_TRY_ASSIGN_REF_LONG(zerrno, 0);
	}
	if (zerrstr) {
		ZEND_TRY_ASSIGN_REF_EMPTY_STRING(zerrstr);
	}

	name = zend_string_concat3(fast, strlen(fast), "://", 3, host + scheme_len, host_len - scheme_len);
	stream = php_stream_xport_create(ZSTR_VAL(name), ZSTR_LEN(name), REPORT_ERRORS,
		STREAM_XPORT_SERVER | (int) flags, NULL, NULL, context, &errstr, &err);
	zend_string_release(name);

	if (!stream) {
		php_error_docref(NULL, E_WARNING, "Unable to connect to %s (%s)",
			host, errstr ? ZSTR_VAL(errstr) : "Unknown error");
		if (zerrno) {
			ZEND_TRY_ASSIGN_REF_LONG(zerrno, err);
		}
		if (zerrstr && errstr) {
			ZEND_TRY_ASSIGN_REF_STR(zerrstr, errstr);
		} else if (errstr) {
			zend_string_release_ex(errstr, 0);
		}
		RETURN_FALSE;
	}
	if (errstr) {
		zend_string_release_ex(errstr, 0);
	}
	php_stream_to_zval(stream, return_value);
}
