--TEST--
select: ready streams keep their keys, the others are removed, the count is per descriptor and array
--SKIPIF--
<?php require __DIR__ . '/fixtures/select.inc'; select_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/fixtures/select.inc';

select_diff(function () {
    [$a, $a2] = select_pair();
    [$b, $b2] = select_pair();
    [$c, $c2] = select_pair();
    select_named('a', $a); select_named('b', $b); select_named('c', $c);
    select_named('a2', $a2); select_named('b2', $b2); select_named('c2', $c2);
    fwrite($a2, 'x');
    fwrite($c2, 'x');

    echo "keys, order, unready removed:\n";
    $r = ['first' => $a, 7 => $b, 3 => $c, 'x' => 'not kept'];
    $w = [10 => $b2, 'w' => $a];
    $e = [$a, $b];
    try {
        select_show('result', stream_select($r, $w, $e, 0));
    } catch (TypeError $x) {
        echo get_class($x), ': ', $x->getMessage(), "\n";
    }
    select_show('read', $r);
    select_show('write', $w);
    select_show('except', $e);
    $r[] = 'appended';
    select_show('read after $r[] =', $r);

    echo "same stream twice in one array, and in two arrays:\n";
    $r = ['one' => $a, 'two' => $a, 'three' => $b];
    $w = ['w' => $a, 'w2' => $a];
    $n = null;
    select_show('result', stream_select($r, $w, $n, 0));
    select_show('read', $r);
    select_show('write', $w);
    select_show('except', $n);

    echo "the same variable as read and write array:\n";
    $both = ['a' => $a, 'b' => $b, 'c' => $c];
    select_show('result', stream_select($both, $both, $n, 0));
    select_show('both', $both);

    echo "references in the array:\n";
    $ref = $a;
    $r = ['ref' => &$ref, 'b' => $b];
    select_show('result', stream_select($r, $n, $n, 0));
    select_show('read', $r);

    echo "an array shared with another variable is replaced, not changed:\n";
    $orig = [$a, $b];
    $r = $orig;
    select_show('result', stream_select($r, $n, $n, 0));
    select_show('read', $r);
    select_show('orig', $orig);

    echo "nothing ready before the timeout:\n";
    $r = [$b, $b2];
    $e = [$a, $b];
    select_show('result', stream_select($r, $n, $e, 0, 20000));
    select_show('read', $r);
    select_show('write', $n);
    select_show('except', $e);

    echo "a write array alone:\n";
    $w = ['a' => $a, 'b' => $b, 'c' => $c];
    select_show('result', stream_select($n, $w, $n, 1));
    select_show('write', $w);
});
?>
--EXPECT--
same
keys, order, unready removed:
TypeError: stream_select(): supplied argument is not a valid stream resource
read: ['first'=>a, 3=>c]
write: [10=>b2, 'w'=>a]
except: []
read after $r[] =: ['first'=>a, 3=>c, 4=>'appended']
same stream twice in one array, and in two arrays:
result: 2
read: ['one'=>a, 'two'=>a]
write: ['w'=>a, 'w2'=>a]
except: NULL
the same variable as read and write array:
result: 5
both: ['a'=>a, 'c'=>c]
references in the array:
result: 1
read: ['ref'=>a]
an array shared with another variable is replaced, not changed:
result: 1
read: [0=>a]
orig: [0=>a, 1=>b]
nothing ready before the timeout:
result: 0
read: []
write: NULL
except: []
a write array alone:
result: 3
write: ['a'=>a, 'b'=>b, 'c'=>c]
