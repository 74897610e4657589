--TEST--
fastsock_info()['tls']['ticket_keys'] and phpinfo() say where the session ticket keys come from (generated, file, none) and phpinfo() shows the key file's path, while no key byte shows anywhere: info, stats, metadata, ini values, phpinfo
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');
$keys = random_bytes(160);
$certs->write('ticket.key', $keys);
$certs->write('bad.key', random_bytes(100));

$code = <<<'PHP'
<?php
$server = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem']));
$off = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem'], ['fastsock' => ['tls_tickets' => false]]));
$seen = [];
foreach (['server' => $server, 'server with tls_tickets off' => $off] as $label => $listener) {
	tls_try_accepts($listener, 1, [], 'tls', 5, function ($conn) use (&$seen) {
		$seen[] = var_export(fastsock_info($conn), true) . var_export(stream_get_meta_data($conn), true);
	});
	$info = fastsock_info($listener);
	echo "$label: ticket_keys ", $info['tls']['ticket_keys'], "\n";
	$seen[] = var_export($info, true);
}
$seen[] = var_export(fastsock_stats(), true) . var_export(ini_get_all('fastsock'), true);
ob_start();
phpinfo(INFO_MODULES);
$phpinfo = ob_get_clean();
$seen[] = $phpinfo;
preg_match_all('/^(TLS session ticket keys|fastsock\.tls_ticket_key_file) => .*$/m', $phpinfo, $rows);
echo implode("\n", $rows[0]), "\n";

/* Every key's bytes past its name (which each ticket carries in clear), in
 * any spelling, at any offset of 8 bytes. */
$file = ini_get('fastsock.tls_ticket_key_file');
$found = [];
foreach (str_split($file !== '' && is_file($file) ? file_get_contents($file) : '', 80) as $k => $key) {
	for ($at = 16; $at + 8 <= strlen($key); $at += 8) {
		$piece = substr($key, $at, 8);
		foreach ([$piece, bin2hex($piece), strtoupper(bin2hex($piece)), substr(base64_encode(substr($key, $at - $at % 3, 9)), 0, 12)] as $spelling) {
			foreach ($seen as $text) {
				if (str_contains($text, $spelling)) {
					$found[] = "key $k byte $at";
				}
			}
		}
	}
}
echo 'key bytes shown: ', $found ? implode(', ', array_unique($found)) : 'none', "\n";
PHP;

foreach (['no key file' => [], 'key file' => ['fastsock.tls_ticket_key_file' => $certs->path('ticket.key')],
		'bad key file' => ['fastsock.tls_ticket_key_file' => $certs->path('bad.key')]] as $label => $ini) {
	echo "--- $label\n", tls_run($certs, $code, $ini);
}
--EXPECTF--
--- no key file
accept 1:
accept 1 returned a stream
client 1: connected, got 'hello 1
'
server: ticket_keys generated
accept 1:
accept 1 returned a stream
client 1: connected, got 'hello 1
'
server with tls_tickets off: ticket_keys none
TLS session ticket keys => made by fastsock, shared by the processes forked after startup
fastsock.tls_ticket_key_file => no value => no value
key bytes shown: none
--- key file
accept 1:
accept 1 returned a stream
client 1: connected, got 'hello 1
'
server: ticket_keys file
accept 1:
accept 1 returned a stream
client 1: connected, got 'hello 1
'
server with tls_tickets off: ticket_keys none
TLS session ticket keys => read from fastsock.tls_ticket_key_file
fastsock.tls_ticket_key_file => CERTS/ticket.key => CERTS/ticket.key
key bytes shown: none
--- bad key file

Warning: PHP Startup: fastsock.tls_ticket_key_file "CERTS/bad.key" holds 100 bytes; %s
accept 1:
accept 1 returned a stream
client 1: connected, got 'hello 1
'
server: ticket_keys none
accept 1:
accept 1 returned a stream
client 1: connected, got 'hello 1
'
server with tls_tickets off: ticket_keys none
TLS session ticket keys => none: fastsock.tls_ticket_key_file has no usable keys
fastsock.tls_ticket_key_file => CERTS/bad.key => CERTS/bad.key
key bytes shown: none
