--TEST--
workers: examples/workers.sh 2 on a tls:// server: both copies bind the port, serve TLS with fastsock (SO_REUSEPORT, fastsock's TLS counters) and complete handshakes with clients spread over both
--EXTENSIONS--
fastsock
openssl
--SKIPIF--
<?php
if (PHP_OS_FAMILY !== 'Linux') die('skip Linux only: SO_REUSEPORT spreads connections there');
if (trim((string) shell_exec('command -v bash 2>/dev/null')) === '') die('skip needs bash for examples/workers.sh');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/workers.inc';
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$pem = $certs->make('server', 'localhost');
$port = new FsPort();
/* "pid" is answered with the pid; "stats" with the pid and the copy's TLS
 * handshake counter, and that copy ends. */
$launcher = new FsLauncher(2, <<<'PHP'
<?php
$ctx = stream_context_create(['ssl' => ['local_cert' => $argv[2]]]);
$server = stream_socket_server('tls://127.0.0.1:' . $argv[1], $errno, $errstr,
	STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
echo 'ready ' . getmypid() . ' so_reuseport ' . fastsock_info($server)['kernel']['so_reuseport'] . "\n";
while (true) {
	$conn = @stream_socket_accept($server, -1);
	if (!$conn) {
		continue;
	}
	$request = rtrim((string) fgets($conn));
	$stats = fastsock_stats();
	fwrite($conn, getmypid() . ($request === 'stats' ? " handshakes {$stats['tls_handshakes_full']}" : '') . "\n");
	fclose($conn);
	if ($request === 'stats') {
		exit(0);
	}
}
PHP, [(string) $port->port, $pem]);
$ready = $launcher->lines(2);
$port->release();
echo implode("\n", preg_replace('/^ready \d+/', 'ready PID', $ready)), "\n";
$pids = fs_ready_pids($ready);

$client_ctx = stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]);
$seen = fs_connect_until_all_answer("tls://127.0.0.1:$port->port", $pids, 200, "pid\n", $client_ctx);
echo fs_describe_spread($seen, $pids), "\n";

/* Each copy's handshakes, including the one of its "stats" connection. */
$handshakes = 0;
$stats = [];
for ($i = 0; $i < 50 && count($stats) < 2; $i++) {
	$client = @stream_socket_client("tls://127.0.0.1:$port->port", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $client_ctx);
	if ($client) {
		fwrite($client, "stats\n");
		if (preg_match('/^(\d+) handshakes (\d+)$/', rtrim((string) fgets($client)), $m)) {
			$stats[$m[1]] = (int) $m[2];
		}
	}
}
echo 'both copies counted handshakes: ', var_export(count($stats) === 2 && min($stats) >= 1, true), "\n";
echo 'their sum is the number of connections: ',
	var_export(array_sum($stats) === array_sum($seen) + count($stats), true), "\n";
[$out, $rc] = $launcher->finish();
echo "launcher printed \"$out\", proc_close(): $rc\n";
?>
--EXPECT--
ready PID so_reuseport 1
ready PID so_reuseport 1
2 of 2 workers answered within 200 connects, nobody else did
both copies counted handshakes: true
their sum is the number of connections: true
launcher printed "", proc_close(): 0
