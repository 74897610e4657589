<?php
// Echo server multiplexing all clients with stream_select().
// The same script serves tcp:// and unix:// addresses.
$address = $argv[1] ?? 'tcp://127.0.0.1:8002';

$server = stream_socket_server($address, $errno, $errstr);
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
