--TEST--
an ssl:// server builds its TLS context once for 20 connections (fastsock_stats() and fastsock_info($server)), for a default server without any verify option too
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');

foreach ([
	'local_cert only (stock\'s default verify_peer)' => ['local_cert' => $certs->path('server.pem')],
	'cert, key, ciphers, alpn, SNI' => ['local_cert' => $certs->path('server.crt'), 'local_pk' => $certs->path('server.key'),
		'ciphers' => 'HIGH:!aNULL', 'alpn_protocols' => 'h2,http/1.1',
		'SNI_server_certs' => ['localhost' => $certs->path('server.pem')]],
] as $label => $ssl) {
	echo "=== $label\n";
	$before = fastsock_stats();
	$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, tls_ctx($ssl));
	$client = TlsPeer::php(<<<'CLIENT'
		$ok = 0;
		for ($i = 0; $i < 20; $i++) {
			$c = stream_socket_client("tls://$argv[1]", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
				stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false, 'peer_name' => 'localhost']]));
			$ok += $c && fgets($c) === "hello\n";
		}
		echo "client: $ok of 20 served\n";
		CLIENT, [stream_socket_get_name($server, false)]);
	$accepted = 0;
	for ($i = 0; $i < 20; $i++) {
		$conn = stream_socket_accept($server, 5);
		if ($conn) {
			$accepted++;
			fwrite($conn, "hello\n");
			fclose($conn);
		}
	}
	echo "accepted $accepted\n";
	echo $client->output();
	$after = fastsock_stats();
	foreach (['tls_handshakes_full', 'tls_contexts_built', 'tls_contexts_reused'] as $key) {
		echo "$key +", ($after[$key] ?? 0) - ($before[$key] ?? 0), "\n";
	}
	$tls = fastsock_info($server)['tls'];
	echo 'server: contexts_built ', $tls['contexts_built'], ', contexts_reused ', $tls['contexts_reused'], "\n";
}
--EXPECT--
=== local_cert only (stock's default verify_peer)
accepted 20
client: 20 of 20 served
tls_handshakes_full +20
tls_contexts_built +1
tls_contexts_reused +19
server: contexts_built 1, contexts_reused 19
=== cert, key, ciphers, alpn, SNI
accepted 20
client: 20 of 20 served
tls_handshakes_full +20
tls_contexts_built +1
tls_contexts_reused +19
server: contexts_built 1, contexts_reused 19
