#include "php.h"
#include "php_fastsock.h"

#include "context.h"

static void options_from_ini(fastsock_options *out)
{
	out->backlog = FASTSOCK_G(backlog);
	out->rcvbuf = FASTSOCK_G(rcvbuf);
	out->sndbuf = FASTSOCK_G(sndbuf);
	out->udp_rcvbuf = FASTSOCK_G(udp_rcvbuf);
	out->chunk_size = FASTSOCK_G(chunk_size);
	out->tcp_nodelay = FASTSOCK_G(tcp_nodelay);
	out->reuseport = FASTSOCK_G(reuseport);
	out->mode = -1;
	out->tls_session_cache = FASTSOCK_G(tls_session_cache);
	out->tls_session_timeout = FASTSOCK_G(tls_session_timeout);
	out->tls_tickets = FASTSOCK_G(tls_tickets);
	out->tls_handshake_timeout = FASTSOCK_G(tls_handshake_timeout);
	out->proxy_protocol = FASTSOCK_G(proxy_protocol);
	out->proxy_timeout = FASTSOCK_G(proxy_timeout);
	out->pending_limit = FASTSOCK_G(pending_limit);
}

static void *option_slot(fastsock_options *out, const fastsock_setting_spec *spec)
{
	switch (spec - fastsock_setting_get(0)) {
		case FASTSOCK_SET_BACKLOG: return &out->backlog;
		case FASTSOCK_SET_RCVBUF: return &out->rcvbuf;
		case FASTSOCK_SET_SNDBUF: return &out->sndbuf;
		case FASTSOCK_SET_UDP_RCVBUF: return &out->udp_rcvbuf;
		case FASTSOCK_SET_CHUNK_SIZE: return &out->chunk_size;
		case FASTSOCK_SET_TCP_NODELAY: return &out->tcp_nodelay;
		case FASTSOCK_SET_REUSEPORT: return &out->reuseport;
		case FASTSOCK_SET_TLS_SESSION_CACHE: return &out->tls_session_cache;
		case FASTSOCK_SET_TLS_SESSION_TIMEOUT: return &out->tls_session_timeout;
		case FASTSOCK_SET_TLS_TICKETS: return &out->tls_tickets;
		case FASTSOCK_SET_TLS_HANDSHAKE_TIMEOUT: return &out->tls_handshake_timeout;
		case FASTSOCK_SET_PROXY_PROTOCOL: return &out->proxy_protocol;
		case FASTSOCK_SET_PROXY_TIMEOUT: return &out->proxy_timeout;
		case FASTSOCK_SET_PENDING_LIMIT: return &out->pending_limit;
		default: return &out->mode;
	}
}

/* A context value as a setting: integers, numeric strings and, for the
 * boolean ones, booleans and the words the ini accepts. */
static bool zval_to_setting(const fastsock_setting_spec *spec, zval *value, long *out)
{
	bool flag;

	switch (Z_TYPE_P(value)) {
		case IS_LONG:
			*out = Z_LVAL_P(value);
			break;
		case IS_TRUE:
		case IS_FALSE:
			if (!spec->is_bool) {
				return false;
			}
			*out = Z_TYPE_P(value) == IS_TRUE;
			break;
		case IS_STRING:
			if (spec->is_bool && fastsock_parse_bool(Z_STRVAL_P(value), Z_STRLEN_P(value), &flag)) {
				*out = flag;
			} else if (!fastsock_parse_long(Z_STRVAL_P(value), Z_STRLEN_P(value), out)) {
				return false;
			}
			break;
		default:
			return false;
	}
	return fastsock_setting_in_range(spec, *out);
}

/* The value as the user wrote it: a number or a quoted string as such,
 * anything else by its type, so that 200.0 is not shown as "200". */
static zend_string *describe_value(zval *value)
{
	switch (Z_TYPE_P(value)) {
		case IS_LONG:
			return zend_long_to_str(Z_LVAL_P(value));
		case IS_STRING: {
			char shown[FASTSOCK_SHOWN_SIZE];

			fastsock_shown_value(Z_STRVAL_P(value), Z_STRLEN_P(value), shown, sizeof(shown));
			return zend_strpprintf(0, "\"%s\"", shown);
		}
		case IS_DOUBLE:
			return zend_strpprintf(0, "float(%.*G)", (int) EG(precision), Z_DVAL_P(value));
		case IS_TRUE:
			return zend_string_init("true", 4, 0);
		case IS_FALSE:
			return zend_string_init("false", 5, 0);
		case IS_NULL:
			return zend_string_init("null", 4, 0);
		default:
			return zend_string_init(zend_zval_type_name(value), strlen(zend_zval_type_name(value)), 0);
	}
}

