--TEST--
Signals end a stream_socket_accept($server, -1) that waits while a silent client is pending (ssl://, and a trusted peer that sends no PROXY header) as promptly as stock: SIGTERM and SIGINT without a handler end the process, SIGTERM with a pcntl handler runs it and the accept returns false with stock's "Interrupted system call"
--EXTENSIONS--
fastsock
openssl
pcntl
posix
--FILE--
<?php
require __DIR__ . '/fixtures/tls.inc';

$certs = new TlsCerts();
$certs->make('server', 'localhost');

/* The listener's accept queue is empty (the silent client was taken
 * into the pending set) and the server sleeps in poll(). */
function wait_pending(FsServer $server, int $port): bool
{
	$deadline = microtime(true) + 5;
	while (microtime(true) < $deadline) {
		$fields = preg_split('/\s+/', trim((string) shell_exec("ss -ltnH 'sport = :$port' 2>/dev/null")));
		$wchan = (string) @file_get_contents('/proc/' . $server->pid() . '/wchan');
		if (($fields[1] ?? '') === '0' && str_contains($wchan, 'poll')) {
			return true;
		}
		usleep(20000);
	}
	return false;
}

$variants = [
	'ssl://, SIGTERM, no handler' => ['ssl', SIGTERM, false],
	'PROXY, SIGINT, no handler' => ['proxy', SIGINT, false],
	'PROXY, SIGTERM, pcntl handler' => ['proxy', SIGTERM, true],
	'ssl://, SIGTERM, pcntl handler' => ['ssl', SIGTERM, true],
];
foreach ($variants as $label => [$kind, $signal, $handler]) {
	echo "=== $label\n";
	$handler = var_export($handler, true);
	$server = tls_server($certs, <<<PHP
<?php
if ($handler) {
	pcntl_async_signals(true);
	pcntl_signal(SIGTERM, function () { echo "handler ran\\n"; });
}
\$server = '$kind' === 'ssl'
	? stream_socket_server('ssl://127.0.0.1:0', \$errno, \$errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
		tls_ctx(['local_cert' => CERTS . '/server.pem']))
	: stream_socket_server('tcp://127.0.0.1:0', \$errno, \$errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
		stream_context_create(['fastsock' => ['proxy_protocol' => true, 'proxy_from' => '127.0.0.1', 'proxy_timeout' => 60]]));
stream_set_timeout(\$server, 60);
echo 'ready ', stream_socket_get_name(\$server, false), "\\n";
var_dump(stream_socket_accept(\$server, -1));
echo "accept returned\\n";
PHP, ['fastsock.tls_handshake_timeout' => 60]);
	$address = tls_address($server);
	$silent = tls_silent_client($address);
	echo 'pending: ', var_export(wait_pending($server, (int) substr(strrchr($address, ':'), 1)), true), "\n";
	$start = microtime(true);
	posix_kill($server->pid(), $signal);
	$out = tls_server_output($certs, $server, 5);
	echo $out, 'ended within 2 s: ', var_export(microtime(true) - $start < 2, true), "\n";
	fclose($silent);
}
?>
--EXPECTF--
=== ssl://, SIGTERM, no handler
pending: true
ended within 2 s: true
=== PROXY, SIGINT, no handler
pending: true
ended within 2 s: true
=== PROXY, SIGTERM, pcntl handler
pending: true

Warning: stream_socket_accept(): Accept failed: Interrupted system call in SCRIPT on line %d
handler ran
bool(false)
accept returned
ended within 2 s: true
=== ssl://, SIGTERM, pcntl handler
pending: true

Warning: stream_socket_accept(): Accept failed: Interrupted system call in SCRIPT on line %d
handler ran
bool(false)
accept returned
ended within 2 s: true
