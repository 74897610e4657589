--TEST--
bad ini values at startup (-d / php.ini): a warning names the setting and what it accepts, and the default stays in effect
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$code = <<<'PHP'
<?php
$server = stream_socket_server('tcp://127.0.0.1:0');
$info = fastsock_info($server);
[$client, $conn] = [stream_socket_client('tcp://' . stream_socket_get_name($server, false)), stream_socket_accept($server, 5)];
$conn_info = fastsock_info($conn);
echo 'enable=', ini_get('fastsock.enable'), ' backlog=', ini_get('fastsock.backlog'), ' chunk_size=', ini_get('fastsock.chunk_size'),
	' rcvbuf=', ini_get('fastsock.rcvbuf'), ' tcp_nodelay=', ini_get('fastsock.tcp_nodelay'), "\n";
echo 'in effect: backlog=', $info['backlog'] === (int) file_get_contents('/proc/sys/net/core/somaxconn') ? 'somaxconn' : $info['backlog'],
	' chunk_size=', $conn_info['chunk_size'], ' rcvbuf=', $info['rcvbuf'],
	' tcp_nodelay=', $conn_info['kernel']['tcp_nodelay'] > 0 ? 'on' : 'off', "\n";
PHP;

foreach ([
	['fastsock.backlog', 'abc'],
	['fastsock.backlog', '70000'],
	['fastsock.backlog', '-1'],
	['fastsock.chunk_size', '0'],
	['fastsock.chunk_size', '67108865'],
	['fastsock.rcvbuf', '-1'],
	['fastsock.rcvbuf', '1073741825'],
	['fastsock.tcp_nodelay', 'maybe'],
	['fastsock.enable', 'perhaps'],
] as [$name, $value]) {
	echo "--- $name=$value\n", fs_run($code, [$name => $value]);
}
--EXPECT--
--- fastsock.backlog=abc

Warning: PHP Startup: Invalid value "abc" for fastsock.backlog: accepted is 0 (the system maximum) or 1 to 65535; the default is used in Unknown on line 0
enable=1 backlog=0 chunk_size=262144 rcvbuf=0 tcp_nodelay=1
in effect: backlog=somaxconn chunk_size=262144 rcvbuf=0 tcp_nodelay=on
--- fastsock.backlog=70000

Warning: PHP Startup: Invalid value "70000" for fastsock.backlog: accepted is 0 (the system maximum) or 1 to 65535; the default is used in Unknown on line 0
enable=1 backlog=0 chunk_size=262144 rcvbuf=0 tcp_nodelay=1
in effect: backlog=somaxconn chunk_size=262144 rcvbuf=0 tcp_nodelay=on
--- fastsock.backlog=-1

Warning: PHP Startup: Invalid value "-1" for fastsock.backlog: accepted is 0 (the system maximum) or 1 to 65535; the default is used in Unknown on line 0
enable=1 backlog=0 chunk_size=262144 rcvbuf=0 tcp_nodelay=1
in effect: backlog=somaxconn chunk_size=262144 rcvbuf=0 tcp_nodelay=on
--- fastsock.chunk_size=0

Warning: PHP Startup: Invalid value "0" for fastsock.chunk_size: accepted is 8192 to 67108864 bytes; the default is used in Unknown on line 0
enable=1 backlog=0 chunk_size=262144 rcvbuf=0 tcp_nodelay=1
in effect: backlog=somaxconn chunk_size=262144 rcvbuf=0 tcp_nodelay=on
--- fastsock.chunk_size=67108865

Warning: PHP Startup: Invalid value "67108865" for fastsock.chunk_size: accepted is 8192 to 67108864 bytes; the default is used in Unknown on line 0
enable=1 backlog=0 chunk_size=262144 rcvbuf=0 tcp_nodelay=1
in effect: backlog=somaxconn chunk_size=262144 rcvbuf=0 tcp_nodelay=on
--- fastsock.rcvbuf=-1

Warning: PHP Startup: Invalid value "-1" for fastsock.rcvbuf: accepted is 0 (kernel autotuning) or 1 to 1073741824 bytes; the default is used in Unknown on line 0
enable=1 backlog=0 chunk_size=262144 rcvbuf=0 tcp_nodelay=1
in effect: backlog=somaxconn chunk_size=262144 rcvbuf=0 tcp_nodelay=on
--- fastsock.rcvbuf=1073741825

Warning: PHP Startup: Invalid value "1073741825" for fastsock.rcvbuf: accepted is 0 (kernel autotuning) or 1 to 1073741824 bytes; the default is used in Unknown on line 0
enable=1 backlog=0 chunk_size=262144 rcvbuf=0 tcp_nodelay=1
in effect: backlog=somaxconn chunk_size=262144 rcvbuf=0 tcp_nodelay=on
--- fastsock.tcp_nodelay=maybe

Warning: PHP Startup: Invalid value "maybe" for fastsock.tcp_nodelay: accepted is a boolean (1, 0, on, off, yes, no, true, false); the default is used in Unknown on line 0
enable=1 backlog=0 chunk_size=262144 rcvbuf=0 tcp_nodelay=1
in effect: backlog=somaxconn chunk_size=262144 rcvbuf=0 tcp_nodelay=on
--- fastsock.enable=perhaps

Warning: PHP Startup: Invalid value "perhaps" for fastsock.enable: accepted is a boolean (1, 0, on, off, yes, no, true, false); the default is used in Unknown on line 0
enable=1 backlog=0 chunk_size=262144 rcvbuf=0 tcp_nodelay=1
in effect: backlog=somaxconn chunk_size=262144 rcvbuf=0 tcp_nodelay=on
