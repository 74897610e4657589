/*
 * Session ticket keys read from a file (fastsock.tls_ticket_key_file), in
 * the layout of nginx's ssl_session_ticket_key, so that processes started
 * apart, fastsock's or nginx's, given the same keys resume each other's
 * tickets. A file holds one or more keys, all of one size:
 *
 *   80 bytes: name (16) | HMAC-SHA256 key (32) | AES-256-CBC key (32)
 *   48 bytes: name (16) | AES-128-CBC key (16) | HMAC-SHA256 key (16)
 *
 * Of the lengths that hold at most 8 keys, only 240 fits both sizes; it is
 * read as three 80-byte keys (the size `openssl rand 80` makes), so five
 * 48-byte keys in one file are misread. The first key encrypts new tickets;
 * the others only decrypt, and ask the client to take a new ticket.
 *
 * Plain C over a path and a clock passed in, so a unit test drives both; the
 * struct has no pointers, so it can live in a MAP_SHARED page.
 */
#ifndef FASTSOCK_TLS_TICKET_FILE_H
#define FASTSOCK_TLS_TICKET_FILE_H

#include "tls_ticket_ring.h"

#define FASTSOCK_TICKET_FILE_MAX_KEYS 8
#define FASTSOCK_TICKET_FILE_KEY_AES256 80
#define FASTSOCK_TICKET_FILE_KEY_AES128 48

typedef enum fastsock_ticket_file_status {
	FASTSOCK_TICKET_FILE_UNREAD = 0, /* not looked at yet, or wiped: the next refresh reads it */
	FASTSOCK_TICKET_FILE_OK,
	FASTSOCK_TICKET_FILE_UNREADABLE, /* stat, open or read failed; error is its errno */
	FASTSOCK_TICKET_FILE_NOT_REGULAR,
	FASTSOCK_TICKET_FILE_BAD_SIZE,   /* size is its length in bytes */
} fastsock_ticket_file_status;

/* What tells a replaced or rewritten file from the one read before. */
typedef struct fastsock_ticket_file_identity {
	unsigned long long dev, ino;
	long long size, mtime_sec, mtime_nsec, ctime_sec, ctime_nsec;
} fastsock_ticket_file_identity;

typedef struct fastsock_ticket_file {
	fastsock_ticket_key keys[FASTSOCK_TICKET_FILE_MAX_KEYS];
	int count;                        /* keys in use: the last good read's; 0 before one */
	fastsock_ticket_file_status status; /* of the last look, good or not */
	int error;
	long long size;
	fastsock_ticket_file_identity identity; /* of the last look (zero when stat failed) */
	long long checked_ms;             /* when it was last looked at */
} fastsock_ticket_file;

typedef enum fastsock_ticket_file_event {
	FASTSOCK_TICKET_FILE_SAME,    /* nothing new: keys and status as they were */
	FASTSOCK_TICKET_FILE_LOADED,  /* new keys in use */
	FASTSOCK_TICKET_FILE_PROBLEM, /* a problem not reported before; the keys in use stay */
} fastsock_ticket_file_event;

/*
 * Reads the keys of a file's bytes into keys[] and returns how many, or 0
 * when len is not a non-zero multiple of 80 or 48 bytes, or holds more than
 * FASTSOCK_TICKET_FILE_MAX_KEYS keys.
 */
int fastsock_ticket_file_parse(const unsigned char *buf, size_t len,
	fastsock_ticket_key keys[FASTSOCK_TICKET_FILE_MAX_KEYS]);

/*
 * Looks at the file at `path` when it has never been read, or when
 * interval_ms have passed since the last look (now_ms: a monotonic clock in
 * milliseconds): a stat(), and a read only when its identity (device,
 * inode, size, mtime, ctime) changed. Good keys replace the ones in use; a
 * file that cannot be read or holds no good keys leaves them as they are.
 * The same problem with the same file is reported once.
 */
fastsock_ticket_file_event fastsock_ticket_file_refresh(fastsock_ticket_file *file, const char *path,
	long long now_ms, long long interval_ms);

/* The key new tickets are encrypted with; NULL before a good read. */
const fastsock_ticket_key *fastsock_ticket_file_encrypt_key(const fastsock_ticket_file *file);

/* The key of that name, or NULL; *renew is set to whether it is not the
 * first. */
const fastsock_ticket_key *fastsock_ticket_file_find(const fastsock_ticket_file *file,
	const unsigned char name[FASTSOCK_TICKET_NAME_SIZE], bool *renew);

/* Wipes the keys and forgets the file: the next refresh reads it again. */
void fastsock_ticket_file_wipe(fastsock_ticket_file *file);

#endif
