--TEST--
TLS server reads (ssl:// accept, and STARTTLS on a tcp:// server without ssl options): fread() of 1024, 8192 and 65536 bytes through a 100 KB message returns the same sizes as on stock, and feof() after the peer closed
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
$servers = [
	'ssl' => stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
		tls_ctx(['local_cert' => CERTS . '/server.pem'])),
	'starttls' => stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
		stream_context_create()),
];
foreach ([1024, 8192, 65536] as $size) foreach ($servers as $kind => $server) {
	echo "--- $kind, fread(\$conn, $size)\n";
	/* The client sends 100 KB in one fwrite(), says so, and closes when told. */
	$client = TlsPeer::php(<<<'CLIENT'
		$ctx = stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]);
		if ($argv[2] === 'starttls') {
			$c = stream_socket_client("tcp://$argv[1]", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
			fwrite($c, "STARTTLS\n");
			fgets($c);
			stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT);
		} else {
			$c = stream_socket_client("tls://$argv[1]", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
		}
		/* numbered lines, built in one go (a .= loop is quadratic under ASan's realloc) */
		$message = implode('', array_map(fn($i) => sprintf("%07d\n", $i), range(0, 12499)));
		echo 'client wrote ', fwrite($c, substr($message, 0, 100000)), "\n";
		echo 'client got: ', fgets($c);
		fclose($c);
		echo "client closed\n";
		CLIENT, [stream_socket_get_name($server, false), $kind]);
	$conn = stream_socket_accept($server, 5);
	if ($kind === 'starttls') {
		fgets($conn);
		fwrite($conn, "go\n");
		stream_context_set_option($conn, 'ssl', 'local_cert', CERTS . '/server.pem');
		stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER);
	}
	$got = '';
	$sizes = [];
	while (strlen($got) < 100000) {
		/* never more than what is left: a short read tops up with a blocking one */
		$data = fread($conn, min($size, 100000 - strlen($got)));
		if ($data === false || $data === '') {
			echo 'early end: ', var_export($data, true), "\n";
			break;
		}
		$sizes[] = strlen($data);
		$got .= $data;
	}
	/* runs of equal sizes as "size x count" */
	$runs = [];
	foreach ($sizes as $n) {
		if ($runs && $runs[count($runs) - 1][0] === $n) {
			$runs[count($runs) - 1][1]++;
		} else {
			$runs[] = [$n, 1];
		}
	}
	echo 'sizes: ', implode(', ', array_map(fn($run) => "$run[0] x$run[1]", $runs)), "\n";
	echo 'intact: ', var_export(strlen($got) === 100000 && substr($got, -8) === sprintf("%07d\n", 12499), true), "\n";
	echo 'feof before the close: ', var_export(feof($conn), true), "\n";
	fwrite($conn, "all read\n");
	$client->read_until('client closed');
	$r = [$conn];
	$w = $e = null;
	echo 'select after the close: ', stream_select($r, $w, $e, 5), "\n";
	echo 'fread after the close: ', var_export(fread($conn, $size), true), "\n";
	echo 'feof after the close: ', var_export(feof($conn), true), "\n";
	echo 'fgets after the close: ', var_export(fgets($conn), true), "\n";
	echo 'meta eof: ', var_export(stream_get_meta_data($conn)['eof'], true), "\n";
	echo $client->output();
	fclose($conn);
}
PHP);
--EXPECT--
same
--- ssl, fread($conn, 1024)
sizes: 1024 x97, 672 x1
intact: true
feof before the close: false
select after the close: 1
fread after the close: ''
feof after the close: true
fgets after the close: false
meta eof: true
client wrote 100000
client got: all read
client closed
--- starttls, fread($conn, 1024)
sizes: 1024 x97, 672 x1
intact: true
feof before the close: false
select after the close: 1
fread after the close: ''
feof after the close: true
fgets after the close: false
meta eof: true
client wrote 100000
client got: all read
client closed
--- ssl, fread($conn, 8192)
sizes: 8192 x12, 1696 x1
intact: true
feof before the close: false
select after the close: 1
fread after the close: ''
feof after the close: true
fgets after the close: false
meta eof: true
client wrote 100000
client got: all read
client closed
--- starttls, fread($conn, 8192)
sizes: 8192 x12, 1696 x1
intact: true
feof before the close: false
select after the close: 1
fread after the close: ''
feof after the close: true
fgets after the close: false
meta eof: true
client wrote 100000
client got: all read
client closed
--- ssl, fread($conn, 65536)
sizes: 8192 x12, 1696 x1
intact: true
feof before the close: false
select after the close: 1
fread after the close: ''
feof after the close: true
fgets after the close: false
meta eof: true
client wrote 100000
client got: all read
client closed
--- starttls, fread($conn, 65536)
sizes: 8192 x12, 1696 x1
intact: true
feof before the close: false
select after the close: 1
fread after the close: ''
feof after the close: true
fgets after the close: false
meta eof: true
client wrote 100000
client got: all read
client closed
