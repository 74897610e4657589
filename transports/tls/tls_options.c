/*
 * The `ssl` options a shared SSL_CTX depends on (see tls_options.h), in
 * the order the fingerprint digests them.
 */
#include "php.h"
#include "php_network.h"

#include "tls_options.h"

const fastsock_tls_option_spec fastsock_tls_options[FASTSOCK_TLS_OPT_COUNT] = {
	[FASTSOCK_TLS_OPT_MIN_PROTO_VERSION] = {"min_proto_version", FASTSOCK_TLS_LONG},
	[FASTSOCK_TLS_OPT_MAX_PROTO_VERSION] = {"max_proto_version", FASTSOCK_TLS_LONG},
	[FASTSOCK_TLS_OPT_NO_TICKET] = {"no_ticket", FASTSOCK_TLS_TRUTH},
	[FASTSOCK_TLS_OPT_DISABLE_COMPRESSION] = {"disable_compression", FASTSOCK_TLS_TRUTH},
	[FASTSOCK_TLS_OPT_VERIFY_PEER] = {"verify_peer", FASTSOCK_TLS_TRUTH},
	/* Read by the verify callback, not the build, but they decide what a
	 * session was trusted for: its session id context has them. */
	[FASTSOCK_TLS_OPT_VERIFY_DEPTH] = {"verify_depth", FASTSOCK_TLS_LONG},
	[FASTSOCK_TLS_OPT_ALLOW_SELF_SIGNED] = {"allow_self_signed", FASTSOCK_TLS_TRUTH},
	[FASTSOCK_TLS_OPT_CAFILE] = {"cafile", FASTSOCK_TLS_FILE},
	[FASTSOCK_TLS_OPT_CAPATH] = {"capath", FASTSOCK_TLS_DIRECTORY},
	[FASTSOCK_TLS_OPT_PASSPHRASE] = {"passphrase", FASTSOCK_TLS_STRING},
	[FASTSOCK_TLS_OPT_CIPHERS] = {"ciphers", FASTSOCK_TLS_STRING},
	[FASTSOCK_TLS_OPT_SECURITY_LEVEL] = {"security_level", FASTSOCK_TLS_LONG},
	[FASTSOCK_TLS_OPT_ALPN_PROTOCOLS] = {"alpn_protocols", FASTSOCK_TLS_STRING},
	[FASTSOCK_TLS_OPT_LOCAL_CERT] = {"local_cert", FASTSOCK_TLS_FILE_EXPANDED},
	[FASTSOCK_TLS_OPT_LOCAL_PK] = {"local_pk", FASTSOCK_TLS_FILE_EXPANDED},
	[FASTSOCK_TLS_OPT_RSA_KEY_SIZE] = {"rsa_key_size", FASTSOCK_TLS_TRUTH},
	[FASTSOCK_TLS_OPT_DH_PARAM] = {"dh_param", FASTSOCK_TLS_FILE},
	[FASTSOCK_TLS_OPT_SINGLE_DH_USE] = {"single_dh_use", FASTSOCK_TLS_TRUTH},
	[FASTSOCK_TLS_OPT_HONOR_CIPHER_ORDER] = {"honor_cipher_order", FASTSOCK_TLS_TRUTH},
	[FASTSOCK_TLS_OPT_SNI_ENABLED] = {"SNI_enabled", FASTSOCK_TLS_TRUTH},
	[FASTSOCK_TLS_OPT_SNI_SERVER_CERTS] = {"SNI_server_certs", FASTSOCK_TLS_SNI_MAP},
	[FASTSOCK_TLS_OPT_CAPTURE_PEER_CERT_CHAIN] = {"capture_peer_cert_chain", FASTSOCK_TLS_TRUTH},
};

zval *fastsock_tls_option_get(php_stream_context *context, fastsock_tls_option which)
{
	return context ? php_stream_context_get_option(context, "ssl", fastsock_tls_options[which].name) : NULL;
}
