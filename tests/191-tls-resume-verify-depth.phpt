--TEST--
verify_depth decides what may resume: a client-certificate session made on a server with the default depth does not resume on a server of the same process whose only difference is verify_depth 0 (which refuses that certificate in a full handshake), on TLS 1.2 and 1.3; a server with the same options does resume it
--EXTENSIONS--
fastsock
openssl
--SKIPIF--
<?php
if (!is_executable('/usr/bin/openssl')) die('skip needs the openssl command');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('ca', 'Test CA', ['ca_ext' => true]);
$certs->make('client', 'client.test', ['ca' => 'ca']);
$certs->make('server', 'localhost');

/* Three servers in one process: a and same (default depth), deep0
 * (verify_depth 0); they accept in the order the clients come. */
$server = tls_server($certs, <<<'PHP'
<?php
$servers = [];
foreach (['a' => [], 'same' => [], 'deep0' => ['verify_depth' => 0]] as $name => $more) {
	$servers[$name] = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
		tls_ctx(['local_cert' => CERTS . '/server.pem', 'verify_peer' => true, 'cafile' => CERTS . '/ca.crt'] + $more));
	$names[] = "$name=" . stream_socket_get_name($servers[$name], false);
}
echo 'ready ', implode(' ', $names), "\n";
foreach (['TLS 1.2', 'TLS 1.3'] as $protocol) {
	echo "$protocol\n";
	foreach (['a', 'deep0', 'same'] as $name) {
		$conn = @stream_socket_accept($servers[$name], 10);
		if ($conn) {
			fwrite($conn, "hello from $name\n");
			echo "  $name: accepted, ", fastsock_info($conn)['tls']['resumed'] ? 'resumed' : 'full', "\n";
			while (fgets($conn) !== false) {
			}
			fclose($conn);
		} else {
			echo "  $name: refused\n";
		}
	}
}
echo '  served by ', extension_loaded('fastsock') && fastsock_info($servers['a'])['tls'] !== null ? 'fastsock' : 'stock', "\n";
PHP, []);
preg_match_all('/(\w+)=(\S+)/', substr($server->first_line, strlen('ready ')), $m);
$address = array_combine($m[1], $m[2]);
$session = $certs->path('client.sess');
$cert = ['-cert', $certs->path('client.crt'), '-key', $certs->path('client.key')];
foreach (['-tls1_2' => 'TLS 1.2', '-tls1_3' => 'TLS 1.3'] as $version => $protocol) {
	echo "$protocol\n";
	foreach ([['a', '-sess_out'], ['deep0', '-sess_in'], ['same', '-sess_in']] as [$name, $option]) {
		$out = tls_s_client($address[$name], array_merge([$version, $option, $session], $cert), '', 'hello');
		echo "s_client to $name: ", preg_match('/^(New|Reused), /m', $out, $s) ? $s[1] : '?', "\n";
	}
	@unlink($session);
}
echo tls_server_output($certs, $server, 30);
--EXPECT--
TLS 1.2
s_client to a: New
s_client to deep0: New
s_client to same: Reused
TLS 1.3
s_client to a: New
s_client to deep0: New
s_client to same: Reused
TLS 1.2
  a: accepted, full
  deep0: refused
  same: accepted, resumed
TLS 1.3
  a: accepted, full
  deep0: refused
  same: accepted, resumed
  served by fastsock
