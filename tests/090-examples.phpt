--TEST--
examples/: the time servers (tcp, udp), the select chat and the unix echo server run with fastsock and answer real clients
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

function example(string $name, string $arg): FsServer
{
	$file = var_export(dirname(__DIR__) . "/examples/$name", true);
	return new FsServer("<?php \$argv = [$file, " . var_export($arg, true) . "]; require $file;");
}

$tcp = example('time_tcp.php', '0');
$client = stream_socket_client('tcp://' . explode(' ', $tcp->first_line)[1], $errno, $errstr, 5);
echo preg_match('/^The local time is \S+ \d+:\d\d [ap]m$/', rtrim(fgets($client))) ? "tcp time ok\n" : "tcp time wrong\n";
$tcp->stop();

$udp = example('time_udp.php', '0');
$client = stream_socket_client('udp://' . explode(' ', $udp->first_line)[1], $errno, $errstr, 5);
stream_set_timeout($client, 5);
fwrite($client, "?");
echo strlen(fread($client, 100)) > 10 ? "udp time ok\n" : "udp time wrong\n";
$udp->stop();

$chat = example('select_chat.php', '0');
$address = 'tcp://' . explode(' ', $chat->first_line)[1];
$alice = stream_socket_client($address, $errno, $errstr, 5);
$bob = stream_socket_client($address, $errno, $errstr, 5);
stream_set_timeout($alice, 5);
stream_set_timeout($bob, 5);
echo preg_replace('/\d+\.\d+\.\d+\.\d+:\d+/', 'PEER', fgets($alice));
echo preg_replace('/\d+\.\d+\.\d+\.\d+:\d+/', 'PEER', fgets($bob));
fwrite($alice, "hello bob\n");
echo preg_replace('/\d+\.\d+\.\d+\.\d+:\d+/', 'PEER', fgets($bob));
$chat->stop();

$path = sys_get_temp_dir() . '/fastsock-test-example-' . getmypid() . '.sock';
$echo = example('unix_echo.php', $path);
echo str_replace($path, 'PATH', $echo->first_line), "\n";
$client = stream_socket_client("unix://$path", $errno, $errstr, 5);
fwrite($client, "ping\n");
echo fgets($client);
/* Closed first: a read blocked in the server would hold off its SIGTERM
 * handler, on stock as here, until its timeout. */
fclose($client);
$echo->stop();
@unlink($path);
--EXPECT--
tcp time ok
udp time ok
welcome PEER, 1 online
welcome PEER, 2 online
PEER: hello bob
ready PATH (mode 660)
ping
