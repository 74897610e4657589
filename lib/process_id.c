/*
 * The cached process id (see process_id.h).
 *
 * The child handler is removed with the module: glibc's pthread_atfork()
 * registers it under the shared object, and dlclose() unregisters it.
 */
#include "process_id.h"

#include <pthread.h>
#include <unistd.h>

static pid_t cached;
static pthread_once_t registered = PTHREAD_ONCE_INIT;

static void reread(void)
{
	cached = getpid();
}

static void register_child_handler(void)
{
	/* Without the handler a child would answer with its parent's id:
	 * then every answer is a getpid(). */
	if (pthread_atfork(NULL, NULL, reread) != 0) {
		cached = 0;
		return;
	}
	reread();
}

pid_t fastsock_process_id(void)
{
	pthread_once(&registered, register_child_handler);
	return cached ? cached : getpid();
}
