--TEST--
TLS session tickets across two separately started php processes given the same fastsock.tls_ticket_key_file: openssl s_client alternates between their ports, and after one full handshake all 50 reconnects resume, on TLS 1.2 and 1.3; without the key file, those reaching the other process do not
--EXTENSIONS--
fastsock
openssl
--SKIPIF--
<?php
if (!is_executable('/usr/bin/openssl')) die('skip needs the openssl command');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

const RECONNECTS = 50;

$certs = new TlsCerts();
$certs->make('server', 'localhost');
$key_file = $certs->write('ticket.key', random_bytes(80));
chmod($key_file, 0600);

/* NAME serves COUNT connections; the reply names it. */
$code = <<<'PHP'
<?php
$server = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem']));
echo 'ready ', stream_socket_get_name($server, false), "\n";
$served = $resumed = 0;
for ($i = 0; $i < COUNT; $i++) {
	$conn = stream_socket_accept($server, 10);
	if (!$conn) {
		break;
	}
	fwrite($conn, "hello from NAME\n");
	$served++;
	$resumed += fastsock_info($conn)['tls']['resumed'] ? 1 : 0;
	while (fgets($conn) !== false) {
	}
	fclose($conn);
}
echo '  NAME (', extension_loaded('fastsock') ? 'fastsock loaded' : 'fastsock missing', ', keys ',
	fastsock_info($server)['tls']['ticket_keys'], "): served $served, resumed $resumed\n";
PHP;

$variants = [
	'same key file' => ['fastsock.tls_ticket_key_file' => $key_file],
	'no key file' => [],
];
foreach ($variants as $label => $ini) {
	foreach (['-tls1_2' => 'TLS 1.2', '-tls1_3' => 'TLS 1.3'] as $version => $protocol) {
		/* a serves the first connection and every second one after. */
		$servers = [
			'a' => tls_server($certs, strtr($code, ['NAME' => 'a', 'COUNT' => 1 + RECONNECTS / 2]), $ini),
			'b' => tls_server($certs, strtr($code, ['NAME' => 'b', 'COUNT' => RECONNECTS / 2]), $ini),
		];
		$addresses = array_map('tls_address', $servers);
		$session = $certs->path('client.sess');
		$said = $by = [];
		$deadline = microtime(true) + 120;
		for ($i = 0; $i <= RECONNECTS && microtime(true) < $deadline; $i++) {
			$to = $i % 2 === 0 ? 'a' : 'b';
			$out = tls_s_client($addresses[$to], [$version, $i === 0 ? '-sess_out' : '-sess_in', $session], '', 'hello');
			$state = preg_match('/^(New|Reused), /m', $out, $m) ? $m[1] : '?';
			if ($i === 0) {
				echo "$label, $protocol: first connection (to a) $state\n";
				continue;
			}
			$said["$state on $to"] = ($said["$state on $to"] ?? 0) + 1;
		}
		ksort($said);
		echo '  ', RECONNECTS, ' reconnects: ', json_encode($said), "\n";
		foreach ($servers as $server) {
			echo tls_server_output($certs, $server, 30);
		}
		@unlink($session);
	}
}
--EXPECT--
same key file, TLS 1.2: first connection (to a) New
  50 reconnects: {"Reused on a":25,"Reused on b":25}
  a (fastsock loaded, keys file): served 26, resumed 25
  b (fastsock loaded, keys file): served 25, resumed 25
same key file, TLS 1.3: first connection (to a) New
  50 reconnects: {"Reused on a":25,"Reused on b":25}
  a (fastsock loaded, keys file): served 26, resumed 25
  b (fastsock loaded, keys file): served 25, resumed 25
no key file, TLS 1.2: first connection (to a) New
  50 reconnects: {"New on b":25,"Reused on a":25}
  a (fastsock loaded, keys generated): served 26, resumed 25
  b (fastsock loaded, keys generated): served 25, resumed 0
no key file, TLS 1.3: first connection (to a) New
  50 reconnects: {"New on b":25,"Reused on a":25}
  a (fastsock loaded, keys generated): served 26, resumed 25
  b (fastsock loaded, keys generated): served 25, resumed 0
