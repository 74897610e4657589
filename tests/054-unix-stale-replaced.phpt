--TEST--
stale unix socket: a socket file left by a SIGKILLed server (nobody listens) is replaced, and the new server serves clients
--EXTENSIONS--
fastsock
--SKIPIF--
<?php if (PHP_OS_FAMILY === "Windows") die("skip unix sockets"); ?>
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$path = sys_get_temp_dir() . '/fastsock-test-054-' . getmypid() . '.sock';
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
var_dump(is_resource($server), $errno, $errstr);
$client = stream_socket_client("unix://$path", $errno, $errstr, 5);
$conn = stream_socket_accept($server, 5);
fwrite($client, "hello\n");
var_dump(fgets($conn));
fclose($server);
@unlink($path);
--EXPECT--
ready
string(6) "socket"
bool(true)
int(0)
string(0) ""
string(6) "hello
"
