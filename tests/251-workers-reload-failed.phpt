--TEST--
workers: a reload whose new copies fail leaves the old copies serving and says why: a new copy that exits, and copies not ready within WORKERS_READY_TIMEOUT (they are stopped); a later reload that works replaces the old copies
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

$mode = tempnam(sys_get_temp_dir(), 'fastsock-mode-');
$port = fs_free_port();
$launcher = new FsLauncher(2, <<<'PHP'
<?php
$mode = trim((string) file_get_contents(getenv('MODE_FILE')));
/* One new copy exits; the other, never ready, is stopped by the launcher
 * (when both exit, the second may be stopped before it says so). */
if ($mode === 'fail' && getenv('WORKER') === '2') {
	echo "failing on purpose\n";
	exit(3);
}
if ($mode === 'fail') {
	sleep(20);
}
if ($mode === 'slow') {
	echo 'slow ' . getmypid() . "\n";
	sleep(20);
}
$server = stream_socket_server('tcp://127.0.0.1:' . $argv[1], $errno, $errstr);
echo 'ready ' . getmypid() . "\n";
while (true) {
	$conn = @stream_socket_accept($server, -1);
	if ($conn) {
		fwrite($conn, getmypid() . "\n");
		fgets($conn);
		fclose($conn);
	}
}
PHP, [(string) $port], [], ['-l', "tcp://127.0.0.1:$port"], ['MODE_FILE' => $mode, 'WORKERS_READY_TIMEOUT' => '5']);

function shown(array $lines): string
{
	$lines = preg_replace(['/^(ready|slow) \d+/', '/pids [\d ]+/', '/worker (\d) \(pid \d+\)/'],
		['$1 PID', 'pids P P', 'worker $1 (pid P)'], str_replace(fs_launcher_path(), 'workers.sh', $lines));
	sort($lines);
	return implode("\n", $lines) . "\n";
}

$old = fs_ready_pids($launcher->lines(2));
echo count($old), " copies ready\n";

echo "--- a new copy exits\n";
file_put_contents($mode, 'fail');
proc_terminate($launcher->proc, SIGHUP);
echo shown($launcher->lines(2));
echo fs_describe_held(fs_hold_one_per_worker("tcp://127.0.0.1:$port", $old), $old), "\n";

echo "--- the new copies are not ready in time\n";
file_put_contents($mode, 'slow');
proc_terminate($launcher->proc, SIGHUP);
$lines = $launcher->lines(3);
$slow = array_map(fn ($l) => (int) substr($l, 5), preg_grep('/^slow /', $lines));
echo shown($lines);
fs_wait_gone($slow);
echo 'the slow copies: ', array_filter($slow, 'fs_running') ? 'still running' : 'stopped', "\n";
echo fs_describe_held(fs_hold_one_per_worker("tcp://127.0.0.1:$port", $old), $old), "\n";

echo "--- a reload that works\n";
file_put_contents($mode, '');
proc_terminate($launcher->proc, SIGHUP);
$lines = $launcher->lines(3);
echo shown($lines);
$new = fs_ready_pids($lines);
fs_wait_gone($old);
echo fs_describe_held(fs_hold_one_per_worker("tcp://127.0.0.1:$port", $new), $new), "\n";
[$out, $rc] = $launcher->stop(SIGTERM);
echo "after SIGTERM: \"$out\", proc_close(): $rc\n";
unlink($mode);
?>
--EXPECT--
2 copies ready
--- a new copy exits
failing on purpose
workers.sh: reload failed: new worker 2 (pid P) exited before it was ready; the old copies keep serving
2 of 2 workers held a connection each at once; 200 more connects, nobody else answered
--- the new copies are not ready in time
slow PID
slow PID
workers.sh: reload failed: not every new copy was ready within 5s (0 of 2 sent READY=1: fastsock sends it once a copy has adopted every socket passed to it, or without -l once its first server listens); the old copies keep serving
the slow copies: stopped
2 of 2 workers held a connection each at once; 200 more connects, nobody else answered
--- a reload that works
ready PID
ready PID
workers.sh: reload: 2 new copies ready (pids P P); stopping the old ones (pids P P)
2 of 2 workers held a connection each at once; 200 more connects, nobody else answered
after SIGTERM: "", proc_close(): 15
