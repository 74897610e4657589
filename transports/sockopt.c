#include "php.h"
#include "php_network.h"

#include "sockopt.h"

bool fastsock_sockopt_set(int fd, int level, int option, const char *option_name, int value)
{
	if (setsockopt(fd, level, option, &value, sizeof(value)) != 0) {
		php_error_docref(NULL, E_WARNING, "fastsock: setsockopt(%s, %d) failed: %s",
			option_name, value, strerror(errno));
		return false;
	}
	return true;
}

bool fastsock_sockopt_get(int fd, int level, int option, int *value)
{
	socklen_t len = sizeof(*value);

	return getsockopt(fd, level, option, value, &len) == 0;
}
