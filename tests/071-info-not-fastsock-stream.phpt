--TEST--
fastsock_info() on a stream fastsock does not serve (a file, STDIN, a client socket, php://memory) warns naming its type and returns false
--EXTENSIONS--
fastsock
--FILE--
<?php
$file = fopen(__FILE__, 'r');
var_dump(fastsock_info($file));
var_dump(fastsock_info(STDIN));
var_dump(fastsock_info(fopen('php://memory', 'r+')));
$server = stream_socket_server('tcp://127.0.0.1:0');
$client = stream_socket_client('tcp://' . stream_socket_get_name($server, false));
var_dump(fastsock_info($client));
var_dump(is_array(fastsock_info($server)));
--EXPECTF--
Warning: fastsock_info(): The stream is not served by fastsock (its type is "STDIO"); only streams of stream_socket_server() and their accepted connections are in %s on line %d
bool(false)

Warning: fastsock_info(): The stream is not served by fastsock (its type is "STDIO"); only streams of stream_socket_server() and their accepted connections are in %s on line %d
bool(false)

Warning: fastsock_info(): The stream is not served by fastsock (its type is "MEMORY"); only streams of stream_socket_server() and their accepted connections are in %s on line %d
bool(false)

Warning: fastsock_info(): The stream is not served by fastsock (its type is "tcp_socket%S"); only streams of stream_socket_server() and their accepted connections are in %s on line %d
bool(false)
bool(true)
