--TEST--
backlog: by default a tcp server listens with the system maximum (net.core.somaxconn), as the kernel shows
--EXTENSIONS--
fastsock
--SKIPIF--
<?php
if (PHP_OS_FAMILY !== "Linux") die("skip Linux only: the backlog is read back with ss");
if (trim((string) shell_exec("command -v ss 2>/dev/null")) === "") die("skip ss (iproute2) is not installed");
?>
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$somaxconn = (int) file_get_contents('/proc/sys/net/core/somaxconn');
$server = stream_socket_server('tcp://127.0.0.1:0');
$kernel = fs_kernel_backlog(fs_port($server));
echo $kernel === $somaxconn ? "kernel backlog = somaxconn\n" : "kernel backlog $kernel, somaxconn $somaxconn\n";
var_dump(fastsock_info($server)['backlog'] === $somaxconn);
var_dump($kernel !== 32);
--EXPECT--
kernel backlog = somaxconn
bool(true)
bool(true)
