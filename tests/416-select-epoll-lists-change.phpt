--TEST--
select (epoll set): a stream in both the read and write arrays, twice in one array, and moving between arrays from call to call answers as stock does
--SKIPIF--
<?php require __DIR__ . '/fixtures/select.inc'; select_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/fixtures/select.inc';

select_diff(function () {
    $n = null;
    [$a, $a2] = select_pair();
    select_named('a', $a);
    $call = function (string $what, ?array $r, ?array $w, float $wait = 0.1) use ($n) {
        select_show($what, stream_select($r, $w, $n, (int) $wait, (int) (fmod($wait, 1) * 1e6)));
        if ($r !== null) {
            select_show('  read', $r);
        }
        if ($w !== null) {
            select_show('  write', $w);
        }
    };
    $call('read only, nothing', [$a], null);
    $call('read and write', [$a], [$a]);
    fwrite($a2, 'x');
    $call('read and write, data', [$a], [$a]);
    $call('twice in read', ['one' => $a, 'two' => $a], null);
    $call('write only', null, [$a, $a]);
    fread($a, 1);
    $call('read only again, nothing', [$a], null);
    fwrite($a2, 'y');
    $call('read only again, data', [7 => $a], null);
});
?>
--EXPECT--
same
read only, nothing: 0
  read: []
read and write: 1
  read: []
  write: [0=>a]
read and write, data: 2
  read: [0=>a]
  write: [0=>a]
twice in read: 1
  read: ['one'=>a, 'two'=>a]
write only: 1
  write: [0=>a, 1=>a]
read only again, nothing: 0
  read: []
read only again, data: 1
  read: [7=>a]
