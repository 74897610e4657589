--TEST--
fastsock_info()['tls']['ticket_keys'] and phpinfo() say where the session ticket keys come from (generated, file, none) and phpinfo() shows the key file's path, while no key byte shows anywhere: info, stats, metadata, ini values, phpinfo; generated keys are checked against a ticket they signed (every 32-byte run of what the script saw, raw or hex, tried as its HMAC key), a check shown to find the key file's key
--EXTENSIONS--
fastsock
openssl
--SKIPIF--
<?php
if (!is_executable('/usr/bin/openssl')) die('skip needs the openssl command');
?>
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

/* Whether any 32-byte run of the texts, raw or written in hex, is the HMAC
 * key that signed the ticket (name | iv | encrypted state | HMAC-SHA256). */
function hmac_key_in(string $ticket, array $texts): bool
{
	$mac = substr($ticket, -32);
	$signed = substr($ticket, 0, -32);
	foreach ($texts as $text) {
		$candidates = [$text];
		preg_match_all('/[0-9a-fA-F]{64,}/', $text, $hex);
		foreach ($hex[0] as $digits) {
			$candidates[] = hex2bin(substr($digits, 0, strlen($digits) & ~1));
			$candidates[] = hex2bin(substr($digits, 1, (strlen($digits) - 1) & ~1));
		}
		foreach ($candidates as $bytes) {
			for ($at = 0; $at + 32 <= strlen($bytes); $at++) {
				if (hash_equals($mac, hash_hmac('sha256', $signed, substr($bytes, $at, 32), true))) {
					return true;
				}
			}
		}
	}
	return false;
}

/* A TLS 1.2 ticket from the first server, whatever its keys are. */
$session = tempnam(sys_get_temp_dir(), 'fastsock-sess-');
$peer = new TlsPeer(['openssl', 's_client', '-connect', stream_socket_get_name($server, false), '-tls1_2',
	'-sess_out', $session]);
$conn = stream_socket_accept($server, 10);
fwrite($conn, "hello\n");
$peer->read_until('hello');
fclose($conn);
$peer->output();
$ticket = tls_session_ticket($session);
unlink($session);
echo 'a ticket: ', strlen($ticket) > 64 ? 'yes' : 'no', ', its HMAC key shown: ', hmac_key_in($ticket, $seen) ? 'yes' : 'no', "\n";
if ($file !== '' && is_file($file) && strlen(file_get_contents($file)) % 80 === 0) {
	echo 'control, the key file written in hex among them: ',
		hmac_key_in($ticket, [...$seen, bin2hex(file_get_contents($file))]) ? 'found' : 'not found', "\n";
}
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
a ticket: yes, its HMAC key shown: no
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
a ticket: yes, its HMAC key shown: no
control, the key file written in hex among them: found
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
a ticket: no, its HMAC key shown: no
