--TEST--
fastsock.tls_ticket_key_file replaced while two separately started servers run: a new first key encrypts within seconds and the other server resumes those tickets, a ticket under the old (now second) key still resumes and is renewed; a malformed file keeps the keys and warns once in each server; a file without the old key ends its tickets
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
$keys = [1 => random_bytes(80), 2 => random_bytes(80), 3 => random_bytes(80)];
$key_file = $certs->path('ticket.key');

/* As an operator should: a new file renamed over the old one. */
function install(TlsCerts $certs, string $bytes): void
{
	rename($certs->write('ticket.key.new', $bytes), $certs->path('ticket.key'));
}

install($certs, $keys[1]);

/* Serves until a connection to its control port; the reply says how many
 * warnings it had, and each is printed. */
$code = <<<'PHP'
<?php
$warnings = 0;
set_error_handler(function (int $type, string $message) use (&$warnings) {
	$warnings++;
	echo "  NAME warned: $message\n";
	return true;
});
$server = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	tls_ctx(['local_cert' => CERTS . '/server.pem']));
$control = stream_socket_server('tcp://127.0.0.1:0');
echo 'ready ', stream_socket_get_name($server, false), ' ', stream_socket_get_name($control, false), "\n";
for (;;) {
	$r = [$server, $control];
	$w = $e = null;
	if (stream_select($r, $w, $e, 30) < 1) {
		break;
	}
	if (in_array($control, $r, true)) {
		fclose(stream_socket_accept($control));
		break;
	}
	$conn = stream_socket_accept($server, 10);
	if ($conn) {
		fwrite($conn, "hello from NAME, warnings $warnings\n");
		while (fgets($conn) !== false) {
		}
		fclose($conn);
	}
}
echo '  NAME: ticket_keys ', fastsock_info($server)['tls']['ticket_keys'], ", warnings $warnings\n";
PHP;

$ini = ['fastsock.tls_ticket_key_file' => $key_file];
$servers = ['a' => tls_server($certs, str_replace('NAME', 'a', $code), $ini),
	'b' => tls_server($certs, str_replace('NAME', 'b', $code), $ini)];
foreach ($servers as $name => $server) {
	[$tls[$name], $control[$name]] = explode(' ', tls_address($server));
}

/* One TLS 1.2 connection: "New" or "Reused", the reply, and the ticket it
 * ended with (a resumption that renews it: the new one). */
function connect(string $address, ?string $in = null, ?string $out = null): array
{
	$args = ['-tls1_2'];
	foreach (['-sess_in' => $in, '-sess_out' => $out] as $option => $file) {
		if ($file !== null) {
			array_push($args, $option, $file);
		}
	}
	$said = tls_s_client($address, $args, '', 'hello');
	return [preg_match('/^(New|Reused), /m', $said, $m) ? $m[1] : '?',
		preg_match('/^hello from .*$/m', $said, $m) ? $m[0] : 'no reply', tls_ticket_in($said)];
}

/* Is a ticket under that key (its name first)? */
function under(string $ticket, string $key): bool
{
	return substr($ticket, 0, 16) === substr($key, 0, 16);
}

/* Tries $attempt until it returns true: a key file is looked at once a
 * second, so a change shows within a few connections. Bounded. */
function eventually(callable $attempt): string
{
	$deadline = microtime(true) + 15;
	for ($i = 0; $i < 300 && microtime(true) < $deadline; $i++) {
		if ($attempt()) {
			return 'yes';
		}
	}
	return 'no';
}

$s1 = $certs->path('s1.sess');
$s2 = $certs->path('s2.sess');
$s3 = $certs->path('s3.sess');

echo 'key 1: a issues under it: ', var_export(under(connect($tls['a'], null, $s1)[2], $keys[1]), true),
	'; b resumes: ', connect($tls['b'], $s1)[0], "\n";

install($certs, $keys[2] . $keys[1]);
echo 'key 2 first, key 1 after: a issues under key 2: ',
	eventually(fn () => under(connect($tls['a'], null, $s2)[2], $keys[2])),
	'; b resumes those: ', eventually(fn () => connect($tls['b'], $s2)[0] === 'Reused'), "\n";
foreach (['a', 'b'] as $name) {
	[$state, , $ticket] = connect($tls[$name], $s1);
	echo "  the ticket under key 1 on $name: $state, renewed under key 2: ", var_export(under($ticket, $keys[2]), true), "\n";
}

install($certs, random_bytes(81));
$all_resumed = true;
echo 'malformed (81 bytes): both warned: ', eventually(function () use ($tls, $s2, &$all_resumed) {
	$warned = 0;
	foreach ($tls as $address) {
		[$state, $reply] = connect($address, $s2);
		$all_resumed = $all_resumed && $state === 'Reused';
		$warned += str_ends_with($reply, 'warnings 1');
	}
	return $warned === 2;
}), '; meanwhile the tickets under key 2 all resumed: ', var_export($all_resumed, true), "\n";

install($certs, $keys[3]);
echo 'key 3 alone: a issues under it: ', eventually(fn () => under(connect($tls['a'], null, $s3)[2], $keys[3])),
	'; b resumes those: ', eventually(fn () => connect($tls['b'], $s3)[0] === 'Reused'),
	'; the ticket under key 1: ', connect($tls['a'], $s1)[0], ' on a, ', connect($tls['b'], $s1)[0], " on b\n";

foreach ($servers as $name => $server) {
	$quit = stream_socket_client("tcp://$control[$name]", $errno, $errstr, 5);
	echo tls_server_output($certs, $server);
	fclose($quit);
}
--EXPECTF--
key 1: a issues under it: true; b resumes: Reused
key 2 first, key 1 after: a issues under key 2: yes; b resumes those: yes
  the ticket under key 1 on a: Reused, renewed under key 2: true
  the ticket under key 1 on b: Reused, renewed under key 2: true
malformed (81 bytes): both warned: yes; meanwhile the tickets under key 2 all resumed: true
key 3 alone: a issues under it: yes; b resumes those: yes; the ticket under key 1: New on a, New on b
  a warned: stream_socket_accept(): fastsock.tls_ticket_key_file "CERTS/ticket.key" holds 81 bytes; accepted is a file of 1 to 8 session ticket keys, all of 80 bytes (AES-256) or all of 48 bytes (AES-128), as nginx's ssl_session_ticket_key; the keys read before stay in use
  a: ticket_keys file, warnings 1
  b warned: stream_socket_accept(): fastsock.tls_ticket_key_file "CERTS/ticket.key" holds 81 bytes; accepted is a file of 1 to 8 session ticket keys, all of 80 bytes (AES-256) or all of 48 bytes (AES-128), as nginx's ssl_session_ticket_key; the keys read before stay in use
  b: ticket_keys file, warnings 1
