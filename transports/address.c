/*
 * Server addresses as stock PHP reads them (main/streams/xp_socket.c), so
 * that a malformed one fails with the same words.
 */
#include "address.h"

#include <stddef.h>

char *fastsock_parse_ip_address(const char *str, size_t len, int *port, bool want_err, zend_string **err)
{
	const char *colon;

	if (memchr(str, '\0', len)) {
		*err = ZSTR_INIT_LITERAL("The hostname must not contain null bytes", 0);
		return NULL;
	}

	if (len > 1 && str[0] == '[') {
		const char *close = memchr(str + 1, ']', len - 2);

		if (!close || close[1] != ':') {
			if (want_err) {
				*err = strpprintf(0, "Failed to parse IPv6 address \"%s\"", str);
			}
			return NULL;
		}
		*port = atoi(close + 2);
		return estrndup(str + 1, close - str - 1);
	}

	/* The last character is never the separator: "host:" has no port. */
	colon = len ? memchr(str, ':', len - 1) : NULL;
	if (!colon) {
		if (want_err) {
			*err = strpprintf(0, "Failed to parse address \"%s\"", str);
		}
		return NULL;
	}
	*port = atoi(colon + 1);
	return estrndup(str, colon - str);
}

socklen_t fastsock_unix_address(const char *name, size_t len, struct sockaddr_un *addr)
{
	/* The abstract namespace needs no terminating NUL; a path does. */
	bool abstract = len > 0 && name[0] == '\0';
	size_t max = abstract ? sizeof(addr->sun_path) : sizeof(addr->sun_path) - 1;

	memset(addr, 0, sizeof(*addr));
	addr->sun_family = AF_UNIX;
	if (len > max) {
		len = max;
		php_error_docref(NULL, E_NOTICE,
			"socket path exceeded the maximum allowed length of %lu bytes and was truncated",
			(unsigned long) max);
	}
	memcpy(addr->sun_path, name, len);
	return (socklen_t) (offsetof(struct sockaddr_un, sun_path) + len);
}
