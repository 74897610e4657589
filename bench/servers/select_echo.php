<?php
// Echo server multiplexing all clients with stream_select().
// The same script serves tcp://, unix:// and, given a certificate and key
// after the address, ssl:// (the handshake runs in stream_socket_accept()).
$address = $argv[1] ?? 'tcp://127.0.0.1:8002';

$context = isset($argv[3])
    ? stream_context_create(['ssl' => ['local_cert' => $argv[2], 'local_pk' => $argv[3], 'verify_peer' => false]])
    : null; // the default context, as with no argument
$server = stream_socket_server($address, $errno, $errstr,
    STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $context);
if (!$server) {
    fwrite(STDERR, "$errstr ($errno)\n");
    exit(1);
}
echo "ready\n";

$clients = [];
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
            }
            continue;
        }
        $data = fread($stream, 8192);
        if ($data === '' || $data === false) {
            fclose($stream);
            unset($clients[(int) $stream]);
            continue;
        }
        fwrite($stream, $data);
    }
}
