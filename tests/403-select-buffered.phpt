--TEST--
select: a read stream with data already in PHP's buffer is ready at once, and only such streams are returned
--SKIPIF--
<?php require __DIR__ . '/fixtures/select.inc'; select_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/fixtures/select.inc';

/* A stream with no descriptor at all: only its buffer can make it ready. */
class LinesStream
{
    public $context;
    private $data = "one\ntwo\n";

    public function stream_open($path, $mode, $options, &$opened) { return true; }
    public function stream_read($count) { $chunk = substr($this->data, 0, $count); $this->data = substr($this->data, $count); return $chunk; }
    public function stream_eof() { return $this->data === ''; }
}

select_diff(function () {
    stream_wrapper_register('lines', 'LinesStream');
    [$a, $a2] = select_pair();
    [$b, $b2] = select_pair();
    [$c, $c2] = select_pair();
    select_named('a', $a); select_named('b', $b); select_named('c', $c); select_named('b2', $b2);

    fwrite($a2, "line 1\nline 2\n");
    fwrite($c2, "ready, but not buffered");
    $r = [$a];
    $n = null;
    stream_select($r, $n, $n, 1);
    echo 'fgets: ', fgets($a);

    echo "buffered stream among others, write and except arrays given:\n";
    $r = ['c' => $c, 'a' => $a, 'b' => $b];
    $w = ['b2' => $b2];
    $e = [$a, $c];
    select_show('result', stream_select($r, $w, $e, 5));
    select_show('read', $r);
    select_show('write', $w);
    select_show('except', $e);

    echo "write and except arrays null:\n";
    $r = [$a, $c];
    select_show('result', stream_select($r, $n, $n, 5));
    select_show('read', $r);
    select_show('write', $n);

    echo 'fgets: ', fgets($a);
    echo "buffer drained, the kernel decides again:\n";
    $r = ['c' => $c, 'a' => $a, 'b' => $b];
    $w = ['b2' => $b2];
    select_show('result', stream_select($r, $w, $n, 5));
    select_show('read', $r);
    select_show('write', $w);

    echo "a stream without a descriptor, with buffered data:\n";
    $lines = select_named('lines', fopen('lines://x', 'r'));
    echo 'fgets: ', fgets($lines);
    $r = ['lines' => $lines, 'b' => $b];
    $w = [$b2];
    select_show('result', stream_select($r, $w, $n, 5));
    select_show('read', $r);
    select_show('write', $w);
});
?>
--EXPECTF--
same
fgets: line 1
buffered stream among others, write and except arrays given:
result: 1
read: ['a'=>a]
write: []
except: []
write and except arrays null:
result: 1
read: [0=>a]
write: NULL
fgets: line 2
buffer drained, the kernel decides again:
result: 2
read: ['c'=>c]
write: ['b2'=>b2]
a stream without a descriptor, with buffered data:
fgets: one

Warning: stream_select(): LinesStream::stream_cast is not implemented! in %s on line %d

Warning: stream_select(): Cannot represent a stream of type user-space as a select()able descriptor in %s on line %d
result: 1
read: ['lines'=>lines]
write: []
