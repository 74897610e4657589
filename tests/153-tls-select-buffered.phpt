--TEST--
stream_select() on TLS connections (ssl:// accept and STARTTLS): lines the TLS layer already decrypted count as readable with a 0 timeout, as on stock
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
tls_compare($certs, <<<'PHP'
<?php
function drain_lines($conn, $client): void
{
	/* The client wrote three lines in one fwrite() (one TLS record) and says so. */
	$client->read_until("sent\n");
	$r = [$conn];
	$w = $e = null;
	echo 'select (5 s) before reading: ', stream_select($r, $w, $e, 5), "\n";
	for ($i = 1; $i <= 3; $i++) {
		echo "fgets $i: ", fgets($conn);
		$r = [$conn];
		$w = $e = null;
		$n = stream_select($r, $w, $e, 0);
		echo "  select (0 s) after it: $n, read set ", count($r), ', unread_bytes ', stream_get_meta_data($conn)['unread_bytes'] > 0 ? '> 0' : '0', "\n";
	}
	fwrite($conn, "done\n");
	/* Then one 16 KiB record: fread(8192) leaves the rest inside OpenSSL (SSL_pending), not in the stream's buffer. */
	$client->read_until("sent 16384\n");
	echo 'fread 8192: ', strlen(fread($conn, 8192)), "\n";
	$r = [$conn];
	$w = $e = null;
	echo '  select (0 s) after it: ', stream_select($r, $w, $e, 0), "\n";
	echo 'fread 8192: ', strlen(fread($conn, 8192)), "\n";
	$r = [$conn];
	$w = $e = null;
	echo '  select (0 s) after it: ', stream_select($r, $w, $e, 0), "\n";
	fwrite($conn, "bye\n");
	$r = [$conn];
	$w = $e = null;
	echo 'select (5 s) until the client closes: ', stream_select($r, $w, $e, 5), "\n";
	echo 'then fread: ', var_export(fread($conn, 100), true), ', feof: ', var_export(feof($conn), true), "\n";
	echo $client->output();
}

$client_code = <<<'CLIENT'
	if ($argv[2] === 'starttls') {
		$c = stream_socket_client("tcp://$argv[1]", $errno, $errstr, 5);
		fwrite($c, "STARTTLS\n");
		fgets($c);
		stream_context_set_option($c, 'ssl', 'verify_peer', false);
		stream_context_set_option($c, 'ssl', 'verify_peer_name', false);
		stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT);
	} else {
		$c = stream_socket_client("tls://$argv[1]", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
			stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]));
	}
	fwrite($c, "one\ntwo\nthree\n");
	echo "sent\n";
	echo 'client got ', fgets($c);
	echo 'sent ', fwrite($c, str_repeat('x', 16384)), "\n";
	echo 'client got ', fgets($c);
	CLIENT;
$ctx = tls_ctx(['local_cert' => CERTS . '/server.pem']);

echo "=== ssl://\n";
$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
$client = TlsPeer::php($client_code, [stream_socket_get_name($server, false), 'ssl']);
$conn = stream_socket_accept($server, 5);
drain_lines($conn, $client);

echo "=== STARTTLS on tcp://\n";
/* no ssl options on the server: the connection gets its local_cert itself */
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, stream_context_create());
$client = TlsPeer::php($client_code, [stream_socket_get_name($server, false), 'starttls']);
$conn = stream_socket_accept($server, 5);
fgets($conn);
fwrite($conn, "go\n");
stream_context_set_option($conn, 'ssl', 'local_cert', CERTS . '/server.pem');
var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
drain_lines($conn, $client);
PHP);
--EXPECTF--
same
=== ssl://
select (5 s) before reading: 1
fgets 1: one
  select (0 s) after it: 1, read set 1, unread_bytes > 0
fgets 2: two
  select (0 s) after it: 1, read set 1, unread_bytes > 0
fgets 3: three
  select (0 s) after it: 0, read set 0, unread_bytes 0
fread 8192: 8192
  select (0 s) after it: 1
fread 8192: 8192
  select (0 s) after it: 0
select (5 s) until the client closes: 1
then fread: '', feof: true
sent
client got done
sent 16384
client got bye
=== STARTTLS on tcp://
bool(true)
select (5 s) before reading: 1
fgets 1: one
  select (0 s) after it: 1, read set 1, unread_bytes > 0
fgets 2: two
  select (0 s) after it: 1, read set 1, unread_bytes > 0
fgets 3: three
  select (0 s) after it: 0, read set 0, unread_bytes 0
fread 8192: 8192
  select (0 s) after it: 1
fread 8192: 8192
  select (0 s) after it: 0
select (5 s) until the client closes: 1
then fread: '', feof: true
sent
client got done
sent 16384
client got bye
