--TEST--
select (epoll set): data already in PHP's read buffer is reported without waiting on a registered stream, and a regular file (which epoll refuses) is ready in every array next to registered sockets, call after call, as stock
--SKIPIF--
<?php require __DIR__ . '/fixtures/select.inc'; select_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/fixtures/select.inc';

select_diff(function () {
    $n = null;
    $path = tempnam(sys_get_temp_dir(), 'fastsock-select');
    file_put_contents($path, "line\n");
    [$a, $a2] = select_pair();
    select_named('a', $a);
    $r = [$a];
    select_show('a, nothing', stream_select($r, $n, $n, 0, 100000));
    fwrite($a2, "one\ntwo\n");
    $r = [$a];
    select_show('a, data', stream_select($r, $n, $n, 1));
    select_show('  line', fgets($a));
    $start = hrtime(true);
    $r = [$a];
    select_show('a, the rest buffered', stream_select($r, $n, $n, 5));
    select_show('  at once', (hrtime(true) - $start) < 2e9);
    select_show('  line', fgets($a));
    $r = [$a];
    select_show('a, drained', stream_select($r, $n, $n, 0, 100000));

    $file = select_named('file', fopen($path, 'r+'));
    for ($i = 0; $i < 3; $i++) {
        $r = [$a, $file];
        $w = [$file, $a];
        $e = [$file];
        select_show("file and a, call $i", stream_select($r, $w, $e, 1));
        select_show('  read', $r);
        select_show('  write', $w);
        select_show('  except', $e);
    }
    fclose($file);
    unlink($path);
});
?>
--EXPECT--
same
a, nothing: 0
a, data: 1
  line: 'one
'
a, the rest buffered: 1
  at once: true
  line: 'two
'
a, drained: 0
file and a, call 0: 3
  read: [1=>file]
  write: [0=>file, 1=>a]
  except: []
file and a, call 1: 3
  read: [1=>file]
  write: [0=>file, 1=>a]
  except: []
file and a, call 2: 3
  read: [1=>file]
  write: [0=>file, 1=>a]
  except: []
