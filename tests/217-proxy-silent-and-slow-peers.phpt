--TEST--
fastsock.proxy_timeout: a silent trusted peer holds nobody (accept returns the connection behind it at once) and is dropped after the bound; stream_select() does not report a listener whose only connection is silent; a slow header that completes in time is read whole
--EXTENSIONS--
fastsock
--INI--
fastsock.proxy_protocol=1
fastsock.proxy_from=127.0.0.1
fastsock.proxy_timeout=1
--FILE--
<?php
require __DIR__ . '/fixtures/proxy.inc';
require __DIR__ . '/fixtures/harness.inc';

/* A client in a child process that sends its bytes in pieces of 5, 30 ms
 * apart, and holds the connection until stopped. */
final class SlowPeer
{
	private $proc;
	private array $pipes = [];

	public function __construct(string $address, string $bytes)
	{
		$code = '$c = stream_socket_client("tcp://' . $address . '", $e, $s, 5);'
			. '$b = base64_decode("' . base64_encode($bytes) . '");'
			. 'foreach (str_split($b, 5) as $p) { fwrite($c, $p); usleep(30000); }'
			. 'fgets(STDIN);';
		$this->proc = proc_open(fs_php_command([], ['-r', $code]), [0 => ['pipe', 'r']], $this->pipes);
	}

	public function stop(): void
	{
		fclose($this->pipes[0]);
		proc_close($this->proc);
	}
}

$server = stream_socket_server('tcp://127.0.0.1:0');
$before = fastsock_stats();

echo "a silent peer, then a good one; one blocking accept:\n";
$silent = pp_send($server, '');
$good = pp_send($server, pp_v1('TCP4', '192.0.2.5', '192.0.2.6', 5555, 80) . "hi\n");
$start = microtime(true);
$conn = stream_socket_accept($server, 10, $peer);
$took = microtime(true) - $start;
echo "  accepted $peer ", $took < 0.5 ? 'at once' : "after {$took}s", "\n";
echo '  ', pp_counted($before);
fclose($conn);
fclose($good);

echo "the silent peer is dropped after the bound, while stream_select() waits; the listener is not reported:\n";
$r = [$server];
$w = $e = null;
$start = microtime(true);
var_dump(stream_select($r, $w, $e, 2));
$took = microtime(true) - $start;
echo '  select returned after ', $took >= 1.9 && $took < 4 ? 'its own timeout' : "{$took}s", "\n";
echo '  ', pp_counted($before);
fclose($silent);

echo "a silent peer alone, accept timeout 2 s: the accept waits its own timeout as stock's, no more:\n";
$before = fastsock_stats();
$silent = pp_send($server, '');
$start = microtime(true);
var_dump(stream_socket_accept($server, 2));
$took = microtime(true) - $start;
echo '  returned after ', $took >= 1.9 && $took < 4 ? 'its own timeout' : "{$took}s", "\n";
echo '  ', pp_counted($before);
fclose($silent);

echo "a header sent a few bytes at a time, in time:\n";
$before = fastsock_stats();
$slow = new SlowPeer(stream_socket_get_name($server, false),
	pp_v2('PROXY', '192.0.2.7', '192.0.2.8', 7777, 80, pp_tlv(0x02, 'slow.example')) . "done\n");
$conn = stream_socket_accept($server, 10, $peer);
echo "  accepted $peer: ", fgets($conn);
echo '  authority: ', fastsock_info($conn)['proxy']['authority'], "\n";
echo '  ', pp_counted($before);
$slow->stop();

?>
--EXPECTF--
a silent peer, then a good one; one blocking accept:
  accepted 192.0.2.5:5555 at once
  proxy_headers +1, proxy_local +0, proxy_rejected +0, proxy_timeouts +0, connections_accepted +1
the silent peer is dropped after the bound, while stream_select() waits; the listener is not reported:
int(0)
  select returned after its own timeout
  proxy_headers +1, proxy_local +0, proxy_rejected +1, proxy_timeouts +1, connections_accepted +1
a silent peer alone, accept timeout 2 s: the accept waits its own timeout as stock's, no more:

Warning: stream_socket_accept(): Accept failed: Connection timed out in %s on line %d
bool(false)
  returned after its own timeout
  proxy_headers +0, proxy_local +0, proxy_rejected +1, proxy_timeouts +1, connections_accepted +0
a header sent a few bytes at a time, in time:
  accepted 192.0.2.7:7777: done
  authority: slow.example
  proxy_headers +1, proxy_local +0, proxy_rejected +0, proxy_timeouts +0, connections_accepted +1
