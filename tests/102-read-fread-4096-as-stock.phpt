--TEST--
read path: a blocking stream_select() echo server reading with fread($c, 4096) waits only where stock waits too (stock stalls on 1 MB messages)
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/readstall.inc';

/* Stock itself stalls here once a read returned less than its chunk in the
 * middle of a 1 MB message: its buffer then holds more than 4096 bytes, and
 * the message's last tail is topped up with a blocking read. */
rs_matrix('fread:4096');
--EXPECT--
fread($conn, 4096) in a blocking stream_select() echo loop, default_socket_timeout=5:
      100 B: stock no stall; fastsock same
    8,192 B: stock no stall; fastsock same
   12,000 B: stock no stall; fastsock same
  100,000 B: stock no stall; fastsock same
1,000,000 B: stock stalled; fastsock same
