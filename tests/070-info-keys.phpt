--TEST--
fastsock_info(): the keys and values for a tcp listener, an accepted tcp connection, a udp server and a unix listener
--EXTENSIONS--
fastsock
--FILE--
<?php
/* Its own temp dir, and nothing left behind however the test ends. */
require __DIR__ . '/fixtures/harness.inc';
function show(string $label, array $info): void
{
	$kernel = $info['kernel'];
	unset($info['kernel']);
	$somaxconn = (int) file_get_contents('/proc/sys/net/core/somaxconn');
	$json = str_replace("\"backlog\":$somaxconn,", '"backlog":SOMAXCONN,', json_encode($info));
	echo "$label: ", $json, "\n  kernel keys: ", implode(' ', array_keys($kernel)),
		"\n  kernel types: ", implode(' ', array_map('gettype', $kernel)), "\n";
}

$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	stream_context_create(['fastsock' => ['backlog' => 64]]));
show('tcp listener', fastsock_info($server));
var_dump(fastsock_info($server)['kernel']['so_acceptconn']);
$client = stream_socket_client('tcp://' . stream_socket_get_name($server, false));
$conn = stream_socket_accept($server, 5);
show('tcp connection', fastsock_info($conn));
var_dump(fastsock_info($conn)['kernel']['so_acceptconn']);

$udp = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
show('udp server', fastsock_info($udp));

$path = sys_get_temp_dir() . '/fastsock-test-070-' . getmypid() . '.sock';
@unlink($path);
$unix = stream_socket_server("unix://$path", $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	stream_context_create(['fastsock' => ['mode' => 0600]]));
show('unix listener', fastsock_info($unix));
fclose($unix);
unlink($path);
--EXPECT--
tcp listener: {"transport":"tcp","role":"server","listening":true,"backlog":64,"rcvbuf":0,"sndbuf":0,"udp_rcvbuf":4194304,"chunk_size":262144,"tcp_nodelay":true,"reuseport":false,"mode":null,"pending_limit":256,"pending":null,"activated":null,"proxy_protocol":false,"proxy_timeout":3,"proxy_from":null,"proxy":null,"tls":null}
  kernel keys: so_rcvbuf so_sndbuf so_reuseport tcp_nodelay so_acceptconn
  kernel types: integer integer integer integer integer
int(1)
tcp connection: {"transport":"tcp","role":"connection","listening":false,"backlog":64,"rcvbuf":0,"sndbuf":0,"udp_rcvbuf":4194304,"chunk_size":262144,"tcp_nodelay":true,"reuseport":false,"mode":null,"pending_limit":256,"pending":null,"activated":null,"proxy_protocol":false,"proxy_timeout":3,"proxy_from":null,"proxy":null,"tls":null}
  kernel keys: so_rcvbuf so_sndbuf so_reuseport tcp_nodelay so_acceptconn
  kernel types: integer integer integer integer integer
int(0)
udp server: {"transport":"udp","role":"server","listening":false,"backlog":SOMAXCONN,"rcvbuf":0,"sndbuf":0,"udp_rcvbuf":4194304,"chunk_size":262144,"tcp_nodelay":true,"reuseport":false,"mode":null,"pending_limit":256,"pending":null,"activated":null,"proxy_protocol":false,"proxy_timeout":3,"proxy_from":null,"proxy":null,"tls":null}
  kernel keys: so_rcvbuf so_sndbuf so_reuseport so_acceptconn
  kernel types: integer integer integer integer
unix listener: {"transport":"unix","role":"server","listening":true,"backlog":SOMAXCONN,"rcvbuf":0,"sndbuf":0,"udp_rcvbuf":4194304,"chunk_size":262144,"tcp_nodelay":true,"reuseport":false,"mode":384,"pending_limit":256,"pending":null,"activated":null,"proxy_protocol":false,"proxy_timeout":3,"proxy_from":null,"proxy":null,"tls":null}
  kernel keys: so_rcvbuf so_sndbuf so_acceptconn
  kernel types: integer integer integer
