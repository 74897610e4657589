--TEST--
chunk_size: fastsock.chunk_size=16384 bounds one fread() on an accepted connection at 16384; the context overrides it per server
--EXTENSIONS--
fastsock
--INI--
fastsock.chunk_size=16384
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$server = stream_socket_server('tcp://127.0.0.1:0');
[$client, $conn] = fs_connect_pair($server);
var_dump(fastsock_info($server)['chunk_size'], fastsock_info($conn)['chunk_size']);
fs_fill($client, $conn, 1 << 20, 65536 + 1);
var_dump(strlen(fread($conn, 1 << 20)));

$ctx = stream_context_create(['fastsock' => ['chunk_size' => 32768]]);
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
[$client, $conn] = fs_connect_pair($server);
fs_fill($client, $conn, 1 << 20, 65536 + 1);
var_dump(strlen(fread($conn, 1 << 20)));
--EXPECT--
int(16384)
int(16384)
int(16384)
int(32768)
