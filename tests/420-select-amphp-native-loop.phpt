--TEST--
select: an unchanged amphp v2 chat server on Amp\Loop\NativeDriver (stream_select()) serves the same clients the same way under stock PHP, stock stream_select(), fastsock's epoll set and its poll() path: big messages, timers, cancelled and disabled watchers, a silent client, a client gone mid-message, a stream closed while watched
--SKIPIF--
<?php require __DIR__ . '/fixtures/amp.inc'; amp_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/fixtures/amp.inc';

amp_runs(amp_settings(4), function (int $port) {
    $a = new AmpClient('a', $port);
    $a->expect();
    /* connects and never reads nor writes */
    $silent = new AmpClient('silent', $port);
    $a->expect();
    $b = new AmpClient('b', $port);
    $b->expect();
    $a->expect();

    $a->send('echo hello');
    $a->expect();
    $a->send('echo ' . str_repeat('0123456789', 10000));
    $a->expect();
    $b->send('say ' . str_repeat('b', 20000));
    $b->expect();
    $a->expect();

    echo "timers\n";
    $a->send('after 200 x');
    $a->expect();
    $b->send('echo meanwhile');
    $b->expect();
    $a->expect();
    $a->send('ticks 3');
    for ($i = 0; $i < 4; $i++) {
        $a->expect();
    }
    $a->send('arm');
    $a->expect();
    $a->send('disarm');
    $a->expect();

    echo "a disabled read watcher\n";
    $b->send('pause 100');
    $b->expect();
    $b->send('echo sent while paused');
    $b->expect();
    $b->expect();

    echo "a client gone mid-message\n";
    $m = new AmpClient('m', $port);
    $m->expect();
    $a->expect();
    $b->expect();
    fwrite($m->stream, 'echo ' . str_repeat('m', 50000));
    $m->close();
    $a->expect();
    $b->expect();

    echo "a stream closed while watched, its descriptor reused\n";
    $c = new AmpClient('c', $port);
    $c->expect();
    $a->expect();
    $b->expect();
    $c->send('drop');
    $c->expect();
    /* stream_select() reported the closed stream only as it returned, when the next client came */
    $d = new AmpClient('d', $port);
    $d->expect();
    $a->expect();
    $a->expect();
    $b->expect();
    $b->expect();
    $d->send('echo on a reused descriptor');
    $d->expect();

    echo "the listener's watcher disabled, a big broadcast the silent client does not read\n";
    $a->send('hold');
    $a->expect();
    $e = new AmpClient('e', $port);
    $a->send('say ' . str_repeat('a', 1000000));
    $a->expect();
    $b->expect();
    $d->expect();
    $a->send('echo still served');
    $a->expect();
    $d->send('say ' . str_repeat('d', 100000));
    $d->expect();
    $a->expect();
    $b->expect();
    $b->send('echo b still served');
    $b->expect();
    $d->send('pause 50');
    $d->expect();
    $d->send('echo sent while paused');
    $d->expect();
    $d->expect();

    $a->send('release');
    $a->expect();
    $e->expect();
    $a->expect();
    $b->expect();
    $d->expect();
    $e->send('quit');
    $e->expect();
    $e->expect();
    $a->expect();
    $b->expect();
    $d->expect();

    echo "leaving\n";
    $b->send('quit');
    $b->expect();
    $b->expect();
    $a->expect();
    $d->expect();
    $silent->close();
    $a->expect();
    $d->expect();
    $d->send('shutdown');
    $d->expect();
    $d->send('quit');
    $d->expect();
    $d->expect();
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
  a got: * #2 joined
  b got: welcome #3
  a got: * #3 joined
  a got: hello
  a got: 01234567890123456789... (100000 bytes, md5 13572e9e296cff52b79c52148313c3a5)
  b got: said
  a got: #3: bbbbbbbbbbbbbbbb... (20004 bytes, md5 50685707e499518f58a50d2f1b1280a5)
timers
  a got: armed
  b got: meanwhile
  a got: later x
  a got: tick 1
  a got: tick 2
  a got: tick 3
  a got: ticks done
  a got: armed
  a got: disarmed
a disabled read watcher
  b got: paused
  b got: resumed
  b got: sent while paused
a client gone mid-message
  m got: welcome #4
  a got: * #4 joined
  b got: * #4 joined
  a got: * #4 left
  b got: * #4 left
a stream closed while watched, its descriptor reused
  c got: welcome #5
  a got: * #5 joined
  b got: * #5 joined
  c got: end of stream
  d got: welcome #6
  a got: * #5 dropped
  a got: * #6 joined
  b got: * #5 dropped
  b got: * #6 joined
  d got: on a reused descriptor
the listener's watcher disabled, a big broadcast the silent client does not read
  a got: holding
  a got: said
  b got: #1: aaaaaaaaaaaaaaaa... (1000004 bytes, md5 e761b9e54206a8522e0a281577f505c8)
  d got: #1: aaaaaaaaaaaaaaaa... (1000004 bytes, md5 e761b9e54206a8522e0a281577f505c8)
  a got: still served
  d got: said
  a got: #6: dddddddddddddddd... (100004 bytes, md5 c5de4560302481988cd4d9cb654fe408)
  b got: #6: dddddddddddddddd... (100004 bytes, md5 c5de4560302481988cd4d9cb654fe408)
  b got: b still served
  d got: paused
  d got: resumed
  d got: sent while paused
  a got: released
  e got: welcome #7
  a got: * #7 joined
  b got: * #7 joined
  d got: * #7 joined
  e got: bye
  e got: end of stream
  a got: * #7 left
  b got: * #7 left
  d got: * #7 left
leaving
  b got: bye
  b got: end of stream
  a got: * #3 left
  d got: * #3 left
  a got: * #2 left
  d got: * #2 left
  d got: shutting down
  d got: bye
  d got: end of stream
  a got: * #6 left
  a got: bye
  a got: end of stream
server:
#1 joined
#2 joined
#3 joined
#1 echo hello
#1 echo (100000 bytes)
#3 say (20000 bytes)
#1 after 200 x
#3 echo meanwhile
#1 timer x
#1 ticks 3
#1 ticks done
#1 arm
#1 disarm
#3 pause 100
#3 resumed
#3 echo sent while paused
#4 joined
#4 left with 50005 bytes of an unfinished line
#5 joined
#5 drop
loop stopped: TypeError(stream_select(): supplied resource is not a valid stream resource) TypeError(stream_select(): supplied resource is not a valid stream resource) TypeError(stream_select(): supplied resource is not a valid stream resource)
#5 dropped
#6 joined
#6 echo on a reused descriptor
#1 hold
#1 say (1000000 bytes)
#1 echo still served
#6 say (100000 bytes)
#3 echo b still served
#6 pause 50
#6 resumed
#6 echo sent while paused
#1 release
#7 joined
#7 quit
#7 closed
#3 quit
#3 closed
#2 left
#6 shutdown
#6 quit
#6 closed
#1 quit
#1 closed
loop ended
