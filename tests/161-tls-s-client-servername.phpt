--TEST--
real client: openssl s_client -servername against an ssl:// server with SNI_server_certs gets the certificate for that name (the default one for other names and without SNI); same on stock and fastsock
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
$certs->make('default', 'default.test');
$certs->make('one', 'one.test');
$certs->make('wild', 'wildcard.example.test');
$names = ['one.test', 'a.example.test', 'other.test', null];
$n = count($names);
tls_real_both(function (array $ini) use ($certs, $names, $n) {
	$server = tls_server($certs, <<<PHP
<?php
\$server = stream_socket_server('ssl://127.0.0.1:0', \$errno, \$errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/default.pem', 'SNI_server_certs' => [
		'one.test' => CERTS . '/one.pem',
		'*.example.test' => ['local_cert' => CERTS . '/wild.crt', 'local_pk' => CERTS . '/wild.key'],
	]]));
echo 'ready ', stream_socket_get_name(\$server, false), "\\n";
for (\$i = 0; \$i < $n; \$i++) {
	\$conn = stream_socket_accept(\$server, 10);
	fwrite(\$conn, "hello \$i\\n");
	fclose(\$conn);
}
echo "served $n\\n";
PHP, $ini);
	$out = '';
	foreach ($names as $name) {
		$s = tls_s_client(tls_address($server), $name === null ? ['-noservername'] : ['-servername', $name], '', 'hello');
		preg_match('/^subject=CN ?= ?([^,\n]+)/m', $s, $m);
		preg_match('/^hello .*$/m', $s, $hello);
		$out .= 's_client ' . ($name === null ? '-noservername' : "-servername $name") . ': subject CN ' . ($m[1] ?? '?')
			. ', read: ' . ($hello[0] ?? '?') . "\n";
	}
	return $out . tls_server_output($certs, $server);
});
--EXPECT--
same
s_client -servername one.test: subject CN one.test, read: hello 0
s_client -servername a.example.test: subject CN wildcard.example.test, read: hello 1
s_client -servername other.test: subject CN default.test, read: hello 2
s_client -noservername: subject CN default.test, read: hello 3
served 4
