--TEST--
TLS session tickets across two servers that read copies of the same certificate and ticket key file from other paths (two hosts behind a balancer): a session from one resumes on the other, both ways, on TLS 1.2 and 1.3; a server with another certificate and the same key file never resumes it
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

$certs = new TlsCerts();
$certs->make('server', 'localhost');
$certs->make('other', 'localhost');
$certs->write('ticket.key', random_bytes(80));
/* Host b: the same bytes at other paths, written later (other inode, other times). */
mkdir($certs->dir . '/b');
usleep(20000);
copy($certs->path('server.pem'), $certs->dir . '/b/server.pem');
copy($certs->path('ticket.key'), $certs->dir . '/b/ticket.key');
foreach (['ticket.key', 'b/ticket.key'] as $file) {
	chmod($certs->dir . "/$file", 0600);
}

/* Serves two connections with PEM; says whether fastsock served them. */
$code = <<<'PHP'
<?php
$server = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/PEM']));
echo 'ready ', stream_socket_get_name($server, false), "\n";
$resumed = 0;
for ($i = 0; $i < 2; $i++) {
	$conn = stream_socket_accept($server, 10);
	if (!$conn) {
		break;
	}
	fwrite($conn, "hello\n");
	$resumed += fastsock_info($conn)['tls']['resumed'] ? 1 : 0;
	while (fgets($conn) !== false) {
	}
	fclose($conn);
}
echo '  NAME: ', extension_loaded('fastsock') ? 'fastsock' : 'no fastsock', ', keys ',
	fastsock_info($server)['tls']['ticket_keys'], ", resumed $resumed\n";
PHP;

$hosts = [
	'a' => ['server.pem', 'ticket.key'],
	'b' => ['b/server.pem', 'b/ticket.key'],
	'c' => ['other.pem', 'ticket.key'],
];
foreach (['-tls1_2' => 'TLS 1.2', '-tls1_3' => 'TLS 1.3'] as $version => $protocol) {
	foreach ([['a', 'b'], ['b', 'a'], ['a', 'c']] as [$from, $to]) {
		$servers = [];
		foreach ([$from, $to] as $name) {
			[$pem, $key] = $hosts[$name];
			$servers[$name] = tls_server($certs, strtr($code, ['PEM' => $pem, 'NAME' => $name]),
				['fastsock.tls_ticket_key_file' => $certs->dir . "/$key"]);
		}
		$session = $certs->path('client.sess');
		$said = [];
		foreach ([[$from, '-sess_out'], [$to, '-sess_in'], [$from, '-sess_in'], [$to, '-sess_in']] as [$name, $option]) {
			$out = tls_s_client(tls_address($servers[$name]), [$version, $option, $session], '', 'hello');
			$said[] = (preg_match('/^(New|Reused), /m', $out, $m) ? $m[1] : '?') . " on $name";
		}
		echo "$protocol, $from then $to: ", implode(', ', $said), "\n";
		foreach ($servers as $server) {
			echo tls_server_output($certs, $server, 30);
		}
		@unlink($session);
	}
}
--EXPECT--
TLS 1.2, a then b: New on a, Reused on b, Reused on a, Reused on b
  a: fastsock, keys file, resumed 1
  b: fastsock, keys file, resumed 2
TLS 1.2, b then a: New on b, Reused on a, Reused on b, Reused on a
  b: fastsock, keys file, resumed 1
  a: fastsock, keys file, resumed 2
TLS 1.2, a then c: New on a, New on c, Reused on a, New on c
  a: fastsock, keys file, resumed 1
  c: fastsock, keys file, resumed 0
TLS 1.3, a then b: New on a, Reused on b, Reused on a, Reused on b
  a: fastsock, keys file, resumed 1
  b: fastsock, keys file, resumed 2
TLS 1.3, b then a: New on b, Reused on a, Reused on b, Reused on a
  b: fastsock, keys file, resumed 1
  a: fastsock, keys file, resumed 2
TLS 1.3, a then c: New on a, New on c, Reused on a, New on c
  a: fastsock, keys file, resumed 1
  c: fastsock, keys file, resumed 0
