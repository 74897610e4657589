--TEST--
fastsock_stats(): accept_errors counts a failed accept (EMFILE) but not an accept that timed out
--EXTENSIONS--
fastsock
posix
--SKIPIF--
<?php
if (!is_dir('/proc/self/fd')) die("skip needs /proc/self/fd to find the highest descriptor in use");
/* valgrind enforces its own descriptor limit by closing what accept()
 * returned, so the pending connection would be gone. run-tests -m sets
 * USE_ZEND_ALLOC=0; so does tests/asan/run (with SKIP_ASAN), where this works. */
if (getenv('USE_ZEND_ALLOC') === '0' && !getenv('SKIP_ASAN')) die("skip under valgrind (run-tests -m)");
?>
--FILE--
<?php
$server = stream_socket_server('tcp://127.0.0.1:0');

var_dump(@stream_socket_accept($server, 0.1));
stream_set_blocking($server, false);
var_dump(@stream_socket_accept($server, 0));
stream_set_blocking($server, true);
var_dump(fastsock_stats()['accept_errors']);

/* A pending connection, and no descriptor left to accept it with. */
$client = stream_socket_client('tcp://' . stream_socket_get_name($server, false));
$limits = posix_getrlimit();
$highest = max(array_map('intval', array_diff(scandir('/proc/self/fd'), ['.', '..'])));
posix_setrlimit(POSIX_RLIMIT_NOFILE, $highest + 8, (int) $limits['hard openfiles']);
$hold = [];
for ($i = 0; $i < $highest + 8 && ($f = @fopen('/dev/null', 'r')); $i++) {
	$hold[] = $f;
}
$conn = stream_socket_accept($server, 1);
$hold = [];
posix_setrlimit(POSIX_RLIMIT_NOFILE, (int) $limits['soft openfiles'], (int) $limits['hard openfiles']);
var_dump($conn, fastsock_stats()['accept_errors']);

/* The connection is still there once descriptors are free again. */
var_dump(stream_socket_accept($server, 1) !== false, fastsock_stats()['connections_accepted']);
--EXPECTF--
bool(false)
bool(false)
int(0)

Warning: stream_socket_accept(): Accept failed: Too many open files in %s on line %d
bool(false)
int(1)
bool(true)
int(1)
