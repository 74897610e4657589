--TEST--
PROXY protocol context options: per server over the ini; a bad proxy_from or proxy_timeout warns and the ini value is used; proxy_protocol on a datagram server warns
--EXTENSIONS--
fastsock
--INI--
fastsock.proxy_from=10.0.0.0/8
fastsock.proxy_timeout=7
--FILE--
<?php
function show($server)
{
	$info = fastsock_info($server);
	echo json_encode(['protocol' => $info['proxy_protocol'], 'timeout' => $info['proxy_timeout'],
		'from' => $info['proxy_from']]), "\n";
}

function serve(array $fastsock, string $transport = 'tcp')
{
	$address = $transport === 'udp' ? 'udp://127.0.0.1:0' : 'tcp://127.0.0.1:0';
	$flags = $transport === 'udp' ? STREAM_SERVER_BIND : STREAM_SERVER_BIND | STREAM_SERVER_LISTEN;
	return stream_socket_server($address, $errno, $errstr, $flags,
		stream_context_create(['fastsock' => $fastsock]));
}

show(serve([]));
show(serve(['proxy_protocol' => true]));
show(serve(['proxy_protocol' => 'on', 'proxy_from' => '127.0.0.1, ::1', 'proxy_timeout' => 2]));
show(serve(['proxy_protocol' => true, 'proxy_from' => '127.0.0.1/40']));
show(serve(['proxy_protocol' => true, 'proxy_from' => ['127.0.0.1']]));
show(serve(['proxy_protocol' => true, 'proxy_timeout' => 0]));
show(serve(['proxy_protocol' => 'maybe']));
show(serve(['proxy_protocol' => true], 'udp'));
show(serve(['proxy_protocol' => false], 'udp'));
?>
--EXPECTF--
{"protocol":false,"timeout":7,"from":null}
{"protocol":true,"timeout":7,"from":"10.0.0.0\/8"}
{"protocol":true,"timeout":2,"from":"127.0.0.1, ::1"}

Warning: stream_socket_server(): Invalid fastsock context option "proxy_from": "127.0.0.1/40" is not accepted, expected a comma-separated list of IPv4 and IPv6 addresses and CIDR ranges, such as "10.0.0.0/8, 127.0.0.1, ::1"; the ini setting is used instead in %s on line %d
{"protocol":true,"timeout":7,"from":"10.0.0.0\/8"}

Warning: stream_socket_server(): Invalid fastsock context option "proxy_from": array is not accepted, expected %s; the ini setting is used instead in %s on line %d
{"protocol":true,"timeout":7,"from":"10.0.0.0\/8"}

Warning: stream_socket_server(): Invalid fastsock context option "proxy_timeout": 0 is not accepted, expected 1 to 3600 seconds; the ini setting is used instead in %s on line %d
{"protocol":true,"timeout":7,"from":"10.0.0.0\/8"}

Warning: stream_socket_server(): Invalid fastsock context option "proxy_protocol": "maybe" is not accepted, expected on (PROXY protocol v1 and v2 headers from proxy_from) or off, or another boolean (1, 0, yes, no, true, false); the ini setting is used instead in %s on line %d
{"protocol":false,"timeout":7,"from":null}

Warning: stream_socket_server(): The fastsock context option "proxy_protocol" applies to tcp://, unix:// and the TLS servers only; ignored in %s on line %d
{"protocol":false,"timeout":7,"from":null}
{"protocol":false,"timeout":7,"from":null}
