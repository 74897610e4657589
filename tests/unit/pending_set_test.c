/*
 * Unit test of lib/pending_set.c: a listener's new connections, oldest
 * first, bounded; prints "N passed, N failed".
 */
#include "pending_set.h"
#include "check.h"

typedef struct entry {
	int id;
	bool waiting;   /* still in a handshake */
} entry;

static bool is_waiting(const void *e)
{
	return ((const entry *) e)->waiting;
}

static int id_at(const fastsock_pending_set *set, size_t i)
{
	return ((const entry *) set->slots[i])->id;
}

static void test_order_and_limit(void)
{
	void *slots[3];
	entry e[4] = {{1, true}, {2, false}, {3, true}, {4, true}};
	fastsock_pending_set set;

	fastsock_pending_set_init(&set, slots, 3);
	CHECK(fastsock_pending_set_oldest(&set, is_waiting) == -1);
	CHECK(fastsock_pending_set_add(&set, &e[0]));
	CHECK(fastsock_pending_set_add(&set, &e[1]));
	CHECK(fastsock_pending_set_add(&set, &e[2]));
	CHECK(!fastsock_pending_set_add(&set, &e[3]));
	CHECK(set.count == 3);
	CHECK(fastsock_pending_set_oldest(&set, is_waiting) == 0);

	/* The oldest still waiting goes; the order of the rest is kept. */
	fastsock_pending_set_remove(&set, 0);
	CHECK(set.count == 2 && id_at(&set, 0) == 2 && id_at(&set, 1) == 3);
	CHECK(fastsock_pending_set_oldest(&set, is_waiting) == 1);
	CHECK(fastsock_pending_set_add(&set, &e[3]));
	CHECK(id_at(&set, 2) == 4);

	/* An index past the end removes nothing. */
	fastsock_pending_set_remove(&set, 3);
	CHECK(set.count == 3);
	fastsock_pending_set_remove(&set, 2);
	CHECK(set.count == 2 && id_at(&set, 1) == 3);
}

static void test_all_done(void)
{
	void *slots[2];
	entry e[2] = {{1, false}, {2, false}};
	fastsock_pending_set set;

	fastsock_pending_set_init(&set, slots, 2);
	fastsock_pending_set_add(&set, &e[0]);
	fastsock_pending_set_add(&set, &e[1]);
	/* A set full of connections that are done has no room to make. */
	CHECK(fastsock_pending_set_oldest(&set, is_waiting) == -1);
}

int main(void)
{
	test_order_and_limit();
	test_all_done();
	return check_report();
}
