#include "tls_ticket_file.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NAME FASTSOCK_TICKET_NAME_SIZE
#define MAX_BYTES (FASTSOCK_TICKET_FILE_MAX_KEYS * FASTSOCK_TICKET_FILE_KEY_AES256)

/* The byte order of nginx's ngx_ssl_session_ticket_keys(). */
static void take_key(const unsigned char *in, size_t size, fastsock_ticket_key *key)
{
	memset(key, 0, sizeof(*key));
	memcpy(key->name, in, NAME);
	if (size == FASTSOCK_TICKET_FILE_KEY_AES256) {
		memcpy(key->hmac, in + NAME, 32);
		memcpy(key->aes, in + NAME + 32, 32);
	} else {
		memcpy(key->aes, in + NAME, 16);
		memcpy(key->hmac, in + NAME + 16, 16);
		key->aes128 = true;
	}
	key->live = true;
}

int fastsock_ticket_file_parse(const unsigned char *buf, size_t len,
	fastsock_ticket_key keys[FASTSOCK_TICKET_FILE_MAX_KEYS])
{
	size_t size, count;

	if (len == 0) {
		return 0;
	}
	if (len % FASTSOCK_TICKET_FILE_KEY_AES256 == 0) {
		size = FASTSOCK_TICKET_FILE_KEY_AES256;
	} else if (len % FASTSOCK_TICKET_FILE_KEY_AES128 == 0) {
		size = FASTSOCK_TICKET_FILE_KEY_AES128;
	} else {
		return 0;
	}
	count = len / size;
	if (count > FASTSOCK_TICKET_FILE_MAX_KEYS) {
		return 0;
	}
	for (size_t i = 0; i < count; i++) {
		take_key(buf + i * size, size, &keys[i]);
	}
	return (int) count;
}

static void identity_of(const struct stat *st, fastsock_ticket_file_identity *id)
{
	id->dev = (unsigned long long) st->st_dev;
	id->ino = (unsigned long long) st->st_ino;
	id->size = (long long) st->st_size;
	id->mtime_sec = (long long) st->st_mtim.tv_sec;
	id->mtime_nsec = (long long) st->st_mtim.tv_nsec;
	id->ctime_sec = (long long) st->st_ctim.tv_sec;
	id->ctime_nsec = (long long) st->st_ctim.tv_nsec;
}

static bool same_identity(const fastsock_ticket_file_identity *a, const fastsock_ticket_file_identity *b)
{
	return a->dev == b->dev && a->ino == b->ino && a->size == b->size
		&& a->mtime_sec == b->mtime_sec && a->mtime_nsec == b->mtime_nsec
		&& a->ctime_sec == b->ctime_sec && a->ctime_nsec == b->ctime_nsec;
}

/* Records a failed look; PROBLEM unless it is the one recorded last. */
static fastsock_ticket_file_event problem(fastsock_ticket_file *file, fastsock_ticket_file_status status,
	int error, long long size, const fastsock_ticket_file_identity *id)
{
	bool known = file->status == status && file->error == error && file->size == size
		&& same_identity(&file->identity, id);

	file->status = status;
	file->error = error;
	file->size = size;
	file->identity = *id;
	return known ? FASTSOCK_TICKET_FILE_SAME : FASTSOCK_TICKET_FILE_PROBLEM;
}

/* Up to len bytes, to the end of the file; -1 with errno on failure. */
static ssize_t read_all(int fd, unsigned char *buf, size_t len)
{
	size_t got = 0;

	while (got < len) {
		ssize_t n = read(fd, buf + got, len - got);

		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n < 0) {
			return -1;
		}
		if (n == 0) {
			break;
		}
		got += (size_t) n;
	}
	return (ssize_t) got;
}

