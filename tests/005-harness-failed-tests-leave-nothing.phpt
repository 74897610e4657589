--TEST--
harness: a test that dies of a fatal error, or that run-tests kills at its timeout, leaves none of the processes it started (a server, its forked child, strace) and none of its files, under run-tests as make test runs it (php -n)
--EXTENSIONS--
fastsock
--SKIPIF--
<?php
if (PHP_OS_FAMILY !== 'Linux') die('skip Linux only: /proc');
if (!is_file(PHP_EXTENSION_DIR . '/build/run-tests.php') && !is_file(dirname(__DIR__) . '/run-tests.php')) die('skip no run-tests.php');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$run_tests = is_file(dirname(__DIR__) . '/run-tests.php') ? dirname(__DIR__) . '/run-tests.php'
	: PHP_EXTENSION_DIR . '/build/run-tests.php';
$work = sys_get_temp_dir() . '/fastsock-test-005-' . getmypid();
$inner_tmp = "$work/tmp";
$pids_dir = "$work/pids";
mkdir($inner_tmp, 0777, true);
mkdir($pids_dir);
chmod($inner_tmp, 01777);

/* Each inner test starts a server (under strace when it can) that forks a
 * child; both write their pid where this test finds them; the test keeps
 * a file in its temp dir; then it fails. */
$harness = var_export(__DIR__ . '/fixtures/harness.inc', true);
$strace = fs_strace_usable() ? "['strace', '-f', '-qq', '-o', '/dev/null']" : '[]';
$start = <<<PHP
require $harness;
file_put_contents(sys_get_temp_dir() . '/fastsock-test-kept', 'x');
\$server = new FsServer('<?php
\$s = stream_socket_server("tcp://127.0.0.1:0");
if (pcntl_fork() === 0) { file_put_contents("$pids_dir/" . getmypid(), "child"); sleep(60); exit; }
file_put_contents("$pids_dir/" . getmypid(), "server");
echo "ready\\n";
sleep(60);', [], 10, $strace);
echo \$server->first_line, "\\n";
for (\$i = 0; \$i < 100 && count(glob("$pids_dir/*")) < 2; \$i++) {
	usleep(50000);
}
PHP;
$tests = [
	'fatal' => "$start\nundefined_function_called_on_purpose();\n",
	'timeout' => "$start\nsleep(60);\n",
];
foreach ($tests as $name => $code) {
	file_put_contents("$work/$name.phpt", "--TEST--\n$name\n--FILE--\n<?php\n$code?>\n--EXPECT--\nnever\n");
}

/* run-tests as phpize's make test runs it: php -n, fastsock alone; a
 * 3 s timeout. The inner tests have no reaper of ours above them. */
$env = getenv();
unset($env['FASTSOCK_TEST_REAPER']);
$env['TMPDIR'] = $inner_tmp;
$env['TEST_PHP_EXECUTABLE'] = PHP_BINARY;
$env['NO_INTERACTION'] = '1';
$proc = proc_open([PHP_BINARY, '-n', $run_tests, '-n', '-d', 'extension=' . fs_extension_path(), '-d', 'pcre.jit=0',
	'--set-timeout', '3', '-q', "$work/fatal.phpt", "$work/timeout.phpt"],
	[0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes, $work, $env);
$out = fs_read_to_eof_bounded($pipes[1], 60);
fclose($pipes[1]);
proc_close($proc);
echo preg_match('/^Tests failed\s*:\s*2\b/m', $out) ? "both inner tests failed\n" : "inner run:\n$out\n";
echo str_contains((string) @file_get_contents("$work/timeout.out"), 'process timed out') ? "one timed out\n" : "none timed out\n";

/* The reapers act within a moment of the test's end. */
$pids = array_map('basename', glob("$pids_dir/*"));
/* A server and its child per run (run-tests may run a failed test twice). */
echo count($pids) >= 4 && count($pids) % 2 === 0 ? "each run started its server and the server's child\n"
	: count($pids) . " processes were started\n";
$deadline = microtime(true) + 5;
do {
	$alive = array_filter($pids, function ($pid) {
		$stat = @file_get_contents("/proc/$pid/stat");
		return $stat !== false && !preg_match('/^\d+ \(.*\) Z /s', $stat);
	});
	$left = array_merge(glob("$inner_tmp/*"), glob("$inner_tmp/.*[!.]"));
	if (!$alive && !$left) {
		break;
	}
	usleep(100000);
} while (microtime(true) < $deadline);
echo $alive ? 'left running: ' . implode(' ', $alive) . "\n" : "none left running\n";
echo $left ? 'left in the temp dir: ' . implode(' ', $left) . "\n" : "the temp dir is empty\n";

foreach ($alive as $pid) {
	kill_left((int) $pid);
}
exec('rm -rf ' . escapeshellarg($work));

function fs_read_to_eof_bounded($stream, float $timeout_s): string
{
	$out = '';
	$deadline = microtime(true) + $timeout_s;
	while (!feof($stream) && microtime(true) < $deadline) {
		$r = [$stream];
		$w = $e = null;
		if (stream_select($r, $w, $e, 1) > 0) {
			$out .= (string) fread($stream, 65536);
		}
	}
	return $out;
}

function kill_left(int $pid): void
{
	exec("kill -9 $pid 2>/dev/null");
}
?>
--EXPECT--
both inner tests failed
one timed out
each run started its server and the server's child
none left running
the temp dir is empty
