--TEST--
accept never hands out an unfinished handshake: a client that resets the connection in the middle of its ClientHello makes stream_socket_accept() return false with stock's warnings even when the script's error handler leaves EAGAIN in errno (a non-blocking read of an empty socket); stock then returns the connection without crypto, a deliberate difference
--EXTENSIONS--
fastsock
openssl
sockets
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
$info = @fastsock_info($server);
$pair = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
stream_set_blocking($pair[0], false);
set_error_handler(function (int $type, string $message) use ($pair) {
	echo "handler: $message\n";
	/* Nothing to read: recv() fails with EAGAIN, which stays in errno. */
	fread($pair[0], 1);
	return true;
});
echo 'ready ', stream_socket_get_name($server, false), "\n";
$conn = stream_socket_accept($server, 10);
echo 'accept: ', $conn ? 'a stream, crypto ' . json_encode(isset(stream_get_meta_data($conn)['crypto'])) : 'false', "\n";
echo 'served by ', isset($info['tls']) ? 'fastsock' : 'stock', "\n";
PHP, $ini);
	/* Half a ClientHello, then a reset (SO_LINGER 0). */
	[$host, $port] = explode(':', tls_address($server));
	$socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
	socket_connect($socket, $host, (int) $port);
	socket_write($socket, "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03");
	usleep(200000);
	socket_set_option($socket, SOL_SOCKET, SO_LINGER, ['l_onoff' => 1, 'l_linger' => 0]);
	socket_close($socket);
	$out = tls_server_output($certs, $server, 20);
	$served = str_contains($out, $ini['fastsock.enable'] ? 'served by fastsock' : 'served by stock');
	return preg_replace('/^served by \w+\n/m', '', $out) . ($served ? '' : "not served as asked\n");
});
--EXPECT--
DIFFERENT
--- stock
handler: stream_socket_accept(): SSL: Connection reset by peer
accept: a stream, crypto false

--- fastsock
handler: stream_socket_accept(): SSL: Connection reset by peer
handler: stream_socket_accept(): Failed to enable crypto
handler: stream_socket_accept(): Accept failed: Success
accept: false
