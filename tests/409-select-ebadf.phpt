--TEST--
select: a stream whose descriptor was closed behind PHP's back fails as stock's select() does (EBADF)
--SKIPIF--
<?php
require __DIR__ . '/fixtures/select.inc';
select_skipif();
if (!extension_loaded('ffi') && !is_file(PHP_EXTENSION_DIR . '/ffi.so')) die('skip needs FFI to close a descriptor');
$enable = extension_loaded('ffi') ? ini_get('ffi.enable') : (get_cfg_var('ffi.enable') ?: 'preload');
if (!in_array(strtolower($enable), ['1', 'preload', 'on', 'true'], true)) die('skip ffi.enable is off');
if (!is_dir('/proc/self/fd')) die('skip needs /proc/self/fd');
?>
--FILE--
<?php
require __DIR__ . '/fixtures/select.inc';

function fd_of_path(string $path): int
{
    foreach (scandir('/proc/self/fd') as $fd) {
        if ($fd[0] !== '.' && @readlink("/proc/self/fd/$fd") === $path) {
            return (int) $fd;
        }
    }
    exit("no descriptor for $path\n");
}

select_diff(function () {
    $path = realpath(tempnam(sys_get_temp_dir(), 'fastsock-select'));
    [$a, $a2] = select_pair();
    $file = fopen($path, 'r');
    fwrite($a2, 'x');
    FFI::cdef('int close(int fd);')->close(fd_of_path($path));

    $r = ['a' => $a, 'file' => $file];
    $n = null;
    select_show('result', stream_select($r, $n, $n, 0));
    select_show('read is untouched', array_keys($r));
    $w = [$file];
    select_show('in write, with a timeout', stream_select($n, $w, $n, 5));
    unlink($path);
}, extension_loaded('ffi') ? [] : ['extension=' . PHP_EXTENSION_DIR . '/ffi.so']);
?>
--EXPECTF--
same

Warning: stream_select(): Unable to select [9]: Bad file descriptor (max_fd=%d) in %s on line %d
result: false
read is untouched: [0=>'a', 1=>'file']

Warning: stream_select(): Unable to select [9]: Bad file descriptor (max_fd=%d) in %s on line %d
in write, with a timeout: false
