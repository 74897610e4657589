/*
 * stream_select() on poll(): the stock semantics without FD_SETSIZE.
 *
 * The steps, their order and every message are those of stock PHP 8.2
 * (ext/standard/streamsfuncs.c), so that a script cannot tell the two
 * apart except that descriptors above 1023 work. In particular each
 * stream is cast twice, before and after the wait, as stock does: a
 * stream that cannot be cast warns twice, and a user-space stream's
 * stream_cast() runs twice (plain sockets, whose cast has no effect, give
 * their descriptor without one).
 */
#include "php.h"
#include "php_network.h"

#include "select.h"
#include "pollset.h"
#include "socket.h"
#include "pipeline.h"
#include "php_fastsock.h"

/* Room for about a hundred streams without a heap allocation. */
#define STACK_POLLFDS 256

typedef struct select_listener {
	zend_resource *res;  /* held: a user-space stream_cast() may fclose() it */
	php_stream *stream;
	fastsock_sock *server;
} select_listener;

typedef struct select_arrays {
	zval *lists[3];   /* indexed by fastsock_poll_list; NULL where the script passed null */
	int le_stream;    /* the stream resource types, looked up once per call */
	int le_pstream;
	/* fastsock's listeners in the read array, each once: their new
	 * connections are driven around the wait (pipeline.c). */
	select_listener *listeners;
	size_t listener_count;
	/* What the walk that adds the streams saw: a read stream with data in
	 * its buffer, a read element that is not a stream (each walk over it
	 * throws stock's TypeError), or a cast that was not a plain socket's
	 * (a user-space stream_cast() may have changed any stream). Without
	 * any, stock's walk for buffered data would find nothing and say
	 * nothing. */
	bool buffered_seen;
	bool not_stream_seen;
	bool cast_called;
	/* Per list, per element in walk order: the pollset entry its stream
	 * was added as, or -1. Without a cast called, the walk after the wait
	 * meets the same streams in the same order and reads these instead of
	 * looking each descriptor up, unless the list's variable was replaced
	 * with the result of an earlier list (one variable passed twice):
	 * entries_valid says. */
	int32_t *entries[3];
	bool entries_valid[3];
} select_arrays;

/*
 * The stream of an array element (already dereferenced), as
 * php_stream_from_zval_no_verify() gives it. That macro also raises stock's
 * TypeError for an element that is not a stream, and the loops go on as in
 * stock; it is left to do so, while streams, the common case, are taken
 * without its two calls per element.
 */
static zend_always_inline php_stream *element_stream(const select_arrays *arrays, zval *elem)
{
	php_stream *stream;

	if (Z_TYPE_P(elem) == IS_RESOURCE
			&& (Z_RES_TYPE_P(elem) == arrays->le_stream || Z_RES_TYPE_P(elem) == arrays->le_pstream)) {
		return Z_RES_VAL_P(elem);
	}
	php_stream_from_zval_no_verify(stream, elem);
	return stream;
}

/*
 * The descriptor select() would watch; warns as stock does when there is
 * none. For an unfiltered stream php_stream_cast() of this kind is the
 * ops' cast alone. A plain socket's cast, fastsock's or the one all of
 * stock's socket ops share (main/streams/xp_socket.c), hands out the
 * descriptor of the php_netstream_data_t and does nothing else (a TLS
 * stream's moves decrypted bytes into the read buffer): those are read
 * directly, the rest cast.
 */
static zend_always_inline bool stream_select_fd(select_arrays *arrays, php_stream *stream, php_socket_t *fd)
{
	if ((stream->ops->cast == fastsock_plain_socket_cast || stream->ops->cast == php_stream_socket_ops.cast)
			&& !php_stream_is_filtered(stream)) {
		*fd = ((const php_netstream_data_t *) stream->abstract)->socket;
		return *fd != -1;
	}
	arrays->cast_called = true;
	return php_stream_cast(stream, PHP_STREAM_AS_FD_FOR_SELECT | PHP_STREAM_CAST_INTERNAL, (void **) fd, 1) == SUCCESS
		&& *fd != -1;
}

static size_t elements_in(const select_arrays *arrays)
{
	size_t n = 0;

	for (int list = FASTSOCK_POLL_READ; list <= FASTSOCK_POLL_EXCEPT; list++) {
		if (arrays->lists[list]) {
			n += zend_hash_num_elements(Z_ARRVAL_P(arrays->lists[list]));
		}
	}
	return n;
}

