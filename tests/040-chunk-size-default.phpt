--TEST--
chunk_size: one fread($conn, 1 MiB) returns up to the default 262144 bytes at once; fread($conn, 8192) still 8192
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

/* A receive buffer large enough to queue everything the reads below take. */
$ctx = stream_context_create(['fastsock' => ['rcvbuf' => 1 << 20]]);
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
[$client, $conn] = fs_connect_pair($server);
var_dump(fastsock_info($conn)['chunk_size']);

$queued = fs_fill($client, $conn, 1 << 20, 600000);
echo $queued >= 600000 ? "600000 bytes queued\n" : "only $queued bytes queued\n";
$sizes = [];
for ($i = 0; $i < 2; $i++) {
	$sizes[] = strlen(fread($conn, 1 << 20));
}
$sizes[] = strlen(fread($conn, 8192));
echo implode(' ', $sizes), "\n";
var_dump(stream_get_meta_data($conn)['unread_bytes']);
--EXPECT--
int(262144)
600000 bytes queued
262144 262144 8192
int(0)
