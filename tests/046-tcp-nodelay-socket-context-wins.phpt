--TEST--
tcp_nodelay: the standard socket context option tcp_nodelay keeps its stock meaning and wins over fastsock's (false: off, true: on)
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
--EXPECT--
int(0)
int(0)
int(1)
