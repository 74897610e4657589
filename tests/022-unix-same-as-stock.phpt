--TEST--
unix:// and udg:// server scripts see the same with fastsock as on stock
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

fs_compare(<<<'PHP'
<?php
/* Everything this script makes is in its own directory, removed at the end:
 * nothing an earlier run left can change what this run sees. */
$dir = sys_get_temp_dir() . '/fastsock-test-' . getmypid();
mkdir($dir);
function show($label, $value) { global $dir; echo $label, ': ', str_replace($dir, 'DIR', var_export($value, true)), "\n"; }

$path = "$dir/unix.sock";
$server = stream_socket_server("unix://$path", $errno, $errstr);
show('errno/errstr', [$errno, $errstr]);
show('meta', stream_get_meta_data($server));
show('name', stream_socket_get_name($server, false));
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
$long = "$dir/" . str_repeat('x', 200);
$cut = substr($long, 0, 107);
show('too long', @stream_socket_server("unix://$long", $errno, $errstr) !== false);
show('notice', error_get_last()['message'] ?? '');
/* the server was bound to the path cut to sun_path's 107 bytes */
show('cut path', @filetype($cut));
if (@filetype($cut) === 'socket') {
	unlink($cut);
}
fclose($server);
unlink($path);

$dpath = "$dir/udg.sock";
$dserver = stream_socket_server("udg://$dpath", $errno, $errstr, STREAM_SERVER_BIND);
show('udg meta', stream_get_meta_data($dserver));
$dclient = stream_socket_client("udg://$dpath");
fwrite($dclient, "datagram");
show('udg recv', stream_socket_recvfrom($dserver, 100));
fclose($dserver);
unlink($dpath);
rmdir($dir);
PHP);
--EXPECT--
same
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
name: 'DIR/unix.sock'
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
  3 => 'stream_socket_server(): Unable to connect to unix://DIR/unix.sock (Unknown error)',
)
too long: true
notice: 'stream_socket_server(): socket path exceeded the maximum allowed length of 107 bytes and was truncated'
cut path: 'socket'
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
