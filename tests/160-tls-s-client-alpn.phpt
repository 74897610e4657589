--TEST--
real client: openssl s_client -alpn against an ssl:// server with alpn_protocols "h2,http/1.1" negotiates what the server prefers, or nothing without overlap; same on stock and fastsock
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
$offers = ['http/1.1', 'h2', 'http/1.1,h2', 'spdy/3'];
$n = count($offers);
tls_real_both(function (array $ini) use ($certs, $offers, $n) {
	$server = tls_server($certs, <<<PHP
<?php
\$server = stream_socket_server('ssl://127.0.0.1:0', \$errno, \$errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem', 'alpn_protocols' => 'h2,http/1.1']));
echo 'ready ', stream_socket_get_name(\$server, false), "\\n";
for (\$i = 0; \$i < $n; \$i++) {
	\$conn = stream_socket_accept(\$server, 10);
	\$alpn = stream_get_meta_data(\$conn)['crypto']['alpn_protocol'] ?? 'none';
	echo "server: alpn_protocol \$alpn\\n";
	fwrite(\$conn, "hello \$alpn\\n");
	fclose(\$conn);
}
PHP, $ini);
	$out = '';
	foreach ($offers as $offer) {
		$s = tls_s_client(tls_address($server), ['-alpn', $offer], '', 'hello');
		preg_match('/^(ALPN protocol: .*|No ALPN negotiated)$/m', $s, $m);
		preg_match('/^hello .*$/m', $s, $hello);
		$out .= "s_client -alpn $offer: " . ($m[1] ?? '?') . ', read: ' . ($hello[0] ?? '?') . "\n";
	}
	return $out . tls_server_output($certs, $server);
});
--EXPECT--
same
s_client -alpn http/1.1: ALPN protocol: http/1.1, read: hello http/1.1
s_client -alpn h2: ALPN protocol: h2, read: hello h2
s_client -alpn http/1.1,h2: ALPN protocol: h2, read: hello h2
s_client -alpn spdy/3: No ALPN negotiated, read: hello none
server: alpn_protocol http/1.1
server: alpn_protocol h2
server: alpn_protocol h2
server: alpn_protocol none
