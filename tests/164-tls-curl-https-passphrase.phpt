--TEST--
real client: curl -k fetching two URLs from an HTTPS hello-world on ssl:// whose key is passphrase-protected; same on stock and fastsock
--EXTENSIONS--
fastsock
openssl
--SKIPIF--
<?php
if (trim((string) shell_exec('command -v curl')) === '') die('skip needs the curl command');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost', ['passphrase' => 'pass phrase']);
tls_real_both(function (array $ini) use ($certs) {
	$server = tls_server($certs, <<<'PHP'
<?php
$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem', 'passphrase' => 'pass phrase']));
echo 'ready ', stream_socket_get_name($server, false), "\n";
for ($i = 1; $i <= 2; $i++) {
	$conn = stream_socket_accept($server, 10);
	$request = fgets($conn);
	while (($line = fgets($conn)) !== false && trim($line) !== '') {
	}
	echo "connection $i: ", trim($request), ', ', stream_get_meta_data($conn)['crypto']['protocol'], "\n";
	$body = 'hello from ' . explode(' ', $request)[1] . "\n";
	fwrite($conn, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " . strlen($body)
		. "\r\nConnection: close\r\n\r\n" . $body);
	fclose($conn);
}
PHP, $ini);
	$address = tls_address($server);
	$curl = new TlsPeer(['curl', '-sS', '-k', '--max-time', '10', '-w', '%{http_code} %{url_effective}\n',
		"https://$address/a", "https://$address/b"]);
	$out = 'curl: ' . str_replace("\n", "\ncurl: ", rtrim(fs_normalize($curl->output(15)))) . "\n";
	return $out . tls_server_output($certs, $server);
});
--EXPECT--
same
curl: hello from /a
curl: 200 https://127.0.0.1:PORT/a
curl: hello from /b
curl: 200 https://127.0.0.1:PORT/b
connection 1: GET /a HTTP/1.1, TLSv1.3
connection 2: GET /b HTTP/1.1, TLSv1.3
