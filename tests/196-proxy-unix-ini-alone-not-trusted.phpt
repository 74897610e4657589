--TEST--
PROXY protocol on unix:// servers needs the server's own opt-in: with fastsock.proxy_protocol=1 in php.ini alone, a unix server trusts no local peer's header (it is served as data, the peer stays unnamed, no header counted); the fastsock context option proxy_protocol turns it on for that server
--EXTENSIONS--
fastsock
--INI--
fastsock.proxy_protocol=1
--FILE--
<?php
require __DIR__ . '/fixtures/proxy.inc';

foreach (['ini alone' => [], 'context option' => ['fastsock' => ['proxy_protocol' => true]]] as $label => $options) {
	$path = sys_get_temp_dir() . '/fastsock-proxy-' . getmypid() . '.sock';
	$server = stream_socket_server("unix://$path", $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
		stream_context_create($options));
	$before = fastsock_stats();
	$client = stream_socket_client("unix://$path", $errno, $errstr, 5);
	fwrite($client, "PROXY TCP4 198.51.100.9 198.51.100.1 61000 443\r\nhello\n");
	$conn = stream_socket_accept($server, 5, $peer);
	echo "$label: served by ", fastsock_info($server)['transport'], ', proxy_protocol ',
		var_export(fastsock_info($server)['proxy_protocol'], true), ", peer '$peer', first line: ", trim(fgets($conn)), "\n";
	echo '  ', pp_counted($before);
	fclose($client);
	fclose($conn);
	fclose($server);
	unlink($path);
}
?>
--EXPECT--
ini alone: served by unix, proxy_protocol false, peer '', first line: PROXY TCP4 198.51.100.9 198.51.100.1 61000 443
  proxy_headers +0, proxy_local +0, proxy_rejected +0, proxy_timeouts +0, connections_accepted +1
context option: served by unix, proxy_protocol true, peer '198.51.100.9:61000', first line: hello
  proxy_headers +1, proxy_local +0, proxy_rejected +0, proxy_timeouts +0, connections_accepted +1
