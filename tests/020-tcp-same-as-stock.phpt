--TEST--
A tcp server script sees the same values, warnings and EOF with fastsock as on stock
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

fs_compare(<<<'PHP'
<?php
function show($label, $value) { echo $label, ': ', preg_replace('/:\d+/', ':PORT', var_export($value, true)), "\n"; }

$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
show('errno/errstr', [$errno, $errstr]);
$meta = stream_get_meta_data($server);
show('server meta', $meta);
$addr = stream_socket_get_name($server, false);
show('server name', $addr);
show('server peer', stream_socket_get_name($server, true));

$client = stream_socket_client("tcp://$addr");
$conn = stream_socket_accept($server, 5, $peer);
show('peer matches client', $peer === stream_socket_get_name($client, false));
show('conn name matches', stream_socket_get_name($conn, false) === $addr);
show('conn meta', stream_get_meta_data($conn));

fwrite($client, "line one\nline two\n");
show('fgets', fgets($conn));
show('fgets again', fgets($conn));

stream_set_timeout($conn, 0, 200000);
show('read after timeout', fread($conn, 10));
show('timed_out', stream_get_meta_data($conn)['timed_out']);
stream_set_timeout($conn, 5);

stream_set_blocking($conn, false);
show('nonblocking read', fread($conn, 10));
show('blocked', stream_get_meta_data($conn)['blocked']);
stream_set_blocking($conn, true);

fwrite($client, "peekable");
show('peek', stream_socket_recvfrom($conn, 4, STREAM_PEEK));
show('recvfrom', stream_socket_recvfrom($conn, 100));
show('sendto', stream_socket_sendto($conn, "back"));
show('client got', fread($client, 100));

show('write', fwrite($conn, str_repeat('x', 100000)));
$got = '';
while (strlen($got) < 100000 && !feof($client)) { $got .= fread($client, 65536); }
show('client got bytes', strlen($got));

show('shutdown wr', stream_socket_shutdown($client, STREAM_SHUT_WR));
show('read at eof', fread($conn, 10));
show('feof', feof($conn));
show('eof meta', stream_get_meta_data($conn)['eof']);
fclose($client);
fclose($conn);

show('accept timeout', stream_socket_accept($server, 0.1));
stream_set_blocking($server, false);
show('nonblocking accept', @stream_socket_accept($server, 0));
show('error', error_get_last()['message']);

$again = stream_socket_server("tcp://$addr", $errno, $errstr);
show('bind in use', [$again, $errno, $errstr]);
show('bad address', [stream_socket_server('tcp://127.0.0.1', $errno, $errstr), $errno, $errstr]);
show('bad v6', [stream_socket_server('tcp://[::1', $errno, $errstr), $errno, $errstr]);
show('bad host', [@stream_socket_server('tcp://no-such-host.invalid:0', $errno, $errstr), $errno]);
show('no scheme', stream_get_meta_data(stream_socket_server('127.0.0.1:0'))['stream_type']);
show('bind only', stream_socket_get_name(stream_socket_server('tcp://127.0.0.1:0', $e, $s, STREAM_SERVER_BIND), false) !== false);
show('v6', stream_socket_get_name(stream_socket_server('tcp://[::1]:0'), false));
fclose($server);
show('closed', get_resource_type($server));
PHP);
--EXPECTF--
same
errno/errstr: array (
  0 => 0,
  1 => '',
)
server meta: array (
  'timed_out' => false,
  'blocked' => true,
  'eof' => false,
  'stream_type' => 'tcp_socket/ssl',
  'mode' => 'r+',
  'unread_bytes' => 0,
  'seekable' => false,
)
server name: '127.0.0.1:PORT'
server peer: false
peer matches client: true
conn name matches: true
conn meta: array (
  'timed_out' => false,
  'blocked' => true,
  'eof' => false,
  'stream_type' => 'tcp_socket/ssl',
  'mode' => 'r+',
  'unread_bytes' => 0,
  'seekable' => false,
)
fgets: 'line one
'
fgets again: 'line two
'
read after timeout: false
timed_out: true
nonblocking read: ''
blocked: false
peek: 'peek'
recvfrom: 'peekable'
sendto: 4
client got: 'back'
write: 100000
client got bytes: 100000
shutdown wr: true
read at eof: ''
feof: true
eof meta: true

Warning: stream_socket_accept(): Accept failed: Connection timed out in %s on line %d
accept timeout: false
nonblocking accept: false
error: 'stream_socket_accept(): Accept failed: Connection timed out'

Warning: stream_socket_server(): Unable to connect to tcp://127.0.0.1:PORT (Address already in use) in %s on line %d
bind in use: array (
  0 => false,
  1 => 0,
  2 => 'Address already in use',
)

Warning: stream_socket_server(): Unable to connect to tcp://127.0.0.1 (Failed to parse address "127.0.0.1") in %s on line %d
bad address: array (
  0 => false,
  1 => 0,
  2 => 'Failed to parse address "127.0.0.1"',
)

Warning: stream_socket_server(): Unable to connect to tcp://[::1 (Failed to parse IPv6 address "[::1") in %s on line %d
bad v6: array (
  0 => false,
  1 => 0,
  2 => 'Failed to parse IPv6 address "[::PORT"',
)
bad host: array (
  0 => false,
  1 => 0,
)
no scheme: 'tcp_socket/ssl'
bind only: true
v6: '[::PORT]:PORT'
closed: 'Unknown'
