--TEST--
chunk_size: a connection starts with stock's 8192-byte read chunk and, while its reads fill the chunk, doubles it up to the default 65536
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

/* A receive buffer large enough to queue everything the reads below take. */
$ctx = stream_context_create(['fastsock' => ['rcvbuf' => 1 << 20]]);
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
[$client, $conn] = fs_connect_pair($server);
var_dump(fastsock_info($conn)['chunk_size'], fastsock_info($conn)['read_chunk']);

$queued = fs_fill($client, $conn, 1 << 20, 400000);
echo $queued >= 400000 ? "400000 bytes queued\n" : "only $queued bytes queued\n";
$sizes = [];
for ($i = 0; $i < 6; $i++) {
	$sizes[] = strlen(fread($conn, 1 << 20));
}
echo implode(' ', $sizes), "\n";
var_dump(fastsock_info($conn)['read_chunk']);
--EXPECT--
int(65536)
int(8192)
400000 bytes queued
8192 16384 32768 65536 65536 65536
int(65536)
