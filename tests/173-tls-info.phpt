--TEST--
fastsock_info()['tls'] on TLS connections (protocol, cipher, resumed, alpn, sni), on ssl:// and tls:// servers (context counters, session settings and where the ticket keys come from), null on plain streams
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
$ctx = tls_ctx(['local_cert' => $certs->path('server.pem'), 'alpn_protocols' => 'h2,http/1.1']);

foreach (['ssl', 'tls'] as $scheme) {
	echo "=== $scheme://\n";
	$server = stream_socket_server("$scheme://127.0.0.1:0", $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
	$clients = [
		['peer_name' => 'localhost', 'alpn_protocols' => 'http/1.1'],
		['SNI_enabled' => false, 'crypto_method' => STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT],
	];
	tls_try_accepts($server, 2, $clients, 'tls', 5, function ($conn, $i) use ($server) {
		$tls = fastsock_info($conn)['tls'];
		echo "connection $i: ", json_encode($tls), "\n";
		echo '  cipher is the metadata\'s cipher_name: ', var_export($tls['cipher'] === stream_get_meta_data($conn)['crypto']['cipher_name'], true), "\n";
		echo "server after connection $i: ", json_encode(fastsock_info($server)['tls']), "\n";
	});
}

echo "=== plain tcp://, then STARTTLS\n";
$tcp = stream_socket_server('tcp://127.0.0.1:0');
echo 'tcp:// server: ', var_export(fastsock_info($tcp)['tls'], true), "\n";
$client = TlsPeer::php(<<<'CLIENT'
	$c = stream_socket_client("tcp://$argv[1]", $errno, $errstr, 5);
	fgets($c);
	stream_context_set_option($c, 'ssl', 'verify_peer', false);
	stream_context_set_option($c, 'ssl', 'verify_peer_name', false);
	stream_context_set_option($c, 'ssl', 'peer_name', 'mail.test');
	var_dump(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
	echo 'client got ', fgets($c);
	CLIENT, [stream_socket_get_name($tcp, false)]);
$conn = stream_socket_accept($tcp, 5);
echo 'tcp:// connection before STARTTLS: ', var_export(fastsock_info($conn)['tls'], true), "\n";
stream_context_set_option($conn, 'ssl', 'local_cert', $certs->path('server.pem'));
fwrite($conn, "go\n");
var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
echo 'after STARTTLS: ', json_encode(fastsock_info($conn)['tls']), "\n";
fwrite($conn, "over tls\n");
echo $client->output();
--EXPECT--
=== ssl://
accept 1:
accept 1 returned a stream
connection 1: {"protocol":"TLSv1.3","cipher":"TLS_AES_256_GCM_SHA384","resumed":false,"alpn":"http\/1.1","sni":"localhost"}
  cipher is the metadata's cipher_name: true
server after connection 1: {"contexts_built":1,"contexts_reused":0,"session_cache":true,"tickets":true,"ticket_keys":"generated","session_timeout":300,"handshake_timeout":10}
accept 2:
accept 2 returned a stream
connection 2: {"protocol":"TLSv1.2","cipher":"ECDHE-ECDSA-AES128-GCM-SHA256","resumed":false,"alpn":null,"sni":null}
  cipher is the metadata's cipher_name: true
server after connection 2: {"contexts_built":1,"contexts_reused":1,"session_cache":true,"tickets":true,"ticket_keys":"generated","session_timeout":300,"handshake_timeout":10}
client 1: connected, got 'hello 1
'
client 2: connected, got 'hello 2
'
=== tls://
accept 1:
accept 1 returned a stream
connection 1: {"protocol":"TLSv1.3","cipher":"TLS_AES_256_GCM_SHA384","resumed":false,"alpn":"http\/1.1","sni":"localhost"}
  cipher is the metadata's cipher_name: true
server after connection 1: {"contexts_built":1,"contexts_reused":0,"session_cache":true,"tickets":true,"ticket_keys":"generated","session_timeout":300,"handshake_timeout":10}
accept 2:
accept 2 returned a stream
connection 2: {"protocol":"TLSv1.2","cipher":"ECDHE-ECDSA-AES128-GCM-SHA256","resumed":false,"alpn":null,"sni":null}
  cipher is the metadata's cipher_name: true
server after connection 2: {"contexts_built":1,"contexts_reused":1,"session_cache":true,"tickets":true,"ticket_keys":"generated","session_timeout":300,"handshake_timeout":10}
client 1: connected, got 'hello 1
'
client 2: connected, got 'hello 2
'
=== plain tcp://, then STARTTLS
tcp:// server: NULL
tcp:// connection before STARTTLS: NULL
bool(true)
after STARTTLS: {"protocol":"TLSv1.3","cipher":"TLS_AES_256_GCM_SHA384","resumed":false,"alpn":null,"sni":"mail.test"}
bool(true)
client got over tls
