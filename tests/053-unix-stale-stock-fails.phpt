--TEST--
stale unix socket: with fastsock.enable=0, a socket file left by a killed server blocks a new server the stock way
--EXTENSIONS--
fastsock
--SKIPIF--
<?php if (PHP_OS_FAMILY === "Windows") die("skip unix sockets"); ?>
--INI--
fastsock.enable=0
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$path = sys_get_temp_dir() . '/fastsock-test-053-' . getmypid() . '.sock';
@unlink($path);
$crashed = new FsServer(<<<PHP
<?php
\$server = stream_socket_server('unix://$path');
echo "ready\n";
stream_socket_accept(\$server, 30);
PHP);
echo $crashed->first_line, "\n";
$crashed->stop(9);
var_dump(filetype($path));

$server = stream_socket_server("unix://$path", $errno, $errstr);
var_dump($server, $errno, $errstr);
@unlink($path);
--EXPECTF--
ready
string(6) "socket"

Warning: stream_socket_server(): Unable to connect to unix://%s (Unknown error) in %s on line %d
bool(false)
int(0)
string(0) ""
