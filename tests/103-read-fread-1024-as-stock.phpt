--TEST--
read path: a blocking stream_select() echo server reading with fread($c, 1024) waits exactly where stock does (stock stalls on 12,000 B and larger)
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/readstall.inc';

/* Stock stalls too: 12,000 B arrive as 8192 + 3808, and the last 736 bytes
 * of 3808 are a tail that fread($c, 1024) tops up with a blocking read. The
 * requirement is only: never wait where stock does not. */
rs_matrix('fread:1024');
--EXPECT--
fread($conn, 1024) in a blocking stream_select() echo loop, default_socket_timeout=5:
      100 B: stock no stall; fastsock same
    8,192 B: stock no stall; fastsock same
   12,000 B: stock stalled; fastsock same
  100,000 B: stock stalled; fastsock same
1,000,000 B: stock stalled; fastsock same
