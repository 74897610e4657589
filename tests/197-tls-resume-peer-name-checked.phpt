--TEST--
verify_peer_name and peer_name are checked on a resumed session as in a full handshake: a client-certificate session made on one server resumes at the TLS level on a server of the same process that expects another peer name, and is refused there with stock's warning, on TLS 1.2 and 1.3; a server expecting the right name accepts the resumption
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

$server = tls_server($certs, <<<'PHP'
<?php
$servers = [];
foreach (['a' => [], 'other' => ['verify_peer_name' => true, 'peer_name' => 'other.test'],
		'right' => ['verify_peer_name' => true, 'peer_name' => 'client.test']] as $name => $more) {
	$servers[$name] = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
		tls_ctx(['local_cert' => CERTS . '/server.pem', 'verify_peer' => true, 'cafile' => CERTS . '/ca.crt'] + $more));
	$names[] = "$name=" . stream_socket_get_name($servers[$name], false);
}
echo 'ready ', implode(' ', $names), "\n";
$before = fastsock_stats();
foreach (['TLS 1.2', 'TLS 1.3'] as $protocol) {
	echo "$protocol\n";
	foreach (['a', 'other', 'right'] as $name) {
		$conn = stream_socket_accept($servers[$name], 10);
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
$after = fastsock_stats();
echo '  handshakes: full +', $after['tls_handshakes_full'] - $before['tls_handshakes_full'],
	', resumed +', $after['tls_handshakes_resumed'] - $before['tls_handshakes_resumed'],
	', failed +', $after['tls_handshakes_failed'] - $before['tls_handshakes_failed'], "\n";
PHP, []);
preg_match_all('/(\w+)=(\S+)/', substr($server->first_line, strlen('ready ')), $m);
$address = array_combine($m[1], $m[2]);
$session = $certs->path('client.sess');
$cert = ['-cert', $certs->path('client.crt'), '-key', $certs->path('client.key')];
foreach (['-tls1_2', '-tls1_3'] as $version) {
	foreach ([['a', '-sess_out'], ['other', '-sess_in'], ['right', '-sess_in']] as [$name, $option]) {
		$out = tls_s_client($address[$name], array_merge([$version, $option, $session], $cert), '', 'hello');
		echo "s_client $version to $name: ", preg_match('/^(New|Reused), /m', $out, $s) ? $s[1] : '?', "\n";
	}
	@unlink($session);
}
echo tls_server_output($certs, $server, 30);
--EXPECTF--
s_client -tls1_2 to a: New
s_client -tls1_2 to other: Reused
s_client -tls1_2 to right: Reused
s_client -tls1_3 to a: New
s_client -tls1_3 to other: Reused
s_client -tls1_3 to right: Reused
TLS 1.2
  a: accepted, full

Warning: stream_socket_accept(): Peer certificate CN=`client.test' did not match expected CN=`other.test' in SCRIPT on line %d

Warning: stream_socket_accept(): Failed to enable crypto in SCRIPT on line %d

Warning: stream_socket_accept(): Accept failed: Success in SCRIPT on line %d
  other: refused
  right: accepted, resumed
TLS 1.3
  a: accepted, full

Warning: stream_socket_accept(): Peer certificate CN=`client.test' did not match expected CN=`other.test' in SCRIPT on line %d

Warning: stream_socket_accept(): Failed to enable crypto in SCRIPT on line %d

Warning: stream_socket_accept(): Accept failed: Success in SCRIPT on line %d
  other: refused
  right: accepted, resumed
  handshakes: full +2, resumed +2, failed +2
