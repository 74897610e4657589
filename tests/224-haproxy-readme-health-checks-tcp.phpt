--TEST--
HAProxy with README.md's configuration as written (defaults with timeouts, send-proxy-v2 check) in front of a tcp:// select() script: it starts without a warning, its health checks (LOCAL header, then close) never reach the script and are counted, and a real client through it is served with its own address
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

echo 'README.md has this configuration: ',
	var_export(str_contains(file_get_contents(__DIR__ . '/../README.md'), "```\n# haproxy.cfg\n" . haproxy_readme_config() . "```\n"), true), "\n";

$server = pp_server(['proxy_protocol' => true, 'proxy_from' => '127.0.0.1']);
$haproxy = Haproxy::readme(stream_socket_get_name($server, false));
$before = fastsock_stats();

/* The script's loop until HAProxy has checked the server twice (every 2 s). */
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

$context = stream_context_create(['socket' => ['bindto' => '127.0.0.4:0']]);
$client = stream_socket_client("tcp://127.0.0.1:{$haproxy->ports['app']}", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $context);
fwrite($client, "hello\n");
$r = [$server];
$w = $e = null;
var_dump(stream_select($r, $w, $e, 10));
$conn = stream_socket_accept($server, 0, $peer);
echo 'served: ', fgets($conn), 'peer is the client: ', var_export($peer === stream_socket_get_name($client, false), true), "\n";
fwrite($conn, "bye\n");
echo 'client got: ', fgets($client);
fclose($client);
fclose($conn);

$stats = fastsock_stats();
foreach (['connections_accepted', 'accept_errors', 'proxy_rejected', 'proxy_headers'] as $key) {
	echo "$key +", $stats[$key] - $before[$key], "\n";
}
echo 'HAProxy said: ', json_encode($haproxy->log()), "\n";
$haproxy->stop();
?>
--EXPECT--
README.md has this configuration: true
health checks counted: at least 2, times select() reported the server: 0
int(1)
served: hello
peer is the client: true
client got: bye
connections_accepted +1
accept_errors +0
proxy_rejected +0
proxy_headers +1
HAProxy said: ""
