--TEST--
STARTTLS on an accepted tcp:// connection: ssl options set on the connection, on the server after creation, in the server's context, with stream_context_set_params() or through stream_context_set_default(); results and where the options end up as on stock
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
function starttls(string $label, $server, ?callable $on_conn = null): void
{
	echo "=== $label\n";
	$client = TlsPeer::php(<<<'CLIENT'
		$c = stream_socket_client("tcp://$argv[1]", $errno, $errstr, 5);
		stream_context_set_option($c, 'ssl', 'verify_peer', false);
		stream_context_set_option($c, 'ssl', 'verify_peer_name', false);
		fwrite($c, "STARTTLS\n");
		echo 'client: plain reply ', trim(fgets($c)), "\n";
		$ok = @stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT);
		echo 'client: enable_crypto ', var_export($ok, true), "\n";
		if ($ok) {
			fwrite($c, "hello over tls\n");
			echo 'client: tls reply ', trim((string) fgets($c)), "\n";
		}
		CLIENT, [stream_socket_get_name($server, false)]);
	$conn = stream_socket_accept($server, 5);
	echo 'accepted, type ', stream_get_meta_data($conn)['stream_type'], "\n";
	echo 'server got ', fgets($conn);
	if ($on_conn) {
		$on_conn($conn);
	}
	fwrite($conn, "go\n");
	$ok = stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER);
	echo 'enable_crypto: ', var_export($ok, true), "\n";
	if ($ok) {
		$meta = stream_get_meta_data($conn);
		echo 'meta keys: ', implode(' ', array_keys($meta)), "\n";
		echo 'crypto: ', json_encode($meta['crypto']), "\n";
		echo 'server got ', fgets($conn);
		fwrite($conn, "bye over tls\n");
	}
	echo $client->output();
	$ssl = stream_context_get_options($server)['ssl'] ?? [];
	echo 'server context ssl keys: ', implode(' ', array_keys($ssl)) ?: '-', "\n";
	fclose($conn);
}

$pem = CERTS . '/server.pem';
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, stream_context_create());
starttls('local_cert set on the connection', $server, fn($conn) => stream_context_set_option($conn, 'ssl', 'local_cert', $pem));
starttls('the same server, next connection: the option is on the shared context now', $server);

$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, stream_context_create());
stream_context_set_option($server, 'ssl', 'local_cert', $pem);
starttls('local_cert set on the server after creation', $server);

$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, stream_context_create());
var_dump(stream_context_set_params($server, ['options' => ['ssl' => ['local_cert' => $pem, 'alpn_protocols' => 'x']]]));
starttls('stream_context_set_params() on the server', $server);

$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => $pem, 'ciphers' => 'HIGH']));
starttls('ssl options in the context the server was created with', $server);

$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, stream_context_create());
starttls('no local_cert anywhere', $server);

$server = stream_socket_server('tcp://127.0.0.1:0');
starttls('server without a context: local_cert set on the connection', $server,
	fn($conn) => stream_context_set_option($conn, 'ssl', 'local_cert', $pem));
echo 'the default context has it now: ', var_export(isset(stream_context_get_options(stream_context_get_default())['ssl']['local_cert']), true), "\n";
stream_context_set_default(['ssl' => ['local_cert' => $pem, 'honor_cipher_order' => false]]);

$server = stream_socket_server('tcp://127.0.0.1:0');
starttls('stream_context_set_default(), server without a context', $server);
PHP);
--EXPECTF--
same
=== local_cert set on the connection
accepted, type tcp_socket/ssl
server got STARTTLS
enable_crypto: true
meta keys: crypto timed_out blocked eof stream_type mode unread_bytes seekable
crypto: {"protocol":"TLSv1.3","cipher_name":"TLS_AES_256_GCM_SHA384","cipher_bits":256,"cipher_version":"TLSv1.3"}
server got hello over tls
client: plain reply go
client: enable_crypto true
client: tls reply bye over tls
server context ssl keys: local_cert
=== the same server, next connection: the option is on the shared context now
accepted, type tcp_socket/ssl
server got STARTTLS
enable_crypto: true
meta keys: crypto timed_out blocked eof stream_type mode unread_bytes seekable
crypto: {"protocol":"TLSv1.3","cipher_name":"TLS_AES_256_GCM_SHA384","cipher_bits":256,"cipher_version":"TLSv1.3"}
server got hello over tls
client: plain reply go
client: enable_crypto true
client: tls reply bye over tls
server context ssl keys: local_cert
=== local_cert set on the server after creation
accepted, type tcp_socket/ssl
server got STARTTLS
enable_crypto: true
meta keys: crypto timed_out blocked eof stream_type mode unread_bytes seekable
crypto: {"protocol":"TLSv1.3","cipher_name":"TLS_AES_256_GCM_SHA384","cipher_bits":256,"cipher_version":"TLSv1.3"}
server got hello over tls
client: plain reply go
client: enable_crypto true
client: tls reply bye over tls
server context ssl keys: local_cert
bool(true)
=== stream_context_set_params() on the server
accepted, type tcp_socket/ssl
server got STARTTLS
enable_crypto: true
meta keys: crypto timed_out blocked eof stream_type mode unread_bytes seekable
crypto: {"protocol":"TLSv1.3","cipher_name":"TLS_AES_256_GCM_SHA384","cipher_bits":256,"cipher_version":"TLSv1.3"}
server got hello over tls
client: plain reply go
client: enable_crypto true
client: tls reply bye over tls
server context ssl keys: local_cert alpn_protocols
=== ssl options in the context the server was created with
accepted, type tcp_socket/ssl
server got STARTTLS
enable_crypto: true
meta keys: crypto timed_out blocked eof stream_type mode unread_bytes seekable
crypto: {"protocol":"TLSv1.3","cipher_name":"TLS_AES_256_GCM_SHA384","cipher_bits":256,"cipher_version":"TLSv1.3"}
server got hello over tls
client: plain reply go
client: enable_crypto true
client: tls reply bye over tls
server context ssl keys: local_cert ciphers
=== no local_cert anywhere
accepted, type tcp_socket/ssl
server got STARTTLS

Warning: stream_socket_enable_crypto(): SSL_R_NO_SHARED_CIPHER: no suitable shared cipher could be used.  This could be because the server is missing an SSL certificate (local_cert context option) in SCRIPT on line %d
enable_crypto: false
client: plain reply go
client: enable_crypto false
server context ssl keys: -
=== server without a context: local_cert set on the connection
accepted, type tcp_socket/ssl
server got STARTTLS
enable_crypto: true
meta keys: crypto timed_out blocked eof stream_type mode unread_bytes seekable
crypto: {"protocol":"TLSv1.3","cipher_name":"TLS_AES_256_GCM_SHA384","cipher_bits":256,"cipher_version":"TLSv1.3"}
server got hello over tls
client: plain reply go
client: enable_crypto true
client: tls reply bye over tls
server context ssl keys: local_cert
the default context has it now: true
=== stream_context_set_default(), server without a context
accepted, type tcp_socket/ssl
server got STARTTLS
enable_crypto: true
meta keys: crypto timed_out blocked eof stream_type mode unread_bytes seekable
crypto: {"protocol":"TLSv1.3","cipher_name":"TLS_AES_256_GCM_SHA384","cipher_bits":256,"cipher_version":"TLSv1.3"}
server got hello over tls
client: plain reply go
client: enable_crypto true
client: tls reply bye over tls
server context ssl keys: local_cert honor_cipher_order
