--TEST--
client certificates: verify_peer + cafile on the server, clients with and without a certificate; capture_peer_cert and capture_peer_cert_chain write into the server's context as on stock
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('ca', 'Test CA', ['ca_ext' => true]);
$certs->make('client', 'client.test', ['ca' => 'ca']);
$certs->make('stranger', 'stranger.test');
$certs->make('server', 'localhost');
$certs->write('client-chain.pem', file_get_contents($certs->path('client.pem')) . $certs->pem('ca'));
tls_compare($certs, <<<'PHP'
<?php
/* What ended up in the server's context: class names and subject CNs. */
function show_context($server): void
{
	$ssl = stream_context_get_options($server)['ssl'];
	$show = function ($value) use (&$show) {
		if (is_array($value)) {
			return '[' . implode(', ', array_map($show, $value)) . ']';
		}
		if (is_object($value)) {
			return get_class($value) . ' CN=' . (openssl_x509_parse($value)['subject']['CN'] ?? '?');
		}
		return var_export($value, true);
	};
	foreach (['peer_certificate', 'peer_certificate_chain'] as $key) {
		echo "  $key: ", array_key_exists($key, $ssl) ? $show($ssl[$key]) : 'absent', "\n";
	}
}

$clients = [
	'a certificate the CA signed' => ['local_cert' => CERTS . '/client.pem'],
	'the same with its CA in the chain file' => ['local_cert' => CERTS . '/client-chain.pem'],
	'no certificate' => [],
	'a self-signed certificate' => ['local_cert' => CERTS . '/stranger.pem'],
];
$servers = [
	'verify_peer, cafile, capture both' => ['verify_peer' => true, 'cafile' => CERTS . '/ca.crt',
		'capture_peer_cert' => true, 'capture_peer_cert_chain' => true],
	'verify_peer, cafile, verify_peer_name with peer_name' => ['verify_peer' => true, 'cafile' => CERTS . '/ca.crt',
		'verify_peer_name' => true, 'peer_name' => 'client.test', 'capture_peer_cert' => true],
	'verify_peer, cafile, verify_peer_name with another peer_name' => ['verify_peer' => true, 'cafile' => CERTS . '/ca.crt',
		'verify_peer_name' => true, 'peer_name' => 'other.test'],
	'verify_peer, allow_self_signed, no cafile' => ['verify_peer' => true, 'allow_self_signed' => true, 'capture_peer_cert' => true],
	'verify_peer, cafile, verify_depth 0' => ['verify_peer' => true, 'cafile' => CERTS . '/ca.crt', 'verify_depth' => 0],
	'default (no verify_peer): capture only' => ['capture_peer_cert' => true, 'capture_peer_cert_chain' => true],
	'verify_peer false: capture only' => ['verify_peer' => false, 'capture_peer_cert' => true, 'capture_peer_cert_chain' => true],
];
foreach ($servers as $label => $ssl) {
	echo "=== server: $label\n";
	foreach (['tlsv1.2', 'tlsv1.3'] as $scheme) {
		echo "--- $scheme://\n";
		$server = stream_socket_server("$scheme://127.0.0.1:0", $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
			tls_ctx(['local_cert' => CERTS . '/server.pem'] + $ssl));
		echo 'clients: ', implode('; ', array_keys($clients)), "\n";
		tls_try_accepts($server, count($clients), array_values($clients), 'tls', 5, fn($conn) => show_context($server));
	}
}
PHP);
--EXPECTF--
same
=== server: verify_peer, cafile, capture both
--- tlsv1.2://
clients: a certificate the CA signed; the same with its CA in the chain file; no certificate; a self-signed certificate
accept 1:
accept 1 returned a stream
  peer_certificate: OpenSSLCertificate CN=client.test
  peer_certificate_chain: NULL
accept 2:
accept 2 returned a stream
  peer_certificate: OpenSSLCertificate CN=client.test
  peer_certificate_chain: [OpenSSLCertificate CN=Test CA]
accept 3:

Warning: stream_socket_accept(): Could not get peer certificate in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 3 returned false
  peer_certificate: OpenSSLCertificate CN=client.test
  peer_certificate_chain: [OpenSSLCertificate CN=Test CA]
