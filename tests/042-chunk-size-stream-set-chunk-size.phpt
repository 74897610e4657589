--TEST--
chunk_size: stream_set_chunk_size() and stream_set_read_buffer() on an accepted stream work as on stock, and fastsock then leaves its reads alone
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$ctx = stream_context_create(['fastsock' => ['rcvbuf' => 1 << 20]]);
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
[$client, $conn] = fs_connect_pair($server);
var_dump(stream_set_chunk_size($conn, 4096));
fs_fill($client, $conn, 1 << 20, 400000);
var_dump(strlen(fread($conn, 1 << 20)), strlen(fread($conn, 1 << 20)));
var_dump(stream_set_chunk_size($conn, 1 << 18));
var_dump(strlen(fread($conn, 1 << 20)) > 65536);

/* No read buffer: stock reads what the script asks for, unbounded. */
[$client, $conn] = fs_connect_pair($server);
var_dump(stream_set_read_buffer($conn, 0));
fs_fill($client, $conn, 1 << 20, 400000);
var_dump(strlen(fread($conn, 1 << 20)) >= 400000);
--EXPECT--
int(8192)
int(4096)
int(4096)
int(4096)
bool(true)
int(0)
bool(true)
