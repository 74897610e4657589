--TEST--
phpinfo(): the fastsock section's Transports line names every fast+ transport stream_get_transports() lists (tcp, udp, unix, udg, and the TLS ones ext/openssl registered), and none with fastsock.enable=0
--EXTENSIONS--
fastsock
openssl
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$code = <<<'PHP'
<?php
ob_start();
phpinfo(INFO_MODULES);
preg_match('/^Transports => (.*)$/m', ob_get_clean(), $m);
$shown = $m[1] ?? 'no Transports line';
$registered = array_values(array_filter(stream_get_transports(), fn($t) => str_starts_with($t, 'fast+')));
echo "phpinfo: $shown\n";
echo 'stream_get_transports(): ', implode(', ', $registered) ?: 'none', "\n";
PHP;
echo fs_run($code);
echo fs_run($code, ['fastsock.enable' => 0]);
?>
--EXPECT--
phpinfo: fast+tcp, fast+udp, fast+unix, fast+udg, fast+ssl, fast+tls, fast+tlsv1.0, fast+tlsv1.1, fast+tlsv1.2, fast+tlsv1.3
stream_get_transports(): fast+tcp, fast+udp, fast+unix, fast+udg, fast+ssl, fast+tls, fast+tlsv1.0, fast+tlsv1.1, fast+tlsv1.2, fast+tlsv1.3
phpinfo: none
stream_get_transports(): none
