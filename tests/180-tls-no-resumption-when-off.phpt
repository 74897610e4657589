--TEST--
with no session cache and no tickets (no_ticket + fastsock.tls_session_cache=0, or the fastsock context options tls_session_cache and tls_tickets false) a returning s_client never resumes, on TLS 1.2 and 1.3, as on stock
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
	'no_ticket + fastsock.tls_session_cache=0' => [['ssl' => ['no_ticket' => true]], ['fastsock.tls_session_cache' => 0]],
	'context tls_session_cache and tls_tickets false' => [['fastsock' => ['tls_session_cache' => false, 'tls_tickets' => false]], []],
];
foreach ($variants as $label => [$context, $ini]) {
	foreach (['stock' => 0, 'fastsock' => 1] as $mode => $enable) {
		$options = var_export(array_merge_recursive(['ssl' => ['local_cert' => $certs->path('server.pem')]], $context), true);
		/* no_ticket is an ssl option: fastsock's own tickets setting may stay true beside it */
		$show_tickets = var_export(isset($context['fastsock']), true);
		$server = tls_server($certs, <<<PHP
<?php
\$server = stream_socket_server('ssl://127.0.0.1:0', \$errno, \$errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	stream_context_create($options));
echo 'ready ', stream_socket_get_name(\$server, false), "\\n";
\$resumed = [];
for (\$i = 1; \$i <= 4; \$i++) {
	\$conn = stream_socket_accept(\$server, 10);
	fwrite(\$conn, "hello \$i\\n");
	\$info = @fastsock_info(\$conn);
	\$resumed[] = is_array(\$info) ? var_export(\$info['tls']['resumed'], true) : 'n/a';
	while (fgets(\$conn) !== false) {
	}
	fclose(\$conn);
}
echo '  server: resumed ', implode(' ', \$resumed), "\\n";
\$info = @fastsock_info(\$server);
if (ini_get('fastsock.enable')) {
	echo '  server settings: session_cache ', var_export(\$info['tls']['session_cache'] ?? null, true),
		$show_tickets ? ', tickets ' . var_export(\$info['tls']['tickets'] ?? null, true) : '', "\\n";
}
PHP, ['fastsock.enable' => $enable] + $ini);
		$said = [];
		foreach (['-tls1_2', '-tls1_3'] as $version) {
			$said[] = "$version " . implode(' then ', tls_s_client_resume(tls_address($server), $certs->path("$mode.sess"), [$version]));
			@unlink($certs->path("$mode.sess"));
		}
		echo "$label, $mode: ", implode(', ', $said), "\n", tls_server_output($certs, $server);
	}
}
--EXPECT--
no_ticket + fastsock.tls_session_cache=0, stock: -tls1_2 New then New, -tls1_3 New then New
  server: resumed n/a n/a n/a n/a
no_ticket + fastsock.tls_session_cache=0, fastsock: -tls1_2 New then New, -tls1_3 New then New
  server: resumed false false false false
  server settings: session_cache false
context tls_session_cache and tls_tickets false, stock: -tls1_2 New then New, -tls1_3 New then New
  server: resumed n/a n/a n/a n/a
context tls_session_cache and tls_tickets false, fastsock: -tls1_2 New then New, -tls1_3 New then New
  server: resumed false false false false
  server settings: session_cache false, tickets false
