--TEST--
TLS 1.3 session resumption on a default ssl:// server (stock's VERIFY_PEER, no verify option): openssl s_client -sess_out then -sess_in says "Reused" on fastsock, with stateless tickets and with no_ticket's stateful ones; "New" on stock
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
$certs->make('server', 'localhost');
$variants = [
	'ticket' => [[], ['-tls1_3']],
	'stateful ticket (server no_ticket)' => [['no_ticket' => true], ['-tls1_3']],
	'tls:// server' => [[], ['-tls1_3']],
];
foreach ($variants as $label => [$ssl, $args]) {
	foreach (['stock' => 0, 'fastsock' => 1] as $mode => $enable) {
		$options = var_export($ssl, true);
		$scheme = str_starts_with($label, 'tls://') ? 'tls' : 'ssl';
		$server = tls_server($certs, <<<PHP
<?php
\$server = stream_socket_server('$scheme://127.0.0.1:0', \$errno, \$errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem'] + $options));
echo 'ready ', stream_socket_get_name(\$server, false), "\\n";
for (\$i = 1; \$i <= 2; \$i++) {
	\$conn = stream_socket_accept(\$server, 10);
	fwrite(\$conn, "hello \$i\\n");
	\$info = @fastsock_info(\$conn);
	echo "  server, connection \$i: ", stream_get_meta_data(\$conn)['crypto']['protocol'], ', resumed: ',
		is_array(\$info) ? var_export(\$info['tls']['resumed'], true) : 'n/a', "\\n";
	while (fgets(\$conn) !== false) {
	}
	fclose(\$conn);
}
if (ini_get('fastsock.enable')) {
	\$stats = fastsock_stats();
	echo '  stats: full ', \$stats['tls_handshakes_full'] ?? 'n/a', ', resumed ', \$stats['tls_handshakes_resumed'] ?? 'n/a', "\\n";
}
PHP, ['fastsock.enable' => $enable]);
		[$first, $second] = tls_s_client_resume(tls_address($server), $certs->path("$mode.sess"), $args);
		echo "$label, $mode: first $first, second $second\n", tls_server_output($certs, $server);
		@unlink($certs->path("$mode.sess"));
	}
}
--EXPECT--
ticket, stock: first New, second New
  server, connection 1: TLSv1.3, resumed: n/a
  server, connection 2: TLSv1.3, resumed: n/a
ticket, fastsock: first New, second Reused
  server, connection 1: TLSv1.3, resumed: false
  server, connection 2: TLSv1.3, resumed: true
  stats: full 1, resumed 1
stateful ticket (server no_ticket), stock: first New, second New
  server, connection 1: TLSv1.3, resumed: n/a
  server, connection 2: TLSv1.3, resumed: n/a
stateful ticket (server no_ticket), fastsock: first New, second Reused
  server, connection 1: TLSv1.3, resumed: false
  server, connection 2: TLSv1.3, resumed: true
  stats: full 1, resumed 1
tls:// server, stock: first New, second New
  server, connection 1: TLSv1.3, resumed: n/a
  server, connection 2: TLSv1.3, resumed: n/a
tls:// server, fastsock: first New, second Reused
  server, connection 1: TLSv1.3, resumed: false
  server, connection 2: TLSv1.3, resumed: true
  stats: full 1, resumed 1
