--TEST--
system calls: fastsock accepts with accept4(SOCK_CLOEXEC), so accepted sockets do not leak into child processes
--EXTENSIONS--
fastsock
--SKIPIF--
<?php
require __DIR__ . "/fixtures/harness.inc";
if (PHP_OS_FAMILY !== "Linux") die("skip Linux only: strace");
if (!fs_strace_usable()) die("skip strace is not installed or ptrace is not permitted here");
?>
--FILE--
<?php
require __DIR__ . "/fixtures/harness.inc";

/* The server accepts one connection, waits (blocking MSG_PEEK) until the
 * message is there, then reads it with one fread() and answers. */
function traced_connection(int $enable): array
{
	$trace = tempnam(sys_get_temp_dir(), "fastsock-test-strace-");
	$server = new FsServer(<<<'PHP'
<?php
$server = stream_socket_server("tcp://127.0.0.1:0");
echo "ready ", stream_socket_get_name($server, false), "\n";
$conn = stream_socket_accept($server, 5);
stream_socket_recvfrom($conn, 1, STREAM_PEEK);
$msg = fread($conn, 100);
fwrite($conn, "reply: $msg");
fclose($conn);
PHP, ["fastsock.enable" => $enable], 10,
		["strace", "-f", "-qq", "-e", "trace=poll,ppoll,recvfrom,read,accept,accept4,sendto,close", "-o", $trace]);
	$client = stream_socket_client("tcp://" . substr($server->first_line, strlen("ready ")), $errno, $errstr, 5);
	stream_set_timeout($client, 5);
	fwrite($client, "hello\n");
	echo fgets($client);
	$server->output();
	$server->stop();
	$calls = fs_trace_connection_calls(file_get_contents($trace));
	unlink($trace);
	return $calls;
}

echo traced_connection(1)[0], "\n";
--EXPECT--
reply: hello
accept4 SOCK_CLOEXEC