/*
 * Whether a stream may be a listener with a pipeline, from the list kept
 * as they listen and close: a comparison of pointers, without reading the
 * stream or its socket (at thousands of streams those reads, one cache
 * miss each, were most of a call's time). Should the list have failed to
 * grow, every fastsock socket is looked at.
 */
static zend_always_inline bool may_be_listener(php_stream *stream)
{
	if (FASTSOCK_G(select_listeners_incomplete)) {
		return stream->ops->cast == fastsock_plain_socket_cast;
	}
	for (size_t i = 0; i < FASTSOCK_G(select_listener_count); i++) {
		if (FASTSOCK_G(select_listeners)[i] == stream) {
			return true;
		}
	}
	return false;
}

void fastsock_select_listener_opened(php_stream *stream)
{
	if (FASTSOCK_G(select_listener_count) == FASTSOCK_G(select_listener_room)) {
		size_t room = FASTSOCK_G(select_listener_room) ? 2 * FASTSOCK_G(select_listener_room) : 4;
		/* Plain memory: the list must never miss a listener, whichever
		 * request or shutdown step closes it. */
		void **grown = realloc(FASTSOCK_G(select_listeners), room * sizeof(*grown));

		if (!grown) {
			FASTSOCK_G(select_listeners_incomplete) = true;
			return;
		}
		FASTSOCK_G(select_listeners) = grown;
		FASTSOCK_G(select_listener_room) = room;
	}
	FASTSOCK_G(select_listeners)[FASTSOCK_G(select_listener_count)++] = stream;
}

void fastsock_select_listener_closed(php_stream *stream)
{
	for (size_t i = 0; i < FASTSOCK_G(select_listener_count); i++) {
		if (FASTSOCK_G(select_listeners)[i] == stream) {
			FASTSOCK_G(select_listeners)[i] = FASTSOCK_G(select_listeners)[--FASTSOCK_G(select_listener_count)];
			return;
		}
	}
}

void fastsock_select_module_shutdown(void)
{
	free(FASTSOCK_G(select_listeners));
	FASTSOCK_G(select_listeners) = NULL;
	FASTSOCK_G(select_listener_count) = 0;
	FASTSOCK_G(select_listener_room) = 0;
}

static bool listed(const select_arrays *arrays, const fastsock_sock *server)
{
	for (size_t i = 0; i < arrays->listener_count; i++) {
		if (arrays->listeners[i].server == server) {
			return true;
		}
	}
	return false;
}

/* Only elements that are streams already: anything else is left to the
 * walk that warns about it, once, as stock does. Returns the descriptors
 * the pipelines may add to a wait. */
static size_t find_listeners(select_arrays *arrays)
{
	zval *elem, *array = arrays->lists[FASTSOCK_POLL_READ];
	size_t room = 0;

	arrays->listeners = NULL;
	arrays->listener_count = 0;
	if (!array) {
		return 0;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(array), elem) {
		fastsock_sock *server;

		ZVAL_DEREF(elem);
		if (Z_TYPE_P(elem) != IS_RESOURCE
				|| (Z_RES_TYPE_P(elem) != arrays->le_stream && Z_RES_TYPE_P(elem) != arrays->le_pstream)) {
			continue;
		}
		if (!may_be_listener(Z_RES_VAL_P(elem))) {
			continue;
		}
		server = fastsock_sock_from_stream(Z_RES_VAL_P(elem));
		if (!server || !server->pipeline || listed(arrays, server)) {
			continue;
		}
		if (!arrays->listeners) {
			arrays->listeners = safe_emalloc(zend_hash_num_elements(Z_ARRVAL_P(array)), sizeof(select_listener), 0);
		}
		GC_ADDREF(Z_RES_P(elem));
		arrays->listeners[arrays->listener_count].res = Z_RES_P(elem);
		arrays->listeners[arrays->listener_count].stream = Z_RES_VAL_P(elem);
		arrays->listeners[arrays->listener_count++].server = server;
		room += fastsock_pipeline_room(server);
	} ZEND_HASH_FOREACH_END();
	return room;
}

/* After the casts, which run user-space streams' stream_cast(): a listener
 * that one of them closed is no longer driven (its resource, held, tells). */
static void forget_closed_listeners(select_arrays *arrays)
{
	size_t kept = 0;

	for (size_t i = 0; i < arrays->listener_count; i++) {
		select_listener *l = &arrays->listeners[i];

		if (l->res->ptr == l->stream
				&& (l->res->type == arrays->le_stream || l->res->type == arrays->le_pstream)) {
			arrays->listeners[kept++] = *l;
		} else {
			zend_list_delete(l->res);
		}
	}
	arrays->listener_count = kept;
}

