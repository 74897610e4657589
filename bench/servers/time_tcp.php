<?php
// TCP time server, as in the PHP manual's stream_socket_server() example:
// a blocking accept loop that writes the time and closes.
$address = $argv[1] ?? 'tcp://127.0.0.1:8000';

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
    fwrite($conn, 'The local time is ' . date('n/j/Y g:i a') . "\n");
    fclose($conn);
}
