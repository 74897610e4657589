--TEST--
chunk_size: with fastsock.enable=0 one fread($conn, 1 MiB) returns stock's 8192 bytes at most
--EXTENSIONS--
fastsock
--INI--
fastsock.enable=0
fastsock.chunk_size=65536
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$server = stream_socket_server('tcp://127.0.0.1:0');
[$client, $conn] = fs_connect_pair($server);
fs_fill($client, $conn, 1 << 20, 65536 + 1);
var_dump(strlen(fread($conn, 1 << 20)));
--EXPECT--
int(8192)
