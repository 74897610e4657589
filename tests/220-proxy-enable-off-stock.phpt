--TEST--
With fastsock.enable=0 the PROXY settings do nothing: a header is data, as on stock PHP
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$code = <<<'CODE'
<?php
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	stream_context_create(['fastsock' => ['proxy_protocol' => true, 'proxy_from' => '127.0.0.1']]));
$client = stream_socket_client('tcp://' . stream_socket_get_name($server, false));
fwrite($client, "PROXY TCP4 192.0.2.1 192.0.2.2 1000 2000\r\nafter\n");
$conn = stream_socket_accept($server, 5, $peer);
echo preg_replace('/:\d+$/', ':PORT', $peer), "\n", fgets($conn), fgets($conn);
CODE;
echo fs_run($code, ['fastsock.enable' => 0, 'fastsock.proxy_protocol' => 1, 'fastsock.proxy_from' => '127.0.0.1']);
?>
--EXPECT--
127.0.0.1:PORT
PROXY TCP4 192.0.2.1 192.0.2.2 1000 2000
after
