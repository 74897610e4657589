--TEST--
workers: examples/workers.sh 2 runs two copies of one script on one port (SO_REUSEPORT from -d fastsock.reuseport=1), connections reach both, SIGTERM to the launcher stops both and ends it
--EXTENSIONS--
fastsock
--SKIPIF--
<?php
if (PHP_OS_FAMILY !== 'Linux') die('skip Linux only: SO_REUSEPORT spreads connections there');
if (trim((string) shell_exec('command -v bash 2>/dev/null')) === '') die('skip needs bash for examples/workers.sh');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/workers.inc';

/* A server as users write it: nothing about fastsock or workers in it but
 * the ready line, which says whether fastsock gave its listener SO_REUSEPORT. */
$port = new FsPort();
$launcher = new FsLauncher(2, <<<'PHP'
<?php
$server = stream_socket_server('tcp://127.0.0.1:' . $argv[1], $errno, $errstr);
if (!$server) {
	echo 'worker ' . getenv('WORKER') . " failed: $errstr\n";
	exit(1);
}
/* One write: the copies share the pipe, and whole lines do not interleave. */
echo 'ready ' . getmypid() . ' worker ' . getenv('WORKER') . ' so_reuseport '
	. fastsock_info($server)['kernel']['so_reuseport'] . "\n";
while (true) {
	$conn = @stream_socket_accept($server, -1);
	if ($conn) {
		fwrite($conn, getmypid() . "\n");
		fclose($conn);
	}
}
PHP, [(string) $port->port]);

$ready = $launcher->lines(2);
$port->release();
$pids = fs_ready_pids($ready);
$shown = preg_replace('/^ready \d+/', 'ready PID', $ready);
sort($shown);
echo implode("\n", $shown), "\n";
var_dump(count(array_unique($pids)) === 2 && !in_array($launcher->pid(), $pids, true));

echo fs_describe_spread(fs_connect_until_all_answer("tcp://127.0.0.1:$port->port", $pids), $pids), "\n";

[$out, $rc] = $launcher->stop(SIGTERM);
echo "after SIGTERM the launcher printed: \"$out\"\n";
echo "proc_close(): $rc (", $rc === SIGTERM ? 'ended by SIGTERM' : 'not by SIGTERM', ")\n";
foreach ($pids as $i => $pid) {
	echo 'worker ', $i + 1, is_dir("/proc/$pid") ? ' still running' : ' gone', "\n";
}
$client = @stream_socket_client("tcp://127.0.0.1:$port->port", $errno, $errstr, 1);
echo 'connect after the stop: ', $client ? 'accepted?!' : $errstr, "\n";
?>
--EXPECT--
ready PID worker 1 so_reuseport 1
ready PID worker 2 so_reuseport 1
bool(true)
2 of 2 workers answered within 200 connects, nobody else did
after SIGTERM the launcher printed: ""
proc_close(): 15 (ended by SIGTERM)
worker 1 gone
worker 2 gone
connect after the stop: Connection refused
