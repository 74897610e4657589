--TEST--
select: an echo over 1,100 TCP connections (descriptors past FD_SETSIZE) works, every byte intact; stock fails
--SKIPIF--
<?php
require __DIR__ . '/fixtures/select.inc';
select_skipif();
$hard = trim((string) shell_exec('ulimit -H -n 2>/dev/null'));
if ($hard !== 'unlimited' && (int) $hard < 2400) die("skip needs a hard RLIMIT_NOFILE of 2400, it is '$hard'");
?>
--FILE--
<?php
require __DIR__ . '/fixtures/select.inc';

const CONNECTIONS = 1100;

/* Selects until every stream of $streams was readable once; gives what each sent. */
function read_all(array $streams): array
{
    $got = [];
    $n = null;
    while ($streams) {
        $r = $streams;
        $ready = stream_select($r, $n, $n, 5);
        if (!$ready) {
            exit('stream_select gave ' . var_export($ready, true) . " with " . count($streams) . " streams left\n");
        }
        foreach ($r as $i => $stream) {
            $got[$i] = fgets($stream);
            unset($streams[$i]);
        }
    }
    ksort($got);
    return $got;
}

select_run_if_child(function () {
    $server = stream_socket_server('tcp://127.0.0.1:0');
    $address = 'tcp://' . stream_socket_get_name($server, false);
    $clients = $conns = [];
    for ($i = 0; $i < CONNECTIONS; $i++) {
        $clients[$i] = stream_socket_client($address);
        $conns[$i] = stream_socket_accept($server);
        if (!$clients[$i] || !$conns[$i]) {
            exit("connection $i failed\n");
        }
    }
    $sent = [];
    foreach ($clients as $i => $client) {
        $sent[$i] = "message $i " . str_repeat(chr(ord('a') + $i % 26), $i % 100) . "\n";
        fwrite($client, $sent[$i]);
    }
    $received = read_all($conns);
    foreach ($received as $i => $line) {
        fwrite($conns[$i], $line);
    }
    $echoed = read_all($clients);
    echo 'server received every message intact: ', var_export($received === $sent, true), "\n";
    echo 'clients got every echo back intact: ', var_export($echoed === $sent, true), "\n";
});

$limit = ['sh', '-c', 'ulimit -S -n 2400 && exec "$0" "$@"'];
$proofs = [tempnam(sys_get_temp_dir(), 'fastsock-select-'), tempnam(sys_get_temp_dir(), 'fastsock-select-')];
$stock = select_start_child('0', [], $limit, $proofs[0]);
$fastsock = select_start_child('1', [], $limit, $proofs[1]);
echo "stock:\n", select_child_proved($stock, $proofs[0], false);
echo "fastsock:\n", select_child_proved($fastsock, $proofs[1], true);
?>
--EXPECTF--
stock:

Warning: stream_select(): You MUST recompile PHP with a larger value of FD_SETSIZE.
It is set to 1024, but you have descriptors numbered at least as high as %d.
 --enable-fd-setsize=%d is recommended, but you may want to set it
to equal the maximum number of open files supported by your system,
in order to avoid seeing this error again at a later date. in %s on line %d
stream_select gave false with 1100 streams left
fastsock:
server received every message intact: true
clients got every echo back intact: true
