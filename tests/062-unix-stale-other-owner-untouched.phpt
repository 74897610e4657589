--TEST--
stale unix socket: as root, another user's stale socket file is left alone and bind fails exactly as in stock; once the file is root's, it is replaced
--EXTENSIONS--
fastsock
--SKIPIF--
<?php
if (PHP_OS_FAMILY === "Windows") die("skip unix sockets");
$probe = tempnam(sys_get_temp_dir(), 'fastsock-test-062-');
$root = fileowner($probe) === 0;
unlink($probe);
if (!$root) die("skip needs root, to give a stale socket file to another user");
?>
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$path = sys_get_temp_dir() . '/fastsock-test-062-' . getmypid() . '.sock';
@unlink($path);

/* A server that is gone left its file behind, and the file is nobody's. */
$gone = stream_socket_server("unix://$path");
fclose($gone);
chown($path, 65534);
chgrp($path, 65534);

$code = <<<PHP
<?php
\$server = stream_socket_server('unix://$path', \$errno, \$errstr);
var_dump(\$server, \$errno, \$errstr);
clearstatcache();
var_dump(filetype('$path'), fileowner('$path'));
/* A server that binds, so the run shows whose transports served it. */
fclose(stream_socket_server('tcp://127.0.0.1:0'));
PHP;
fs_compare($code);

/* The same file, now root's: fastsock replaces it. */
chown($path, 0);
$server = stream_socket_server("unix://$path", $errno, $errstr);
var_dump(is_resource($server), $errno, $errstr);
$client = stream_socket_client("unix://$path", $errno, $errstr, 5);
$conn = stream_socket_accept($server, 5);
fwrite($client, "hello\n");
var_dump(fgets($conn));
fclose($server);
unlink($path);
var_dump(file_exists($path));
?>
--EXPECTF--
same

Warning: stream_socket_server(): Unable to connect to unix://%s (Unknown error) in SCRIPT on line 2
bool(false)
int(0)
string(0) ""
string(6) "socket"
int(65534)
bool(true)
int(0)
string(0) ""
string(6) "hello
"
bool(false)
