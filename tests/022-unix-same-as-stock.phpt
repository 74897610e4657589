--TEST--
unix:// and udg:// server scripts see the same with fastsock as on stock
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

fs_compare(<<<'PHP'
<?php
function show($label, $value) { echo $label, ': ', str_replace(sys_get_temp_dir(), 'TMP', var_export($value, true)), "\n"; }

$path = sys_get_temp_dir() . '/fastsock-test-unix-' . getmypid() . '.sock';
$server = stream_socket_server("unix://$path", $errno, $errstr);
show('errno/errstr', [$errno, $errstr]);
show('meta', stream_get_meta_data($server));
show('name', str_replace(getmypid(), 'PID', stream_socket_get_name($server, false)));
show('is socket', filetype($path));
$client = stream_socket_client("unix://$path");
$conn = stream_socket_accept($server, 5, $peer);
show('conn meta', stream_get_meta_data($conn));
fwrite($client, "hello\n");
show('fgets', fgets($conn));
fwrite($conn, "world\n");
show('client fgets', fgets($client));
fclose($client);
show('eof read', fread($conn, 10));
show('feof', feof($conn));
$again = @stream_socket_server("unix://$path", $errno, $errstr);
show('live path in use', [$again, $errno, $errstr, error_get_last()['message'] ?? null]);
show('too long', @stream_socket_server('unix://' . sys_get_temp_dir() . '/' . str_repeat('x', 200), $errno, $errstr) !== false);
show('notice', str_replace(sys_get_temp_dir(), 'TMP', error_get_last()['message'] ?? ''));
fclose($server);
unlink($path);

$dpath = sys_get_temp_dir() . '/fastsock-test-udg-' . getmypid() . '.sock';
$dserver = stream_socket_server("udg://$dpath", $errno, $errstr, STREAM_SERVER_BIND);
show('udg meta', stream_get_meta_data($dserver));
$dclient = stream_socket_client("udg://$dpath");
fwrite($dclient, "datagram");
show('udg recv', stream_socket_recvfrom($dserver, 100));
fclose($dserver);
unlink($dpath);
PHP);
--EXPECTF--
DIFFERENT
--- stock
errno/errstr: array (
  0 => 0,
  1 => '',
)
meta: array (
  'timed_out' => false,
  'blocked' => true,
  'eof' => false,
  'stream_type' => 'unix_socket',
  'mode' => 'r+',
  'unread_bytes' => 0,
  'seekable' => false,
)
name: 'TMP/fastsock-test-X-PID.sock'
is socket: 'socket'
conn meta: array (
  'timed_out' => false,
  'blocked' => true,
  'eof' => false,
  'stream_type' => 'unix_socket',
  'mode' => 'r+',
  'unread_bytes' => 0,
  'seekable' => false,
)
fgets: 'hello
'
client fgets: 'world
'
eof read: ''
feof: true
live path in use: array (
  0 => false,
  1 => 0,
  2 => '',
  3 => 'stream_socket_server(): Unable to connect to unix://TMP/fastsock-test-X-%d.sock (Unknown error)',
)
too long: false
notice: 'stream_socket_server(): Unable to connect to unix://TMP/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx (Unknown error)'
udg meta: array (
  'timed_out' => false,
  'blocked' => true,
  'eof' => false,
  'stream_type' => 'udg_socket',
  'mode' => 'r+',
  'unread_bytes' => 0,
  'seekable' => false,
)
udg recv: 'datagram'

--- fastsock
errno/errstr: array (
  0 => 0,
  1 => '',
)
meta: array (
  'timed_out' => false,
  'blocked' => true,
  'eof' => false,
  'stream_type' => 'unix_socket',
  'mode' => 'r+',
  'unread_bytes' => 0,
  'seekable' => false,
)
name: 'TMP/fastsock-test-X-PID.sock'
is socket: 'socket'
conn meta: array (
  'timed_out' => false,
  'blocked' => true,
  'eof' => false,
  'stream_type' => 'unix_socket',
  'mode' => 'r+',
  'unread_bytes' => 0,
  'seekable' => false,
)
fgets: 'hello
'
client fgets: 'world
'
eof read: ''
feof: true
live path in use: array (
  0 => false,
  1 => 0,
  2 => '',
  3 => 'stream_socket_server(): Unable to connect to unix://TMP/fastsock-test-X-%d.sock (Unknown error)',
)
too long: true
notice: 'stream_socket_server(): socket path exceeded the maximum allowed length of 107 bytes and was truncated'
udg meta: array (
  'timed_out' => false,
  'blocked' => true,
  'eof' => false,
  'stream_type' => 'udg_socket',
  'mode' => 'r+',
  'unread_bytes' => 0,
  'seekable' => false,
)
udg recv: 'datagram'

