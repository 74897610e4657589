--TEST--
PROXY headers are believed only from proxy_from: from another source, or with proxy_protocol off, a header is data and the peer is the real one
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/proxy.inc';

$forged = pp_v1('TCP4', '6.6.6.6', '127.0.0.1', 666, 80);
$cases = [
	'from 127.0.0.2, trusted is 127.0.0.1' => [['proxy_protocol' => true, 'proxy_from' => '127.0.0.1'], '127.0.0.2'],
	'from 127.0.0.1, trusted is 10.0.0.0/8' => [['proxy_protocol' => true, 'proxy_from' => '10.0.0.0/8'], '127.0.0.1'],
	'proxy_protocol off' => [['proxy_from' => '127.0.0.1'], '127.0.0.1'],
];
foreach ($cases as $label => [$options, $source]) {
	$server = pp_server($options);
	$before = fastsock_stats();
	$client = pp_send($server, $forged . "data\n", $source);
	$conn = stream_socket_accept($server, 5, $peer);
	echo "$label\n  peer: ", preg_replace('/:\d+$/', ':PORT', $peer),
		', get_name: ', preg_replace('/:\d+$/', ':PORT', stream_socket_get_name($conn, true)), "\n";
	echo '  read: ', json_encode(fgets($conn)), ' ', json_encode(fgets($conn)), "\n";
	echo '  proxy: ', json_encode(fastsock_info($conn)['proxy']), "\n";
	echo '  ', pp_counted($before);
	fclose($client);
	fclose($conn);
	fclose($server);
}
?>
--EXPECT--
from 127.0.0.2, trusted is 127.0.0.1
  peer: 127.0.0.2:PORT, get_name: 127.0.0.2:PORT
  read: "PROXY TCP4 6.6.6.6 127.0.0.1 666 80\r\n" "data\n"
  proxy: null
  proxy_headers +0, proxy_local +0, proxy_rejected +0, proxy_timeouts +0, connections_accepted +1
from 127.0.0.1, trusted is 10.0.0.0/8
  peer: 127.0.0.1:PORT, get_name: 127.0.0.1:PORT
  read: "PROXY TCP4 6.6.6.6 127.0.0.1 666 80\r\n" "data\n"
  proxy: null
  proxy_headers +0, proxy_local +0, proxy_rejected +0, proxy_timeouts +0, connections_accepted +1
proxy_protocol off
  peer: 127.0.0.1:PORT, get_name: 127.0.0.1:PORT
  read: "PROXY TCP4 6.6.6.6 127.0.0.1 666 80\r\n" "data\n"
  proxy: null
  proxy_headers +0, proxy_local +0, proxy_rejected +0, proxy_timeouts +0, connections_accepted +1
