--TEST--
TLS servers ssl://, tls://, tlsv1.2://, tlsv1.3:// with a PHP client: return values, the accepted stream's metadata (crypto first), stream_type and names as on stock
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
foreach (['ssl', 'tls', 'tlsv1.2', 'tlsv1.3'] as $scheme) {
	echo "--- $scheme://\n";
	$server = stream_socket_server("$scheme://127.0.0.1:0", $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
		tls_ctx(['local_cert' => CERTS . '/server.pem']));
	echo 'server: ', get_resource_type($server), ', errno ', $errno, ', errstr "', $errstr, '"', "\n";
	$address = stream_socket_get_name($server, false);
	echo 'server name: ', $address, ', type ', stream_get_meta_data($server)['stream_type'], "\n";
	$client = TlsPeer::php(<<<'CLIENT'
		$c = stream_socket_client("tls://$argv[1]", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
			stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]));
		echo 'client: ', $c ? stream_get_meta_data($c)['crypto']['protocol'] : "failed: $errstr", "\n";
		echo 'client local name: ', stream_socket_get_name($c, false), "\n";
		echo 'client got: ', fgets($c);
		var_dump(fwrite($c, "bye\n"));
		CLIENT, [$address]);
	$conn = stream_socket_accept($server, 5, $peer);
	echo 'accepted: ', get_resource_type($conn), ", peer $peer\n";
	$meta = stream_get_meta_data($conn);
	echo 'meta keys: ', implode(' ', array_keys($meta)), "\n";
	echo 'crypto keys: ', implode(' ', array_keys($meta['crypto'])), "\n";
	echo 'crypto: ', json_encode($meta['crypto']), "\n";
	unset($meta['crypto']);
	echo 'rest: ', json_encode($meta), "\n";
	echo 'local name: ', stream_socket_get_name($conn, false), ', remote name same as accept\'s peer: ',
		var_export(stream_socket_get_name($conn, true) === $peer, true), "\n";
	var_dump(fwrite($conn, "hello\n"));
	var_dump(fgets($conn));
	echo $client->output();
	var_dump(fclose($conn), fclose($server));
}
PHP);
--EXPECT--
same
--- ssl://
server: stream, errno 0, errstr ""
server name: 127.0.0.1:PORT, type tcp_socket/ssl
accepted: stream, peer 127.0.0.1:PORT
meta keys: crypto timed_out blocked eof stream_type mode unread_bytes seekable
crypto keys: protocol cipher_name cipher_bits cipher_version
crypto: {"protocol":"TLSv1.3","cipher_name":"TLS_AES_256_GCM_SHA384","cipher_bits":256,"cipher_version":"TLSv1.3"}
rest: {"timed_out":false,"blocked":true,"eof":false,"stream_type":"tcp_socket\/ssl","mode":"r+","unread_bytes":0,"seekable":false}
local name: 127.0.0.1:PORT, remote name same as accept's peer: true
int(6)
string(4) "bye
"
client: TLSv1.3
client local name: 127.0.0.1:PORT
client got: hello
int(4)
bool(true)
bool(true)
--- tls://
server: stream, errno 0, errstr ""
server name: 127.0.0.1:PORT, type tcp_socket/ssl
accepted: stream, peer 127.0.0.1:PORT
meta keys: crypto timed_out blocked eof stream_type mode unread_bytes seekable
crypto keys: protocol cipher_name cipher_bits cipher_version
crypto: {"protocol":"TLSv1.3","cipher_name":"TLS_AES_256_GCM_SHA384","cipher_bits":256,"cipher_version":"TLSv1.3"}
rest: {"timed_out":false,"blocked":true,"eof":false,"stream_type":"tcp_socket\/ssl","mode":"r+","unread_bytes":0,"seekable":false}
local name: 127.0.0.1:PORT, remote name same as accept's peer: true
int(6)
string(4) "bye
"
client: TLSv1.3
client local name: 127.0.0.1:PORT
client got: hello
int(4)
bool(true)
bool(true)
--- tlsv1.2://
server: stream, errno 0, errstr ""
server name: 127.0.0.1:PORT, type tcp_socket/ssl
accepted: stream, peer 127.0.0.1:PORT
meta keys: crypto timed_out blocked eof stream_type mode unread_bytes seekable
crypto keys: protocol cipher_name cipher_bits cipher_version
crypto: {"protocol":"TLSv1.2","cipher_name":"ECDHE-ECDSA-AES128-GCM-SHA256","cipher_bits":128,"cipher_version":"TLSv1.2"}
rest: {"timed_out":false,"blocked":true,"eof":false,"stream_type":"tcp_socket\/ssl","mode":"r+","unread_bytes":0,"seekable":false}
local name: 127.0.0.1:PORT, remote name same as accept's peer: true
int(6)
string(4) "bye
"
client: TLSv1.2
client local name: 127.0.0.1:PORT
client got: hello
int(4)
bool(true)
bool(true)
--- tlsv1.3://
server: stream, errno 0, errstr ""
server name: 127.0.0.1:PORT, type tcp_socket/ssl
accepted: stream, peer 127.0.0.1:PORT
meta keys: crypto timed_out blocked eof stream_type mode unread_bytes seekable
crypto keys: protocol cipher_name cipher_bits cipher_version
crypto: {"protocol":"TLSv1.3","cipher_name":"TLS_AES_256_GCM_SHA384","cipher_bits":256,"cipher_version":"TLSv1.3"}
rest: {"timed_out":false,"blocked":true,"eof":false,"stream_type":"tcp_socket\/ssl","mode":"r+","unread_bytes":0,"seekable":false}
local name: 127.0.0.1:PORT, remote name same as accept's peer: true
int(6)
string(4) "bye
"
client: TLSv1.3
client local name: 127.0.0.1:PORT
client got: hello
int(4)
bool(true)
bool(true)
