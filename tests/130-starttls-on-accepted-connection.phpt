--TEST--
STARTTLS: stream_socket_enable_crypto() on an accepted tcp:// connection (options set on the connection, non-blocking handshake) works as on stock
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

fs_compare(<<<'PHP'
<?php
$key = openssl_pkey_new(['private_key_type' => OPENSSL_KEYTYPE_EC, 'curve_name' => 'prime256v1']);
$cert = openssl_csr_sign(openssl_csr_new(['commonName' => 'localhost'], $key), null, $key, 1);
openssl_x509_export($cert, $pem_cert);
openssl_pkey_export($key, $pem_key);
$pem = tempnam(sys_get_temp_dir(), 'fastsock-test-');
file_put_contents($pem, $pem_cert . $pem_key);

$server = stream_socket_server('tcp://127.0.0.1:0');
$client = stream_socket_client('tcp://' . stream_socket_get_name($server, false), $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
	stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]));
$conn = stream_socket_accept($server, 5);
echo 'type: ', stream_get_meta_data($conn)['stream_type'], "\n";

fwrite($client, "STARTTLS\r\n");
echo 'plain: ', fgets($conn);
fwrite($conn, "220 go ahead\r\n");
echo 'plain reply: ', fgets($client);

stream_context_set_option($conn, 'ssl', 'local_cert', $pem);
stream_set_blocking($conn, false);
stream_set_blocking($client, false);
$results = [];
$server_done = $client_done = false;
for ($i = 0; $i < 1000 && !($server_done && $client_done); $i++) {
	if (!$server_done) {
		$r = stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER);
		$results['server'][] = var_export($r, true);
		$server_done = $r !== 0;
	}
	if (!$client_done) {
		$r = stream_socket_enable_crypto($client, true, STREAM_CRYPTO_METHOD_TLS_CLIENT);
		$results['client'][] = var_export($r, true);
		$client_done = $r !== 0;
	}
	$rd = [$conn, $client];
	$w = $e = null;
	stream_select($rd, $w, $e, 0, 100000);
}
foreach ($results as $side => $list) {
	echo "$side handshake: ", implode(' ', array_unique($list)), ' -> ', end($list), "\n";
}
stream_set_blocking($conn, true);
stream_set_blocking($client, true);

$meta = stream_get_meta_data($conn);
echo 'meta keys: ', implode(' ', array_keys($meta)), "\n";
echo 'crypto: ', $meta['crypto']['protocol'], "\n";
fwrite($client, "EHLO over tls\r\n");
echo 'tls: ', fgets($conn);
fwrite($conn, str_repeat('x', 100000));
$got = '';
while (strlen($got) < 100000 && !feof($client)) {
	$got .= fread($client, 8192);
}
echo 'tls reply: ', strlen($got), " bytes\n";
fclose($client);
echo 'eof read: ', var_export(fread($conn, 10), true), "\n";
unlink($pem);
PHP);
--EXPECTF--
same
type: tcp_socket/ssl
plain: STARTTLS
plain reply: 220 go ahead
server handshake: %s -> true
client handshake: %s -> true
meta keys: crypto timed_out blocked eof stream_type mode unread_bytes seekable
crypto: TLSv1.3
tls: EHLO over tls
tls reply: 100000 bytes
eof read: ''
