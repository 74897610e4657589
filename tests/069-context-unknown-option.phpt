--TEST--
bad context values: an unknown fastsock option name warns and lists the known ones; known options beside it still apply
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
$ctx = stream_context_create(['fastsock' => ['backlogg' => 5, 'chunk_size' => 32768, 'nodelay' => true]]);
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
$client = stream_socket_client('tcp://' . stream_socket_get_name($server, false));
$conn = stream_socket_accept($server, 5);
fwrite($client, "ok\n");
var_dump(fgets($conn));
var_dump(fastsock_info($server)['backlog'], fastsock_info($conn)['chunk_size'], fastsock_info($conn)['tcp_nodelay']);
--EXPECTF--
Warning: stream_socket_server(): Unknown fastsock context option "backlogg"; known are backlog, rcvbuf, sndbuf, udp_rcvbuf, chunk_size, tcp_nodelay, reuseport, mode, tls_session_cache, tls_session_timeout, tls_tickets, tls_handshake_timeout, proxy_protocol, proxy_timeout, proxy_from, pending_limit in %s on line %d

Warning: stream_socket_server(): Unknown fastsock context option "nodelay"; known are backlog, rcvbuf, sndbuf, udp_rcvbuf, chunk_size, tcp_nodelay, reuseport, mode, tls_session_cache, tls_session_timeout, tls_tickets, tls_handshake_timeout, proxy_protocol, proxy_timeout, proxy_from, pending_limit in %s on line %d
string(3) "ok
"
int(100)
int(32768)
bool(false)
