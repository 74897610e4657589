--TEST--
a bad fastsock.tls_ticket_key_file (wrong size, empty, too many keys, missing, a directory): one startup warning naming the setting and what it accepts, no crash, connections served without session tickets, resuming through the process's session cache on TLS 1.2 and 1.3; a relative path is refused as an ini value and fastsock makes the keys
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
$certs->write('50-bytes.key', random_bytes(50));
$certs->write('empty.key', '');
$certs->write('9-keys.key', random_bytes(9 * 80));
mkdir($certs->path('directory.key'));

/* Two connections of s_client per protocol, the first saving its session,
 * the second offering it; what the session holds as a ticket. */
$code = <<<'PHP'
<?php
$server = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem']));
$address = stream_socket_get_name($server, false);
$session = CERTS . '/client.sess';
foreach (['-tls1_2', '-tls1_3'] as $version) {
	$said = $resumed = [];
	foreach (['-sess_out', '-sess_in'] as $option) {
		$client = new TlsPeer(['openssl', 's_client', '-connect', $address, $version, $option, $session]);
		$conn = stream_socket_accept($server, 10);
		fwrite($conn, "hello\n");
		$resumed[] = var_export(fastsock_info($conn)['tls']['resumed'], true);
		$client->read_until('hello');
		$client->close_stdin();
		while (fgets($conn) !== false) {
		}
		fclose($conn);
		$said[] = preg_match('/^(New|Reused), /m', $client->output(), $m) ? $m[1] : '?';
		if ($option === '-sess_out') {
			$ticket = strlen(tls_session_ticket($session));
		}
	}
	echo "$version: ", implode(' then ', $said), ' (server: resumed ', implode(' then ', $resumed), '), ticket: ',
		$ticket === 0 ? 'none' : ($ticket === 32 ? 'a stateful one (32 bytes)' : 'from ticket keys'), "\n";
	unlink($session);
}
echo 'ticket_keys: ', fastsock_info($server)['tls']['ticket_keys'], "\n";
PHP;

foreach (['50-bytes.key', 'empty.key', '9-keys.key', 'missing.key', 'directory.key', 'relative/ticket.key'] as $file) {
	$path = str_starts_with($file, 'relative/') ? $file : $certs->path($file);
	echo "--- $file\n", tls_run($certs, $code, ['fastsock.tls_ticket_key_file' => $path]);
}
rmdir($certs->path('directory.key'));
--EXPECT--
--- 50-bytes.key

Warning: PHP Startup: fastsock.tls_ticket_key_file "CERTS/50-bytes.key" holds 50 bytes; accepted is a file of 1 to 8 session ticket keys, all of 80 bytes (AES-256) or all of 48 bytes (AES-128), as nginx's ssl_session_ticket_key; no session tickets until it is mended (sessions resume through each process's session cache) in Unknown on line 0
-tls1_2: New then Reused (server: resumed false then true), ticket: none
-tls1_3: New then Reused (server: resumed false then true), ticket: a stateful one (32 bytes)
ticket_keys: none
--- empty.key

Warning: PHP Startup: fastsock.tls_ticket_key_file "CERTS/empty.key" holds 0 bytes; accepted is a file of 1 to 8 session ticket keys, all of 80 bytes (AES-256) or all of 48 bytes (AES-128), as nginx's ssl_session_ticket_key; no session tickets until it is mended (sessions resume through each process's session cache) in Unknown on line 0
-tls1_2: New then Reused (server: resumed false then true), ticket: none
-tls1_3: New then Reused (server: resumed false then true), ticket: a stateful one (32 bytes)
ticket_keys: none
--- 9-keys.key

Warning: PHP Startup: fastsock.tls_ticket_key_file "CERTS/9-keys.key" holds 720 bytes; accepted is a file of 1 to 8 session ticket keys, all of 80 bytes (AES-256) or all of 48 bytes (AES-128), as nginx's ssl_session_ticket_key; no session tickets until it is mended (sessions resume through each process's session cache) in Unknown on line 0
-tls1_2: New then Reused (server: resumed false then true), ticket: none
-tls1_3: New then Reused (server: resumed false then true), ticket: a stateful one (32 bytes)
ticket_keys: none
--- missing.key

Warning: PHP Startup: fastsock.tls_ticket_key_file "CERTS/missing.key" cannot be read (No such file or directory); accepted is a file of 1 to 8 session ticket keys, all of 80 bytes (AES-256) or all of 48 bytes (AES-128), as nginx's ssl_session_ticket_key; no session tickets until it is mended (sessions resume through each process's session cache) in Unknown on line 0
-tls1_2: New then Reused (server: resumed false then true), ticket: none
-tls1_3: New then Reused (server: resumed false then true), ticket: a stateful one (32 bytes)
ticket_keys: none
--- directory.key

Warning: PHP Startup: fastsock.tls_ticket_key_file "CERTS/directory.key" is not a regular file; accepted is a file of 1 to 8 session ticket keys, all of 80 bytes (AES-256) or all of 48 bytes (AES-128), as nginx's ssl_session_ticket_key; no session tickets until it is mended (sessions resume through each process's session cache) in Unknown on line 0
-tls1_2: New then Reused (server: resumed false then true), ticket: none
-tls1_3: New then Reused (server: resumed false then true), ticket: a stateful one (32 bytes)
ticket_keys: none
--- relative/ticket.key

Warning: PHP Startup: Invalid value "relative/ticket.key" for fastsock.tls_ticket_key_file: accepted is an absolute file path, or empty for keys made by fastsock; the default is used in Unknown on line 0
-tls1_2: New then Reused (server: resumed false then true), ticket: from ticket keys
-tls1_3: New then Reused (server: resumed false then true), ticket: from ticket keys
ticket_keys: generated
