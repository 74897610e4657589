--TEST--
select (epoll set): with 100 streams and a listener watched and nothing changed since the last call, a stream_select() call with something ready makes one epoll_wait(), no epoll_ctl(), no poll() and no getpid() (strace); with nothing ready it waits in ppoll() on the epoll descriptor; the first call registers each descriptor once; fastsock.select_epoll=0 polls
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
 * file_exists() calls (access()) on paths that do not exist, before and
 * after it. */
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
$server = stream_socket_server("tcp://127.0.0.1:0");
$n = null;
$results = [];
for ($call = 0; $call < 6; $call++) {
    if ($call === 4) {
        fread($streams[50], 1);
    }
    file_exists("/fastsock-marker-$call");
    $r = $streams;
    $r[] = $server;
    $ready = stream_select($r, $n, $n, $call < 4 ? 5 : 0, $call < 4 ? 0 : 20000);
    file_exists("/fastsock-marker-end");
    $results[] = $ready . ':' . implode(',', array_keys($r));
}
echo implode(' ', $results), "\n";
PHP, ["fastsock.select_epoll" => $epoll], 10,
		["strace", "-f", "-qq", "-e", "trace=epoll_create1,epoll_ctl,epoll_wait,epoll_pwait,epoll_pwait2,poll,ppoll,getpid,access,newfstatat,stat,statx", "-o", $trace]);
	echo "select_epoll=$epoll: ", trim($server->output());
	$server->stop();
	$calls = [];
	$call = null;
	foreach (file($trace) as $line) {
		if (preg_match('~"/fastsock-marker-(\d+|end)"~', $line, $m)) {
			$call = $m[1] === "end" ? null : (int) $m[1];
			if ($call !== null) {
				$calls[$call] = [];
			}
			continue;
		}
		if ($call !== null && preg_match('/^(?:\d+\s+)?(epoll_\w+|poll|ppoll|getpid)\(/', $line, $m)) {
			$calls[$call][$m[1]] = ($calls[$call][$m[1]] ?? 0) + 1;
		}
	}
	unlink($trace);
	echo "\n";
	foreach ($calls as $i => $kinds) {
		if ($i < 6) {
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
select_epoll=1: 1:50 1:50 1:50 1:50 0: 0:
  call 0: {"epoll_create1":1,"epoll_ctl":101,"epoll_wait":1}
  call 1: {"epoll_wait":1}
  call 2: {"epoll_wait":1}
  call 3: {"epoll_wait":1}
  call 4: {"epoll_wait":1,"ppoll":1}
  call 5: {"epoll_wait":1,"ppoll":1}
select_epoll=0: 1:50 1:50 1:50 1:50 0: 0:
  call 0: {"ppoll":1}
  call 1: {"ppoll":1}
  call 2: {"ppoll":1}
  call 3: {"ppoll":1}
  call 4: {"ppoll":1}
  call 5: {"ppoll":1}