static void release_listeners(select_arrays *arrays)
{
	for (size_t i = 0; i < arrays->listener_count; i++) {
		zend_list_delete(arrays->listeners[i].res);
	}
	if (arrays->listeners) {
		efree(arrays->listeners);
	}
}

/*
 * The arrays are the script's variables, and casting a user-space stream
 * runs its stream_cast(), which may write to them. Walked while held, such
 * a write separates the array and the walk goes on over the original; stock
 * walks on into the memory the write freed.
 */
static HashTable *hold_array(zval *array)
{
	HashTable *ht = Z_ARRVAL_P(array);

	GC_TRY_ADDREF(ht);
	return ht;
}

/*
 * At thousands of streams the walk waits on memory: each element's
 * resource, stream and socket are far apart, and a miss on each would be
 * most of a call's time. The walk asks for the resource twice this many
 * elements ahead, for the stream (its first line and its buffer
 * positions) this many ahead, when the resource has arrived, and for the
 * socket half as far ahead, when the stream has.
 */
#define PREFETCH_DISTANCE 16

static zend_always_inline void prefetch_resource(const zval *elem)
{
	if (Z_TYPE_P(elem) == IS_RESOURCE) {
		__builtin_prefetch(Z_RES_P(elem));
	}
}

/* The element's stream, or NULL: a closed resource keeps no stream. */
static zend_always_inline const php_stream *stream_ahead(const select_arrays *arrays, const zval *elem)
{
	if (Z_TYPE_P(elem) == IS_RESOURCE
			&& (Z_RES_TYPE_P(elem) == arrays->le_stream || Z_RES_TYPE_P(elem) == arrays->le_pstream)) {
		return Z_RES_VAL_P(elem);
	}
	return NULL;
}

static zend_always_inline void prefetch_stream(const select_arrays *arrays, const zval *elem)
{
	const php_stream *stream = stream_ahead(arrays, elem);

	if (stream) {
		__builtin_prefetch(stream);
		__builtin_prefetch(&stream->writepos);
	}
}

static zend_always_inline void prefetch_socket(const select_arrays *arrays, const zval *elem)
{
	const php_stream *stream = stream_ahead(arrays, elem);

	if (stream) {
		__builtin_prefetch(stream->abstract);
	}
}

/* Whether any stream of the array was added: stock's "stream arrays passed". */
static bool add_array(fastsock_pollset *set, select_arrays *arrays, fastsock_poll_list list)
{
	zval *elem, *array = arrays->lists[list];
	bool added = false;
	HashTable *walked;
	int32_t *entry = arrays->entries[list];
	size_t size;
	uint32_t used;

	if (!array) {
		return false;
	}
	walked = hold_array(array);
	arrays->entries_valid[list] = true;
	size = ZEND_HASH_ELEMENT_SIZE(walked);
	used = walked->nNumUsed;
	for (uint32_t i = 0; i < used; i++) {
		php_socket_t fd;
		php_stream *stream;
		long added_as = -1;

		if (i + 2 * PREFETCH_DISTANCE < used) {
			prefetch_resource(ZEND_HASH_ELEMENT_EX(walked, i + 2 * PREFETCH_DISTANCE, size));
		}
		if (i + PREFETCH_DISTANCE < used) {
			prefetch_stream(arrays, ZEND_HASH_ELEMENT_EX(walked, i + PREFETCH_DISTANCE, size));
		}
		if (i + PREFETCH_DISTANCE / 2 < used) {
			prefetch_socket(arrays, ZEND_HASH_ELEMENT_EX(walked, i + PREFETCH_DISTANCE / 2, size));
		}
		elem = ZEND_HASH_ELEMENT_EX(walked, i, size);
		if (Z_TYPE_P(elem) == IS_UNDEF) {
			continue;
		}
		ZVAL_DEREF(elem);
		stream = element_stream(arrays, elem);
		if (!stream && list == FASTSOCK_POLL_READ) {
			arrays->not_stream_seen = true;
		}
		if (stream) {
			if (list == FASTSOCK_POLL_READ && stream->writepos - stream->readpos > 0) {
				arrays->buffered_seen = true;
			}
			/* The resource handle names the stream for the epoll set: handles
			 * are never reused within a request, descriptors and addresses are.
			 * The element's resource is the stream's (and at hand). */
			if (stream_select_fd(arrays, stream, &fd)) {
				added_as = fastsock_pollset_add_ident(set, fd, list, (uint32_t) Z_RES_HANDLE_P(elem));
				added |= added_as >= 0;
			}
		}
		/* Once a cast ran code, which may have grown an array past the
		 * room counted, the entries are neither kept nor read. */
		if (!arrays->cast_called) {
			*entry++ = (int32_t) added_as;
		}
	}
	zend_array_release(walked);
	return added;
}

