/*
 * Unit test of lib/tls_ticket_file.c: nginx's key layouts, the sizes a
 * file may have, and a file watched with a fake clock while it is renamed
 * over, broken, removed and mended. Files go in a temp dir under $TMPDIR,
 * removed at the end. Prints "N passed, N failed".
 */
#include "tls_ticket_file.h"
#include "check.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define INTERVAL 1000

static char dir[4096], path[4200], scratch[4200];

/* Byte i of key k of a test file: every byte differs between keys. */
static unsigned char pattern(int k, size_t i)
{
	return (unsigned char) (k * 97 + (int) i + 1);
}

static void fill(unsigned char *buf, int keys, size_t size, int first)
{
	for (int k = 0; k < keys; k++) {
		for (size_t i = 0; i < size; i++) {
			buf[(size_t) k * size + i] = pattern(first + k, i);
		}
	}
}

/* Writes `keys` keys of `size` bytes (key numbers from `first`) to a
 * scratch file and renames it over `path`, as a careful operator does. */
static void install(int keys, size_t size, int first)
{
	unsigned char buf[4096];
	FILE *f = fopen(scratch, "wb");
	size_t len = (size_t) keys * size;

	fill(buf, keys, size, first);
	if (f == NULL || fwrite(buf, 1, len, f) != len || fclose(f) != 0 || rename(scratch, path) != 0) {
		perror("writing a key file");
		exit(2);
	}
}

static bool bytes_are(const unsigned char *got, int k, size_t from, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (got[i] != pattern(k, from + i)) {
			return false;
		}
	}
	return true;
}

static void test_layouts(void)
{
	unsigned char buf[8 * 80 + 80];
	fastsock_ticket_key keys[FASTSOCK_TICKET_FILE_MAX_KEYS];

	/* 80 bytes: name, then the HMAC key, then the AES-256 key. */
	fill(buf, 2, 80, 0);
	CHECK(fastsock_ticket_file_parse(buf, 160, keys) == 2);
	CHECK(bytes_are(keys[0].name, 0, 0, 16) && bytes_are(keys[0].hmac, 0, 16, 32)
		&& bytes_are(keys[0].aes, 0, 48, 32) && !keys[0].aes128 && keys[0].live);
	CHECK(bytes_are(keys[1].name, 1, 0, 16) && bytes_are(keys[1].hmac, 1, 16, 32)
		&& bytes_are(keys[1].aes, 1, 48, 32));

	/* 48 bytes: name, then the AES-128 key, then the HMAC key; the rest of
	 * each field is zero. */
	fill(buf, 3, 48, 0);
	CHECK(fastsock_ticket_file_parse(buf, 144, keys) == 3);
	CHECK(bytes_are(keys[0].name, 0, 0, 16) && bytes_are(keys[0].aes, 0, 16, 16)
		&& bytes_are(keys[0].hmac, 0, 32, 16) && keys[0].aes128 && keys[0].live);
	CHECK(check_all_zero(keys[0].aes + 16, 16) && check_all_zero(keys[0].hmac + 16, 16));
	CHECK(bytes_are(keys[2].name, 2, 0, 16) && bytes_are(keys[2].aes, 2, 16, 16)
		&& bytes_are(keys[2].hmac, 2, 32, 16));
}

static void test_sizes(void)
{
	static const struct { size_t len; int keys; bool aes128; } cases[] = {
		{80, 1, false}, {48, 1, true}, {96, 2, true}, {160, 2, false},
		/* 240 fits both sizes: 80-byte keys; 480 fits 8 keys of 80 only. */
		{240, 3, false}, {480, 6, false},
		{640, 8, false}, {384, 8, true},
		{0, 0, false}, {1, 0, false}, {47, 0, false}, {49, 0, false}, {79, 0, false}, {81, 0, false},
		{100, 0, false},
		/* More than 8 keys. */
		{720, 0, false}, {432, 0, false}, {800, 0, false},
	};
	unsigned char buf[1024] = {0};
	fastsock_ticket_key keys[FASTSOCK_TICKET_FILE_MAX_KEYS];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int got = fastsock_ticket_file_parse(buf, cases[i].len, keys);

		CHECK(got == cases[i].keys);
		if (got != cases[i].keys) {
			printf("  length %zu: %d keys\n", cases[i].len, got);
		}
		if (got > 0) {
			CHECK(keys[0].aes128 == cases[i].aes128);
		}
	}
}

