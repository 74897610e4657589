--TEST--
real client: a silent client (connects, sends nothing) ahead of openssl s_client on an ssl:// server whose stream timeout is 2 s: of two accepts, one serves s_client and one fails with stock's "Handshake timed out" warnings within the bound, on stock and fastsock alike; on fastsock the first accept serves s_client (the silent client holds nobody) and the second reports the failure
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
$first = [];
tls_real_both(function (array $ini) use ($certs, &$first) {
	$server = tls_server($certs, <<<'PHP'
<?php
$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem']));
stream_set_timeout($server, 2);
echo 'ready ', stream_socket_get_name($server, false), "\n";
for ($i = 1; $i <= 2; $i++) {
	$warnings = [];
	set_error_handler(function ($no, $message) use (&$warnings) { $warnings[] = $message; return true; });
	$start = microtime(true);
	$conn = stream_socket_accept($server, 10);
	$took = microtime(true) - $start;
	restore_error_handler();
	echo "accept $i: ", $conn ? 'a stream' : 'false', ', within 5 s: ', var_export($took < 5, true),
		$warnings ? "\n  " . implode("\n  ", $warnings) : '', "\n";
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
	preg_match('/^hello (\d+)$/m', $got, $hello);
	$real->stop();
	$first[$ini['fastsock.enable']] = ($hello[1] ?? '?') === '1';
	/* Which accept meets which client is the difference: compared without the order. */
	$out = preg_replace('/^accept \d: /m', 'accept: ', tls_server_output($certs, $server));
	/* Silent until its handshake timed out. */
	fclose($silent);
	$outcomes = preg_split('/\n(?=accept: )/', trim($out));
	sort($outcomes);
	return 's_client served: ' . (isset($hello[1]) ? 'yes' : 'no') . "\n" . implode("\n", $outcomes) . "\n";
});
echo 's_client served by the first accept: stock ', var_export($first[0], true), ', fastsock ', var_export($first[1], true), "\n";
--EXPECT--
same
s_client served: yes
accept: a stream, within 5 s: true
accept: false, within 5 s: true
  stream_socket_accept(): SSL: Handshake timed out
  stream_socket_accept(): Failed to enable crypto
  stream_socket_accept(): Accept failed: Success
s_client served by the first accept: stock false, fastsock true
