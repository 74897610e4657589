--TEST--
system calls: with fastsock a blocking fread() after stream_select() said the data is there is one recvfrom(); without that hint it polls first, as stock
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

/* The server accepts one connection and reads two messages from it: the
 * first after stream_select() reported it readable, the second straight
 * away, blocking, before the client has sent it. */
function traced_connection(int $enable): array
{
	$trace = tempnam(sys_get_temp_dir(), "fastsock-test-strace-");
	$server = new FsServer(<<<'PHP'
<?php
$server = stream_socket_server("tcp://127.0.0.1:0");
echo "ready ", stream_socket_get_name($server, false), "\n";
$conn = stream_socket_accept($server, 5);
$r = [$conn];
$w = $e = null;
stream_select($r, $w, $e, 5);
$first = fread($conn, 100);
fwrite($conn, "reply: $first");
$second = fread($conn, 100);
fwrite($conn, "reply: $second");
fclose($conn);
PHP, ["fastsock.enable" => $enable], 10,
		["strace", "-f", "-qq", "-e", "trace=poll,ppoll,select,pselect6,epoll_ctl,epoll_wait,epoll_pwait2,recvfrom,read,accept,accept4,sendto,close", "-o", $trace]);
	$client = stream_socket_client("tcp://" . substr($server->first_line, strlen("ready ")), $errno, $errstr, 5);
	stream_set_timeout($client, 5);
	fwrite($client, "one\n");
	echo fgets($client);
	fwrite($client, "two\n");
	echo fgets($client);
	$server->output();
	$server->stop();
	$calls = fs_trace_connection_calls(file_get_contents($trace));
	unlink($trace);
	return $calls;
}

$stock = traced_connection(0);
$fastsock = traced_connection(1);
echo "stock:    ", implode(', ', $stock), "\n";
echo "fastsock: ", implode(', ', $fastsock), "\n";
--EXPECT--
reply: one
reply: two
reply: one
reply: two
stock:    accept, select, poll, recvfrom, sendto, poll, recvfrom, sendto, close
fastsock: accept4 SOCK_CLOEXEC, epoll_ctl ADD, epoll_wait, recvfrom, sendto, poll, recvfrom, sendto, close
