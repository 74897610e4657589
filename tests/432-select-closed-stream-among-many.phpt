--TEST--
select: a closed stream among many others in the arrays (past the walk's look-ahead, at the start, the middle and the end) throws stock's TypeErrors, and the live streams answer as in stock
--SKIPIF--
<?php require __DIR__ . '/fixtures/select.inc'; select_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/fixtures/select.inc';

select_diff(function () {
    $streams = $peers = [];
    for ($i = 0; $i < 60; $i++) {
        [$streams[$i], $peers[$i]] = select_pair();
        select_named("s$i", $streams[$i]);
    }
    fwrite($peers[7], 'x');
    fwrite($peers[41], 'y');
    foreach ([0, 30, 59] as $closed) {
        fclose($streams[$closed]);
    }
    $n = null;
    foreach (['read' => [1, 0], 'write' => [0, 1]] as $label => [$asRead, $asWrite]) {
        $r = $asRead ? $streams : null;
        $w = $asWrite ? $streams : null;
        try {
            select_show("$label result", stream_select($r, $w, $n, 0));
        } catch (Throwable $e) {
            $chain = [];
            for (; $e; $e = $e->getPrevious()) {
                $chain[] = get_class($e) . ': ' . $e->getMessage();
            }
            echo "$label: ", count($chain), " thrown: ", $chain[0], "\n";
        }
        select_show("$label read", $r);
        select_show("$label write", is_array($w) ? count($w) . ' streams' : $w);
    }
});
?>
--EXPECT--
same
read: 9 thrown: TypeError: stream_select(): supplied resource is not a valid stream resource
read read: [7=>s7, 41=>s41]
read write: NULL
write: 6 thrown: TypeError: stream_select(): supplied resource is not a valid stream resource
write read: NULL
write write: '57 streams'
