--TEST--
read path: a blocking stream_select() echo server reading with fread($c, 4096) never waits where stock does not (on 1 MB messages stock itself stalls in some runs)
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/readstall.inc';

/* On 1 MB messages stock itself stalls in some runs: once a read returned
 * less than its chunk in the middle of the message (the server caught up
 * with the client), its read buffer grows and holds more than 4096 bytes,
 * and whether the message's last bytes leave a tail that the next fread()
 * tops up with a blocking read depends on how they arrived. */
rs_matrix('fread:4096', ['timing' => [1000000]]);
--EXPECT--
fread($conn, 4096) in a blocking stream_select() echo loop, default_socket_timeout=5:
      100 B: stock no stall; fastsock same
    8,192 B: stock no stall; fastsock same
   12,000 B: stock no stall; fastsock same
  100,000 B: stock no stall; fastsock same
1,000,000 B: stock stalls or not, by timing; fastsock echoes intact
