--TEST--
real client: openssl s_client -starttls smtp against a tcp:// SMTP server that sets local_cert on the connection and enables crypto after STARTTLS; same on stock and fastsock
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
tls_real_both(function (array $ini) use ($certs) {
	$server = tls_server($certs, <<<'PHP'
<?php
$server = stream_socket_server('tcp://127.0.0.1:0');
echo 'ready ', stream_socket_get_name($server, false), "\n";
for ($i = 1; $i <= 2; $i++) {
	$conn = stream_socket_accept($server, 10);
	fwrite($conn, "220 localhost ESMTP\r\n");
	while (($line = fgets($conn)) !== false) {
		if (stripos($line, 'EHLO') === 0) {
			fwrite($conn, "250-localhost\r\n250 STARTTLS\r\n");
		} elseif (stripos($line, 'STARTTLS') === 0) {
			fwrite($conn, "220 go ahead\r\n");
			stream_context_set_option($conn, 'ssl', 'local_cert', CERTS . '/server.pem');
			var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
			echo "connection $i: ", stream_get_meta_data($conn)['crypto']['protocol'], "\n";
		} elseif (stripos($line, 'QUIT') === 0) {
			fwrite($conn, "221 bye over tls\r\n");
			break;
		} else {
			echo "got: ", $line;
			fwrite($conn, "250 ok\r\n");
		}
	}
	fclose($conn);
}
PHP, $ini);
	$out = '';
	foreach (['-tls1_2', '-tls1_3'] as $version) {
		$s = tls_s_client(tls_address($server), ['-quiet', '-starttls', 'smtp', $version], "MAIL FROM:<a@b.test>\r\nQUIT\r\n", '221');
		$out .= "s_client -starttls smtp $version: " . trim(implode(' | ', preg_grep('/^(250|221)/', explode("\n", str_replace("\r", '', $s))))) . "\n";
	}
	return $out . tls_server_output($certs, $server);
});
--EXPECT--
same
s_client -starttls smtp -tls1_2: 250 STARTTLS | 250 ok | 221 bye over tls
s_client -starttls smtp -tls1_3: 250 STARTTLS | 250 ok | 221 bye over tls
bool(true)
connection 1: TLSv1.2
got: MAIL FROM:<a@b.test>
bool(true)
connection 2: TLSv1.3
got: MAIL FROM:<a@b.test>
