--TEST--
workers: examples/workers.sh 2 on a udp:// server: both copies bind the port with SO_REUSEPORT and datagrams from different client sockets reach both (with SO_REUSEADDR alone, which stock sets, one socket would get them all)
--EXTENSIONS--
fastsock
--SKIPIF--
<?php
if (PHP_OS_FAMILY !== 'Linux') die('skip Linux only: SO_REUSEPORT spreads datagrams there');
if (trim((string) shell_exec('command -v bash 2>/dev/null')) === '') die('skip needs bash for examples/workers.sh');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/workers.inc';

$port = new FsPort('udp');
$launcher = new FsLauncher(2, <<<'PHP'
<?php
$server = stream_socket_server('udp://127.0.0.1:' . $argv[1], $errno, $errstr, STREAM_SERVER_BIND);
echo 'ready ' . getmypid() . ' so_reuseport ' . fastsock_info($server)['kernel']['so_reuseport'] . "\n";
while (true) {
	if (stream_socket_recvfrom($server, 100, 0, $peer) !== false) {
		stream_socket_sendto($server, getmypid() . "\n", 0, $peer);
	}
}
PHP, [(string) $port->port]);
$ready = $launcher->lines(2);
echo implode("\n", preg_replace('/^ready \d+/', 'ready PID', $ready)), "\n";
$pids = fs_ready_pids($ready);
echo fs_describe_spread(fs_connect_until_all_answer("udp://127.0.0.1:$port->port", $pids), $pids), "\n";
[$out, $rc] = $launcher->stop(SIGTERM);
echo "launcher printed \"$out\", proc_close(): $rc\n";
?>
--EXPECT--
ready PID so_reuseport 1
ready PID so_reuseport 1
2 of 2 workers answered within 200 connects, nobody else did
launcher printed "", proc_close(): 15
