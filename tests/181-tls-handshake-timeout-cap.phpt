--TEST--
fastsock.tls_handshake_timeout=1 caps a handshake on an ssl:// server whose stream timeout is 8 s: a silent client ahead of a real one holds nobody (the first accept serves the real client) and its handshake ends after about 1 s: the next accept returns false with stock's warnings
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
$server = tls_server($certs, <<<'PHP'
<?php
$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem']));
/* The stream's own timeout: what stock would wait (bounded here, so the test ends before the cap exists). */
stream_set_timeout($server, 8);
echo 'ready ', stream_socket_get_name($server, false), "\n";
$info = @fastsock_info($server);
echo 'handshake_timeout: ', is_array($info) ? $info['tls']['handshake_timeout'] : 'n/a', "\n";
$start = microtime(true);
for ($i = 1; $i <= 2; $i++) {
	$conn = stream_socket_accept($server, 15);
	$took = microtime(true) - $start;
	echo "accept $i: ", $conn ? 'a stream' : 'false', "\n";
	if ($i === 2) {
		echo '  the silent handshake ended after at least 0.5 s: ', var_export($took >= 0.5, true), "\n";
		echo '  and within 5 s: ', var_export($took < 5, true), "\n";
	}
	if ($conn) {
		fwrite($conn, "hello $i\n");
		fclose($conn);
	}
}
PHP, ['fastsock.tls_handshake_timeout' => 1]);
$address = tls_address($server);
/* The silent client connects first, so it is the first in the listen queue. */
$silent = tls_silent_client($address);
$real = TlsPeer::php(<<<'CLIENT'
	$c = stream_socket_client("tls://$argv[1]", $errno, $errstr, 20, STREAM_CLIENT_CONNECT,
		stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]));
	echo 'real client got ', $c ? fgets($c) : "nothing: $errstr\n";
	CLIENT, [$address]);
echo $real->output(30);
echo tls_server_output($certs, $server, 30);
fclose($silent);
--EXPECTF--
real client got hello 1
handshake_timeout: 1
accept 1: a stream

Warning: stream_socket_accept(): SSL: Handshake timed out in SCRIPT on line %d

Warning: stream_socket_accept(): Failed to enable crypto in SCRIPT on line %d

Warning: stream_socket_accept(): Accept failed: Success in SCRIPT on line %d
accept 2: false
  the silent handshake ended after at least 0.5 s: true
  and within 5 s: true
