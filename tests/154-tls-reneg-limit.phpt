--TEST--
reneg_limit: a client asking to renegotiate (openssl s_client -tls1_2, "R") meets stock's limiter (warning or reneg_limit_callback, then the read closes) and OpenSSL 3's refusal the same way
--EXTENSIONS--
fastsock
openssl
--SKIPIF--
<?php
if (!is_executable('/usr/bin/openssl')) die('skip needs the openssl command');
/* OpenSSL 3 servers refuse client-initiated renegotiation, but the attempt still reaches the limiter;
 * older clients without "R" cannot attempt it at all. */
exec('openssl s_client -help 2>&1', $help);
if (!preg_grep('/-tls1_2/', $help)) die('skip s_client cannot do TLS 1.2');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
tls_compare($certs, <<<'PHP'
<?php
$cases = [
	'reneg_limit 0, no callback' => ['reneg_limit' => 0],
	'reneg_limit 0, callback returns false' => ['reneg_limit' => 0, 'reneg_limit_callback' => 'on_limit'],
	'reneg_limit 0, callback returns true (keep the connection)' => ['reneg_limit' => 0, 'reneg_limit_callback' => 'keep'],
	'default limit (2 in 300 s)' => [],
	'reneg_limit -1 (no limit)' => ['reneg_limit' => -1],
];
function on_limit($stream)
{
	echo 'callback called with a ', get_resource_type($stream), ' of type ', stream_get_meta_data($stream)['stream_type'], "\n";
	return false;
}
function keep($stream)
{
	echo "callback: keep it\n";
	return true;
}
foreach ($cases as $label => $ssl) {
	echo "=== $label\n";
	$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
		tls_ctx(['local_cert' => CERTS . '/server.pem'] + $ssl));
	$client = new TlsPeer(['openssl', 's_client', '-tls1_2', '-connect', stream_socket_get_name($server, false)]);
	$conn = stream_socket_accept($server, 5);
	$client->send("first line\n");
	echo 'server got ', var_export(fgets($conn), true), "\n";
	$client->send("R\n");
	echo 'server then got ', var_export(fgets($conn), true), "\n";
	echo 'feof: ', var_export(feof($conn), true), "\n";
	echo 'client tried: ', var_export(str_contains($client->output(5), 'RENEGOTIATING'), true), "\n";
	fclose($conn);
}
PHP);
--EXPECTF--
same
=== reneg_limit 0, no callback
server got 'first line
'
server then got 
Warning: fgets(): SSL: client-initiated handshake rate limit exceeded by peer in SCRIPT on line %d
false
feof: true
client tried: true
=== reneg_limit 0, callback returns false
server got 'first line
'
server then got callback called with a stream of type tcp_socket/ssl
false
feof: true
client tried: true
=== reneg_limit 0, callback returns true (keep the connection)
server got 'first line
'
server then got callback: keep it

Warning: fgets(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000410:SSL routines::sslv3 alert handshake failure in SCRIPT on line %d
false
feof: true
client tried: true
=== default limit (2 in 300 s)
server got 'first line
'
server then got 
Warning: fgets(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000410:SSL routines::sslv3 alert handshake failure in SCRIPT on line %d
false
feof: true
client tried: true
=== reneg_limit -1 (no limit)
server got 'first line
'
server then got 
Warning: fgets(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000410:SSL routines::sslv3 alert handshake failure in SCRIPT on line %d
false
feof: true
client tried: true
