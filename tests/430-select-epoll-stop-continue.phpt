--TEST--
select: a stop and continue (SIGSTOP, SIGCONT) while a server waits in stream_select() does not end the wait, as with stock (epoll_wait() itself would fail with EINTR); the server then serves on, on the epoll set and on poll()
--SKIPIF--
<?php
if (PHP_OS_FAMILY !== "Linux") die("skip Linux only: /proc/PID/stat");
?>
--FILE--
<?php
require __DIR__ . "/fixtures/harness.inc";

/* The state letter of a process in /proc (S sleeping, T stopped). */
function proc_state(int $pid): string
{
	$stat = (string) @file_get_contents("/proc/$pid/stat");
	return preg_match('/\) (\S)/', $stat, $m) ? $m[1] : "?";
}

function wait_state(int $pid, string $state): bool
{
	for ($i = 0; $i < 2000 && proc_state($pid) !== $state; $i++) {
		usleep(1000);
	}
	return proc_state($pid) === $state;
}

function echo_once($client, string $message): string
{
	fwrite($client, $message);
	$r = [$client];
	$w = $e = null;
	return stream_select($r, $w, $e, 5) === 1 ? (string) fread($client, 100) : "(no answer)";
}

$code = <<<'PHP'
<?php
$server = stream_socket_server("tcp://127.0.0.1:0");
echo "ready ", stream_socket_get_name($server, false), "\n";
$clients = [];
$failed = 0;
while (true) {
    $read = $clients;
    $read[] = $server;
    $w = $e = null;
    if (stream_select($read, $w, $e, null) === false) {
        $failed++;
        continue;
    }
    foreach ($read as $s) {
        if ($s === $server) {
            $clients[] = stream_socket_accept($server);
            continue;
        }
        $data = fread($s, 100);
        if ($data === "quit") {
            echo ini_get("fastsock.enable") ? "fastsock" : "stock", ", failed selects: $failed\n";
            exit;
        }
        fwrite($s, $data);
    }
}
PHP;

foreach ([["fastsock.enable" => 0], ["fastsock.select_epoll" => 1], ["fastsock.select_epoll" => 0]] as $ini) {
	$server = new FsServer($code, $ini);
	$address = "tcp://" . substr($server->first_line, strlen("ready "));
	$pid = $server->pid();
	$one = stream_socket_client($address);
	$answers = [echo_once($one, "a")];
	/* In its wait again, then stopped and continued there. */
	$waiting = wait_state($pid, "S");
	stop_and_continue($server, $pid);
	$answers[] = echo_once($one, "b");
	$two = stream_socket_client($address);
	$answers[] = echo_once($two, "c");
	fwrite($one, "quit");
	echo json_encode($ini), ": waiting=", var_export($waiting, true), " ", implode(",", $answers), " ", trim($server->output());
	echo "\n";
	$server->stop();
}

/* SIGSTOP then SIGCONT through proc_terminate(), which needs no posix. */
function stop_and_continue(FsServer $server, int $pid): void
{
	proc_terminate($server->proc, 19);
	if (!wait_state($pid, "T")) {
		echo "not stopped\n";
	}
	proc_terminate($server->proc, 18);
	if (!wait_state($pid, "S")) {
		echo "not waiting again\n";
	}
}
?>
--EXPECT--
{"fastsock.enable":0}: waiting=true a,b,c stock, failed selects: 0
{"fastsock.select_epoll":1}: waiting=true a,b,c fastsock, failed selects: 0
{"fastsock.select_epoll":0}: waiting=true a,b,c fastsock, failed selects: 0
