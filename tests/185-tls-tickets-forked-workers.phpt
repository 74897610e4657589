--TEST--
TLS session tickets shared by workers forked with pcntl_fork() from one tls:// server: after one full handshake, 50 reconnects of openssl s_client -sess_in, served by the two workers in turn, all resume on TLS 1.2 and TLS 1.3 (stock: none)
--EXTENSIONS--
fastsock
openssl
pcntl
--SKIPIF--
<?php
if (!is_executable('/usr/bin/openssl')) die('skip needs the openssl command');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

const RECONNECTS = 50;

$certs = new TlsCerts();
$certs->make('server', 'localhost');
/*
 * Two workers forked after the server was made, passing a token through a
 * socket pair so that they accept in turn (worker 0 the first connection,
 * then 1, 0, 1, ...): both serve, whatever the scheduling. Each reports,
 * through its own socket pair, what it served; the parent prints that once
 * both exited. The reply names the worker.
 */
$code = <<<'PHP'
<?php
const CONNECTIONS = 1 + RECONNECTS_VALUE;
$parent = getmypid();
$on = (bool) ini_get('fastsock.enable');
$server = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem']));
$token = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$workers = [];
for ($w = 0; $w < 2; $w++) {
	$report = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
	$pid = pcntl_fork();
	if ($pid === 0) {
		$mine = $token[$w];
		stream_set_timeout($mine, 20);
		$served = $resumed = 0;
		for ($i = $w; $i < CONNECTIONS; $i += 2) {
			if ($i > 0 && fread($mine, 1) !== 't') {
				break;
			}
			$conn = stream_socket_accept($server, 10);
			if (!$conn) {
				break;
			}
			fwrite($conn, "hello from worker $w\n");
			$served++;
			$resumed += $on && fastsock_info($conn)['tls']['resumed'] ? 1 : 0;
			while (fgets($conn) !== false) {
			}
			fclose($conn);
			fwrite($mine, 't');
		}
		$fastsock = (extension_loaded('fastsock') ? 'fastsock loaded' : 'fastsock missing')
			. ($on ? ', on, keys ' . fastsock_info($server)['tls']['ticket_keys'] : ', off');
		fwrite($report[1], "  worker $w (" . (getmypid() !== $parent ? 'a child' : 'the parent') . ", $fastsock): served $served"
			. ($on ? ", resumed $resumed" : '') . "\n");
		exit(0);
	}
	$workers[$w] = [$pid, $report[0]];
}
echo 'ready ', stream_socket_get_name($server, false), "\n";
foreach ($workers as [$pid, $report]) {
	pcntl_waitpid($pid, $status);
	stream_set_timeout($report, 5);
	echo stream_get_contents($report);
}
PHP;
$code = str_replace('RECONNECTS_VALUE', (string) RECONNECTS, $code);

foreach (['-tls1_2' => 'TLS 1.2', '-tls1_3' => 'TLS 1.3'] as $version => $label) {
	foreach (['stock' => 0, 'fastsock' => 1] as $mode => $enable) {
		$server = tls_server($certs, $code, ['fastsock.enable' => $enable]);
		$address = tls_address($server);
		$session = $certs->path("$mode.sess");
		$said = $by = [];
		$deadline = microtime(true) + 120;
		for ($i = 0; $i <= RECONNECTS && microtime(true) < $deadline; $i++) {
			$out = tls_s_client($address, [$version, $i === 0 ? '-sess_out' : '-sess_in', $session], '', 'hello');
			$state = preg_match('/^(New|Reused), /m', $out, $m) ? $m[1] : '?';
			$worker = preg_match('/^hello from worker (\d)/m', $out, $m) ? "worker $m[1]" : 'no reply';
			if ($i === 0) {
				echo "$label, $mode: first connection $state, $worker\n";
				continue;
			}
			$said[$state] = ($said[$state] ?? 0) + 1;
			$by[$worker] = ($by[$worker] ?? 0) + 1;
		}
		ksort($said);
		ksort($by);
		echo '  ', RECONNECTS, ' reconnects: ', json_encode($said), ', replies: ', json_encode($by), "\n";
		echo tls_server_output($certs, $server, 30);
		@unlink($session);
	}
}
--EXPECT--
TLS 1.2, stock: first connection New, worker 0
  50 reconnects: {"New":50}, replies: {"worker 0":25,"worker 1":25}
  worker 0 (a child, fastsock loaded, off): served 26
  worker 1 (a child, fastsock loaded, off): served 25
TLS 1.2, fastsock: first connection New, worker 0
  50 reconnects: {"Reused":50}, replies: {"worker 0":25,"worker 1":25}
  worker 0 (a child, fastsock loaded, on, keys generated): served 26, resumed 25
  worker 1 (a child, fastsock loaded, on, keys generated): served 25, resumed 25
TLS 1.3, stock: first connection New, worker 0
  50 reconnects: {"New":50}, replies: {"worker 0":25,"worker 1":25}
  worker 0 (a child, fastsock loaded, off): served 26
  worker 1 (a child, fastsock loaded, off): served 25
TLS 1.3, fastsock: first connection New, worker 0
  50 reconnects: {"Reused":50}, replies: {"worker 0":25,"worker 1":25}
  worker 0 (a child, fastsock loaded, on, keys generated): served 26, resumed 25
  worker 1 (a child, fastsock loaded, on, keys generated): served 25, resumed 25