accept 4:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 4 returned false
  peer_certificate: OpenSSLCertificate CN=client.test
  peer_certificate_chain: [OpenSSLCertificate CN=Test CA]
client 1: connected, got 'hello 1
'
client 2: connected, got 'hello 2
'
client 3: connected, got false
client 4: failed
--- tlsv1.3://
clients: a certificate the CA signed; the same with its CA in the chain file; no certificate; a self-signed certificate
accept 1:
accept 1 returned a stream
  peer_certificate: OpenSSLCertificate CN=client.test
  peer_certificate_chain: NULL
accept 2:
accept 2 returned a stream
  peer_certificate: OpenSSLCertificate CN=client.test
  peer_certificate_chain: [OpenSSLCertificate CN=Test CA]
accept 3:

Warning: stream_socket_accept(): Could not get peer certificate in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 3 returned false
  peer_certificate: OpenSSLCertificate CN=client.test
  peer_certificate_chain: [OpenSSLCertificate CN=Test CA]
accept 4:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 4 returned false
  peer_certificate: OpenSSLCertificate CN=client.test
  peer_certificate_chain: [OpenSSLCertificate CN=Test CA]
client 1: connected, got 'hello 1
'
client 2: connected, got 'hello 2
'
client 3: connected, got false
client 4: connected, got false
=== server: verify_peer, cafile, verify_peer_name with peer_name
--- tlsv1.2://
clients: a certificate the CA signed; the same with its CA in the chain file; no certificate; a self-signed certificate
accept 1:
accept 1 returned a stream
  peer_certificate: OpenSSLCertificate CN=client.test
  peer_certificate_chain: absent
accept 2:
accept 2 returned a stream
  peer_certificate: OpenSSLCertificate CN=client.test
  peer_certificate_chain: absent
accept 3:

Warning: stream_socket_accept(): Could not get peer certificate in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 3 returned false
  peer_certificate: OpenSSLCertificate CN=client.test
  peer_certificate_chain: absent
accept 4:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 4 returned false
  peer_certificate: OpenSSLCertificate CN=client.test
  peer_certificate_chain: absent
client 1: connected, got 'hello 1
'
client 2: connected, got 'hello 2
'
client 3: connected, got false
client 4: failed
--- tlsv1.3://
clients: a certificate the CA signed; the same with its CA in the chain file; no certificate; a self-signed certificate
accept 1:
accept 1 returned a stream
  peer_certificate: OpenSSLCertificate CN=client.test
  peer_certificate_chain: absent
accept 2:
accept 2 returned a stream
  peer_certificate: OpenSSLCertificate CN=client.test
  peer_certificate_chain: absent
accept 3:

Warning: stream_socket_accept(): Could not get peer certificate in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 3 returned false
  peer_certificate: OpenSSLCertificate CN=client.test
  peer_certificate_chain: absent
accept 4:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 4 returned false
  peer_certificate: OpenSSLCertificate CN=client.test
  peer_certificate_chain: absent
client 1: connected, got 'hello 1
'
client 2: connected, got 'hello 2
'
client 3: connected, got false
client 4: connected, got false
=== server: verify_peer, cafile, verify_peer_name with another peer_name
--- tlsv1.2://
clients: a certificate the CA signed; the same with its CA in the chain file; no certificate; a self-signed certificate
accept 1:

Warning: stream_socket_accept(): Peer certificate CN=`client.test' did not match expected CN=`other.test' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
accept 2:

Warning: stream_socket_accept(): Peer certificate CN=`client.test' did not match expected CN=`other.test' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
accept 3:

Warning: stream_socket_accept(): Could not get peer certificate in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 3 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
accept 4:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 4 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
client 1: connected, got false
client 2: connected, got false
client 3: connected, got false
client 4: failed
--- tlsv1.3://
clients: a certificate the CA signed; the same with its CA in the chain file; no certificate; a self-signed certificate
accept 1:

Warning: stream_socket_accept(): Peer certificate CN=`client.test' did not match expected CN=`other.test' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
accept 2:

Warning: stream_socket_accept(): Peer certificate CN=`client.test' did not match expected CN=`other.test' in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
accept 3:

