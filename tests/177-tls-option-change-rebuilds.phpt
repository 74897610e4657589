--TEST--
changing ciphers on the server with stream_context_set_option() between connections takes effect on the next one (as on stock) and rebuilds the context; changing peer_name (read per connection, also on resumption) does not rebuild; verify_depth, which decides what a session was trusted for, rebuilds (its session id context changes)
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
$code = <<<'PHP'
<?php
$server = stream_socket_server('tlsv1.2://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem']));
$changes = [
	2 => ['ciphers', 'ECDHE-ECDSA-AES256-GCM-SHA384'],
	3 => ['peer_name', 'client.test'],
	4 => ['verify_depth', 5],
];
$contexts = function () use ($server) {
	$info = @fastsock_info($server);
	return is_array($info) ? "built {$info['tls']['contexts_built']}, reused {$info['tls']['contexts_reused']}" : 'n/a (stock)';
};
tls_try_accepts($server, 4, [], 'tls', 5, function ($conn, $i) use ($server, $changes, $contexts) {
	echo "connection $i: ", stream_get_meta_data($conn)['crypto']['cipher_name'], "; contexts: ", $contexts(), "\n";
	if (isset($changes[$i + 1])) {
		[$option, $value] = $changes[$i + 1];
		stream_context_set_option($server, 'ssl', $option, $value);
		echo "set $option to ", var_export($value, true), "\n";
	}
});
PHP;
$runs = tls_run_both($certs, $code);
echo "--- stock\n", $runs['stock'], "--- fastsock\n", $runs['fastsock'];
--EXPECT--
--- stock
accept 1:
accept 1 returned a stream
connection 1: ECDHE-ECDSA-AES128-GCM-SHA256; contexts: n/a (stock)
set ciphers to 'ECDHE-ECDSA-AES256-GCM-SHA384'
accept 2:
accept 2 returned a stream
connection 2: ECDHE-ECDSA-AES256-GCM-SHA384; contexts: n/a (stock)
set peer_name to 'client.test'
accept 3:
accept 3 returned a stream
connection 3: ECDHE-ECDSA-AES256-GCM-SHA384; contexts: n/a (stock)
set verify_depth to 5
accept 4:
accept 4 returned a stream
connection 4: ECDHE-ECDSA-AES256-GCM-SHA384; contexts: n/a (stock)
client 1: connected, got 'hello 1
'
client 2: connected, got 'hello 2
'
client 3: connected, got 'hello 3
'
client 4: connected, got 'hello 4
'
--- fastsock
accept 1:
accept 1 returned a stream
connection 1: ECDHE-ECDSA-AES128-GCM-SHA256; contexts: built 1, reused 0
set ciphers to 'ECDHE-ECDSA-AES256-GCM-SHA384'
accept 2:
accept 2 returned a stream
connection 2: ECDHE-ECDSA-AES256-GCM-SHA384; contexts: built 2, reused 0
set peer_name to 'client.test'
accept 3:
accept 3 returned a stream
connection 3: ECDHE-ECDSA-AES256-GCM-SHA384; contexts: built 2, reused 1
set verify_depth to 5
accept 4:
accept 4 returned a stream
connection 4: ECDHE-ECDSA-AES256-GCM-SHA384; contexts: built 3, reused 1
client 1: connected, got 'hello 1
'
client 2: connected, got 'hello 2
'
client 3: connected, got 'hello 3
'
client 4: connected, got 'hello 4
'
