--TEST--
workers: examples/workers.sh started by systemd-socket-activate passes the socket it was given (LISTEN_FDS, its own LISTEN_PID) on to its copies, which adopt it and serve the connect that started them; SIGHUP reloads on that socket
--EXTENSIONS--
fastsock
pcntl
posix
--SKIPIF--
<?php
require __DIR__ . '/fixtures/activation.inc';
fs_activation_skipif();
if (trim((string) shell_exec('command -v bash 2>/dev/null')) === '') die('skip needs bash for examples/workers.sh');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/activation.inc';

$port = fs_free_port();
$script = fs_script_file(<<<'PHP'
<?php
$server = stream_socket_server('tcp://127.0.0.1:' . $argv[1], $errno, $errstr);
echo 'ready ' . getmypid() . ' activated ' . json_encode(fastsock_info($server)['activated']) . "\n";
while (true) {
	$conn = @stream_socket_accept($server, -1);
	if ($conn) {
		fwrite($conn, getmypid() . "\n");
		fgets($conn);
		fclose($conn);
	}
}
PHP);
$php = fs_php_command();
$cmd = ['systemd-socket-activate', '-l', "127.0.0.1:$port", ...fs_activate_env(), '-E', 'PHP=' . array_shift($php),
	'-E', 'PHP_ARGS=' . implode(' ', $php), 'bash', fs_launcher_path(), '2', $script, (string) $port];
$proc = proc_open($cmd, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes);
echo fs_normalize(implode("\n", fs_read_lines($pipes[1], 1, 10))), "\n";

$client = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 5);
stream_set_timeout($client, 10);
$lines = fs_read_lines($pipes[1], 4, 10);
$lines = array_values(preg_grep('/^(Communication attempt|Execing)/', $lines, PREG_GREP_INVERT));
$lines = array_merge($lines, fs_read_lines($pipes[1], 2 - count($lines), 10));
$pids = fs_ready_pids($lines);
echo implode("\n", preg_replace('/^ready \d+/', 'ready PID', $lines)), "\n";
echo 'the connect that started them was answered by a copy: ', in_array((int) fgets($client), $pids, true) ? 'yes' : 'no', "\n";
fclose($client);

$launcher = proc_get_status($proc)['pid'];
posix_kill($launcher, SIGHUP);
$lines = fs_read_lines($pipes[1], 3, 10);
$new = fs_ready_pids($lines);
$shown = preg_replace(['/^ready \d+/', '/^.*workers.sh: reload: .*$/'], ['ready PID', 'reload done'], $lines);
sort($shown);
echo implode("\n", $shown), "\n";
fs_wait_gone($pids);
echo fs_describe_held(fs_hold_one_per_worker("tcp://127.0.0.1:$port", $new), $new), "\n";
posix_kill($launcher, SIGTERM);
echo 'after SIGTERM: ', json_encode(fs_read_to_eof($pipes[1], 10)), "\n";
fclose($pipes[1]);
echo 'status: ', proc_close($proc), "\n";
unlink($script);
?>
--EXPECT--
Listening on 127.0.0.1:PORT as 3.
ready PID activated {"fd":3,"name":null,"not_applied":["backlog","reuseport"]}
ready PID activated {"fd":3,"name":null,"not_applied":["backlog","reuseport"]}
the connect that started them was answered by a copy: yes
ready PID activated {"fd":3,"name":null,"not_applied":["backlog","reuseport"]}
ready PID activated {"fd":3,"name":null,"not_applied":["backlog","reuseport"]}
reload done
2 of 2 workers held a connection each at once; 200 more connects, nobody else answered
after SIGTERM: ""
status: 15
