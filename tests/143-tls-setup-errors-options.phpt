--TEST--
TLS setup with bad alpn_protocols, security_level, rsa_key_size, dh_param and ciphers: stock's warnings and outcome on every accept
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
$certs->write('garbage.dh', "-----BEGIN DH PARAMETERS-----\nbm90IERIIHBhcmFtZXRlcnM=\n-----END DH PARAMETERS-----\n");
tls_compare($certs, <<<'PHP'
<?php
$pem = CERTS . '/server.pem';
$cases = [
	'alpn_protocols with a 256-byte name' => ['alpn_protocols' => 'h2,' . str_repeat('a', 256)],
	'alpn_protocols with a 255-byte name' => ['alpn_protocols' => str_repeat('b', 255) . ',http/1.1'],
	'security_level 9 (warns, and applies)' => ['security_level' => 9],
	'security_level -1' => ['security_level' => -1],
	'security_level 0' => ['security_level' => 0],
	'rsa_key_size' => ['rsa_key_size' => 2048],
	'dh_param, no such file' => ['dh_param' => CERTS . '/missing.dh'],
	'dh_param, garbage file' => ['dh_param' => CERTS . '/garbage.dh'],
	'dh_param, not PEM at all' => ['dh_param' => $pem . '.nope'],
	'ciphers that match nothing' => ['ciphers' => 'NO-SUCH-CIPHER'],
	'ciphers of another key type only (RSA with an EC cert), TLS 1.2' => ['ciphers' => 'aRSA'],
];
foreach ($cases as $label => $ssl) {
	echo "=== $label\n";
	$server = stream_socket_server(str_contains($label, 'TLS 1.2') ? 'tlsv1.2://127.0.0.1:0' : 'ssl://127.0.0.1:0',
		$errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, tls_ctx(['local_cert' => $pem] + $ssl));
	tls_try_accepts($server);
}
PHP);
--EXPECTF--
same
=== alpn_protocols with a 256-byte name
accept 1:

Warning: stream_socket_accept(): Failed parsing comma-separated TLS ALPN protocol string in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Failed parsing comma-separated TLS ALPN protocol string in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== alpn_protocols with a 255-byte name
accept 1:
accept 1 returned a stream
accept 2:
accept 2 returned a stream
client 1: connected, got 'hello 1
'
client 2: connected, got 'hello 2
'
=== security_level 9 (warns, and applies)
accept 1:

Warning: stream_socket_accept(): Security level must be between 0 and 5 in tls.inc on line %d

Warning: stream_socket_accept(): Unable to set local cert chain file `CERTS/server.pem'; Check that your cafile/capath settings include details of your certificate and its issuer in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Security level must be between 0 and 5 in tls.inc on line %d

Warning: stream_socket_accept(): Unable to set local cert chain file `CERTS/server.pem'; Check that your cafile/capath settings include details of your certificate and its issuer in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== security_level -1
accept 1:

Warning: stream_socket_accept(): Security level must be between 0 and 5 in tls.inc on line %d
accept 1 returned a stream
accept 2:

Warning: stream_socket_accept(): Security level must be between 0 and 5 in tls.inc on line %d
accept 2 returned a stream
client 1: connected, got 'hello 1
'
client 2: connected, got 'hello 2
'
=== security_level 0
accept 1:
accept 1 returned a stream
accept 2:
accept 2 returned a stream
client 1: connected, got 'hello 1
'
client 2: connected, got 'hello 2
'
=== rsa_key_size
accept 1:

Warning: stream_socket_accept(): rsa_key_size context option has been removed in tls.inc on line %d
accept 1 returned a stream
accept 2:

Warning: stream_socket_accept(): rsa_key_size context option has been removed in tls.inc on line %d
accept 2 returned a stream
client 1: connected, got 'hello 1
'
client 2: connected, got 'hello 2
'
=== dh_param, no such file
accept 1:

Warning: stream_socket_accept(): Invalid dh_param in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Invalid dh_param in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== dh_param, garbage file
accept 1:

Warning: stream_socket_accept(): Failed reading DH params in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Failed reading DH params in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== dh_param, not PEM at all
accept 1:

Warning: stream_socket_accept(): Invalid dh_param in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Invalid dh_param in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== ciphers that match nothing
accept 1:

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== ciphers of another key type only (RSA with an EC cert), TLS 1.2
accept 1:

Warning: stream_socket_accept(): SSL_R_NO_SHARED_CIPHER: no suitable shared cipher could be used.  This could be because the server is missing an SSL certificate (local_cert context option) in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): SSL_R_NO_SHARED_CIPHER: no suitable shared cipher could be used.  This could be because the server is missing an SSL certificate (local_cert context option) in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
