/*
 * Holding warnings back (see tls_warnings.h). While held, the engine's
 * error callback is fastsock's and the script's error handler is set
 * aside, so that nothing reaches the script; fatal errors still go
 * through at once.
 */
#include "php.h"
#include "zend_smart_str.h"

#include "tls_warnings.h"

typedef void (*error_callback)(int type, zend_string *file, const uint32_t line, zend_string *message);

static fastsock_tls_warnings *holding;
static error_callback saved_callback;
static zval saved_handler;

/* What php_error_docref() puts before a message: "function(): ", with the
 * class for a method. */
static zend_string *caller_prefix(void)
{
	const char *function = get_active_function_name();
	const char *space = "";
	const char *class_name;
	smart_str prefix = {0};

	if (!function || !*function) {
		return NULL;
	}
	class_name = get_active_class_name(&space);
	smart_str_appends(&prefix, class_name);
	smart_str_appends(&prefix, space);
	smart_str_appends(&prefix, function);
	smart_str_appends(&prefix, "(): ");
	return smart_str_extract(&prefix);
}

static void record(int type, zend_string *file, const uint32_t line, zend_string *message)
{
	fastsock_tls_warnings *into = holding;
	fastsock_tls_warning *item;
	zend_string *prefix;

	if (!into || (type & (E_ERROR | E_CORE_ERROR | E_COMPILE_ERROR | E_USER_ERROR | E_RECOVERABLE_ERROR | E_PARSE))) {
		saved_callback(type, file, line, message);
		return;
	}
	into->items = erealloc(into->items, (into->count + 1) * sizeof(*into->items));
	item = &into->items[into->count++];
	item->type = type;
	prefix = caller_prefix();
	item->named = prefix && zend_string_starts_with(message, prefix);
	item->message = item->named
		? zend_string_init(ZSTR_VAL(message) + ZSTR_LEN(prefix), ZSTR_LEN(message) - ZSTR_LEN(prefix), 0)
		: zend_string_copy(message);
	if (prefix) {
		zend_string_release(prefix);
	}
}

bool fastsock_tls_warnings_hold(fastsock_tls_warnings *into)
{
	if (holding) {
		return false;
	}
	holding = into;
	saved_callback = zend_error_cb;
	zend_error_cb = record;
	ZVAL_COPY_VALUE(&saved_handler, &EG(user_error_handler));
	ZVAL_UNDEF(&EG(user_error_handler));
	return true;
}

void fastsock_tls_warnings_resume(bool held)
{
	if (!held) {
		return;
	}
	zend_error_cb = saved_callback;
	ZVAL_COPY_VALUE(&EG(user_error_handler), &saved_handler);
	holding = NULL;
}

void fastsock_tls_warnings_replay(fastsock_tls_warnings *warnings)
{
	for (uint32_t i = 0; i < warnings->count; i++) {
		fastsock_tls_warning *item = &warnings->items[i];

		if (item->named) {
			php_error_docref(NULL, item->type, "%s", ZSTR_VAL(item->message));
		} else {
			php_error(item->type, "%s", ZSTR_VAL(item->message));
		}
	}
	fastsock_tls_warnings_free(warnings);
}

void fastsock_tls_warnings_free(fastsock_tls_warnings *warnings)
{
	for (uint32_t i = 0; i < warnings->count; i++) {
		zend_string_release(warnings->items[i].message);
	}
	if (warnings->items) {
		efree(warnings->items);
	}
	warnings->items = NULL;
	warnings->count = 0;
}
