--TEST--
PROXY v2 from a trusted source: IPv4 and IPv6 addresses, and the TLVs users need in fastsock_info($conn)['proxy'] (ALPN, authority, unique id, the SSL TLV with client-certificate flags and sub-TLVs, a checked CRC32C); the bytes after the header are the script's
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/proxy.inc';

$server = pp_server(['proxy_protocol' => true, 'proxy_from' => '127.0.0.0/8']);
$tlvs = pp_tlv(0x01, 'h2') . pp_tlv(0x02, 'example.com') . pp_tlv(0x04, str_repeat("\0", 3))
	. pp_tlv(0x05, "\x01\x02id-42")
	. pp_ssl_tlv(0x07, 0, [0x21 => 'TLSv1.3', 0x22 => 'client.example', 0x23 => 'TLS_AES_128_GCM_SHA256',
		0x24 => 'SHA256', 0x25 => 'RSA2048']);
$cases = [
	'v2 INET with TLVs and CRC32C' => pp_v2('PROXY', '192.0.2.10', '192.0.2.20', 51000, 8443, $tlvs, 1, true),
	'v2 INET6, no TLVs' => pp_v2('PROXY', '2001:db8::10', '2001:db8::20', 52000, 443),
	'v2 over UDP (transport DGRAM)' => pp_v2('PROXY', '192.0.2.11', '192.0.2.21', 53, 53, '', 2),
	'v2 SSL TLV without a verified certificate' => pp_v2('PROXY', '192.0.2.12', '192.0.2.22', 1, 2,
		pp_ssl_tlv(0x01, 1, [])),
];
foreach ($cases as $label => $header) {
	$before = fastsock_stats();
	$client = pp_send($server, $header . "after the header\n");
	$conn = stream_socket_accept($server, 5, $peer);
	echo "$label\n  peer: $peer, get_name: ", stream_socket_get_name($conn, true), "\n";
	echo '  data: ', fgets($conn);
	echo '  ', json_encode(fastsock_info($conn)['proxy']), "\n";
	echo '  ', pp_counted($before);
	fclose($client);
	fclose($conn);
}
?>
--EXPECT--
v2 INET with TLVs and CRC32C
  peer: 192.0.2.10:51000, get_name: 192.0.2.10:51000
  data: after the header
  {"version":2,"local":false,"source":"192.0.2.10:51000","destination":"192.0.2.20:8443","transport":"tcp4","alpn":"h2","authority":"example.com","unique_id":"\u0001\u0002id-42","netns":null,"ssl":{"client_ssl":true,"client_cert_conn":true,"client_cert_sess":true,"verified":true,"version":"TLSv1.3","cn":"client.example","cipher":"TLS_AES_128_GCM_SHA256","sig_alg":"SHA256","key_alg":"RSA2048"}}
  proxy_headers +1, proxy_local +0, proxy_rejected +0, proxy_timeouts +0, connections_accepted +1
v2 INET6, no TLVs
  peer: [2001:db8::10]:52000, get_name: [2001:db8::10]:52000
  data: after the header
  {"version":2,"local":false,"source":"[2001:db8::10]:52000","destination":"[2001:db8::20]:443","transport":"tcp6","alpn":null,"authority":null,"unique_id":null,"netns":null,"ssl":null}
  proxy_headers +1, proxy_local +0, proxy_rejected +0, proxy_timeouts +0, connections_accepted +1
v2 over UDP (transport DGRAM)
  peer: 192.0.2.11:53, get_name: 192.0.2.11:53
  data: after the header
  {"version":2,"local":false,"source":"192.0.2.11:53","destination":"192.0.2.21:53","transport":"udp4","alpn":null,"authority":null,"unique_id":null,"netns":null,"ssl":null}
  proxy_headers +1, proxy_local +0, proxy_rejected +0, proxy_timeouts +0, connections_accepted +1
v2 SSL TLV without a verified certificate
  peer: 192.0.2.12:1, get_name: 192.0.2.12:1
  data: after the header
  {"version":2,"local":false,"source":"192.0.2.12:1","destination":"192.0.2.22:2","transport":"tcp4","alpn":null,"authority":null,"unique_id":null,"netns":null,"ssl":{"client_ssl":true,"client_cert_conn":false,"client_cert_sess":false,"verified":false,"version":null,"cn":null,"cipher":null,"sig_alg":null,"key_alg":null}}
  proxy_headers +1, proxy_local +0, proxy_rejected +0, proxy_timeouts +0, connections_accepted +1
