--TEST--
read path: a non-blocking stream_select() echo server reading with fread($c, 8192) never waits (as stock)
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/readstall.inc';

rs_matrix('fread:8192', ['nonblocking' => true]);
--EXPECT--
fread($conn, 8192) in a non-blocking stream_select() echo loop, default_socket_timeout=5:
      100 B: stock no stall; fastsock same
    8,192 B: stock no stall; fastsock same
   12,000 B: stock no stall; fastsock same
  100,000 B: stock no stall; fastsock same
1,000,000 B: stock no stall; fastsock same
