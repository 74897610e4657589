<?php
/*
 * Chat server with stream_select(): one process, many clients. Every line
 * a client sends is broadcast to all the other clients; "quit" leaves.
 *
 *   php -d extension=modules/fastsock.so examples/select_chat.php [port]
 *   nc 127.0.0.1 8001          # in two or more terminals
 *
 * Stock stream_select() fails past 1,024 descriptors (FD_SETSIZE); with
 * fastsock the same call is poll()-based and has no such limit.
 */

$port = (int)($argv[1] ?? 8001);
$server = stream_socket_server("tcp://127.0.0.1:$port", $errno, $errstr);
if (!$server) {
    fwrite(STDERR, "$errstr ($errno)\n");
    exit(1);
}
// Under examples/workers.sh, WORKER is this copy's number (1 to N): it goes
// in the ready line and in the welcome, so you can see which room you are in.
$worker = getenv('WORKER');
$from = $worker === false ? '' : " (worker $worker)";
echo "ready " . stream_socket_get_name($server, false) . ($worker === false ? '' : " worker $worker") . "\n";

$clients = [];                               // (int)$stream => $stream
$names = [];                                 // (int)$stream => "ip:port"

while (true) {
    $read = $clients;
    $read[] = $server;                       // readable server = a new client
    $write = $except = null;
    if (stream_select($read, $write, $except, null) === false) {
        fwrite(STDERR, "stream_select() failed\n");
        exit(1);
    }
    foreach ($read as $stream) {
        if ($stream === $server) {
            $conn = @stream_socket_accept($server, 0, $peer);
            if ($conn) {
                $clients[(int)$conn] = $conn;
                $names[(int)$conn] = $peer;
                fwrite($conn, "welcome $peer, " . count($clients) . " online$from\n");
            }
            continue;
        }
        $name = $names[(int)$stream];
        // select said "readable", so fread() returns at once with what has
        // arrived (usually one line); '' or false means the client is gone.
        $line = fread($stream, 4096);
        if ($line === '' || $line === false || trim($line) === 'quit') {
            unset($clients[(int)$stream], $names[(int)$stream]);
            fclose($stream);
            $line = "$name left\n";
        } else {
            $line = "$name: $line";
        }
        foreach ($clients as $other) {
            if ($other !== $stream) {
                @fwrite($other, $line);      // a dead peer is seen on its next read
            }
        }
    }
}
