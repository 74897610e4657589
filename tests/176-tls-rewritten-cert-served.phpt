--TEST--
a certificate file rewritten in place, then replaced by rename(), is served on the very next connection, as on stock; fastsock rebuilds its context for each change only
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('first', 'first.test');
$certs->make('second', 'second-certificate.test');
$certs->make('third', 'third.example.test');
$code = <<<'PHP'
<?php
$live = CERTS . '/live.pem';
copy(CERTS . '/first.pem', $live);
$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => $live]));
$client = TlsPeer::php(<<<'CLIENT'
	for ($i = 1; $i <= 4; $i++) {
		$ctx = stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false, 'capture_peer_cert' => true]]);
		$c = stream_socket_client("tls://$argv[1]", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
		$cert = stream_context_get_options($ctx)['ssl']['peer_certificate'];
		echo "client $i: CN ", openssl_x509_parse($cert)['subject']['CN'], ', ', trim(fgets($c)), "\n";
	}
	CLIENT, [stream_socket_get_name($server, false)]);
$changes = [
	2 => function () use ($live) {
		copy(CERTS . '/second.pem', $live);   /* in place: same inode, new size */
		touch($live, time() + 10);
		return 'rewritten in place';
	},
	3 => function () use ($live) {
		copy(CERTS . '/third.pem', "$live.new");
		rename("$live.new", $live);           /* a new inode */
		return 'replaced by rename()';
	},
	4 => fn() => 'unchanged',
];
for ($i = 1; $i <= 4; $i++) {
	if (isset($changes[$i])) {
		echo "before connection $i: ", $changes[$i](), "\n";
		clearstatcache();
	}
	$conn = stream_socket_accept($server, 5);
	fwrite($conn, "served $i\n");
	fclose($conn);
}
echo $client->output();
$info = @fastsock_info($server);
echo 'fastsock contexts: ', is_array($info) ? "built {$info['tls']['contexts_built']}, reused {$info['tls']['contexts_reused']}" : 'n/a (stock)', "\n";
PHP;
$runs = tls_run_both($certs, $code);
echo "--- stock\n", $runs['stock'], "--- fastsock\n", $runs['fastsock'];
--EXPECT--
--- stock
before connection 2: rewritten in place
before connection 3: replaced by rename()
before connection 4: unchanged
client 1: CN first.test, served 1
client 2: CN second-certificate.test, served 2
client 3: CN third.example.test, served 3
client 4: CN third.example.test, served 4
fastsock contexts: n/a (stock)
--- fastsock
before connection 2: rewritten in place
before connection 3: replaced by rename()
before connection 4: unchanged
client 1: CN first.test, served 1
client 2: CN second-certificate.test, served 2
client 3: CN third.example.test, served 3
client 4: CN third.example.test, served 4
fastsock contexts: built 3, reused 1
