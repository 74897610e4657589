dnl fastsock: a faster backend for PHP's stream servers.
PHP_ARG_ENABLE([fastsock],
  [whether to enable fastsock],
  [AS_HELP_STRING([--disable-fastsock], [Disable fastsock, the stream server backend])],
  [yes])

if test "$PHP_FASTSOCK" != "no"; then
  AC_CHECK_FUNCS([accept4 ppoll])
  PHP_NEW_EXTENSION(fastsock,
    fastsock.c \
    transports/options.c \
    transports/context.c \
    transports/sockopt.c \
    transports/unix_path.c \
    transports/address.c \
    transports/socket.c \
    transports/listen.c \
    transports/accept.c \
    transports/crypto_handover.c \
    transports/server.c \
    transports/pollset.c \
    transports/select.c \
    transports/info.c \
    transports/hooks.c,
    $ext_shared,, -DZEND_ENABLE_STATIC_TSRMLS_CACHE=1)
  PHP_ADD_BUILD_DIR($ext_builddir/transports)
fi
