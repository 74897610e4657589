--TEST--
backlog: the fastsock context option overrides the ini for one server
--EXTENSIONS--
fastsock
--SKIPIF--
<?php
if (PHP_OS_FAMILY !== "Linux") die("skip Linux only: the backlog is read back with ss");
if (trim((string) shell_exec("command -v ss 2>/dev/null")) === "") die("skip ss (iproute2) is not installed");
?>
--INI--
fastsock.backlog=77
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$ctx = stream_context_create(['fastsock' => ['backlog' => 200]]);
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
var_dump(fs_kernel_backlog(fs_port($server)), fastsock_info($server)['backlog']);

$ctx = stream_context_create(['fastsock' => ['backlog' => '300']]);
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
var_dump(fs_kernel_backlog(fs_port($server)));

$ctx = stream_context_create(['fastsock' => ['backlog' => 0]]);
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
var_dump(fs_kernel_backlog(fs_port($server)) === (int) file_get_contents('/proc/sys/net/core/somaxconn'));

$server = stream_socket_server('tcp://127.0.0.1:0');
var_dump(fs_kernel_backlog(fs_port($server)));
--EXPECT--
int(200)
int(200)
int(300)
bool(true)
int(77)
