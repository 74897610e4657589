--TEST--
A udp server script (the manual's time server) sees the same with fastsock as on stock
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

fs_compare(<<<'PHP'
<?php
function show($label, $value) { echo $label, ': ', preg_replace('/:\d+/', ':PORT', var_export($value, true)), "\n"; }

$server = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
show('errno/errstr', [$errno, $errstr]);
show('meta', stream_get_meta_data($server));
$addr = stream_socket_get_name($server, false);
$client = stream_socket_client("udp://$addr");
fwrite($client, "what time is it?");
$pkt = stream_socket_recvfrom($server, 100, 0, $peer);
show('packet', $pkt);
show('peer is client', $peer === stream_socket_get_name($client, false));
show('sendto', stream_socket_sendto($server, "noon\r\n", 0, $peer));
show('client got', fread($client, 100));
fwrite($client, "peek me");
show('peek', stream_socket_recvfrom($server, 4, STREAM_PEEK, $peer2));
show('then', stream_socket_recvfrom($server, 100));
fwrite($client, "via fread");
show('fread', fread($server, 100));
show('sendto bad', @stream_socket_sendto($server, "x", 0, '256.1.1.1:1'));
show('listen flag', [@stream_socket_server('udp://127.0.0.1:0', $errno, $errstr), $errno, $errstr]);
$again = stream_socket_server("udp://$addr", $errno, $errstr, STREAM_SERVER_BIND);
show('bind in use', [$again, $errno, $errstr]);
PHP);
--EXPECTF--
same
errno/errstr: array (
  0 => 0,
  1 => '',
)
meta: array (
  'timed_out' => false,
  'blocked' => true,
  'eof' => false,
  'stream_type' => 'udp_socket',
  'mode' => 'r+',
  'unread_bytes' => 0,
  'seekable' => false,
)
packet: 'what time is it?'
peer is client: true
sendto: 6
client got: 'noon
'
peek: 'peek'
then: 'peek me'
fread: 'via fread'
sendto bad: false
listen flag: array (
  0 => false,
  1 => 0,
  2 => '',
)
bind in use: array (
  0 => NULL,
  1 => 0,
  2 => '',
)
