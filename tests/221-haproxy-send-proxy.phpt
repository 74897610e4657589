--TEST--
Behind a real HAProxy (send-proxy and send-proxy-v2): the script sees each client's own address (127.0.0.x source, its port) in stream_socket_accept() and stream_socket_get_name(), the frontend as destination
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

$trusted = ['proxy_protocol' => true, 'proxy_from' => '127.0.0.1'];
$server = pp_server($trusted);
$before = fastsock_stats();
$haproxy = new Haproxy([
	'v1' => [stream_socket_get_name($server, false), 'send-proxy'],
	'v2' => [stream_socket_get_name($server, false), 'send-proxy-v2'],
]);

foreach (['v1' => '127.0.0.2', 'v2' => '127.0.0.3'] as $route => $source) {
	$context = stream_context_create(['socket' => ['bindto' => "$source:0"]]);
	$client = stream_socket_client("tcp://127.0.0.1:{$haproxy->ports[$route]}", $errno, $errstr, 5,
		STREAM_CLIENT_CONNECT, $context);
	fwrite($client, "hello from $source\n");
	$conn = stream_socket_accept($server, 5, $peer);
	$me = stream_socket_get_name($client, false);
	$info = fastsock_info($conn)['proxy'];
	echo "$route: accept peer is the client: ", var_export($peer === $me, true),
		', get_name(true) too: ', var_export(stream_socket_get_name($conn, true) === $me, true),
		', destination is the frontend: ', var_export($info['destination'] === "127.0.0.1:{$haproxy->ports[$route]}", true),
		", version {$info['version']}, read: ", fgets($conn);
	fwrite($conn, "bye\n");
	echo '  client got: ', fgets($client);
	fclose($client);
	fclose($conn);
}
$stats = fastsock_stats();
echo 'headers: +', $stats['proxy_headers'] - $before['proxy_headers'],
	', rejected: +', $stats['proxy_rejected'] - $before['proxy_rejected'], "\n";
$haproxy->stop();
?>
--EXPECT--
v1: accept peer is the client: true, get_name(true) too: true, destination is the frontend: true, version 1, read: hello from 127.0.0.2
  client got: bye
v2: accept peer is the client: true, get_name(true) too: true, destination is the frontend: true, version 2, read: hello from 127.0.0.3
  client got: bye
headers: +2, rejected: +0
