/*
 * Unit test of transports/options.c: what each setting accepts.
 */
#include "options.h"
#include "check.h"

#include <string.h>
#include <sys/socket.h>

static int parses_long(const char *text, long expect)
{
	long value = -12345;

	return fastsock_parse_long(text, strlen(text), &value) && value == expect;
}

static int rejects_long(const char *text)
{
	long value;

	return !fastsock_parse_long(text, strlen(text), &value);
}

static int parses_bool(const char *text, int expect)
{
	bool value = !expect;

	return fastsock_parse_bool(text, strlen(text), &value) && value == expect;
}

static int shows(const char *value, size_t len, size_t outsize, const char *expect)
{
	char out[FASTSOCK_SHOWN_SIZE + 8];

	memset(out, 'Z', sizeof(out));
	fastsock_shown_value(value, len, out, outsize);
	/* Nothing written past outsize. */
	for (size_t i = outsize; i < sizeof(out); i++) {
		if (out[i] != 'Z') {
			return 0;
		}
	}
	return strcmp(out, expect) == 0;
}

int main(void)
{
	const fastsock_setting_spec *backlog = fastsock_setting_get(FASTSOCK_SET_BACKLOG);
	const fastsock_setting_spec *mode = fastsock_setting_get(FASTSOCK_SET_MODE);
	long value;

	CHECK(parses_long("0", 0));
	CHECK(parses_long("65535", 65535));
	CHECK(parses_long("-1", -1));
	CHECK(parses_long("0660", 0660));
	CHECK(parses_long("0x10", 16));
	CHECK(rejects_long(""));
	CHECK(rejects_long("abc"));
	CHECK(rejects_long("12abc"));
	CHECK(rejects_long("1 "));
	CHECK(rejects_long("99999999999999999999999999"));
	CHECK(rejects_long("123456789012345678901234567890123"));
	CHECK(!fastsock_parse_long("1\0" "2", 3, &value));

	CHECK(parses_bool("1", 1));
	CHECK(parses_bool("On", 1));
	CHECK(parses_bool("yes", 1));
	CHECK(parses_bool("TRUE", 1));
	CHECK(parses_bool("0", 0));
	CHECK(parses_bool("off", 0));
	CHECK(parses_bool("", 0));
	CHECK(!fastsock_parse_bool("maybe", 5, &(bool){0}));
	CHECK(!fastsock_parse_bool("2", 1, &(bool){0}));

	CHECK(fastsock_setting_in_range(backlog, 0));
	CHECK(fastsock_setting_in_range(backlog, 65535));
	CHECK(!fastsock_setting_in_range(backlog, 65536));
	CHECK(!fastsock_setting_in_range(backlog, -1));
	CHECK(fastsock_setting_in_range(mode, 0777));
	CHECK(!fastsock_setting_in_range(mode, 600));

	CHECK(fastsock_setting_find("chunk_size", 10) == fastsock_setting_get(FASTSOCK_SET_CHUNK_SIZE));
	CHECK(fastsock_setting_find("chunk", 5) == NULL);
	CHECK(fastsock_setting_find("backlogx", 8) == NULL);
	CHECK(fastsock_setting_get(FASTSOCK_SET_TCP_NODELAY)->is_bool);
	CHECK(!fastsock_setting_get(FASTSOCK_SET_MODE)->in_ini);

	CHECK(!fastsock_setting_in_range(fastsock_setting_get(FASTSOCK_SET_CHUNK_SIZE), 8191));
	CHECK(fastsock_setting_in_range(fastsock_setting_get(FASTSOCK_SET_CHUNK_SIZE), 8192));

	CHECK(shows("abc", 3, FASTSOCK_SHOWN_SIZE, "abc"));
	CHECK(shows("", 0, FASTSOCK_SHOWN_SIZE, ""));
	CHECK(shows("a\0b", 3, FASTSOCK_SHOWN_SIZE, "a\\x00b"));
	CHECK(shows("1\n2\r\t", 5, FASTSOCK_SHOWN_SIZE, "1\\x0a2\\x0d\\x09"));
	CHECK(shows("say \"hi\" \\", 10, FASTSOCK_SHOWN_SIZE, "say \\\"hi\\\" \\\\"));
	CHECK(shows("\xc3\xa9\x7f", 3, FASTSOCK_SHOWN_SIZE, "\\xc3\\xa9\\x7f"));
	{
		char big[1000], expect[FASTSOCK_SHOWN_MAX + 4];

		memset(big, 'x', sizeof(big));
		memset(expect, 'x', FASTSOCK_SHOWN_MAX);
		strcpy(expect + FASTSOCK_SHOWN_MAX, "...");
		CHECK(shows(big, sizeof(big), FASTSOCK_SHOWN_SIZE, expect));
		CHECK(shows(big, FASTSOCK_SHOWN_MAX, FASTSOCK_SHOWN_SIZE, expect) == 0);
		memset(big, '\n', sizeof(big));
		/* The worst case fills the buffer exactly. */
		char out[FASTSOCK_SHOWN_SIZE];
		fastsock_shown_value(big, sizeof(big), out, sizeof(out));
		CHECK(strlen(out) == FASTSOCK_SHOWN_MAX * 4 + 3);
	}
	CHECK(shows("abcdef", 6, 6, "ab..."));
	CHECK(shows("abc", 3, 3, ""));
	CHECK(shows("abc", 3, 4, "..."));
	CHECK(shows("ab", 2, 7, "ab"));

	value = fastsock_system_backlog();
	CHECK(value >= SOMAXCONN || value > 0);

	return check_report();
}