static void keep_element(HashTable *kept, zend_ulong index, zend_string *key, zval *elem)
{
	zval *copy = key ? zend_hash_update(kept, key, elem) : zend_hash_index_update(kept, index, elem);

	Z_TRY_ADDREF_P(copy);
}

static void replace_array(zval *array, HashTable *kept)
{
	zval_ptr_dtor(array);
	ZVAL_ARR(array, kept);
}

/*
 * Stock's shortcut for data PHP has already read into a stream's buffer:
 * poll() cannot see it, so those read streams are ready without waiting.
 */
static int keep_buffered(const select_arrays *arrays)
{
	zval *elem, *array = arrays->lists[FASTSOCK_POLL_READ];
	zend_string *key;
	zend_ulong index;
	int buffered = 0;
	HashTable *kept = zend_new_array(zend_hash_num_elements(Z_ARRVAL_P(array)));

	ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(array), index, key, elem) {
		php_stream *stream;

		ZVAL_DEREF(elem);
		stream = element_stream(arrays, elem);
		if (stream && stream->writepos - stream->readpos > 0) {
			keep_element(kept, index, key, elem);
			buffered++;
		}
	} ZEND_HASH_FOREACH_END();

	if (buffered) {
		replace_array(array, kept);
	} else {
		zend_array_destroy(kept);
	}
	return buffered;
}

static void empty_array(zval *array)
{
	if (array) {
		zval_ptr_dtor(array);
		ZVAL_EMPTY_ARRAY(array);
	}
}

/* Leaves in the array the streams select() would have left set, keys kept. */
static void keep_ready(select_arrays *arrays, const fastsock_pollset *set, fastsock_poll_list list)
{
	zval *elem, *array = arrays->lists[list];
	zend_string *key;
	zend_ulong index;
	HashTable *kept, *walked;
	const int32_t *entry = NULL;

	if (!array) {
		return;
	}
	if (!arrays->cast_called && arrays->entries_valid[list]) {
		entry = arrays->entries[list];
	}
	walked = hold_array(array);
	kept = zend_new_array(zend_hash_num_elements(walked));
	ZEND_HASH_FOREACH_KEY_VAL(walked, index, key, elem) {
		php_socket_t fd;
		php_stream *stream;
		bool ready;

		ZVAL_DEREF(elem);
		stream = element_stream(arrays, elem);
		if (entry) {
			ready = stream && *entry >= 0 && fastsock_pollset_ready_at(set, *entry, list);
			entry++;
		} else {
			ready = stream && stream_select_fd(arrays, stream, &fd) && fastsock_pollset_ready(set, fd, list);
		}
		if (ready) {
			keep_element(kept, index, key, elem);
			if (list == FASTSOCK_POLL_READ) {
				/* Its next read need not poll() again. */
				fastsock_expect_data(stream);
			}
		}
	} ZEND_HASH_FOREACH_END();
	zend_array_release(walked);
	replace_array(array, kept);
	for (int other = FASTSOCK_POLL_READ; other <= FASTSOCK_POLL_EXCEPT; other++) {
		if (arrays->lists[other] == array) {
			arrays->entries_valid[other] = false;
		}
	}
}

/* One wait of the set, through the persistent epoll set unless
 * fastsock.select_epoll is off (NULL timeout: none). */
static int wait_set(fastsock_pollset *set, const struct timespec *timeout)
{
	if (FASTSOCK_G(select_epoll)) {
		return fastsock_epollset_wait(&FASTSOCK_G(select_set), set, set->idents, timeout);
	}
	return fastsock_pollset_wait(set, timeout);
}

/*
 * Stock's checks, in stock's order; false with an exception thrown.
 * `*forever` is set for a null $seconds.
 */
