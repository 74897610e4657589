--TEST--
mode: ['fastsock' => ['mode' => 0660]] creates a unix:// and a udg:// server's socket file with that mode, whatever the umask
--EXTENSIONS--
fastsock
--SKIPIF--
<?php if (PHP_OS_FAMILY === "Windows") die("skip unix sockets"); ?>
--FILE--
<?php
/* Its own temp dir, and nothing left behind however the test ends. */
require __DIR__ . '/fixtures/harness.inc';
$path = sys_get_temp_dir() . '/fastsock-test-050-' . getmypid() . '.sock';
@unlink($path);
umask(0077);

$ctx = stream_context_create(['fastsock' => ['mode' => 0660]]);
$server = stream_socket_server("unix://$path", $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
printf("unix: %o\n", fileperms($path) & 07777);
var_dump(fastsock_info($server)['mode'] === 0660);
$client = stream_socket_client("unix://$path");
var_dump(stream_socket_accept($server, 5) !== false);
fclose($server);
unlink($path);

$ctx = stream_context_create(['fastsock' => ['mode' => 0604]]);
$server = stream_socket_server("udg://$path", $errno, $errstr, STREAM_SERVER_BIND, $ctx);
printf("udg: %o\n", fileperms($path) & 07777);
fclose($server);
unlink($path);

/* Without the option the umask decides, as in stock. */
$server = stream_socket_server("unix://$path");
printf("no mode: %o\n", fileperms($path) & 07777);
var_dump(fastsock_info($server)['mode']);
fclose($server);
unlink($path);
--EXPECT--
unix: 660
bool(true)
bool(true)
udg: 604
no mode: 700
NULL
