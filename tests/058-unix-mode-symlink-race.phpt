--TEST--
mode: a root server's mode never reaches another file, while a user who can write the socket's directory swaps the new socket for a symlink to a root-owned 0600 file
--EXTENSIONS--
fastsock
posix
--SKIPIF--
<?php
if (PHP_OS_FAMILY !== "Linux") die("skip Linux: unix sockets, setpriv");
if (posix_geteuid() !== 0) die("skip needs root: the server is root, the attacker is nobody");
if (posix_getpwnam('nobody') === false) die("skip needs the user nobody");
if (trim((string) shell_exec('command -v setpriv 2>/dev/null')) === '') die("skip needs setpriv (util-linux)");
for ($dir = sys_get_temp_dir(); $dir !== '/'; $dir = dirname($dir)) {
	if ((fileperms($dir) & 0001) === 0) die("skip nobody cannot reach the temp dir: $dir is not searchable by others");
}
?>
--FILE--
<?php
/* Its own temp dir, and nothing left behind however the test ends. */
require __DIR__ . '/fixtures/harness.inc';
/* The attacker: user nobody, who may write the socket's directory (0777,
 * no sticky bit), renames a symlink to the victim over the socket path in
 * a loop, bounded in count and time. */
$attacker_code = <<<'PHP'
[$dir, $victim] = [$argv[1], $argv[2]];
$link = "$dir/link";
$path = "$dir/s.sock";
$deadline = microtime(true) + 20;
for ($i = 0; $i < 5000000 && microtime(true) < $deadline; $i++) {
	@symlink($victim, $link);
	$renamed = @rename($link, $path);
	if ($i === 0) {
		echo $renamed ? "ready\n" : "cannot rename a symlink over $path\n";
	}
}
PHP;

$dir = sys_get_temp_dir() . '/fastsock-test-058-' . getmypid();
$path = "$dir/s.sock";
$victim = tempnam(sys_get_temp_dir(), 'fastsock-test-058-victim-');
$attacker = null;
try {
	mkdir($dir);
	chmod($dir, 0777);
	chmod($victim, 0600);

	$nobody = posix_getpwnam('nobody');
	$attacker = proc_open(['setpriv', "--reuid={$nobody['uid']}", "--regid={$nobody['gid']}", '--clear-groups',
		PHP_BINARY, '-n', '-r', $attacker_code, $dir, $victim], [1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes);
	$r = [$pipes[1]];
	$w = $e = null;
	echo 'attacker: ', stream_select($r, $w, $e, 10) === 1 ? fgets($pipes[1]) : "silent\n";

	/* Servers are created with mode 0666 until the attacker has swapped
	 * ten of them for a symlink right after bind() (with chmod() after
	 * bind(), the first such swap usually changed the victim), the victim
	 * changed, or the bound ran out. */
	$ctx = stream_context_create(['fastsock' => ['mode' => 0666]]);
	$created = $swapped = $wrong_mode = 0;
	$deadline = microtime(true) + 8;
	for ($i = 0; $i < 100000 && $swapped < 10 && microtime(true) < $deadline; $i++) {
		$server = @stream_socket_server("unix://$path", $errno, $errstr,
			STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
		if ($server !== false) {
			$created++;
			clearstatcache();
			$st = @lstat($path);
			if ($st === false || ($st['mode'] & 0170000) !== 0140000) {
				$swapped++;   /* the attacker replaced our new socket */
			} elseif (($st['mode'] & 07777) !== 0666) {
				$wrong_mode++;
			}
			fclose($server);
		}
		@unlink($path);
		clearstatcache();
		if ((fileperms($victim) & 07777) !== 0600) {
			break;
		}
	}

	clearstatcache();
	printf("victim mode: %o\n", fileperms($victim) & 07777);
	echo "servers created: ", $created > 0 ? "yes" : "no", "\n";
	echo "attacker swapped a new socket for a symlink: ", $swapped > 0 ? "yes" : "no", "\n";
	echo "sockets left in place with another mode than 0666: $wrong_mode\n";
	if (getenv('FASTSOCK_TEST_VERBOSE')) {
		printf("%d iterations, %d created, %d swapped\n", $i, $created, $swapped);
	}
} finally {
	if ($attacker) {
		proc_terminate($attacker, 9);
		proc_close($attacker);
	}
	@unlink("$dir/link");
	@unlink($path);
	@rmdir($dir);
	@unlink($victim);
}
var_dump(file_exists($dir), file_exists($victim));
?>
--EXPECT--
attacker: ready
victim mode: 600
servers created: yes
attacker swapped a new socket for a symlink: yes
sockets left in place with another mode than 0666: 0
bool(false)
bool(false)
