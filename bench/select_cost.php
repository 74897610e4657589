<?php
/*
 * The cost of one stream_select() call over N streams, for select_cost.sh:
 * N/2 socket pairs, both ends in the read array, every 4th stream with data
 * waiting; every 10th stream also in the write array; timeout 0.
 *
 * usage: php -d extension=fastsock.so [-d fastsock.select=0] select_cost.php N CALLS
 * Prints the ready count of the last call and the wall time per call.
 */
[, $n, $calls] = $argv + [null, 100, 1000];
$n = (int) $n;
$calls = (int) $calls;

$streams = [];
for ($i = 0; $i < $n; $i += 2) {
    [$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
    array_push($streams, $a, $b);
}
$streams = array_slice($streams, 0, $n);
foreach ($streams as $i => $stream) {
    if ($i % 4 === 0) {
        /* the peer of $streams[$i] is its neighbour in the pair */
        fwrite($streams[$i ^ 1] ?? $stream, 'x');
    }
}
$writers = array_filter($streams, fn($i) => $i % 10 === 0, ARRAY_FILTER_USE_KEY);

$except = null;
$start = hrtime(true);
for ($c = 0; $c < $calls; $c++) {
    $read = $streams;
    $write = $writers;
    $ready = stream_select($read, $write, $except, 0);
}
$ns = (hrtime(true) - $start) / max($calls, 1);
printf("n=%d ready=%d ns_per_call=%.0f\n", $n, $ready ?? -1, $ns);
