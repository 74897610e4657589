--TEST--
stream_socket_enable_crypto() on accepted connections: blocking and non-blocking (0 until done), a second call, disabling, the session stream argument, no method, the client role; return values and warnings as on stock
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
$pem = CERTS . '/server.pem';
$tcp = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, tls_ctx(['local_cert' => $pem]));
$address = stream_socket_get_name($tcp, false);

/* A peer that asks for STARTTLS, waits for "go", then does TLS as client (or as server: $argv[2]). */
function peer(string $address, string $role = 'client'): TlsPeer
{
	return TlsPeer::php(<<<'CLIENT'
		$c = stream_socket_client("tcp://$argv[1]", $errno, $errstr, 5);
		stream_context_set_option($c, 'ssl', 'verify_peer', false);
		stream_context_set_option($c, 'ssl', 'verify_peer_name', false);
		if ($argv[2] === 'server') {
			stream_context_set_option($c, 'ssl', 'local_cert', $argv[3]);
		}
		fwrite($c, "STARTTLS\n");
		fgets($c);
		if ($argv[2] === 'server') {
			/* The other side starts TLS on this line only: a ClientHello sent right
			 * after "go" could land in this stream's read buffer with it. */
			fwrite($c, "ready\n");
		}
		$ok = @stream_socket_enable_crypto($c, true,
			$argv[2] === 'server' ? STREAM_CRYPTO_METHOD_TLS_SERVER : STREAM_CRYPTO_METHOD_TLS_CLIENT);
		echo "peer ($argv[2]): enable_crypto ", var_export($ok, true), "\n";
		if ($ok) {
			fwrite($c, "ping\n");
			echo 'peer: reply ', var_export(@fgets($c), true), "\n";
			echo 'peer: then ', var_export(@fgets($c), true), "\n";
		}
		CLIENT, [$address, $role, CERTS . '/server.pem']);
}

function accept_plain($tcp)
{
	$conn = stream_socket_accept($tcp, 5);
	fgets($conn);
	fwrite($conn, "go\n");
	return $conn;
}

function finish($conn, TlsPeer $peer): void
{
	echo 'meta crypto: ', isset(stream_get_meta_data($conn)['crypto']) ? stream_get_meta_data($conn)['crypto']['protocol'] : 'absent', "\n";
	echo 'server got ', var_export(fgets($conn), true), "\n";
	fwrite($conn, "pong\n");
	fclose($conn);
	echo $peer->output();
}

echo "=== blocking, then a second call, then the same non-blocking\n";
$peer = peer($address);
$conn = accept_plain($tcp);
var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
stream_set_blocking($conn, false);
var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
stream_set_blocking($conn, true);
finish($conn, $peer);

echo "=== non-blocking: 0 until done\n";
$peer = peer($address);
$conn = stream_socket_accept($tcp, 5);
fgets($conn);
stream_set_blocking($conn, false);
/* Before the peer starts its handshake (it waits for "go"): nothing to read yet. */
var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
fwrite($conn, "go\n");
$results = [];
for ($i = 0; $i < 500; $i++) {
	$r = stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER);
	$results[] = var_export($r, true);
	if ($r !== 0) {
		break;
	}
	$read = [$conn];
	$w = $e = null;
	stream_select($read, $w, $e, 0, 100000);
}
/* how many 0s before true depends on timing: only the last value is shown */
echo 'then, until done: ', end($results), "\n";
echo 'blocked: ', var_export(stream_get_meta_data($conn)['blocked'], true), "\n";
var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
stream_set_blocking($conn, true);
finish($conn, $peer);

echo "=== disabling after the handshake\n";
$peer = peer($address);
$conn = accept_plain($tcp);
var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
echo 'server got ', var_export(fgets($conn), true), "\n";
fwrite($conn, "pong\n");
var_dump(stream_socket_enable_crypto($conn, false));
echo 'meta crypto after disabling: ', isset(stream_get_meta_data($conn)['crypto']) ? 'present' : 'absent', "\n";
echo 'type: ', stream_get_meta_data($conn)['stream_type'], "\n";
fclose($conn);
echo $peer->output();

echo "=== disabling before any handshake\n";
$peer = peer($address);
$conn = accept_plain($tcp);
var_dump(stream_socket_enable_crypto($conn, false));
fclose($conn);
echo $peer->output();

echo "=== session stream: a plain file\n";
$peer = peer($address);
$conn = accept_plain($tcp);
var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER, STDIN));
finish($conn, $peer);

echo "=== session stream: another accepted tcp connection, no TLS on it\n";
$other_client = stream_socket_client("tcp://$address", $errno, $errstr, 5);
$other = stream_socket_accept($tcp, 5);
$peer = peer($address);
$conn = accept_plain($tcp);
var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER, $other));
finish($conn, $peer);

