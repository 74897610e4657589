--TEST--
activation: under systemd-socket-activate -l PATH, an unchanged stream_socket_server('unix://PATH') adopts the passed socket (the mode option listed as not applied: the file exists already) and serves; a server at another path binds as usual, and a relative spelling of the path is another address
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

$dir = sys_get_temp_dir() . '/fastsock-act-' . getmypid();
@mkdir($dir);
$path = "$dir/app.sock";

$run = new FsActivated([$path], <<<'PHP'
<?php
$server = stream_socket_server('unix://' . $argv[1], $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	stream_context_create(['fastsock' => ['mode' => 0600]]));
$info = fastsock_info($server);
echo 'activated: ', json_encode($info['activated']), "\n";
$conn = stream_socket_accept($server, 10);
fwrite($conn, 'served ' . fgets($conn));
fclose($conn);
chdir(dirname($argv[1]));
$relative = @stream_socket_server('unix://app.sock', $errno, $errstr);
echo 'unix://app.sock from its directory: ', $relative ? 'made?!' : "not adopted, and the bind fails as on stock (errno $errno)", "\n";
$other = stream_socket_server('unix://' . $argv[1] . '.other');
echo 'another path: activated ', json_encode(fastsock_info($other)['activated']), "\n";
fclose($other);
unlink($argv[1] . '.other');
PHP, [], [], [$path]);
$client = $run->trigger();
echo 'client got: ', fgets($client);
echo $run->output();
$run->stop();
@unlink($path);
@rmdir($dir);
?>
--EXPECT--
client got: served hello
activated: {"fd":3,"name":null,"not_applied":["backlog","mode"]}
unix://app.sock from its directory: not adopted, and the bind fails as on stock (errno 0)
another path: activated null
