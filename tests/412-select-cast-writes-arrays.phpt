--TEST--
select: a user-space stream whose stream_cast() writes to the arrays being walked does not make stream_select() read freed memory (stock does)
--EXTENSIONS--
fastsock
--INI--
fastsock.select=1
--FILE--
<?php
class CastWrites
{
	public $context;

	public function stream_open($path, $mode, $options, &$opened): bool
	{
		return true;
	}

	/* Grows the script's $r past several reallocations, and removes its
	 * first element, while stream_select() walks it. */
	public function stream_cast(int $as)
	{
		global $r, $ready;
		for ($i = 0; $i < 2000; $i++) {
			$r["added$i"] = $ready;
		}
		unset($r['first']);
		return $ready;
	}
}
stream_wrapper_register('castwrites', 'CastWrites');

[$ready, $peer] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
fwrite($peer, 'x');
[$idle, $idle_peer] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);

$r = ['first' => $idle, 'cast' => fopen('castwrites://x', 'r'), 'last' => $idle];
$w = $e = null;
$n = stream_select($r, $w, $e, 0);
var_dump($n >= 1, is_array($r), isset($r['cast']), isset($r['first']));
foreach ($r as $stream) {
	if (!is_resource($stream)) {
		echo "not a stream\n";
	}
}
echo "done\n";
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(false)
done
