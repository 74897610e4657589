--TEST--
udp_rcvbuf: a udg:// (unix datagram) server gets the datagram receive buffer too, default and context
--EXTENSIONS--
fastsock
sockets
--SKIPIF--
<?php if (PHP_OS_FAMILY !== "Linux") die("skip Linux only: expected values follow Linux's doubling and rmem_max cap"); ?>
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$path = sys_get_temp_dir() . '/fastsock-test-039-' . getmypid() . '.sock';
@unlink($path);

$server = stream_socket_server("udg://$path", $errno, $errstr, STREAM_SERVER_BIND);
$got = socket_get_option(socket_import_stream($server), SOL_SOCKET, SO_RCVBUF);
var_dump($got === fs_granted_buffer(4194304, 'rmem_max'), fastsock_info($server)['kernel']['so_rcvbuf'] === $got);
var_dump(fastsock_info($server)['transport']);
fclose($server);
unlink($path);

$ctx = stream_context_create(['fastsock' => ['udp_rcvbuf' => 131072]]);
$server = stream_socket_server("udg://$path", $errno, $errstr, STREAM_SERVER_BIND, $ctx);
var_dump(socket_get_option(socket_import_stream($server), SOL_SOCKET, SO_RCVBUF) === fs_granted_buffer(131072, 'rmem_max'));

$client = stream_socket_client("udg://$path");
fwrite($client, 'datagram');
var_dump(stream_socket_recvfrom($server, 100));
fclose($server);
unlink($path);
--EXPECT--
bool(true)
bool(true)
string(3) "udg"
bool(true)
string(8) "datagram"
