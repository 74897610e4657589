--TEST--
reuseport: the standard socket context option so_reuseport keeps its stock meaning and wins over fastsock.reuseport
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$on = stream_context_create(['socket' => ['so_reuseport' => true]]);
$first = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $on);
$addr = stream_socket_get_name($first, false);
$second = stream_socket_server("tcp://$addr", $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $on);
var_dump($second !== false, fastsock_info($second)['kernel']['so_reuseport']);

/* fastsock.reuseport on, but this server's socket option says no. */
ini_set('fastsock.reuseport', '1');
$off = stream_context_create(['socket' => ['so_reuseport' => false]]);
$third = stream_socket_server("tcp://$addr", $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $off);
var_dump($third, $errstr);
--EXPECTF--
bool(true)
int(1)

Warning: stream_socket_server(): Unable to connect to tcp://127.0.0.1:%d (Address already in use) in %s on line %d
bool(false)
string(22) "Address already in use"
