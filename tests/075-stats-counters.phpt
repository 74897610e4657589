--TEST--
fastsock_stats(): servers_created counts each server fastsock created (not a failed bind), connections_accepted each accepted connection
--EXTENSIONS--
fastsock
--FILE--
<?php
/* Its own temp dir, and nothing left behind however the test ends. */
require __DIR__ . '/fixtures/harness.inc';
$before = fastsock_stats();
var_dump(array_keys($before));

$tcp = stream_socket_server('tcp://127.0.0.1:0');
$udp = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
$path = sys_get_temp_dir() . '/fastsock-test-075-' . getmypid() . '.sock';
@unlink($path);
$unix = stream_socket_server("unix://$path");
$failed = @stream_socket_server('tcp://' . stream_socket_get_name($tcp, false));
var_dump($failed);

$clients = [];
for ($i = 0; $i < 3; $i++) {
	$clients[] = stream_socket_client('tcp://' . stream_socket_get_name($tcp, false));
	$conns[] = stream_socket_accept($tcp, 5);
}
$clients[] = stream_socket_client("unix://$path");
$conns[] = stream_socket_accept($unix, 5);

$after = fastsock_stats();
foreach ($after as $name => $value) {
	echo $name, ' +', $value - $before[$name], "\n";
}
fclose($unix);
unlink($path);
--EXPECT--
array(15) {
  [0]=>
  string(15) "servers_created"
  [1]=>
  string(20) "connections_accepted"
  [2]=>
  string(13) "accept_errors"
  [3]=>
  string(19) "tls_handshakes_full"
  [4]=>
  string(22) "tls_handshakes_resumed"
  [5]=>
  string(21) "tls_handshakes_failed"
  [6]=>
  string(18) "tls_contexts_built"
  [7]=>
  string(19) "tls_contexts_reused"
  [8]=>
  string(13) "proxy_headers"
  [9]=>
  string(11) "proxy_local"
  [10]=>
  string(14) "proxy_rejected"
  [11]=>
  string(14) "proxy_timeouts"
  [12]=>
  string(19) "proxy_health_checks"
  [13]=>
  string(15) "pending_dropped"
  [14]=>
  string(15) "accept_backoffs"
}
bool(false)
servers_created +3
connections_accepted +4
accept_errors +0
tls_handshakes_full +0
tls_handshakes_resumed +0
tls_handshakes_failed +0
tls_contexts_built +0
tls_contexts_reused +0
proxy_headers +0
proxy_local +0
proxy_rejected +0
proxy_timeouts +0
proxy_health_checks +0
pending_dropped +0
accept_backoffs +0
