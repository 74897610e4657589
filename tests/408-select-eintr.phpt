--TEST--
select: a signal during the wait gives stock's "Unable to select [4]: Interrupted system call (max_fd=N)" and false
--SKIPIF--
<?php
require __DIR__ . '/fixtures/select.inc';
select_skipif();
if (!function_exists('pcntl_alarm')) die('skip needs pcntl');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/select.inc';

select_diff(function () {
    pcntl_signal(SIGALRM, function () { echo "SIGALRM handled\n"; });
    [$a, $a2] = select_pair();
    [$b, $b2] = select_pair();
    select_named('a', $a);
    select_named('b', $b);
    $r = ['a' => $a];
    $w = null;
    $e = ['b' => $b, 'a' => $a];
    pcntl_alarm(1);
    select_show('result', stream_select($r, $w, $e, 10));
    pcntl_signal_dispatch();
    select_show('read', $r);
    select_show('except', $e);
});
?>
--EXPECTF--
same

Warning: stream_select(): Unable to select [4]: Interrupted system call (max_fd=%d) in %s on line %d
result: false
SIGALRM handled
read: ['a'=>a]
except: ['b'=>b, 'a'=>a]
