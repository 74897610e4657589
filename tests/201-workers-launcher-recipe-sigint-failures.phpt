--TEST--
workers: examples/workers.sh runs the README's recipe (examples/time_tcp.php), passes SIGINT on (its copies do not inherit an ignored SIGINT), exits 1 naming a copy that failed, and starts nothing when fastsock is not active
--EXTENSIONS--
fastsock
--SKIPIF--
<?php
if (PHP_OS_FAMILY !== 'Linux') die('skip Linux only: SO_REUSEPORT');
if (trim((string) shell_exec('command -v bash 2>/dev/null')) === '') die('skip needs bash for examples/workers.sh');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/workers.inc';

function show(string $out): string
{
	return trim(preg_replace(['/pid \d+/', '#\S*/examples/workers\.sh#'], ['pid PID', 'workers.sh'], $out));
}

echo "--- the README's recipe: examples/time_tcp.php, twice on one port\n";
$port = new FsPort();
$example = var_export(dirname(__DIR__) . '/examples/time_tcp.php', true);
$launcher = new FsLauncher(2, "<?php require $example;", [(string) $port->port]);
$ready = $launcher->lines(2);
$port->release();
$shown = explode("\n", fs_normalize(implode("\n", $ready)));
sort($shown);
echo implode("\n", $shown === ['ready 127.0.0.1:PORT worker 1', 'ready 127.0.0.1:PORT worker 2']
	? ['both copies ready on the port, each naming its worker number'] : $ready), "\n";
/* Each reply names the copy that answered: connect until both have. */
$answered = [];
for ($i = 0; $i < 200 && count($answered) < 2; $i++) {
	$client = stream_socket_client("tcp://127.0.0.1:$port->port", $errno, $errstr, 5);
	stream_set_timeout($client, 5);
	$reply = rtrim((string) fgets($client));
	$answered[preg_match('/^The local time is \S+ \d+:\d\d [ap]m \(worker (\d)\)$/', $reply, $m) ? $m[1] : $reply] = true;
}
ksort($answered);
echo 'time replies from: ', implode(', ', array_map(fn($w) => "worker $w", array_keys($answered))), "\n";
[$out, $rc] = $launcher->stop(SIGTERM);
echo "launcher printed: \"", show($out), "\", proc_close(): $rc\n";

echo "--- SIGINT (Ctrl-C) reaches both copies\n";
$port = new FsPort();
$launcher = new FsLauncher(2, <<<'PHP'
<?php
$server = stream_socket_server('tcp://127.0.0.1:' . $argv[1]);
echo 'ready ' . getmypid() . ' so_reuseport ' . fastsock_info($server)['kernel']['so_reuseport'] . "\n";
while (true) {
	@stream_socket_accept($server, -1);
}
PHP, [(string) $port->port]);
$ready = $launcher->lines(2);
$port->release();
echo implode("\n", preg_replace('/^ready \d+/', 'ready PID', $ready)), "\n";
[$out, $rc] = $launcher->stop(SIGINT);
echo "launcher printed: \"", show($out), "\"\n";
echo "proc_close(): $rc (", $rc === SIGINT ? 'ended by SIGINT' : 'not by SIGINT', ")\n";
foreach (fs_ready_pids($ready) as $pid) {
	echo is_dir("/proc/$pid") ? "a copy is still running\n" : "copy gone\n";
}

echo "--- a copy that fails\n";
$launcher = new FsLauncher(2, <<<'PHP'
<?php
echo 'worker ' . getenv('WORKER') . ', fastsock loaded: ' . var_export(extension_loaded('fastsock'), true) . "\n";
exit(getenv('WORKER') === '2' ? 3 : 0);
PHP);
[$out, $rc] = $launcher->finish();
$lines = explode("\n", show($out));
sort($lines);
echo implode("\n", $lines), "\n";
echo "proc_close(): $rc\n";

echo "--- fastsock.enable=0\n";
$launcher = new FsLauncher(2, "<?php echo \"started\\n\";", [], ['fastsock.enable' => 0]);
[$out, $rc] = $launcher->finish();
echo show($out), "\n";
echo "proc_close(): $rc\n";
?>
--EXPECTF--
--- the README's recipe: examples/time_tcp.php, twice on one port
both copies ready on the port, each naming its worker number
time replies from: worker 1, worker 2
launcher printed: "", proc_close(): 15
--- SIGINT (Ctrl-C) reaches both copies
ready PID so_reuseport 1
ready PID so_reuseport 1
launcher printed: ""
proc_close(): 2 (ended by SIGINT)
copy gone
copy gone
--- a copy that fails
worker 1, fastsock loaded: true
worker 2, fastsock loaded: true
workers.sh: worker 2 (pid PID) exited with status 3
proc_close(): 1
--- fastsock.enable=0
workers.sh: fastsock is not active in '%s -d fastsock.enable=0 -d fastsock.reuseport=1 -d fastsock.graceful_stop=1' (extension=fastsock missing, or fastsock.enable=0): the copies could not share a port
proc_close(): 1
