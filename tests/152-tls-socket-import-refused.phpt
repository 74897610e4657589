--TEST--
socket_import_stream() on TLS streams: refused on a connection with crypto on (ssl:// accept, or after STARTTLS), accepted on the listener and on a tcp connection before STARTTLS, as on stock
--EXTENSIONS--
fastsock
openssl
--SKIPIF--
<?php
if (!extension_loaded('sockets')) die('skip needs ext/sockets');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
tls_compare($certs, <<<'PHP'
<?php
function import(string $label, $stream): void
{
	$socket = socket_import_stream($stream);
	echo "$label: ", $socket instanceof Socket ? 'Socket' : var_export($socket, true), "\n";
}

$ctx = tls_ctx(['local_cert' => CERTS . '/server.pem']);
$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
$client = TlsPeer::php(<<<'CLIENT'
	for ($i = 0; $i < 2; $i++) {
		$c = stream_socket_client("tls://$argv[1]", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
			stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]));
		echo 'client got ', var_export(@fgets($c), true), "\n";
	}
	CLIENT, [stream_socket_get_name($server, false)]);
import('ssl:// listener', $server);
$conn = stream_socket_accept($server, 5);
import('ssl:// accepted connection', $conn);
stream_set_blocking($conn, false);
import('ssl:// accepted connection, non-blocking', $conn);
stream_set_blocking($conn, true);
fwrite($conn, "still works\n");
echo 'cast to a resource: ', var_export(is_resource($conn), true), "\n";
$conn2 = stream_socket_accept($server, 5);
var_dump(stream_socket_enable_crypto($conn2, false));
import('ssl:// accepted connection after disabling crypto', $conn2);
fclose($conn2);
echo $client->output();

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
import('tcp:// listener', $tcp);
$conn = stream_socket_accept($tcp, 5);
import('tcp:// connection before STARTTLS', $conn);
echo 'server got ', fgets($conn);
fwrite($conn, "go\n");
stream_context_set_option($conn, 'ssl', 'local_cert', CERTS . '/server.pem');
var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
import('tcp:// connection after STARTTLS', $conn);
fwrite($conn, "tls still works\n");
echo $client->output();
PHP, ['extension' => 'sockets']);
--EXPECTF--
same
ssl:// listener: Socket

Warning: socket_import_stream(): Cannot represent a stream of type tcp_socket/ssl as a Socket Descriptor in SCRIPT on line %d
ssl:// accepted connection: false

Warning: socket_import_stream(): Cannot represent a stream of type tcp_socket/ssl as a Socket Descriptor in SCRIPT on line %d
ssl:// accepted connection, non-blocking: false
cast to a resource: true
bool(false)
ssl:// accepted connection after disabling crypto: Socket
client got 'still works
'
client got false
tcp:// listener: Socket
tcp:// connection before STARTTLS: Socket
server got STARTTLS
bool(true)

Warning: socket_import_stream(): Cannot represent a stream of type tcp_socket/ssl as a Socket Descriptor in SCRIPT on line %d
tcp:// connection after STARTTLS: false
bool(true)
client got tls still works
