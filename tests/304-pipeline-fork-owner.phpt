--TEST--
Pending connections belong to the process that accepted them: a child forked from an ssl:// server while a client's handshake is pending there never drives it (the child's accept times out while the client's ClientHello waits), and after the child exited the parent completes the handshake and serves that client
--EXTENSIONS--
fastsock
openssl
pcntl
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
$server = tls_server($certs, <<<'PHP'
<?php
$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem']));
echo 'ready ', stream_socket_get_name($server, false), "\n";
/* The client connects but has not started its handshake: pending here. */
var_dump(@stream_socket_accept($server, 2));
echo "parent: pending, forking\n";
$pid = pcntl_fork();
if ($pid === 0) {
	$r = [$server];
	$w = $e = null;
	echo 'child select: ', stream_select($r, $w, $e, 2), "\n";
	echo 'child accept: ', var_export(@stream_socket_accept($server, 1), true), "\n";
	exit(0);
}
pcntl_waitpid($pid, $status);
echo "parent: child exited\n";
$conn = stream_socket_accept($server, 5);
echo 'parent accept: ', $conn ? 'a stream' : 'false', "\n";
fwrite($conn, "hello from the parent\n");
fclose($conn);
PHP, []);
$address = tls_address($server);
$client = stream_socket_client("tcp://$address", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
	stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]));
/* Starts the handshake once the server has forked: its ClientHello
 * waits on the connection while the child runs. */
$line = '';
while (!str_contains($line, 'forking') && ($got = fgets($server->stdout)) !== false) {
	echo $got;
	$line = $got;
}
stream_set_timeout($client, 10);
var_dump(stream_socket_enable_crypto($client, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
echo 'client got: ', fgets($client);
echo tls_server_output($certs, $server);
?>
--EXPECT--
bool(false)
parent: pending, forking
bool(true)
client got: hello from the parent
child select: 0
child accept: false
parent: child exited
parent accept: a stream
