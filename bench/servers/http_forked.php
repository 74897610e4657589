<?php
// http_keepalive.php's responder in N worker processes, the way Workerman
// and hand-written preforking servers do it: one stream_socket_server(),
// then pcntl_fork(); every child runs its own stream_select() loop over the
// shared listener and its own clients. Works on stock PHP as well.
//
//   php http_forked.php tcp://127.0.0.1:8080 4
//
// Each child prints "ready" once it serves. A child ends when the parent
// does: it watches its end of a socket pair whose other end only the
// parent holds, and reads EOF from it when the parent is gone (SIGTERM,
// SIGKILL, a crash), so no worker outlives the server.
$address = $argv[1] ?? 'tcp://127.0.0.1:8080';
$workers = (int) ($argv[2] ?? 2);

$server = stream_socket_server($address, $errno, $errstr);
if (!$server) {
    fwrite(STDERR, "$errstr ($errno)\n");
    exit(1);
}
// Several children accept from one listener: a child woken for a connection
// another one took must not block in accept.
stream_set_blocking($server, false);
[$parent_end, $child_end] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);

$body = "Hello, world!\n";
$headers = "HTTP/1.1 200 OK\r\n"
    . "Content-Type: text/plain\r\n"
    . 'Content-Length: ' . strlen($body) . "\r\n"
    . "\r\n";

function serve($server, $parent, string $headers, string $body): void
{
    echo "ready\n";
    $clients = [];
    $buffers = [];
    while (true) {
        $read = $clients;
        $read[] = $server;
        $read[] = $parent;
        $write = $except = null;
        if (stream_select($read, $write, $except, null) === false) {
            fwrite(STDERR, "stream_select failed\n");
            exit(1);
        }
        foreach ($read as $stream) {
            if ($stream === $parent) {
                exit(0); // EOF: the parent is gone
            }
            if ($stream === $server) {
                $conn = @stream_socket_accept($server, 0);
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
            while (($end = strpos($buffers[$id], "\r\n\r\n")) !== false) {
                $buffers[$id] = substr($buffers[$id], $end + 4);
                fwrite($stream, $headers);
                fwrite($stream, $body);
            }
            if (strlen($buffers[$id]) > 65536) {
                fclose($stream);
                unset($clients[$id], $buffers[$id]);
            }
        }
    }
}

for ($i = 0; $i < $workers; $i++) {
    $pid = pcntl_fork();
    if ($pid === -1) {
        fwrite(STDERR, "pcntl_fork failed\n");
        exit(1);
    }
    if ($pid === 0) {
        fclose($parent_end);
        serve($server, $child_end, $headers, $body);
    }
}
// The parent serves nothing: its copies of the listener and of the
// children's end go, and it waits until it is stopped.
fclose($server);
fclose($child_end);
while (pcntl_wait($status) > 0) {
}
