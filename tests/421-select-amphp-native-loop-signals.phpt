--TEST--
select: an unchanged amphp v2 server's Loop::onSignal() watcher (pcntl) runs for each SIGUSR1 that interrupts Amp\Loop\NativeDriver's stream_select() wait, as under stock PHP and stock stream_select(), with fastsock's epoll set and its poll() path, the listener watched or not
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/fixtures/amp.inc'; amp_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/fixtures/amp.inc';

/* Signals the server and waits for its notice. A signal that comes while
 * the server runs PHP code, not in stream_select(), is dispatched after
 * its next wait: empty lines, which it ignores silently, end that wait. */
function signal_server(int $pid, AmpClient $client): void
{
    posix_kill($pid, SIGUSR1);
    for ($i = 0; $i < 50; $i++) {
        $r = [$client->stream];
        $w = $e = null;
        if (stream_select($r, $w, $e, 0, 200000) === 1) {
            $client->expect();
            return;
        }
        fwrite($client->stream, "\n");
    }
    echo "  no notice of the signal within 10 s\n";
}

amp_runs(amp_settings(2), function (int $port, int $pid) {
    $a = new AmpClient('a', $port);
    $a->expect();
    $b = new AmpClient('b', $port);
    $b->expect();
    $a->expect();
    $b->send('watch-signal');
    $b->expect();

    echo "the listener watched\n";
    for ($i = 0; $i < 3; $i++) {
        signal_server($pid, $a);
        $b->expect();
        $a->send("echo $i");
        $a->expect();
    }

    echo "connections only\n";
    $a->send('hold');
    $a->expect();
    for ($i = 0; $i < 3; $i++) {
        signal_server($pid, $b);
        $a->expect();
        $b->send("echo $i");
        $b->expect();
    }
    $a->send('release');
    $a->expect();

    $b->send('shutdown');
    $b->expect();
    $b->send('quit');
    $b->expect();
    $b->expect();
    $a->expect();
    $a->send('quit');
    $a->expect();
    $a->expect();
});
?>
--EXPECT--
same for fastsock.enable=0, fastsock.select=0, fastsock (epoll set), fastsock.select_epoll=0
clients:
  a got: welcome #1
  b got: welcome #2
  a got: * #2 joined
  b got: watching
the listener watched
  a got: * SIGUSR1
  b got: * SIGUSR1
  a got: 0
  a got: * SIGUSR1
  b got: * SIGUSR1
  a got: 1
  a got: * SIGUSR1
  b got: * SIGUSR1
  a got: 2
connections only
  a got: holding
  b got: * SIGUSR1
  a got: * SIGUSR1
  b got: 0
  b got: * SIGUSR1
  a got: * SIGUSR1
  b got: 1
  b got: * SIGUSR1
  a got: * SIGUSR1
  b got: 2
  a got: released
  b got: shutting down
  b got: bye
  b got: end of stream
  a got: * #2 left
  a got: bye
  a got: end of stream
server:
#1 joined
#2 joined
#2 watch-signal
SIGUSR1
#1 echo 0
SIGUSR1
#1 echo 1
SIGUSR1
#1 echo 2
#1 hold
SIGUSR1
#2 echo 0
SIGUSR1
#2 echo 1
SIGUSR1
#2 echo 2
#1 release
#2 shutdown
#2 quit
#2 closed
#1 quit
#1 closed
loop ended
