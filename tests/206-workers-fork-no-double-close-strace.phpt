--TEST--
workers: after pcntl_fork() each process closes its copy of the shared listener exactly once and none calls shutdown() on it (which would stop it listening for all), as on stock (strace -f)
--EXTENSIONS--
fastsock
pcntl
--SKIPIF--
<?php
require __DIR__ . '/fixtures/harness.inc';
if (PHP_OS_FAMILY !== 'Linux') die('skip Linux only: strace');
if (!fs_strace_usable()) die('skip strace is not installed or ptrace is not permitted here');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/workers.inc';

/* The children write their pid on each connection, then end if it sends
 * "quit" (one connection at a time, held until the client's line); the parent
 * closes its copy of the listener right after forking, then waits. */
function traced(int $enable): string
{
	$trace = tempnam(sys_get_temp_dir(), 'fastsock-test-strace-');
	$server = new FsServer(<<<'PHP'
<?php
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$address = stream_socket_get_name($server, false);
$children = [];
for ($i = 0; $i < 2; $i++) {
	$pid = pcntl_fork();
	if ($pid === 0) {
		while ($conn = stream_socket_accept($server, 10)) {
			fwrite($conn, getmypid() . "\n");
			$quit = rtrim((string) fgets($conn)) === 'quit';
			fclose($conn);
			if ($quit) {
				exit(0);
			}
		}
		exit(1);
	}
	$children[] = $pid;
}
fclose($server);
echo "ready $address " . implode(' ', $children) . "\n";
foreach ($children as $pid) {
	pcntl_waitpid($pid, $status);
}
PHP, ['fastsock.enable' => $enable], 10,
		['strace', '-f', '-qq', '-e', 'trace=listen,close,shutdown', '-o', $trace]);
	[, $address, $pids] = explode(' ', $server->first_line, 3);
	$pids = array_map('intval', explode(' ', $pids));
	$out = fs_describe_held(fs_hold_one_per_worker("tcp://$address", $pids), $pids) . "\n";
	$quit = fs_connect_until_all_answer("tcp://$address", $pids, 50, "quit\n");
	$server->output();
	$server->stop();

	/* A call another process's call interrupted is split in two lines:
	 * "close(5 <unfinished ...>", then "<... close resumed>) = 0". */
	$listener = $parent = null;
	$calls = [];
	foreach (file($trace, FILE_IGNORE_NEW_LINES) as $line) {
		if (preg_match('/^(\d+)\s+listen\((\d+),/', $line, $m)) {
			[$parent, $listener] = [(int) $m[1], $m[2]];
		} elseif ($listener !== null && preg_match('/^(\d+)\s+(close|shutdown)\((\d+)(?:[,)]| <unfinished)/', $line, $m) && $m[3] === $listener) {
			$calls[(int) $m[1]][] = $m[2];
		}
	}
	unlink($trace);
	foreach (['parent' => $parent, 'child 1' => $pids[0], 'child 2' => $pids[1]] as $who => $pid) {
		$out .= "$who: " . implode(', ', $calls[$pid] ?? ['nothing']) . "\n";
	}
	return $out;
}

$stock = traced(0);
$fastsock = traced(1);
echo $stock === $fastsock ? "same\n$fastsock" : "DIFFERENT\n--- stock\n$stock--- fastsock\n$fastsock";
?>
--EXPECT--
same
2 of 2 workers held a connection each at once; 200 more connects, nobody else answered
parent: close
child 1: close
child 2: close
