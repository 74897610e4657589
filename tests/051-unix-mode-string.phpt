--TEST--
mode: a string such as "0600" is read as octal, as chmod users write it
--EXTENSIONS--
fastsock
--SKIPIF--
<?php if (PHP_OS_FAMILY === "Windows") die("skip unix sockets"); ?>
--FILE--
<?php
/* Its own temp dir, and nothing left behind however the test ends. */
require __DIR__ . '/fixtures/harness.inc';
$path = sys_get_temp_dir() . '/fastsock-test-051-' . getmypid() . '.sock';
@unlink($path);
umask(0);

$ctx = stream_context_create(['fastsock' => ['mode' => '0600']]);
$server = stream_socket_server("unix://$path", $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
printf("%o\n", fileperms($path) & 07777);
printf("%o\n", fastsock_info($server)['mode']);
fclose($server);
unlink($path);
--EXPECT--
600
600
