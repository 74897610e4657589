--TEST--
non-blocking fwrite() of a large payload on a TLS connection whose peer does not read yet: a partial count, then 0 (never false, no warning), then the rest once the peer reads, retried from a moving buffer, as on stock
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
tls_compare($certs, <<<'PHP'
<?php
$total = 8 << 20;
/* numbered lines, built in one go (a .= loop is quadratic under ASan's realloc) */
$parts = [];
for ($line = 0; $line < $total / 16; $line += 4096) {
	$parts[] = implode('', array_map(fn($i) => sprintf("%015d\n", $i), range($line, $line + 4095)));
}
$data = implode('', $parts);
unset($parts);

foreach (['ssl', 'tlsv1.2'] as $scheme) {
	echo "=== $scheme://\n";
	$server = stream_socket_server("$scheme://127.0.0.1:0", $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
		tls_ctx(['local_cert' => CERTS . '/server.pem']));
	/* The client reads nothing until told to on stdin, then all of it. */
	$client = TlsPeer::php(<<<'CLIENT'
		$c = stream_socket_client("tls://$argv[1]", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
			stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]));
		echo "connected\n";
		fgets(STDIN);
		$chunks = [];
		$length = 0;
		while ($length < $argv[2] && !feof($c)) {
			$chunk = fread($c, 65536);
			$chunks[] = $chunk;
			$length += strlen($chunk);
		}
		$got = implode('', $chunks);
		echo 'client got ', strlen($got), ' bytes, md5 ', md5($got), "\n";
		CLIENT, [stream_socket_get_name($server, false), $total]);
	$conn = stream_socket_accept($server, 5);
	$client->read_until("connected\n");
	stream_set_blocking($conn, false);

	$sent = 0;
	$kinds = [];
	for ($i = 0; $i < 10000; $i++) {
		$n = fwrite($conn, substr($data, $sent));
		$kinds[] = $n === false ? 'false' : ($n === 0 ? '0' : ($n === $total - $sent ? 'all' : 'partial'));
		if ($n === false || $n === 0) {
			break;
		}
		$sent += $n;
	}
	echo 'before the peer reads: ', implode(' ', array_unique($kinds)), "\n";
	echo 'first write: ', $kinds[0], ', last: ', end($kinds), "\n";
	$client->send("read\n");

	$zeros = 0;
	$deadline = microtime(true) + 20;
	while ($sent < $total && microtime(true) < $deadline) {
		$r = null;
		$w = [$conn];
		$e = null;
		stream_select($r, $w, $e, 1);
		/* A moving buffer: each retry passes a new string from the current offset. */
		$n = fwrite($conn, substr($data, $sent, 1 << 20));
		if ($n === false) {
			echo "fwrite returned false\n";
			break;
		}
		$zeros += $n === 0 ? 1 : 0;
		$sent += $n;
	}
	echo "sent $sent of $total\n";
	echo 'md5 sent ', md5($data), "\n";
	echo $client->output(20);
	fclose($conn);
}
PHP);
--EXPECTF--
same
=== ssl://
before the peer reads: partial 0
first write: partial, last: 0
sent 8388608 of 8388608
md5 sent b539699a5ae140a7fb23748cf0e488ec
connected
client got 8388608 bytes, md5 b539699a5ae140a7fb23748cf0e488ec
=== tlsv1.2://
before the peer reads: partial 0
first write: partial, last: 0
sent 8388608 of 8388608
md5 sent b539699a5ae140a7fb23748cf0e488ec
connected
client got 8388608 bytes, md5 b539699a5ae140a7fb23748cf0e488ec
