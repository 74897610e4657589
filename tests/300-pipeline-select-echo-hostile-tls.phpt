--TEST--
A stream_select() echo server on ssl:// (the chat pattern) with 5 silent, 2 half-ClientHello and 2 trickling clients connected: a client connected before them gets its echo, and a new real TLS client is answered, each within 2 s (stock: 60 s per silent client); the hostile ones reached no accept
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
echo 'ready ', stream_socket_get_name($server, false), "\n";
$clients = [];
$failed = 0;
for (;;) {
	$r = array_merge([$server], $clients);
	$w = $e = null;
	if (stream_select($r, $w, $e, null) === false) {
		break;
	}
	foreach ($r as $s) {
		if ($s === $server) {
			$c = @stream_socket_accept($server);
			$c ? $clients[] = $c : $failed++;
			continue;
		}
		$line = fgets($s);
		if ($line === false) {
			unset($clients[array_search($s, $clients, true)]);
			fclose($s);
		} elseif ($line === "stats\n") {
			$st = fastsock_stats();
			fwrite($s, "accepted {$st['connections_accepted']}, failed accepts $failed\n");
		} else {
			fwrite($s, "echo $line");
		}
	}
}
PHP, []);
$address = tls_address($server);

$before = stream_socket_client("tls://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT,
	stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]));
fwrite($before, "first\n");
echo 'client before them: ', fgets($before);

$hostile = new HostileClients($address, ['silent' => 5, 'half_hello' => 2, 'trickle' => 2]);
echo 'hostile: ', $hostile->said, "\n";

$start = microtime(true);
fwrite($before, "again\n");
$got = fgets($before);
echo 'client before them, round trip: ', trim($got), ', within 2 s: ', var_export(microtime(true) - $start < 2, true), "\n";

[$got, $took] = hostile_real_client($address);
echo "new real client: $got, within 2 s: ", var_export($took < 2, true), "\n";
[$got, $took] = hostile_real_client($address, "stats\n");
echo "stats: $got\n";
fclose($before);
$hostile->stop();
$server->stop();
?>
--EXPECT--
client before them: echo first
hostile: connected 9
client before them, round trip: echo again, within 2 s: true
new real client: echo ping, within 2 s: true
stats: accepted 3, failed accepts 0
