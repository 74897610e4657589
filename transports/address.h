/*
 * Parsing of a server's address, with the errors stock PHP gives.
 */
#ifndef FASTSOCK_ADDRESS_H
#define FASTSOCK_ADDRESS_H

#include "php.h"
#include <sys/un.h>

/* "host:port" or "[v6]:port" into an emalloc'd host and the port; NULL and
 * *err (when want_err) on a malformed address. */
char *fastsock_parse_ip_address(const char *str, size_t len, int *port, bool want_err, zend_string **err);

/* Fills addr from a unix socket name and returns the length to bind with;
 * a name longer than sun_path is truncated with stock's notice. */
socklen_t fastsock_unix_address(const char *name, size_t len, struct sockaddr_un *addr);

#endif
