--TEST--
mode: on a tcp:// or udp:// server the option is ignored with a warning, and the server is created and works
--EXTENSIONS--
fastsock
--FILE--
<?php
$ctx = stream_context_create(['fastsock' => ['mode' => 0660]]);
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
var_dump(fastsock_info($server)['mode']);
$client = stream_socket_client('tcp://' . stream_socket_get_name($server, false));
$conn = stream_socket_accept($server, 5);
fwrite($client, "ok\n");
var_dump(fgets($conn));

$server = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND, $ctx);
var_dump(is_resource($server));
--EXPECTF--
Warning: stream_socket_server(): The fastsock context option "mode" applies to unix:// and udg:// servers only; ignored in %s on line %d
NULL
string(3) "ok
"

Warning: stream_socket_server(): The fastsock context option "mode" applies to unix:// and udg:// servers only; ignored in %s on line %d
bool(true)
