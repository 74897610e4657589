--TEST--
fastsock.proxy_protocol, fastsock.proxy_from and fastsock.proxy_timeout: defaults, accepted values, and a warning naming the setting for a bad one
--EXTENSIONS--
fastsock
--FILE--
<?php
var_dump(ini_get('fastsock.proxy_protocol'), ini_get('fastsock.proxy_from'), ini_get('fastsock.proxy_timeout'));

var_dump(ini_set('fastsock.proxy_from', '10.0.0.0/8, 192.168.1.7 ,::1, fd00::/8'));
var_dump(ini_get('fastsock.proxy_from'));
foreach (['10.0.0.0/33', '::1/129', '1.2.3.4/', 'a,,b', 'localhost', "127.0.0.1\n"] as $bad) {
	var_dump(ini_set('fastsock.proxy_from', $bad));
}
var_dump(ini_get('fastsock.proxy_from'));
var_dump(ini_set('fastsock.proxy_from', ''), ini_get('fastsock.proxy_from'));

var_dump(ini_set('fastsock.proxy_protocol', 'on'), ini_get('fastsock.proxy_protocol'));
var_dump(ini_set('fastsock.proxy_protocol', 'v3'));
var_dump(ini_set('fastsock.proxy_timeout', '0'));
var_dump(ini_set('fastsock.proxy_timeout', '3601'));
var_dump(ini_set('fastsock.proxy_timeout', '1'), ini_get('fastsock.proxy_timeout'));

$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$info = fastsock_info($server);
var_dump($info['proxy_protocol'], $info['proxy_timeout'], $info['proxy_from'], $info['proxy']);
?>
--EXPECTF--
string(1) "0"
string(0) ""
string(1) "3"
string(0) ""
string(38) "10.0.0.0/8, 192.168.1.7 ,::1, fd00::/8"

Warning: ini_set(): Invalid value "10.0.0.0/33" for fastsock.proxy_from: accepted is a comma-separated list of IPv4 and IPv6 addresses and CIDR ranges, such as "10.0.0.0/8, 127.0.0.1, ::1"; the current value is kept in %s on line %d
bool(false)

Warning: ini_set(): Invalid value "::1/129" for fastsock.proxy_from: accepted is %s; the current value is kept in %s on line %d
bool(false)

Warning: ini_set(): Invalid value "1.2.3.4/" for fastsock.proxy_from: accepted is %s; the current value is kept in %s on line %d
bool(false)

Warning: ini_set(): Invalid value "a,,b" for fastsock.proxy_from: accepted is %s; the current value is kept in %s on line %d
bool(false)

Warning: ini_set(): Invalid value "localhost" for fastsock.proxy_from: accepted is %s; the current value is kept in %s on line %d
bool(false)

Warning: ini_set(): Invalid value "127.0.0.1\x0a" for fastsock.proxy_from: accepted is %s; the current value is kept in %s on line %d
bool(false)
string(38) "10.0.0.0/8, 192.168.1.7 ,::1, fd00::/8"
string(38) "10.0.0.0/8, 192.168.1.7 ,::1, fd00::/8"
string(0) ""
string(1) "0"
string(2) "on"

Warning: ini_set(): Invalid value "v3" for fastsock.proxy_protocol: accepted is a boolean (1, 0, on, off, yes, no, true, false); the current value is kept in %s on line %d
bool(false)

Warning: ini_set(): Invalid value "0" for fastsock.proxy_timeout: accepted is 1 to 3600 seconds; the current value is kept in %s on line %d
bool(false)

Warning: ini_set(): Invalid value "3601" for fastsock.proxy_timeout: accepted is 1 to 3600 seconds; the current value is kept in %s on line %d
bool(false)
string(1) "3"
string(1) "1"

Warning: stream_socket_server(): fastsock.proxy_protocol is on but fastsock.proxy_from lists no source: no peer is trusted to send a PROXY header, every connection is served as direct in %s on line %d
bool(true)
int(1)
string(0) ""
NULL
