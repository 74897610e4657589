--TEST--
workers: two processes bind one port with fastsock.reuseport=1, with the fastsock context option reuseport, or with the standard socket option so_reuseport; each listener has SO_REUSEPORT. On stock only the socket option does it
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

/* The same server code in two processes: the first on a free port, the
 * second on the first's. Each prints how its bind went and, when fastsock
 * serves it, the SO_REUSEPORT the kernel reports. */
function server_code(string $context, string $address, bool $stay): string
{
	return "<?php\n\$ctx = stream_context_create($context);\n"
		. "\$address = '$address';\n\$stay = " . var_export($stay, true) . ";\n" . <<<'PHP'
$server = @stream_socket_server("tcp://$address", $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
$info = $server && function_exists('fastsock_info') ? @fastsock_info($server) : false;
echo ($server ? 'ready ' . stream_socket_get_name($server, false) : "failed: $errstr") . ', '
	. ($info ? 'so_reuseport ' . $info['kernel']['so_reuseport'] : 'not fastsock') . "\n";
if ($stay) {
	fgets(STDIN);
}
PHP;
}

function two_copies(string $context, array $ini): string
{
	$first = new FsServer(server_code($context, '127.0.0.1:0', true), $ini);
	$address = rtrim(explode(' ', $first->first_line)[1], ',');
	$second = fs_run(server_code($context, $address, false), $ini);
	$first->stop();
	return 'first ' . fs_normalize($first->first_line) . '; second ' . fs_normalize(rtrim($second));
}

$cases = [
	'fastsock.reuseport=1' => ['[]', ['fastsock.reuseport' => 1]],
	"['fastsock' => ['reuseport' => true]]" => ["['fastsock' => ['reuseport' => true]]", []],
	"['socket' => ['so_reuseport' => true]]" => ["['socket' => ['so_reuseport' => true]]", []],
];
foreach ($cases as $name => [$context, $ini]) {
	echo "$name\n";
	echo '  stock:    ', two_copies($context, $ini + ['fastsock.enable' => 0]), "\n";
	echo '  fastsock: ', two_copies($context, $ini + ['fastsock.enable' => 1]), "\n";
}
?>
--EXPECT--
fastsock.reuseport=1
  stock:    first ready 127.0.0.1:PORT, not fastsock; second failed: Address already in use, not fastsock
  fastsock: first ready 127.0.0.1:PORT, so_reuseport 1; second ready 127.0.0.1:PORT, so_reuseport 1
['fastsock' => ['reuseport' => true]]
  stock:    first ready 127.0.0.1:PORT, not fastsock; second failed: Address already in use, not fastsock
  fastsock: first ready 127.0.0.1:PORT, so_reuseport 1; second ready 127.0.0.1:PORT, so_reuseport 1
['socket' => ['so_reuseport' => true]]
  stock:    first ready 127.0.0.1:PORT, not fastsock; second ready 127.0.0.1:PORT, not fastsock
  fastsock: first ready 127.0.0.1:PORT, so_reuseport 1; second ready 127.0.0.1:PORT, so_reuseport 1
