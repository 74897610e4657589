<?php
// UDP echo server, as in the PHP manual's stream_socket_server() example.
$address = $argv[1] ?? 'udp://127.0.0.1:8001';

$socket = stream_socket_server($address, $errno, $errstr, STREAM_SERVER_BIND);
if (!$socket) {
    fwrite(STDERR, "$errstr ($errno)\n");
    exit(1);
}
echo "ready\n";

while (true) {
    $pkt = stream_socket_recvfrom($socket, 65535, 0, $peer);
    if ($pkt === false) {
        continue;
    }
    stream_socket_sendto($socket, $pkt, 0, $peer);
}
