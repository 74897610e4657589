--TEST--
select: files, STDIN/STDOUT, pipes, popen, TCP and UDP sockets and user-space streams select as in stock
--SKIPIF--
<?php require __DIR__ . '/fixtures/select.inc'; select_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/fixtures/select.inc';

/* A user-space stream whose descriptor is the socket it wraps. */
class WrapStream
{
    public static $inner;
    public $context;

    public function stream_open($path, $mode, $options, &$opened) { return true; }
    public function stream_read($count) { return fread(self::$inner, $count); }
    public function stream_eof() { return feof(self::$inner); }
    public function stream_cast($as) { return self::$inner; }
}

select_diff(function () {
    $n = null;
    $show = function (string $what, ?array $r, ?array $w, ?array $e = null, int $wait = 5) {
        $result = stream_select($r, $w, $e, $wait);
        echo "$what: $result\n";
        foreach (['read' => $r, 'write' => $w, 'except' => $e] as $name => $list) {
            if ($list !== null) {
                select_show("  $name", $list);
            }
        }
    };

    $path = tempnam(sys_get_temp_dir(), 'fastsock-select');
    $file = select_named('file', fopen($path, 'w+'));
    $stdin = select_named('STDIN', STDIN);
    $stdout = select_named('STDOUT', STDOUT);
    $stdin2 = select_named('php://stdin', fopen('php://stdin', 'r'));
    $show('file, STDIN (/dev/null), STDOUT', [$file, $stdin, $stdin2], [$file, $stdout]);

    $spec = [0 => ['pipe', 'r'], 1 => ['pipe', 'w']];
    $proc = proc_open([PHP_BINARY, '-n', '-r', 'echo strtoupper(fgets(STDIN));'], $spec, $pipes);
    [$to, $from] = $pipes;
    select_named('child stdin', $to);
    select_named('child stdout', $from);
    $show('child pipes, nothing written yet', [$from], [$to], null, 0);
    fwrite($to, "pipe\n");
    $show('child pipes, once the child answered', [$from], null);
    echo '  read: ', fgets($from);
    fclose($to);
    fclose($from);
    proc_close($proc);

    $popen = select_named('popen', popen(escapeshellarg(PHP_BINARY) . ' -n -r "echo 1;"', 'r'));
    $show('popen', [$popen], null);
    pclose($popen);

    $server = select_named('tcp server', stream_socket_server('tcp://127.0.0.1:0'));
    $show('tcp server, nobody connecting', [$server], null, null, 0);
    $client = select_named('tcp client', stream_socket_client('tcp://' . stream_socket_get_name($server, false)));
    $show('tcp server, a client connecting', [$server], null);
    $conn = select_named('tcp conn', stream_socket_accept($server));
    $show('tcp, nothing sent', [$conn, $client], [$conn, $client], [$conn, $client], 0);
    fwrite($client, 'hello');
    $show('tcp, client sent', [$conn, $client], [$conn], [$conn]);

    $udp = select_named('udp server', stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND));
    $udp_client = select_named('udp client', stream_socket_client('udp://' . stream_socket_get_name($udp, false)));
    $show('udp, nothing sent', [$udp], null, null, 0);
    fwrite($udp_client, 'datagram');
    $show('udp, a datagram sent', [$udp, $udp_client], [$udp_client]);

    [$a, $a2] = select_pair();
    stream_wrapper_register('wrap', 'WrapStream');
    WrapStream::$inner = $a;
    $wrapped = select_named('user stream', fopen('wrap://a', 'r'));
    $show('user stream with stream_cast, nothing sent', [$wrapped], null, null, 0);
    fwrite($a2, 'x');
    $show('user stream with stream_cast, data sent', [$wrapped], [$wrapped]);

    unlink($path);
});
?>
--EXPECT--
same
file, STDIN (/dev/null), STDOUT: 5
  read: [0=>file, 1=>STDIN, 2=>php://stdin]
  write: [0=>file, 1=>STDOUT]
child pipes, nothing written yet: 1
  read: []
  write: [0=>child stdin]
child pipes, once the child answered: 1
  read: [0=>child stdout]
  read: PIPE
popen: 1
  read: [0=>popen]
tcp server, nobody connecting: 0
  read: []
tcp server, a client connecting: 1
  read: [0=>tcp server]
tcp, nothing sent: 2
  read: []
  write: [0=>tcp conn, 1=>tcp client]
  except: []
tcp, client sent: 2
  read: [0=>tcp conn]
  write: [0=>tcp conn]
  except: []
udp, nothing sent: 0
  read: []
udp, a datagram sent: 2
  read: [0=>udp server]
  write: [0=>udp client]
user stream with stream_cast, nothing sent: 0
  read: []
user stream with stream_cast, data sent: 2
  read: [0=>user stream]
  write: [0=>user stream]
