--TEST--
select: a user-space stream whose stream_cast() fclose()s an ssl:// listener in the same read array, while connections are pending on it, does not make stream_select() drive the freed listener; it answers as stock does (EBADF for the closed descriptor, then the TypeError of the walk after the wait)
--EXTENSIONS--
fastsock
openssl
--INI--
fastsock.select=1
--FILE--
<?php
require __DIR__ . '/fixtures/hostile.inc';

class CastCloses
{
	public $context;

	public function stream_open($path, $mode, $options, &$opened): bool
	{
		return true;
	}

	public function stream_cast(int $as)
	{
		global $server, $ready;
		if (is_resource($server)) {
			fclose($server);
		}
		return $ready;
	}
}
stream_wrapper_register('castcloses', 'CastCloses');

$certs = new TlsCerts();
$certs->make('server', 'localhost');
$server = stream_socket_server('ssl://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	stream_context_create(['ssl' => ['local_cert' => $certs->path('server.pem')]]));
$address = stream_socket_get_name($server, false);
/* A silent client, taken into the pipeline by a first select. */
$silent = stream_socket_client("tcp://$address", $errno, $errstr, 5);
$r = [$server];
$w = $e = null;
var_dump(stream_select($r, $w, $e, 0, 200000));
echo 'pending on the listener: ', fastsock_info($server)['pending'], "\n";

[$ready, $peer] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
fwrite($peer, 'x');
$r = ['listener' => $server, 'cast' => fopen('castcloses://x', 'r')];
try {
	$n = stream_select($r, $w, $e, 0, 200000);
	echo 'select returned: ', var_export($n, true), "\n";
} catch (TypeError $e) {
	/* Stock meets the closed listener in its walk after the wait. */
	echo get_class($e), ': ', $e->getMessage(), "\n";
}
echo 'listener closed: ', var_export(!is_resource($server), true), "\n";
echo "done\n";
?>
--EXPECTF--
int(0)
pending on the listener: 1

Warning: stream_select(): Unable to select [9]: Bad file descriptor (max_fd=%d) in %s on line %d
TypeError: stream_select(): supplied resource is not a valid stream resource
listener closed: true
done
