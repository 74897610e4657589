--TEST--
read path: a blocking stream_select() echo server reading with stream_get_line($c, 8192, "\n") never waits (as stock)
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/readstall.inc';

rs_matrix('stream_get_line:8192');
--EXPECT--
stream_get_line($conn, 8192, "\n") in a blocking stream_select() echo loop, default_socket_timeout=5:
      100 B: stock no stall; fastsock same
    8,192 B: stock no stall; fastsock same
   12,000 B: stock no stall; fastsock same
  100,000 B: stock no stall; fastsock same
1,000,000 B: stock no stall; fastsock same
