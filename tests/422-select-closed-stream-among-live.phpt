--TEST--
select: a stream fclose()d while still in the arrays, beside live ones (an event loop that closed a stream without cancelling its watcher, as in 420), gives stock's chain of TypeErrors, one per walk over the array that holds it, after the wait for the live ones (epoll set and poll() path)
--SKIPIF--
<?php require __DIR__ . '/fixtures/select.inc'; select_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/fixtures/select.inc';

$scenario = function () {
    function attempt(string $what, ?array $r, ?array $w): void
    {
        $n = null;
        try {
            select_show($what, stream_select($r, $w, $n, 1));
        } catch (Throwable $e) {
            for ($line = "$what:"; $e; $e = $e->getPrevious()) {
                $line .= ' ' . get_class($e) . '(' . $e->getMessage() . ')';
            }
            echo $line, "\n";
        }
        select_show('  read', $r);
        select_show('  write', $w);
    }

    [$closed] = select_pair();
    fclose($closed);
    [$live, $peer] = select_pair();
    select_named('live', $live);
    fwrite($peer, 'x');

    attempt('in read, a live one readable', [$closed, $live], null);
    attempt('in write, a live one writable', null, [$closed, $live]);
    attempt('in both', [$closed, $live], [$closed]);
    fread($live, 1);
    fwrite($live, 'y');
    attempt('in read, the live one writable', [$closed], [$live]);
};
select_run_if_child($scenario);
echo "epoll set: ";
select_diff($scenario);
echo "poll() path: ";
select_diff($scenario, ['fastsock.select_epoll=0']);
?>
--EXPECT--
epoll set: same
in read, a live one readable: TypeError(stream_select(): supplied resource is not a valid stream resource) TypeError(stream_select(): supplied resource is not a valid stream resource) TypeError(stream_select(): supplied resource is not a valid stream resource)
  read: [1=>live]
  write: NULL
in write, a live one writable: TypeError(stream_select(): supplied resource is not a valid stream resource) TypeError(stream_select(): supplied resource is not a valid stream resource)
  read: NULL
  write: [1=>live]
in both: TypeError(stream_select(): supplied resource is not a valid stream resource) TypeError(stream_select(): supplied resource is not a valid stream resource) TypeError(stream_select(): supplied resource is not a valid stream resource) TypeError(stream_select(): supplied resource is not a valid stream resource) TypeError(stream_select(): supplied resource is not a valid stream resource)
  read: [1=>live]
  write: []
in read, the live one writable: TypeError(stream_select(): supplied resource is not a valid stream resource) TypeError(stream_select(): supplied resource is not a valid stream resource) TypeError(stream_select(): supplied resource is not a valid stream resource)
  read: []
  write: [0=>live]
poll() path: same
in read, a live one readable: TypeError(stream_select(): supplied resource is not a valid stream resource) TypeError(stream_select(): supplied resource is not a valid stream resource) TypeError(stream_select(): supplied resource is not a valid stream resource)
  read: [1=>live]
  write: NULL
in write, a live one writable: TypeError(stream_select(): supplied resource is not a valid stream resource) TypeError(stream_select(): supplied resource is not a valid stream resource)
  read: NULL
  write: [1=>live]
in both: TypeError(stream_select(): supplied resource is not a valid stream resource) TypeError(stream_select(): supplied resource is not a valid stream resource) TypeError(stream_select(): supplied resource is not a valid stream resource) TypeError(stream_select(): supplied resource is not a valid stream resource) TypeError(stream_select(): supplied resource is not a valid stream resource)
  read: [1=>live]
  write: []
in read, the live one writable: TypeError(stream_select(): supplied resource is not a valid stream resource) TypeError(stream_select(): supplied resource is not a valid stream resource) TypeError(stream_select(): supplied resource is not a valid stream resource)
  read: []
  write: [0=>live]