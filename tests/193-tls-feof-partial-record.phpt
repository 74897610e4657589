--TEST--
feof() on an accepted TLS connection (stream_set_timeout -1) whose peer sent only the first 3 bytes of a record after the handshake: the connection is alive, answered at once, as on stock (a record still arriving is not an end of file)
--EXTENSIONS--
fastsock
openssl
--SKIPIF--
<?php
if (!is_executable('/usr/bin/python3')) die('skip needs python3');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
foreach (['-tls1_2' => 'TLS 1.2', '-tls1_3' => 'TLS 1.3'] as $version => $protocol) {
	echo "=== $protocol\n";
	$max = $version === '-tls1_2' ? 'STREAM_CRYPTO_METHOD_TLSv1_2_SERVER' : 'STREAM_CRYPTO_METHOD_TLSv1_3_SERVER';
	tls_real_both(function (array $ini) use ($certs, $max) {
		/* default_socket_timeout bounds how long a wrong answer could take. */
		$server = tls_server($certs, <<<PHP
<?php
\$server = stream_socket_server('tls://127.0.0.1:0', \$errno, \$errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem', 'crypto_method' => $max]));
echo 'ready ', stream_socket_get_name(\$server, false), "\\n";
\$conn = stream_socket_accept(\$server, 10);
\$r = [\$conn];
\$w = \$e = null;
stream_select(\$r, \$w, \$e, 10);
usleep(100000);
stream_set_timeout(\$conn, -1);
\$start = microtime(true);
\$eof = feof(\$conn);
echo 'feof: ', var_export(\$eof, true), ', answered within 1 s: ', microtime(true) - \$start < 1 ? 'yes' : 'no', "\\n";
\$info = @fastsock_info(\$conn);
echo 'served by ', isset(\$info['tls']) ? 'fastsock' : 'stock', "\\n";
PHP, $ini + ['default_socket_timeout' => 3]);
		$client = proc_open(['python3', __DIR__ . '/fixtures/tls_partial_record.py', tls_address($server)],
			[0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
		$out = tls_server_output($certs, $server, 20);
		$said = trim((string) fgets($pipes[1]));
		fclose($pipes[0]);
		proc_terminate($client);
		proc_close($client);
		return "client: $said\n" . preg_replace('/^served by \w+\n/m', '', $out) . (str_contains($out, $ini['fastsock.enable'] ? 'served by fastsock' : 'served by stock') ? '' : "not served as asked\n");
	});
}
--EXPECT--
=== TLS 1.2
same
client: sent
feof: false, answered within 1 s: yes
=== TLS 1.3
same
client: sent
feof: false, answered within 1 s: yes
