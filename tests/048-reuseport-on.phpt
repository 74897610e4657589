--TEST--
reuseport: fastsock.reuseport=1 (ini) or the fastsock context option sets SO_REUSEPORT, so two servers bind the same port
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

function pair_of_servers(string $scheme, $ctx = null): void
{
	$flags = $scheme === 'udp' ? STREAM_SERVER_BIND : STREAM_SERVER_BIND | STREAM_SERVER_LISTEN;
	$ctx ??= stream_context_create();
	$first = stream_socket_server("$scheme://127.0.0.1:0", $errno, $errstr, $flags, $ctx);
	$addr = stream_socket_get_name($first, false);
	$second = stream_socket_server("$scheme://$addr", $errno, $errstr, $flags, $ctx);
	echo "$scheme: second bind ", $second ? 'ok' : "failed: $errstr", ', so_reuseport ',
		fastsock_info($first)['kernel']['so_reuseport'], ' ',
		$second ? fastsock_info($second)['kernel']['so_reuseport'] : '-', "\n";
}

ini_set('fastsock.reuseport', '1');
pair_of_servers('tcp');
pair_of_servers('udp');
ini_set('fastsock.reuseport', '0');
pair_of_servers('tcp', stream_context_create(['fastsock' => ['reuseport' => true]]));
pair_of_servers('udp', stream_context_create(['fastsock' => ['reuseport' => 'yes']]));

/* (udp binds twice in stock too, SO_REUSEADDR allows it; there the kernel
 * value is what shows the setting.) A connection reaches one of the two. */
ini_set('fastsock.reuseport', 'on');
$first = stream_socket_server('tcp://127.0.0.1:0');
$addr = stream_socket_get_name($first, false);
$second = stream_socket_server("tcp://$addr");
var_dump(fastsock_info($second)['reuseport']);
$client = stream_socket_client("tcp://$addr");
$conn = @stream_socket_accept($first, 0.5) ?: @stream_socket_accept($second, 0.5);
var_dump($conn !== false);
--EXPECT--
tcp: second bind ok, so_reuseport 1 1
udp: second bind ok, so_reuseport 1 1
tcp: second bind ok, so_reuseport 1 1
udp: second bind ok, so_reuseport 1 1
bool(true)
bool(true)
