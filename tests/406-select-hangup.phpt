--TEST--
select: hang-ups and errors land in the arrays stock puts them in (POLLHUP: read only; POLLERR: read and write)
--SKIPIF--
<?php require __DIR__ . '/fixtures/select.inc'; select_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/fixtures/select.inc';

select_diff(function () {
    $n = null;
    /*
     * select() sleeps until its timeout when nothing it counts is ready:
     * check the replacement neither returns early nor spins on poll().
     */
    $cpu = function () {
        $usage = getrusage();
        return $usage['ru_utime.tv_sec'] + $usage['ru_stime.tv_sec'] + ($usage['ru_utime.tv_usec'] + $usage['ru_stime.tv_usec']) / 1e6;
    };
    $show = function (string $what, ?array $r, ?array $w, ?array $e, float $wait) use ($cpu) {
        $start = hrtime(true);
        $cpu_start = $cpu();
        $result = stream_select($r, $w, $e, (int) $wait, (int) (fmod($wait, 1) * 1e6));
        $waited = (hrtime(true) - $start) / 1e9 >= $wait * 0.95 ? 'waited the timeout' : 'returned at once';
        $slept = $cpu() - $cpu_start < $wait / 2 ? 'asleep' : 'busy';
        echo "$what: $result, ", $result ? 'ready' : "$waited, $slept", "\n";
        foreach (['read' => $r, 'write' => $w, 'except' => $e] as $name => $list) {
            if ($list) {
                select_show("  $name", $list);
            }
        }
    };

    [$a, $a2] = select_pair();
    select_named('unix', $a);
    fclose($a2);
    $show('unix socket, peer closed, in read', [$a], null, null, 5);
    $show('unix socket, peer closed, in write', null, [$a], null, 5);
    $show('unix socket, peer closed, in except', null, null, [$a], 0.2);

    $server = stream_socket_server('tcp://127.0.0.1:0');
    $client = stream_socket_client('tcp://' . stream_socket_get_name($server, false));
    $conn = select_named('tcp', stream_socket_accept($server));
    fclose($client);
    $show('tcp, peer closed, in read and write', [$conn], [$conn], null, 5);
    $show('tcp, peer closed, in except', null, null, [$conn], 0.2);

    /* The child holds its stdin open without reading it until told to exit on pipe 3. */
    $spec = [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 3 => ['pipe', 'r']];
    $proc = proc_open([PHP_BINARY, '-n', '-r', 'fgets(fopen("php://fd/3", "r"));'], $spec, $pipes);
    [$to, $from, $go] = [$pipes[0], $pipes[1], $pipes[3]];
    select_named('pipe write end', $to);
    select_named('pipe read end', $from);
    stream_set_blocking($to, false);
    while (@fwrite($to, str_repeat('x', 65536)) > 0);
    $show('pipe write end, full, reader alive', null, [$to], null, 0.2);
    fwrite($go, "exit\n");
    $show('pipe write end, full, reader gone (POLLERR), in write', null, [$to], null, 5);
    $show('pipe write end, reader gone, in read', [$to], null, null, 5);
    $show('pipe write end, reader gone, in except', null, null, [$to], 0.2);
    $show('pipe read end, writer gone (POLLHUP), in read', [$from], null, null, 5);
    $show('pipe read end, writer gone, in write', null, [$from], null, 0.2);
    $show('pipe read end, writer gone, in write and except, with a ready socket', [$conn], [$from], [$from], 0.2);
    fclose($go);
    fclose($from);
    @fclose($to);
    proc_close($proc);
});
?>
--EXPECT--
same
unix socket, peer closed, in read: 1, ready
  read: [0=>unix]
unix socket, peer closed, in write: 1, ready
  write: [0=>unix]
unix socket, peer closed, in except: 0, waited the timeout, asleep
tcp, peer closed, in read and write: 2, ready
  read: [0=>tcp]
  write: [0=>tcp]
tcp, peer closed, in except: 0, waited the timeout, asleep
pipe write end, full, reader alive: 0, waited the timeout, asleep
pipe write end, full, reader gone (POLLERR), in write: 1, ready
  write: [0=>pipe write end]
pipe write end, reader gone, in read: 1, ready
  read: [0=>pipe write end]
pipe write end, reader gone, in except: 0, waited the timeout, asleep
pipe read end, writer gone (POLLHUP), in read: 1, ready
  read: [0=>pipe read end]
pipe read end, writer gone, in write: 0, waited the timeout, asleep
pipe read end, writer gone, in write and except, with a ready socket: 1, ready
  read: [0=>tcp]
