--TEST--
ALPN: alpn_protocols "h2,http/1.1" on the server; what both sides' crypto metadata say for each client offer, no overlap included, is what stock says
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
$offers = ['http/1.1', 'h2', 'http/1.1,h2', 'spdy/3,http/1.1', 'spdy/3', null];
foreach (['h2,http/1.1', 'http/1.1', null] as $server_alpn) {
	echo "=== server alpn_protocols ", var_export($server_alpn, true), "\n";
	$ssl = ['local_cert' => CERTS . '/server.pem'];
	if ($server_alpn !== null) {
		$ssl['alpn_protocols'] = $server_alpn;
	}
	$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, tls_ctx($ssl));
	$client = TlsPeer::php(<<<'CLIENT'
		foreach (json_decode($argv[2]) as $offer) {
			$ssl = ['verify_peer' => false, 'verify_peer_name' => false];
			if ($offer !== null) {
				$ssl['alpn_protocols'] = $offer;
			}
			$c = @stream_socket_client("tls://$argv[1]", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
				stream_context_create(['ssl' => $ssl]));
			$crypto = $c ? stream_get_meta_data($c)['crypto'] : null;
			echo '  client offered ', var_export($offer, true), ': ', $c ? 'alpn_protocol ' . var_export($crypto['alpn_protocol'] ?? 'absent', true)
				. ', server says ' . trim(fgets($c)) : 'failed', "\n";
		}
		CLIENT, [stream_socket_get_name($server, false), json_encode($offers)]);
	foreach ($offers as $offer) {
		$conn = stream_socket_accept($server, 5);
		if ($conn) {
			$crypto = stream_get_meta_data($conn)['crypto'];
			echo 'server for ', var_export($offer, true), ': crypto keys ', implode(' ', array_keys($crypto)),
				', alpn_protocol ', var_export($crypto['alpn_protocol'] ?? 'absent', true), "\n";
			fwrite($conn, 'alpn ' . ($crypto['alpn_protocol'] ?? 'none') . "\n");
			fclose($conn);
		} else {
			echo 'server for ', var_export($offer, true), ": accept failed\n";
		}
	}
	echo $client->output();
}
PHP);
--EXPECTF--
same
=== server alpn_protocols 'h2,http/1.1'
server for 'http/1.1': crypto keys protocol cipher_name cipher_bits cipher_version alpn_protocol, alpn_protocol 'http/1.1'
server for 'h2': crypto keys protocol cipher_name cipher_bits cipher_version alpn_protocol, alpn_protocol 'h2'
server for 'http/1.1,h2': crypto keys protocol cipher_name cipher_bits cipher_version alpn_protocol, alpn_protocol 'h2'
server for 'spdy/3,http/1.1': crypto keys protocol cipher_name cipher_bits cipher_version alpn_protocol, alpn_protocol 'http/1.1'
server for 'spdy/3': crypto keys protocol cipher_name cipher_bits cipher_version, alpn_protocol 'absent'
server for NULL: crypto keys protocol cipher_name cipher_bits cipher_version, alpn_protocol 'absent'
  client offered 'http/1.1': alpn_protocol 'http/1.1', server says alpn http/1.1
  client offered 'h2': alpn_protocol 'h2', server says alpn h2
  client offered 'http/1.1,h2': alpn_protocol 'h2', server says alpn h2
  client offered 'spdy/3,http/1.1': alpn_protocol 'http/1.1', server says alpn http/1.1
  client offered 'spdy/3': alpn_protocol 'absent', server says alpn none
  client offered NULL: alpn_protocol 'absent', server says alpn none
=== server alpn_protocols 'http/1.1'
server for 'http/1.1': crypto keys protocol cipher_name cipher_bits cipher_version alpn_protocol, alpn_protocol 'http/1.1'
server for 'h2': crypto keys protocol cipher_name cipher_bits cipher_version, alpn_protocol 'absent'
server for 'http/1.1,h2': crypto keys protocol cipher_name cipher_bits cipher_version alpn_protocol, alpn_protocol 'http/1.1'
server for 'spdy/3,http/1.1': crypto keys protocol cipher_name cipher_bits cipher_version alpn_protocol, alpn_protocol 'http/1.1'
server for 'spdy/3': crypto keys protocol cipher_name cipher_bits cipher_version, alpn_protocol 'absent'
server for NULL: crypto keys protocol cipher_name cipher_bits cipher_version, alpn_protocol 'absent'
  client offered 'http/1.1': alpn_protocol 'http/1.1', server says alpn http/1.1
  client offered 'h2': alpn_protocol 'absent', server says alpn none
  client offered 'http/1.1,h2': alpn_protocol 'http/1.1', server says alpn http/1.1
  client offered 'spdy/3,http/1.1': alpn_protocol 'http/1.1', server says alpn http/1.1
  client offered 'spdy/3': alpn_protocol 'absent', server says alpn none
  client offered NULL: alpn_protocol 'absent', server says alpn none
=== server alpn_protocols NULL
server for 'http/1.1': crypto keys protocol cipher_name cipher_bits cipher_version, alpn_protocol 'absent'
server for 'h2': crypto keys protocol cipher_name cipher_bits cipher_version, alpn_protocol 'absent'
server for 'http/1.1,h2': crypto keys protocol cipher_name cipher_bits cipher_version, alpn_protocol 'absent'
server for 'spdy/3,http/1.1': crypto keys protocol cipher_name cipher_bits cipher_version, alpn_protocol 'absent'
server for 'spdy/3': crypto keys protocol cipher_name cipher_bits cipher_version, alpn_protocol 'absent'
server for NULL: crypto keys protocol cipher_name cipher_bits cipher_version, alpn_protocol 'absent'
  client offered 'http/1.1': alpn_protocol 'absent', server says alpn none
  client offered 'h2': alpn_protocol 'absent', server says alpn none
  client offered 'http/1.1,h2': alpn_protocol 'absent', server says alpn none
  client offered 'spdy/3,http/1.1': alpn_protocol 'absent', server says alpn none
  client offered 'spdy/3': alpn_protocol 'absent', server says alpn none
  client offered NULL: alpn_protocol 'absent', server says alpn none
