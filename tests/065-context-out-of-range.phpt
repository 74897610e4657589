--TEST--
bad context values: an out-of-range fastsock option warns (naming the option and the accepted range); the server is created and works with the ini values
--EXTENSIONS--
fastsock
--INI--
fastsock.backlog=100
fastsock.rcvbuf=262144
fastsock.sndbuf=131072
fastsock.udp_rcvbuf=65536
fastsock.chunk_size=16384
fastsock.tcp_nodelay=0
fastsock.reuseport=1
--FILE--
<?php
function try_option(string $name, $value): void
{
	$ctx = stream_context_create(["fastsock" => [$name => $value]]);
	$server = stream_socket_server("tcp://127.0.0.1:0", $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
	$client = stream_socket_client("tcp://" . stream_socket_get_name($server, false));
	$conn = stream_socket_accept($server, 5);
	fwrite($client, "ok\n");
	$info = fastsock_info($server);
	unset($info["kernel"], $info["transport"], $info["role"], $info["listening"]);
	echo "$name: server works: ", json_encode(fgets($conn) === "ok\n"), ", settings: ", json_encode($info), "\n";
}

try_option('backlog', 65536);
try_option('backlog', -1);
try_option('rcvbuf', -1);
try_option('sndbuf', (1 << 30) + 1);
try_option('udp_rcvbuf', -4096);
try_option('chunk_size', 0);
try_option('chunk_size', 8191);
try_option('chunk_size', (64 << 20) + 1);
try_option('tcp_nodelay', 2);
try_option('reuseport', -1);
--EXPECTF--
Warning: stream_socket_server(): Invalid fastsock context option "backlog": 65536 is not accepted, expected 0 (the system maximum) or 1 to 65535; the ini setting is used instead in %s on line %d
backlog: server works: true, settings: {"backlog":100,"rcvbuf":262144,"sndbuf":131072,"udp_rcvbuf":65536,"chunk_size":16384,"tcp_nodelay":false,"reuseport":true,"mode":null,"pending_limit":256,"pending":null,"activated":null,"proxy_protocol":false,"proxy_timeout":3,"proxy_from":null,"proxy":null,"tls":null}

Warning: stream_socket_server(): Invalid fastsock context option "backlog": -1 is not accepted, expected 0 (the system maximum) or 1 to 65535; the ini setting is used instead in %s on line %d
backlog: server works: true, settings: {"backlog":100,"rcvbuf":262144,"sndbuf":131072,"udp_rcvbuf":65536,"chunk_size":16384,"tcp_nodelay":false,"reuseport":true,"mode":null,"pending_limit":256,"pending":null,"activated":null,"proxy_protocol":false,"proxy_timeout":3,"proxy_from":null,"proxy":null,"tls":null}

Warning: stream_socket_server(): Invalid fastsock context option "rcvbuf": -1 is not accepted, expected 0 (kernel autotuning) or 1 to 1073741824 bytes; the ini setting is used instead in %s on line %d
rcvbuf: server works: true, settings: {"backlog":100,"rcvbuf":262144,"sndbuf":131072,"udp_rcvbuf":65536,"chunk_size":16384,"tcp_nodelay":false,"reuseport":true,"mode":null,"pending_limit":256,"pending":null,"activated":null,"proxy_protocol":false,"proxy_timeout":3,"proxy_from":null,"proxy":null,"tls":null}

Warning: stream_socket_server(): Invalid fastsock context option "sndbuf": 1073741825 is not accepted, expected 0 (kernel autotuning) or 1 to 1073741824 bytes; the ini setting is used instead in %s on line %d
sndbuf: server works: true, settings: {"backlog":100,"rcvbuf":262144,"sndbuf":131072,"udp_rcvbuf":65536,"chunk_size":16384,"tcp_nodelay":false,"reuseport":true,"mode":null,"pending_limit":256,"pending":null,"activated":null,"proxy_protocol":false,"proxy_timeout":3,"proxy_from":null,"proxy":null,"tls":null}

Warning: stream_socket_server(): Invalid fastsock context option "udp_rcvbuf": -4096 is not accepted, expected 0 (kernel default) or 1 to 1073741824 bytes; the ini setting is used instead in %s on line %d
udp_rcvbuf: server works: true, settings: {"backlog":100,"rcvbuf":262144,"sndbuf":131072,"udp_rcvbuf":65536,"chunk_size":16384,"tcp_nodelay":false,"reuseport":true,"mode":null,"pending_limit":256,"pending":null,"activated":null,"proxy_protocol":false,"proxy_timeout":3,"proxy_from":null,"proxy":null,"tls":null}

Warning: stream_socket_server(): Invalid fastsock context option "chunk_size": 0 is not accepted, expected 8192 to 67108864 bytes; the ini setting is used instead in %s on line %d
chunk_size: server works: true, settings: {"backlog":100,"rcvbuf":262144,"sndbuf":131072,"udp_rcvbuf":65536,"chunk_size":16384,"tcp_nodelay":false,"reuseport":true,"mode":null,"pending_limit":256,"pending":null,"activated":null,"proxy_protocol":false,"proxy_timeout":3,"proxy_from":null,"proxy":null,"tls":null}

Warning: stream_socket_server(): Invalid fastsock context option "chunk_size": 8191 is not accepted, expected 8192 to 67108864 bytes; the ini setting is used instead in %s on line %d
chunk_size: server works: true, settings: {"backlog":100,"rcvbuf":262144,"sndbuf":131072,"udp_rcvbuf":65536,"chunk_size":16384,"tcp_nodelay":false,"reuseport":true,"mode":null,"pending_limit":256,"pending":null,"activated":null,"proxy_protocol":false,"proxy_timeout":3,"proxy_from":null,"proxy":null,"tls":null}

Warning: stream_socket_server(): Invalid fastsock context option "chunk_size": 67108865 is not accepted, expected 8192 to 67108864 bytes; the ini setting is used instead in %s on line %d
chunk_size: server works: true, settings: {"backlog":100,"rcvbuf":262144,"sndbuf":131072,"udp_rcvbuf":65536,"chunk_size":16384,"tcp_nodelay":false,"reuseport":true,"mode":null,"pending_limit":256,"pending":null,"activated":null,"proxy_protocol":false,"proxy_timeout":3,"proxy_from":null,"proxy":null,"tls":null}

Warning: stream_socket_server(): Invalid fastsock context option "tcp_nodelay": 2 is not accepted, expected a boolean (1, 0, on, off, yes, no, true, false); the ini setting is used instead in %s on line %d
tcp_nodelay: server works: true, settings: {"backlog":100,"rcvbuf":262144,"sndbuf":131072,"udp_rcvbuf":65536,"chunk_size":16384,"tcp_nodelay":false,"reuseport":true,"mode":null,"pending_limit":256,"pending":null,"activated":null,"proxy_protocol":false,"proxy_timeout":3,"proxy_from":null,"proxy":null,"tls":null}

Warning: stream_socket_server(): Invalid fastsock context option "reuseport": -1 is not accepted, expected a boolean (1, 0, on, off, yes, no, true, false); the ini setting is used instead in %s on line %d
reuseport: server works: true, settings: {"backlog":100,"rcvbuf":262144,"sndbuf":131072,"udp_rcvbuf":65536,"chunk_size":16384,"tcp_nodelay":false,"reuseport":true,"mode":null,"pending_limit":256,"pending":null,"activated":null,"proxy_protocol":false,"proxy_timeout":3,"proxy_from":null,"proxy":null,"tls":null}
