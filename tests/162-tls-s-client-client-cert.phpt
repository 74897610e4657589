--TEST--
real client: openssl s_client -cert/-key against an ssl:// server with verify_peer, cafile and capture_peer_cert: a certificate the CA signed is accepted and captured, none or a stranger's is refused with stock's warnings; same on stock and fastsock
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
$certs->make('stranger', 'stranger.test');
$certs->make('server', 'localhost');
$clients = [
	'-cert client.crt -key client.key' => ['-cert', $certs->path('client.crt'), '-key', $certs->path('client.key')],
	'no certificate' => [],
	'-cert stranger.crt -key stranger.key' => ['-cert', $certs->path('stranger.crt'), '-key', $certs->path('stranger.key')],
	'-cert client.crt -key client.key again' => ['-cert', $certs->path('client.crt'), '-key', $certs->path('client.key')],
];
$n = count($clients);
tls_real_both(function (array $ini) use ($certs, $clients, $n) {
	$server = tls_server($certs, <<<PHP
<?php
\$server = stream_socket_server('ssl://127.0.0.1:0', \$errno, \$errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem', 'verify_peer' => true, 'cafile' => CERTS . '/ca.crt',
		'capture_peer_cert' => true]));
echo 'ready ', stream_socket_get_name(\$server, false), "\\n";
for (\$i = 1; \$i <= $n; \$i++) {
	stream_context_set_option(\$server, 'ssl', 'peer_certificate', null);
	\$conn = stream_socket_accept(\$server, 10);
	\$cert = stream_context_get_options(\$server)['ssl']['peer_certificate'] ?? null;
	echo "accept \$i: ", \$conn ? 'a stream' : 'false', ', captured: ', \$cert ? tls_cn(\$cert) : 'nothing', "\\n";
	if (\$conn) {
		fwrite(\$conn, "hello \$i\\n");
		fclose(\$conn);
	}
}
PHP, $ini);
	$out = '';
	foreach ($clients as $label => $args) {
		/* TLS 1.2: the client learns of a refused certificate in the handshake. */
		$s = tls_s_client(tls_address($server), array_merge(['-tls1_2'], $args), '', 'hello');
		preg_match('/^hello .*$/m', $s, $hello);
		preg_match('/^Acceptable client certificate CA names\nCN ?= ?([^,\n]+)/m', $s, $ca);
		$out .= "s_client $label: " . ($hello[0] ?? (str_contains($s, 'alert') ? 'handshake refused (alert)' : 'closed, nothing read'))
			. ', CA names offered: CN ' . ($ca[1] ?? 'none') . "\n";
	}
	return $out . tls_server_output($certs, $server);
});
--EXPECTF--
same
s_client -cert client.crt -key client.key: hello 1, CA names offered: CN Test CA
s_client no certificate: closed, nothing read, CA names offered: CN Test CA
s_client -cert stranger.crt -key stranger.key: handshake refused (alert), CA names offered: CN Test CA
s_client -cert client.crt -key client.key again: hello 4, CA names offered: CN Test CA
accept 1: a stream, captured: client.test

Warning: stream_socket_accept(): Could not get peer certificate in SCRIPT on line %d

Warning: stream_socket_accept(): Failed to enable crypto in SCRIPT on line %d

Warning: stream_socket_accept(): Accept failed: Success in SCRIPT on line %d
accept 2: false, captured: nothing

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in SCRIPT on line %d

Warning: stream_socket_accept(): Failed to enable crypto in SCRIPT on line %d

Warning: stream_socket_accept(): Accept failed: Success in SCRIPT on line %d
accept 3: false, captured: nothing
accept 4: a stream, captured: client.test
