--TEST--
activation: under systemd-socket-activate, an unchanged stream_socket_server('tcp://127.0.0.1:P') adopts the passed socket (fd 3, close-on-exec, listening, served; buffers applied, backlog and reuseport listed as not applied), once per process; fclose() closes it; a server for another address binds as usual
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
$port = (int) $argv[1];
echo 'LISTEN_FDS ', getenv('LISTEN_FDS'), ', LISTEN_PID is mine: ', getenv('LISTEN_PID') == getmypid() ? 'yes' : 'no', "\n";
$server = stream_socket_server("tcp://127.0.0.1:$port", $errno, $errstr);
if (!$server) {
	exit("no server: $errstr\n");
}
$info = fastsock_info($server);
echo 'activated: ', json_encode($info['activated']), "\n";
echo 'listening ', json_encode($info['listening']), ', so_acceptconn ', $info['kernel']['so_acceptconn'],
	', so_rcvbuf granted ', $info['kernel']['so_rcvbuf'] === fs_granted(65536) ? 'as asked' : $info['kernel']['so_rcvbuf'], "\n";
preg_match('/^flags:\s+(\d+)/m', file_get_contents('/proc/self/fdinfo/3'), $m);
echo 'fd 3 close-on-exec: ', octdec($m[1]) & 02000000 ? 'yes' : 'no', ', blocking: ', octdec($m[1]) & 04000 ? 'no' : 'yes', "\n";
$conn = stream_socket_accept($server, 10);
echo 'accepted the first client, which sent ', json_encode(fgets($conn)), "\n";
fwrite($conn, "served\n");
fclose($conn);

$again = @stream_socket_server("tcp://127.0.0.1:$port", $errno, $errstr);
echo 'a second server for the address in this process: ', $again ? 'made?!' : "fails as on stock: $errstr", "\n";
$other = stream_socket_server('tcp://127.0.0.1:0');
echo 'a server at another port: activated ', json_encode(fastsock_info($other)['activated']), "\n";
$udp = stream_socket_server("udp://127.0.0.1:$port", $errno, $errstr, STREAM_SERVER_BIND);
echo 'udp at the same port: activated ', json_encode(fastsock_info($udp)['activated']), "\n";

fclose($server);
echo 'after fclose(): fd 3 ', is_link('/proc/self/fd/3') ? 'open' : 'closed', "\n";
$after = stream_socket_server("tcp://127.0.0.1:$port", $errno, $errstr);
echo 'a server for the address again: ', $after ? 'bound anew, activated ' . json_encode(fastsock_info($after)['activated']) : $errstr, "\n";
echo 'fastsock_stats: servers_created ', fastsock_stats()['servers_created'], "\n";

function fs_granted(int $bytes): int
{
	return 2 * min($bytes, (int) file_get_contents('/proc/sys/net/core/rmem_max'));
}
PHP;

echo "--- the script's address\n";
$port = fs_free_port();
$run = new FsActivated(["127.0.0.1:$port"], $script, ['fastsock.rcvbuf' => 65536, 'fastsock.reuseport' => 1],
	['--fdname=web'], [(string) $port]);
$client = $run->trigger();
echo 'client got: ', fgets($client);
echo $run->output();

echo "--- another address (port)\n";
$port = fs_free_port();
$other = fs_free_port();
$run = new FsActivated(["127.0.0.1:$other"], <<<'PHP'
<?php
$server = stream_socket_server('tcp://127.0.0.1:' . $argv[1], $errno, $errstr);
echo 'activated: ', json_encode(fastsock_info($server)['activated']), "\n";
echo 'fd 3: ', preg_replace('/\d+/', 'N', readlink('/proc/self/fd/3')), ', left alone', "\n";
PHP, [], [], [(string) $port]);
$client = $run->trigger();
echo $run->output();
?>
--EXPECT--
--- the script's address
client got: served
LISTEN_FDS 1, LISTEN_PID is mine: yes
activated: {"fd":3,"name":"web","not_applied":["backlog","reuseport"]}
listening true, so_acceptconn 1, so_rcvbuf granted as asked
fd 3 close-on-exec: yes, blocking: yes
accepted the first client, which sent "hello\n"
a second server for the address in this process: fails as on stock: Address already in use
a server at another port: activated null
udp at the same port: activated null
after fclose(): fd 3 closed
a server for the address again: bound anew, activated null
fastsock_stats: servers_created 4
--- another address (port)
activated: null
fd 3: socket:[N], left alone
