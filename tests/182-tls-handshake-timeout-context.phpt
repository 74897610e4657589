--TEST--
the fastsock context option tls_handshake_timeout per server: 1 caps a silent client's handshake (pending while the real client is served first) at about 1 s; 0 leaves only the stream's timeout (as stock) even under fastsock.tls_handshake_timeout=1; a cap above the stream's timeout changes nothing
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
$variants = [
	/* label => [context cap, stream timeout, the least the silent handshake must last] */
	'context 1, stream timeout 8 s' => [1, 8, 0.5],
	'context 0, stream timeout 2 s, ini 1' => [0, 2, 1.5],
	'context 30, stream timeout 2 s' => [30, 2, 1.5],
];
foreach ($variants as $label => [$cap, $stream_timeout, $least]) {
	echo "=== $label\n";
	$server = tls_server($certs, <<<PHP
<?php
\$server = stream_socket_server('ssl://127.0.0.1:0', \$errno, \$errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	stream_context_create(['ssl' => ['local_cert' => CERTS . '/server.pem'], 'fastsock' => ['tls_handshake_timeout' => $cap]]));
stream_set_timeout(\$server, $stream_timeout);
echo 'ready ', stream_socket_get_name(\$server, false), "\\n";
\$info = @fastsock_info(\$server);
echo 'handshake_timeout: ', is_array(\$info) ? \$info['tls']['handshake_timeout'] : 'n/a', "\\n";
\$start = microtime(true);
for (\$i = 1; \$i <= 2; \$i++) {
	\$conn = @stream_socket_accept(\$server, 15);
	\$took = microtime(true) - \$start;
	echo "accept \$i: ", \$conn ? 'a stream' : 'false (' . error_get_last()['message'] . ')', "\\n";
	if (\$i === 2) {
		echo '  took at least $least s: ', var_export(\$took >= $least, true), ', under 5 s: ', var_export(\$took < 5, true), "\\n";
	}
	if (\$conn) {
		fwrite(\$conn, "hello \$i\\n");
		fclose(\$conn);
	}
}
PHP, ['fastsock.tls_handshake_timeout' => 1]);
	$address = tls_address($server);
	$silent = tls_silent_client($address);
	$real = TlsPeer::php(<<<'CLIENT'
		$c = stream_socket_client("tls://$argv[1]", $errno, $errstr, 20, STREAM_CLIENT_CONNECT,
			stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]));
		echo 'real client got ', $c ? fgets($c) : "nothing: $errstr\n";
		CLIENT, [$address]);
	echo $real->output(30), tls_server_output($certs, $server, 30);
	fclose($silent);
}
--EXPECT--
=== context 1, stream timeout 8 s
real client got hello 1
handshake_timeout: 1
accept 1: a stream
accept 2: false (stream_socket_accept(): Accept failed: Success)
  took at least 0.5 s: true, under 5 s: true
=== context 0, stream timeout 2 s, ini 1
real client got hello 1
handshake_timeout: 0
accept 1: a stream
accept 2: false (stream_socket_accept(): Accept failed: Success)
  took at least 1.5 s: true, under 5 s: true
=== context 30, stream timeout 2 s
real client got hello 1
handshake_timeout: 30
accept 1: a stream
accept 2: false (stream_socket_accept(): Accept failed: Success)
  took at least 1.5 s: true, under 5 s: true
