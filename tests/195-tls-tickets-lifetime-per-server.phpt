--TEST--
session ticket lifetimes stay per server: in a process that also runs a server with tls_session_timeout 1, a TLS 1.2 ticket of a server with the default timeout still resumes 3 s later (the short timeout no longer rotates every key each second), while the short server's own ticket has expired
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
$server = tls_server($certs, <<<'PHP'
<?php
$servers = [];
foreach (['long' => [], 'short' => ['tls_session_timeout' => 1]] as $name => $fastsock) {
	$servers[$name] = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
		tls_ctx(['local_cert' => CERTS . '/server.pem'], $fastsock ? ['fastsock' => $fastsock] : []));
	$names[] = "$name=" . stream_socket_get_name($servers[$name], false);
}
echo 'ready ', implode(' ', $names), "\n";
foreach (['long', 'short', 'long', 'short'] as $name) {
	$conn = stream_socket_accept($servers[$name], 20);
	if ($conn) {
		fwrite($conn, "hello from $name\n");
		echo "  $name: ", fastsock_info($conn)['tls']['resumed'] ? 'resumed' : 'full', "\n";
		while (fgets($conn) !== false) {
		}
		fclose($conn);
	}
}
echo '  timeouts: long ', fastsock_info($servers['long'])['tls']['session_timeout'],
	', short ', fastsock_info($servers['short'])['tls']['session_timeout'], "\n";
PHP, []);
preg_match_all('/(\w+)=(\S+)/', substr($server->first_line, strlen('ready ')), $m);
$address = array_combine($m[1], $m[2]);
foreach (['long', 'short'] as $name) {
	$out = tls_s_client($address[$name], ['-tls1_2', '-sess_out', $certs->path("$name.sess")], '', 'hello');
	echo "$name, first: ", preg_match('/^(New|Reused), /m', $out, $s) ? $s[1] : '?', "\n";
}
/* Time passing is the point here: three of the short server's lifetimes. */
sleep(3);
foreach (['long', 'short'] as $name) {
	$out = tls_s_client($address[$name], ['-tls1_2', '-sess_in', $certs->path("$name.sess")], '', 'hello');
	echo "$name, 3 s later: ", preg_match('/^(New|Reused), /m', $out, $s) ? $s[1] : '?', "\n";
}
echo tls_server_output($certs, $server, 20);
--EXPECT--
long, first: New
short, first: New
long, 3 s later: Reused
short, 3 s later: New
  long: full
  short: full
  long: resumed
  short: full
  timeouts: long 300, short 1
