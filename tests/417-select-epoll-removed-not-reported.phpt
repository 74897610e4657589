--TEST--
select (epoll set): a stream left out of the arrays after a call is not reported when its peer writes (nor taken for another stream), and is watched again when put back
--SKIPIF--
<?php require __DIR__ . '/fixtures/select.inc'; select_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/fixtures/select.inc';

select_diff(function () {
    $n = null;
    $select = function (string $what, array $r, float $wait = 1.0) use ($n) {
        select_show($what, stream_select($r, $n, $n, (int) $wait, (int) (fmod($wait, 1) * 1e6)));
        select_show('  read', $r);
    };
    [$a, $a2] = select_pair();
    [$b, $b2] = select_pair();
    select_named('a', $a);
    select_named('b', $b);
    $select('a and b, nothing', [$a, $b], 0.1);
    fwrite($a2, 'x');
    $select('b alone while a has data', [$b], 0.2);
    $select('b alone again', [$b], 0.2);
    $select('a and b', [$b, $a]);
    fwrite($b2, 'y');
    $select('b alone, data', [$b]);
    $select('a alone', [$a]);
});
?>
--EXPECT--
same
a and b, nothing: 0
  read: []
b alone while a has data: 0
  read: []
b alone again: 0
  read: []
a and b: 1
  read: [1=>a]
b alone, data: 1
  read: [0=>b]
a alone: 1
  read: [0=>a]
