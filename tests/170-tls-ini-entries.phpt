--TEST--
the TLS ini entries fastsock.tls, tls_session_cache, tls_session_timeout, tls_tickets, tls_handshake_timeout: defaults, and bad values at startup warn naming the setting and what it accepts, the default staying in effect
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$code = <<<'PHP'
<?php
foreach (['tls', 'tls_session_cache', 'tls_session_timeout', 'tls_tickets', 'tls_handshake_timeout'] as $name) {
	echo "fastsock.$name=", var_export(ini_get("fastsock.$name"), true), ' ';
}
echo "\n";
PHP;

echo "--- defaults\n", fs_run($code);
foreach ([
	['fastsock.tls', 'maybe'],
	['fastsock.tls_session_cache', 'sometimes'],
	['fastsock.tls_tickets', '2'],
	['fastsock.tls_session_timeout', '0'],
	['fastsock.tls_session_timeout', '86401'],
	['fastsock.tls_session_timeout', '5m'],
	['fastsock.tls_handshake_timeout', '-1'],
	['fastsock.tls_handshake_timeout', '86401'],
	['fastsock.tls_handshake_timeout', 'ten'],
] as [$name, $value]) {
	echo "--- $name=$value\n", fs_run($code, [$name => $value]);
}
echo "--- good values\n", fs_run($code, ['fastsock.tls' => '0', 'fastsock.tls_session_cache' => '0', 'fastsock.tls_tickets' => '0',
	'fastsock.tls_session_timeout' => '86400', 'fastsock.tls_handshake_timeout' => '0']);
echo "--- the other ends of the ranges\n", fs_run($code, ['fastsock.tls_session_timeout' => '1', 'fastsock.tls_handshake_timeout' => '86400']);
--EXPECTF--
--- defaults
fastsock.tls='1' fastsock.tls_session_cache='1' fastsock.tls_session_timeout='300' fastsock.tls_tickets='1' fastsock.tls_handshake_timeout='10' 
--- fastsock.tls=maybe

Warning: PHP Startup: Invalid value "maybe" for fastsock.tls: accepted is a boolean (1, 0, on, off, yes, no, true, false); the default is used in Unknown on line 0
fastsock.tls='1' fastsock.tls_session_cache='1' fastsock.tls_session_timeout='300' fastsock.tls_tickets='1' fastsock.tls_handshake_timeout='10' 
--- fastsock.tls_session_cache=sometimes

Warning: PHP Startup: Invalid value "sometimes" for fastsock.tls_session_cache: accepted is a boolean (1, 0, on, off, yes, no, true, false); the default is used in Unknown on line 0
fastsock.tls='1' fastsock.tls_session_cache='1' fastsock.tls_session_timeout='300' fastsock.tls_tickets='1' fastsock.tls_handshake_timeout='10' 
--- fastsock.tls_tickets=2

Warning: PHP Startup: Invalid value "2" for fastsock.tls_tickets: accepted is a boolean (1, 0, on, off, yes, no, true, false); the default is used in Unknown on line 0
fastsock.tls='1' fastsock.tls_session_cache='1' fastsock.tls_session_timeout='300' fastsock.tls_tickets='1' fastsock.tls_handshake_timeout='10' 
--- fastsock.tls_session_timeout=0

Warning: PHP Startup: Invalid value "0" for fastsock.tls_session_timeout: accepted is %S1 to 86400%S; the default is used in Unknown on line 0
fastsock.tls='1' fastsock.tls_session_cache='1' fastsock.tls_session_timeout='300' fastsock.tls_tickets='1' fastsock.tls_handshake_timeout='10' 
--- fastsock.tls_session_timeout=86401

Warning: PHP Startup: Invalid value "86401" for fastsock.tls_session_timeout: accepted is %S1 to 86400%S; the default is used in Unknown on line 0
fastsock.tls='1' fastsock.tls_session_cache='1' fastsock.tls_session_timeout='300' fastsock.tls_tickets='1' fastsock.tls_handshake_timeout='10' 
--- fastsock.tls_session_timeout=5m

Warning: PHP Startup: Invalid value "5m" for fastsock.tls_session_timeout: accepted is %S1 to 86400%S; the default is used in Unknown on line 0
fastsock.tls='1' fastsock.tls_session_cache='1' fastsock.tls_session_timeout='300' fastsock.tls_tickets='1' fastsock.tls_handshake_timeout='10' 
--- fastsock.tls_handshake_timeout=-1

Warning: PHP Startup: Invalid value "-1" for fastsock.tls_handshake_timeout: accepted is 0%S86400%S; the default is used in Unknown on line 0
fastsock.tls='1' fastsock.tls_session_cache='1' fastsock.tls_session_timeout='300' fastsock.tls_tickets='1' fastsock.tls_handshake_timeout='10' 
--- fastsock.tls_handshake_timeout=86401

Warning: PHP Startup: Invalid value "86401" for fastsock.tls_handshake_timeout: accepted is 0%S86400%S; the default is used in Unknown on line 0
fastsock.tls='1' fastsock.tls_session_cache='1' fastsock.tls_session_timeout='300' fastsock.tls_tickets='1' fastsock.tls_handshake_timeout='10' 
--- fastsock.tls_handshake_timeout=ten

Warning: PHP Startup: Invalid value "ten" for fastsock.tls_handshake_timeout: accepted is 0%S86400%S; the default is used in Unknown on line 0
fastsock.tls='1' fastsock.tls_session_cache='1' fastsock.tls_session_timeout='300' fastsock.tls_tickets='1' fastsock.tls_handshake_timeout='10' 
--- good values
fastsock.tls='0' fastsock.tls_session_cache='0' fastsock.tls_session_timeout='86400' fastsock.tls_tickets='0' fastsock.tls_handshake_timeout='0' 
--- the other ends of the ranges
fastsock.tls='1' fastsock.tls_session_cache='1' fastsock.tls_session_timeout='1' fastsock.tls_tickets='1' fastsock.tls_handshake_timeout='86400' 
