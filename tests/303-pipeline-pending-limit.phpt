--TEST--
fastsock.pending_limit (ini, default 256) and the fastsock context option pending_limit: bad values warn naming the setting and what it accepts; on an ssl:// server with pending_limit 3, six silent clients ahead of a real one are pushed out oldest first (closed, counted in pending_dropped) and the real client is served; fastsock_info() shows the limit and the connections pending
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/hostile.inc';

echo 'default: ', ini_get('fastsock.pending_limit'), "\n";
echo fs_normalize(fs_run('<?php echo ini_get("fastsock.pending_limit"), "\n";', ['fastsock.pending_limit' => 0]));
echo fs_normalize(fs_run('<?php var_dump(ini_set("fastsock.pending_limit", "65537"), ini_get("fastsock.pending_limit"));'));

$certs = new TlsCerts();
$certs->make('server', 'localhost');
$bad = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	stream_context_create(['ssl' => ['local_cert' => $certs->path('server.pem')], 'fastsock' => ['pending_limit' => 'many']]));
var_dump(is_resource($bad));
fclose($bad);

$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	stream_context_create(['ssl' => ['local_cert' => $certs->path('server.pem')], 'fastsock' => ['pending_limit' => 3]]));
$address = stream_socket_get_name($server, false);
$before = fastsock_stats();
$silent = [];
for ($i = 0; $i < 6; $i++) {
	$silent[] = stream_socket_client("tcp://$address", $errno, $errstr, 5);
}
$real = TlsPeer::php(<<<'CLIENT'
	$c = stream_socket_client("tls://$argv[1]", $errno, $errstr, 10, STREAM_CLIENT_CONNECT,
		stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]));
	echo 'real client got ', $c ? fgets($c) : "nothing: $errstr\n";
	CLIENT, [$address]);
$conn = stream_socket_accept($server, 10);
fwrite($conn, "served\n");
fclose($conn);
echo $real->output(10);
$dropped = fastsock_stats()['pending_dropped'] - $before['pending_dropped'];
echo 'dropped at least 3 (6 silent + 1 real - 3 kept): ', var_export($dropped >= 3, true), "\n";
$closed = 0;
foreach ($silent as $i => $c) {
	stream_set_timeout($c, 0, 200000);
	if (@fread($c, 1) === '' && !stream_get_meta_data($c)['timed_out']) {
		$closed++;
	}
}
echo 'silent clients closed by the server: ', $closed, ' (as many as dropped: ', var_export($closed === $dropped, true), ")\n";
echo 'the newest silent client is still pending: ', var_export(!feof($silent[5]), true), "\n";
$info = fastsock_info($server);
echo 'fastsock_info(): pending_limit ', $info['pending_limit'], ', pending at most 3: ', var_export($info['pending'] >= 1 && $info['pending'] <= 3, true), "\n";
$plain = stream_socket_server('tcp://127.0.0.1:0');
echo 'a tcp listener stages nothing: pending ', var_export(fastsock_info($plain)['pending'], true), "\n";
?>
--EXPECTF--
default: 256

Warning: PHP Startup: Invalid value "0" for fastsock.pending_limit: accepted is 1 to 65536 connections; the default is used in Unknown on line 0
256

Warning: ini_set(): Invalid value "65537" for fastsock.pending_limit: accepted is 1 to 65536 connections; the current value is kept in SCRIPT on line 1
bool(false)
string(3) "256"

Warning: stream_socket_server(): Invalid fastsock context option "pending_limit": "many" is not accepted, expected 1 to 65536 connections; the ini setting is used instead in %s on line %d
bool(true)
real client got served
dropped at least 3 (6 silent + 1 real - 3 kept): true
silent clients closed by the server: %d (as many as dropped: true)
the newest silent client is still pending: true
fastsock_info(): pending_limit 3, pending at most 3: true
a tcp listener stages nothing: pending NULL
