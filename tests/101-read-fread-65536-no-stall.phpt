--TEST--
read path: a blocking stream_select() echo server reading with fread($c, 65536) never waits for data the client will not send (as stock)
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/readstall.inc';

rs_matrix('fread:65536');
--EXPECT--
fread($conn, 65536) in a blocking stream_select() echo loop, default_socket_timeout=5:
      100 B: stock no stall; fastsock same
    8,192 B: stock no stall; fastsock same
   12,000 B: stock no stall; fastsock same
  100,000 B: stock no stall; fastsock same
1,000,000 B: stock no stall; fastsock same
