/*
 * One socket option per call; a failure is reported with the call, the
 * option, the value and strerror, as a warning of the running function.
 */
#ifndef FASTSOCK_SOCKOPT_H
#define FASTSOCK_SOCKOPT_H

#include <stdbool.h>

bool fastsock_sockopt_set(int fd, int level, int option, const char *option_name, int value);
bool fastsock_sockopt_get(int fd, int level, int option, int *value);

#endif
