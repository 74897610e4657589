--TEST--
workers: without reuseport, a second process binding a running server's port fails exactly as on stock (warning, false, errno, "Address already in use")
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

/* Two processes, as a user starting the same script twice would have. */
function second_copy(int $enable): array
{
	$first = new FsServer(<<<'PHP'
<?php
$server = stream_socket_server('tcp://127.0.0.1:0');
$info = function_exists('fastsock_info') ? @fastsock_info($server) : false;
echo 'ready ' . stream_socket_get_name($server, false) . ' '
	. ($info ? 'fastsock, so_reuseport ' . $info['kernel']['so_reuseport'] : 'stock') . "\n";
fgets(STDIN);
PHP, ['fastsock.enable' => $enable]);
	$address = explode(' ', $first->first_line)[1];
	$second = fs_run(<<<PHP
<?php
echo 'fastsock loaded ', var_export(extension_loaded('fastsock'), true), ', fastsock.enable ', ini_get('fastsock.enable'), "\\n";
\$server = stream_socket_server('tcp://$address', \$errno, \$errstr);
var_dump(\$server, \$errno, \$errstr);
PHP, ['fastsock.enable' => $enable]);
	$first->stop();
	[$loaded, $rest] = explode("\n", fs_normalize($second), 2);
	return ['first' => preg_replace('/^ready \S+ /', '', $first->first_line), 'second' => $loaded, 'result' => $rest];
}

$stock = second_copy(0);
$fastsock = second_copy(1);
foreach (['stock' => $stock, 'fastsock' => $fastsock] as $name => $run) {
	echo "$name: first copy: {$run['first']}; second copy: {$run['second']}\n";
}
echo $stock['result'] === $fastsock['result'] ? "second copy: same on both\n"
	: "DIFFERENT\n--- stock\n{$stock['result']}\n--- fastsock\n{$fastsock['result']}\n";
echo $fastsock['result'];
?>
--EXPECT--
stock: first copy: stock; second copy: fastsock loaded true, fastsock.enable 0
fastsock: first copy: fastsock, so_reuseport 0; second copy: fastsock loaded true, fastsock.enable 1
second copy: same on both

Warning: stream_socket_server(): Unable to connect to tcp://127.0.0.1:PORT (Address already in use) in SCRIPT on line 3
bool(false)
int(0)
string(22) "Address already in use"
