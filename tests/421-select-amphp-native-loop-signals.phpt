--TEST--
select: an unchanged amphp v2 server's Loop::onSignal() watcher (pcntl) runs for each SIGUSR1 that comes while Amp\Loop\NativeDriver waits in stream_select(), the signal ending the wait, as under stock PHP and stock stream_select(), with fastsock's epoll set and its poll() path, the listener watched or not
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php
require __DIR__ . '/fixtures/amp.inc';
amp_skipif();
if (!in_array(php_uname('m'), ['x86_64', 'aarch64'], true)) {
    die('skip the server\'s wait is recognised by its system call number (/proc/PID/syscall), known here for x86_64 and aarch64');
}
?>
--FILE--
<?php
require __DIR__ . '/fixtures/amp.inc';

/* The system calls a stream_select() waits in (stock's pselect6, the
 * poll() path's ppoll, the epoll set's epoll_pwait2 or epoll_wait). */
function wait_calls(): array
{
    return ['x86_64' => [23, 7, 270, 271, 232, 281, 441], 'aarch64' => [72, 73, 22, 441]][php_uname('m')] ?? [];
}

/* Signals the server once it waits in stream_select() (a signal that came
 * while it ran PHP code would only be dispatched after its next wait), and
 * shows the notice its signal watcher sends: the signal must end the wait. */
function signal_server(int $pid, AmpClient $client): void
{
    $deadline = microtime(true) + 10;
    do {
        $call = (int) file_get_contents("/proc/$pid/syscall");
        if (in_array($call, wait_calls(), true)) {
            posix_kill($pid, SIGUSR1);
            $client->expect();
            return;
        }
        usleep(1000);
    } while (microtime(true) < $deadline);
    echo "  the server did not wait in stream_select() within 10 s\n";
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
