--TEST--
Out of descriptors (EMFILE), a stream_select() accept loop does not spin: stock's warning text ("Accept failed: Too many open files") comes at a bounded rate (under 100 in 1.5 s; stock: thousands) and costs little CPU, and once descriptors are free again every waiting client is served
--EXTENSIONS--
fastsock
posix
--SKIPIF--
<?php
if (!is_dir('/proc/self/fd')) die("skip needs /proc/self/fd");
if (getenv('USE_ZEND_ALLOC') === '0' && !getenv('SKIP_ASAN')) die("skip under valgrind (run-tests -m)");
?>
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$code = <<<'PHP'
<?php
$server = stream_socket_server('tcp://127.0.0.1:0');
$address = stream_socket_get_name($server, false);
$clients = [];
for ($i = 0; $i < 10; $i++) {
	$clients[] = stream_socket_client("tcp://$address");
}
$limits = posix_getrlimit();
$highest = max(array_map('intval', array_diff(scandir('/proc/self/fd'), ['.', '..'])));
posix_setrlimit(POSIX_RLIMIT_NOFILE, $highest + 4, (int) $limits['hard openfiles']);
$hold = [];
while ($f = @fopen('/dev/null', 'r')) {
	$hold[] = $f;
}
$warnings = [];
set_error_handler(function ($no, $message) use (&$warnings) {
	$warnings[$message] = ($warnings[$message] ?? 0) + 1;
	return true;
});
$conns = [];
$start = microtime(true);
$usage = getrusage();
$cpu = fn ($u) => $u['ru_utime.tv_sec'] + $u['ru_utime.tv_usec'] / 1e6 + $u['ru_stime.tv_sec'] + $u['ru_stime.tv_usec'] / 1e6;
$starved = null;
while (microtime(true) - $start < 4 && count($conns) < 10) {
	if ($starved === null && microtime(true) - $start >= 1.5) {
		$starved = [$cpu(getrusage()) - $cpu($usage), array_sum($warnings)];
		$hold = [];
		posix_setrlimit(POSIX_RLIMIT_NOFILE, (int) $limits['soft openfiles'], (int) $limits['hard openfiles']);
	}
	$r = [$server];
	$w = $e = null;
	if (stream_select($r, $w, $e, 0, 200000) > 0 && ($c = stream_socket_accept($server, 0))) {
		fwrite($c, "hi\n");
		$conns[] = $c;
	}
}
restore_error_handler();
echo 'warning: ', implode(', ', array_keys($warnings)), "\n";
echo 'while starved: under 100 warnings: ', var_export($starved[1] < 100, true),
	', under 0.5 s of CPU: ', var_export($starved[0] < 0.5, true), "\n";
$got = 0;
foreach ($clients as $c) {
	stream_set_timeout($c, 2);
	$got += fgets($c) === "hi\n";
}
echo "clients served: $got\n";
echo 'accept_backoffs counted: ', var_export(function_exists('fastsock_stats') && fastsock_stats()['accept_backoffs'] > 0, true), "\n";
PHP;
$runs = ['stock' => fs_run($code, ['extension' => 'posix', 'fastsock.enable' => 0]),
	'fastsock' => fs_run($code, ['extension' => 'posix'])];
foreach ($runs as $name => $out) {
	echo "--- $name\n", $out;
}
?>
--EXPECT--
--- stock
warning: stream_socket_accept(): Accept failed: Too many open files
while starved: under 100 warnings: false, under 0.5 s of CPU: false
clients served: 10
accept_backoffs counted: false
--- fastsock
warning: stream_socket_accept(): Accept failed: Too many open files
while starved: under 100 warnings: true, under 0.5 s of CPU: true
clients served: 10
accept_backoffs counted: true