Warning: stream_socket_accept(): Could not get peer certificate in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 3 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
accept 4:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 4 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
client 1: connected, got false
client 2: connected, got false
client 3: connected, got false
client 4: connected, got false
=== server: verify_peer, allow_self_signed, no cafile
--- tlsv1.2://
clients: a certificate the CA signed; the same with its CA in the chain file; no certificate; a self-signed certificate
accept 1:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
accept 2:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
accept 3:

Warning: stream_socket_accept(): Could not get peer certificate in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 3 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
accept 4:
accept 4 returned a stream
  peer_certificate: OpenSSLCertificate CN=stranger.test
  peer_certificate_chain: absent
client 1: failed
client 2: failed
client 3: connected, got false
client 4: connected, got 'hello 4
'
--- tlsv1.3://
clients: a certificate the CA signed; the same with its CA in the chain file; no certificate; a self-signed certificate
accept 1:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
accept 2:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
accept 3:

Warning: stream_socket_accept(): Could not get peer certificate in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 3 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
accept 4:
accept 4 returned a stream
  peer_certificate: OpenSSLCertificate CN=stranger.test
  peer_certificate_chain: absent
client 1: connected, got false
client 2: connected, got false
client 3: connected, got false
client 4: connected, got 'hello 4
'
=== server: verify_peer, cafile, verify_depth 0
--- tlsv1.2://
clients: a certificate the CA signed; the same with its CA in the chain file; no certificate; a self-signed certificate
accept 1:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
accept 2:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
accept 3:

Warning: stream_socket_accept(): Could not get peer certificate in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 3 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
accept 4:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 4 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
client 1: failed
client 2: failed
client 3: connected, got false
client 4: failed
--- tlsv1.3://
clients: a certificate the CA signed; the same with its CA in the chain file; no certificate; a self-signed certificate
accept 1:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
accept 2:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
accept 3:

Warning: stream_socket_accept(): Could not get peer certificate in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 3 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
accept 4:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 4 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
client 1: connected, got false
client 2: connected, got false
client 3: connected, got false
client 4: connected, got false
=== server: default (no verify_peer): capture only
--- tlsv1.2://
clients: a certificate the CA signed; the same with its CA in the chain file; no certificate; a self-signed certificate
accept 1:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
accept 2:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
accept 3:
accept 3 returned a stream
  peer_certificate: absent
  peer_certificate_chain: absent
accept 4:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 4 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
client 1: failed
client 2: failed
client 3: connected, got 'hello 3
'
client 4: failed
--- tlsv1.3://
clients: a certificate the CA signed; the same with its CA in the chain file; no certificate; a self-signed certificate
accept 1:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
accept 2:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 2 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
accept 3:
accept 3 returned a stream
  peer_certificate: absent
  peer_certificate_chain: absent
accept 4:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 4 returned false
  peer_certificate: absent
  peer_certificate_chain: absent
client 1: connected, got false
client 2: connected, got false
client 3: connected, got 'hello 3
'
client 4: connected, got false
=== server: verify_peer false: capture only
--- tlsv1.2://
clients: a certificate the CA signed; the same with its CA in the chain file; no certificate; a self-signed certificate
accept 1:
accept 1 returned a stream
  peer_certificate: absent
  peer_certificate_chain: absent
accept 2:
accept 2 returned a stream
  peer_certificate: absent
  peer_certificate_chain: absent
accept 3:
accept 3 returned a stream
  peer_certificate: absent
  peer_certificate_chain: absent
accept 4:
accept 4 returned a stream
  peer_certificate: absent
  peer_certificate_chain: absent
client 1: connected, got 'hello 1
'
client 2: connected, got 'hello 2
'
client 3: connected, got 'hello 3
'
client 4: connected, got 'hello 4
'
--- tlsv1.3://
clients: a certificate the CA signed; the same with its CA in the chain file; no certificate; a self-signed certificate
accept 1:
accept 1 returned a stream
  peer_certificate: absent
  peer_certificate_chain: absent
accept 2:
accept 2 returned a stream
  peer_certificate: absent
  peer_certificate_chain: absent
accept 3:
accept 3 returned a stream
  peer_certificate: absent
  peer_certificate_chain: absent
accept 4:
accept 4 returned a stream
  peer_certificate: absent
  peer_certificate_chain: absent
client 1: connected, got 'hello 1
'
client 2: connected, got 'hello 2
'
client 3: connected, got 'hello 3
'
client 4: connected, got 'hello 4
'
