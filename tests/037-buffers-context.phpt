--TEST--
rcvbuf/sndbuf: the fastsock context options override the ini for one server
--EXTENSIONS--
fastsock
--SKIPIF--
<?php if (PHP_OS_FAMILY !== "Linux") die("skip Linux only: expected values follow Linux's doubling and caps"); ?>
--INI--
fastsock.rcvbuf=1048576
fastsock.sndbuf=1048576
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$ctx = stream_context_create(['fastsock' => ['rcvbuf' => 262144, 'sndbuf' => '131072']]);
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
$info = fastsock_info($server);
var_dump($info['rcvbuf'], $info['sndbuf']);
var_dump($info['kernel']['so_rcvbuf'] === fs_granted_buffer(262144, 'rmem_max'));
var_dump($info['kernel']['so_sndbuf'] === fs_granted_buffer(131072, 'wmem_max'));
[$client, $conn] = fs_connect_pair($server);
$info = fastsock_info($conn);
var_dump($info['kernel']['so_rcvbuf'] === fs_granted_buffer(262144, 'rmem_max'));
var_dump($info['kernel']['so_sndbuf'] === fs_granted_buffer(131072, 'wmem_max'));
--EXPECT--
int(262144)
int(131072)
bool(true)
bool(true)
bool(true)
bool(true)