/* The keys of an open regular file, swapped in when good. */
static fastsock_ticket_file_event load_open(fastsock_ticket_file *file, int fd,
	const fastsock_ticket_file_identity *id, long long file_size)
{
	/* One byte more than the most a good file holds, to see a longer one. */
	unsigned char buf[MAX_BYTES + 1];
	fastsock_ticket_key keys[FASTSOCK_TICKET_FILE_MAX_KEYS];
	ssize_t n = read_all(fd, buf, sizeof(buf));
	int count;

	if (n < 0) {
		return problem(file, FASTSOCK_TICKET_FILE_UNREADABLE, errno, 0, id);
	}
	count = fastsock_ticket_file_parse(buf, (size_t) n, keys);
	fastsock_ticket_wipe(buf, sizeof(buf));
	if (count == 0) {
		return problem(file, FASTSOCK_TICKET_FILE_BAD_SIZE, 0,
			(size_t) n < sizeof(buf) ? (long long) n : file_size, id);
	}
	fastsock_ticket_wipe(file->keys, sizeof(file->keys));
	memcpy(file->keys, keys, (size_t) count * sizeof(keys[0]));
	fastsock_ticket_wipe(keys, sizeof(keys));
	file->count = count;
	file->status = FASTSOCK_TICKET_FILE_OK;
	file->error = 0;
	file->size = (long long) n;
	file->identity = *id;
	return FASTSOCK_TICKET_FILE_LOADED;
}

static fastsock_ticket_file_event load(fastsock_ticket_file *file, const char *path,
	const fastsock_ticket_file_identity *stat_id)
{
	/* O_NONBLOCK: a FIFO put at the path must not hang the handshake. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	fastsock_ticket_file_identity id;
	fastsock_ticket_file_event event;
	struct stat st;

	if (fd < 0) {
		return problem(file, FASTSOCK_TICKET_FILE_UNREADABLE, errno, 0, stat_id);
	}
	if (fstat(fd, &st) != 0) {
		event = problem(file, FASTSOCK_TICKET_FILE_UNREADABLE, errno, 0, stat_id);
	} else {
		/* The identity of what is read, which a rename may have made
		 * newer than what stat() saw. */
		identity_of(&st, &id);
		event = S_ISREG(st.st_mode) ? load_open(file, fd, &id, (long long) st.st_size)
			: problem(file, FASTSOCK_TICKET_FILE_NOT_REGULAR, 0, 0, &id);
	}
	/* Read-only: a failing close() loses nothing that was read. */
	(void) close(fd);
	return event;
}

fastsock_ticket_file_event fastsock_ticket_file_refresh(fastsock_ticket_file *file, const char *path,
	long long now_ms, long long interval_ms)
{
	static const fastsock_ticket_file_identity none;
	fastsock_ticket_file_identity id;
	struct stat st;

	if (file->status != FASTSOCK_TICKET_FILE_UNREAD && now_ms - file->checked_ms < interval_ms) {
		return FASTSOCK_TICKET_FILE_SAME;
	}
	file->checked_ms = now_ms;
	if (stat(path, &st) != 0) {
		return problem(file, FASTSOCK_TICKET_FILE_UNREADABLE, errno, 0, &none);
	}
	identity_of(&st, &id);
	if (file->status != FASTSOCK_TICKET_FILE_UNREAD && same_identity(&id, &file->identity)) {
		return FASTSOCK_TICKET_FILE_SAME;
	}
	return load(file, path, &id);
}

const fastsock_ticket_key *fastsock_ticket_file_encrypt_key(const fastsock_ticket_file *file)
{
	return file->count > 0 ? &file->keys[0] : NULL;
}

const fastsock_ticket_key *fastsock_ticket_file_find(const fastsock_ticket_file *file,
	const unsigned char name[FASTSOCK_TICKET_NAME_SIZE], bool *renew)
{
	for (int i = 0; i < file->count; i++) {
		if (memcmp(file->keys[i].name, name, NAME) == 0) {
			*renew = i != 0;
			return &file->keys[i];
		}
	}
	return NULL;
}

void fastsock_ticket_file_wipe(fastsock_ticket_file *file)
{
	fastsock_ticket_wipe(file, sizeof(*file));
}
