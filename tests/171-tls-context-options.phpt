--TEST--
the fastsock context options tls_session_cache, tls_session_timeout, tls_tickets, tls_handshake_timeout on ssl:// and tls:// servers: good values show in fastsock_info($server)['tls'], bad ones warn naming the option and the accepted values, and the ini setting is used
--EXTENSIONS--
fastsock
openssl
--INI--
fastsock.tls_session_timeout=120
fastsock.tls_handshake_timeout=7
--FILE--
<?php
function try_options(string $scheme, array $options): void
{
	$server = stream_socket_server("$scheme://127.0.0.1:0", $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
		stream_context_create(['fastsock' => $options]));
	$info = fastsock_info($server);
	$tls = $info['tls'];
	unset($tls['contexts_built'], $tls['contexts_reused']);
	echo "$scheme:// ", json_encode($options), ': ', json_encode($tls), "\n";
}

try_options('ssl', []);
try_options('tls', []);
try_options('ssl', ['tls_session_cache' => false, 'tls_tickets' => '0', 'tls_session_timeout' => 60, 'tls_handshake_timeout' => 0]);
try_options('tls', ['tls_session_cache' => 'off', 'tls_tickets' => 'no', 'tls_session_timeout' => '86400', 'tls_handshake_timeout' => '1']);
try_options('ssl', ['tls_session_timeout' => 1, 'tls_handshake_timeout' => 86400]);

try_options('ssl', ['tls_session_timeout' => 0]);
try_options('ssl', ['tls_session_timeout' => 86401]);
try_options('ssl', ['tls_session_timeout' => '5 minutes']);
try_options('ssl', ['tls_handshake_timeout' => -1]);
try_options('ssl', ['tls_handshake_timeout' => 86401]);
try_options('ssl', ['tls_handshake_timeout' => [1]]);
try_options('ssl', ['tls_session_cache' => 'maybe']);
try_options('ssl', ['tls_tickets' => 2]);
try_options('ssl', ['tls_handshake_timeout' => 'x', 'tls_tickets' => false]);

echo "plain tcp:// server: ", var_export(fastsock_info(stream_socket_server('tcp://127.0.0.1:0'))['tls'], true), "\n";
--EXPECTF--
ssl:// []: {"session_cache":true,"tickets":true,"ticket_keys":"generated","session_timeout":120,"handshake_timeout":7}
tls:// []: {"session_cache":true,"tickets":true,"ticket_keys":"generated","session_timeout":120,"handshake_timeout":7}
ssl:// {"tls_session_cache":false,"tls_tickets":"0","tls_session_timeout":60,"tls_handshake_timeout":0}: {"session_cache":false,"tickets":false,"ticket_keys":"none","session_timeout":60,"handshake_timeout":0}
tls:// {"tls_session_cache":"off","tls_tickets":"no","tls_session_timeout":"86400","tls_handshake_timeout":"1"}: {"session_cache":false,"tickets":false,"ticket_keys":"none","session_timeout":86400,"handshake_timeout":1}
ssl:// {"tls_session_timeout":1,"tls_handshake_timeout":86400}: {"session_cache":true,"tickets":true,"ticket_keys":"generated","session_timeout":1,"handshake_timeout":86400}

Warning: stream_socket_server(): Invalid fastsock context option "tls_session_timeout": 0 is not accepted, expected %S1 to 86400%S; the ini setting is used instead in %s on line %d
ssl:// {"tls_session_timeout":0}: {"session_cache":true,"tickets":true,"ticket_keys":"generated","session_timeout":120,"handshake_timeout":7}

Warning: stream_socket_server(): Invalid fastsock context option "tls_session_timeout": 86401 is not accepted, expected %S1 to 86400%S; the ini setting is used instead in %s on line %d
ssl:// {"tls_session_timeout":86401}: {"session_cache":true,"tickets":true,"ticket_keys":"generated","session_timeout":120,"handshake_timeout":7}

Warning: stream_socket_server(): Invalid fastsock context option "tls_session_timeout": "5 minutes" is not accepted, expected %S1 to 86400%S; the ini setting is used instead in %s on line %d
ssl:// {"tls_session_timeout":"5 minutes"}: {"session_cache":true,"tickets":true,"ticket_keys":"generated","session_timeout":120,"handshake_timeout":7}

Warning: stream_socket_server(): Invalid fastsock context option "tls_handshake_timeout": -1 is not accepted, expected 0%S86400%S; the ini setting is used instead in %s on line %d
ssl:// {"tls_handshake_timeout":-1}: {"session_cache":true,"tickets":true,"ticket_keys":"generated","session_timeout":120,"handshake_timeout":7}

Warning: stream_socket_server(): Invalid fastsock context option "tls_handshake_timeout": 86401 is not accepted, expected 0%S86400%S; the ini setting is used instead in %s on line %d
ssl:// {"tls_handshake_timeout":86401}: {"session_cache":true,"tickets":true,"ticket_keys":"generated","session_timeout":120,"handshake_timeout":7}

Warning: stream_socket_server(): Invalid fastsock context option "tls_handshake_timeout": array is not accepted, expected 0%S86400%S; the ini setting is used instead in %s on line %d
ssl:// {"tls_handshake_timeout":[1]}: {"session_cache":true,"tickets":true,"ticket_keys":"generated","session_timeout":120,"handshake_timeout":7}

Warning: stream_socket_server(): Invalid fastsock context option "tls_session_cache": "maybe" is not accepted, expected a boolean (1, 0, on, off, yes, no, true, false); the ini setting is used instead in %s on line %d
ssl:// {"tls_session_cache":"maybe"}: {"session_cache":true,"tickets":true,"ticket_keys":"generated","session_timeout":120,"handshake_timeout":7}

Warning: stream_socket_server(): Invalid fastsock context option "tls_tickets": 2 is not accepted, expected a boolean (1, 0, on, off, yes, no, true, false); the ini setting is used instead in %s on line %d
ssl:// {"tls_tickets":2}: {"session_cache":true,"tickets":true,"ticket_keys":"generated","session_timeout":120,"handshake_timeout":7}

Warning: stream_socket_server(): Invalid fastsock context option "tls_handshake_timeout": "x" is not accepted, expected 0%S86400%S; the ini setting is used instead in %s on line %d
ssl:// {"tls_handshake_timeout":"x","tls_tickets":false}: {"session_cache":true,"tickets":false,"ticket_keys":"none","session_timeout":120,"handshake_timeout":7}
plain tcp:// server: NULL
