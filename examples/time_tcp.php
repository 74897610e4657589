<?php
/*
 * TCP time server: Example #1 of the PHP manual page of
 * stream_socket_server(), unchanged apart from the port argument and the
 * "ready" line.
 *
 *   php -d extension=modules/fastsock.so examples/time_tcp.php [port]
 *   nc 127.0.0.1 8000          # prints the time and closes
 *
 * Nothing here mentions fastsock: with the extension loaded the same calls
 * get a listen backlog of the system maximum (stock PHP: 32) and
 * TCP_NODELAY on every accepted connection. Compare with stock PHP:
 *
 *   php -d extension=modules/fastsock.so -d fastsock.enable=0 examples/time_tcp.php
 */

$port = (int)($argv[1] ?? 8000);

// Bind and listen (the default flags are STREAM_SERVER_BIND | STREAM_SERVER_LISTEN).
// 127.0.0.1 serves this machine only; the manual uses 0.0.0.0 (all interfaces).
$socket = stream_socket_server("tcp://127.0.0.1:$port", $errno, $errstr);
if (!$socket) {
    // $errno/$errstr come from socket(), bind() or listen().
    fwrite(STDERR, "$errstr ($errno)\n");
    exit(1);
}

// Tell whoever started us (scripts/demo, a test, you) that we are listening.
// One write, so that the lines of workers sharing a pipe never interleave.
echo "ready " . stream_socket_get_name($socket, false) . "\n";

// Accept forever. The timeout -1 means "wait as long as it takes"; the
// manual's example uses the default_socket_timeout (60 s), after which
// stream_socket_accept() returns false and the loop would end.
while (true) {
    $conn = @stream_socket_accept($socket, -1);
    if ($conn === false) {
        continue; // interrupted or a client that vanished: keep serving
    }
    fwrite($conn, 'The local time is ' . date('n/j/Y g:i a') . "\n");
    fclose($conn);
}
