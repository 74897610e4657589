<?php
/*
 * TCP time server: Example #1 of the PHP manual page of
 * stream_socket_server(). What differs from the manual's script, and why:
 *
 *  - 127.0.0.1 and a port argument instead of 0.0.0.0:8000: a demo that
 *    serves this machine only, on any free port (0).
 *  - Errors go to STDERR with exit(1) instead of an HTML echo.
 *  - A "ready ADDRESS" line once listening, so that whoever started it
 *    (scripts/demo, the tests) knows when to connect, and under
 *    examples/workers.sh the worker number in that line and in each reply.
 *  - The accept loop: the manual's `while ($conn = stream_socket_accept($socket))`
 *    waits default_socket_timeout (60 s) and ends the server at the first
 *    accept that fails (60 s without a client, a signal). Here accept waits
 *    forever (-1), its warning is silenced (@) and a failed accept is
 *    skipped (continue), so the server runs until it is stopped.
 *
 * None of this touches what fastsock changes: the listen backlog is set by
 * stream_socket_server() before the first accept, and each connection is
 * accepted, written and closed as in the manual.
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

// Under examples/workers.sh, WORKER is this copy's number (1 to N): it goes
// in the ready line and in each reply, so you can see which copy answered.
$worker = getenv('WORKER');
$from = $worker === false ? '' : " (worker $worker)";

// Tell whoever started us (scripts/demo, a test, you) that we are listening.
// One write, so that the lines of workers sharing a pipe never interleave.
echo "ready " . stream_socket_get_name($socket, false) . ($worker === false ? '' : " worker $worker") . "\n";

// Accept forever (see the top of the file for how the manual's loop differs).
while (true) {
    $conn = @stream_socket_accept($socket, -1);
    if ($conn === false) {
        continue; // interrupted or a client that vanished: keep serving
    }
    fwrite($conn, 'The local time is ' . date('n/j/Y g:i a') . "$from\n");
    fclose($conn);
}
