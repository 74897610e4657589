--TEST--
activation: under systemd-socket-activate -d, an unchanged stream_socket_server('udp://127.0.0.1:P', ..., STREAM_SERVER_BIND) adopts the passed datagram socket and receives the datagram that started it; udp_rcvbuf applies; a udp server at another port binds as usual
--EXTENSIONS--
fastsock
--SKIPIF--
<?php
require __DIR__ . '/fixtures/activation.inc';
fs_activation_skipif();
?>
--FILE--
<?php
require __DIR__ . '/fixtures/activation.inc';

$script = <<<'PHP'
<?php
$server = stream_socket_server('udp://127.0.0.1:' . $argv[1], $errno, $errstr, STREAM_SERVER_BIND);
if (!$server) {
	exit("no server: $errstr\n");
}
$info = fastsock_info($server);
echo 'activated: ', json_encode($info['activated']), "\n";
echo 'so_rcvbuf granted ', $info['kernel']['so_rcvbuf'] === 2 * min(262144, (int) file_get_contents('/proc/sys/net/core/rmem_max')) ? 'as asked' : $info['kernel']['so_rcvbuf'], "\n";
$r = [$server];
$w = $e = null;
if (stream_select($r, $w, $e, 10) === 1) {
	$data = stream_socket_recvfrom($server, 100, 0, $peer);
	echo 'received ', json_encode($data), "\n";
	stream_socket_sendto($server, "echo $data", 0, $peer);
}
PHP;

echo "--- the script's address\n";
$port = fs_free_port('udp');
$run = new FsActivated(["127.0.0.1:$port"], $script, ['fastsock.udp_rcvbuf' => 262144], ['-d'], [(string) $port]);
$client = $run->trigger();
echo 'client got: ', json_encode(fread($client, 100)), "\n";
echo $run->output();

echo "--- another port\n";
$port = fs_free_port('udp');
$other = fs_free_port('udp');
$run = new FsActivated(["127.0.0.1:$other"], <<<'PHP'
<?php
$server = stream_socket_server('udp://127.0.0.1:' . $argv[1], $errno, $errstr, STREAM_SERVER_BIND);
echo 'activated: ', json_encode(fastsock_info($server)['activated']), ', bound to the port asked: ',
	stream_socket_get_name($server, false) === '127.0.0.1:' . $argv[1] ? 'yes' : 'no', "\n";
PHP, [], ['-d'], [(string) $port]);
$client = $run->trigger();
echo $run->output();
?>
--EXPECT--
--- the script's address
client got: "echo hello\n"
activated: {"fd":3,"name":null,"not_applied":[]}
so_rcvbuf granted as asked
received "hello\n"
--- another port
activated: null, bound to the port asked: yes
