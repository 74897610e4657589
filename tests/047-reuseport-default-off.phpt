--TEST--
reuseport: off by default, so a second server on the same port fails exactly as in stock (warning, errno, errstr "Address already in use")
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

fs_compare(<<<'PHP'
<?php
$first = stream_socket_server('tcp://127.0.0.1:0');
$addr = stream_socket_get_name($first, false);
$second = stream_socket_server("tcp://$addr", $errno, $errstr);
var_dump($second, $errno, $errstr);
if (function_exists('fastsock_info') && ($info = @fastsock_info($first))) {
	var_dump($info['reuseport'] === false && $info['kernel']['so_reuseport'] === 0);
} else {
	var_dump(true);
}
PHP);
--EXPECTF--
same

Warning: stream_socket_server(): Unable to connect to tcp://127.0.0.1:PORT (Address already in use) in %s on line 4
bool(false)
int(0)
string(22) "Address already in use"
bool(true)
