--TEST--
real client: a silent client (connects, sends nothing) ahead of openssl s_client on an ssl:// server whose stream timeout is 2 s: the first accept fails with stock's "Handshake timed out" warnings within the bound, the next serves s_client; same on stock and fastsock
--EXTENSIONS--
fastsock
openssl
--SKIPIF--
<?php
if (!is_executable('/usr/bin/openssl')) die('skip needs the openssl command');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
tls_real_both(function (array $ini) use ($certs) {
	$server = tls_server($certs, <<<'PHP'
<?php
$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem']));
stream_set_timeout($server, 2);
echo 'ready ', stream_socket_get_name($server, false), "\n";
for ($i = 1; $i <= 2; $i++) {
	$start = microtime(true);
	$conn = stream_socket_accept($server, 10);
	$took = microtime(true) - $start;
	echo "accept $i: ", $conn ? 'a stream' : 'false', ', within 5 s: ', var_export($took < 5, true), "\n";
	if ($conn) {
		fwrite($conn, "hello $i\n");
		fclose($conn);
	}
}
PHP, $ini);
	$address = tls_address($server);
	/* The silent client connects first, so it is the first in the listen queue. */
	$silent = tls_silent_client($address);
	$real = new TlsPeer(['openssl', 's_client', '-connect', $address]);
	$got = $real->read_until('hello', 10);
	preg_match('/^hello .*$/m', $got, $hello);
	$real->stop();
	$out = 's_client read: ' . ($hello[0] ?? '?') . "\n";
	fclose($silent);
	return $out . tls_server_output($certs, $server);
});
--EXPECT--
same
s_client read: hello 2

Warning: stream_socket_accept(): SSL: Handshake timed out in SCRIPT on line 8

Warning: stream_socket_accept(): Failed to enable crypto in SCRIPT on line 8

Warning: stream_socket_accept(): Accept failed: Success in SCRIPT on line 8
accept 1: false, within 5 s: true
accept 2: a stream, within 5 s: true
