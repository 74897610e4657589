/*
 * fastsock: lifecycle (ini, MINIT/MSHUTDOWN, MINFO) and userland functions.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "php_ini.h"
#include "ext/standard/info.h"

#include "php_fastsock.h"
#include "fastsock_arginfo.h"
#include "options.h"
#include "transports/hooks.h"
#include "transports/socket.h"
#include "transports/info.h"
#include "transports/select.h"
#include "transports/tls/tls.h"
#include "transports/proxy.h"
#include "transports/activation.h"
#include "transports/graceful_stop.h"

ZEND_DECLARE_MODULE_GLOBALS(fastsock)

/* The setting an ini entry stands for: its name after "fastsock.". */
static const fastsock_setting_spec *ini_spec(zend_ini_entry *entry)
{
	size_t prefix = sizeof("fastsock.") - 1;

	return fastsock_setting_find(ZSTR_VAL(entry->name) + prefix, ZSTR_LEN(entry->name) - prefix);
}

static void ini_reject(zend_ini_entry *entry, zend_string *value, const char *accepted, int stage)
{
	char shown[FASTSOCK_SHOWN_SIZE];

	fastsock_shown_value(ZSTR_VAL(value), ZSTR_LEN(value), shown, sizeof(shown));
	php_error_docref(NULL, E_WARNING,
		"Invalid value \"%s\" for %s: accepted is %s; %s",
		shown, ZSTR_VAL(entry->name), accepted,
		stage == ZEND_INI_STAGE_STARTUP ? "the default is used" : "the current value is kept");
}

static ZEND_INI_MH(OnUpdateFastsockLong)
{
	const fastsock_setting_spec *spec = ini_spec(entry);
	long value;

	if (!fastsock_parse_long(ZSTR_VAL(new_value), ZSTR_LEN(new_value), &value)
			|| !fastsock_setting_in_range(spec, value)) {
		ini_reject(entry, new_value, spec->accepted, stage);
		return FAILURE;
	}
	*(zend_long *) ZEND_INI_GET_ADDR() = value;
	return SUCCESS;
}

static ZEND_INI_MH(OnUpdateFastsockBool)
{
	bool value;

	if (!fastsock_parse_bool(ZSTR_VAL(new_value), ZSTR_LEN(new_value), &value)) {
		ini_reject(entry, new_value, "a boolean (1, 0, on, off, yes, no, true, false)", stage);
		return FAILURE;
	}
	*(bool *) ZEND_INI_GET_ADDR() = value;
	return SUCCESS;
}

/* Checked here so that a bad list is refused where it is set; each server
 * parses the one it gets when it binds. */
