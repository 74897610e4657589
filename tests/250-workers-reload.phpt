--TEST--
workers: examples/workers.sh -l tcp://127.0.0.1:P 2 binds the port itself and passes it to its copies, which adopt it; SIGHUP starts 2 new copies on the same socket, and once they are ready the old ones end (by SIGTERM, graceful_stop); then only the new ones answer; SIGTERM stops everything and the port closes
--EXTENSIONS--
fastsock
pcntl
--SKIPIF--
<?php
if (PHP_OS_FAMILY !== 'Linux') die('skip Linux only');
if (trim((string) shell_exec('command -v bash 2>/dev/null')) === '') die('skip needs bash for examples/workers.sh');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/activation.inc';

$port = fs_free_port();
$launcher = new FsLauncher(2, <<<'PHP'
<?php
$server = stream_socket_server('tcp://127.0.0.1:' . $argv[1], $errno, $errstr);
if (!$server) {
	echo 'worker ' . getenv('WORKER') . " failed: $errstr\n";
	exit(1);
}
$info = fastsock_info($server);
echo 'ready ' . getmypid() . ' worker ' . getenv('WORKER') . ' activated ' . json_encode($info['activated']) . "\n";
while (true) {
	$conn = @stream_socket_accept($server, -1);
	if ($conn) {
		fwrite($conn, getmypid() . "\n");
		fgets($conn);
		fclose($conn);
	}
}
PHP, [(string) $port], [], ['-l', "tcp://127.0.0.1:$port"]);

function shown(array $lines): string
{
	$lines = preg_replace(['/^ready \d+/', '/pids \d+ \d+/'], ['ready PID', 'pids P P'], $lines);
	sort($lines);
	return implode("\n", $lines) . "\n";
}

$ready = $launcher->lines(2);
echo shown($ready);
$old = fs_ready_pids($ready);
echo fs_describe_held(fs_hold_one_per_worker("tcp://127.0.0.1:$port", $old), $old), "\n";

echo "--- SIGHUP\n";
proc_terminate($launcher->proc, SIGHUP);
$lines = $launcher->lines(3);
echo shown(str_replace(fs_launcher_path(), 'workers.sh', $lines));
$new = fs_ready_pids($lines);
/* They end at SIGTERM, idle in accept: wait (bounded) to see it. */
fs_wait_gone($old);
foreach ($old as $n => $pid) {
	echo 'old worker ', $n + 1, fs_running($pid) ? ' still running' : ' gone', "\n";
}
echo fs_describe_held(fs_hold_one_per_worker("tcp://127.0.0.1:$port", $new), $new), "\n";

echo "--- SIGTERM\n";
[$out, $rc] = $launcher->stop(SIGTERM);
echo "the launcher printed: \"$out\", proc_close(): $rc\n";
foreach ($new as $n => $pid) {
	echo 'worker ', $n + 1, fs_running($pid) ? ' still running' : ' gone', "\n";
}
$client = @stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 1);
echo 'connect after the stop: ', $client ? 'accepted?!' : $errstr, "\n";
?>
--EXPECT--
ready PID worker 1 activated {"fd":3,"name":null,"not_applied":["backlog","reuseport"]}
ready PID worker 2 activated {"fd":3,"name":null,"not_applied":["backlog","reuseport"]}
2 of 2 workers held a connection each at once; 200 more connects, nobody else answered
--- SIGHUP
ready PID worker 1 activated {"fd":3,"name":null,"not_applied":["backlog","reuseport"]}
ready PID worker 2 activated {"fd":3,"name":null,"not_applied":["backlog","reuseport"]}
workers.sh: reload: 2 new copies ready (pids P P); stopping the old ones (pids P P)
old worker 1 gone
old worker 2 gone
2 of 2 workers held a connection each at once; 200 more connects, nobody else answered
--- SIGTERM
the launcher printed: "", proc_close(): 15
worker 1 gone
worker 2 gone
connect after the stop: Connection refused
