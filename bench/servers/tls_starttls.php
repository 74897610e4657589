<?php
// TLS started on an accepted tcp:// connection, as STARTTLS servers and
// ReactPHP's SecureServer do: the listener has no ssl options; each
// connection gets them, then stream_socket_enable_crypto(). Then the same
// exchange as tls_https.php: read the headers, answer, close.
//
//   php tls_starttls.php tcp://127.0.0.1:8443 CERT KEY
$address = $argv[1] ?? 'tcp://127.0.0.1:8443';
if (!isset($argv[3])) {
    fwrite(STDERR, "usage: php tls_starttls.php ADDRESS CERT KEY\n");
    exit(2);
}
$ssl = [
    'local_cert' => $argv[2],
    'local_pk' => $argv[3],
    'verify_peer' => false,
];

$server = stream_socket_server($address, $errno, $errstr);
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
    $conn = stream_socket_accept($server, -1);
    if (!$conn) {
        continue;
    }
    stream_context_set_option($conn, ['ssl' => $ssl]);
    // Blocking: the handshake runs here, bounded by the stream's timeout.
    if (stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER) !== true) {
        fclose($conn);
        continue;
    }
    // Headers up to the blank line, quietly (see tls_https.php).
    $read = 0;
    while ($read < 8192 && ($line = @fgets($conn, 8192)) !== false && $line !== "\r\n") {
        $read += strlen($line);
    }
    @fwrite($conn, $response);
    fclose($conn);
}
