--TEST--
mode: a bad mode (out of range, not a number, an array) warns that it is ignored; the unix server is created with the umask's mode and works
--EXTENSIONS--
fastsock
--SKIPIF--
<?php if (PHP_OS_FAMILY === "Windows") die("skip unix sockets"); ?>
--FILE--
<?php
/* Its own temp dir, and nothing left behind however the test ends. */
require __DIR__ . '/fixtures/harness.inc';
$path = sys_get_temp_dir() . '/fastsock-test-059-' . getmypid() . '.sock';
@unlink($path);
umask(0022);

foreach ([010000, -1, 'rw-rw----', [0660]] as $mode) {
	$ctx = stream_context_create(['fastsock' => ['mode' => $mode]]);
	$server = stream_socket_server("unix://$path", $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
	printf("mode %o, info mode %s\n", fileperms($path) & 07777, var_export(fastsock_info($server)['mode'], true));
	$client = stream_socket_client("unix://$path");
	var_dump(stream_socket_accept($server, 5) !== false);
	fclose($server);
	unlink($path);
}
--EXPECTF--
Warning: stream_socket_server(): Invalid fastsock context option "mode": 4096 is not accepted, expected a file mode from 0 to 0777, such as 0660 or "0660"; the option is ignored in %s on line %d
mode 755, info mode NULL
bool(true)

Warning: stream_socket_server(): Invalid fastsock context option "mode": -1 is not accepted, expected a file mode from 0 to 0777, such as 0660 or "0660"; the option is ignored in %s on line %d
mode 755, info mode NULL
bool(true)

Warning: stream_socket_server(): Invalid fastsock context option "mode": "rw-rw----" is not accepted, expected a file mode from 0 to 0777, such as 0660 or "0660"; the option is ignored in %s on line %d
mode 755, info mode NULL
bool(true)

Warning: stream_socket_server(): Invalid fastsock context option "mode": array is not accepted, expected a file mode from 0 to 0777, such as 0660 or "0660"; the option is ignored in %s on line %d
mode 755, info mode NULL
bool(true)
