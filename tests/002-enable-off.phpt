--TEST--
fastsock.enable=0 installs nothing: stock servers, no fast+ transports
--EXTENSIONS--
fastsock
--INI--
fastsock.enable=0
--FILE--
<?php
$server = stream_socket_server('tcp://127.0.0.1:0');
var_dump(stream_get_meta_data($server)['stream_type']);
var_dump(fastsock_info($server));
var_dump(count(array_filter(stream_get_transports(), fn($t) => str_starts_with($t, 'fast+'))));
var_dump(fastsock_stats()['servers_created']);
ob_start();
phpinfo(INFO_MODULES);
var_dump(str_contains(ob_get_clean(), 'stream_socket_server() served by fastsock => no (fastsock.enable=0)'));
--EXPECTF--
string(%d) "tcp_socket%S"

Warning: fastsock_info(): The stream is not served by fastsock (its type is "tcp_socket%S"); only streams of stream_socket_server() and their accepted connections are in %s on line %d
bool(false)
int(0)
int(0)
bool(true)