static bool parse_timeout(zend_long sec, bool sec_null, zend_long usec, bool usec_null,
		struct timespec *timeout, bool *forever)
{
	*forever = sec_null;
	if (sec_null) {
		if (!usec_null && usec != 0) {
			zend_argument_value_error(5, "must be null when argument #4 ($seconds) is null");
			return false;
		}
		return true;
	}
	if (sec < 0) {
		zend_argument_value_error(4, "must be greater than or equal to 0");
		return false;
	}
	if (usec < 0) {
		zend_argument_value_error(5, "must be greater than or equal to 0");
		return false;
	}
	/*
	 * Whole seconds of $microseconds move to tv_sec as in stock; a sum past
	 * ZEND_LONG_MAX wraps negative there, and select() then fails with
	 * EINVAL, which fastsock_pollset_wait() reproduces.
	 */
	timeout->tv_sec = (time_t) (zend_long) ((zend_ulong) sec + (zend_ulong) (usec / 1000000));
	timeout->tv_nsec = (long) (usec % 1000000) * 1000;
	return true;
}

static struct timespec timespec_sub(struct timespec a, struct timespec b)
{
	struct timespec d = {a.tv_sec - b.tv_sec, a.tv_nsec - b.tv_nsec};

	if (d.tv_nsec < 0) {
		d.tv_sec--;
		d.tv_nsec += 1000000000L;
	}
	if (d.tv_sec < 0) {
		d.tv_sec = 0;
		d.tv_nsec = 0;
	}
	return d;
}

static bool timespec_before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

/*
 * The wait with listeners whose connections pass stages: each round also
 * watches the pending connections and ends at their first deadline,
 * steps them, and counts a listener readable only when an accept on it
 * can return at once. Rounds go on until something can be reported or
 * the script's timeout (NULL: none) has passed, never beyond it; a signal
 * or an error ends the wait as it ends stock's.
 */
static int wait_driving(fastsock_pollset *set, const select_arrays *arrays, const struct timespec *timeout)
{
	struct timespec deadline = {0, 0}, start;
	int ready;

	if (clock_gettime(CLOCK_MONOTONIC, &start) != 0) {
		return -1;
	}
	if (timeout) {
		deadline.tv_sec = start.tv_sec + timeout->tv_sec;
		deadline.tv_nsec = start.tv_nsec + timeout->tv_nsec;
		if (deadline.tv_nsec >= 1000000000L) {
			deadline.tv_sec++;
			deadline.tv_nsec -= 1000000000L;
		}
	}
	for (;;) {
		struct timespec wake = {0, 0}, left, t;
		bool at_once = false, bounded = timeout != NULL;

		for (size_t i = 0; i < arrays->listener_count; i++) {
			at_once |= fastsock_pipeline_ready(arrays->listeners[i].server);
		}
		for (size_t i = 0; i < arrays->listener_count; i++) {
			fastsock_pipeline_watch(arrays->listeners[i].server, set, &wake);
		}
		if (clock_gettime(CLOCK_MONOTONIC, &t) != 0) {
			ready = -1;
			break;
		}
		left = timeout ? timespec_sub(deadline, t) : t;
		if (wake.tv_sec != 0 || wake.tv_nsec != 0) {
			if (!bounded || timespec_before(&wake, &deadline)) {
				left = timespec_sub(wake, t);
			}
			bounded = true;
		}
		if (at_once) {
			left.tv_sec = 0;
			left.tv_nsec = 0;
			bounded = true;
		}
		ready = wait_set(set, bounded ? &left : NULL);
		if (ready < 0) {
			break;
		}
		for (size_t i = 0; i < arrays->listener_count; i++) {
			const select_listener *l = &arrays->listeners[i];
			int fd = l->server->net.socket;
			bool readable = fastsock_pipeline_drive(l->stream, l->server, set,
				fastsock_pollset_ready(set, fd, FASTSOCK_POLL_READ));

			fastsock_pollset_set_readable(set, fd, readable);
		}
		fastsock_pollset_unwatch(set);
		ready = fastsock_pollset_count(set);
		if (ready != 0 || clock_gettime(CLOCK_MONOTONIC, &t) != 0) {
			break;
		}
		if (timeout && !timespec_before(&t, &deadline)) {
			break;
		}
	}
	if (ready < 0) {
		int err = errno;

		fastsock_pollset_unwatch(set);
		for (size_t i = 0; i < arrays->listener_count; i++) {
			fastsock_pollset_ignore(set, arrays->listeners[i].server->net.socket, false);
		}
		errno = err;
	}
	return ready;
}

