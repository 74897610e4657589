--TEST--
a cached context never keeps trust stock would re-read: a CA removed from the capath directory refuses the next client certificate as on stock, while the unchanged directory accepts it; a cafile through a stream wrapper (file://) fails the setup on stock (it loads the CA names with OpenSSL first) and on fastsock alike, so nothing of it is kept
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
$certs->make('other_ca', 'Other CA', ['ca_ext' => true]);
$certs->make('client', 'client.test', ['ca' => 'ca']);
$certs->make('server', 'localhost');
$hash = trim((string) shell_exec('openssl x509 -hash -noout -in ' . escapeshellarg($certs->path('ca.crt'))));
$client = ['-tls1_2', '-cert', $certs->path('client.crt'), '-key', $certs->path('client.key')];

$setups = [
	'capath' => [
		"'capath' => CERTS . '/capath'",
		function () use ($certs, $hash) {
			@mkdir($certs->dir . '/capath');
			copy($certs->path('ca.crt'), $certs->dir . "/capath/$hash.0");
		},
		fn () => unlink($certs->dir . "/capath/$hash.0"),
	],
	'cafile through file://' => [
		"'cafile' => 'file://' . CERTS . '/trusted.crt'",
		fn () => copy($certs->path('ca.crt'), $certs->path('trusted.crt')),
		fn () => file_put_contents($certs->path('trusted.crt'), file_get_contents($certs->path('other_ca.crt'))),
	],
];
foreach ($setups as $label => [$option, $prepare, $change]) {
	echo "=== $label\n";
	tls_real_both(function (array $ini) use ($certs, $client, $option, $prepare, $change) {
		$prepare();
		$server = tls_server($certs, <<<PHP
<?php
\$server = stream_socket_server('ssl://127.0.0.1:0', \$errno, \$errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem', 'verify_peer' => true, $option]));
echo 'ready ', stream_socket_get_name(\$server, false), "\\n";
for (\$i = 1; \$i <= 3; \$i++) {
	\$conn = @stream_socket_accept(\$server, 10);
	echo "accept \$i: ", \$conn ? 'a stream' : 'false', "\\n";
	if (\$conn) {
		fwrite(\$conn, "hello \$i\\n");
		fclose(\$conn);
	}
}
PHP, $ini);
		$out = '';
		foreach (['as set up', 'unchanged', 'after the change'] as $i => $when) {
			if ($i === 2) {
				$change();
			}
			$s = tls_s_client(tls_address($server), $client, '', 'hello');
			$out .= "client $when: " . (preg_match('/^hello \d$/m', $s, $m) ? $m[0] : 'refused') . "\n";
		}
		return $out . tls_server_output($certs, $server);
	});
}
echo 'served by fastsock: ', fastsock_tls_served_check($certs) ? 'yes' : 'no', "\n";

/* The same setup in a fastsock process builds its context with fastsock. */
function fastsock_tls_served_check(TlsCerts $certs): bool
{
	$out = tls_run($certs, <<<'PHP'
<?php
$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem']));
echo fastsock_info($server)['tls'] !== null ? 'served' : 'not served';
PHP, ['fastsock.enable' => 1]);
	return trim($out) === 'served';
}
--EXPECT--
=== capath
same
client as set up: hello 1
client unchanged: hello 2
client after the change: refused
accept 1: a stream
accept 2: a stream
accept 3: false
=== cafile through file://
same
client as set up: refused
client unchanged: refused
client after the change: refused
accept 1: false
accept 2: false
accept 3: false
served by fastsock: yes
