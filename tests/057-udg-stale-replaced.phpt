--TEST--
stale udg socket: a unix datagram socket file whose owner is gone is replaced; a live udg server's file is not
--EXTENSIONS--
fastsock
--SKIPIF--
<?php if (PHP_OS_FAMILY === "Windows") die("skip unix sockets"); ?>
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$path = sys_get_temp_dir() . '/fastsock-test-057-' . getmypid() . '.sock';
@unlink($path);
$crashed = new FsServer(<<<PHP
<?php
\$server = stream_socket_server('udg://$path', \$errno, \$errstr, STREAM_SERVER_BIND);
echo "ready\n";
fgets(STDIN);
PHP);
echo $crashed->first_line, "\n";

/* Alive: left alone. */
$server = @stream_socket_server("udg://$path", $errno, $errstr, STREAM_SERVER_BIND);
var_dump($server);

$crashed->stop(9);
var_dump(filetype($path));
$server = stream_socket_server("udg://$path", $errno, $errstr, STREAM_SERVER_BIND);
var_dump(is_resource($server));
$client = stream_socket_client("udg://$path");
fwrite($client, 'datagram');
var_dump(stream_socket_recvfrom($server, 100));
fclose($server);
@unlink($path);
--EXPECT--
ready
bool(false)
string(6) "socket"
bool(true)
string(8) "datagram"
