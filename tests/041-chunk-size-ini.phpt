--TEST--
chunk_size: fastsock.chunk_size=16384 bounds what one fread() returns; the context overrides it per server
--EXTENSIONS--
fastsock
--INI--
fastsock.chunk_size=16384
fastsock.rcvbuf=1048576
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

function reads($server): string
{
	[$client, $conn] = fs_connect_pair($server);
	fs_fill($client, $conn, 1 << 20, 400000);
	$sizes = [];
	for ($i = 0; $i < 4; $i++) {
		$sizes[] = strlen(fread($conn, 1 << 20));
	}
	return implode(' ', $sizes) . "\n";
}

$server = stream_socket_server('tcp://127.0.0.1:0');
var_dump(fastsock_info($server)['chunk_size']);
echo reads($server);

$ctx = stream_context_create(['fastsock' => ['chunk_size' => 32768]]);
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
var_dump(fastsock_info($server)['chunk_size']);
echo reads($server);

$ctx = stream_context_create(['fastsock' => ['chunk_size' => 8192]]);
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
var_dump(fastsock_info($server)['chunk_size']);
echo reads($server);
--EXPECT--
int(16384)
16384 16384 16384 16384
int(32768)
32768 32768 32768 32768
int(8192)
8192 8192 8192 8192
