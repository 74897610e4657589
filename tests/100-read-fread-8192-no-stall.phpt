--TEST--
read path: a blocking stream_select() echo server reading with fread($c, 8192) never waits for data the client will not send, for messages of 100 B to 1 MB (as stock)
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/readstall.inc';

/* The users' select server of the manual's notes and tutorials. Stock reads
 * at most its 8 KiB chunk, so fread($c, 8192) leaves nothing in PHP's read
 * buffer; a read that took more would leave a tail that the next fread()
 * tops up with a blocking read, while the client waits for its echo. */
rs_matrix('fread:8192');
--EXPECT--
fread($conn, 8192) in a blocking stream_select() echo loop, default_socket_timeout=5:
      100 B: stock no stall; fastsock same
    8,192 B: stock no stall; fastsock same
   12,000 B: stock no stall; fastsock same
  100,000 B: stock no stall; fastsock same
1,000,000 B: stock no stall; fastsock same
