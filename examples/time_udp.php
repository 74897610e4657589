<?php
/*
 * UDP time server: Example #2 of the PHP manual page of
 * stream_socket_server(). Each datagram received gets the current time
 * sent back to its sender.
 *
 *   php -d extension=modules/fastsock.so examples/time_udp.php [port]
 *   echo hi | nc -u -w1 127.0.0.1 1113
 *
 * With fastsock loaded the socket gets a bigger receive buffer
 * (fastsock.udp_rcvbuf), so bursts of datagrams are not dropped.
 */

$port = (int)($argv[1] ?? 1113);

// UDP has no connections: bind only, there is nothing to listen() on.
$socket = stream_socket_server("udp://127.0.0.1:$port", $errno, $errstr, STREAM_SERVER_BIND);
if (!$socket) {
    fwrite(STDERR, "$errstr ($errno)\n");
    exit(1);
}

// Under examples/workers.sh, WORKER is this copy's number (1 to N): it goes
// in the ready line and in each reply, so you can see which copy answered.
$worker = getenv('WORKER');
$from = $worker === false ? '' : " (worker $worker)";

// One write, so that the lines of workers sharing a pipe never interleave.
echo "ready " . stream_socket_get_name($socket, false) . ($worker === false ? '' : " worker $worker") . "\n";

do {
    // Read one datagram (only its first byte is kept, as in the manual;
    // the rest is discarded); $peer receives the sender's "ip:port".
    $pkt = stream_socket_recvfrom($socket, 1, 0, $peer);
    if ($pkt !== false && $peer) {
        // Reply to that sender only.
        stream_socket_sendto($socket, date("D M j H:i:s Y") . "$from\r\n", 0, $peer);
    }
} while ($pkt !== false);
