--TEST--
select (epoll set): a descriptor closed while a dup() keeps its socket open (php://fd) leaves no stale report on the stream that reuses its number, and the dup is watched on its own
--SKIPIF--
<?php require __DIR__ . '/fixtures/select.inc'; select_skipif(); if (!is_dir('/proc/self/fd')) die('skip needs /proc/self/fd'); ?>
--FILE--
<?php
require __DIR__ . '/fixtures/select.inc';

function open_sockets(): array
{
    $fds = [];
    foreach (scandir('/proc/self/fd') as $fd) {
        if ($fd[0] !== '.' && str_starts_with((string) @readlink("/proc/self/fd/$fd"), 'socket:')) {
            $fds[] = (int) $fd;
        }
    }
    return $fds;
}

select_diff(function () {
    $n = null;
    $select = function (string $what, array $r, float $wait = 1.0) use ($n) {
        select_show($what, stream_select($r, $n, $n, (int) $wait, (int) (fmod($wait, 1) * 1e6)));
        select_show('  read', $r);
    };

    $before = open_sockets();
    [$a, $a2] = select_pair();
    $new = array_values(array_diff(open_sockets(), $before));
    sort($new);
    select_named('a', $a);
    fwrite($a2, 'x');
    $select('a, data', [$a]);
    fread($a, 1);

    $dup = select_named('dup of a', fopen('php://fd/' . $new[0], 'r'));
    fclose($a);
    [$b, $b2] = select_pair();
    select_named('b', $b);
    fwrite($a2, 'x');
    $select('b, while the socket of a (kept by the dup) is readable', [$b], 0.2);
    $select('b again', [$b], 0.2);
    fwrite($b2, 'y');
    $select('b, data', [$b]);
    $select('the dup and b', [$dup, $b]);
    fread($dup, 1);
    fread($b, 1);
    $select('the dup and b, nothing', [$dup, $b], 0.1);
});
?>
--EXPECT--
same
a, data: 1
  read: [0=>a]
b, while the socket of a (kept by the dup) is readable: 0
  read: []
b again: 0
  read: []
b, data: 1
  read: [0=>b]
the dup and b: 2
  read: [0=>dup of a, 1=>b]
the dup and b, nothing: 0
  read: []
