--TEST--
A PROXY + TLS server behind a real HAProxy in TCP mode (send-proxy-v2): curl's HTTPS request from 127.0.0.5 is answered by an ssl:// script that sees curl's address, and an enable_crypto() server too
--EXTENSIONS--
fastsock
openssl
--SKIPIF--
<?php
require __DIR__ . '/fixtures/haproxy.inc';
if (!haproxy_binary()) die('skip haproxy is not installed (scripts/deps installs it)');
exec('command -v curl', $out, $rc);
if ($rc !== 0) die('skip curl is not installed');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/haproxy.inc';
require __DIR__ . '/fixtures/proxy.inc';
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
$trusted = ['proxy_protocol' => true, 'proxy_from' => '127.0.0.1'];
$ssl = ['local_cert' => $certs->path('server.pem')];
$servers = ['ssl' => pp_server($trusted, 'ssl', $ssl), 'starttls' => pp_server($trusted, 'tcp', $ssl)];
$haproxy = new Haproxy([
	'ssl' => [stream_socket_get_name($servers['ssl'], false), 'send-proxy-v2'],
	'starttls' => [stream_socket_get_name($servers['starttls'], false), 'send-proxy-v2'],
]);

foreach ($servers as $mode => $server) {
	$curl = new TlsPeer(['curl', '-sSk', '--max-time', '30', '--interface', '127.0.0.5',
		"https://localhost:{$haproxy->ports[$mode]}/"]);
	$conn = stream_socket_accept($server, 30, $peer);
	if ($mode === 'starttls') {
		var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
	}
	$request = fgets($conn);
	$body = preg_replace('/:\d+$/', ':PORT', $peer) . ' ' . (fastsock_info($conn)['tls']['protocol'] ?? 'no tls') . "\n";
	fwrite($conn, "HTTP/1.0 200 OK\r\nContent-Length: " . strlen($body) . "\r\nConnection: close\r\n\r\n$body");
	fclose($conn);
	echo "$mode: request ", trim($request), ', curl got: ', $curl->output(30);
}
$haproxy->stop();
?>
--EXPECTF--
ssl: request GET / HTTP/1.1, curl got: 127.0.0.5:PORT TLSv1.3
bool(true)
starttls: request GET / HTTP/1.1, curl got: 127.0.0.5:PORT TLSv1.3
