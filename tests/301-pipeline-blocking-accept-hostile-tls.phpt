--TEST--
The manual's blocking-accept time server on ssl:// (stream_socket_accept() with the default timeout in a while loop) with 5 silent clients and a slowloris ClientHello queued ahead: openssl s_client gets the time within 2 s (stock: 60 s per silent client), and the server accepted nobody else
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/hostile.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
$server = tls_server($certs, <<<'PHP'
<?php
$socket = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem']));
echo 'ready ', stream_socket_get_name($socket, false), "\n";
while ($conn = stream_socket_accept($socket)) {
	fwrite($conn, 'The local time is 12:00, connections accepted: ' . fastsock_stats()['connections_accepted'] . "\n");
	fclose($conn);
}
PHP, []);
$address = tls_address($server);
$hostile = new HostileClients($address, ['silent' => 5, 'trickle' => 1]);
echo 'hostile: ', $hostile->said, "\n";

$start = microtime(true);
$real = new TlsPeer(['openssl', 's_client', '-connect', $address, '-quiet']);
$got = $real->read_until('local time', 10);
preg_match('/^The local time .*$/m', $got, $line);
echo 's_client got: ', $line[0] ?? '?', ', within 2 s: ', var_export(microtime(true) - $start < 2, true), "\n";
$real->stop();
$hostile->stop();
$server->stop();
?>
--EXPECT--
hostile: connected 6
s_client got: The local time is 12:00, connections accepted: 1, within 2 s: true
