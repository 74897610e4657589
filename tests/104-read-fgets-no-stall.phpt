--TEST--
read path: a blocking stream_select() echo server reading lines with fgets($c) or fgets($c, 8192) never waits (as stock)
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/readstall.inc';

rs_matrix('fgets');
rs_matrix('fgets:8192');
--EXPECT--
fgets($conn) in a blocking stream_select() echo loop, default_socket_timeout=5:
      100 B: stock no stall; fastsock same
    8,192 B: stock no stall; fastsock same
   12,000 B: stock no stall; fastsock same
  100,000 B: stock no stall; fastsock same
1,000,000 B: stock no stall; fastsock same
fgets($conn, 8192) in a blocking stream_select() echo loop, default_socket_timeout=5:
      100 B: stock no stall; fastsock same
    8,192 B: stock no stall; fastsock same
   12,000 B: stock no stall; fastsock same
  100,000 B: stock no stall; fastsock same
1,000,000 B: stock no stall; fastsock same
