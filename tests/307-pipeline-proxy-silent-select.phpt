--TEST--
A stream_select() echo server expecting PROXY headers from 127.0.0.1, with 5 silent trusted peers connected: a client connected before them gets its echo, and a new proxied client is served with the address its header gives, each within 2 s (before the pipeline: 3 s per silent peer); the silent ones are dropped after proxy_timeout and counted, never reaching the script
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';
require __DIR__ . '/fixtures/proxy.inc';

$server = new FsServer(<<<'PHP'
<?php
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	stream_context_create(['fastsock' => ['proxy_protocol' => true, 'proxy_from' => '127.0.0.1', 'proxy_timeout' => 2]]));
echo 'ready ', stream_socket_get_name($server, false), "\n";
$clients = [];
$accepted = 0;
for (;;) {
	$r = array_merge([$server], $clients);
	$w = $e = null;
	if (stream_select($r, $w, $e, null) === false) {
		break;
	}
	foreach ($r as $s) {
		if ($s === $server) {
			$c = stream_socket_accept($server, 0, $peer);
			if ($c) {
				$accepted++;
				$clients[$peer] = $c;
			}
			continue;
		}
		$line = fgets($s);
		if ($line === false) {
			unset($clients[array_search($s, $clients, true)]);
			fclose($s);
		} elseif ($line === "stats\n") {
			$st = fastsock_stats();
			fwrite($s, "accepted $accepted, proxy_timeouts {$st['proxy_timeouts']}\n");
		} else {
			fwrite($s, 'echo to ' . array_search($s, $clients, true) . ': ' . $line);
		}
	}
}
PHP);
$address = substr($server->first_line, strlen('ready '));
$connect = function (string $header) use ($address) {
	$c = stream_socket_client("tcp://$address", $errno, $errstr, 5);
	fwrite($c, $header);
	stream_set_timeout($c, 10);
	return $c;
};

$before = $connect(pp_v1('TCP4', '192.0.2.1', '192.0.2.9', 1111, 80));
fwrite($before, "first\n");
echo 'client before them: ', fgets($before);
$silent = [];
for ($i = 0; $i < 5; $i++) {
	$silent[] = stream_socket_client("tcp://$address", $errno, $errstr, 5);
}
$start = microtime(true);
fwrite($before, "again\n");
echo 'client before them: ', trim(fgets($before)), ', within 2 s: ', var_export(microtime(true) - $start < 2, true), "\n";
$start = microtime(true);
$new = $connect(pp_v1('TCP4', '192.0.2.2', '192.0.2.9', 2222, 80) . "hello\n");
echo 'new client: ', trim(fgets($new)), ', within 2 s: ', var_export(microtime(true) - $start < 2, true), "\n";
/* proxy_timeout is 2 s: the silent peers are closed by then. */
foreach ($silent as $c) {
	stream_set_timeout($c, 5);
	echo 'silent peer closed: ', var_export(fread($c, 1) === '' && feof($c), true), "\n";
}
fwrite($new, "stats\n");
echo fgets($new);
$server->stop();
?>
--EXPECT--
client before them: echo to 192.0.2.1:1111: first
client before them: echo to 192.0.2.1:1111: again, within 2 s: true
new client: echo to 192.0.2.2:2222: hello, within 2 s: true
silent peer closed: true
silent peer closed: true
silent peer closed: true
silent peer closed: true
silent peer closed: true
accepted 2, proxy_timeouts 5
