--TEST--
fastsock_info() on a closed stream or a resource that is no stream throws TypeError, as stock stream functions do
--EXTENSIONS--
fastsock
--FILE--
<?php
/* Its own temp dir, and nothing left behind however the test ends. */
require __DIR__ . '/fixtures/harness.inc';
$server = stream_socket_server('tcp://127.0.0.1:0');
fclose($server);
foreach (['fastsock_info', 'stream_get_meta_data'] as $fn) {
	try {
		$fn($server);
	} catch (TypeError $e) {
		echo get_class($e), ': ', $e->getMessage(), "\n";
	}
}
$proc = proc_open([PHP_BINARY, '-n', '-r', ''], [], $pipes);
foreach (['fastsock_info', 'stream_get_meta_data'] as $fn) {
	try {
		$fn($proc);
	} catch (TypeError $e) {
		echo get_class($e), ': ', $e->getMessage(), "\n";
	}
}
proc_close($proc);
try {
	fastsock_info('tcp://127.0.0.1:80');
} catch (TypeError $e) {
	echo get_class($e), ': ', $e->getMessage(), "\n";
}
--EXPECT--
TypeError: fastsock_info(): supplied resource is not a valid stream resource
TypeError: stream_get_meta_data(): supplied resource is not a valid stream resource
TypeError: fastsock_info(): supplied resource is not a valid stream resource
TypeError: stream_get_meta_data(): supplied resource is not a valid stream resource
TypeError: fastsock_info(): Argument #1 ($stream) must be of type resource, string given
