--TEST--
stats: a signal that interrupts stream_socket_accept() gives stock's warning and is not an accept error
--EXTENSIONS--
fastsock
pcntl
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

fs_compare(<<<'PHP'
<?php
pcntl_signal(SIGALRM, function () { echo "SIGALRM handled\n"; });
$server = stream_socket_server('tcp://127.0.0.1:0');
pcntl_alarm(1);
var_dump(stream_socket_accept($server, 10));
pcntl_signal_dispatch();
var_dump(fastsock_stats()['accept_errors']);
PHP);
--EXPECTF--
same

Warning: stream_socket_accept(): Accept failed: Interrupted system call in %s on line %d
bool(false)
SIGALRM handled
int(0)
