--TEST--
unix socket path: a regular file at the path is never removed; bind fails the stock way and the file keeps its content
--EXTENSIONS--
fastsock
--SKIPIF--
<?php if (PHP_OS_FAMILY === "Windows") die("skip unix sockets"); ?>
--FILE--
<?php
/* Its own temp dir, and nothing left behind however the test ends. */
require __DIR__ . '/fixtures/harness.inc';
$path = sys_get_temp_dir() . '/fastsock-test-056-' . getmypid() . '.sock';
file_put_contents($path, "precious data\n");

foreach (['unix', 'udg'] as $scheme) {
	$flags = $scheme === 'udg' ? STREAM_SERVER_BIND : STREAM_SERVER_BIND | STREAM_SERVER_LISTEN;
	$server = stream_socket_server("$scheme://$path", $errno, $errstr, $flags);
	var_dump($server, $errno, $errstr);
	var_dump(filetype($path), file_get_contents($path));
}
unlink($path);
--EXPECTF--
Warning: stream_socket_server(): Unable to connect to unix://%s (Unknown error) in %s on line %d
bool(false)
int(0)
string(0) ""
string(4) "file"
string(14) "precious data
"

Warning: stream_socket_server(): Unable to connect to udg://%s (Unknown error) in %s on line %d
bool(false)
int(0)
string(0) ""
string(4) "file"
string(14) "precious data
"
