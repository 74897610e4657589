--TEST--
backlog: fastsock.backlog (ini, at startup and with ini_set) is what the kernel listens with
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

$server = stream_socket_server('tcp://127.0.0.1:0');
var_dump(fs_kernel_backlog(fs_port($server)), fastsock_info($server)['backlog']);

var_dump(ini_set('fastsock.backlog', '123'));
$server = stream_socket_server('tcp://127.0.0.1:0');
var_dump(fs_kernel_backlog(fs_port($server)), fastsock_info($server)['backlog']);
--EXPECT--
int(77)
int(77)
string(2) "77"
int(123)
int(123)
