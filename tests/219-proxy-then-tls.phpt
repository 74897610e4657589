--TEST--
The PROXY header comes before TLS: an ssl:// server with proxy_protocol reads it, then makes the handshake; a tcp:// server reads it at accept, and stream_socket_enable_crypto() follows
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';
require __DIR__ . '/fixtures/proxy.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
$ssl = ['local_cert' => $certs->path('server.pem')];
$client_code = <<<'CLIENT'
	$c = stream_socket_client("tcp://$argv[1]", $errno, $errstr, 5);
	fwrite($c, base64_decode($argv[2]));
	if ($argv[3] === 'starttls') {
		fgets($c);
	}
	stream_context_set_option($c, 'ssl', 'verify_peer', false);
	stream_context_set_option($c, 'ssl', 'verify_peer_name', false);
	var_dump(stream_socket_enable_crypto($c, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
	fwrite($c, "secret\n");
	echo 'client got ', fgets($c);
	CLIENT;

foreach (['ssl', 'starttls'] as $mode) {
	$server = pp_server(['proxy_protocol' => true, 'proxy_from' => '127.0.0.1'],
		$mode === 'ssl' ? 'ssl' : 'tcp', $ssl);
	$header = pp_v2('PROXY', '203.0.113.50', '203.0.113.1', 44300, 443, pp_tlv(0x01, 'http/1.1'));
	$client = TlsPeer::php($client_code, [stream_socket_get_name($server, false), base64_encode($header), $mode]);
	$conn = stream_socket_accept($server, 5, $peer);
	if ($mode === 'starttls') {
		fwrite($conn, "go\n");
		var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
	}
	echo "$mode: peer $peer, get_name ", stream_socket_get_name($conn, true), ', read ', fgets($conn);
	$info = fastsock_info($conn);
	echo '  alpn TLV: ', $info['proxy']['alpn'], ', tls: ', $info['tls']['protocol'] ?? 'none', "\n";
	fwrite($conn, "hello over tls\n");
	echo $client->output();
	fclose($conn);
	fclose($server);
}
?>
--EXPECTF--
ssl: peer 203.0.113.50:44300, get_name 203.0.113.50:44300, read secret
  alpn TLV: http/1.1, tls: TLSv1.3
bool(true)
client got hello over tls
bool(true)
starttls: peer 203.0.113.50:44300, get_name 203.0.113.50:44300, read secret
  alpn TLV: http/1.1, tls: TLSv1.3
bool(true)
client got hello over tls
