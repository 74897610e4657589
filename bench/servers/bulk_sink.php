<?php
// Reads each connection to EOF in big fread() calls, then replies with the
// number of bytes it read: a log or upload sink.
$address = $argv[1] ?? 'tcp://127.0.0.1:8003';

$server = stream_socket_server($address, $errno, $errstr);
if (!$server) {
    fwrite(STDERR, "$errstr ($errno)\n");
    exit(1);
}
echo "ready\n";

while (true) {
    $conn = stream_socket_accept($server, -1);
    if (!$conn) {
        continue;
    }
    $total = 0;
    while (!feof($conn)) {
        $data = fread($conn, 1 << 20);
        if ($data === false) {
            break;
        }
        $total += strlen($data);
    }
    fwrite($conn, "$total\n");
    fclose($conn);
}
