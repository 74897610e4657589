--TEST--
fastsock_stats() counts TLS handshakes (full, resumed, failed) and TLS contexts (built, reused) for ssl:// accepts and STARTTLS
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

const TLS_KEYS = ['tls_handshakes_full', 'tls_handshakes_resumed', 'tls_handshakes_failed', 'tls_contexts_built', 'tls_contexts_reused'];

function delta(string $label, array $before, array $keys = TLS_KEYS): array
{
	$now = fastsock_stats();
	$parts = [];
	foreach ($keys as $key) {
		$parts[] = "$key +" . (($now[$key] ?? 0) - ($before[$key] ?? 0));
	}
	echo "$label: ", implode(', ', $parts), "\n";
	return $now;
}

$certs = new TlsCerts();
$certs->make('server', 'localhost');
$stats = fastsock_stats();
foreach (TLS_KEYS as $key) {
	echo $key, ': ', array_key_exists($key, $stats) ? gettype($stats[$key]) : 'missing', "\n";
}

$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => $certs->path('server.pem')]));
tls_try_accepts($server, 3);
$stats = delta('3 ssl:// handshakes', $stats);

$raw = stream_socket_client('tcp://' . stream_socket_get_name($server, false), $errno, $errstr, 5);
fwrite($raw, "GET / HTTP/1.0\r\n\r\n");
var_dump(@stream_socket_accept($server, 5));
fclose($raw);
$stats = delta('plain HTTP to the ssl:// port', $stats, ['tls_handshakes_full', 'tls_handshakes_resumed', 'tls_handshakes_failed']);

$tcp = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => $certs->path('server.pem')]));
$client = TlsPeer::php(<<<'CLIENT'
	$c = stream_socket_client("tcp://$argv[1]", $errno, $errstr, 5);
	fgets($c);
	stream_context_set_option($c, 'ssl', 'verify_peer', false);
	stream_context_set_option($c, 'ssl', 'verify_peer_name', false);
	var_dump(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
	echo 'client got ', fgets($c);
	CLIENT, [stream_socket_get_name($tcp, false)]);
$conn = stream_socket_accept($tcp, 5);
fwrite($conn, "go\n");
var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
fwrite($conn, "over tls\n");
echo $client->output();
delta('1 STARTTLS handshake', $stats);
--EXPECT--
tls_handshakes_full: integer
tls_handshakes_resumed: integer
tls_handshakes_failed: integer
tls_contexts_built: integer
tls_contexts_reused: integer
accept 1:
accept 1 returned a stream
accept 2:
accept 2 returned a stream
accept 3:
accept 3 returned a stream
client 1: connected, got 'hello 1
'
client 2: connected, got 'hello 2
'
client 3: connected, got 'hello 3
'
3 ssl:// handshakes: tls_handshakes_full +3, tls_handshakes_resumed +0, tls_handshakes_failed +0, tls_contexts_built +1, tls_contexts_reused +2
bool(false)
plain HTTP to the ssl:// port: tls_handshakes_full +0, tls_handshakes_resumed +0, tls_handshakes_failed +1
bool(true)
bool(true)
client got over tls
1 STARTTLS handshake: tls_handshakes_full +1, tls_handshakes_resumed +0, tls_handshakes_failed +0, tls_contexts_built +1, tls_contexts_reused +0