static bool first_key_is(const fastsock_ticket_file *file, int k)
{
	const fastsock_ticket_key *key = fastsock_ticket_file_encrypt_key(file);

	return key != NULL && bytes_are(key->name, k, 0, 16);
}

/* Is key number k of the tests there, and with which renew answer? */
static bool decrypts(const fastsock_ticket_file *file, int k, bool renew)
{
	unsigned char name[16];
	bool got = !renew;

	for (size_t i = 0; i < sizeof(name); i++) {
		name[i] = pattern(k, i);
	}
	return fastsock_ticket_file_find(file, name, &got) != NULL && got == renew;
}

static void write_bytes(const char *to, size_t len)
{
	unsigned char buf[256] = {0};
	FILE *f = fopen(scratch, "wb");

	if (f == NULL || fwrite(buf, 1, len, f) != len || fclose(f) != 0 || rename(scratch, to) != 0) {
		perror("writing a file");
		exit(2);
	}
}

static void test_watch(void)
{
	fastsock_ticket_file file;
	long long now = 5000;

	memset(&file, 0, sizeof(file));
	/* No file yet: a problem, reported once. */
	CHECK(fastsock_ticket_file_refresh(&file, path, now, INTERVAL) == FASTSOCK_TICKET_FILE_PROBLEM);
	CHECK(file.status == FASTSOCK_TICKET_FILE_UNREADABLE && file.error == ENOENT && file.count == 0);
	CHECK(fastsock_ticket_file_encrypt_key(&file) == NULL);
	CHECK(fastsock_ticket_file_refresh(&file, path, now += INTERVAL, INTERVAL) == FASTSOCK_TICKET_FILE_SAME);

	/* It appears: read at the next look, not before. */
	install(1, 80, 0);
	CHECK(fastsock_ticket_file_refresh(&file, path, now + INTERVAL - 1, INTERVAL) == FASTSOCK_TICKET_FILE_SAME);
	CHECK(fastsock_ticket_file_refresh(&file, path, now += INTERVAL, INTERVAL) == FASTSOCK_TICKET_FILE_LOADED);
	CHECK(file.status == FASTSOCK_TICKET_FILE_OK && file.count == 1 && first_key_is(&file, 0));
	CHECK(decrypts(&file, 0, false) && !decrypts(&file, 1, false) && !decrypts(&file, 1, true));
	/* Unchanged: not read again. */
	CHECK(fastsock_ticket_file_refresh(&file, path, now += INTERVAL, INTERVAL) == FASTSOCK_TICKET_FILE_SAME);

	/* Rotation: a new first key renamed over it, the old one kept second. */
	{
		unsigned char buf[160];
		FILE *f = fopen(scratch, "wb");

		fill(buf, 1, 80, 1);
		fill(buf + 80, 1, 80, 0);
		if (f == NULL || fwrite(buf, 1, 160, f) != 160 || fclose(f) != 0 || rename(scratch, path) != 0) {
			perror("rotating");
			exit(2);
		}
	}
	CHECK(fastsock_ticket_file_refresh(&file, path, now + INTERVAL / 2, INTERVAL) == FASTSOCK_TICKET_FILE_SAME);
	CHECK(first_key_is(&file, 0));
	CHECK(fastsock_ticket_file_refresh(&file, path, now += INTERVAL, INTERVAL) == FASTSOCK_TICKET_FILE_LOADED);
	CHECK(file.count == 2 && first_key_is(&file, 1));
	CHECK(decrypts(&file, 1, false) && decrypts(&file, 0, true));

	/* Malformed: the keys in use stay; reported once for that file. */
	write_bytes(path, 100);
	CHECK(fastsock_ticket_file_refresh(&file, path, now += INTERVAL, INTERVAL) == FASTSOCK_TICKET_FILE_PROBLEM);
	CHECK(file.status == FASTSOCK_TICKET_FILE_BAD_SIZE && file.size == 100);
	CHECK(file.count == 2 && first_key_is(&file, 1) && decrypts(&file, 0, true));
	CHECK(fastsock_ticket_file_refresh(&file, path, now += INTERVAL, INTERVAL) == FASTSOCK_TICKET_FILE_SAME);
	/* Another bad file is another problem. */
	write_bytes(path, 0);
	CHECK(fastsock_ticket_file_refresh(&file, path, now += INTERVAL, INTERVAL) == FASTSOCK_TICKET_FILE_PROBLEM);
	CHECK(file.status == FASTSOCK_TICKET_FILE_BAD_SIZE && file.size == 0 && file.count == 2);

	/* Gone, then a directory in its place. */
	CHECK(unlink(path) == 0);
	CHECK(fastsock_ticket_file_refresh(&file, path, now += INTERVAL, INTERVAL) == FASTSOCK_TICKET_FILE_PROBLEM);
	CHECK(file.status == FASTSOCK_TICKET_FILE_UNREADABLE && file.error == ENOENT && first_key_is(&file, 1));
	CHECK(fastsock_ticket_file_refresh(&file, path, now += INTERVAL, INTERVAL) == FASTSOCK_TICKET_FILE_SAME);
	CHECK(mkdir(path, 0700) == 0);
	CHECK(fastsock_ticket_file_refresh(&file, path, now += INTERVAL, INTERVAL) == FASTSOCK_TICKET_FILE_PROBLEM);
	CHECK(file.status == FASTSOCK_TICKET_FILE_NOT_REGULAR && first_key_is(&file, 1));
	CHECK(rmdir(path) == 0);

	/* Mended: 48-byte keys this time. */
	install(2, 48, 4);
	CHECK(fastsock_ticket_file_refresh(&file, path, now += INTERVAL, INTERVAL) == FASTSOCK_TICKET_FILE_LOADED);
	CHECK(file.count == 2 && first_key_is(&file, 4) && file.keys[0].aes128);
	CHECK(decrypts(&file, 5, true) && !decrypts(&file, 1, true) && !decrypts(&file, 0, true));

	/* Too long: more than 8 keys. */
	install(9, 80, 0);
	CHECK(fastsock_ticket_file_refresh(&file, path, now += INTERVAL, INTERVAL) == FASTSOCK_TICKET_FILE_PROBLEM);
	CHECK(file.status == FASTSOCK_TICKET_FILE_BAD_SIZE && file.size == 720 && first_key_is(&file, 4));

	/* Wiped: nothing left, and the next look reads at once. */
	install(1, 80, 7);
	fastsock_ticket_file_wipe(&file);
	CHECK(check_all_zero(&file, sizeof(file)));
	CHECK(fastsock_ticket_file_refresh(&file, path, now, INTERVAL) == FASTSOCK_TICKET_FILE_LOADED);
	CHECK(first_key_is(&file, 7));
	fastsock_ticket_file_wipe(&file);
	unlink(path);
}

int main(void)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(dir, sizeof(dir), "%s/fastsock-keyfile-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 2;
	}
	snprintf(path, sizeof(path), "%s/ticket.key", dir);
	snprintf(scratch, sizeof(scratch), "%s/ticket.key.new", dir);

	test_layouts();
	test_sizes();
	test_watch();

	unlink(scratch);
	rmdir(path);
	unlink(path);
	if (rmdir(dir) != 0) {
		perror("rmdir");
		CHECK(false);
	}
	return check_report();
}
