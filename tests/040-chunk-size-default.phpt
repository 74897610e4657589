--TEST--
chunk_size: one fread($conn, 1 MiB) on an accepted connection returns more than stock's 8192 bytes, at most the default 65536
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$server = stream_socket_server('tcp://127.0.0.1:0');
[$client, $conn] = fs_connect_pair($server);
var_dump(fastsock_info($conn)['chunk_size'], stream_get_meta_data($conn)['unread_bytes']);

/* 1 MiB sent; wait (bounded) until more than one chunk is queued. */
$queued = fs_fill($client, $conn, 1 << 20, 65536 + 1);
echo $queued > 65536 ? "more than 65536 bytes queued\n" : "only $queued bytes queued\n";
$got = strlen(fread($conn, 1 << 20));
echo $got > 8192 ? "more than 8192\n" : "$got <= 8192\n";
echo $got <= 65536 ? "at most 65536\n" : "$got > 65536\n";
var_dump($got);
--EXPECT--
int(65536)
int(0)
more than 65536 bytes queued
more than 8192
at most 65536
int(65536)
