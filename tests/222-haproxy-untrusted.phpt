--TEST--
Behind a real HAProxy whose address is not in proxy_from, its header is never believed: the script reads it as data and the peer is HAProxy
--EXTENSIONS--
fastsock
--SKIPIF--
<?php
require __DIR__ . '/fixtures/haproxy.inc';
if (!haproxy_binary()) die('skip haproxy is not installed (scripts/deps installs it)');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/haproxy.inc';
require __DIR__ . '/fixtures/proxy.inc';

$server = pp_server(['proxy_protocol' => true, 'proxy_from' => '10.0.0.0/8, ::1']);
$before = fastsock_stats();
$haproxy = new Haproxy(['v1' => [stream_socket_get_name($server, false), 'send-proxy']]);

$context = stream_context_create(['socket' => ['bindto' => '127.0.0.2:0']]);
$client = stream_socket_client("tcp://127.0.0.1:{$haproxy->ports['v1']}", $errno, $errstr, 5,
	STREAM_CLIENT_CONNECT, $context);
fwrite($client, "hello\n");
$conn = stream_socket_accept($server, 5, $peer);
echo 'peer: ', preg_replace('/:\d+$/', ':PORT', $peer), "\n";
echo 'first line: ', preg_replace('/\d+/', 'N', fgets($conn));
echo 'then: ', fgets($conn);
var_dump(fastsock_info($conn)['proxy']);
$stats = fastsock_stats();
echo 'headers: +', $stats['proxy_headers'] - $before['proxy_headers'], "\n";
fclose($client);
fclose($conn);
$haproxy->stop();
?>
--EXPECT--
peer: 127.0.0.1:PORT
first line: PROXY TCPN N.N.N.N N.N.N.N N N
then: hello
NULL
headers: +0
