--TEST--
PROXY protocol on a unix:// server: every peer may connect only through the file, so every peer must send the header (proxy_from is not consulted); the names give the client it carries
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/proxy.inc';

$path = sys_get_temp_dir() . '/fastsock-proxy-' . getmypid() . '.sock';
$server = stream_socket_server("unix://$path", $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	stream_context_create(['fastsock' => ['proxy_protocol' => true]]));
$before = fastsock_stats();

$client = stream_socket_client("unix://$path", $errno, $errstr, 5);
fwrite($client, pp_v2('PROXY', '198.51.100.9', '198.51.100.1', 61000, 443) . "over unix\n");
$no_header = stream_socket_client("unix://$path", $errno, $errstr, 5);
fwrite($no_header, "plain\n");
$conn = stream_socket_accept($server, 5, $peer);
echo "peer: $peer, get_name: ", stream_socket_get_name($conn, true), ', data: ', fgets($conn);
$none = @stream_socket_accept($server, 0);
var_dump($none);
echo pp_counted($before);
fclose($client);
fclose($no_header);
fclose($conn);
fclose($server);
unlink($path);
?>
--EXPECT--
peer: 198.51.100.9:61000, get_name: 198.51.100.9:61000, data: over unix
bool(false)
proxy_headers +1, proxy_local +0, proxy_rejected +1, proxy_timeouts +0, connections_accepted +1
