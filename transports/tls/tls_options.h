/*
 * The one list of the `ssl` context options a TLS server's SSL_CTX depends
 * on. The build (tls_context.c) and the session id context
 * (tls_session_context.c) can read an option only by its entry here, and
 * the cache's fingerprint (tls_cache.c) digests every entry, each as its
 * encoding says: an option read by the build but missing from the
 * fingerprint, which would serve a stale context, cannot be written.
 * Options read per connection (verify_peer_name, peer_name,
 * peer_fingerprint, capture_peer_cert, reneg_*) are not here: they never
 * reach the shared context.
 */
#ifndef FASTSOCK_TLS_OPTIONS_H
#define FASTSOCK_TLS_OPTIONS_H

#include "php.h"

typedef enum fastsock_tls_option {
	FASTSOCK_TLS_OPT_MIN_PROTO_VERSION,
	FASTSOCK_TLS_OPT_MAX_PROTO_VERSION,
	FASTSOCK_TLS_OPT_NO_TICKET,
	FASTSOCK_TLS_OPT_DISABLE_COMPRESSION,
	FASTSOCK_TLS_OPT_VERIFY_PEER,
	FASTSOCK_TLS_OPT_VERIFY_DEPTH,
	FASTSOCK_TLS_OPT_ALLOW_SELF_SIGNED,
	FASTSOCK_TLS_OPT_CAFILE,
	FASTSOCK_TLS_OPT_CAPATH,
	FASTSOCK_TLS_OPT_PASSPHRASE,
	FASTSOCK_TLS_OPT_CIPHERS,
	FASTSOCK_TLS_OPT_SECURITY_LEVEL,
	FASTSOCK_TLS_OPT_ALPN_PROTOCOLS,
	FASTSOCK_TLS_OPT_LOCAL_CERT,
	FASTSOCK_TLS_OPT_LOCAL_PK,
	FASTSOCK_TLS_OPT_RSA_KEY_SIZE,
	FASTSOCK_TLS_OPT_DH_PARAM,
	FASTSOCK_TLS_OPT_SINGLE_DH_USE,
	FASTSOCK_TLS_OPT_HONOR_CIPHER_ORDER,
	FASTSOCK_TLS_OPT_SNI_ENABLED,
	FASTSOCK_TLS_OPT_SNI_SERVER_CERTS,
	FASTSOCK_TLS_OPT_CAPTURE_PEER_CERT_CHAIN,
	FASTSOCK_TLS_OPT_COUNT
} fastsock_tls_option;

/* How the fingerprint pins an option's value: as the build converts it. */
typedef enum fastsock_tls_encoding {
	FASTSOCK_TLS_TRUTH,          /* present, and zend_is_true() */
	FASTSOCK_TLS_LONG,           /* present, and zval_get_long() */
	FASTSOCK_TLS_STRING,         /* the string a scalar converts to */
	FASTSOCK_TLS_FILE,           /* a path used as given, and the file's identity */
	FASTSOCK_TLS_FILE_EXPANDED,  /* a path through expand_filepath(), and the file's identity */
	FASTSOCK_TLS_DIRECTORY,      /* a directory, and every file in it */
	FASTSOCK_TLS_SNI_MAP,        /* host name => certificate path(s) */
} fastsock_tls_encoding;

typedef struct fastsock_tls_option_spec {
	const char *name;
	fastsock_tls_encoding encoding;
} fastsock_tls_option_spec;

extern const fastsock_tls_option_spec fastsock_tls_options[FASTSOCK_TLS_OPT_COUNT];

/* The option's value in the context, or NULL. */
zval *fastsock_tls_option_get(php_stream_context *context, fastsock_tls_option which);

#endif
