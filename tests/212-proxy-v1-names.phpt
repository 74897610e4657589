--TEST--
PROXY v1 from a trusted source: the header is consumed, and stream_socket_accept()'s peer, stream_socket_get_name($c, true) and stream_socket_recvfrom()'s address give the client it names; the server's own name stays its own
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/proxy.inc';

foreach ([['TCP4', '203.0.113.7', '198.51.100.2'], ['TCP6', '2001:db8::7', '2001:db8::1']] as [$proto, $src, $dst]) {
	$server = pp_server(['proxy_protocol' => true, 'proxy_from' => '127.0.0.1']);
	$before = fastsock_stats();
	/* The header and the first request in one segment, as balancers send them. */
	$client = pp_send($server, pp_v1($proto, $src, $dst, 40000, 443) . "hello\nworld\n");
	$conn = stream_socket_accept($server, 5, $peer);
	echo "accept peer: $peer\n";
	echo 'get_name(true): ', stream_socket_get_name($conn, true), "\n";
	var_dump(stream_socket_get_name($conn, false) === stream_socket_get_name($server, false));
	var_dump(stream_socket_recvfrom($conn, 6, 0, $from), $from);
	echo 'then: ', fgets($conn);
	$info = fastsock_info($conn)['proxy'];
	echo json_encode($info), "\n";
	echo pp_counted($before);
	fclose($client);
	fclose($conn);
	fclose($server);
}
?>
--EXPECT--
accept peer: 203.0.113.7:40000
get_name(true): 203.0.113.7:40000
bool(true)
string(6) "hello
"
string(17) "203.0.113.7:40000"
then: world
{"version":1,"local":false,"source":"203.0.113.7:40000","destination":"198.51.100.2:443","transport":"tcp4","alpn":null,"authority":null,"unique_id":null,"netns":null,"ssl":null}
proxy_headers +1, proxy_local +0, proxy_rejected +0, proxy_timeouts +0, connections_accepted +1
accept peer: [2001:db8::7]:40000
get_name(true): [2001:db8::7]:40000
bool(true)
string(6) "hello
"
string(19) "[2001:db8::7]:40000"
then: world
{"version":1,"local":false,"source":"[2001:db8::7]:40000","destination":"[2001:db8::1]:443","transport":"tcp6","alpn":null,"authority":null,"unique_id":null,"netns":null,"ssl":null}
proxy_headers +1, proxy_local +0, proxy_rejected +0, proxy_timeouts +0, connections_accepted +1
