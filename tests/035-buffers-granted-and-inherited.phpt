--TEST--
rcvbuf/sndbuf: set on the listening socket before listen(), granted as Linux reports them, inherited by accepted connections
--EXTENSIONS--
fastsock
sockets
--SKIPIF--
<?php if (PHP_OS_FAMILY !== "Linux") die("skip Linux only: expected values follow Linux's doubling and rmem_max/wmem_max caps"); ?>
--INI--
fastsock.rcvbuf=1048576
fastsock.sndbuf=67108864
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$want_rcv = fs_granted_buffer(1048576, 'rmem_max');
$want_snd = fs_granted_buffer(67108864, 'wmem_max');

function check(string $label, $stream, int $want_rcv, int $want_snd): void
{
	$sock = socket_import_stream($stream);
	$got = [
		'rcv' => socket_get_option($sock, SOL_SOCKET, SO_RCVBUF),
		'snd' => socket_get_option($sock, SOL_SOCKET, SO_SNDBUF),
	];
	$kernel = fastsock_info($stream)['kernel'];
	echo $label, ': ',
		$got['rcv'] === $want_rcv ? 'rcvbuf granted' : "rcvbuf {$got['rcv']}, want $want_rcv", ', ',
		$got['snd'] === $want_snd ? 'sndbuf granted' : "sndbuf {$got['snd']}, want $want_snd", ', ',
		$kernel['so_rcvbuf'] === $got['rcv'] && $kernel['so_sndbuf'] === $got['snd']
			? 'fastsock_info agrees' : 'fastsock_info says ' . json_encode($kernel), "\n";
}

$server = stream_socket_server('tcp://127.0.0.1:0');
$info = fastsock_info($server);
var_dump($info['rcvbuf'], $info['sndbuf']);
check('listener', $server, $want_rcv, $want_snd);
[$client, $conn] = fs_connect_pair($server);
check('accepted', $conn, $want_rcv, $want_snd);
fwrite($client, "ping\n");
var_dump(fgets($conn));
--EXPECT--
int(1048576)
int(67108864)
listener: rcvbuf granted, sndbuf granted, fastsock_info agrees
accepted: rcvbuf granted, sndbuf granted, fastsock_info agrees
string(5) "ping
"
