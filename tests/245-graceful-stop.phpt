--TEST--
graceful_stop: with fastsock.graceful_stop=1, SIGTERM to a server holding an accepted connection lets it finish that connection and then ends the process by SIGTERM; waiting in accept it ends at once, silently; a second SIGTERM ends it at once; a script's own pcntl_signal() handler wins; without the setting SIGTERM cuts the connection as on stock
--EXTENSIONS--
fastsock
pcntl
--SKIPIF--
<?php if (PHP_OS_FAMILY !== 'Linux') die('skip Linux only'); ?>
--FILE--
<?php
require __DIR__ . '/fixtures/workers.inc';

$script = <<<'PHP'
<?php
if (getenv('OWN_HANDLER')) {
	pcntl_async_signals(true);
	pcntl_signal(SIGTERM, function () { echo "the script's handler\n"; exit(0); });
}
$server = stream_socket_server('tcp://127.0.0.1:0');
echo 'ready ', stream_socket_get_name($server, false), "\n";
while ($conn = stream_socket_accept($server, -1)) {
	echo "accepted\n";
	$line = fgets($conn);
	fwrite($conn, "answer to $line");
	fclose($conn);
}
echo "accept returned false\n";
PHP;

/* A server holding one connection: SIGTERM(s), then the client's request. */
function holding(string $script, array $ini, int $signals, array $env = []): void
{
	foreach ($env as $k => $v) {
		putenv("$k=$v");
	}
	$server = new FsServer($script, $ini);
	foreach ($env as $k => $v) {
		putenv($k);
	}
	$client = stream_socket_client('tcp://' . substr($server->first_line, 6), $errno, $errstr, 5);
	stream_set_timeout($client, 5);
	echo 'server: ', implode(fs_read_lines($server->stdout, 1, 5)), "\n";
	for ($i = 0; $i < $signals; $i++) {
		proc_terminate($server->proc, SIGTERM);
		/* Two signals pending at once are one: the next goes once the
		 * handler has taken this one (bounded). */
		for ($j = 0; $i + 1 < $signals && $j < 500 && sigterm_pending($server->pid()); $j++) {
			usleep(10000);
		}
	}
	@fwrite($client, "request\n");
	echo 'client got: ', json_encode(fgets($client)), "\n";
	$out = $server->output();
	echo 'server printed: ', json_encode($out), "\n";
	proc_close_status($server);
}

function sigterm_pending(int $pid): bool
{
	preg_match_all('/^(?:SigPnd|ShdPnd):\s+([0-9a-f]+)$/m', (string) @file_get_contents("/proc/$pid/status"), $m);
	foreach ($m[1] as $mask) {
		if (hexdec(substr($mask, -4)) & (1 << (SIGTERM - 1))) {
			return true;
		}
	}
	return false;
}

function proc_close_status(FsServer $server): void
{
	$status = proc_get_status($server->proc);
	for ($i = 0; $i < 200 && $status['running']; $i++) {
		usleep(10000);
		$status = proc_get_status($server->proc);
	}
	/* An exit status is not shown: under the sanitizers, a leak check at
	 * exit may change it. */
	echo 'server ', $status['running'] ? 'still running' : ($status['signaled'] ? 'ended by signal ' . $status['termsig'] : 'exited'), "\n";
	$server->stop(9);
}

echo "--- graceful_stop=1, SIGTERM while holding a connection\n";
holding($script, ['fastsock.graceful_stop' => 1], 1);
echo "--- graceful_stop=1, two SIGTERMs\n";
holding($script, ['fastsock.graceful_stop' => 1], 2);
echo "--- graceful_stop=1, the script's own handler\n";
holding($script, ['fastsock.graceful_stop' => 1], 1, ['OWN_HANDLER' => '1']);
echo "--- graceful_stop=0 (stock)\n";
holding($script, [], 1);

echo "--- graceful_stop=1, SIGTERM while waiting in accept\n";
$server = new FsServer($script, ['fastsock.graceful_stop' => 1]);
proc_terminate($server->proc, SIGTERM);
echo 'server printed: ', json_encode($server->output()), "\n";
proc_close_status($server);
?>
--EXPECT--
--- graceful_stop=1, SIGTERM while holding a connection
server: accepted
client got: "answer to request\n"
server printed: ""
server ended by signal 15
--- graceful_stop=1, two SIGTERMs
server: accepted
client got: false
server printed: ""
server ended by signal 15
--- graceful_stop=1, the script's own handler
server: accepted
client got: false
server printed: "the script's handler\n"
server exited
--- graceful_stop=0 (stock)
server: accepted
client got: false
server printed: ""
server ended by signal 15
--- graceful_stop=1, SIGTERM while waiting in accept
server printed: ""
server ended by signal 15
