--TEST--
select (epoll set): a descriptor closed and reused between calls by another stream (a socket pair, then a regular file, then a pipe) is watched for the new stream, as stock does
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
    $path = tempnam(sys_get_temp_dir(), 'fastsock-select');

    [$a, $a2] = select_pair();
    select_named('first pair', $a);
    fwrite($a2, 'x');
    $select('first pair, data', [$a]);
    fread($a, 1);
    $select('first pair, none', [$a], 0.1);
    fclose($a);
    fclose($a2);

    [$b, $b2] = select_pair();
    select_named('second pair', $b);
    $select('second pair on the same numbers, none', [$b], 0.1);
    fwrite($b2, 'y');
    $select('second pair, data', [$b]);
    fclose($b);
    fclose($b2);

    $file = select_named('file', fopen($path, 'r'));
    $select('regular file on a reused number', [$file]);
    fclose($file);

    $pipe = select_named('pipe', popen('echo z', 'r'));
    $select('pipe on a reused number', [$pipe], 5);
    pclose($pipe);
    unlink($path);
});
?>
--EXPECT--
same
first pair, data: 1
  read: [0=>first pair]
first pair, none: 0
  read: []
second pair on the same numbers, none: 0
  read: []
second pair, data: 1
  read: [0=>second pair]
regular file on a reused number: 1
  read: [0=>file]
pipe on a reused number: 1
  read: [0=>pipe]
