--TEST--
select: argument checks, their errors and their order are stock's
--SKIPIF--
<?php require __DIR__ . '/fixtures/select.inc'; select_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/fixtures/select.inc';

select_diff(function () {
    function attempt(string $what, callable $call): void
    {
        try {
            select_show($what, $call());
        } catch (Throwable $e) {
            for ($line = "$what:"; $e; $e = $e->getPrevious()) {
                $line .= ' ' . get_class($e) . '(' . $e->getMessage() . ')';
            }
            echo $line, "\n";
        }
    }

    [$a, $b] = select_pair();
    $memory = fopen('php://memory', 'r+');
    $closed = fopen('php://memory', 'r');
    fclose($closed);

    attempt('all null', function () { $n = null; return stream_select($n, $n, $n, 0); });
    attempt('all empty', function () { $r = $w = $e = []; return stream_select($r, $w, $e, 0); });
    attempt('not a stream', function () { $r = [1, 'x']; $n = null; return stream_select($r, $n, $n, 0); });
    attempt('closed stream', function () use ($closed) { $r = [$closed]; $n = null; return stream_select($r, $n, $n, 0); });
    attempt('not an array', function () { $r = 1; $n = null; return stream_select($r, $n, $n, 0); });
    attempt('uncastable before timeout check', function () use ($memory) {
        $r = [$memory]; $n = null; return stream_select($r, $n, $n, -1);
    });
    attempt('negative seconds', function () use ($b) { $w = [$b]; $n = null; return stream_select($n, $w, $n, -1); });
    attempt('negative microseconds', function () use ($b) { $w = [$b]; $n = null; return stream_select($n, $w, $n, 0, -1); });
    attempt('microseconds with null seconds', function () use ($b) {
        $w = [$b]; $n = null; return stream_select($n, $w, $n, null, 1);
    });
    attempt('null seconds, zero microseconds (no limit)', function () use ($b) {
        $w = [$b]; $n = null; return stream_select($n, $w, $n, null, 0);
    });
    attempt('null seconds (no limit)', function () use ($b) { $w = [$b]; $n = null; return stream_select($n, $w, $n, null); });
    attempt('microseconds over a second', function () use ($b) { $w = [$b]; $n = null; return stream_select($n, $w, $n, 0, 1500000); });
    attempt('seconds overflowing with microseconds', function () use ($a) {
        $r = [$a]; $n = null; return stream_select($r, $n, $n, PHP_INT_MAX, 2000000);
    });
    attempt('too few arguments', function () { $n = null; return stream_select($n, $n, $n); });
    attempt('seconds not an int', function () use ($b) { $w = [$b]; $n = null; return stream_select($n, $w, $n, 'soon'); });
});
?>
--EXPECTF--
same
all null: ValueError(No stream arrays were passed)
all empty: ValueError(No stream arrays were passed)
not a stream: ValueError(No stream arrays were passed) TypeError(stream_select(): supplied argument is not a valid stream resource) TypeError(stream_select(): supplied argument is not a valid stream resource)
closed stream: ValueError(No stream arrays were passed) TypeError(stream_select(): supplied resource is not a valid stream resource)
not an array: TypeError(stream_select(): Argument #1 ($read) must be of type ?array, int given)

Warning: stream_select(): Cannot represent a stream of type MEMORY as a select()able descriptor in %s on line %d
uncastable before timeout check: ValueError(No stream arrays were passed)
negative seconds: ValueError(stream_select(): Argument #4 ($seconds) must be greater than or equal to 0)
negative microseconds: ValueError(stream_select(): Argument #5 ($microseconds) must be greater than or equal to 0)
microseconds with null seconds: ValueError(stream_select(): Argument #5 ($microseconds) must be null when argument #4 ($seconds) is null)
null seconds, zero microseconds (no limit): 1
null seconds (no limit): 1
microseconds over a second: 1

Warning: stream_select(): Unable to select [22]: Invalid argument (max_fd=%d) in %s on line %d
seconds overflowing with microseconds: false
too few arguments: ArgumentCountError(stream_select() expects at least 4 arguments, 3 given)
seconds not an int: TypeError(stream_select(): Argument #4 ($seconds) must be of type ?int, string given)
