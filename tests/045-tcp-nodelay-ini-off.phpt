--TEST--
tcp_nodelay: fastsock.tcp_nodelay=0 leaves TCP_NODELAY off on accepted connections; the fastsock context turns it back on
--EXTENSIONS--
fastsock
sockets
--INI--
fastsock.tcp_nodelay=0
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$server = stream_socket_server('tcp://127.0.0.1:0');
[$client, $conn] = fs_connect_pair($server);
var_dump(socket_get_option(socket_import_stream($conn), SOL_TCP, TCP_NODELAY));
var_dump(fastsock_info($conn)['tcp_nodelay'], fastsock_info($conn)['kernel']['tcp_nodelay']);

$ctx = stream_context_create(['fastsock' => ['tcp_nodelay' => 'on']]);
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
[$client, $conn] = fs_connect_pair($server);
var_dump(socket_get_option(socket_import_stream($conn), SOL_TCP, TCP_NODELAY) > 0);
--EXPECT--
int(0)
bool(false)
int(0)
bool(true)
