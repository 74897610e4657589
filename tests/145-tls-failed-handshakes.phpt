--TEST--
failed TLS handshakes on accept (plain HTTP sent to an ssl:// port, a peer gone mid-handshake, a TLS 1.3-only client on tlsv1.2://): accept returns false with stock's warnings, and the next client is served
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
tls_compare($certs, <<<'PHP'
<?php
function serve_next($server, array $client_ssl = []): void
{
	echo "a good client next:\n";
	tls_try_accepts($server, 1, $client_ssl);
}

function accept_raw($server, string $label, string $bytes, bool $close): void
{
	echo "=== $label\n";
	$raw = stream_socket_client('tcp://' . stream_socket_get_name($server, false), $errno, $errstr, 5);
	fwrite($raw, $bytes);
	if ($close) {
		fclose($raw);
	}
	$conn = stream_socket_accept($server, 5);
	echo 'accept returned ', var_export($conn, true), "\n";
	if (!$close) {
		$r = [$raw];
		$w = $e = null;
		/* closed by the server (reset, as it left bytes unread): readable */
		echo 'raw client sees the end: ', stream_select($r, $w, $e, 5), "\n";
		fclose($raw);
	}
	serve_next($server);
}

$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem']));
accept_raw($server, 'plain HTTP to an ssl:// port', "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", false);
/* A record header announcing 512 bytes of handshake, then 5 of them, then the peer closes. */
accept_raw($server, 'peer gone mid-handshake (partial ClientHello, then close)', "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03", true);
accept_raw($server, 'peer gone before sending anything', '', true);
accept_raw($server, 'garbage instead of a ClientHello', str_repeat("\xff", 64), false);

echo "=== TLS 1.3-only client on a tlsv1.2:// server\n";
$v12 = stream_socket_server('tlsv1.2://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem']));
tls_try_accepts($v12, 1, ['crypto_method' => STREAM_CRYPTO_METHOD_TLSv1_3_CLIENT]);
serve_next($v12);

echo "=== TLS 1.2-only client on a tlsv1.3:// server\n";
$v13 = stream_socket_server('tlsv1.3://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem']));
tls_try_accepts($v13, 1, ['crypto_method' => STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT]);
serve_next($v13);
PHP);
--EXPECTF--
same
=== plain HTTP to an ssl:// port

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00009C:SSL routines::http request in SCRIPT on line %d

Warning: stream_socket_accept(): Failed to enable crypto in SCRIPT on line %d

Warning: stream_socket_accept(): Accept failed: Success in SCRIPT on line %d
accept returned false
raw client sees the end: 1
a good client next:
accept 1:
accept 1 returned a stream
client 1: connected, got 'hello 1
'
=== peer gone mid-handshake (partial ClientHello, then close)

Warning: stream_socket_accept(): Failed to enable crypto in SCRIPT on line %d

Warning: stream_socket_accept(): Accept failed: Success in SCRIPT on line %d
accept returned false
a good client next:
accept 1:
accept 1 returned a stream
client 1: connected, got 'hello 1
'
=== peer gone before sending anything

Warning: stream_socket_accept(): Failed to enable crypto in SCRIPT on line %d

Warning: stream_socket_accept(): Accept failed: Success in SCRIPT on line %d
accept returned false
a good client next:
accept 1:
accept 1 returned a stream
client 1: connected, got 'hello 1
'
=== garbage instead of a ClientHello

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00010B:SSL routines::wrong version number in SCRIPT on line %d

Warning: stream_socket_accept(): Failed to enable crypto in SCRIPT on line %d

Warning: stream_socket_accept(): Accept failed: Success in SCRIPT on line %d
accept returned false
raw client sees the end: 1
a good client next:
accept 1:
accept 1 returned a stream
client 1: connected, got 'hello 1
'
=== TLS 1.3-only client on a tlsv1.2:// server
accept 1:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000102:SSL routines::unsupported protocol in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
client 1: failed
a good client next:
accept 1:
accept 1 returned a stream
client 1: connected, got 'hello 1
'
=== TLS 1.2-only client on a tlsv1.3:// server
accept 1:

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000102:SSL routines::unsupported protocol in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
client 1: failed
a good client next:
accept 1:
accept 1 returned a stream
client 1: connected, got 'hello 1
'
