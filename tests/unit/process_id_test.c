/*
 * Unit test of lib/process_id.c: the cached id is getpid() in the parent,
 * in a child of fork() and in a grandchild. Prints "N passed, N failed".
 */
#include "process_id.h"
#include "check.h"

#include <sys/wait.h>
#include <unistd.h>

/* In a child: exits 0 when the id is the child's own, at two depths. */
static int child_sees_itself(int depth)
{
	pid_t pid;
	int status;

	if (fastsock_process_id() != getpid()) {
		return 1;
	}
	if (depth == 0) {
		return 0;
	}
	pid = fork();
	if (pid < 0) {
		return 2;
	}
	if (pid == 0) {
		_exit(child_sees_itself(depth - 1));
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) {
		return 3;
	}
	return WEXITSTATUS(status) || fastsock_process_id() != getpid();
}

int main(void)
{
	pid_t pid;
	int status = -1;

	CHECK(fastsock_process_id() == getpid());
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		_exit(child_sees_itself(1));
	}
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(fastsock_process_id() == getpid());
	return check_report();
}
