<?php
// Keep-alive HTTP/1.1 responder over stream_select(). Headers and body go out
// in two fwrite() calls, as many hand-written servers do: with Nagle's
// algorithm and delayed ACKs the second write can wait for the peer's ACK.
// With "one-write" after the address the response goes out in one fwrite().
$address = $argv[1] ?? 'tcp://127.0.0.1:8080';
$one_write = ($argv[2] ?? '') === 'one-write';

$server = stream_socket_server($address, $errno, $errstr);
if (!$server) {
    fwrite(STDERR, "$errstr ($errno)\n");
    exit(1);
}
echo "ready\n";

$body = "Hello, world!\n";
$headers = "HTTP/1.1 200 OK\r\n"
    . "Content-Type: text/plain\r\n"
    . 'Content-Length: ' . strlen($body) . "\r\n"
    . "\r\n";

$clients = [];
$buffers = [];
while (true) {
    $read = $clients;
    $read[] = $server;
    $write = $except = null;
    if (stream_select($read, $write, $except, null) === false) {
        fwrite(STDERR, "stream_select failed\n");
        exit(1);
    }
    foreach ($read as $stream) {
        if ($stream === $server) {
            $conn = stream_socket_accept($server);
            if ($conn) {
                $clients[(int) $conn] = $conn;
                $buffers[(int) $conn] = '';
            }
            continue;
        }
        $id = (int) $stream;
        $data = fread($stream, 8192);
        if ($data === '' || $data === false) {
            fclose($stream);
            unset($clients[$id], $buffers[$id]);
            continue;
        }
        $buffers[$id] .= $data;
        // Answer every complete request; keep a partial one for later.
        while (($end = strpos($buffers[$id], "\r\n\r\n")) !== false) {
            $buffers[$id] = substr($buffers[$id], $end + 4);
            if ($one_write) {
                fwrite($stream, $headers . $body);
            } else {
                fwrite($stream, $headers);
                fwrite($stream, $body);
            }
        }
        if (strlen($buffers[$id]) > 65536) {
            fclose($stream);
            unset($clients[$id], $buffers[$id]);
        }
    }
}
