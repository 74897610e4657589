<?php
/*
 * Echo server on a Unix domain socket, with the socket file's permissions
 * set by fastsock's "mode" context option (stock PHP ignores it: the mode
 * follows the umask). A stale socket file left by a crashed server is
 * replaced by fastsock instead of failing with "Address already in use".
 *
 *   php -d extension=modules/fastsock.so examples/unix_echo.php [path]
 *   nc -U /tmp/fastsock-echo.sock
 */

$path = $argv[1] ?? '/tmp/fastsock-echo.sock';

// Options for fastsock live in their own context namespace.
$context = stream_context_create(['fastsock' => ['mode' => 0660]]);

$server = stream_socket_server("unix://$path", $errno, $errstr,
    STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $context);
if (!$server) {
    fwrite(STDERR, "$errstr ($errno)\n");
    exit(1);
}
clearstatcache();
printf("ready %s (mode %o)\n", $path, fileperms($path) & 0777);

// Remove the socket file when stopped with Ctrl-C or kill.
$cleanup = function () use ($path) { @unlink($path); exit(0); };
if (function_exists('pcntl_signal')) {
    pcntl_async_signals(true);
    pcntl_signal(SIGINT, $cleanup);
    pcntl_signal(SIGTERM, $cleanup);
}
register_shutdown_function(fn() => @unlink($path));

// One client at a time: echo everything back until it disconnects.
while (true) {
    $conn = @stream_socket_accept($server, -1);
    if (!$conn) {
        continue;
    }
    while (($data = fread($conn, 65536)) !== false && $data !== '') {
        fwrite($conn, $data);
    }
    fclose($conn);
}
