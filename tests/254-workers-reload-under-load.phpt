--TEST--
workers: under a steady load of 20 concurrent connects, three SIGHUP reloads of examples/time_tcp.php (unchanged) under examples/workers.sh -l cost no refused, reset or unanswered connection; a plain stop and start of the launcher, as without them, refuses connects
--EXTENSIONS--
fastsock
pcntl
--SKIPIF--
<?php
if (PHP_OS_FAMILY !== 'Linux') die('skip Linux only');
if (trim((string) shell_exec('command -v bash 2>/dev/null')) === '') die('skip needs bash for examples/workers.sh');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/activation.inc';

$time_tcp = file_get_contents(dirname(__DIR__) . '/examples/time_tcp.php');

/* The load: 20 connects in flight, each read to EOF, until told to stop
 * (bounded: 30 s). */
function load_start(int $port): array
{
	$proc = proc_open([PHP_BINARY, '-n', __DIR__ . '/fixtures/connect_load.php', "tcp://127.0.0.1:$port", '20', '30'],
		[0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes);
	echo 'load: ', implode(fs_read_lines($pipes[1], 1, 10)), "\n";
	return [$proc, $pipes];
}

function load_stop(array $load): array
{
	[$proc, $pipes] = $load;
	fwrite($pipes[0], "stop\n");
	$line = implode(fs_read_lines($pipes[1], 1, 20));
	fclose($pipes[0]);
	fclose($pipes[1]);
	proc_close($proc);
	preg_match_all('/(\w+) (\d+)/', $line, $m);
	return array_map('intval', array_combine($m[1], $m[2]));
}

/* Lines of the launcher until one matches $pattern (bounded). */
function until(FsLauncher $launcher, string $pattern): string
{
	for ($i = 0; $i < 10; $i++) {
		$line = implode($launcher->lines(1));
		if (preg_match($pattern, $line)) {
			return $line;
		}
	}
	return 'not seen';
}

echo "--- three reloads on a socket the launcher holds\n";
$port = fs_free_port();
$launcher = new FsLauncher(2, $time_tcp, [(string) $port], [], ['-l', "tcp://127.0.0.1:$port"]);
echo count(preg_grep('/^ready /', $launcher->lines(2))), " copies ready\n";
$load = load_start($port);
for ($i = 1; $i <= 3; $i++) {
	proc_terminate($launcher->proc, SIGHUP);
	echo "reload $i: ", preg_match('/reload: 2 new copies ready/', until($launcher, '/reload/')) ? 'done' : 'FAILED', "\n";
}
$counts = load_stop($load);
echo 'answered: ', $counts['answered'] > 0 ? 'many' : 'none', ', refused ', $counts['refused'], ', reset ', $counts['reset'],
	', unanswered ', $counts['unanswered'], ', other ', $counts['other'], "\n";
[$out, $rc] = $launcher->stop(SIGTERM);
echo "stopped: $rc\n";

echo "--- a stop and a start of the copies (SO_REUSEPORT, nothing held)\n";
$port = new FsPort();
$launcher = new FsLauncher(2, $time_tcp, [(string) $port->port]);
echo count(preg_grep('/^ready /', $launcher->lines(2))), " copies ready\n";
$port->release();
$load = load_start($port->port);
[$out, $rc] = $launcher->stop(SIGTERM);
echo "stopped: $rc\n";
$launcher = new FsLauncher(2, $time_tcp, [(string) $port->port]);
echo count(preg_grep('/^ready /', $launcher->lines(2))), " copies ready again\n";
$counts = load_stop($load);
echo 'connects refused or reset meanwhile: ', $counts['refused'] + $counts['reset'] + $counts['unanswered'] > 0 ? 'yes' : 'none', "\n";
[$out, $rc] = $launcher->stop(SIGTERM);
echo "stopped: $rc\n";
?>
--EXPECT--
--- three reloads on a socket the launcher holds
2 copies ready
load: started
reload 1: done
reload 2: done
reload 3: done
answered: many, refused 0, reset 0, unanswered 0, other 0
stopped: 15
--- a stop and a start of the copies (SO_REUSEPORT, nothing held)
2 copies ready
load: started
stopped: 15
2 copies ready again
connects refused or reset meanwhile: yes
stopped: 15
