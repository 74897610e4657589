--TEST--
activation: with NOTIFY_SOCKET set (systemd Type=notify), fastsock sends READY=1 once: when every passed socket has been adopted, not before; without passed sockets when the first server listens; never with fastsock.enable=0
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

$path = sys_get_temp_dir() . '/fastsock-notify-' . getmypid();
$notify = stream_socket_server("udg://$path", $errno, $errstr, STREAM_SERVER_BIND);
stream_set_blocking($notify, false);
putenv("NOTIFY_SOCKET=$path");

/* The datagrams that came so far (waiting up to $wait_s for the first). */
function received($notify, float $wait_s): string
{
	$got = [];
	$r = [$notify];
	$w = $e = null;
	if (stream_select($r, $w, $e, (int) $wait_s, (int) (fmod($wait_s, 1) * 1e6)) > 0) {
		while (($d = stream_socket_recvfrom($notify, 100)) !== false && $d !== '') {
			$got[] = $d;
		}
	}
	return $got ? json_encode($got) : 'nothing';
}

echo "--- two passed sockets\n";
[$a, $b] = [fs_free_port(), fs_free_port()];
$run = new FsActivated(["127.0.0.1:$a", "127.0.0.1:$b"], <<<'PHP'
<?php
$first = stream_socket_server('tcp://127.0.0.1:' . $argv[1]);
echo "first adopted\n";
fgets(STDIN);
$second = stream_socket_server('tcp://127.0.0.1:' . $argv[2]);
$third = stream_socket_server('tcp://127.0.0.1:0');
echo "second adopted\n";
fgets(STDIN);
PHP, [], ["-E", "NOTIFY_SOCKET=$path"], [(string) $a, (string) $b]);
$run->trigger();
echo implode($run->lines(1)), "\n";
echo 'notified: ', received($notify, 0.2), "\n";
fwrite($run->stdin, "go\n");
echo implode($run->lines(1)), "\n";
echo 'notified: ', received($notify, 5), "\n";
fwrite($run->stdin, "go\n");
$run->stop();

$script = <<<'PHP'
<?php
$udp = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
$tcp = stream_socket_server('tcp://127.0.0.1:0');
echo "ready\n";
fgets(STDIN);
PHP;
echo "--- nothing passed\n";
$server = new FsServer($script);
echo 'notified: ', received($notify, 5), "\n";
$server->stop();
echo "--- fastsock.enable=0\n";
$server = new FsServer($script, ['fastsock.enable' => 0]);
echo 'notified: ', received($notify, 0.5), "\n";
$server->stop();
fclose($notify);
unlink($path);
?>
--EXPECT--
--- two passed sockets
first adopted
notified: nothing
second adopted
notified: ["READY=1"]
--- nothing passed
notified: ["READY=1"]
--- fastsock.enable=0
notified: nothing
