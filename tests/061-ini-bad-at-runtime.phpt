--TEST--
bad ini values with ini_set(): a warning names the setting and what it accepts, ini_set() returns false and the current value stays in effect
--EXTENSIONS--
fastsock
--INI--
fastsock.backlog=100
fastsock.chunk_size=16384
fastsock.rcvbuf=262144
fastsock.tcp_nodelay=0
--FILE--
<?php
foreach ([
	['fastsock.backlog', 'abc'],
	['fastsock.backlog', '70000'],
	['fastsock.backlog', '12abc'],
	['fastsock.chunk_size', '0'],
	['fastsock.rcvbuf', '-1'],
	['fastsock.sndbuf', '1.5'],
	['fastsock.udp_rcvbuf', ''],
	['fastsock.tcp_nodelay', 'maybe'],
	['fastsock.reuseport', '2'],
] as [$name, $value]) {
	$before = ini_get($name);
	var_dump(ini_set($name, $value));
	echo $name, ' still ', ini_get($name) === $before ? 'the current value' : ini_get($name), "\n";
}

$server = stream_socket_server('tcp://127.0.0.1:0');
$info = fastsock_info($server);
$client = stream_socket_client('tcp://' . stream_socket_get_name($server, false));
$conn_info = fastsock_info(stream_socket_accept($server, 5));
var_dump($info['backlog'], $conn_info['chunk_size'], $info['rcvbuf'], $info['sndbuf'], $info['udp_rcvbuf'],
	$conn_info['kernel']['tcp_nodelay'], $info['reuseport']);

/* enable is PHP_INI_SYSTEM: ini_set() refuses it as for any such setting. */
var_dump(ini_set('fastsock.enable', '0'), ini_get('fastsock.enable'));
--EXPECTF--
Warning: ini_set(): Invalid value "abc" for fastsock.backlog: accepted is 0 (the system maximum) or 1 to 65535; the current value is kept in %s on line %d
bool(false)
fastsock.backlog still the current value

Warning: ini_set(): Invalid value "70000" for fastsock.backlog: accepted is 0 (the system maximum) or 1 to 65535; the current value is kept in %s on line %d
bool(false)
fastsock.backlog still the current value

Warning: ini_set(): Invalid value "12abc" for fastsock.backlog: accepted is 0 (the system maximum) or 1 to 65535; the current value is kept in %s on line %d
bool(false)
fastsock.backlog still the current value

Warning: ini_set(): Invalid value "0" for fastsock.chunk_size: accepted is 8192 to 67108864 bytes; the current value is kept in %s on line %d
bool(false)
fastsock.chunk_size still the current value

Warning: ini_set(): Invalid value "-1" for fastsock.rcvbuf: accepted is 0 (kernel autotuning) or 1 to 1073741824 bytes; the current value is kept in %s on line %d
bool(false)
fastsock.rcvbuf still the current value

Warning: ini_set(): Invalid value "1.5" for fastsock.sndbuf: accepted is 0 (kernel autotuning) or 1 to 1073741824 bytes; the current value is kept in %s on line %d
bool(false)
fastsock.sndbuf still the current value

Warning: ini_set(): Invalid value "" for fastsock.udp_rcvbuf: accepted is 0 (kernel default) or 1 to 1073741824 bytes; the current value is kept in %s on line %d
bool(false)
fastsock.udp_rcvbuf still the current value

Warning: ini_set(): Invalid value "maybe" for fastsock.tcp_nodelay: accepted is a boolean (1, 0, on, off, yes, no, true, false); the current value is kept in %s on line %d
bool(false)
fastsock.tcp_nodelay still the current value

Warning: ini_set(): Invalid value "2" for fastsock.reuseport: accepted is a boolean (1, 0, on, off, yes, no, true, false); the current value is kept in %s on line %d
bool(false)
fastsock.reuseport still the current value
int(100)
int(16384)
int(262144)
int(0)
int(4194304)
int(0)
bool(false)
bool(false)
string(1) "1"
