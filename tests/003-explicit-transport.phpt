--TEST--
fast+tcp:// can be named explicitly; a client of it gets the stream a tcp:// client gets (with ext/openssl, one that can enable crypto)
--EXTENSIONS--
fastsock
--FILE--
<?php
$server = stream_socket_server('fast+tcp://127.0.0.1:0', $errno, $errstr);
var_dump(fastsock_info($server)['role']);
$client = stream_socket_client('fast+tcp://' . stream_socket_get_name($server, false));
var_dump(fastsock_info($server) !== false, @fastsock_info($client));
$conn = stream_socket_accept($server, 5);
var_dump(fastsock_info($conn)['role']);
fwrite($client, "ping\n");
var_dump(fgets($conn));
$stock_client = stream_socket_client('tcp://' . stream_socket_get_name($server, false));
var_dump(stream_get_meta_data($client)['stream_type'] === stream_get_meta_data($stock_client)['stream_type']);
--EXPECT--
string(6) "server"
bool(true)
bool(false)
string(10) "connection"
string(5) "ping
"
bool(true)
