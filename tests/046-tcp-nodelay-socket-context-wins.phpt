--TEST--
tcp_nodelay: the standard socket context option tcp_nodelay keeps its stock meaning and wins over fastsock's, read at each accept; never set on the listening socket
--EXTENSIONS--
fastsock
sockets
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

function nodelay(array $options): int
{
	$ctx = stream_context_create($options);
	$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
	[$client, $conn] = fs_connect_pair($server);
	return (int) (socket_get_option(socket_import_stream($conn), SOL_TCP, TCP_NODELAY) > 0);
}

var_dump(nodelay(['socket' => ['tcp_nodelay' => false]]));
var_dump(nodelay(['socket' => ['tcp_nodelay' => false], 'fastsock' => ['tcp_nodelay' => true]]));
ini_set('fastsock.tcp_nodelay', '0');
var_dump(nodelay(['socket' => ['tcp_nodelay' => true]]));

/* As on stock, the context is read at each accept, and the listening
 * socket itself never gets the option. */
$ctx = stream_context_create(['socket' => ['tcp_nodelay' => true]]);
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
var_dump(socket_get_option(socket_import_stream($server), SOL_TCP, TCP_NODELAY));
stream_context_set_option($server, 'socket', 'tcp_nodelay', false);
[$client, $conn] = fs_connect_pair($server);
var_dump(socket_get_option(socket_import_stream($conn), SOL_TCP, TCP_NODELAY));
stream_context_set_option($server, 'socket', 'tcp_nodelay', true);
[$client, $conn] = fs_connect_pair($server);
var_dump(socket_get_option(socket_import_stream($conn), SOL_TCP, TCP_NODELAY) > 0);
--EXPECT--
int(0)
int(0)
int(1)
int(0)
int(0)
bool(true)
