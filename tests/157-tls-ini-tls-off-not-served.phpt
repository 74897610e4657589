--TEST--
fastsock.tls=0 (DEPENDS ON THE NEW INI fastsock.tls; passes before it exists only because fastsock serves no TLS yet): ssl:// and tls:// servers and their connections stay stock streams, fastsock_info() says "not served by fastsock"; plain tcp:// stays fastsock's
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
echo tls_run($certs, <<<'PHP'
<?php
function info(string $label, $stream): void
{
	$info = fastsock_info($stream);
	echo "$label: ", is_array($info) ? 'served by fastsock' : var_export($info, true), "\n";
}

foreach (['ssl', 'tls', 'tlsv1.3'] as $scheme) {
	$server = stream_socket_server("$scheme://127.0.0.1:0", $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
		tls_ctx(['local_cert' => CERTS . '/server.pem']));
	info("$scheme:// server", $server);
	tls_try_accepts($server, 1, [], 'tls', 5, fn($conn) => info("$scheme:// connection", $conn));
}

$tcp = stream_socket_server('tcp://127.0.0.1:0');
info('tcp:// server without ssl options', $tcp);
$client = stream_socket_client('tcp://' . stream_socket_get_name($tcp, false), $errno, $errstr, 5);
info('its connection', stream_socket_accept($tcp, 5));
PHP, ['fastsock.enable' => 1, 'fastsock.tls' => 0]);
--EXPECTF--
Warning: fastsock_info(): The stream is not served by fastsock (its type is "tcp_socket/ssl"); only streams of stream_socket_server() and their accepted connections are in SCRIPT on line %d
ssl:// server: false
accept 1:
accept 1 returned a stream

Warning: fastsock_info(): The stream is not served by fastsock (its type is "tcp_socket/ssl"); only streams of stream_socket_server() and their accepted connections are in SCRIPT on line %d
ssl:// connection: false
client 1: connected, got 'hello 1
'

Warning: fastsock_info(): The stream is not served by fastsock (its type is "tcp_socket/ssl"); only streams of stream_socket_server() and their accepted connections are in SCRIPT on line %d
tls:// server: false
accept 1:
accept 1 returned a stream

Warning: fastsock_info(): The stream is not served by fastsock (its type is "tcp_socket/ssl"); only streams of stream_socket_server() and their accepted connections are in SCRIPT on line %d
tls:// connection: false
client 1: connected, got 'hello 1
'

Warning: fastsock_info(): The stream is not served by fastsock (its type is "tcp_socket/ssl"); only streams of stream_socket_server() and their accepted connections are in SCRIPT on line %d
tlsv1.3:// server: false
accept 1:
accept 1 returned a stream

Warning: fastsock_info(): The stream is not served by fastsock (its type is "tcp_socket/ssl"); only streams of stream_socket_server() and their accepted connections are in SCRIPT on line %d
tlsv1.3:// connection: false
client 1: connected, got 'hello 1
'
tcp:// server without ssl options: served by fastsock
its connection: served by fastsock
