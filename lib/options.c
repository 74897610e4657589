/*
 * What each fastsock setting accepts, and the parsers that check it.
 */
#include "options.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#define FASTSOCK_MAX_BUFFER (1L << 30)
#define FASTSOCK_MAX_CHUNK  (64L << 20)

static const fastsock_setting_spec settings[FASTSOCK_SET_COUNT] = {
	[FASTSOCK_SET_BACKLOG] = {"backlog", false, 0, 65535,
		"0 (the system maximum) or 1 to 65535", true},
	[FASTSOCK_SET_RCVBUF] = {"rcvbuf", false, 0, FASTSOCK_MAX_BUFFER,
		"0 (kernel autotuning) or 1 to 1073741824 bytes", true},
	[FASTSOCK_SET_SNDBUF] = {"sndbuf", false, 0, FASTSOCK_MAX_BUFFER,
		"0 (kernel autotuning) or 1 to 1073741824 bytes", true},
	[FASTSOCK_SET_UDP_RCVBUF] = {"udp_rcvbuf", false, 0, FASTSOCK_MAX_BUFFER,
		"0 (kernel default) or 1 to 1073741824 bytes", true},
	/* Below stock's chunk a large fread() would return less than on stock,
	 * and nothing would be gained. */
	[FASTSOCK_SET_CHUNK_SIZE] = {"chunk_size", false, 8192, FASTSOCK_MAX_CHUNK,
		"8192 to 67108864 bytes", true},
	[FASTSOCK_SET_TCP_NODELAY] = {"tcp_nodelay", true, 0, 1,
		"a boolean (1, 0, on, off, yes, no, true, false)", true},
	[FASTSOCK_SET_REUSEPORT] = {"reuseport", true, 0, 1,
		"a boolean (1, 0, on, off, yes, no, true, false)", true},
	/* Permission bits only: a decimal 660 (a forgotten leading 0) is out of
	 * range instead of silently becoming 01224. */
	[FASTSOCK_SET_MODE] = {"mode", false, 0, 0777,
		"a file mode from 0 to 0777, such as 0660 or \"0660\"", false},
	[FASTSOCK_SET_TLS_SESSION_CACHE] = {"tls_session_cache", true, 0, 1,
		"a boolean (1, 0, on, off, yes, no, true, false)", true},
	[FASTSOCK_SET_TLS_SESSION_TIMEOUT] = {"tls_session_timeout", false, 1, 86400,
		"1 to 86400 seconds", true},
	[FASTSOCK_SET_TLS_TICKETS] = {"tls_tickets", true, 0, 1,
		"a boolean (1, 0, on, off, yes, no, true, false)", true},
	[FASTSOCK_SET_TLS_HANDSHAKE_TIMEOUT] = {"tls_handshake_timeout", false, 0, 86400,
		"0 (the stream's timeout alone) or 1 to 86400 seconds", true},
	[FASTSOCK_SET_PROXY_PROTOCOL] = {"proxy_protocol", true, 0, 1,
		"on (PROXY protocol v1 and v2 headers from proxy_from) or off, or another boolean "
		"(1, 0, yes, no, true, false)", true},
	[FASTSOCK_SET_PROXY_TIMEOUT] = {"proxy_timeout", false, 1, 3600,
		"1 to 3600 seconds", true},
	[FASTSOCK_SET_PROXY_FROM] = {"proxy_from", false, 0, 0,
		"a comma-separated list of IPv4 and IPv6 addresses and CIDR ranges, "
		"such as \"10.0.0.0/8, 127.0.0.1, ::1\"", true, true},
	[FASTSOCK_SET_PENDING_LIMIT] = {"pending_limit", false, 1, 65536,
		"1 to 65536 connections", true},
};

const fastsock_setting_spec *fastsock_setting_get(fastsock_setting which)
{
	return &settings[which];
}

const fastsock_setting_spec *fastsock_setting_find(const char *name, size_t len)
{
	for (int i = 0; i < FASTSOCK_SET_COUNT; i++) {
		if (strlen(settings[i].name) == len && memcmp(settings[i].name, name, len) == 0) {
			return &settings[i];
		}
	}
	return NULL;
}

const char *fastsock_setting_names(void)
{
	static char names[512];

	if (names[0] == '\0') {
		size_t used = 0;

		for (int i = 0; i < FASTSOCK_SET_COUNT; i++) {
			int n = snprintf(names + used, sizeof(names) - used, "%s%s",
				i ? ", " : "", settings[i].name);

			if (n < 0 || (size_t) n >= sizeof(names) - used) {
				break;
			}
			used += (size_t) n;
		}
	}
	return names;
}

bool fastsock_parse_long(const char *text, size_t len, long *out)
{
	char buf[32];
	char *end;
	long value;

	/* Longer than any long in decimal or octal: not a value we accept. */
	if (len == 0 || len >= sizeof(buf)) {
		return false;
	}
	memcpy(buf, text, len);
	buf[len] = '\0';
	if (memchr(buf, '\0', len)) {
		return false;
	}

	errno = 0;
	/* Base 0 so that a mode may be written in octal, as chmod users do. */
	value = strtol(buf, &end, 0);
	if (errno != 0 || end == buf || *end != '\0') {
		return false;
	}
	*out = value;
	return true;
}

bool fastsock_parse_bool(const char *text, size_t len, bool *out)
{
	static const struct { const char *word; bool value; } words[] = {
		{"1", true}, {"on", true}, {"yes", true}, {"true", true},
		{"0", false}, {"off", false}, {"no", false}, {"false", false},
		{"", false},
	};

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (strlen(words[i].word) == len && strncasecmp(words[i].word, text, len) == 0) {
			*out = words[i].value;
			return true;
		}
	}
	return false;
}

void fastsock_shown_value(const char *value, size_t len, char *out, size_t outsize)
{
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;

	if (outsize < sizeof("...")) {
		if (outsize > 0) {
			out[0] = '\0';
		}
		return;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char) value[i];
		bool plain = c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
		size_t need = plain ? 1 : (c == '"' || c == '\\') ? 2 : 4;

		/* Room for this byte and for "..." after it, should more follow. */
		if (i == FASTSOCK_SHOWN_MAX || o + need + 4 > outsize) {
			memcpy(out + o, "...", 3);
			o += 3;
			break;
		}
		if (plain) {
			out[o++] = (char) c;
		} else if (need == 2) {
			out[o++] = '\\';
			out[o++] = (char) c;
		} else {
			out[o++] = '\\';
			out[o++] = 'x';
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 0xf];
		}
	}
	out[o] = '\0';
}

bool fastsock_setting_in_range(const fastsock_setting_spec *spec, long value)
{
	return value >= spec->min && value <= spec->max;
}

long fastsock_system_backlog(void)
{
	FILE *f = fopen("/proc/sys/net/core/somaxconn", "r");
	long value = 0;

	if (f) {
		if (fscanf(f, "%ld", &value) != 1) {
			value = 0;
		}
		fclose(f);
	}
	if (value <= 0 || value > INT_MAX) {
		value = SOMAXCONN;
	}
	return value;
}
