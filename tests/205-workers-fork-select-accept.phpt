--TEST--
workers: the Workerman pattern: one stream_socket_server(), non-blocking, then pcntl_fork() of two children, each with its own stream_select() loop over the shared listener and its clients: both serve, each counts only its own connections, the parent's fclose() leaves the listener listening
--EXTENSIONS--
fastsock
pcntl
--FILE--
<?php
require __DIR__ . '/fixtures/workers.inc';

$server = new FsServer(<<<'PHP'
<?php
/* Every child is woken when a connection arrives; one gets it, the others'
 * accept finds nothing and they go back to stream_select(). A child
 * serves one connection at a time (it leaves the listener out while it
 * holds one): a connection held open by the test is the proof that the
 * child serves, and the next one goes to the other child. */
function serve($server): void
{
	$clients = [];
	while (true) {
		$read = $clients;
		if (!$clients) {
			$read[] = $server;
		}
		$write = $except = null;
		if (stream_select($read, $write, $except, null) === false) {
			exit(1);
		}
		foreach ($read as $stream) {
			if ($stream === $server) {
				if ($conn = @stream_socket_accept($server, 0)) {
					fwrite($conn, getmypid() . "\n");
					$clients[(int) $conn] = $conn;
				}
				continue;
			}
			$request = rtrim((string) fgets($stream));
			unset($clients[(int) $stream]);
			if ($request === 'stats') {
				$info = fastsock_info($server);
				$stats = fastsock_stats();
				fwrite($stream, getmypid() . " accepted {$stats['connections_accepted']} created {$stats['servers_created']}"
					. ' listening ' . var_export($info['listening'], true)
					. " so_acceptconn {$info['kernel']['so_acceptconn']}\n");
				fclose($stream);
				return;
			}
			fclose($stream);
		}
	}
}

$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
stream_set_blocking($server, false);
$address = stream_socket_get_name($server, false);
$children = [];
for ($i = 0; $i < 2; $i++) {
	$pid = pcntl_fork();
	if ($pid === 0) {
		serve($server);
		exit(0);
	}
	$children[] = $pid;
}
fclose($server);
echo "ready $address " . implode(' ', $children) . "\n";
foreach ($children as $pid) {
	pcntl_waitpid($pid, $status);
	echo "parent: child $pid exited with ", pcntl_wexitstatus($status), "\n";
}
echo 'parent: connections_accepted ', fastsock_stats()['connections_accepted'], "\n";
PHP);
fs_check_forked_children($server);
?>
--EXPECT--
2 of 2 workers held a connection each at once; 200 more connects, nobody else answered
child 1: accepted N created 1 listening true so_acceptconn 1
child 2: accepted N created 1 listening true so_acceptconn 1
connections_accepted summed over the children is the number of connections made
parent: child 1 exited with 0
parent: child 2 exited with 0
parent: connections_accepted 0
