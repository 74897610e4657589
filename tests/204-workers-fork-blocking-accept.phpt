--TEST--
workers: one stream_socket_server(), then pcntl_fork() of two children that loop on a blocking stream_socket_accept(): both serve, each counts only its own connections, the parent's fclose() of its copy leaves the listener listening in the children
--EXTENSIONS--
fastsock
pcntl
--FILE--
<?php
require __DIR__ . '/fixtures/workers.inc';

$server = new FsServer(<<<'PHP'
<?php
function serve($server): void
{
	while (true) {
		$conn = @stream_socket_accept($server, -1);
		if (!$conn) {
			continue;
		}
		fwrite($conn, getmypid() . "\n");
		if (rtrim((string) fgets($conn)) === 'stats') {
			$info = fastsock_info($server);
			$stats = fastsock_stats();
			fwrite($conn, getmypid() . " accepted {$stats['connections_accepted']} created {$stats['servers_created']}"
				. ' listening ' . var_export($info['listening'], true)
				. " so_acceptconn {$info['kernel']['so_acceptconn']}\n");
			fclose($conn);
			return;
		}
		fclose($conn);
	}
}

$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
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
