--TEST--
20 handshakes on an ssl:// server open its certificate and key files once on fastsock, against 20 times on stock (strace -f -e trace=openat on the server)
--EXTENSIONS--
fastsock
openssl
--SKIPIF--
<?php
require __DIR__ . '/fixtures/harness.inc';
if (!fs_strace_usable()) die('skip needs strace and ptrace permission');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
foreach (['stock' => 0, 'fastsock' => 1] as $label => $enable) {
	$trace = $certs->path("trace-$label");
	$server = tls_server($certs, <<<'PHP'
<?php
$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.crt', 'local_pk' => CERTS . '/server.key']));
echo 'ready ', stream_socket_get_name($server, false), "\n";
$served = 0;
for ($i = 0; $i < 20; $i++) {
	$conn = stream_socket_accept($server, 10);
	if ($conn) {
		fwrite($conn, "hello\n");
		fclose($conn);
		$served++;
	}
}
echo "served $served\n";
PHP, ['fastsock.enable' => $enable], ['strace', '-f', '-qq', '-e', 'trace=openat', '-o', $trace]);
	$client = TlsPeer::php(<<<'CLIENT'
		$ok = 0;
		for ($i = 0; $i < 20; $i++) {
			$c = stream_socket_client("tls://$argv[1]", $errno, $errstr, 10, STREAM_CLIENT_CONNECT,
				stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]));
			$ok += $c && fgets($c) === "hello\n";
		}
		echo "client: $ok of 20\n";
		CLIENT, [tls_address($server)]);
	echo "--- $label\n", $client->output(30), tls_server_output($certs, $server, 30);
	$opens = ['server.crt' => 0, 'server.key' => 0];
	foreach (file($trace, FILE_IGNORE_NEW_LINES) as $line) {
		foreach ($opens as $file => $n) {
			/* successful opens only: "= fd", not "= -1 ENOENT" */
			if (str_contains($line, 'openat(') && str_contains($line, '"' . $certs->path($file) . '"') && preg_match('/= \d+$/', $line)) {
				$opens[$file]++;
			}
		}
	}
	foreach ($opens as $file => $n) {
		echo "opens of $file: $n\n";
	}
}
--EXPECT--
--- stock
client: 20 of 20
served 20
opens of server.crt: 20
opens of server.key: 20
--- fastsock
client: 20 of 20
served 20
opens of server.crt: 1
opens of server.key: 1
