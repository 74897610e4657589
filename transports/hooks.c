/*
 * Saved original, install, restore, in one place.
 *
 * Each hook swaps the handler of one internal function and keeps the
 * engine's own, so that MSHUTDOWN can put it back and so that what fastsock
 * does not serve goes to stock PHP unchanged.
 */
#include "php.h"
#include "php_network.h"
#include "zend_smart_str.h"

#include "hooks.h"
#include "server.h"
#include "select.h"
#include "socket.h"
#include "tls.h"

typedef struct function_hook {
	const char *name;
	zif_handler replacement;
	zif_handler original;   /* NULL while not installed */
} function_hook;

static function_hook server_hook = {"stream_socket_server", fastsock_stream_socket_server, NULL};
static function_hook select_hook = {"stream_select", fastsock_stream_select, NULL};

static const char *const transports[] = {"fast+tcp", "fast+udp", "fast+unix", "fast+udg"};

/* The TLS transports ext/openssl registered, and the factory each had at
 * install: a server goes to fastsock's only while that one is still
 * registered (not replaced by another extension since). */
static struct tls_transport {
	const char *name;
	const char *fast;
	php_stream_transport_factory stock;   /* NULL: not registered at install */
} tls_transports[] = {
	{"ssl", "fast+ssl", NULL}, {"tls", "fast+tls", NULL},
	{"tlsv1.0", "fast+tlsv1.0", NULL}, {"tlsv1.1", "fast+tlsv1.1", NULL},
	{"tlsv1.2", "fast+tlsv1.2", NULL}, {"tlsv1.3", "fast+tlsv1.3", NULL},
};

static void tls_transports_install(void)
{
	for (size_t i = 0; i < sizeof(tls_transports) / sizeof(tls_transports[0]); i++) {
		tls_transports[i].stock = fastsock_stock_factory_named(tls_transports[i].name);
		if (tls_transports[i].stock) {
			php_stream_xport_register(tls_transports[i].fast, fastsock_tls_transport_factory);
		}
	}
}

static void tls_transports_restore(void)
{
	for (size_t i = 0; i < sizeof(tls_transports) / sizeof(tls_transports[0]); i++) {
		if (tls_transports[i].stock) {
			php_stream_xport_unregister(tls_transports[i].fast);
			tls_transports[i].stock = NULL;
		}
	}
}

const char *fastsock_hooks_tls_route(const char *scheme, size_t len)
{
	for (size_t i = 0; i < sizeof(tls_transports) / sizeof(tls_transports[0]); i++) {
		struct tls_transport *t = &tls_transports[i];

		if (strlen(t->name) == len && memcmp(t->name, scheme, len) == 0) {
			return t->stock && fastsock_tls_serves() && fastsock_stock_factory_named(t->name) == t->stock
				? t->fast : NULL;
		}
	}
	return NULL;
}

static zend_internal_function *find_internal(const char *name)
{
	zend_function *fn = zend_hash_str_find_ptr(CG(function_table), name, strlen(name));

	return fn && fn->type == ZEND_INTERNAL_FUNCTION ? &fn->internal_function : NULL;
}

static void hook_install(function_hook *hook)
{
	zend_internal_function *fn = find_internal(hook->name);

	if (fn) {
		hook->original = fn->handler;
		fn->handler = hook->replacement;
	}
}

static void hook_restore(function_hook *hook)
{
	zend_internal_function *fn;

	if (!hook->original) {
		return;
	}
	fn = find_internal(hook->name);
	if (fn && fn->handler == hook->replacement) {
		fn->handler = hook->original;
	}
	hook->original = NULL;
}

void fastsock_hooks_install(bool with_select)
{
	fastsock_socket_startup();
	for (size_t i = 0; i < sizeof(transports) / sizeof(transports[0]); i++) {
		php_stream_xport_register(transports[i], fastsock_transport_factory);
	}
	tls_transports_install();
	hook_install(&server_hook);
	if (with_select) {
		hook_install(&select_hook);
	}
}

void fastsock_hooks_restore(void)
{
	hook_restore(&select_hook);
	if (!server_hook.original) {
		return;
	}
	hook_restore(&server_hook);
	for (size_t i = 0; i < sizeof(transports) / sizeof(transports[0]); i++) {
		php_stream_xport_unregister(transports[i]);
	}
	tls_transports_restore();
}

void fastsock_hooks_transport_names(smart_str *out)
{
	if (!server_hook.original) {
		return;
	}
	for (size_t i = 0; i < sizeof(transports) / sizeof(transports[0]); i++) {
		smart_str_appends(out, i ? ", " : "");
		smart_str_appends(out, transports[i]);
	}
	for (size_t i = 0; i < sizeof(tls_transports) / sizeof(tls_transports[0]); i++) {
		if (tls_transports[i].stock) {
			smart_str_appends(out, ", ");
			smart_str_appends(out, tls_transports[i].fast);
		}
	}
}

bool fastsock_hooks_server_installed(void)
{
	return server_hook.original != NULL;
}

bool fastsock_hooks_select_installed(void)
{
	return select_hook.original != NULL;
}

void fastsock_original_stream_socket_server(INTERNAL_FUNCTION_PARAMETERS)
{
	server_hook.original(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}
