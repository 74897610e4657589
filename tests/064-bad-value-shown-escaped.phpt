--TEST--
bad values in warnings: control bytes are escaped (a NUL no longer cuts the value short, a newline does not split the log line) and at most 64 bytes are shown
--EXTENSIONS--
fastsock
--FILE--
<?php
foreach (["12\0abc", "1\n2\r\t\"\\", "\xc3\xa9", str_repeat('9', 1 << 20)] as $value) {
	var_dump(ini_set('fastsock.backlog', $value));
}

function try_context(array $options): void
{
	$ctx = stream_context_create(['fastsock' => $options]);
	$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
	var_dump($server !== false);
}
try_context(['chunk_size' => "65536\0"]);
try_context(['tcp_nodelay' => "on\nPHP Fatal error: forged"]);
try_context(["backlog\n" => 5]);
try_context([str_repeat('k', 100) => 5]);
--EXPECTF--
Warning: ini_set(): Invalid value "12\x00abc" for fastsock.backlog: accepted is 0 (the system maximum) or 1 to 65535; the current value is kept in %s on line %d
bool(false)

Warning: ini_set(): Invalid value "1\x0a2\x0d\x09\"\\" for fastsock.backlog: accepted is 0 (the system maximum) or 1 to 65535; the current value is kept in %s on line %d
bool(false)

Warning: ini_set(): Invalid value "\xc3\xa9" for fastsock.backlog: accepted is 0 (the system maximum) or 1 to 65535; the current value is kept in %s on line %d
bool(false)

Warning: ini_set(): Invalid value "9999999999999999999999999999999999999999999999999999999999999999..." for fastsock.backlog: accepted is 0 (the system maximum) or 1 to 65535; the current value is kept in %s on line %d
bool(false)

Warning: stream_socket_server(): Invalid fastsock context option "chunk_size": "65536\x00" is not accepted, expected 8192 to 67108864 bytes; the ini setting is used instead in %s on line %d
bool(true)

Warning: stream_socket_server(): Invalid fastsock context option "tcp_nodelay": "on\x0aPHP Fatal error: forged" is not accepted, expected a boolean (1, 0, on, off, yes, no, true, false); the ini setting is used instead in %s on line %d
bool(true)

Warning: stream_socket_server(): Unknown fastsock context option "backlog\x0a"; known are backlog, rcvbuf, sndbuf, udp_rcvbuf, chunk_size, tcp_nodelay, reuseport, mode, tls_session_cache, tls_session_timeout, tls_tickets, tls_handshake_timeout, proxy_protocol, proxy_timeout, proxy_from, pending_limit in %s on line %d
bool(true)

Warning: stream_socket_server(): Unknown fastsock context option "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk..."; known are backlog, rcvbuf, sndbuf, udp_rcvbuf, chunk_size, tcp_nodelay, reuseport, mode, tls_session_cache, tls_session_timeout, tls_tickets, tls_handshake_timeout, proxy_protocol, proxy_timeout, proxy_from, pending_limit in %s on line %d
bool(true)
