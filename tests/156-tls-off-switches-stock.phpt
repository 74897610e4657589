--TEST--
fastsock.enable=0 and fastsock.tls=0 (new ini, depends on the TLS implementation) both give stock TLS servers: an ssl:// server, a setup error and STARTTLS print the same as with fastsock's own TLS
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
$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem']));
tls_try_accepts($server, 1, [], 'tls', 5, function ($conn) {
	echo json_encode(stream_get_meta_data($conn)), "\n";
});
$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/missing.pem']));
tls_try_accepts($server, 1);

$tcp = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, stream_context_create());
$client = TlsPeer::php(<<<'CLIENT'
	$c = stream_socket_client("tcp://$argv[1]", $errno, $errstr, 5);
	fwrite($c, "STARTTLS\n");
	fgets($c);
	stream_context_set_option($c, 'ssl', 'verify_peer', false);
	stream_context_set_option($c, 'ssl', 'verify_peer_name', false);
	var_dump(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
	echo 'client got ', fgets($c);
	CLIENT, [stream_socket_get_name($tcp, false)]);
$conn = stream_socket_accept($tcp, 5);
fgets($conn);
fwrite($conn, "go\n");
stream_context_set_option($conn, 'ssl', 'local_cert', CERTS . '/server.pem');
var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
echo json_encode(stream_get_meta_data($conn)), "\n";
fwrite($conn, "over tls\n");
echo $client->output();
PHP;

$stock = tls_run($certs, $code, ['fastsock.enable' => 0]);
foreach ([
	'fastsock.tls=0' => ['fastsock.enable' => 1, 'fastsock.tls' => 0],
	'fastsock.enable=0, fastsock.tls=1' => ['fastsock.enable' => 0, 'fastsock.tls' => 1],
	'fastsock (defaults)' => ['fastsock.enable' => 1],
] as $label => $ini) {
	$out = tls_run($certs, $code, $ini);
	echo "$label: ", $out === $stock ? 'same as stock' : "DIFFERENT\n--- stock\n$stock\n--- $label\n$out", "\n";
}
echo $stock;
--EXPECTF--
fastsock.tls=0: same as stock
fastsock.enable=0, fastsock.tls=1: same as stock
fastsock (defaults): same as stock
accept 1:
accept 1 returned a stream
{"crypto":{"protocol":"TLSv1.3","cipher_name":"TLS_AES_256_GCM_SHA384","cipher_bits":256,"cipher_version":"TLSv1.3"},"timed_out":false,"blocked":true,"eof":false,"stream_type":"tcp_socket\/ssl","mode":"r+","unread_bytes":0,"seekable":false}
client 1: connected, got 'hello 1
'
accept 1:

Warning: stream_socket_accept(): Unable to set local cert chain file `CERTS/missing.pem'; Check that your cafile/capath settings include details of your certificate and its issuer in tls.inc on line %d

Warning: stream_socket_accept(): Failed to enable crypto in tls.inc on line %d

Warning: stream_socket_accept(): Accept failed: Success in tls.inc on line %d
accept 1 returned false
client 1: failed
bool(true)
{"crypto":{"protocol":"TLSv1.3","cipher_name":"TLS_AES_256_GCM_SHA384","cipher_bits":256,"cipher_version":"TLSv1.3"},"timed_out":false,"blocked":true,"eof":false,"stream_type":"tcp_socket\/ssl","mode":"r+","unread_bytes":0,"seekable":false}
bool(true)
client got over tls
