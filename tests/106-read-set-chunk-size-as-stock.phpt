--TEST--
read path: after the script's own stream_set_chunk_size($c, 65536), fread($c, 8192) in a blocking stream_select() echo server waits exactly where stock does
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/readstall.inc';

/* The script asked for a 64 KiB chunk: stock reads up to 64 KiB, leaves a
 * tail and stalls on it, and fastsock, which leaves a chunk set by the
 * script alone, must do the same. */
rs_matrix('fread:8192', ['setup' => 'stream_set_chunk_size($conn, 65536);']);
--EXPECT--
fread($conn, 8192) after stream_set_chunk_size($conn, 65536) in a blocking stream_select() echo loop, default_socket_timeout=5:
      100 B: stock no stall; fastsock same
    8,192 B: stock no stall; fastsock same
   12,000 B: stock stalled; fastsock same
  100,000 B: stock stalled; fastsock same
1,000,000 B: stock stalled; fastsock same