echo "=== session stream: a connection with TLS\n";
$peer = peer($address);
$first = accept_plain($tcp);
var_dump(stream_socket_enable_crypto($first, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
$peer2 = peer($address);
$conn = accept_plain($tcp);
var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER, $first));
echo 'meta crypto: ', isset(stream_get_meta_data($conn)['crypto']) ? 'present' : 'absent', "\n";
fclose($conn);
echo $peer2->output();
finish($first, $peer);

echo "=== session stream: not a stream\n";
$peer = peer($address);
$conn = accept_plain($tcp);
try {
	var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER, stream_context_create()));
} catch (TypeError $e) {
	echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
finish($conn, $peer);

echo "=== no method, none in the context\n";
$peer = peer($address);
$conn = accept_plain($tcp);
try {
	var_dump(stream_socket_enable_crypto($conn, true));
} catch (ValueError $e) {
	echo get_class($e), ': ', $e->getMessage(), "\n";
}
stream_context_set_option($conn, 'ssl', 'crypto_method', STREAM_CRYPTO_METHOD_TLSv1_2_SERVER);
echo "crypto_method set in the (shared) context:\n";
var_dump(stream_socket_enable_crypto($conn, true));
finish($conn, $peer);
stream_context_set_option($tcp, 'ssl', 'crypto_method', 0);

echo "=== the client role on an accepted connection\n";
$peer = peer($address, 'server');
$conn = accept_plain($tcp);
fgets($conn);
stream_context_set_option($conn, 'ssl', 'verify_peer', false);
stream_context_set_option($conn, 'ssl', 'verify_peer_name', false);
var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
finish($conn, $peer);

echo "=== an ssl:// connection: crypto is on already\n";
$ssl = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, tls_ctx(['local_cert' => $pem]));
$client = TlsPeer::php(<<<'CLIENT'
	$c = stream_socket_client("tls://$argv[1]", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
		stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]));
	echo 'client got ', fgets($c);
	CLIENT, [stream_socket_get_name($ssl, false)]);
$conn = stream_socket_accept($ssl, 5);
var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
stream_set_blocking($conn, false);
var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
stream_set_blocking($conn, true);
fwrite($conn, "still fine\n");
echo $client->output();
PHP);
--EXPECTF--
same
=== blocking, then a second call, then the same non-blocking
bool(true)

Warning: stream_socket_enable_crypto(): SSL/TLS already set-up for this stream in SCRIPT on line %d
bool(false)
bool(false)
meta crypto: TLSv1.3
server got 'ping
'
peer (client): enable_crypto true
peer: reply 'pong
'
peer: then false
=== non-blocking: 0 until done
int(0)
then, until done: true
blocked: false
bool(false)
meta crypto: TLSv1.3
server got 'ping
'
peer (client): enable_crypto true
peer: reply 'pong
'
peer: then false
=== disabling after the handshake
bool(true)
server got 'ping
'
bool(false)
meta crypto after disabling: absent
type: tcp_socket/ssl
peer (client): enable_crypto true
peer: reply 'pong
'
peer: then false
=== disabling before any handshake
bool(false)
peer (client): enable_crypto false
=== session stream: a plain file

Warning: stream_socket_enable_crypto(): Supplied session stream must be an SSL enabled stream in SCRIPT on line %d
bool(true)
meta crypto: TLSv1.3
server got 'ping
'
peer (client): enable_crypto true
peer: reply 'pong
'
peer: then false
=== session stream: another accepted tcp connection, no TLS on it

Warning: stream_socket_enable_crypto(): Supplied SSL session stream is not initialized in SCRIPT on line %d
bool(true)
meta crypto: TLSv1.3
server got 'ping
'
peer (client): enable_crypto true
peer: reply 'pong
'
peer: then false
=== session stream: a connection with TLS
bool(true)

Warning: stream_socket_enable_crypto(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A0C0101:SSL routines::called a function you should not call in SCRIPT on line %d
bool(false)
meta crypto: absent
peer (client): enable_crypto false
meta crypto: TLSv1.3
server got 'ping
'
peer (client): enable_crypto true
peer: reply 'pong
'
peer: then false
=== session stream: not a stream
TypeError: stream_socket_enable_crypto(): supplied resource is not a valid stream resource
bool(true)
meta crypto: TLSv1.3
server got 'ping
'
peer (client): enable_crypto true
peer: reply 'pong
'
peer: then false
=== no method, none in the context
ValueError: stream_socket_enable_crypto(): Argument #3 ($crypto_method) must be specified when enabling encryption
crypto_method set in the (shared) context:
bool(true)
meta crypto: TLSv1.2
server got 'ping
'
peer (client): enable_crypto true
peer: reply 'pong
'
peer: then false
=== the client role on an accepted connection
bool(true)
meta crypto: TLSv1.3
server got 'ping
'
peer (server): enable_crypto true
peer: reply 'pong
'
peer: then false
=== an ssl:// connection: crypto is on already

Warning: stream_socket_enable_crypto(): SSL/TLS already set-up for this stream in SCRIPT on line %d
bool(false)
bool(false)
client got still fine
