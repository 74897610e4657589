--TEST--
select: one array variable passed as read and write (and except) answers as stock: each later list walks what the earlier one left, not the array the call was given
--SKIPIF--
<?php require __DIR__ . '/fixtures/select.inc'; select_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/fixtures/select.inc';

select_diff(function () {
    [$a, $a2] = select_pair();
    [$c, $c2] = select_pair();
    select_named('a', $a);
    select_named('c', $c);
    /* a is not writable (its send buffer is full) and not readable; c is both. */
    stream_set_blocking($a, false);
    for ($i = 0; $i < 1000 && @fwrite($a, str_repeat('z', 65536)) > 0; $i++);
    fwrite($c2, 'x');
    $n = null;

    $x = ['a' => $a, 'c' => $c];
    select_show('read and write', stream_select($x, $x, $n, 0));
    select_show('left', $x);

    $y = ['a' => $a, 'c' => $c];
    select_show('read, write and except', stream_select($y, $y, $y, 0));
    select_show('left', $y);

    $z = ['c' => $c, 'a' => $a];
    $w = $z;
    select_show('two variables, one array', stream_select($z, $w, $n, 0));
    select_show('read', $z);
    select_show('write', $w);
});
?>
--EXPECT--
same
read and write: 2
left: ['c'=>c]
read, write and except: 2
left: []
two variables, one array: 2
read: ['c'=>c]
write: ['c'=>c]
