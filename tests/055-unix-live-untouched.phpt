--TEST--
live unix socket: a second server on a live server's path fails the stock way; the live server keeps its file and its first accepted connection is the real client
--EXTENSIONS--
fastsock
--SKIPIF--
<?php if (PHP_OS_FAMILY === "Windows") die("skip unix sockets"); ?>
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$path = sys_get_temp_dir() . '/fastsock-test-055-' . getmypid() . '.sock';
@unlink($path);
$live = new FsServer(<<<PHP
<?php
\$server = stream_socket_server('unix://$path');
echo "ready\n";
\$conn = stream_socket_accept(\$server, 10);
echo "first connection sent: ", json_encode(\$conn ? fgets(\$conn) : false), "\n";
PHP);
echo $live->first_line, "\n";
$inode = fileinode($path);

$second = stream_socket_server("unix://$path", $errno, $errstr);
var_dump($second, $errno, $errstr);
var_dump(fileinode($path) === $inode);

$client = stream_socket_client("unix://$path", $errno, $errstr, 5);
fwrite($client, "hello\n");
echo $live->output();
$live->stop();
@unlink($path);
--EXPECTF--
ready

Warning: stream_socket_server(): Unable to connect to unix://%s (Unknown error) in %s on line %d
bool(false)
int(0)
string(0) ""
bool(true)
first connection sent: "hello\n"
