--TEST--
socket_import_stream() on fastsock streams behaves as on stock streams
--EXTENSIONS--
fastsock
sockets
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$ini = ['extension' => 'sockets'];
fs_compare(<<<'PHP'
<?php
function show($label, $value) { echo $label, ': ', preg_replace('/:\d+/', ':PORT', var_export($value, true)), "\n"; }

$server = stream_socket_server('tcp://127.0.0.1:0');
$addr = stream_socket_get_name($server, false);
$client = stream_socket_client("tcp://$addr");
$conn = stream_socket_accept($server, 5);
$sock = socket_import_stream($conn);
show('imported', $sock instanceof Socket);
fwrite($client, "raw");
show('socket_read', socket_read($sock, 10));
show('socket_write', socket_write($sock, "back"));
show('client got', fread($client, 10));
stream_set_blocking($conn, false);
$sock2 = socket_import_stream($conn);
show('nonblocking socket_read', @socket_read($sock2, 10));
show('last error', socket_last_error($sock2));
$lsock = socket_import_stream($server);
show('listener name', socket_getsockname($lsock, $a, $p) && $a === '127.0.0.1');
PHP, $ini);
--EXPECTF--
same
imported: true
socket_read: 'raw'
socket_write: 4
client got: 'back'
nonblocking socket_read: false
last error: 11
listener name: true
