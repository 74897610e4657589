--TEST--
activation: nothing is adopted when LISTEN_PID names another process or with fastsock.enable=0 (stock: the bind fails with "Address already in use" and fd 3 is left as passed, not made close-on-exec); with two passed sockets each server adopts its own, named by LISTEN_FDNAMES, in any order
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
echo 'fastsock hooks installed: ', function_exists('fastsock_info') && ini_get('fastsock.enable') ? 'yes' : 'no', "\n";
$server = stream_socket_server('tcp://127.0.0.1:' . $argv[1], $errno, $errstr);
echo $server ? 'adopted: ' . json_encode(fastsock_info($server)['activated']) : "no server: errno $errno, $errstr", "\n";
preg_match('/^flags:\s+(\d+)/m', file_get_contents('/proc/self/fdinfo/3'), $m);
echo 'fd 3 close-on-exec: ', octdec($m[1]) & 02000000 ? 'yes' : 'no', "\n";
PHP;

echo "--- LISTEN_PID names another process\n";
$port = fs_free_port();
$run = new FsActivated(["127.0.0.1:$port"], $script, [], ['-E', 'LISTEN_PID=1'], [(string) $port]);
$run->trigger();
echo fs_normalize($run->output());

echo "--- fastsock.enable=0\n";
$port = fs_free_port();
$run = new FsActivated(["127.0.0.1:$port"], $script, ['fastsock.enable' => 0], [], [(string) $port]);
$run->trigger();
echo fs_normalize($run->output());

echo "--- two sockets, named\n";
[$web, $admin] = [fs_free_port(), fs_free_port()];
$run = new FsActivated(["127.0.0.1:$web", "127.0.0.1:$admin"], <<<'PHP'
<?php
foreach ([$argv[2], $argv[1]] as $port) {
	$servers[] = $server = stream_socket_server("tcp://127.0.0.1:$port");
	echo 'port ', $port === $argv[1] ? 'web' : 'admin', ': ', json_encode(fastsock_info($server)['activated']), "\n";
}
PHP, [], ['--fdname=web:admin'], [(string) $web, (string) $admin]);
$run->trigger();
echo $run->output();
?>
--EXPECTF--
--- LISTEN_PID names another process
fastsock hooks installed: yes

Warning: stream_socket_server(): Unable to connect to tcp://127.0.0.1:PORT (Address already in use) in %s on line 3
no server: errno 0, Address already in use
fd 3 close-on-exec: no
--- fastsock.enable=0
fastsock hooks installed: no

Warning: stream_socket_server(): Unable to connect to tcp://127.0.0.1:PORT (Address already in use) in %s on line 3
no server: errno 0, Address already in use
fd 3 close-on-exec: no
--- two sockets, named
port admin: {"fd":4,"name":"admin","not_applied":["backlog"]}
port web: {"fd":3,"name":"web","not_applied":["backlog"]}
