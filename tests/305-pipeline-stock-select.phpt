--TEST--
fastsock.select=0 (stock stream_select()): the ssl:// echo server's accept still drives pending handshakes concurrently, so with 5 silent and 2 trickling clients queued ahead a real TLS client is answered within 2 s, and the silent ones' timed-out handshakes are reported, with stock's return value, by the accepts the script makes afterwards (stock's select() cannot see them)
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/hostile.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
$server = tls_server($certs, <<<'PHP'
<?php
$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem']));
stream_set_timeout($server, 2);
echo 'ready ', stream_socket_get_name($server, false), "\n";
echo 'select by fastsock: ', ini_get('fastsock.select'), "\n";
$clients = [];
$failed = 0;
$deadline = microtime(true) + 4;
while (microtime(true) < $deadline) {
	$r = array_merge([$server], $clients);
	$w = $e = null;
	if (!stream_select($r, $w, $e, 0, 200000)) {
		continue;
	}
	foreach ($r as $s) {
		if ($s === $server) {
			$c = @stream_socket_accept($server, 2);
			$c ? $clients[] = $c : $failed++;
			continue;
		}
		$line = fgets($s);
		if ($line === false) {
			unset($clients[array_search($s, $clients, true)]);
			fclose($s);
		} else {
			fwrite($s, 'echo ' . $line);
		}
	}
}
$reported = 0;
for ($i = 0; $i < 7; $i++) {
	$reported += @stream_socket_accept($server, 0) === false && str_ends_with(error_get_last()['message'], 'Accept failed: Success');
}
echo 'failed accepts in the loop: ', $failed, ', timed-out handshakes reported after it: ', $reported,
	', accepted: ', fastsock_stats()['connections_accepted'], "\n";
PHP, ['fastsock.select' => 0]);
$address = tls_address($server);
$hostile = new HostileClients($address, ['silent' => 5, 'trickle' => 2]);
echo 'hostile: ', $hostile->said, "\n";
[$got, $took] = hostile_real_client($address);
echo "real client: $got, within 2 s: ", var_export($took < 2, true), "\n";
echo tls_server_output($certs, $server, 15);
$hostile->stop();
?>
--EXPECT--
hostile: connected 7
real client: echo ping, within 2 s: true
select by fastsock: 0
failed accepts in the loop: 0, timed-out handshakes reported after it: 7, accepted: 1
