--TEST--
STARTTLS: a tcp:// server whose ssl options are set after creation, as ReactPHP does, serves openssl s_client -starttls smtp with fastsock accepting
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

$key = openssl_pkey_new(['private_key_type' => OPENSSL_KEYTYPE_EC, 'curve_name' => 'prime256v1']);
$cert = openssl_csr_sign(openssl_csr_new(['commonName' => 'localhost'], $key), null, $key, 1);
openssl_x509_export($cert, $pem_cert);
openssl_pkey_export($key, $pem_key);
$pem = tempnam(sys_get_temp_dir(), 'fastsock-test-');
file_put_contents($pem, $pem_cert . $pem_key);

/* A minimal SMTP server: greeting, EHLO with STARTTLS, then TLS. */
$server = new FsServer(<<<PHP
<?php
\$server = stream_socket_server('tcp://127.0.0.1:0');
stream_context_set_option(\$server, 'ssl', 'local_cert', '$pem');
echo "ready ", stream_socket_get_name(\$server, false), "\\n";
\$conn = stream_socket_accept(\$server, 10);
echo "accepted by fastsock: ", is_array(fastsock_info(\$conn)) ? 'yes' : 'no', "\\n";
fwrite(\$conn, "220 fastsock ESMTP\\r\\n");
while ((\$line = fgets(\$conn)) !== false) {
	if (stripos(\$line, 'EHLO') === 0) {
		fwrite(\$conn, "250-localhost\\r\\n250 STARTTLS\\r\\n");
	} elseif (stripos(\$line, 'STARTTLS') === 0) {
		fwrite(\$conn, "220 ready for TLS\\r\\n");
		var_dump(stream_socket_enable_crypto(\$conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
		echo "protocol: ", stream_get_meta_data(\$conn)['crypto']['protocol'], "\\n";
	} elseif (stripos(\$line, 'QUIT') === 0) {
		fwrite(\$conn, "221 bye over tls\\r\\n");
		break;
	} else {
		echo "got: ", \$line;
	}
}
echo "connections accepted: ", fastsock_stats()['connections_accepted'], "\\n";
PHP, [], 10);

$address = substr($server->first_line, strlen('ready '));
$client = proc_open(['openssl', 's_client', '-quiet', '-starttls', 'smtp', '-connect', $address],
	[0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes, null, tls_tool_env());
fwrite($pipes[0], "hello over tls\r\nQUIT\r\n");
$reply = '';
$deadline = microtime(true) + 10;
while (!str_contains($reply, '221') && !feof($pipes[1]) && microtime(true) < $deadline) {
	$r = [$pipes[1]];
	$w = $e = null;
	if (stream_select($r, $w, $e, 1) > 0) {
		$reply .= (string) fread($pipes[1], 8192);
	}
}
fclose($pipes[0]);
fclose($pipes[1]);
proc_terminate($client);
proc_close($client);
echo "client got: ", trim($reply), "\n";
echo $server->output();
$server->stop();
unlink($pem);
--EXPECT--
client got: 221 bye over tls
accepted by fastsock: yes
bool(true)
protocol: TLSv1.3
got: hello over tls
connections accepted: 1
