--TEST--
activation: under systemd-socket-activate, an unchanged stream_socket_server('ssl://127.0.0.1:P') with its certificate adopts the passed tcp socket and completes the TLS handshake of the client that started it, served by fastsock's TLS; an ssl:// server at another port binds as usual
--EXTENSIONS--
fastsock
openssl
--SKIPIF--
<?php
require __DIR__ . '/fixtures/activation.inc';
fs_activation_skipif();
?>
--FILE--
<?php
require __DIR__ . '/fixtures/activation.inc';
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
$script = <<<'PHP'
<?php
[, $port, $other, $cert] = $argv;
$ctx = stream_context_create(['ssl' => ['local_cert' => $cert]]);
$server = stream_socket_server("ssl://127.0.0.1:$port", $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
echo 'activated: ', json_encode(fastsock_info($server)['activated']), "\n";
$conn = stream_socket_accept($server, 10);
echo 'accepted: ', $conn ? stream_get_meta_data($conn)['crypto']['protocol'] : 'no', ', tls_handshakes_full ',
	fastsock_stats()['tls_handshakes_full'], "\n";
fwrite($conn, "served over TLS\n");
fclose($conn);
$another = stream_socket_server("ssl://127.0.0.1:$other", $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
echo 'another port: activated ', json_encode(fastsock_info($another)['activated']), "\n";
PHP;

$port = fs_free_port();
$run = new FsActivated(["127.0.0.1:$port"], $script, [], [],
	[(string) $port, (string) fs_free_port(), $certs->path('server.pem')]);
$client = $run->trigger(null);
stream_context_set_option($client, ['ssl' => tls_insecure()]);
var_dump(stream_socket_enable_crypto($client, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
echo 'client got: ', fgets($client);
echo $run->output();
?>
--EXPECTF--
bool(true)
client got: served over TLS
activated: {"fd":3,"name":null,"not_applied":["backlog"]}
accepted: TLSv1.%d, tls_handshakes_full 1
another port: activated null
