--TEST--
read path: fread() of every size, fgets(), stream_get_line() and fgetc() leave exactly stock's read buffer (unread_bytes) and return the same
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

fs_compare(<<<'PHP'
<?php
$server = stream_socket_server('tcp://127.0.0.1:0');
$client = stream_socket_client('tcp://' . stream_socket_get_name($server, false));
$conn = stream_socket_accept($server, 5);

/* Sends $data and waits (bounded) until the kernel has queued all of it. */
function send($client, $conn, string $data): void
{
	fwrite($client, $data);
	for ($i = 0; $i < 2000; $i++) {
		if (strlen(stream_socket_recvfrom($conn, strlen($data), STREAM_PEEK)) >= strlen($data)) {
			return;
		}
		$r = [$conn];
		$w = $e = null;
		stream_select($r, $w, $e, 0, 1000);
	}
	echo "not queued\n";
}

function show($conn, string $what, $data): void
{
	$meta = stream_get_meta_data($conn);
	printf("%-22s %6s bytes, %5d unread, eof %s\n", $what,
		is_string($data) ? strlen($data) : var_export($data, true), $meta['unread_bytes'], var_export($meta['eof'], true));
}

send($client, $conn, str_repeat('a', 5000));
for ($i = 0; $i < 6; $i++) {
	stream_set_blocking($conn, $i < 5);
	show($conn, 'fread(1000)', fread($conn, 1000));
}
stream_set_blocking($conn, true);

send($client, $conn, str_repeat('b', 30000));
foreach ([4096, 4096, 100, 8192, 65536] as $size) {
	show($conn, "fread($size)", fread($conn, $size));
}
stream_set_blocking($conn, false);
show($conn, 'fread(65536) drained', fread($conn, 65536));
show($conn, 'fread(65536) empty', fread($conn, 65536));
stream_set_blocking($conn, true);

send($client, $conn, "one\n" . str_repeat('c', 10000) . "\nthree\n" . str_repeat('d', 3000));
show($conn, 'fgets', fgets($conn));
show($conn, 'fgets 10001', fgets($conn));
show($conn, 'fgetc', fgetc($conn));
show($conn, 'fgets', fgets($conn));
/* All that is buffered: a larger fread() would block to top it up, on
 * stock as with fastsock. */
show($conn, 'fread(3000)', fread($conn, 3000));

send($client, $conn, str_repeat('e', 9000) . "\r\n" . "tail");
show($conn, 'stream_get_line 100000', stream_get_line($conn, 100000, "\r\n"));
show($conn, 'stream_get_line 2', stream_get_line($conn, 2));
show($conn, 'fread(2)', fread($conn, 2));

fclose($client);
show($conn, 'fread at eof', fread($conn, 8192));
show($conn, 'feof', feof($conn));
PHP);
--EXPECT--
same
fread(1000)              1000 bytes,  4000 unread, eof false
fread(1000)              1000 bytes,  3000 unread, eof false
fread(1000)              1000 bytes,  2000 unread, eof false
fread(1000)              1000 bytes,  1000 unread, eof false
fread(1000)              1000 bytes,     0 unread, eof false
fread(1000)                 0 bytes,     0 unread, eof false
fread(4096)              4096 bytes,  4096 unread, eof false
fread(4096)              4096 bytes,     0 unread, eof false
fread(100)                100 bytes,  8092 unread, eof false
fread(8192)              8192 bytes,  8092 unread, eof false
fread(65536)            13516 bytes,     0 unread, eof false
fread(65536) drained        0 bytes,     0 unread, eof false
fread(65536) empty          0 bytes,     0 unread, eof false
fgets                       4 bytes,  8188 unread, eof false
fgets 10001             10001 bytes,  3006 unread, eof false
fgetc                       1 bytes,  3005 unread, eof false
fgets                       5 bytes,  3000 unread, eof false
fread(3000)              3000 bytes,     0 unread, eof false
stream_get_line 100000   9000 bytes,     4 unread, eof false
stream_get_line 2           2 bytes,     2 unread, eof false
fread(2)                    2 bytes,     0 unread, eof false
fread at eof                0 bytes,     0 unread, eof true
feof                     true bytes,     0 unread, eof true