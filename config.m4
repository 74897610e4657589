dnl fastsock: a faster backend for PHP's stream servers.
PHP_ARG_ENABLE([fastsock],
  [whether to enable fastsock],
  [AS_HELP_STRING([--disable-fastsock], [Disable fastsock, the stream server backend])],
  [yes])

if test "$PHP_FASTSOCK" != "no"; then
  AC_CHECK_FUNCS([accept4 ppoll])
  dnl TLS servers need OpenSSL 1.1.1 or later, the same library PHP runs with
  dnl (checked at startup); without it the TLS code is left out.
  PHP_SETUP_OPENSSL(FASTSOCK_SHARED_LIBADD, [fastsock_tls=yes], [fastsock_tls=no])
  if test "$fastsock_tls" = "yes"; then
    fastsock_tls_sources="transports/tls.c transports/tls_context.c transports/tls_cache.c \
      transports/tls_verify.c transports/tls_tickets.c lib/tls_policy.c lib/tls_ticket_ring.c \
      transports/tls_tickets_report.c lib/tls_ticket_file.c lib/tls_ticket_page.c"
  else
    AC_MSG_WARN([OpenSSL not found: fastsock is built without TLS; TLS servers stay on PHP's own code])
    fastsock_tls_sources="transports/tls_none.c"
  fi
  PHP_SUBST(FASTSOCK_SHARED_LIBADD)
  PHP_NEW_EXTENSION(fastsock,
    fastsock.c \
    lib/options.c \
    transports/context.c \
    transports/sockopt.c \
    lib/unix_path.c \
    lib/proxy_header.c \
    lib/proxy_sources.c \
    transports/address.c \
    transports/socket.c \
    transports/listen.c \
    transports/pipeline.c \
    lib/pending_set.c \
    transports/proxy.c \
    transports/crypto_handover.c \
    transports/server.c \
    lib/pollset.c \
    transports/select.c \
    transports/info.c \
    transports/hooks.c \
    $fastsock_tls_sources,
    $ext_shared,, -DZEND_ENABLE_STATIC_TSRMLS_CACHE=1 -I@ext_srcdir@/lib)
  PHP_ADD_BUILD_DIR($ext_builddir/transports)
  PHP_ADD_BUILD_DIR($ext_builddir/lib)
fi
