<?php
// A tiny HTTPS server on ssl://, written as the manual's examples are: a
// blocking accept loop (stock PHP runs the TLS handshake inside
// stream_socket_accept()), then read the request's header lines (none if
// the client closes first), answer a tiny response, close.
//
//   php tls_https.php ssl://127.0.0.1:8443 CERT KEY
$address = $argv[1] ?? 'ssl://127.0.0.1:8443';
if (!isset($argv[3])) {
    fwrite(STDERR, "usage: php tls_https.php ADDRESS CERT KEY\n");
    exit(2);
}
$context = stream_context_create(['ssl' => [
    'local_cert' => $argv[2],
    'local_pk' => $argv[3],
    'verify_peer' => false,
]]);

$server = stream_socket_server($address, $errno, $errstr,
    STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $context);
if (!$server) {
    fwrite(STDERR, "$errstr ($errno)\n");
    exit(1);
}
echo "ready\n";

$response = "HTTP/1.0 200 OK\r\n"
    . "Content-Type: text/plain\r\n"
    . "Content-Length: 14\r\n"
    . "\r\n"
    . "Hello, world!\n";

while (true) {
    // A failed handshake (a client that gave up, or said nothing until the
    // timeout) makes accept return false, with warnings.
    $conn = stream_socket_accept($server, -1);
    if (!$conn) {
        continue;
    }
    // Up to the blank line that ends the headers, at most 8 KB. A client
    // that closed right after its handshake may reset the connection when
    // the session tickets reach it: quietly, as there is nothing to read.
    $read = 0;
    while ($read < 8192 && ($line = @fgets($conn, 8192)) !== false && $line !== "\r\n") {
        $read += strlen($line);
    }
    // The client may be gone already (s_time without -www closes right
    // after the handshake).
    @fwrite($conn, $response);
    fclose($conn);
}
