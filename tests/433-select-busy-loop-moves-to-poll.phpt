--TEST--
select (epoll set or poll): a loop whose streams are all ready call after call moves to poll() and closes its epoll set; once few are ready it moves back to a new epoll set; the answers never change (strace)
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

$trace = tempnam(sys_get_temp_dir(), "fastsock-test-strace-");
$server = new FsServer(<<<'PHP'
<?php
echo "ready\n";
$streams = $peers = [];
for ($i = 0; $i < 100; $i++) {
    [$streams[], $peers[]] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
}
$n = null;
$answers = [];
/* Phase 1: every stream readable, 60 calls. Phase 2: one of them, 60 calls. */
foreach ([1 => range(0, 99), 2 => [42]] as $phase => $ready) {
    foreach ($ready as $i) {
        fwrite($peers[$i], 'x');
    }
    for ($call = 0; $call < 60; $call++) {
        file_exists("/fastsock-marker-$phase-$call");
        $r = $streams;
        $answers[$phase][] = stream_select($r, $n, $n, 0) . ':' . count($r);
        file_exists("/fastsock-marker-end");
    }
    foreach ($ready as $i) {
        fread($streams[$i], 1);
    }
    echo "phase $phase: ", implode(' ', array_unique($answers[$phase])), "\n";
}
PHP, [], 20, ["strace", "-f", "-qq", "-e", "trace=epoll_create1,epoll_ctl,epoll_wait,ppoll,poll,close,access,newfstatat,stat,statx", "-o", $trace]);
echo trim($server->output()), "\n";
$server->stop();

/* Per phase: the waits of the first call and of the last ten, and
 * whether any call of the phase made an epoll set. */
$calls = [];
$call = null;
foreach (file($trace) as $line) {
    if (preg_match('~"/fastsock-marker-(\d)-(\d+)"~', $line, $m)) {
        $call = [(int) $m[1], (int) $m[2]];
        continue;
    }
    if (str_contains($line, '"/fastsock-marker-end"')) {
        $call = null;
        continue;
    }
    if ($call !== null && preg_match('/^(?:\d+\s+)?(epoll_create1|epoll_wait|ppoll|poll)\(/', $line, $m)) {
        $calls[$call[0]][$call[1] === 0 ? 'first' : ($call[1] >= 50 ? 'last ten' : 'between')][$m[1]] = true;
        $calls[$call[0]]['any'][$m[1]] = true;
    }
}
unlink($trace);
foreach ([1, 2] as $phase) {
    foreach (['first', 'last ten'] as $when) {
        $kinds = array_keys($calls[$phase][$when] ?? []);
        sort($kinds);
        echo "phase $phase, $when: ", implode(', ', $kinds), "\n";
    }
    echo "phase $phase made an epoll set: ", var_export(isset($calls[$phase]['any']['epoll_create1']), true), "\n";
}
?>
--EXPECT--
phase 1: 100:100
phase 2: 1:1
phase 1, first: epoll_create1, epoll_wait
phase 1, last ten: ppoll
phase 1 made an epoll set: true
phase 2, first: ppoll
phase 2, last ten: epoll_wait
phase 2 made an epoll set: true
