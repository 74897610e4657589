--TEST--
socket context backlog that PHP must convert (an object, a numeric string): the same single warning and backlog as on stock
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

fs_compare(<<<'PHP'
<?php
foreach ([new stdClass, '12abc', 5.9, [1]] as $backlog) {
	$ctx = stream_context_create(['socket' => ['backlog' => $backlog]]);
	$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
	$port = (int) substr(strrchr(stream_socket_get_name($server, false), ':'), 1);
	$line = trim((string) shell_exec(sprintf("ss -Hltn 'sport = :%d'", $port)));
	echo get_debug_type($backlog), ': ', $server !== false ? 'created' : 'failed', ', backlog ', preg_split('/\s+/', $line)[2] ?? '?', "\n";
}
PHP);
--EXPECTF--
same

Warning: Object of class stdClass could not be converted to int in SCRIPT on line %d
stdClass: created, backlog 1
string: created, backlog 12
float: created, backlog 5
array: created, backlog 1
