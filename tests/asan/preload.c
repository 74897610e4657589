/*
 * Preloaded by tests/asan/php, before the ASan runtime, into the php
 * processes of the sanitized test run and everything they start.
 *
 * Debian's php dlopen()s extensions with RTLD_DEEPBIND, and the ASan
 * runtime aborts on that flag (a deep-bound library would call libc
 * directly, past ASan's interceptors). A php built with ASan leaves the
 * flag out itself; dlopen() below does the same for a stock php by clearing
 * it before the next dlopen() in line, ASan's, sees it. Coming first is
 * also why the run sets verify_asan_link_order=0.
 *
 * The preload reaches the other programs tests run too (sh, ss, strace).
 * Their own leaks are not fastsock's, and LeakSanitizer's exit on them
 * would drop the output they buffered (ss would print nothing), so leak
 * checking is off outside the php named by FASTSOCK_ASAN_PHP.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

void *dlopen(const char *file, int flags)
{
	static void *(*next)(const char *, int);

	if (!next) {
		next = (void *(*)(const char *, int)) dlsym(RTLD_NEXT, "dlopen");
	}
	return next(file, flags & ~RTLD_DEEPBIND);
}

/* Read by the ASan runtime while it starts, before its interceptors work:
 * calling a libc function it intercepts (readlink, strcmp) would crash,
 * hence the raw system call and the loop. ASAN_OPTIONS is applied after
 * what this returns. */
const char *__asan_default_options(void)
{
	const char *php = getenv("FASTSOCK_ASAN_PHP");
	char exe[PATH_MAX];
	ssize_t n = syscall(SYS_readlink, "/proc/self/exe", exe, sizeof exe);
	ssize_t i = 0;

	if (php && n > 0) {
		while (i < n && php[i] == exe[i]) {
			i++;
		}
		if (i == n && php[i] == '\0') {
			return "";
		}
	}
	return "detect_leaks=0";
}
