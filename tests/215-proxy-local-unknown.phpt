--TEST--
PROXY v2 LOCAL (a balancer's health check) and v1 UNKNOWN are served as direct connections from the balancer: the real peer, the header consumed, counted as local
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/proxy.inc';

$server = pp_server(['proxy_protocol' => true, 'proxy_from' => '127.0.0.1']);
$cases = [
	'v2 LOCAL' => pp_v2('LOCAL'),
	'v2 LOCAL with addresses (ignored)' => pp_v2('LOCAL', '192.0.2.1', '192.0.2.2', 1, 2),
	'v2 PROXY, family UNSPEC' => pp_v2('PROXY'),
	'v1 UNKNOWN' => "PROXY UNKNOWN\r\n",
	'v1 UNKNOWN with addresses (ignored)' => "PROXY UNKNOWN ffff:f...f:ffff ffff:f...f:ffff 65535 65535\r\n",
];
foreach ($cases as $label => $header) {
	$before = fastsock_stats();
	$client = pp_send($server, $header . "check\n");
	$conn = stream_socket_accept($server, 5, $peer);
	echo "$label\n  peer: ", preg_replace('/:\d+$/', ':PORT', $peer),
		', get_name: ', preg_replace('/:\d+$/', ':PORT', stream_socket_get_name($conn, true)), "\n";
	echo '  data: ', fgets($conn);
	echo '  ', json_encode(fastsock_info($conn)['proxy']), "\n";
	echo '  ', pp_counted($before);
	fclose($client);
	fclose($conn);
}
?>
--EXPECT--
v2 LOCAL
  peer: 127.0.0.1:PORT, get_name: 127.0.0.1:PORT
  data: check
  {"version":2,"local":true,"source":null,"destination":null,"transport":null,"alpn":null,"authority":null,"unique_id":null,"netns":null,"ssl":null}
  proxy_headers +0, proxy_local +1, proxy_rejected +0, proxy_timeouts +0, connections_accepted +1
v2 LOCAL with addresses (ignored)
  peer: 127.0.0.1:PORT, get_name: 127.0.0.1:PORT
  data: check
  {"version":2,"local":true,"source":null,"destination":null,"transport":null,"alpn":null,"authority":null,"unique_id":null,"netns":null,"ssl":null}
  proxy_headers +0, proxy_local +1, proxy_rejected +0, proxy_timeouts +0, connections_accepted +1
v2 PROXY, family UNSPEC
  peer: 127.0.0.1:PORT, get_name: 127.0.0.1:PORT
  data: check
  {"version":2,"local":true,"source":null,"destination":null,"transport":null,"alpn":null,"authority":null,"unique_id":null,"netns":null,"ssl":null}
  proxy_headers +0, proxy_local +1, proxy_rejected +0, proxy_timeouts +0, connections_accepted +1
v1 UNKNOWN
  peer: 127.0.0.1:PORT, get_name: 127.0.0.1:PORT
  data: check
  {"version":1,"local":true,"source":null,"destination":null,"transport":null,"alpn":null,"authority":null,"unique_id":null,"netns":null,"ssl":null}
  proxy_headers +0, proxy_local +1, proxy_rejected +0, proxy_timeouts +0, connections_accepted +1
v1 UNKNOWN with addresses (ignored)
  peer: 127.0.0.1:PORT, get_name: 127.0.0.1:PORT
  data: check
  {"version":1,"local":true,"source":null,"destination":null,"transport":null,"alpn":null,"authority":null,"unique_id":null,"netns":null,"ssl":null}
  proxy_headers +0, proxy_local +1, proxy_rejected +0, proxy_timeouts +0, connections_accepted +1
