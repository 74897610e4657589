<?php
// Client of the tls_silent_peers scenario. Opens SILENT plain TCP
// connections that never send a byte, then one TLS client that connects,
// handshakes, sends a GET and reads the response to EOF. Prints how long
// that took, from its connect to the EOF; it gives up after GIVEUP seconds
// (then that time is the wait and errors=1). Everything is non-blocking
// and bounded by the deadline.
//
//   php -n tls_silent_peers.php ADDRESS [SILENT [GIVEUP]]
//   ADDRESS: ssl://host:port or tcp://host:port (only host:port is used)
if (!isset($argv[1])) {
    fwrite(STDERR, "usage: php tls_silent_peers.php ADDRESS [SILENT [GIVEUP]]\n");
    exit(2);
}
$hostport = preg_replace('#^[a-z]+://#', '', $argv[1]);
$silent = (int) ($argv[2] ?? 1);
$giveup = (float) ($argv[3] ?? 70);

function fail(string $what): void
{
    fwrite(STDERR, "tls_silent_peers: $what\n");
    exit(2);
}

// Waits at most until $deadline (hrtime ns) for $stream to be readable.
function wait_readable($stream, int $deadline): bool
{
    $left = $deadline - hrtime(true);
    if ($left <= 0) {
        return false;
    }
    $left = min($left, 100_000_000); // recheck every 100 ms
    $r = [$stream];
    $w = $e = null;
    return stream_select($r, $w, $e, 0, intdiv($left, 1000)) !== false;
}

$peers = [];
for ($i = 0; $i < $silent; $i++) {
    $p = stream_socket_client("tcp://$hostport", $errno, $errstr, 5);
    if (!$p) {
        fail("silent peer $i: $errstr ($errno)");
    }
    $peers[] = $p;
}

$start = hrtime(true);
$deadline = $start + (int) ($giveup * 1e9);
$served = false;
$c = stream_socket_client("tcp://$hostport", $errno, $errstr, 5);
if (!$c) {
    fail("client: $errstr ($errno)");
}
stream_context_set_option($c, ['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]);
stream_set_blocking($c, false);
while (($ok = @stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT)) === 0) {
    if (!wait_readable($c, $deadline)) {
        break;
    }
}
if ($ok === true) {
    $request = "GET / HTTP/1.0\r\n\r\n";
    $response = '';
    if (@fwrite($c, $request) === strlen($request)) {
        while (!feof($c) && wait_readable($c, $deadline)) {
            $response .= (string) @fread($c, 8192);
        }
        $served = feof($c) && str_starts_with($response, 'HTTP/1.0 200 ');
    }
}
$ms = (hrtime(true) - $start) / 1e6;
fclose($c);
foreach ($peers as $p) {
    fclose($p);
}

printf("RESULT mode=tls_silent_peers silent=%d wait_ms=%.1f served=%d errors=%d\n",
    $silent, $ms, $served ? 1 : 0, $served ? 0 : 1);
printf("tls_silent_peers: with %d silent peer(s) connected first, a TLS request was %s after %.1f ms\n",
    $silent, $served ? 'served' : 'NOT served (gave up)', $ms);
exit($served ? 0 : 1);