static void select_streams(fastsock_pollset *set, select_arrays *arrays,
		zend_long sec, bool sec_null, zend_long usec, bool usec_null, zval *return_value)
{
	struct timespec timeout;
	bool forever, any = false;
	int ready;

	for (int list = FASTSOCK_POLL_READ; list <= FASTSOCK_POLL_EXCEPT; list++) {
		any |= add_array(set, arrays, (fastsock_poll_list) list);
	}
	forget_closed_listeners(arrays);
	if (!any) {
		zend_value_error("No stream arrays were passed");
		return;
	}
	if (!parse_timeout(sec, sec_null, usec, usec_null, &timeout, &forever)) {
		return;
	}

	if (arrays->lists[FASTSOCK_POLL_READ] && (arrays->buffered_seen || arrays->not_stream_seen || arrays->cast_called)) {
		ready = keep_buffered(arrays);
		if (ready > 0) {
			empty_array(arrays->lists[FASTSOCK_POLL_WRITE]);
			empty_array(arrays->lists[FASTSOCK_POLL_EXCEPT]);
			RETURN_LONG(ready);
		}
	}

	/* A timeout select() refuses (past ZEND_LONG_MAX) is refused the same way. */
	if (arrays->listener_count && (forever || timeout.tv_sec >= 0)) {
		ready = wait_driving(set, arrays, forever ? NULL : &timeout);
	} else {
		ready = wait_set(set, forever ? NULL : &timeout);
	}
	if (ready < 0) {
		int err = errno;

		php_error_docref(NULL, E_WARNING, "Unable to select [%d]: %s (max_fd=%d)",
			err, strerror(err), set->max_fd);
		RETURN_FALSE;
	}

	for (int list = FASTSOCK_POLL_READ; list <= FASTSOCK_POLL_EXCEPT; list++) {
		keep_ready(arrays, set, (fastsock_poll_list) list);
	}
	RETURN_LONG(ready);
}

void fastsock_stream_select(INTERNAL_FUNCTION_PARAMETERS)
{
	select_arrays arrays;
	zend_long sec, usec = 0;
	bool sec_null, usec_null = true;
	struct pollfd stack[STACK_POLLFDS];
	fastsock_pollset set;
	size_t elements, capacity, bytes;
	int32_t *entries;
	void *mem;

	ZEND_PARSE_PARAMETERS_START(4, 5)
		Z_PARAM_ARRAY_EX2(arrays.lists[FASTSOCK_POLL_READ], 1, 1, 0)
		Z_PARAM_ARRAY_EX2(arrays.lists[FASTSOCK_POLL_WRITE], 1, 1, 0)
		Z_PARAM_ARRAY_EX2(arrays.lists[FASTSOCK_POLL_EXCEPT], 1, 1, 0)
		Z_PARAM_LONG_OR_NULL(sec, sec_null)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG_OR_NULL(usec, usec_null)
	ZEND_PARSE_PARAMETERS_END();

	arrays.buffered_seen = false;
	arrays.not_stream_seen = false;
	arrays.cast_called = false;
	memset(arrays.entries_valid, 0, sizeof(arrays.entries_valid));
	arrays.le_stream = php_file_le_stream();
	arrays.le_pstream = php_file_le_pstream();
	/* Every element may be a distinct descriptor; duplicates only leave room unused. */
	elements = elements_in(&arrays);
	capacity = elements + find_listeners(&arrays);
	bytes = fastsock_pollset_bytes(capacity);
	/* The entries after the set, aligned for it already. */
	bytes = zend_safe_address_guarded(elements, sizeof(int32_t), bytes);
	mem = bytes <= sizeof(stack) ? (void *) stack : emalloc(bytes);
	fastsock_pollset_init(&set, mem, capacity);
	entries = (int32_t *) ((char *) mem + fastsock_pollset_bytes(capacity));
	for (int list = FASTSOCK_POLL_READ; list <= FASTSOCK_POLL_EXCEPT; list++) {
		arrays.entries[list] = entries;
		if (arrays.lists[list]) {
			entries += zend_hash_num_elements(Z_ARRVAL_P(arrays.lists[list]));
		}
	}

	select_streams(&set, &arrays, sec, sec_null, usec, usec_null, return_value);

	if (mem != stack) {
		efree(mem);
	}
	release_listeners(&arrays);
}

void fastsock_select_shutdown(void)
{
	fastsock_epollset_destroy(&FASTSOCK_G(select_set));
}

void fastsock_select_forget(int fd)
{
	fastsock_epollset_forget(&FASTSOCK_G(select_set), fd);
}

uint32_t fastsock_select_pending_ident(void)
{
	return 0x80000000u | (++FASTSOCK_G(pending_ident) & 0x7fffffffu);
}
