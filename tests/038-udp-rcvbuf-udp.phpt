--TEST--
udp_rcvbuf: a udp:// server gets a 4 MiB receive buffer by default (as Linux grants it), the ini and context change it, 0 leaves the kernel default
--EXTENSIONS--
fastsock
sockets
--SKIPIF--
<?php if (PHP_OS_FAMILY !== "Linux") die("skip Linux only: expected values follow Linux's doubling and rmem_max cap"); ?>
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

function udp_server(array $fastsock = [])
{
	$ctx = stream_context_create(['fastsock' => $fastsock]);
	return stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND, $ctx);
}

function granted($server, int $want): string
{
	$got = socket_get_option(socket_import_stream($server), SOL_SOCKET, SO_RCVBUF);
	$info = fastsock_info($server)['kernel']['so_rcvbuf'];
	return ($got === $want ? 'granted' : "got $got, want $want") . ($info === $got ? '' : ", fastsock_info says $info") . "\n";
}

$server = udp_server();
var_dump(fastsock_info($server)['udp_rcvbuf']);
echo 'default: ', granted($server, fs_granted_buffer(4194304, 'rmem_max'));

ini_set('fastsock.udp_rcvbuf', '65536');
echo 'ini 65536: ', granted(udp_server(), fs_granted_buffer(65536, 'rmem_max'));

echo 'context 262144: ', granted(udp_server(['udp_rcvbuf' => 262144]), fs_granted_buffer(262144, 'rmem_max'));

/* The tcp setting does not apply to datagram servers. */
echo 'rcvbuf ignored: ', granted(udp_server(['rcvbuf' => 1048576]), fs_granted_buffer(65536, 'rmem_max'));

$ref = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
echo 'context 0: ', granted(udp_server(['udp_rcvbuf' => 0]), socket_get_option($ref, SOL_SOCKET, SO_RCVBUF));

/* Datagrams still arrive. */
$server = udp_server();
$client = stream_socket_client('udp://' . stream_socket_get_name($server, false));
fwrite($client, 'datagram');
var_dump(stream_socket_recvfrom($server, 100));
--EXPECT--
int(4194304)
default: granted
ini 65536: granted
context 262144: granted
rcvbuf ignored: granted
context 0: granted
string(8) "datagram"
