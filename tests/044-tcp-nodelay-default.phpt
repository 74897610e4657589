--TEST--
tcp_nodelay: an accepted tcp connection has TCP_NODELAY set in the kernel by default (stock leaves it off); the listening socket does not
--EXTENSIONS--
fastsock
sockets
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$server = stream_socket_server('tcp://127.0.0.1:0');
[$client, $conn] = fs_connect_pair($server);
var_dump(socket_get_option(socket_import_stream($conn), SOL_TCP, TCP_NODELAY) > 0);
var_dump(fastsock_info($conn)['tcp_nodelay'], fastsock_info($conn)['kernel']['tcp_nodelay'] > 0);
/* Only accepted connections get it, as with stock's tcp_nodelay option. */
var_dump(socket_get_option(socket_import_stream($server), SOL_TCP, TCP_NODELAY));
var_dump(fastsock_info($server)['kernel']['tcp_nodelay']);
/* The client is not fastsock's: untouched. */
var_dump(socket_get_option(socket_import_stream($client), SOL_TCP, TCP_NODELAY));
--EXPECT--
bool(true)
bool(true)
bool(true)
int(0)
int(0)
int(0)
