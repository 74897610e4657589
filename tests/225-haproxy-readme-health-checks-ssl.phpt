--TEST--
HAProxy with README.md's configuration as written in front of an ssl:// select() script (PROXY then TLS): its health checks never reach the script (no "SSL: Connection reset by peer", no "Accept failed: Success"), they are counted, and curl's HTTPS request through HAProxy is answered with curl's address
--EXTENSIONS--
fastsock
openssl
--SKIPIF--
<?php
require __DIR__ . '/fixtures/haproxy.inc';
if (!haproxy_binary()) die('skip haproxy is not installed (scripts/deps installs it)');
if (trim((string) shell_exec('command -v curl')) === '') die('skip curl is not installed');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/haproxy.inc';
require __DIR__ . '/fixtures/proxy.inc';
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
$server = pp_server(['proxy_protocol' => true, 'proxy_from' => '127.0.0.1'], 'ssl',
	['local_cert' => $certs->path('server.pem')]);
$haproxy = Haproxy::readme(stream_socket_get_name($server, false));
$before = fastsock_stats();

$reported = 0;
$deadline = microtime(true) + 10;
while (fastsock_stats()['proxy_health_checks'] - $before['proxy_health_checks'] < 2 && microtime(true) < $deadline) {
	$r = [$server];
	$w = $e = null;
	if (stream_select($r, $w, $e, 0, 200000)) {
		$reported++;
		stream_socket_accept($server, 0);
	}
}
echo 'health checks counted: ', fastsock_stats()['proxy_health_checks'] - $before['proxy_health_checks'] >= 2 ? 'at least 2' : 'fewer than 2',
	', times select() reported the server: ', $reported, "\n";

$curl = new TlsPeer(['curl', '-sSk', '--max-time', '30', '--interface', '127.0.0.5',
	"https://localhost:{$haproxy->ports['app']}/"]);
$r = [$server];
$w = $e = null;
var_dump(stream_select($r, $w, $e, 20));
$conn = stream_socket_accept($server, 0, $peer);
$request = fgets($conn);
$body = preg_replace('/:\d+$/', ':PORT', $peer) . "\n";
fwrite($conn, "HTTP/1.0 200 OK\r\nContent-Length: " . strlen($body) . "\r\nConnection: close\r\n\r\n$body");
fclose($conn);
echo 'request: ', trim($request), ', curl got: ', $curl->output(30);

$stats = fastsock_stats();
foreach (['connections_accepted', 'accept_errors', 'tls_handshakes_failed', 'proxy_rejected'] as $key) {
	echo "$key +", $stats[$key] - $before[$key], "\n";
}
echo 'HAProxy said: ', json_encode($haproxy->log()), "\n";
$haproxy->stop();
?>
--EXPECT--
health checks counted: at least 2, times select() reported the server: 0
int(1)
request: GET / HTTP/1.1, curl got: 127.0.0.5:PORT
connections_accepted +1
accept_errors +0
tls_handshakes_failed +0
proxy_rejected +0
HAProxy said: ""
