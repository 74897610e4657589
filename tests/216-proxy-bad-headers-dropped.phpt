--TEST--
A trusted peer with a malformed, truncated or oversized PROXY header, or none, is closed and counted (one that closes without a byte as a health check), and the same stream_socket_accept() returns the next connection as if the bad ones had never come; no descriptor is left behind
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/proxy.inc';

$bad = [
	'an HTTP request' => "GET / HTTP/1.1\r\nHost: x\r\n\r\n",
	'a TLS ClientHello' => "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",
	'v1 with a field missing' => "PROXY TCP4 192.0.2.1 192.0.2.2 1000\r\n",
	'v1 with an IPv6 address for TCP4' => "PROXY TCP4 ::1 ::1 1000 2000\r\n",
	'v1 with port 65536' => "PROXY TCP4 192.0.2.1 192.0.2.2 65536 80\r\n",
	'v1 longer than 107 bytes' => 'PROXY UNKNOWN ' . str_repeat('x', 100) . "\r\n",
	'v1 without CRLF, then closed' => 'PROXY TCP4 192.0.2.1 192.0.2.2 1000 2000',
	'v1 with a bare LF' => "PROXY TCP4 192.0.2.1 192.0.2.2 1000 2000\n",
	'v2 version 3' => "\r\n\r\n\0\r\nQUIT\n\x31\x11\x00\x0c" . str_repeat("\1", 12),
	'v2 command 2' => "\r\n\r\n\0\r\nQUIT\n\x22\x11\x00\x0c" . str_repeat("\1", 12),
	'v2 INET with 8 address bytes' => "\r\n\r\n\0\r\nQUIT\n\x21\x11\x00\x08" . str_repeat("\1", 8),
	'v2 family 4' => "\r\n\r\n\0\r\nQUIT\n\x21\x41\x00\x0c" . str_repeat("\1", 12),
	'v2 truncated, then closed' => substr(pp_v2('PROXY', '192.0.2.1', '192.0.2.2', 1, 2), 0, 20),
	'v2 TLV past the end' => pp_v2('PROXY', '192.0.2.1', '192.0.2.2', 1, 2, "\x01\x00\x09h2"),
	'v2 bad CRC32C' => pp_v2('PROXY', '192.0.2.1', '192.0.2.2', 1, 2, '', 1, 'bad'),
	'v2 UNIQUE_ID of 129 bytes' => pp_v2('PROXY', '192.0.2.1', '192.0.2.2', 1, 2, pp_tlv(0x05, str_repeat('u', 129))),
	'connected and closed without a byte' => '',
];

$server = pp_server(['proxy_protocol' => true, 'proxy_from' => '127.0.0.1']);
$fds = pp_open_fds();
$before = fastsock_stats();
$clients = [];
foreach ($bad as $label => $bytes) {
	$clients[$label] = pp_send($server, $bytes);
	/* These peers stop sending: the server must not wait for more. */
	if (str_contains($label, 'closed')) {
		stream_socket_shutdown($clients[$label], STREAM_SHUT_WR);
	}
}
/* The biggest header the spec allows is fine. */
$good = pp_send($server, pp_v2('PROXY', '192.0.2.99', '192.0.2.2', 4242, 80,
	pp_tlv(0x04, str_repeat("\0", 65535 - 12 - 3))) . "served\n");
$conn = stream_socket_accept($server, 5, $peer);
echo "accepted: $peer, ", fgets($conn);
echo pp_counted($before);
echo 'proxy_health_checks +', fastsock_stats()['proxy_health_checks'] - $before['proxy_health_checks'], "\n";

foreach ($clients as $label => $client) {
	stream_set_timeout($client, 5);
	/* A reset (the server closed with bytes unread) or an EOF. */
	$got = @fread($client, 100);
	printf("%-40s %s\n", $label, $got === '' || $got === false ? 'closed by the server' : 'NOT CLOSED: ' . json_encode($got));
	fclose($client);
}
fclose($good);
fclose($conn);
var_dump(pp_open_fds() - $fds);
?>
--EXPECT--
accepted: 192.0.2.99:4242, served
proxy_headers +1, proxy_local +0, proxy_rejected +16, proxy_timeouts +0, connections_accepted +1
proxy_health_checks +1
an HTTP request                          closed by the server
a TLS ClientHello                        closed by the server
v1 with a field missing                  closed by the server
v1 with an IPv6 address for TCP4         closed by the server
v1 with port 65536                       closed by the server
v1 longer than 107 bytes                 closed by the server
v1 without CRLF, then closed             closed by the server
v1 with a bare LF                        closed by the server
v2 version 3                             closed by the server
v2 command 2                             closed by the server
v2 INET with 8 address bytes             closed by the server
v2 family 4                              closed by the server
v2 truncated, then closed                closed by the server
v2 TLV past the end                      closed by the server
v2 bad CRC32C                            closed by the server
v2 UNIQUE_ID of 129 bytes                closed by the server
connected and closed without a byte      closed by the server
int(0)
