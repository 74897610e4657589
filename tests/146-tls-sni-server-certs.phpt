--TEST--
SNI: SNI_server_certs in both forms (a path, or [local_cert, local_pk]) and with wildcard names; the certificate a client gets for each server name is the one stock serves
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('default', 'default.test');
$certs->make('one', 'one.test');
$certs->make('two', 'two.test');
$certs->make('wild', 'wildcard.example.test');
$certs->make('deep', 'deep.example.test');
tls_compare($certs, <<<'PHP'
<?php
$names = ['one.test', 'two.test', 'a.example.test', 'b.example.test', 'deep.a.example.test', 'example.test',
	'ONE.TEST', 'unknown.test', null];
$servers = [
	'paths' => [
		'one.test' => CERTS . '/one.pem',
		'two.test' => CERTS . '/two.pem',
		'*.example.test' => CERTS . '/wild.pem',
	],
	'[local_cert, local_pk]' => [
		'one.test' => ['local_cert' => CERTS . '/one.crt', 'local_pk' => CERTS . '/one.key'],
		'two.test' => ['local_cert' => CERTS . '/two.crt', 'local_pk' => CERTS . '/two.key'],
		'*.example.test' => ['local_cert' => CERTS . '/wild.crt', 'local_pk' => CERTS . '/wild.key'],
	],
	'both forms, a wildcard before a deeper name' => [
		'*.example.test' => CERTS . '/wild.pem',
		'deep.a.example.test' => ['local_cert' => CERTS . '/deep.crt', 'local_pk' => CERTS . '/deep.key'],
		'one.test' => CERTS . '/one.pem',
	],
];
foreach ($servers as $label => $sni) {
	echo "=== $label\n";
	$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
		tls_ctx(['local_cert' => CERTS . '/default.pem', 'SNI_server_certs' => $sni]));
	$client = TlsPeer::php(<<<'CLIENT'
		foreach (json_decode($argv[2]) as $name) {
			$ssl = ['verify_peer' => false, 'verify_peer_name' => false, 'capture_peer_cert' => true];
			if ($name !== null) {
				$ssl['peer_name'] = $name;
			}
			$ctx = stream_context_create(['ssl' => $ssl]);
			$c = stream_socket_client("tls://$argv[1]", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
			$cert = stream_context_get_options($ctx)['ssl']['peer_certificate'] ?? null;
			echo 'client asked for ', $name ?? '(no name)', ', got CN ', $cert ? openssl_x509_parse($cert)['subject']['CN'] : '?',
				', server says ', trim(fgets($c)), "\n";
		}
		CLIENT, [stream_socket_get_name($server, false), json_encode($names)]);
	foreach ($names as $i => $name) {
		$conn = stream_socket_accept($server, 5);
		fwrite($conn, $conn ? "accepted $i\n" : "?\n");
		fclose($conn);
	}
	echo $client->output();
}
PHP);
--EXPECTF--
same
=== paths
client asked for one.test, got CN one.test, server says accepted 0
client asked for two.test, got CN two.test, server says accepted 1
client asked for a.example.test, got CN wildcard.example.test, server says accepted 2
client asked for b.example.test, got CN wildcard.example.test, server says accepted 3
client asked for deep.a.example.test, got CN default.test, server says accepted 4
client asked for example.test, got CN default.test, server says accepted 5
client asked for ONE.TEST, got CN one.test, server says accepted 6
client asked for unknown.test, got CN default.test, server says accepted 7
client asked for (no name), got CN default.test, server says accepted 8
=== [local_cert, local_pk]
client asked for one.test, got CN one.test, server says accepted 0
client asked for two.test, got CN two.test, server says accepted 1
client asked for a.example.test, got CN wildcard.example.test, server says accepted 2
client asked for b.example.test, got CN wildcard.example.test, server says accepted 3
client asked for deep.a.example.test, got CN default.test, server says accepted 4
client asked for example.test, got CN default.test, server says accepted 5
client asked for ONE.TEST, got CN one.test, server says accepted 6
client asked for unknown.test, got CN default.test, server says accepted 7
client asked for (no name), got CN default.test, server says accepted 8
=== both forms, a wildcard before a deeper name
client asked for one.test, got CN one.test, server says accepted 0
client asked for two.test, got CN default.test, server says accepted 1
client asked for a.example.test, got CN wildcard.example.test, server says accepted 2
client asked for b.example.test, got CN wildcard.example.test, server says accepted 3
client asked for deep.a.example.test, got CN deep.example.test, server says accepted 4
client asked for example.test, got CN default.test, server says accepted 5
client asked for ONE.TEST, got CN one.test, server says accepted 6
client asked for unknown.test, got CN default.test, server says accepted 7
client asked for (no name), got CN default.test, server says accepted 8
