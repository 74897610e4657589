--TEST--
backlog: with fastsock.enable=0 a tcp server listens with stock's 32, whatever fastsock.backlog says
--EXTENSIONS--
fastsock
--SKIPIF--
<?php
if (PHP_OS_FAMILY !== "Linux") die("skip Linux only: the backlog is read back with ss");
if (trim((string) shell_exec("command -v ss 2>/dev/null")) === "") die("skip ss (iproute2) is not installed");
?>
--INI--
fastsock.enable=0
fastsock.backlog=77
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$server = stream_socket_server('tcp://127.0.0.1:0');
var_dump(fs_kernel_backlog(fs_port($server)));
--EXPECT--
int(32)
