--TEST--
fastsock loads: functions, ini defaults, transports and the phpinfo() section
--EXTENSIONS--
fastsock
--FILE--
<?php
var_dump(function_exists('fastsock_info'), function_exists('fastsock_stats'));
foreach (['enable', 'select', 'backlog', 'rcvbuf', 'sndbuf', 'udp_rcvbuf', 'chunk_size', 'tcp_nodelay', 'reuseport'] as $name) {
	echo "fastsock.$name=", ini_get("fastsock.$name"), "\n";
}
echo implode(' ', array_values(array_filter(stream_get_transports(), fn($t) => str_starts_with($t, 'fast+')))), "\n";
ob_start();
phpinfo(INFO_MODULES);
$info = ob_get_clean();
var_dump(str_contains($info, 'fastsock support => enabled'));
var_dump(str_contains($info, 'stream_socket_server() served by fastsock => yes'));
--EXPECT--
bool(true)
bool(true)
fastsock.enable=1
fastsock.select=1
fastsock.backlog=0
fastsock.rcvbuf=0
fastsock.sndbuf=0
fastsock.udp_rcvbuf=4194304
fastsock.chunk_size=262144
fastsock.tcp_nodelay=1
fastsock.reuseport=0
fast+tcp fast+udp fast+unix fast+udg fast+ssl fast+tls fast+tlsv1.0 fast+tlsv1.1 fast+tlsv1.2 fast+tlsv1.3
bool(true)
bool(true)
