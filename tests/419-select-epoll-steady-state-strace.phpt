--TEST--
select (epoll set): with 100 streams watched and nothing changed since the last call, a stream_select() call makes one epoll wait, no epoll_ctl() and no poll() (strace); the first call registers each descriptor once; fastsock.select_epoll=0 polls
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

/* The system calls of each stream_select() call, by kind, between marker
 * file_exists() calls (access()) on paths that do not exist. */
function traced_calls(int $epoll): array
{
	$trace = tempnam(sys_get_temp_dir(), "fastsock-test-strace-");
	$server = new FsServer(<<<'PHP'
<?php
echo "ready\n";
$streams = $peers = [];
for ($i = 0; $i < 100; $i++) {
    [$streams[], $peers[]] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
}
fwrite($peers[50], 'x');
$n = null;
$results = [];
for ($call = 0; $call < 4; $call++) {
    file_exists("/fastsock-marker-$call");
    $r = $streams;
    $results[] = stream_select($r, $n, $n, 5) . ':' . implode(',', array_keys($r));
}
file_exists("/fastsock-marker-$call");
echo implode(' ', $results), "\n";
PHP, ["fastsock.select_epoll" => $epoll], 10,
		["strace", "-f", "-qq", "-e", "trace=epoll_create1,epoll_ctl,epoll_wait,epoll_pwait,epoll_pwait2,poll,ppoll,access,newfstatat,stat,statx", "-o", $trace]);
	echo "select_epoll=$epoll: ", trim($server->output());
	$server->stop();
	$calls = [];
	$call = null;
	foreach (file($trace) as $line) {
		if (preg_match('~"/fastsock-marker-(\d+)"~', $line, $m)) {
			$call = (int) $m[1];
			$calls[$call] = [];
			continue;
		}
		if ($call !== null && preg_match('/^(?:\d+\s+)?(epoll_\w+|poll|ppoll)\(/', $line, $m)) {
			$calls[$call][$m[1]] = ($calls[$call][$m[1]] ?? 0) + 1;
		}
	}
	unlink($trace);
	echo "\n";
	foreach ($calls as $i => $kinds) {
		if ($i < 4) {
			ksort($kinds);
			echo "  call $i: ", json_encode($kinds), "\n";
		}
	}
	return $calls;
}

traced_calls(1);
traced_calls(0);
?>
--EXPECT--
select_epoll=1: 1:50 1:50 1:50 1:50
  call 0: {"epoll_create1":1,"epoll_ctl":100,"epoll_pwait2":1}
  call 1: {"epoll_pwait2":1}
  call 2: {"epoll_pwait2":1}
  call 3: {"epoll_pwait2":1}
select_epoll=0: 1:50 1:50 1:50 1:50
  call 0: {"ppoll":1}
  call 1: {"ppoll":1}
  call 2: {"ppoll":1}
  call 3: {"ppoll":1}