static ZEND_INI_MH(OnUpdateFastsockProxyFrom)
{
	if (!fastsock_proxy_from_valid(ZSTR_VAL(new_value), ZSTR_LEN(new_value))) {
		ini_reject(entry, new_value, fastsock_setting_get(FASTSOCK_SET_PROXY_FROM)->accepted, stage);
		return FAILURE;
	}
	return OnUpdateString(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

/* An absolute path, or empty: a relative one would follow the working
 * directory of whichever process reads the file next (scripts chdir()). */
static ZEND_INI_MH(OnUpdateFastsockKeyFile)
{
	const char *path = ZSTR_VAL(new_value);
	size_t len = ZSTR_LEN(new_value);

	if (len > 0 && (path[0] != '/' || memchr(path, '\0', len) || len >= MAXPATHLEN)) {
		ini_reject(entry, new_value, "an absolute file path, or empty for keys made by fastsock", stage);
		return FAILURE;
	}
	return OnUpdateString(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

PHP_INI_BEGIN()
	STD_PHP_INI_ENTRY("fastsock.enable", "1", PHP_INI_SYSTEM, OnUpdateFastsockBool,
		enable, zend_fastsock_globals, fastsock_globals)
	STD_PHP_INI_ENTRY("fastsock.select", "1", PHP_INI_SYSTEM, OnUpdateFastsockBool,
		select, zend_fastsock_globals, fastsock_globals)
	STD_PHP_INI_ENTRY("fastsock.select_epoll", "1", PHP_INI_SYSTEM, OnUpdateFastsockBool,
		select_epoll, zend_fastsock_globals, fastsock_globals)
	STD_PHP_INI_ENTRY("fastsock.backlog", "0", PHP_INI_ALL, OnUpdateFastsockLong,
		backlog, zend_fastsock_globals, fastsock_globals)
	STD_PHP_INI_ENTRY("fastsock.rcvbuf", "0", PHP_INI_ALL, OnUpdateFastsockLong,
		rcvbuf, zend_fastsock_globals, fastsock_globals)
	STD_PHP_INI_ENTRY("fastsock.sndbuf", "0", PHP_INI_ALL, OnUpdateFastsockLong,
		sndbuf, zend_fastsock_globals, fastsock_globals)
	STD_PHP_INI_ENTRY("fastsock.udp_rcvbuf", "4194304", PHP_INI_ALL, OnUpdateFastsockLong,
		udp_rcvbuf, zend_fastsock_globals, fastsock_globals)
	STD_PHP_INI_ENTRY("fastsock.chunk_size", "262144", PHP_INI_ALL, OnUpdateFastsockLong,
		chunk_size, zend_fastsock_globals, fastsock_globals)
	STD_PHP_INI_ENTRY("fastsock.tcp_nodelay", "1", PHP_INI_ALL, OnUpdateFastsockBool,
		tcp_nodelay, zend_fastsock_globals, fastsock_globals)
	STD_PHP_INI_ENTRY("fastsock.reuseport", "0", PHP_INI_ALL, OnUpdateFastsockBool,
		reuseport, zend_fastsock_globals, fastsock_globals)
	STD_PHP_INI_ENTRY("fastsock.tls", "1", PHP_INI_SYSTEM, OnUpdateFastsockBool,
		tls, zend_fastsock_globals, fastsock_globals)
	STD_PHP_INI_ENTRY("fastsock.tls_session_cache", "1", PHP_INI_ALL, OnUpdateFastsockBool,
		tls_session_cache, zend_fastsock_globals, fastsock_globals)
	STD_PHP_INI_ENTRY("fastsock.tls_session_timeout", "300", PHP_INI_ALL, OnUpdateFastsockLong,
		tls_session_timeout, zend_fastsock_globals, fastsock_globals)
	STD_PHP_INI_ENTRY("fastsock.tls_tickets", "1", PHP_INI_ALL, OnUpdateFastsockBool,
		tls_tickets, zend_fastsock_globals, fastsock_globals)
	STD_PHP_INI_ENTRY("fastsock.tls_ticket_key_file", "", PHP_INI_SYSTEM, OnUpdateFastsockKeyFile,
		tls_ticket_key_file, zend_fastsock_globals, fastsock_globals)
	STD_PHP_INI_ENTRY("fastsock.tls_handshake_timeout", "10", PHP_INI_ALL, OnUpdateFastsockLong,
		tls_handshake_timeout, zend_fastsock_globals, fastsock_globals)
	STD_PHP_INI_ENTRY("fastsock.proxy_protocol", "0", PHP_INI_ALL, OnUpdateFastsockBool,
		proxy_protocol, zend_fastsock_globals, fastsock_globals)
	STD_PHP_INI_ENTRY("fastsock.proxy_from", "", PHP_INI_ALL, OnUpdateFastsockProxyFrom,
		proxy_from, zend_fastsock_globals, fastsock_globals)
	STD_PHP_INI_ENTRY("fastsock.graceful_stop", "0", PHP_INI_SYSTEM, OnUpdateFastsockBool,
		graceful_stop, zend_fastsock_globals, fastsock_globals)
	STD_PHP_INI_ENTRY("fastsock.proxy_timeout", "3", PHP_INI_ALL, OnUpdateFastsockLong,
		proxy_timeout, zend_fastsock_globals, fastsock_globals)
	STD_PHP_INI_ENTRY("fastsock.pending_limit", "256", PHP_INI_ALL, OnUpdateFastsockLong,
		pending_limit, zend_fastsock_globals, fastsock_globals)
PHP_INI_END()

static PHP_GINIT_FUNCTION(fastsock)
{
#if defined(COMPILE_DL_FASTSOCK) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	memset(fastsock_globals, 0, sizeof(*fastsock_globals));
	fastsock_epollset_init(&fastsock_globals->select_set);
}

static PHP_MINIT_FUNCTION(fastsock)
{
	REGISTER_INI_ENTRIES();

	if (FASTSOCK_G(enable)) {
		if (FASTSOCK_G(tls)) {
			fastsock_tls_startup();
		}
		fastsock_hooks_install(FASTSOCK_G(select));
		fastsock_activation_startup();
		if (FASTSOCK_G(graceful_stop)) {
			fastsock_graceful_stop_startup();
		}
	}
	return SUCCESS;
}

static PHP_MSHUTDOWN_FUNCTION(fastsock)
{
	fastsock_graceful_stop_shutdown();
	fastsock_activation_shutdown();
	fastsock_hooks_restore();
	fastsock_tls_shutdown();
	fastsock_select_module_shutdown();
	UNREGISTER_INI_ENTRIES();
	return SUCCESS;
}

static PHP_RSHUTDOWN_FUNCTION(fastsock)
{
	fastsock_select_shutdown();
	return SUCCESS;
}

static PHP_MINFO_FUNCTION(fastsock)
{
	char ticket_keys[160];
	smart_str transports = {0};

	php_info_print_table_start();
	php_info_print_table_header(2, "fastsock support", "enabled");
	php_info_print_table_row(2, "Version", PHP_FASTSOCK_VERSION);
	php_info_print_table_row(2, "stream_socket_server() served by fastsock",
		fastsock_hooks_server_installed() ? "yes" : "no (fastsock.enable=0)");
	php_info_print_table_row(2, "stream_select() without FD_SETSIZE limit",
		fastsock_hooks_select_installed() ? "yes" : "no (fastsock.enable=0 or fastsock.select=0)");
	fastsock_hooks_transport_names(&transports);
	smart_str_0(&transports);
	php_info_print_table_row(2, "Transports", transports.s ? ZSTR_VAL(transports.s) : "none");
	smart_str_free(&transports);
	php_info_print_table_row(2, "TLS servers served by fastsock", fastsock_tls_serves()
		? "yes (ssl://, tls://, tlsv1.x://, stream_socket_enable_crypto())"
		: "no (fastsock.enable=0, fastsock.tls=0, no ext/openssl, or another libssl)");
	php_info_print_table_row(2, "OpenSSL used by fastsock",
		fastsock_tls_library() ? fastsock_tls_library() : "none");
	fastsock_tls_ticket_keys_info(ticket_keys, sizeof(ticket_keys));
	php_info_print_table_row(2, "TLS session ticket keys", ticket_keys);
	php_info_print_table_end();

	DISPLAY_INI_ENTRIES();
}

PHP_FUNCTION(fastsock_info)
{
	zval *zstream;
	php_stream *stream;
	fastsock_sock *sock;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_RESOURCE(zstream)
	ZEND_PARSE_PARAMETERS_END();

	php_stream_from_zval(stream, zstream);

	sock = fastsock_sock_from_stream(stream);
	if (!sock) {
		php_error_docref(NULL, E_WARNING,
			"The stream is not served by fastsock (its type is \"%s\"); "
			"only streams of stream_socket_server() and their accepted connections are",
			stream->ops->label);
		RETURN_FALSE;
	}
	fastsock_info_describe(stream, sock, return_value);
}

PHP_FUNCTION(fastsock_stats)
{
	const fastsock_counters *c = &FASTSOCK_G(counters);

	ZEND_PARSE_PARAMETERS_NONE();

	array_init(return_value);
	add_assoc_long(return_value, "servers_created", c->servers_created);
	add_assoc_long(return_value, "connections_accepted", c->connections_accepted);
	add_assoc_long(return_value, "accept_errors", c->accept_errors);
	add_assoc_long(return_value, "tls_handshakes_full", c->tls_handshakes_full);
	add_assoc_long(return_value, "tls_handshakes_resumed", c->tls_handshakes_resumed);
	add_assoc_long(return_value, "tls_handshakes_failed", c->tls_handshakes_failed);
	add_assoc_long(return_value, "tls_contexts_built", c->tls_contexts_built);
	add_assoc_long(return_value, "tls_contexts_reused", c->tls_contexts_reused);
	add_assoc_long(return_value, "proxy_headers", c->proxy_headers);
	add_assoc_long(return_value, "proxy_local", c->proxy_local);
	add_assoc_long(return_value, "proxy_rejected", c->proxy_rejected);
	add_assoc_long(return_value, "proxy_timeouts", c->proxy_timeouts);
	add_assoc_long(return_value, "proxy_health_checks", c->proxy_health_checks);
	add_assoc_long(return_value, "pending_dropped", c->pending_dropped);
	add_assoc_long(return_value, "accept_backoffs", c->accept_backoffs);
}

/* openssl re-registers the tcp transport; MINIT after it so that fastsock
 * sees which factory serves tcp and can label its streams as stock does. */
static const zend_module_dep fastsock_deps[] = {
	ZEND_MOD_OPTIONAL("openssl")
	ZEND_MOD_OPTIONAL("sockets")
	ZEND_MOD_END
};

zend_module_entry fastsock_module_entry = {
	STANDARD_MODULE_HEADER_EX,
	NULL,
	fastsock_deps,
	"fastsock",
	ext_functions,
	PHP_MINIT(fastsock),
	PHP_MSHUTDOWN(fastsock),
	NULL,
	PHP_RSHUTDOWN(fastsock),
	PHP_MINFO(fastsock),
	PHP_FASTSOCK_VERSION,
	PHP_MODULE_GLOBALS(fastsock),
	PHP_GINIT(fastsock),
	NULL,
	NULL,
	STANDARD_MODULE_PROPERTIES_EX
};

#ifdef COMPILE_DL_FASTSOCK
# ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
# endif
ZEND_GET_MODULE(fastsock)
#endif
