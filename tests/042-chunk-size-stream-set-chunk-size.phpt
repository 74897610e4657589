--TEST--
chunk_size: stream_set_chunk_size() still works on an accepted stream and returns the previous (fastsock) chunk size
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$server = stream_socket_server('tcp://127.0.0.1:0');
[$client, $conn] = fs_connect_pair($server);
var_dump(stream_set_chunk_size($conn, 4096));
var_dump(fastsock_info($conn)['chunk_size']);
fs_fill($client, $conn, 1 << 20, 65536 + 1);
var_dump(strlen(fread($conn, 1 << 20)));
var_dump(stream_set_chunk_size($conn, 1 << 18));
var_dump(strlen(fread($conn, 1 << 20)) > 8192);
--EXPECT--
int(65536)
int(4096)
int(4096)
int(4096)
bool(true)
