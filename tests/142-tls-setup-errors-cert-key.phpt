--TEST--
TLS setup errors of local_cert, local_pk and passphrase (open_basedir included): each accept gives stock's warnings, again on the second accept (nothing that warned is reused)
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
$certs->make('other', 'other');
$certs->make('rsa', 'rsa', ['type' => 'rsa']);
$certs->make('locked', 'locked', ['passphrase' => 'secret']);
$certs->write('garbage.pem', "this is not a certificate\n");
tls_compare($certs, <<<'PHP'
<?php
$cases = [
	'local_cert missing' => ['local_cert' => CERTS . '/missing.pem'],
	'local_cert garbage' => ['local_cert' => CERTS . '/garbage.pem'],
	'local_cert a directory' => ['local_cert' => CERTS],
	'passphrase-protected key, wrong passphrase' => ['local_cert' => CERTS . '/locked.pem', 'passphrase' => 'wrong'],
	'passphrase-protected key, right passphrase' => ['local_cert' => CERTS . '/locked.pem', 'passphrase' => 'secret'],
	'key of another cert, same type' => ['local_cert' => CERTS . '/server.crt', 'local_pk' => CERTS . '/other.key'],
	'key of another cert, other type (RSA key, EC cert)' => ['local_cert' => CERTS . '/server.crt', 'local_pk' => CERTS . '/rsa.key'],
	'separate local_pk' => ['local_cert' => CERTS . '/server.crt', 'local_pk' => CERTS . '/server.key'],
	'local_pk missing' => ['local_cert' => CERTS . '/server.crt', 'local_pk' => CERTS . '/missing.key'],
	'no local_pk, no key in local_cert' => ['local_cert' => CERTS . '/server.crt'],
	'NUL byte in local_cert' => ['local_cert' => CERTS . "/server.pem\0.txt"],
	'NUL byte in local_pk' => ['local_cert' => CERTS . '/server.crt', 'local_pk' => CERTS . "/server.key\0"],
];
foreach ($cases as $label => $ssl) {
	echo "=== $label\n";
	$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, tls_ctx($ssl));
	tls_try_accepts($server);
}

/* Last: open_basedir can only be narrowed. */
echo "=== local_cert outside open_basedir\n";
ini_set('open_basedir', CERTS . '/jail');
$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem']));
tls_try_accepts($server);
PHP);
--EXPECTF--
same
=== local_cert missing
accept 1:

Warning: stream_socket_accept(): Unable to set local cert chain file `CERTS/missing.pem'; Check that your cafile/capath settings include details of your certificate and its issuer in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Unable to set local cert chain file `CERTS/missing.pem'; Check that your cafile/capath settings include details of your certificate and its issuer in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== local_cert garbage
accept 1:

Warning: stream_socket_accept(): Unable to set local cert chain file `CERTS/garbage.pem'; Check that your cafile/capath settings include details of your certificate and its issuer in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Unable to set local cert chain file `CERTS/garbage.pem'; Check that your cafile/capath settings include details of your certificate and its issuer in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== local_cert a directory
accept 1:

Warning: stream_socket_accept(): Unable to set local cert chain file `CERTS'; Check that your cafile/capath settings include details of your certificate and its issuer in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Unable to set local cert chain file `CERTS'; Check that your cafile/capath settings include details of your certificate and its issuer in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== passphrase-protected key, wrong passphrase
accept 1:

Warning: stream_socket_accept(): Unable to set private key file `CERTS/locked.pem' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Unable to set private key file `CERTS/locked.pem' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== passphrase-protected key, right passphrase
accept 1:
accept 1 returned a stream
accept 2:
accept 2 returned a stream
client 1: connected, got 'hello 1
'
client 2: connected, got 'hello 2
'
=== key of another cert, same type
accept 1:

Warning: stream_socket_accept(): Unable to set private key file `CERTS/other.key' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Unable to set private key file `CERTS/other.key' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== key of another cert, other type (RSA key, EC cert)
accept 1:

Warning: stream_socket_accept(): Private key does not match certificate! in tls.inc on line %d

Warning: stream_socket_accept(): SSL_R_NO_SHARED_CIPHER: no suitable shared cipher could be used.  This could be because the server is missing an SSL certificate (local_cert context option) in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Private key does not match certificate! in tls.inc on line %d

Warning: stream_socket_accept(): SSL_R_NO_SHARED_CIPHER: no suitable shared cipher could be used.  This could be because the server is missing an SSL certificate (local_cert context option) in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== separate local_pk
accept 1:
accept 1 returned a stream
accept 2:
accept 2 returned a stream
client 1: connected, got 'hello 1
'
client 2: connected, got 'hello 2
'
=== local_pk missing
accept 1:

Warning: stream_socket_accept(): Unable to set private key file `CERTS/missing.key' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Unable to set private key file `CERTS/missing.key' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== no local_pk, no key in local_cert
accept 1:

Warning: stream_socket_accept(): Unable to set private key file `CERTS/server.crt' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Unable to set private key file `CERTS/server.crt' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== NUL byte in local_cert
accept 1:

Warning: stream_socket_accept(): Path for local_cert in ssl stream context option must not contain any null bytes in tls.inc on line %d

Warning: stream_socket_accept(): Unable to get real path of certificate file `CERTS/server.pem' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Path for local_cert in ssl stream context option must not contain any null bytes in tls.inc on line %d

Warning: stream_socket_accept(): Unable to get real path of certificate file `CERTS/server.pem' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== NUL byte in local_pk
accept 1:

Warning: stream_socket_accept(): Path for local_pk in ssl stream context option must not contain any null bytes in tls.inc on line %d

Warning: stream_socket_accept(): Unable to get real path of private key file `CERTS/server.key' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): Path for local_pk in ssl stream context option must not contain any null bytes in tls.inc on line %d

Warning: stream_socket_accept(): Unable to get real path of private key file `CERTS/server.key' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
=== local_cert outside open_basedir
accept 1:

Warning: stream_socket_accept(): open_basedir restriction in effect. File(CERTS/server.pem) is not within the allowed path(s): (CERTS/jail) in tls.inc on line %d

Warning: stream_socket_accept(): Unable to get real path of certificate file `CERTS/server.pem' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
accept 2:

Warning: stream_socket_accept(): open_basedir restriction in effect. File(CERTS/server.pem) is not within the allowed path(s): (CERTS/jail) in tls.inc on line %d

Warning: stream_socket_accept(): Unable to get real path of certificate file `CERTS/server.pem' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
client 1: failed
client 2: failed
