--TEST--
peer_fingerprint on a TLS server (sha1 and md5 strings, the [algo => hash] form, a wrong value, bad arrays and types): accept succeeds or fails with stock's warnings
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('client', 'client.test');
$certs->make('server', 'localhost');
tls_compare($certs, <<<'PHP'
<?php
$crt = file_get_contents(CERTS . '/client.crt');
$sha1 = openssl_x509_fingerprint($crt, 'sha1');
$md5 = openssl_x509_fingerprint($crt, 'md5');
$sha256 = openssl_x509_fingerprint($crt, 'sha256');
$cases = [
	'sha1 string' => $sha1,
	'sha1 string, upper case' => strtoupper($sha1),
	'md5 string' => $md5,
	'sha256 string (no length rule for it)' => $sha256,
	'[sha256 => hash]' => ['sha256' => $sha256],
	'[sha1 => hash, md5 => hash]' => ['sha1' => $sha1, 'md5' => $md5],
	'wrong sha1' => str_repeat('0', 40),
	'[sha1 => right, md5 => wrong]' => ['sha1' => $sha1, 'md5' => str_repeat('f', 32)],
	'[unknown algo => hash]' => ['nosuchalgo' => $sha1],
	'empty array' => [],
	'numeric key' => [$sha1],
	'non-string value' => ['sha1' => 5],
	'an int' => 42,
	'true' => true,
];
foreach ($cases as $label => $fingerprint) {
	echo "=== $label\n";
	$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
		tls_ctx(['local_cert' => CERTS . '/server.pem', 'verify_peer' => true, 'cafile' => CERTS . '/client.crt',
			'peer_fingerprint' => $fingerprint]));
	tls_try_accepts($server, 2, ['local_cert' => CERTS . '/client.pem', 'crypto_method' => STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT]);
}
echo "=== fingerprint with verify_peer false: the server asks for no certificate\n";
$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem', 'verify_peer' => false, 'peer_fingerprint' => $sha1]));
tls_try_accepts($server, 1, ['local_cert' => CERTS . '/client.pem', 'crypto_method' => STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT]);
PHP);
--EXPECTF--
same
=== sha1 string
accept 1:
accept 1 returned a stream
accept 2:
accept 2 returned a stream
client 1: connected, got 'hello 1
'
client 2: connected, got 'hello 2
'
=== sha1 string, upper case
accept 1:
accept 1 returned a stream
accept 2:
accept 2 returned a stream
client 1: connected, got 'hello 1
'
client 2: connected, got 'hello 2
'
=== md5 string
accept 1:
accept 1 returned a stream
accept 2:
accept 2 returned a stream
client 1: connected, got 'hello 1
'
client 2: connected, got 'hello 2
'
=== sha256 string (no length rule for it)
accept 1:

Warning: stream_socket_accept(): peer_fingerprint match failure in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): peer_fingerprint match failure in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: connected, got false
client 2: connected, got false
=== [sha256 => hash]
accept 1:
accept 1 returned a stream
accept 2:
accept 2 returned a stream
client 1: connected, got 'hello 1
'
client 2: connected, got 'hello 2
'
=== [sha1 => hash, md5 => hash]
accept 1:
accept 1 returned a stream
accept 2:
accept 2 returned a stream
client 1: connected, got 'hello 1
'
client 2: connected, got 'hello 2
'
=== wrong sha1
accept 1:

Warning: stream_socket_accept(): peer_fingerprint match failure in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): peer_fingerprint match failure in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: connected, got false
client 2: connected, got false
=== [sha1 => right, md5 => wrong]
accept 1:

Warning: stream_socket_accept(): peer_fingerprint match failure in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): peer_fingerprint match failure in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: connected, got false
client 2: connected, got false
=== [unknown algo => hash]
accept 1:

Warning: stream_socket_accept(): Unknown digest algorithm in tls.inc on line %d

Warning: stream_socket_accept(): peer_fingerprint match failure in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Unknown digest algorithm in tls.inc on line %d

Warning: stream_socket_accept(): peer_fingerprint match failure in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: connected, got false
client 2: connected, got false
=== empty array
accept 1:

Warning: stream_socket_accept(): Invalid peer_fingerprint array; [algo => fingerprint] form required in tls.inc on line %d

Warning: stream_socket_accept(): peer_fingerprint match failure in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Invalid peer_fingerprint array; [algo => fingerprint] form required in tls.inc on line %d

Warning: stream_socket_accept(): peer_fingerprint match failure in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: connected, got false
client 2: connected, got false
=== numeric key
accept 1:

Warning: stream_socket_accept(): Invalid peer_fingerprint array; [algo => fingerprint] form required in tls.inc on line %d

Warning: stream_socket_accept(): peer_fingerprint match failure in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Invalid peer_fingerprint array; [algo => fingerprint] form required in tls.inc on line %d

Warning: stream_socket_accept(): peer_fingerprint match failure in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: connected, got false
client 2: connected, got false
=== non-string value
accept 1:

Warning: stream_socket_accept(): Invalid peer_fingerprint array; [algo => fingerprint] form required in tls.inc on line %d

Warning: stream_socket_accept(): peer_fingerprint match failure in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Invalid peer_fingerprint array; [algo => fingerprint] form required in tls.inc on line %d

Warning: stream_socket_accept(): peer_fingerprint match failure in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: connected, got false
client 2: connected, got false
=== an int
accept 1:

Warning: stream_socket_accept(): Expected peer fingerprint must be a string or an array in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Expected peer fingerprint must be a string or an array in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: connected, got false
client 2: connected, got false
=== true
accept 1:

Warning: stream_socket_accept(): Expected peer fingerprint must be a string or an array in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Expected peer fingerprint must be a string or an array in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: connected, got false
client 2: connected, got false
=== fingerprint with verify_peer false: the server asks for no certificate
accept 1:

Warning: stream_socket_accept(): Could not get peer certificate in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
client 1: connected, got false