static void reject(const fastsock_setting_spec *spec, zval *value)
{
	zend_string *shown = describe_value(value);

	php_error_docref(NULL, E_WARNING,
		"Invalid fastsock context option \"%s\": %s is not accepted, expected %s; %s",
		spec->name, ZSTR_VAL(shown), spec->accepted,
		spec->in_ini ? "the ini setting is used instead" : "the option is ignored");
	zend_string_release(shown);
}

static void options_from_fastsock_context(zval *options, fastsock_kind kind, fastsock_options *out)
{
	zend_string *key;
	zval *value;

	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(options), key, value) {
		const fastsock_setting_spec *spec = key ? fastsock_setting_find(ZSTR_VAL(key), ZSTR_LEN(key)) : NULL;
		long parsed;

		if (!spec) {
			char shown[FASTSOCK_SHOWN_SIZE] = "(a numeric key)";

			if (key) {
				fastsock_shown_value(ZSTR_VAL(key), ZSTR_LEN(key), shown, sizeof(shown));
			}
			php_error_docref(NULL, E_WARNING,
				"Unknown fastsock context option \"%s\"; known are %s", shown, fastsock_setting_names());
			continue;
		}
		/* Read with its own parser when the server binds (transports/proxy.c). */
		if (spec->is_text) {
			continue;
		}
		ZVAL_DEREF(value);
		if (!zval_to_setting(spec, value, &parsed)) {
			reject(spec, value);
			continue;
		}
		if (spec == fastsock_setting_get(FASTSOCK_SET_MODE) && !fastsock_kind_is_unix(kind)) {
			php_error_docref(NULL, E_WARNING,
				"The fastsock context option \"mode\" applies to unix:// and udg:// servers only; ignored");
			continue;
		}
		if (spec == fastsock_setting_get(FASTSOCK_SET_PROXY_PROTOCOL) && parsed
				&& !fastsock_kind_is_stream(kind)) {
			php_error_docref(NULL, E_WARNING,
				"The fastsock context option \"proxy_protocol\" applies to tcp://, unix:// and the TLS "
				"servers only; ignored");
			continue;
		}
		if (spec->is_bool) {
			*(bool *) option_slot(out, spec) = parsed;
		} else {
			*(long *) option_slot(out, spec) = parsed;
		}
	} ZEND_HASH_FOREACH_END();
}

bool fastsock_context_sets_true(php_stream_context *context, fastsock_setting which)
{
	const fastsock_setting_spec *spec = fastsock_setting_get(which);
	zval *options, *value;
	long parsed;

	if (!context || !spec->is_bool) {
		return false;
	}
	options = zend_hash_str_find_deref(Z_ARRVAL(context->options), "fastsock", sizeof("fastsock") - 1);
	if (!options || Z_TYPE_P(options) != IS_ARRAY
			|| !(value = zend_hash_str_find_deref(Z_ARRVAL_P(options), spec->name, strlen(spec->name)))) {
		return false;
	}
	return zval_to_setting(spec, value, &parsed) && parsed;
}

bool fastsock_context_tcp_nodelay(php_stream_context *context, bool otherwise)
{
	zval *value = context ? php_stream_context_get_option(context, "socket", "tcp_nodelay") : NULL;

	return value ? zend_is_true(value) : otherwise;
}

/* The standard socket options keep their stock meaning and win. */
static void options_from_socket_context(php_stream_context *context, fastsock_options *out)
{
	zval *value;

	out->tcp_nodelay = fastsock_context_tcp_nodelay(context, out->tcp_nodelay);
	if ((value = php_stream_context_get_option(context, "socket", "so_reuseport")) != NULL) {
		out->reuseport = zend_is_true(value);
	}
}

void fastsock_options_resolve(php_stream_context *context, fastsock_kind kind, fastsock_options *out)
{
	zval *fastsock = NULL;

	options_from_ini(out);
	if (context) {
		fastsock = zend_hash_str_find_deref(Z_ARRVAL(context->options), "fastsock", sizeof("fastsock") - 1);
	}
	if (fastsock && Z_TYPE_P(fastsock) == IS_ARRAY) {
		options_from_fastsock_context(fastsock, kind, out);
	}
	if (out->backlog == 0) {
		out->backlog = fastsock_system_backlog();
	}
	if (context) {
		options_from_socket_context(context, out);
	}
}
