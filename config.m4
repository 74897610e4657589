dnl fastsock: a faster backend for PHP's stream servers.
PHP_ARG_ENABLE([fastsock],
  [whether to enable fastsock],
  [AS_HELP_STRING([--disable-fastsock], [Disable fastsock, the stream server backend])],
  [yes])

if test "$PHP_FASTSOCK" != "no"; then
  AC_CHECK_FUNCS([accept4 ppoll])
  dnl TLS servers need OpenSSL 3.0 or later (EVP_MAC ticket keys, SSL_get1_*),
  dnl the same library PHP runs with (checked at startup). With an older one,
  dnl or none, fastsock is built without TLS: TLS servers stay on PHP's code.
  fastsock_tls=no
  PKG_CHECK_EXISTS([openssl >= 3.0.0], [
    PHP_SETUP_OPENSSL(FASTSOCK_SHARED_LIBADD, [fastsock_tls=yes], [fastsock_tls=no])
  ], [
    AC_MSG_WARN([OpenSSL 3.0 or later not found: fastsock is built without TLS; TLS servers stay on PHP's own code])
  ])
  AC_MSG_CHECKING([whether fastsock serves TLS])
  AC_MSG_RESULT([$fastsock_tls])
  if test "$fastsock_tls" = "yes"; then
    fastsock_tls_sources="transports/tls/tls.c transports/tls/tls_handshake.c transports/tls/tls_ops.c \
      transports/tls/tls_wait.c transports/tls/tls_errors.c transports/tls/tls_warnings.c \
      transports/tls/tls_reneg.c transports/tls/tls_options.c transports/tls/tls_context.c \
      transports/tls/tls_cache.c transports/tls/tls_session_context.c transports/tls/tls_verify.c \
      transports/tls/tls_tickets_report.c \
      lib/dir_sorted.c lib/tls_tickets.c lib/tls_policy.c lib/tls_ticket_ring.c lib/tls_ticket_file.c lib/tls_ticket_page.c"
  else
    fastsock_tls_sources="transports/tls/tls_none.c"
  fi
  PHP_SUBST(FASTSOCK_SHARED_LIBADD)
  PHP_NEW_EXTENSION(fastsock,
    fastsock.c \
    lib/options.c \
    lib/clock.c \
    lib/process_id.c \
    transports/context.c \
    transports/sockopt.c \
    lib/unix_path.c \
    lib/listen_fds.c \
    lib/proxy_header.c \
    lib/proxy_sources.c \
    transports/address.c \
    transports/socket.c \
    transports/listen.c \
    transports/activation.c \
    transports/graceful_stop.c \
    transports/pipeline.c \
    lib/pending_set.c \
    transports/proxy.c \
    transports/crypto_handover.c \
    transports/server.c \
    lib/pollset.c \
    lib/epollset.c \
    transports/select.c \
    transports/info.c \
    transports/hooks.c \
    $fastsock_tls_sources,
    $ext_shared,, -DZEND_ENABLE_STATIC_TSRMLS_CACHE=1 -I@ext_srcdir@/lib -I@ext_srcdir@/transports -I@ext_srcdir@/transports/tls)
  PHP_ADD_BUILD_DIR($ext_builddir/transports)
  PHP_ADD_BUILD_DIR($ext_builddir/transports/tls)
  PHP_ADD_BUILD_DIR($ext_builddir/lib)
fi
