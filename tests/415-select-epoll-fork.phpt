--TEST--
select (epoll set): after pcntl_fork() parent and child each select on their own streams that took the same descriptor numbers, and neither sees the other's (an epoll set is shared across fork: each process makes its own)
--EXTENSIONS--
pcntl
--SKIPIF--
<?php require __DIR__ . '/fixtures/select.inc'; select_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/fixtures/select.inc';

select_diff(function () {
    $n = null;
    $select = function (string $who, string $what, array $r, float $wait = 1.0) use ($n): string {
        $result = stream_select($r, $n, $n, (int) $wait, (int) (fmod($wait, 1) * 1e6));
        return "$who, $what: " . var_export($result, true) . ', ' . count($r) . " read\n";
    };
    [$sync, $sync2] = select_pair();
    [$a, $a2] = select_pair();
    fwrite($a2, 'x');
    echo $select('parent', 'before the fork', [$a]);
    fread($a, 1);

    $pid = pcntl_fork();
    if ($pid === 0) {
        fclose($a);
        fclose($a2);
        [$b, $b2] = select_pair();
        fwrite($b2, 'y');
        $line = $select('child', 'own pair, data', [$b]);
        fwrite($sync2, $line);
        /* b stays readable until the parent has looked */
        fread($sync2, 1);
        $line = $select('child', 'own pair after the parent looked', [$b]);
        fwrite($sync2, $line);
        exit(0);
    }
    fclose($a);
    fclose($a2);
    [$c, $c2] = select_pair();
    echo fgets($sync);
    echo $select('parent', 'own pair, nothing', [$c], 0.2);
    fwrite($c2, 'z');
    echo $select('parent', 'own pair, data', [$c]);
    fwrite($sync, 'g');
    echo fgets($sync);
    pcntl_waitpid($pid, $status);
    echo 'child exit: ', pcntl_wexitstatus($status), "\n";
});
?>
--EXPECT--
same
parent, before the fork: 1, 1 read
child, own pair, data: 1, 1 read
parent, own pair, nothing: 0, 0 read
parent, own pair, data: 1, 1 read
child, own pair after the parent looked: 1, 1 read
child exit: 0
