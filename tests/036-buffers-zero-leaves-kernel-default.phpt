--TEST--
rcvbuf/sndbuf: 0 (the default) sets nothing, so listener and accepted connection have the same buffers as a stock socket
--EXTENSIONS--
fastsock
sockets
--SKIPIF--
<?php if (PHP_OS_FAMILY !== "Linux") die("skip Linux only"); ?>
--INI--
fastsock.rcvbuf=0
fastsock.sndbuf=0
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

function bufs($sock): array
{
	return [socket_get_option($sock, SOL_SOCKET, SO_RCVBUF), socket_get_option($sock, SOL_SOCKET, SO_SNDBUF)];
}

/* The stock reference: a listener and an accepted connection made with ext/sockets. */
$ref = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($ref, '127.0.0.1', 0);
socket_listen($ref);
socket_getsockname($ref, $addr, $port);
$ref_client = stream_socket_client("tcp://127.0.0.1:$port");
$ref_conn = socket_accept($ref);

$server = stream_socket_server('tcp://127.0.0.1:0');
var_dump(bufs(socket_import_stream($server)) === bufs($ref));
[$client, $conn] = fs_connect_pair($server);
var_dump(bufs(socket_import_stream($conn)) === bufs($ref_conn));
$kernel = fastsock_info($conn)['kernel'];
var_dump([$kernel['so_rcvbuf'], $kernel['so_sndbuf']] === bufs($ref_conn));
--EXPECT--
bool(true)
bool(true)
bool(true)
