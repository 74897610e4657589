--TEST--
TLS setup with bad SNI_server_certs (not an array, empty, a numeric key, an entry without local_cert or local_pk, bad paths): stock's warnings on every accept
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
$certs->make('a', 'a.example');
$certs->write('garbage.pem', "this is not a certificate\n");
tls_compare($certs, <<<'PHP'
<?php
$pem = CERTS . '/server.pem';
$cases = [
	'not an array' => 'a.example',
	'empty array' => [],
	'numeric key' => [CERTS . '/a.pem'],
	'numeric key after a good one' => ['a.example' => CERTS . '/a.pem', 5 => CERTS . '/a.pem'],
	'entry without local_cert' => ['a.example' => ['local_pk' => CERTS . '/a.key']],
	'entry without local_pk' => ['a.example' => ['local_cert' => CERTS . '/a.crt']],
	'path: no such file' => ['a.example' => CERTS . '/missing.pem'],
	'path: garbage file' => ['a.example' => CERTS . '/garbage.pem'],
	'path: cert without key' => ['a.example' => CERTS . '/a.crt'],
	'array: local_cert no such file' => ['a.example' => ['local_cert' => CERTS . '/missing.crt', 'local_pk' => CERTS . '/a.key']],
	'array: local_pk no such file' => ['a.example' => ['local_cert' => CERTS . '/a.crt', 'local_pk' => CERTS . '/missing.key']],
	'array: key of another cert' => ['a.example' => ['local_cert' => CERTS . '/a.crt', 'local_pk' => CERTS . '/server.key']],
	'NUL byte in a path' => ['a.example' => CERTS . "/a.pem\0"],
	'SNI_enabled false: the bad array is not read' => ['SNI_enabled' => false, 'a.example' => CERTS . '/missing.pem'],
];
foreach ($cases as $label => $sni) {
	echo "=== $label\n";
	$ssl = ['local_cert' => $pem, 'SNI_server_certs' => $sni];
	if (is_array($sni) && array_key_exists('SNI_enabled', $sni)) {
		$ssl['SNI_enabled'] = $sni['SNI_enabled'];
		unset($ssl['SNI_server_certs']['SNI_enabled']);
	}
	$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, tls_ctx($ssl));
	tls_try_accepts($server, 2, ['peer_name' => 'a.example']);
}
PHP);
--EXPECTF--
same
=== not an array
accept 1:

Warning: stream_socket_accept(): SNI_server_certs requires an array mapping host names to cert paths in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): SNI_server_certs requires an array mapping host names to cert paths in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== empty array
accept 1:

Warning: stream_socket_accept(): SNI_server_certs host cert array must not be empty in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): SNI_server_certs host cert array must not be empty in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== numeric key
accept 1:

Warning: stream_socket_accept(): SNI_server_certs array requires string host name keys in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): SNI_server_certs array requires string host name keys in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== numeric key after a good one
accept 1:

Warning: stream_socket_accept(): SNI_server_certs array requires string host name keys in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): SNI_server_certs array requires string host name keys in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== entry without local_cert
accept 1:

Warning: stream_socket_accept(): local_cert not present in the array in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): local_cert not present in the array in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== entry without local_pk
accept 1:

Warning: stream_socket_accept(): local_pk not present in the array in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): local_pk not present in the array in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== path: no such file
accept 1:

Warning: stream_socket_accept(): Failed setting local cert chain file `CERTS/missing.pem'; check that your cafile/capath settings include details of your certificate and its issuer in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Failed setting local cert chain file `CERTS/missing.pem'; check that your cafile/capath settings include details of your certificate and its issuer in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== path: garbage file
accept 1:

Warning: stream_socket_accept(): Failed setting local cert chain file `CERTS/garbage.pem'; check that your cafile/capath settings include details of your certificate and its issuer in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Failed setting local cert chain file `CERTS/garbage.pem'; check that your cafile/capath settings include details of your certificate and its issuer in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== path: cert without key
accept 1:

Warning: stream_socket_accept(): Failed setting private key from file `CERTS/a.crt' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Failed setting private key from file `CERTS/a.crt' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== array: local_cert no such file
accept 1:

Warning: stream_socket_accept(): Failed setting local cert chain file `CERTS/missing.crt'; check that your cafile/capath settings include details of your certificate and its issuer in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Failed setting local cert chain file `CERTS/missing.crt'; check that your cafile/capath settings include details of your certificate and its issuer in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== array: local_pk no such file
accept 1:

Warning: stream_socket_accept(): Failed setting private key from file `CERTS/missing.key' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Failed setting private key from file `CERTS/missing.key' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== array: key of another cert
accept 1:

Warning: stream_socket_accept(): Failed setting private key from file `CERTS/server.key' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Failed setting private key from file `CERTS/server.key' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== NUL byte in a path
accept 1:

Warning: stream_socket_accept(): Path for SNI_server_certs in ssl stream context option must not contain any null bytes in tls.inc on line %d

Warning: stream_socket_accept(): Failed setting local cert chain file `CERTS/a.pem'; file not found in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Path for SNI_server_certs in ssl stream context option must not contain any null bytes in tls.inc on line %d

Warning: stream_socket_accept(): Failed setting local cert chain file `CERTS/a.pem'; file not found in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== SNI_enabled false: the bad array is not read
accept 1:
accept 1 returned a stream
accept 2:
accept 2 returned a stream
client 1: connected, got 'hello 1
'
client 2: connected, got 'hello 2
'
