--TEST--
select: streams without a selectable descriptor warn as in stock, before and after the wait, and are left out
--SKIPIF--
<?php require __DIR__ . '/fixtures/select.inc'; select_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/fixtures/select.inc';

class NoCastStream
{
    public $context;

    public function stream_open($path, $mode, $options, &$opened) { return true; }
    public function stream_read($count) { return ''; }
    public function stream_eof() { return true; }
}

select_diff(function () {
    stream_wrapper_register('nocast', 'NoCastStream');
    [$a, $a2] = select_pair();
    [$f, $f2] = select_pair();
    select_named('a', $a); select_named('a2', $a2);
    $memory = select_named('memory', fopen('php://memory', 'r+'));
    /* Not a descriptor either, but casting moves it into a temporary file. */
    $temp = select_named('temp', fopen('php://temp', 'r+'));
    $user = select_named('user', fopen('nocast://x', 'r'));
    $filtered = select_named('filtered', $f);
    stream_filter_append($filtered, 'string.rot13', STREAM_FILTER_READ);
    fwrite($a2, 'x');

    echo "mixed with a ready socket:\n";
    $r = ['memory' => $memory, 'a' => $a, 'user' => $user];
    $w = ['temp' => $temp, 'a2' => $a2];
    $e = ['filtered' => $filtered];
    select_show('result', stream_select($r, $w, $e, 1));
    select_show('read', $r);
    select_show('write', $w);
    select_show('except', $e);

    echo "nothing selectable:\n";
    $r = [$memory, $user];
    $n = null;
    try {
        stream_select($r, $n, $n, 0);
    } catch (ValueError $x) {
        echo get_class($x), ': ', $x->getMessage(), "\n";
    }
    select_show('read', $r);
});
?>
--EXPECTF--
same
mixed with a ready socket:

Warning: stream_select(): Cannot represent a stream of type MEMORY as a select()able descriptor in %s on line %d

Warning: stream_select(): NoCastStream::stream_cast is not implemented! in %s on line %d

Warning: stream_select(): Cannot represent a stream of type user-space as a select()able descriptor in %s on line %d

Warning: stream_select(): Cannot cast a filtered stream on this system in %s on line %d

Warning: stream_select(): Cannot represent a stream of type MEMORY as a select()able descriptor in %s on line %d

Warning: stream_select(): NoCastStream::stream_cast is not implemented! in %s on line %d

Warning: stream_select(): Cannot represent a stream of type user-space as a select()able descriptor in %s on line %d

Warning: stream_select(): Cannot cast a filtered stream on this system in %s on line %d
result: 3
read: ['a'=>a]
write: ['temp'=>temp, 'a2'=>a2]
except: []
nothing selectable:

Warning: stream_select(): Cannot represent a stream of type MEMORY as a select()able descriptor in %s on line %d

Warning: stream_select(): NoCastStream::stream_cast is not implemented! in %s on line %d

Warning: stream_select(): Cannot represent a stream of type user-space as a select()able descriptor in %s on line %d
ValueError: No stream arrays were passed
read: [0=>memory, 1=>user]
