<?php
// Client of the tls_hostile_N scenarios. Opens SILENT plain TCP connections
// that never send a byte and TRICKLE ones that send a ClientHello one byte
// every 500 ms, then makes REQUESTS TLS requests one after another (a full
// handshake, a GET, the answer to EOF) and reports the real clients'
// latency (p50, p99, from connect to EOF) and their handshake rate. The
// hostile connections stay open (and trickle) until the end. Every wait
// is bounded by GIVEUP seconds for the whole run.
//
//   php -n tls_hostile.php ADDRESS SILENT TRICKLE REQUESTS [GIVEUP]
if (!isset($argv[4])) {
    fwrite(STDERR, "usage: php tls_hostile.php ADDRESS SILENT TRICKLE REQUESTS [GIVEUP]\n");
    exit(2);
}
$hostport = preg_replace('#^[a-z]+://#', '', $argv[1]);
[$silent, $trickle, $requests] = [(int) $argv[2], (int) $argv[3], (int) $argv[4]];
$giveup = (float) ($argv[5] ?? 60);
$deadline = hrtime(true) + (int) ($giveup * 1e9);
$hello = "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" . str_repeat("\x42", 32);

function fail(string $what): void
{
    fwrite(STDERR, "tls_hostile: $what\n");
    exit(2);
}

$held = $trickling = [];
for ($i = 0; $i < $silent + $trickle; $i++) {
    $p = stream_socket_client("tcp://$hostport", $errno, $errstr, 5);
    if (!$p) {
        fail("hostile peer $i: $errstr ($errno)");
    }
    stream_set_blocking($p, false);
    $held[] = $p;
    if ($i >= $silent) {
        $trickling[] = $p;
    }
}

$next_trickle = 0;
$trickled = 0;
// One byte to each trickling peer every 500 ms, from inside every wait.
function trickle(): void
{
    global $trickling, $next_trickle, $trickled, $hello;
    if ($trickling && hrtime(true) >= $next_trickle) {
        foreach ($trickling as $p) {
            @fwrite($p, $hello[$trickled % strlen($hello)]);
        }
        $trickled++;
        $next_trickle = hrtime(true) + 500_000_000;
    }
}

function wait_readable($stream): bool
{
    global $deadline;
    trickle();
    $left = min($deadline - hrtime(true), 100_000_000);
    if ($left <= 0) {
        return false;
    }
    $r = [$stream];
    $w = $e = null;
    return stream_select($r, $w, $e, 0, intdiv($left, 1000)) !== false;
}

// One real client: its latency in ms, or null when it was not served.
function request(string $hostport): ?float
{
    $start = hrtime(true);
    $c = @stream_socket_client("tcp://$hostport", $errno, $errstr, 5);
    if (!$c) {
        return null;
    }
    stream_context_set_option($c, ['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]);
    stream_set_blocking($c, false);
    while (($ok = @stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT)) === 0) {
        if (!wait_readable($c)) {
            break;
        }
    }
    $served = false;
    if ($ok === true && @fwrite($c, "GET / HTTP/1.0\r\n\r\n") > 0) {
        $response = '';
        while (!feof($c) && wait_readable($c)) {
            $response .= (string) @fread($c, 8192);
        }
        $served = feof($c) && str_starts_with($response, 'HTTP/1.0 200 ');
    }
    fclose($c);
    return $served ? (hrtime(true) - $start) / 1e6 : null;
}

$latencies = [];
$errors = 0;
$start = hrtime(true);
for ($i = 0; $i < $requests && hrtime(true) < $deadline; $i++) {
    $ms = request($hostport);
    $ms === null ? $errors++ : $latencies[] = $ms;
}
$seconds = (hrtime(true) - $start) / 1e9;
$errors += $requests - $i;
foreach ($held as $p) {
    fclose($p);
}
sort($latencies);
$pct = fn (float $q) => $latencies ? $latencies[min(count($latencies) - 1, (int) floor($q * count($latencies)))] : 0.0;
printf("RESULT mode=tls_hostile silent=%d trickle=%d p50_ms=%.2f p99_ms=%.2f hs_per_s=%.1f errors=%d\n",
    $silent, $trickle, $pct(0.5), $pct(0.99), count($latencies) / max($seconds, 1e-9), $errors);
printf("tls_hostile: %d silent + %d trickling peers; %d of %d requests served, p50 %.2f ms, p99 %.2f ms\n",
    $silent, $trickle, count($latencies), $requests, $pct(0.5), $pct(0.99));
exit($errors ? 1 : 0);
